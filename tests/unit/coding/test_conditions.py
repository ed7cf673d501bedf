"""Statements of conditions: the statement (a demand, a stated intention) was made and is counted,
its detail lists the conditions and it gives the ledger a condition; the act it is about is not counted."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {"Peru": "PER", "Chile": "CHL", "Ghana": "GHA", "Nepal": "NPL", "Lima": "PER"}


def condition_of(events, cameo_root):
    event = next(e for e in events if e.cameo.startswith(cameo_root))
    assert event.modality == "asserted" and event.counted
    assert event.relation == "condition:conditional"
    return event.detail


def test_must_first_is_a_counted_demand_listing_each_condition(coded):
    events = coded("Peru says Chile must first free the prisoners and hold elections.", ACTORS)
    assert condition_of(events, "10") == "conditions: free the prisoners; hold elections"


def test_only_after_conditions_a_stated_intention_and_its_act(coded):
    events = coded("Ghana will recognise Nepal only after Nepal holds elections.", ACTORS)
    assert condition_of(events, "03") == "conditions: only after Nepal holds elections"
    [act] = [e for e in events if e.cameo == "054"]
    assert (act.modality, act.counted) == ("conditional", False)


def test_provided_that_conditions_a_reported_intention(coded):
    events = coded("Peru said it would restore ties with Chile provided that the envoys are freed.", ACTORS)
    assert condition_of(events, "03") == "conditions: provided that the envoys are freed"
    assert all(not e.counted for e in events if not e.cameo.startswith("03"))


def test_as_long_as_conditions_the_act_and_makes_its_clause_hypothetical(coded):
    events = coded(
        "Ghana will keep its embassy in Lima open as long as Peru does not arm Nepal.",
        ACTORS,
        kinds={"Lima": "place"},
    )
    assert condition_of(events, "03") == "conditions: as long as Peru does not arm Nepal"
    assert all(e.modality != "asserted" for e in events if not e.cameo.startswith("03"))


def test_keeping_its_own_embassy_abroad_keeps_relations(coded):
    events = coded("Ghana kept its embassy in Lima open during the war.", ACTORS, kinds={"Lima": "place"})
    assert [(e.source.code, e.target.code, e.relation) for e in events] == [
        ("GHA", "PER", "diplomatic_relations:active")
    ]


def _conditional_ties(events):
    return [
        (e.source.code, e.target.code if e.target else None, e.cameo[:2])
        for e in events
        if e.modality == "conditional" and not e.counted and e.relation == "condition:conditional"
    ]


def test_an_act_made_conditional_on_something_is_stated_under_it_not_done(coded):
    events = coded("Ghana made the reopening of its embassy in Peru conditional on Chile's conduct.", ACTORS)
    assert _conditional_ties(events) == [("GHA", "PER", "05")]
    assert not any(e.counted for e in events)
    [act] = [e for e in events if e.cameo.startswith("05")]
    assert act.detail == "conditions: on Chile's conduct"


def test_the_small_clause_of_made_conditional_gives_the_act_to_the_one_setting_it(coded):
    events = coded("Nepal made the restoration of ties with Ghana conditional on an apology.", ACTORS)
    assert _conditional_ties(events) == [("NPL", "GHA", "05")]


def test_ties_possible_only_once_are_the_speakers_conditional_ties(coded):
    events = coded(
        "Peru said normal relations with Chile would be possible only once Chile frees the envoys.", ACTORS
    )
    assert ("PER", "CHL", "05") in _conditional_ties(events)
    assert not any(e.counted and e.cameo.startswith("05") for e in events)


def test_an_upgrade_that_depends_on_anothers_conduct_is_with_that_other(coded):
    events = coded("Peru said any upgrade in relations would depend on Chile's conduct in Ghana.", ACTORS)
    assert _conditional_ties(events) == [("PER", "CHL", "05")]


def test_ties_told_as_a_fact_with_no_condition_are_no_act(coded):
    events = coded("The improvement in relations with Chile since 2016 has been slow, Peru said.", ACTORS)
    assert not [e for e in events if e.cameo.startswith("05")]
    events = coded("Peru and Chile have normal relations.", ACTORS)
    assert not [e for e in events if e.detail and "conditions" in e.detail]


def test_a_pledge_whose_infinitive_the_parser_hangs_on_the_main_verb_is_not_done(coded):
    text = "Ghana's visit underscored Peru's anxiety about Chile's campaign pledge to recognise Nepal."
    events = coded(text, ACTORS)
    [act] = [e for e in events if e.cameo == "054"]
    assert (act.source.code, act.counted, act.modality) == ("CHL", False, "intended")
