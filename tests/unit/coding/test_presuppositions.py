"""Presupposed and elliptical acts (issue 11): what a sentence takes as done by others is coded, counted
whatever the sentence's mood; an ellipsis repeats the act in its own clause's mood."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {
    "Tuvalu": "TUV", "Kosovo": "KSV", "Albania": "ALB", "Senegal": "SEN", "Peru": "PER", "Chile": "CHL",
    "Gabon": "GAB", "Chad": "TCD", "Mali": "MLI", "Niger": "NER", "Kenya": "KEN", "Uganda": "UGA",
    "Ghana": "GHA", "Venezuelan": "VEN",
}  # fmt: skip


def acts(events):
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo, e.counted) for e in events)


def test_an_ordinal_country_after_others_presupposes_their_acts(coded):
    events = coded(
        "Tuvalu became the fifth state to recognise Kosovo, after Albania, Senegal and Peru.", ACTORS
    )
    assert acts(events) == [(c, "KSV", "054", True) for c in ("ALB", "PER", "SEN", "TUV")]


def test_following_a_lead_presupposes_the_leader_did_it(coded):
    events = coded("Peru followed Chile's lead on Monday, expelling Venezuelan diplomats.", ACTORS)
    assert [(s, c, n) for s, _, c, n in acts(events)] == [("CHL", "161", True), ("PER", "161", True)]


def test_joining_others_presupposes_their_acts(coded):
    events = coded("Kenya recognised Kosovo on Friday, joining Uganda and Ghana.", ACTORS)
    assert acts(events) == [(c, "KSV", "054", True) for c in ("GHA", "KEN", "UGA")]


def test_did_the_same_repeats_the_act_for_its_subjects(coded):
    events = coded("Chad recognised Kosovo, and Mali and Niger did the same.", ACTORS)
    assert acts(events) == [(c, "KSV", "054", True) for c in ("MLI", "NER", "TCD")]


def test_a_question_about_following_still_presupposes_the_leaders(coded):
    events = coded("Will Gabon follow Chad and Mali in recognising Kosovo?", ACTORS)
    assert acts(events) == [
        ("GAB", "KSV", "054", False),
        ("MLI", "KSV", "054", True),
        ("TCD", "KSV", "054", True),
    ]


def test_a_refusal_to_follow_still_presupposes_the_leader(coded):
    events = coded("Gabon will not follow Chad in recognising Kosovo.", ACTORS)
    assert ("TCD", "KSV", "054", True) in acts(events)
    assert all(not e.counted for e in events if e.source.code == "GAB" and e.cameo == "054")


def test_do_so_after_others_in_an_apposition(coded):
    events = coded("Gabon recognised Kosovo, the latest country to do so after Chad and Mali.", ACTORS)
    assert acts(events) == [(c, "KSV", "054", True) for c in ("GAB", "MLI", "TCD")]


def test_an_ellipsis_takes_its_own_clause_mood(coded):
    events = coded("Chad recognised Kosovo, and Mali may do the same.", ACTORS)
    assert acts(events) == [("MLI", "KSV", "054", False), ("TCD", "KSV", "054", True)]


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Chad recognised Kosovo, and Mali said it intended to take the same step next year.", "intended"),
        ("Chad recognised Kosovo on Monday. Mali plans to follow suit next year.", "intended"),
        ("Chad recognised Kosovo, and Mali denied that it would do the same.", None),
    ],
)
def test_an_ellipsis_under_an_intention_or_a_denial_is_not_done(coded, text, modality):
    events = coded(text, ACTORS)
    [copy] = [e for e in events if e.source.code == "MLI" and e.cameo == "054"]
    assert not copy.counted
    assert modality is None or copy.modality == modality
    assert [(e.source.code, e.counted) for e in events if e.source.code == "TCD"] == [("TCD", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Tuvalu recognised Kosovo, following similar moves by Albania and Senegal.",
        "Tuvalu recognised Kosovo on Friday, following in the footsteps of Albania and Senegal.",
        "Tuvalu recognises Kosovo, making it the third country to do so after Albania and Senegal.",
    ],
)
def test_every_one_of_those_who_went_first_did_it(coded, text):
    events = coded(text, ACTORS)
    assert acts(events) == [(c, "KSV", "054", True) for c in ("ALB", "SEN", "TUV")]


def test_an_attack_that_went_before_is_no_like_act(coded):
    events = coded("Chad cut ties with Kenya, following attacks by Uganda.", ACTORS)
    assert not [e for e in events if e.source.code == "UGA" and e.cameo.startswith("16")]


def test_a_repeat_with_a_date_of_its_own_is_dated_by_it(coded):
    events = coded("Chad recognised Kosovo in 2008, while Mali did so in 2011.", ACTORS)
    assert sorted((e.source.code, e.date) for e in events) == [("MLI", "2011-01-01"), ("TCD", "2008-01-01")]


@pytest.mark.parametrize(
    "text, counted",
    [
        ("Chad has said it would recognise Kosovo only after Mali had done so.", False),
        ("Chad recognised Kosovo only after Mali had recognised it.", True),
    ],
)
def test_what_another_must_do_first_is_a_condition_and_what_it_did_first_a_fact(coded, text, counted):
    events = coded(text, ACTORS)
    assert [e.counted for e in events if e.source.code == "MLI" and e.cameo == "054"] == [counted]


def test_a_repeat_landing_on_the_act_it_repeats_is_not_a_second_event(coded):
    text = (
        "The African Union has refused to recognise the council, saying it would do so only once an "
        "inclusive transitional government is formed."
    )
    events = coded(text, {"The African Union": "IGOAFRAFU"})
    assert len({e.id for e in events}) == len(events)  # the ledger stores each, none clashing
    assert [e.cameo for e in events if e.cameo.startswith("12") and e.counted] == ["120"]
