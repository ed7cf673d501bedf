"""Wire wording found in the twelfth session's blind batch (issue 11), as classes: the envoy whom nobody
knows but whose post the sentence gives, orders that are not yet done, groups named by number or by
"both", one speaker's statement for several, breaks told as nouns, and who a following verb says went
first."""

from __future__ import annotations

import pytest
from handmade import facts

pytestmark = pytest.mark.slow

ACTORS = {
    "Israel": "ISR", "Chile": "CHL", "US": "USA", "Myanmar": "MMR", "United Arab Emirates": "ARE",
    "Pakistan": "PAK", "Taliban": "AFGREB", "Islamabad": "PAK", "Serbia": "SRB", "Montenegro": "MNE",
    "Macedonia": "MKD", "Kosovo": "KSV", "Ireland": "IRL", "Norway": "NOR", "Spain": "ESP",
    "Palestinian": "PSE", "Saudi": "SAUGOV", "UAE": "ARE", "Bahrain": "BHR", "Egypt": "EGY", "Doha": "QATGOV",
    "Tegucigalpa": "HNDGOV", "Taipei": "TWNGOV", "Tuvalu": "TUV", "Nauru": "NRU", "Beijing": "CHNGOV",
    "India": "IND", "Oslo": "NOR", "Dublin": "IRL", "United States": "USA", "Bogota": "COL",
}  # fmt: skip
PLACES = {"Islamabad": "place", "Oslo": "place", "Dublin": "place", "Bogota": "place"}


def test_an_unknown_envoy_s_post_names_the_host_when_the_one_received_is_unknown(coded):
    events = coded(
        "Gil Artzyeli, Israel's ambassador to Chile, presented his credentials to President Gabriel Boric.",
        ACTORS,
    )
    assert facts(events) == [("ISR", "CHL", "050")]


def test_the_post_an_envoy_became_names_the_state_that_sends_and_the_one_that_hosts(coded):
    events = coded(
        "Derek Mitchell presented his credentials to President Thein Sein on Wednesday, becoming the first "
        "US ambassador to Myanmar in 22 years.",
        ACTORS,
    )
    assert facts(events) == [("USA", "MMR", "050")]


def test_credentials_presented_in_the_passive_are_those_of_the_envoy_named_with_them(coded):
    events = coded(
        "The credentials of Mohamed Al Khaja, the United Arab Emirates' first ambassador to Israel, were "
        "presented to President Reuven Rivlin on Monday.",
        ACTORS,
    )
    assert facts(events) == [("ARE", "ISR", "050")]


def test_ordering_a_mission_shut_is_the_orderer_s_act_and_the_closure_is_not_yet_done(coded):
    events = coded(
        "Pakistan on Thursday ordered the Taliban to shut their embassy in Islamabad.",
        ACTORS,
        kinds=PLACES,
    )
    assert facts(events, counted=True) == [("PAK", "AFGREB", "161")]
    assert [e.modality for e in events if not e.counted] == ["requested"]


def test_what_someone_denies_having_ordered_stays_denied_not_merely_ordered(coded):
    events = coded(
        "President Islam Karimov denied on Saturday that he had ordered troops to open fire on crowds in "
        "Andijan, blaming Islamic militants for the unrest.",
        {"President Islam Karimov": "UZBGOV", "troops": "UZBMIL"},
    )
    fire = [e for e in events if e.cameo.startswith("19")]
    assert fire and all(e.modality == "denied" and not e.counted for e in fire)
    assert ("UZBGOV", None, "016") in facts(events, counted=True)


def test_a_group_named_by_number_says_what_they_it_announced_stands_for(coded):
    events = coded(
        "Israel recalled its ambassadors to Ireland, Norway and Spain on Wednesday after the three "
        "governments announced they would recognise a Palestinian state.",
        ACTORS,
    )
    assert facts(events, counted=True) == [
        ("ESP", "PSE", "032"),
        ("IRL", "PSE", "032"),
        ("ISR", "ESP", "161"),
        ("ISR", "IRL", "161"),
        ("ISR", "NOR", "161"),
        ("NOR", "PSE", "032"),
    ]


def test_one_speaking_for_several_makes_the_statement_alone(coded):
    events = coded(
        "The Saudi foreign minister said on Tuesday that the kingdom, the UAE, Bahrain and Egypt would "
        "restore full relations with Doha.",
        {**ACTORS, "the kingdom": "SAUGOV"},
    )
    assert [f for f in facts(events, counted=True) if f[2].startswith("03")] == [("SAUGOV", "QATGOV", "032")]
    intended = {e.source.code for e in events if not e.counted and e.cameo.startswith("05")}
    assert intended == {"SAUGOV", "ARE", "BHR", "EGY"}


def test_a_break_told_as_a_noun_is_its_owner_s_break(coded):
    events = coded("Tegucigalpa's break with Taipei became official on Saturday.", ACTORS)
    assert facts(events) == [("HNDGOV", "TWNGOV", "161")]


@pytest.mark.parametrize(
    "text",
    [
        "Will Tuvalu follow Nauru in switching recognition from Taipei to Beijing?",
        "Tuvalu will follow Nauru in switching recognition from Taipei to Beijing.",
    ],
)
def test_who_is_followed_did_it_whatever_the_mood_of_the_follower(coded, text):
    events = coded(text, ACTORS)
    assert ("NRU", "CHNGOV", "054") in facts(events, counted=True)
    assert not [e for e in events if e.source.code == "TUV" and e.counted and e.cameo == "054"]


def test_a_finite_clause_after_a_time_phrase_never_borrows_the_main_subject(coded):
    events = coded(
        "Serbia expelled the ambassadors of Montenegro and Macedonia on Friday, a day after both of its "
        "neighbours recognised Kosovo.",
        ACTORS,
    )
    recognitions = [f for f in facts(events, counted=True) if f[2] == "054"]
    assert recognitions == [("MKD", "KSV", "054"), ("MNE", "KSV", "054")]


def test_setting_foot_in_a_country_is_a_visit_it_hosts(coded):
    events = coded(
        "The Indian prime minister set foot in Pakistan on Friday.", {**ACTORS, "Indian": "INDGOV"}
    )
    assert facts(events) == [("INDGOV", "PAK", "042"), ("PAK", "INDGOV", "043")]


def test_ambassadors_ordered_home_from_two_capitals_are_recalled(coded):
    events = coded(
        "Israel ordered its ambassadors in Oslo and Dublin home for consultations on Wednesday.",
        ACTORS,
        kinds=PLACES,
    )
    assert ("ISR", "NOR", "161") in facts(events, counted=True)
    assert all(e.relation == "representation:recalled" for e in events)


def test_a_diplomat_summoned_home_is_recalled_not_summoned_in_protest(coded):
    events = coded(
        "The United States summoned its top diplomat in Bogota home on Thursday.", ACTORS, kinds=PLACES
    )
    assert facts(events) == [("USA", "COL", "161")]


def test_downgrading_one_s_representation_in_a_state_reduces_relations_with_it(coded):
    events = coded(
        "Jordan downgraded its diplomatic representation in Qatar on Tuesday.",
        {"Jordan": "JOR", "Qatar": "QAT"},
    )
    assert facts(events, counted=True) == [("JOR", "QAT", "161")]


def test_persona_non_grata_hung_inside_the_object_still_expels(coded):
    events = coded(
        "Azerbaijan declared four employees of the Iranian embassy in Baku persona non grata on Thursday.",
        {"Azerbaijan": "AZE", "Iranian": "IRN", "Baku": "AZE"},
        kinds={"Baku": "place"},
    )
    assert facts(events, counted=True) == [("AZE", "IRN", "161")]
    assert [e.relation for e in events] == ["representation:expelled"]
