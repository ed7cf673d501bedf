"""Definite descriptions and a main-clause "it" stand for the state, group or organisation named before
(issue 11: "accusing the kingdom", "the bloc", "it keeps a junta-appointed envoy")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coref(parse, text, date="2025-07-04"):
    return [
        (m.text, m.actor.code)
        for m in parse(text, date=date).mentions
        if "coref" in m.rule and "person" not in m.rule
    ]


def test_the_kingdom_is_the_monarchy_named_before_not_the_clause_subject(parse):
    found = coref(parse, "Algeria severed relations with Morocco, accusing the kingdom of hostile actions.")
    assert found == [("the kingdom", "MAR")]


def test_the_bloc_is_the_organisation_named_before(parse):
    found = coref(parse, "Mali announced its withdrawal from ECOWAS, accusing the bloc of betrayal.")
    assert found == [("the bloc", "IGOWAFWAS")]


def test_a_description_is_never_the_subject_of_its_own_clause(parse):
    text = "The US recognised South Sudan; Washington said it would open relations with the new state."
    assert ("the new state", "SSD") in coref(parse, text)


def test_an_adjective_narrows_the_states_a_description_may_name(parse):
    text = "Iran met envoys from Bahrain and Tunisia. The Gulf state later restored relations."
    assert coref(parse, text) == [("The Gulf state", "BHR")]


def test_two_states_equally_fitting_are_not_guessed_between(parse):
    text = "Talks between Chile and Peru resumed in Lima. The country said it was hopeful."
    assert [c for c in coref(parse, text) if c[0] == "The country"] == []


def test_a_government_word_names_the_government(parse):
    text = "Myanmar's envoy was recalled last year. The junta has not named a successor."
    assert coref(parse, text) == [("The junta", "MMRGOV")]


def test_a_main_clause_it_is_the_subject_before(parse):
    text = "France has kept its embassy in Kabul open. It also hosts a Taliban-appointed envoy in Paris."
    assert ("It", "FRA") in coref(parse, text)


def test_an_empty_it_names_no_one(parse):
    text = "France recognised Palestine. It is unclear whether Germany will follow."
    assert coref(parse, text) == []


def test_a_state_named_in_passing_does_not_take_a_description_from_the_story_s_state(parse):
    text = (
        "Nauru cut ties with Taiwan on Monday. Nauru will now seek relations with China, and Nauru's "
        "president thanked Beijing. Analysts said a new government in Tuvalu could review its ties. "
        "The island of 12,000 people has switched before."
    )
    assert ("The island", "TUV") not in coref(parse, text, date="2024-01-15")


def test_the_main_clause_subject_before_still_gives_a_description(parse):
    text = (
        "Nauru cut ties with Taiwan on Monday. Tuvalu said it would keep its ties. "
        "The island has 11,000 people."
    )
    assert ("The island", "TUV") in coref(parse, text, date="2024-01-15")


def test_it_after_a_subject_that_names_no_actor_is_not_the_sentence_before_s_subject(parse):
    text = (
        "Tuvalu said it would keep its ties. "
        "The decision surprised analysts, but it came after weeks of talks."
    )
    second = text.index("The decision")
    mentions = parse(text, date="2024-01-15").mentions
    its = [m for m in mentions if m.rule == "it-coref" and m.span.start > second]
    assert its == []
