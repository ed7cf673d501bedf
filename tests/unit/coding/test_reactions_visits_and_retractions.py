"""Reactions, visits and reports taken back (issues 11 and 12, sixteenth session, after the first sealed
pair): a position the parser hangs anywhere inside the act noun beside a clause ("recognised Palestine, a
move Israel's foreign minister, Israel Katz, condemned") is aimed at that clause's actors; talks naming no
one beside a visit are held with the hosts; one sits down "for talks" as one flies "for talks"; an absolute
"with" phrase ("with the sovereignty of the islands left aside") names no party; a "whether" the parser
joins as a conjunct is still open; a participle told after an agreed infinitive has its mood; a report
taken back ("a since-deleted post announced") or disputed in its own sentence ("but Pristina dismissed the
claim") tells no fact; a denial of aid is not aimed at those aided; a refused election result is aimed at
the state whose election it is; a meeting held "for talks" is one event; an envoy declared persona non
grata is accused by the declaring state, however the parser reads the phrase; agreements signed on a visit
are signed with the hosts; "a strike called by workers" is a labour strike, no phone call."""

from __future__ import annotations

import pytest
from handmade import coded, roots

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "date", "position"),
    [
        (
            "Sweden and Norway recognised Kosovo on Tuesday, a move Serbia's foreign minister, "
            "Vuk Jeremic, condemned as a blow to regional peace.",
            "2008-03-04",
            ("SRB", "SWE", "11"),
        ),
        (
            "Vanuatu's prime minister said on Friday that his government had established diplomatic "
            "relations with Taiwan, a decision Beijing was quick to denounce.",
            "2004-11-05",
            ("CHN", "VUT", "11"),
        ),
    ],
)
def test_a_position_inside_the_act_noun_beside_a_clause_is_aimed_at_its_actors(
    pipeline, text, date, position
):
    found = roots(pipeline, text, date, count=True)
    assert position in found
    assert (position[0], None, position[2]) not in found


def test_a_decision_reacted_to_keeps_the_other_side_of_relations_established(pipeline):
    text = (
        "Vanuatu's prime minister said on Friday that his government had established diplomatic relations "
        "with Taiwan, a decision Beijing was quick to denounce."
    )
    assert ("TWN", "VUT", "05") in roots(pipeline, text, "2004-11-05", count=True)


def test_talks_naming_no_one_beside_a_visit_are_held_with_the_hosts(pipeline):
    text = (
        "Paraguay's president paid an official visit to Bolivia on Monday, holding three hours of talks "
        "with President Hernan Siles on the Chaco frontier."
    )
    found = roots(pipeline, text, "1983-05-16", count=True)
    assert ("PRY", "BOL", "04") in found and ("PRY", None, "04") not in found


def test_sitting_down_for_talks_holds_them(pipeline):
    text = "The Turkish and Greek foreign ministers sat down for talks in Athens on Friday."
    events = coded(pipeline, text, "2010-05-14")
    talks = [e for e in events if e.cameo.startswith("04")]
    assert talks and all(e.counted for e in talks)


def test_an_absolute_with_phrase_names_no_party_to_a_joint_act(pipeline):
    text = (
        "Argentina and Britain restored diplomatic relations on Thursday, with the sovereignty of the "
        "islands left under an umbrella formula."
    )
    found = roots(pipeline, text, "1990-02-15", count=True)
    assert {("ARG", "GBR", "05"), ("GBR", "ARG", "05")} <= found


def test_a_whether_joined_as_a_conjunct_is_open(pipeline):
    text = (
        "Chad has broken off relations with Taiwan, its foreign minister said on Thursday; he would not be "
        "drawn on when, or whether, N'Djamena would establish ties with Beijing."
    )
    events = coded(pipeline, text, "2006-08-10")
    assert not [e for e in events if e.counted and e.target and e.target.code.startswith("CHN")]


def test_a_participle_after_an_agreed_infinitive_is_agreed_not_done(pipeline):
    text = (
        "Malaysia and the Holy See agreed on Monday to establish full diplomatic relations, upgrading their "
        "representative offices to an embassy and a nunciature."
    )
    events = coded(pipeline, text, "2011-07-18")
    assert not [e for e in events if e.counted and e.cameo.startswith("05")]
    assert [e for e in events if e.counted and e.cameo.startswith("03")]


def test_a_report_taken_back_tells_no_fact(pipeline):
    text = (
        "A since-deleted post on the president's account announced on Tuesday that Kenya was withdrawing "
        "its recognition of the Sahrawi Arab Democratic Republic."
    )
    withdrawals = [e for e in coded(pipeline, text, "2022-09-14") if e.cameo.startswith("16")]
    assert withdrawals and not [e for e in withdrawals if e.counted]


def test_a_denial_of_aid_is_aimed_at_no_one_the_aid_went_to(pipeline):
    text = "Burundi, which denies arming the M23 rebels, said on Monday it had not been told of the talks."
    denials = [e for e in coded(pipeline, text, "2019-03-04") if e.cameo == "016"]
    assert denials and all(e.target is None for e in denials)


def test_a_report_its_sentence_disputes_tells_no_fact(pipeline):
    text = (
        "Serbia's foreign minister said on Thursday that Togo had withdrawn its recognition of Kosovo, but "
        "officials in Pristina dismissed the claim."
    )
    events = coded(pipeline, text, "2019-11-08")
    withdrawals = [e for e in events if e.cameo.startswith("16")]
    assert withdrawals and not [e for e in withdrawals if e.counted]


def test_a_refused_election_result_is_aimed_at_the_state_whose_election_it_is(pipeline):
    text = (
        "Argentina will not recognise the result of any election held by the military government in "
        "Myanmar, its foreign minister said on Tuesday."
    )
    found = roots(pipeline, text, "2023-03-14", count=True)
    assert ("ARG", "MMR", "12") in found and ("ARG", None, "12") not in found


def test_a_meeting_held_for_talks_is_one_event_not_two(pipeline):
    text = "The presidents of Kenya and Somalia met in Nairobi on Sunday for talks on their maritime border."
    events = coded(pipeline, text, "2019-11-24")
    assert [e for e in events if e.cameo.startswith("04")]
    assert not [e for e in events if e.cameo == "046"]


def test_an_envoy_declared_persona_non_grata_is_accused_by_the_declaring_state(pipeline):
    text = (
        "The Fijian government declared New Zealand's high commissioner, Michael Green, persona non grata "
        "on Wednesday, accusing him of interfering in the country's affairs."
    )
    found = roots(pipeline, text, "2007-06-14", count=True)
    assert {("FJI", "NZL", "16"), ("FJI", "NZL", "11")} <= found
    assert ("NZL", "FJI", "11") not in found


def test_agreements_signed_on_a_visit_are_signed_with_the_hosts(pipeline):
    text = (
        "Indian Prime Minister Narendra Modi arrived in Dhaka on Saturday on his first visit to Bangladesh, "
        "holding talks with Prime Minister Sheikh Hasina and signing 22 agreements."
    )
    found = roots(pipeline, text, "2015-06-06", count=True)
    assert ("IND", "BGD", "05") in found and ("IND", None, "05") not in found


def test_a_strike_called_by_workers_is_a_labour_strike_and_no_phone_call(pipeline):
    text = (
        "CHUQUICAMATA, Chile - A strike called by workers at the country's biggest copper mine shut "
        "production on Monday."
    )
    events = coded(pipeline, text, "2011-07-11")
    assert [e for e in events if e.cameo.startswith("143") and e.counted]
    assert not [e for e in events if e.cameo.startswith(("041", "19"))]
