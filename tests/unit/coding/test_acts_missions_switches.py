"""Classes fixed in the tenth session (issues 11 and 12): positions on an act told before ("condemned it",
"what he called a courageous decision", an act noun's owner), a recognition someone says an act
amounted to, an embassy as the subject of its own reopening or closing, and a break "in favour of" a
rival government, coded as CAMEO codes a switch while the ledger waits for a recognition to be told."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {
    "Spain": "ESP", "Palestine": "PSE", "Israel": "ISR", "Uruguay": "URY", "Abbas": "PSEGOV",
    "China": "CHN", "Lithuania": "LTU", "Taiwan": "TWN", "Vilnius": "LTUGOV", "Beijing": "CHNGOV",
    "Burkina Faso": "BFA", "Paraguay": "PRY", "Chinese": "CHN", "Japan": "JPN", "Kyiv": "UKR",
    "Canadian": "CAN", "Tehran": "IRN", "Libya": "LBY", "Damascus": "SYR", "Serbia": "SRB",
}  # fmt: skip


def counted(events):
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo) for e in events if e.counted)


def test_a_pronoun_with_no_actor_takes_up_the_act_told_before(coded):
    events = coded("Spain recognised Palestine on Tuesday. Israel condemned it.", ACTORS)
    condemned = next(e for e in events if e.cameo == "111")
    recognised = next(e for e in events if e.cameo == "054")
    assert (condemned.source.code, condemned.target.code, condemned.act) == ("ISR", "ESP", recognised.id)
    assert condemned.relation == "position:opposes"


def test_a_noun_the_speaker_names_takes_up_any_act_before(coded):
    text = "Uruguay recognised Palestine. Abbas praised what he called a courageous decision."
    events = coded(text, ACTORS)
    assert ("PSEGOV", "URY", "051") in counted(events)


def test_an_act_noun_s_owner_is_the_one_a_position_targets(coded):
    events = coded("China opposed Lithuania's decision to let Taiwan open an office in Vilnius.", ACTORS)
    assert ("CHN", "LTU", "110") in counted(events)
    assert not any(e.cameo == "110" and e.target.code == "TWN" for e in events)


def test_a_recognition_someone_says_an_act_amounted_to_is_never_counted(coded):
    events = coded("Chinese state media said the office amounted to recognition of Taiwan.", ACTORS)
    [recognition] = [e for e in events if e.cameo == "054"]
    assert (recognition.negated, recognition.modality, recognition.counted) == (False, "hypothetical", False)
    assert "modality:hypothetical:characterised" in recognition.evidence.notes


def test_a_denied_amounting_to_recognition_stays_a_negated_recognition(coded):
    events = coded("Serbia said the visit did not amount to recognition of Taiwan.", ACTORS)
    [recognition] = [e for e in events if e.cameo == "054"]
    assert (recognition.negated, recognition.modality, recognition.counted) == (True, "asserted", False)


def test_an_embassy_that_reopens_is_its_state_s_mission_hosted_where_it_sits(coded):
    [event] = coded("Japan's embassy in Kyiv reopened on Monday.", ACTORS)
    assert (event.source.country, event.target.code, event.cameo) == ("JPN", "UKR", "050")
    assert (event.relation, event.relation_subject) == ("representation:hosts_envoy", "target")


def test_an_embassy_that_closes_is_a_cut(coded):
    [event] = coded("The Canadian embassy in Tehran closed on Friday.", ACTORS)
    assert (event.source.country, event.target.code, event.cameo) == ("CAN", "IRN", "161")


def test_an_embassy_shut_since_a_year_is_a_state_not_an_act(coded):
    assert coded("Libya's embassy in Damascus, shut since 2012, stayed empty.", ACTORS) == ()


def test_a_break_in_favour_of_a_rival_codes_the_switch_but_claims_no_recognition(coded):
    events = coded("Burkina Faso cut ties with Taiwan in favour of Beijing.", ACTORS)
    assert counted(events) == [("BFA", "CHNGOV", "054"), ("BFA", "TWN", "161")]
    switch = next(e for e in events if e.cameo == "054")
    assert switch.relation is None and "relation:none:switch-inferred" in switch.evidence.notes


def test_for_names_the_favoured_government_only_between_the_two_chinas(coded):
    assert ("PRY", "CHNGOV", "054") in counted(coded("Paraguay dropped Taiwan for Beijing.", ACTORS))
    assert not any(e.cameo == "054" for e in coded("Spain cut ties with Israel for Palestine.", ACTORS))


def test_regretting_anothers_decision_opposes_it_and_regretting_deaths_does_not(coded):
    actors = {"Serbia": "SRB", "Israel": "ISR", "Kosovo": "KSV"}
    events = coded("Serbia regretted Israel's decision to recognise Kosovo.", actors)
    assert [(e.source.code, e.target.code, e.relation) for e in events if e.cameo == "111"] == [
        ("SRB", "ISR", "position:opposes")
    ]
    assert not [e for e in coded("Serbia regretted the loss of life in Kosovo.", actors) if e.cameo == "111"]


def test_a_government_protesting_an_act_complains_and_a_crowd_demonstrates(coded):
    actors = {"China": "CHN", "Vanuatu": "VUT", "Hanoi": "VNM"}
    events = coded("China protested Vanuatu's decision to open an office in Taipei.", actors)
    assert [(e.source.code, e.target.code, e.relation) for e in events if e.cameo == "114"] == [
        ("CHN", "VUT", "position:opposes")
    ]
    crowd = coded(
        "Thousands of students protested China's decision in Hanoi.", actors, kinds={"Hanoi": "place"}
    )
    assert not [e for e in crowd if e.cameo == "114"]
