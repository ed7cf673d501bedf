"""Patterns for acts the first pattern set missed: sharing evidence, mediation missions, welcomes,
troop offers and contributions, and aid handed over."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {"Peru": "PER", "Chile": "CHL", "Ghana": "GHA", "Nepal": "NPL", "Kenya": "KEN"}


def codes(events):
    found = [(e.source.code, e.target.code if e.target else None, e.cameo) for e in events]
    return sorted(found, key=lambda row: tuple(part or "" for part in row))


def test_sharing_evidence_with_a_state_is_sharing_information(coded):
    assert codes(coded("Peru shared evidence with Chile about the smuggling ring.", ACTORS)) == [
        ("PER", "CHL", "064")
    ]


def test_a_mediation_mission_between_two_states_mediates_between_them(coded):
    events = coded("Ghana launched a mediation mission between Peru and Chile.", ACTORS)
    assert codes(events) == [("GHA", "CHL", "045"), ("GHA", "PER", "045")]


def test_giving_a_warm_welcome_to_a_leader_is_hosting(coded):
    assert ("KEN", "GHA", "043") in codes(coded("Kenya gave a warm welcome to Ghana on Monday.", ACTORS))


def test_offering_troops_to_a_state_is_a_stated_intent_to_protect(coded):
    events = coded("Ghana offered its troops to Nepal.", ACTORS)
    assert [(e.cameo, e.modality) for e in events] == [("0334", "asserted")]


def test_contributing_troops_to_a_force_is_peacekeeping(coded):
    assert ("GHA", "NPL", "074") in codes(
        coded("Ghana contributed 500 troops to the force in Nepal.", ACTORS)
    )


def test_handing_over_medicine_is_humanitarian_aid(coded):
    assert ("KEN", "NPL", "073") in codes(coded("Kenya handed over medicine to Nepal.", ACTORS))


def test_a_misread_lemma_still_finds_its_pattern(coded):
    # the tagger lemmatises "staged" as "stag"; the word's own stem still matches
    events = coded("Thousands of students throughout Nepal staged demonstrations against Ghana.", ACTORS)
    assert codes(events) == [("NPL", "GHA", "141")]


def test_joining_a_boycott_is_a_sanction(coded):
    events = coded("Kenya joined a boycott of Ghana last year.", ACTORS)
    assert codes(events) == [("KEN", "GHA", "163")]


def test_storming_an_embassy_is_a_violent_protest(coded):
    events = coded(
        "Protesters stormed the Kenyan embassy in Lima.",
        {"Kenyan": "KEN", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert codes(events) == [("PERCVL", "KEN", "145")]


def test_what_protesters_call_for_is_the_cause_of_their_protest(coded):
    events = coded(
        "Thousands of Nepalis demonstrated in Lima, calling for sanctions on Ghana.",
        {"Nepalis": "NPL", "Lima": "PER", "Ghana": "GHA"},
        kinds={"Lima": "place"},
    )
    assert [e.cameo[:2] for e in events] == ["14"]


def test_insisting_that_something_is_so_is_no_demand(coded):
    events = coded("Peru insisted that the unrest in Chile reflected old tensions.", ACTORS)
    assert not [e for e in events if e.cameo.startswith("10")]
    events = coded("Peru insisted on an apology from Chile.", ACTORS)
    assert [e.cameo[:2] for e in events] == ["10"]


def test_troops_arriving_pay_no_visit(coded):
    events = coded(
        "Kenyan peacekeeping troops arrived in Lima on Tuesday.",
        {"Kenyan": "KEN", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert not [e for e in events if e.cameo == "042"]
    events = coded(
        "Ghana's trade minister arrived in Lima on Tuesday.",
        {"Ghana's trade minister": "GHAGOV", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert codes(events) == [("GHAGOV", "PER", "042"), ("PER", "GHAGOV", "043")]


def test_warning_that_one_will_act_is_a_threat(coded):
    events = coded(
        "Peru warned that its police will no longer tolerate rallies by Chileans.",
        {"Peru": "PER", "Chileans": "CHL"},
    )
    assert [e.cameo[:2] for e in events if e.source.code == "PER"] == ["13"]
    events = coded("Peru warned that the economy was slowing.", ACTORS)
    assert events == ()


def test_workers_stopping_work_are_on_strike(coded):
    events = coded(
        "Nepali dock workers in Lima stopped work on Monday.",
        {"Nepali dock workers": "NPLLAB", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert [e.cameo for e in events] == ["143"]


def test_undertaking_a_mission_does_it(coded):
    events = coded("Ghana undertook a mediation mission between Peru and Chile.", ACTORS)
    assert {(e.cameo, e.modality) for e in events} == {("045", "asserted")}


def test_forces_withdrawing_from_a_place_retreat_from_its_state(coded):
    events = coded(
        "Ghanaian forces withdrew from the east bank, including the city of Lima.",
        {"Ghanaian forces": "GHAMIL", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert codes(events) == [("GHAMIL", "PER", "0874")]


def test_hours_given_to_an_ambassador_to_leave_are_an_expulsion(coded):
    events = coded(
        "Peru gave the Chilean ambassador 48 hours to leave the country.", {"Peru": "PER", "Chilean": "CHL"}
    )
    assert codes(events) == [("PER", "CHL", "161")]
    assert events[0].relation == "representation:expelled"


def test_hours_given_to_a_state_to_act_are_an_ultimatum(coded):
    events = coded("Kenya gave Ghana 24 hours to withdraw its troops or face retaliation.", ACTORS)
    assert ("KEN", "GHA", "139") in codes(events)


def test_citing_a_state_s_involvement_accuses_it(coded):
    events = coded("Peru expelled two diplomats, citing Chile's involvement in a sabotage plot.", ACTORS)
    assert ("PER", "CHL", "112") in codes(events)


def test_the_two_are_the_last_pair_named(coded):
    events = coded(
        "Ghana praised Kenya's mediation between Peru and Chile after the two agreed a ceasefire.", ACTORS
    )
    ceasefire = sorted((e.source.code, e.target.code) for e in events if e.cameo == "0871")
    assert ceasefire == [("CHL", "PER"), ("PER", "CHL")]


def test_a_reminder_that_a_state_must_act_is_a_demand(coded):
    events = coded("Peru issued a stern reminder to Chile that it must respect the border treaty.", ACTORS)
    assert ("PER", "CHL", "10") in {(e.source.code, e.target.code, e.cameo[:2]) for e in events}
    events = coded("Peru issued a reminder of the war to its citizens.", ACTORS)
    assert not [e for e in events if e.cameo.startswith("10")]


def test_police_preventing_a_demonstration_restrict_political_freedom(coded):
    events = coded(
        "Kenyan police prevented the demonstration planned by students in Lima.",
        {"Kenyan police": "KENCOP", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert [e.cameo for e in events] == ["1721"]


def test_declaring_a_state_of_siege_is_martial_law(coded):
    events = coded(
        "The Ghanaian junta declared a state of siege in the capital.", {"Ghanaian junta": "GHAGOV"}
    )
    assert [e.cameo for e in events] == ["1724"]


def test_approving_ones_own_plan_is_no_praise_of_another(coded):
    assert coded("The Kenyan cabinet approved a plan on water use.", {"Kenyan cabinet": "KENGOV"}) == ()
    events = coded("Kenya approved Ghana's plan for the border.", ACTORS)
    assert ("KEN", "GHA", "051") in codes(events)


def test_diplomats_leaving_a_capital_are_withdrawn(coded):
    events = coded(
        "Kenyan diplomats left Lima within days.",
        {"Kenyan diplomats": "KENGOV", "Lima": "PER"},
        kinds={"Kenyan diplomats": "role", "Lima": "place"},
    )
    assert codes(events) == [("KENGOV", "PER", "161")]


def test_raising_a_representation_to_ambassador_level_upgrades_the_mission(coded):
    events = coded(
        "Ghana raised its representation in Lima to ambassador level on Friday.",
        {"Ghana": "GHA", "Lima": "PER"},
        kinds={"Lima": "place"},
    )
    assert codes(events) == [("GHA", "PER", "050")]


def test_releasing_a_video_frees_no_one(coded):
    assert coded("Peru released a video of the talks with Chile.", ACTORS) == ()
    assert codes(
        coded("Peru released three Chilean fishermen on Monday.", {"Peru": "PER", "Chilean": "CHL"})
    ) == [("PER", "CHL", "0841")]
