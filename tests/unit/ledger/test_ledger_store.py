"""Storing coded articles: whole or not at all, once only, read back unchanged; runs are recorded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ledger_factory import coded

from chancery.errors import LedgerError
from chancery.records import Run

EMPTY = {"runs": 0, "articles": 0, "sentences": 0, "quotes": 0, "events": 0, "mentions": 0}


def _recognition_article():
    return coded(
        "Moscow formally recognised the Taliban administration in Kabul on Thursday.",
        '"This opens a new chapter," the Russian envoy Zamir Kabulov said.',
        events=({"source": "RUSGOV", "target": "AFGGOV", "relation": "recognition:recognized"},),
        quotes=({"text": "This opens a new chapter,", "name": "Zamir Kabulov", "code": "RUSGOV"},),
        date="2025-07-03",
        publisher="Tass Wire",
        title="Russia recognises Taliban",
    )


def test_store_keeps_every_part_and_reads_it_back_unchanged(ledger):
    article = _recognition_article()
    assert ledger.store(article) is True
    assert ledger.counts() == {
        "runs": 0,
        "articles": 1,
        "sentences": 2,
        "quotes": 1,
        "events": 1,
        "mentions": 0,
    }
    assert ledger.article(article.article.id) == article.article
    assert ledger.events() == list(article.events)
    assert ledger.quotes() == [replace(article.quotes[0], date="2025-07-03")]


def test_storing_the_same_article_again_changes_no_table(ledger):
    article = _recognition_article()
    ledger.store(article)
    before = ledger.counts()
    assert ledger.store(article) is False
    assert ledger.counts() == before


def test_an_event_that_violates_a_constraint_leaves_nothing_of_its_article(ledger):
    kept = _recognition_article()
    ledger.store(kept)
    before = ledger.counts()
    # Two events with one id: the second insert violates the primary key after the article,
    # its sentences and its quote have already been written in the same transaction.
    broken = coded(
        "Beijing said it would keep its embassy in Kabul open.",
        "It added that talks with the Taliban would continue.",
        events=({"source": "CHNGOV", "id": "same-id"}, {"source": "CHNGOV", "sentence": 1, "id": "same-id"}),
        quotes=({"text": "talks with the Taliban would continue", "name": "a spokesperson"},),
    )
    with pytest.raises(LedgerError, match=f"article {broken.article.id} was not stored"):
        ledger.store(broken)
    assert ledger.counts() == before
    assert ledger.article(broken.article.id) is None
    assert ledger.events(article_id=broken.article.id) == []


def test_a_counted_flag_that_contradicts_negation_is_refused_whole(ledger):
    # The contract: counted exactly when not negated and asserted; the ledger enforces it.
    broken = coded(
        "Tehran did not restore ties with Riyadh that year.",
        events=({"source": "IRNGOV", "target": "SAUGOV", "cameo": "050", "negated": True, "counted": True},),
    )
    with pytest.raises(LedgerError, match="ck_events_counted"):
        ledger.store(broken)
    assert ledger.counts() == EMPTY


def test_an_event_of_another_article_is_refused_before_anything_is_written(ledger):
    first, second = _recognition_article(), coded("Kabul welcomed the decision by Moscow.")
    mixed = replace(second, events=first.events)
    with pytest.raises(LedgerError, match="must carry only its own events"):
        ledger.store(mixed)
    assert ledger.counts() == EMPTY


def test_runs_are_recorded_at_start_and_updated_at_finish(ledger):
    run = Run(id="run-1", started="2025-07-04T08:00:00+00:00", coder_version="0.1.0", settings_digest="abc")
    ledger.start_run(run)
    assert ledger.store(_recognition_article(), run.id)
    done = replace(
        run, finished="2025-07-04T08:01:00+00:00", articles=1, stored=1, events=1, inputs=("a.txt",)
    )
    ledger.finish_run(done)
    assert ledger.run("run-1") == done
    assert ledger.counts()["runs"] == 1


def test_finishing_a_run_never_started_records_it(ledger):
    run = Run(id="run-2", started="2025-07-04T09:00:00+00:00", finished="2025-07-04T09:05:00+00:00")
    ledger.finish_run(run)
    assert ledger.run("run-2") == run


def test_storing_under_an_unknown_run_says_to_start_it(ledger):
    with pytest.raises(LedgerError, match="start_run"):
        ledger.store(_recognition_article(), "never-started")
    assert ledger.counts() == EMPTY


def test_drop_removes_the_ledger_and_reopening_starts_empty(ledger_url):
    from chancery.ledger import open_ledger

    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.store(_recognition_article())
        ledger.drop()
    with open_ledger(url, schema=schema_name) as reopened:
        assert reopened.counts() == EMPTY


def test_losing_a_race_to_another_writer_is_a_no_op_not_an_error(ledger, monkeypatch):
    from chancery.ledger import query

    article = _recognition_article()
    ledger.store(article)
    before = ledger.counts()
    # Another process stored the article between our existence checks and our inserts.
    checked = []

    def checked_too_early(conn, article_ids):
        checked.extend(article_ids)
        return set()

    monkeypatch.setattr(query, "stored_ids", checked_too_early)
    assert ledger.store(article) is False
    assert checked and set(checked) == {article.article.id}
    assert ledger.counts() == before


def test_an_events_announcer_and_relation_subject_are_read_back(ledger):
    article = _recognition_article()
    quote = article.quotes[0]
    announced = replace(
        article.events[0], speaker=quote.speaker, quote_id=quote.id, relation_subject="target"
    )
    article = replace(article, events=(announced,))
    assert ledger.store(article) is True
    [event] = ledger.events()
    assert event.speaker == quote.speaker and event.speaker.name == "Zamir Kabulov"
    assert event.relation_subject == "target"
