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
