"""Event, quote and article queries: each filter selects exactly the rows it names, in a stable order."""

from __future__ import annotations

import pytest
from ledger_factory import coded

ARTICLES = (
    coded(
        "Beijing welcomed the new Afghan ambassador at a ceremony.",
        "Swiss diplomats also met the delegation.",
        events=(
            {"source": "CHNGOV", "target": "AFGGOV", "cameo": "043", "date": "2024-01-30"},
            {"source": "CHE", "target": "AFGGOV", "cameo": "043", "sentence": 1, "date": "2024-01-30"},
        ),
        quotes=(),
        date="2024-01-30",
        publisher="Xinhua Desk",
    ),
    coded(
        "Washington criticised the Taliban's ban on girls' schooling.",
        '"The ban must end," said State Department spokesman Matthew Miller.',
        events=({"source": "USAGOV", "target": "AFGGOV", "cameo": "111", "date": "2024-03-21"},),
        quotes=(
            {"text": "The ban must end,", "name": "Matthew Miller", "code": "USAGOV", "date": "2024-03-21"},
        ),
        date="2024-03-22",
        publisher="Capitol Wire",
    ),
    coded(
        "China may back the Taliban at the next summit, officials hinted.",
        "'We will decide in time,' foreign ministry spokeswoman Mao Ning told reporters.",
        events=({"source": "CHNGOV", "target": "AFGGOV", "cameo": "051", "modality": "hypothetical"},),
        quotes=({"text": "We will decide in time,", "name": "Mao Ning", "code": "CHNGOV"},),
        date="2025-02-10",
        publisher="Asia Post",
    ),
)


@pytest.fixture
def stocked(ledger):
    for article in ARTICLES:
        ledger.store(article)
    return ledger


def _ids(events):
    return [(e.source.code, e.cameo, e.date) for e in events]


def test_no_filter_lists_every_event_by_date_then_sentence(stocked):
    assert _ids(stocked.events()) == [
        ("CHNGOV", "043", "2024-01-30"),
        ("CHE", "043", "2024-01-30"),
        ("USAGOV", "111", "2024-03-21"),
        ("CHNGOV", "051", "2025-02-10"),
    ]


def test_source_is_a_code_prefix(stocked):
    # CHN matches CHNGOV but not CHE (Switzerland), whose code shares only the first two letters.
    assert _ids(stocked.events(source="CHN")) == [
        ("CHNGOV", "043", "2024-01-30"),
        ("CHNGOV", "051", "2025-02-10"),
    ]
    assert _ids(stocked.events(source="chngov")) == _ids(stocked.events(source="CHN"))


def test_target_is_a_code_prefix(stocked):
    assert len(stocked.events(target="AFG")) == 4
    assert stocked.events(target="AFGREB") == []


def test_cameo_is_a_code_prefix(stocked):
    assert _ids(stocked.events(cameo="04")) == [("CHNGOV", "043", "2024-01-30"), ("CHE", "043", "2024-01-30")]
    assert _ids(stocked.events(cameo="111")) == [("USAGOV", "111", "2024-03-21")]


def test_since_and_until_include_their_days(stocked):
    assert _ids(stocked.events(since="2024-03-21", until="2024-03-21")) == [("USAGOV", "111", "2024-03-21")]
    assert len(stocked.events(since="2024-01-31")) == 2
    assert len(stocked.events(until="2024-01-30")) == 2


def test_counted_separates_facts_from_hypotheticals(stocked):
    assert [e.modality for e in stocked.events(counted=False)] == ["hypothetical"]
    assert len(stocked.events(counted=True)) == 3


def test_article_id_and_limit(stocked):
    first = ARTICLES[0].article.id
    assert {e.article_id for e in stocked.events(article_id=first)} == {first}
    assert len(stocked.events(article_id=first)) == 2
    assert _ids(stocked.events(limit=1)) == [("CHNGOV", "043", "2024-01-30")]


def test_quote_speaker_is_a_case_insensitive_part_of_the_name(stocked):
    assert [q.speaker.name for q in stocked.quotes(speaker="MILLER")] == ["Matthew Miller"]
    assert [q.speaker.name for q in stocked.quotes(speaker="ao ni")] == ["Mao Ning"]
    assert stocked.quotes(speaker="Kabulov") == []


def test_quote_actor_is_a_code_prefix(stocked):
    assert [q.speaker.name for q in stocked.quotes(actor="CHN")] == ["Mao Ning"]
    assert [q.speaker.name for q in stocked.quotes(actor="usagov")] == ["Matthew Miller"]


def test_quotes_carry_their_article_and_a_date(stocked):
    quotes = stocked.quotes()
    assert [q.text for q in quotes] == ["The ban must end,", "We will decide in time,"]
    # A quote's own date wins; an undated quote takes its article's publication date.
    assert [q.date for q in quotes] == ["2024-03-21", "2025-02-10"]
    assert stocked.article(quotes[1].article_id).publisher == "Asia Post"
    assert stocked.quotes(article_id=ARTICLES[1].article.id)[0].speaker.name == "Matthew Miller"


def test_article_lookup_and_listing(stocked):
    assert stocked.article("no-such-article") is None
    assert [a.publisher for a in stocked.articles()] == ["Xinhua Desk", "Capitol Wire", "Asia Post"]


@pytest.mark.parametrize("call", ["events", "ledger_events", "relations"])
def test_a_date_not_written_yyyy_mm_dd_is_refused(stocked, call):
    from chancery.errors import LedgerError

    arguments = {"as_of": "2025-7-5"} if call == "relations" else {"since": "5 July 2025"}
    with pytest.raises(LedgerError, match="YYYY-MM-DD"):
        getattr(stocked, call)(**arguments)
