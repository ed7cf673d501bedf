"""Threatened acts, datelines with a state, plural names and greetings (issues 11 and 12, sixteenth
session, from the miss classes of the older blind batches): a threat whose act only its code names
("threatened sanctions", "warned that Seoul would become a sea of fire") is a counted threat and an
uncounted act, as "threatened to cut ties" is; a dateline that writes its state after an unknown place
("RAIPUR, India -") makes the story that state's; a plural name ("the Camp David Accords") is read as its
common noun; to greet a foreign leader is to host him; a second infinitive the parser joins to a relative
clause keeps the mood of the first ("agreed to restore the ties that were cut and to exchange envoys"),
"sent their ambassadors back to Israel" sends them to Israel, and a meeting told before the agreement
it led to was held."""

from __future__ import annotations

import pytest
from handmade import coded, roots

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "date", "threat", "act"),
    [
        (
            "The United States threatened sanctions against Sudan on Monday over the fighting in Darfur.",
            "2004-07-19",
            ("USA", "SDN", "13"),
            ("USA", "SDN", "16"),
        ),
        (
            "North Korea warned on Saturday that Seoul would be turned into a sea of fire if war broke out.",
            "1994-03-19",
            ("PRK", "KOR", "13"),
            ("PRK", "KOR", "19"),
        ),
    ],
)
def test_a_threat_named_by_its_code_also_lists_the_act_threatened_uncounted(
    pipeline, text, date, threat, act
):
    assert threat in roots(pipeline, text, date, count=True)
    assert act in roots(pipeline, text, date, count=False)
    assert act not in roots(pipeline, text, date, count=True)


def test_a_threat_told_with_its_act_gets_no_second_act(pipeline):
    text = "Turkey threatened on Friday to cut its ties with Israel over the raid on the aid flotilla."
    events = coded(pipeline, text, "2010-06-04")
    breaks = [e for e in events if e.cameo.startswith("16")]
    assert len(breaks) == 1 and not breaks[0].counted
    assert any(e.cameo.startswith("13") and e.counted for e in events)


def test_a_threat_made_to_no_one_named_lists_no_act(pipeline):
    events = coded(pipeline, "Iran threatened military action on Monday.", "2011-02-06")
    assert [e for e in events if e.cameo.startswith("13") and e.counted and e.target is None]
    assert not [e for e in events if not e.counted]


@pytest.mark.parametrize(
    ("text", "date", "fact"),
    [
        (
            "RAIPUR, India, April 6 (PTI) - Maoist rebels ambushed a convoy of paramilitary police in "
            "the forests of Dantewada district on Tuesday, killing dozens of troopers.",
            "2010-04-06",
            ("IND", "IND", "19"),
        ),
        (
            "GORI, Georgia, Aug 13 - Police fired tear gas at demonstrators in the town centre on Wednesday.",
            "2008-08-13",
            ("GEO", "GEO", "17"),
        ),
    ],
)
def test_a_dateline_naming_its_state_after_an_unknown_place_gives_the_story_that_state(
    pipeline, text, date, fact
):
    assert fact in roots(pipeline, text, date, count=True)


def test_a_signed_plural_name_is_an_agreement_signed_both_ways(pipeline):
    text = "Egypt and Israel signed the Camp David Accords at the White House on Sunday."
    found = roots(pipeline, text, "1978-09-17", count=True)
    assert {("EGY", "ISR", "05"), ("ISR", "EGY", "05")} <= found


def test_to_greet_a_foreign_leader_is_to_host_him_and_greeting_supporters_is_nothing(pipeline):
    text = (
        "Pakistani Prime Minister Nawaz Sharif greeted Indian Prime Minister Atal Bihari Vajpayee in Lahore."
    )
    found = roots(pipeline, text, "1999-02-20", count=True)
    assert {("PAK", "IND", "04"), ("IND", "PAK", "04")} <= found
    crowd = "The opposition leader greeted thousands of supporters outside her home on Saturday."
    assert not [e for e in coded(pipeline, crowd, "2010-11-13") if e.cameo.startswith("04")]


def test_a_second_infinitive_after_a_relative_clause_keeps_the_agreement_mood(pipeline):
    text = (
        "Algeria and Iran agreed on Wednesday to restore the diplomatic ties that were cut in 1993 "
        "and to exchange ambassadors soon."
    )
    events = coded(pipeline, text, "2000-09-07")
    assert not [e for e in events if e.cameo.startswith("05") and e.counted]
    assert {("DZA", "IRN", "03"), ("IRN", "DZA", "03")} <= roots(pipeline, text, "2000-09-07", count=True)


def test_ambassadors_sent_back_to_a_state_go_to_that_state_not_to_each_other(pipeline):
    text = "Egypt and Jordan sent their ambassadors back to Israel on Tuesday after a four-year absence."
    found = roots(pipeline, text, "2005-02-22", count=True)
    assert {("EGY", "ISR", "05"), ("JOR", "ISR", "05")} <= found
    assert ("EGY", "JOR", "05") not in found


def test_a_meeting_told_before_an_agreement_to_act_was_held(pipeline):
    text = (
        "Meeting in the port city of Cartagena on Tuesday, Ecuador's president and Peru's president "
        "agreed to reopen their border crossings."
    )
    events = coded(pipeline, text, "2023-06-13")
    meetings = [e for e in events if e.cameo.startswith("04")]
    assert meetings and all(e.counted for e in meetings)
