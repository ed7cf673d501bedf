"""Structures coded through the real parse with hand-placed actors: nesting, coordination, control, frames."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {
    "Spain": "ESP", "Ireland": "IRL", "Norway": "NOR", "Israel": "ISR", "Hamas": "PSEREB", "Nauru": "NRU",
    "Taipei": "TWNGOV", "Beijing": "CHNGOV", "Portugal": "PRT", "Britain": "GBR", "Egypt": "EGY",
    "Qatar": "QAT", "Saudi Arabia": "SAU", "Bahrain": "BHR", "United Arab Emirates": "ARE", "Thailand": "THA",
    "Cambodia": "KHM", "Germany": "DEU", "Hungary": "HUN", "Syria": "SYR", "Russian": "RUS", "Iran": "IRN",
    "Tokyo": "JPNGOV", "Palestinian": "PSE", "Pope": "VAT", "Ukraine": "UKR", "Damascus": "SYRGOV",
}  # fmt: skip


def summary(events):
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in events)


def test_act_noun_beside_a_clause_points_condemnation_at_every_recogniser(coded):
    events = coded(
        "Spain, Ireland and Norway recognised a Palestinian state, a step Israel condemned.", ACTORS
    )
    condemnations = [e for e in events if e.cameo == "111"]
    assert sorted(e.target.code for e in condemnations) == ["ESP", "IRL", "NOR"]
    assert all(e.act and e.detail.startswith("054") for e in condemnations)


def test_switching_recognition_is_a_withdrawal_and_a_recognition(coded):
    events = coded("Nauru switched its diplomatic recognition from Taipei to Beijing on Monday.", ACTORS)
    assert summary(events) == [("NRU", "CHNGOV", "054", "asserted"), ("NRU", "TWNGOV", "161", "asserted")]
    assert {e.relation for e in events} == {"recognition:recognized", "recognition:withdrawn"}


def test_elliptical_as_did_shares_the_event(coded):
    events = coded("Portugal recognised the Palestinian state on Sunday, as did Britain.", ACTORS)
    assert {(e.source.code, e.cameo) for e in events} == {("PRT", "054"), ("GBR", "054")}


def test_list_parsed_as_apposition_still_coordinates(coded):
    text = "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt severed diplomatic ties with Qatar."
    events = coded(text, ACTORS)
    assert sorted(e.source.code for e in events if e.cameo == "161") == ["ARE", "BHR", "EGY", "SAU"]


def test_passive_appeal_makes_the_urged_party_the_actor_of_the_request(coded):
    events = coded("Hamas was urged by Egypt to accept the ceasefire.", ACTORS)
    appeal = next(e for e in events if e.cameo.startswith("02"))
    assert (appeal.source.code, appeal.target.code) == ("EGY", "PSEREB")
    assert any(e.source.code == "PSEREB" and e.modality == "requested" for e in events)


def test_call_for_a_ceasefire_has_no_requested_act(coded):
    events = coded("Qatar called for a ceasefire between Israel and Hamas.", ACTORS)
    assert [e.modality for e in events] == ["asserted", "asserted"]
    assert {e.cameo[:2] for e in events} == {"02"}


def test_charge_and_purpose_clauses_are_not_events(coded):
    events = coded("Egypt severed ties with Qatar, accusing Qatar of supporting Hamas.", ACTORS)
    assert "051" not in {e.cameo for e in events}
    events = coded("Germany lifted its sanctions on Syria to support Syria.", ACTORS)
    assert [e.cameo for e in events] == ["085"]


def test_reproached_party_did_the_act(coded):
    events = coded("Germany criticised Hungary for blocking the aid package for Ukraine.", ACTORS)
    veto = next(e for e in events if e.cameo == "129")
    assert veto.source.code == "HUN"


def test_ruled_out_is_a_refusal_and_the_recognition_is_negated(coded):
    events = coded("Tokyo ruled out recognising a Palestinian state.", ACTORS)
    assert summary(events) == [("JPNGOV", "PSE", "054", "asserted"), ("JPNGOV", "PSE", "120", "asserted")]
    assert [e.counted for e in sorted(events, key=lambda e: e.cameo)] == [False, True]


def test_whether_and_inverted_conditions_are_hypothetical(coded):
    events = coded("It remains unclear whether Iran will recognise Israel.", ACTORS)
    assert [e.modality for e in events] == ["hypothetical"]
    events = coded("Were Israel to lift the sanctions, Iran would recognise Israel.", ACTORS)
    assert all(not e.counted for e in events) and events


def test_a_backed_modifier_names_no_target(coded):
    events = coded("Damascus recognised the Russian-backed separatists.", ACTORS)
    # Russia backs them, it is not recognised; with no one else named, no recognition is coded
    # (a recognition names whom it recognises, or says nothing the ledger can use)
    assert not any(e.target is not None and e.target.code.startswith("RUS") for e in events)
    assert not [e for e in events if e.cameo == "054"]


def test_each_coordinated_act_takes_the_date_of_its_own_clause(coded):
    text = "Egypt recognised Israel in 2023, and Qatar expelled Iranian diplomats in January."
    events = {e.cameo: e for e in coded(text, {**ACTORS, "Iranian": "IRN"})}
    assert events["054"].date.startswith("2023") and events["054"].date_basis == "explicit"
    assert events["161"].date.startswith("2025-01")


def test_a_move_beside_a_clause_without_its_own_trigger_points_at_the_act_inside(coded):
    events = coded(
        "Germany signed decrees recognising Syria's new rulers, a move Egypt denounced as reckless.", ACTORS
    )
    condemnation = next(e for e in events if e.cameo.startswith("11"))
    assert condemnation.target.code == "DEU" and condemnation.detail.startswith("054")


def test_what_a_warning_threatens_is_the_threat_alone(coded):
    events = coded(
        "Germany warned Egypt that German support would end unless Egypt agreed to the plan.",
        {"Germany": "DEU", "German": "DEU", "Egypt": "EGY"},
    )
    assert [(e.source.code, e.target.code, e.cameo[:2]) for e in events] == [("DEU", "EGY", "13")]


def test_they_who_are_told_to_stop_are_not_the_ones_demanding(coded):
    events = coded("Germany condemned the Hamas attacks on shipping and demanded that they stop.", ACTORS)
    demand = next(e for e in events if e.cameo.startswith("10"))
    assert (demand.source.code, demand.target.code) == ("DEU", "PSEREB")
