"""Event records from hand-built parses: codes, actors, nested acts, evidence, ids, dates and quotes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from handmade import CONTROL, NESTED, PASSIVE, parsed

from chancery.coding.events import Coder, code_article
from chancery.records import DateRef, Quote, Speaker, TextSpan


@pytest.fixture(scope="module")
def coder():
    return Coder.load()


def summary(events):
    return sorted(
        (e.source.code, e.target.code if e.target else None, e.cameo, e.modality, e.counted) for e in events
    )


def test_passive_recognition_is_coded_from_agent_to_patient(coder):
    events = code_article(parsed(PASSIVE, {1: "TAL", 6: "RUS"}), coder).events
    assert summary(events) == [("RUS", "AFGGOV", "054", "asserted", True)]
    assert events[0].relation == "recognition:recognized"
    assert events[0].plover.event == "SUPPORT" and events[0].quad_class == 1


def test_taliban_before_august_2021_are_insurgents(coder):
    events = code_article(parsed(PASSIVE, {1: "TAL", 6: "RUS"}, date="2020-02-29"), coder).events
    assert [e.target.code for e in events] == ["AFGREB"]


def test_support_for_a_decision_is_two_events_linked_by_act(coder):
    events = code_article(parsed(NESTED, {0: "CHN", 4: "RUS", 10: "TAL"}), coder).events
    assert summary(events) == [
        ("CHN", "RUS", "051", "asserted", True),
        ("RUS", "AFGGOV", "054", "asserted", True),
    ]
    support = next(e for e in events if e.cameo == "051")
    recognition = next(e for e in events if e.cameo == "054")
    assert support.act == recognition.id
    assert support.detail == "054 Grant diplomatic recognition: RUS→AFGGOV"
    assert support.relation == "position:supports"


def test_appeal_is_counted_and_the_requested_act_is_not(coder):
    events = code_article(parsed(CONTROL, {0: "RUS", 2: "CHN", 4: "PAK", 7: "ISR"}), coder).events
    assert summary(events) == [
        ("CHN", "PAK", "022", "asserted", True),
        ("PAK", "ISR", "054", "requested", False),
        ("RUS", "PAK", "022", "asserted", True),
    ]


def test_evidence_names_sentence_span_trigger_and_rule(coder):
    article = parsed(PASSIVE, {1: "TAL", 6: "RUS"})
    event = code_article(article, coder).events[0]
    text = article.article.text
    assert event.evidence.text == text[event.evidence.start : event.evidence.end] == text
    assert event.evidence.trigger == "recognised"
    assert text[event.evidence.trigger_start : event.evidence.trigger_end] == "recognised"
    assert event.evidence.rule == "recog.verb"
    assert "source:subject:passive-agent" in event.evidence.notes


def test_event_ids_are_stable_and_distinct(coder):
    article = parsed(CONTROL, {0: "RUS", 2: "CHN", 4: "PAK", 7: "ISR"})
    first = [e.id for e in code_article(article, coder).events]
    assert first == [e.id for e in code_article(article, coder).events]
    assert len(set(first)) == len(first)


def test_no_source_actor_means_no_event(coder):
    assert code_article(parsed(PASSIVE, {1: "TAL"}), coder).events == ()


def test_date_in_the_sentence_beats_publication(coder):
    article = parsed(PASSIVE, {1: "TAL", 6: "RUS"})
    # pretend "Russia" were a date expression inside the clause: the clause's date wins
    when = DateRef("2025-07-03", "day", "relative", "Thursday", TextSpan(41, 47), 0)
    event = code_article(replace(article, dates=(when,)), coder).events[0]
    assert (event.date, event.date_basis) == ("2025-07-03", "relative")


def test_publication_date_when_the_sentence_has_none(coder):
    article = parsed(PASSIVE, {1: "TAL", 6: "RUS"})
    event = code_article(article, coder).events[0]
    assert (event.date, event.date_basis) == ("2025-07-04", "publication")


def test_first_person_subject_in_a_quote_is_the_speaker(coder):
    rows = [
        ("We", "we", "PRON", "PRP", "nsubj", 1),
        ("welcome", "welcome", "VERB", "VBP", "ROOT", 1),
        ("Russia", "Russia", "PROPN", "NNP", "dobj", 1),
    ]
    article = parsed(rows, {2: "RUS"})
    from chancery.records import Actor

    speaker = Speaker(name="Mao Ning", actor=Actor(text="Mao Ning", code="CHNGOV", country="CHN"))
    quote = Quote("q1", "a1", article.article.text, True, 0, len(article.article.text), speaker=speaker)
    events = code_article(replace(article, quotes=(quote,)), coder).events
    assert summary(events) == [("CHNGOV", "RUS", "051", "asserted", True)]
    assert events[0].quote_id == "q1"
