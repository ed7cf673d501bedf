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
