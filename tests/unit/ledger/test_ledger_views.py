"""Views a reader asks for: counts by month and code, an article with its spans, a government's standing."""

from __future__ import annotations

import pytest
from standing_records import ARTICLES, CHINA_HAS_NOT, RUSSIA_RECOGNISES, store_all

from chancery.errors import QueryError


@pytest.fixture
def stored(ledger):
    store_all(ledger)
    return ledger


def test_counts_by_month_count_counted_events_only_with_undated_last(stored):
    counted = [e for a in ARTICLES for e in a.events if e.counted]
    months = stored.event_counts("month")
    assert sum(row["events"] for row in months) == len(counted)
    assert months[-1] == {"month": None, "events": 1}  # Qatar's undated talks
    # July 2025: Russia's recognition and envoy; China's refusal and condition are not counted.
    assert {"month": "2025-07", "events": 2} in months
    assert [row["month"] for row in months[:-1]] == sorted(row["month"] for row in months[:-1])


def test_counts_by_code_and_root_follow_the_filters(stored):
    by_code = stored.event_counts("code", actor="AFGGOV")
    assert by_code == [
        {"cameo": "043", "cameo_name": "Host a visit", "events": 4},
        {"cameo": "054", "cameo_name": "Grant diplomatic recognition", "events": 1},
    ]
    assert stored.event_counts("root", source="CHN") == [{"root": "04", "events": 1}]
    assert stored.event_counts("month", since="2030-01-01") == []


def test_counting_by_something_else_is_refused_by_name(stored):
    with pytest.raises(QueryError, match="cannot count by 'year'; use one of: month, code, root"):
        stored.event_counts("year")


def test_an_article_comes_with_its_sentences_mentions_quotes_and_events_in_text_order(stored):
    spans = stored.article_spans(CHINA_HAS_NOT.article.id)
    text = spans.article.text
    assert spans.article == CHINA_HAS_NOT.article
    assert [text[s.start : s.end] for s in spans.sentences] == [
        text[s.start : s.end] for s in CHINA_HAS_NOT.sentences
    ]
    assert [text[m.span.start : m.span.end] for m in spans.mentions] == [
        "China",
        "Taliban",
        "Beijing",
        "Kabul",
    ]
    assert spans.mentions == ARTICLES[2].mentions  # stored and read back whole
    assert [q.text for q in spans.quotes] == ["Afghanistan should not be isolated,"]
    assert [e.evidence.start for e in spans.events] == sorted(e.evidence.start for e in CHINA_HAS_NOT.events)
    assert stored.article_spans("no-such-article") is None


def test_the_standing_of_the_taliban_government_as_of_august_2025(stored):
    standing = stored.standing("AFGGOV", "2025-08-01")
    assert standing.recognition == stored.recognition_summary("AFGGOV", "2025-08-01")
    assert [e["subject"]["code"] for e in standing.recognition["recognized_by"]] == ["RUS"]
    assert [e["subject"]["code"] for e in standing.recognition["not_recognized_by"]] == ["CHN", "PAK"]
    # China and Russia host its ambassadors; it hosts China's.
    assert [(r.subject.code, r.state) for r in standing.hosts_its_envoys] == [
        ("CHN", "hosts_ambassador"),
        ("RUS", "hosts_ambassador"),
    ]
    assert [(r.object.code, r.state) for r in standing.envoys_it_hosts] == [("CHN", "hosts_ambassador")]
    assert [(r.subject.code, r.detail) for r in standing.conditions] == [
        ("CHN", "form an inclusive government")
    ]
    russia = next(r for r in standing.timeline if r.kind == "recognition" and r.state == "recognized")
    assert russia.since == "2025-07-03"
    assert russia.evidence[0].text == RUSSIA_RECOGNISES.article.text.split(" Moscow")[0]


def test_before_any_report_nobody_recognises_it_but_the_timeline_is_the_same(stored):
    early = stored.standing("AFGGOV", "2024-01-01")
    assert early.recognition["recognized_by"] == [] and early.recognition["not_recognized_by"] == []
    assert [r.subject.code for r in early.envoys_it_hosts] == ["AFG"]  # China's ambassador, since 2023
    assert early.hosts_its_envoys == ()
    assert early.timeline == stored.standing("AFGGOV", "2025-08-01").timeline
    assert "ARM" not in {r.subject.code for r in early.timeline}  # another government's relations stay out
