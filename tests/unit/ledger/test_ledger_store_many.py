"""Storing a batch of coded articles in one transaction: the same rows as one by one, a refused
article rolled back alone, duplicates and already-stored ids reported False, one outcome per input."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa
from ledger_factory import coded

from chancery.errors import LedgerError
from chancery.ledger import open_ledger, schema
from chancery.records import Run

EMPTY = {"runs": 0, "articles": 0, "sentences": 0, "quotes": 0, "events": 0, "mentions": 0}


def _good(n: int):
    """Distinct articles with sentences, a quote and events each."""
    return [
        coded(
            f"Moscow formally recognised the Taliban administration in Kabul, report {n}.",
            f'"This opens chapter {n}," the Russian envoy Zamir Kabulov said.',
            events=(
                {"source": "RUSGOV", "target": "AFGGOV", "relation": "recognition:recognized"},
                {"source": "AFGGOV", "target": "RUSGOV", "cameo": "051", "sentence": 1},
            ),
            quotes=({"text": f"This opens chapter {n},", "name": "Zamir Kabulov", "code": "RUSGOV"},),
            date=f"2025-07-{n % 28 + 1:02d}",
            publisher="Tass Wire",
        )
        for n in range(n)
    ]


def _uncountable():
    """Refused by the ledger's check constraint: counted although negated."""
    return coded(
        "Tehran did not restore ties with Riyadh that year.",
        "Officials in both capitals declined to comment.",
        events=({"source": "IRNGOV", "target": "SAUGOV", "cameo": "050", "negated": True, "counted": True},),
        quotes=({"text": "declined to comment", "name": "an official"},),
    )


def _twice_the_same_event():
    """Refused on its second event, after its article, sentences and quote rows were written."""
    return coded(
        "Beijing said it would keep its embassy in Kabul open.",
        "It added that talks with the Taliban would continue.",
        events=({"source": "CHNGOV", "id": "same-id"}, {"source": "CHNGOV", "sentence": 1, "id": "same-id"}),
        quotes=({"text": "talks with the Taliban would continue", "name": "a spokesperson"},),
    )


def _rows(ledger) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted, without the storage timestamp."""
    found = {}
    with ledger.engine.connect() as conn:
        for table in schema.DATA_TABLES:
            columns = [column for column in table.c if column.name != "stored_at"]
            found[table.name] = sorted((tuple(row) for row in conn.execute(sa.select(*columns))), key=repr)
    return found


def _nothing_of(ledger, article) -> bool:
    article_id = article.article.id
    return (
        ledger.article(article_id) is None
        and ledger.events(article_id=article_id) == []
        and ledger.quotes(article_id=article_id) == []
    )


def test_a_batch_stores_the_same_rows_as_storing_one_by_one(ledger_url):
    url, schema_name = ledger_url
    articles = _good(5)
    run = Run(id="run-1", started="2025-07-04T08:00:00+00:00")
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.start_run(run)
        assert ledger.store_many(articles, run.id) == [True] * 5
        batched = _rows(ledger)
        ledger.drop()
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.start_run(run)
        assert [ledger.store(article, run.id) for article in articles] == [True] * 5
        one_by_one = _rows(ledger)
    assert batched == one_by_one
    assert {name: len(found) for name, found in batched.items()} == {
        "mentions": 0,
        "events": 10,
        "quotes": 5,
        "sentences": 10,
        "articles": 5,
        "runs": 1,
    }


def test_a_batch_reads_back_unchanged(ledger):
    articles = _good(3)
    ledger.store_many(articles)
    assert ledger.articles() == sorted((a.article for a in articles), key=lambda a: (a.date, a.id))
    assert sorted(ledger.events(), key=lambda e: e.id) == sorted(
        (e for a in articles for e in a.events), key=lambda e: e.id
    )


@pytest.mark.parametrize("bad", [_uncountable, _twice_the_same_event], ids=["check", "primary-key"])
def test_a_refused_article_in_the_middle_is_rolled_back_alone(ledger, bad):
    first, last = _good(2)
    broken = bad()
    outcomes = ledger.store_many([first, broken, last])
    assert outcomes[0] is True and outcomes[2] is True
    assert isinstance(outcomes[1], LedgerError)
    message = str(outcomes[1])
    assert message.startswith(f"article {broken.article.id} was not stored, nothing of it was kept: ")
    assert "\n" not in message
    assert _nothing_of(ledger, broken)
    assert ledger.counts() == {
        "runs": 0,
        "articles": 2,
        "sentences": 4,
        "quotes": 2,
        "events": 4,
        "mentions": 0,
    }
    assert ledger.article(first.article.id) == first.article
    assert ledger.article(last.article.id) == last.article


def test_each_refused_article_gets_its_own_error(ledger):
    good = _good(2)
    outcomes = ledger.store_many([_uncountable(), good[0], _twice_the_same_event(), good[1]])
    assert [type(o) for o in outcomes] == [LedgerError, bool, LedgerError, bool]
    assert "ck_events_counted" in str(outcomes[0]) or "CHECK constraint" in str(outcomes[0])
    assert ledger.counts()["articles"] == 2


def test_an_event_id_taken_by_an_earlier_article_of_the_batch_refuses_the_later_one(ledger):
    first, second = _good(2)
    clash = replace(second, events=(replace(second.events[0], id=first.events[0].id),))
    outcomes = ledger.store_many([first, clash])
    assert outcomes[0] is True
    assert isinstance(outcomes[1], LedgerError)
    assert _nothing_of(ledger, clash)


def test_an_article_carrying_another_articles_events_is_refused_before_writing(ledger):
    first, second, third = _good(3)
    mixed = replace(second, events=first.events)
    outcomes = ledger.store_many([first, mixed, third])
    assert outcomes[0] is True and outcomes[2] is True
    assert isinstance(outcomes[1], LedgerError) and "must carry only its own events" in str(outcomes[1])
    assert ledger.article(second.article.id) is None


def test_an_id_repeated_in_the_batch_is_stored_once_and_then_false(ledger):
    first, second = _good(2)
    assert ledger.store_many([first, second, first, first]) == [True, True, False, False]
    assert ledger.counts()["articles"] == 2
    assert ledger.counts()["events"] == 4


def test_ids_already_in_the_ledger_are_false_and_change_nothing(ledger):
    first, second, third = _good(3)
    ledger.store(first)
    ledger.store_many([second])
    before = _rows(ledger)
    assert ledger.store_many([second, first]) == [False, False]
    assert _rows(ledger) == before
    assert ledger.store_many([first, third, second]) == [False, True, False]
    assert ledger.counts()["articles"] == 3


def test_a_repeat_of_a_refused_article_is_tried_again_like_storing_one_by_one(ledger):
    broken = _uncountable()
    [good] = _good(1)
    outcomes = ledger.store_many([broken, good, broken])
    assert isinstance(outcomes[0], LedgerError) and isinstance(outcomes[2], LedgerError)
    assert outcomes[1] is True
    assert _nothing_of(ledger, broken)


def test_an_empty_batch_stores_nothing(ledger):
    assert ledger.store_many([]) == []
    assert ledger.counts() == EMPTY


def test_under_an_unknown_run_every_article_is_refused_with_the_hint(ledger):
    outcomes = ledger.store_many(_good(2), "never-started")
    assert all(isinstance(o, LedgerError) and "start_run" in str(o) for o in outcomes)
    assert ledger.counts() == EMPTY


def test_a_failure_that_is_not_one_articles_keeps_nothing_of_the_batch(ledger, monkeypatch):
    from chancery.ledger import ledger as ledger_module

    # The fast path fails on the bad article; then, on the slow path, its failure is made to look
    # like a lost connection after the two good articles' savepoints were already released.
    calls = []

    def lost_on_the_slow_path(exc):
        calls.append(exc)
        return len(calls) > 1

    monkeypatch.setattr(ledger_module, "_connection_lost", lost_on_the_slow_path)
    first, second = _good(2)
    with pytest.raises(LedgerError, match="none of a batch of 3 articles was stored"):
        ledger.store_many([first, second, _uncountable()])
    assert len(calls) == 2
    assert ledger.counts() == EMPTY


def test_losing_a_race_inside_a_batch_is_false_not_an_error(ledger, monkeypatch):
    from chancery.ledger import query

    first, second = _good(2)
    ledger.store(first)
    before = ledger.counts()
    # Another process stored ``first`` after every existence check of ours.
    monkeypatch.setattr(query, "stored_ids", lambda conn, ids: set())
    assert ledger.store_many([first, second]) == [False, True]
    assert ledger.counts()["articles"] == before["articles"] + 1


def test_a_value_postgresql_refuses_is_that_articles_failure_on_both_backends(ledger):
    # SQLite would store the NUL; it is refused before writing, in the same words on both backends.
    first, second = _good(2)
    nul = coded(
        "Ankara \x00 denounced the strike on Thursday.", events=({"source": "TURGOV", "cameo": "111"},)
    )
    outcomes = ledger.store_many([first, nul, second])
    assert outcomes[0] is True and outcomes[2] is True
    assert str(outcomes[1]) == (
        f"article {nul.article.id} was not stored, nothing of it was kept: "
        "its articles.text contains a NUL character (at 7)"
    )
    assert _nothing_of(ledger, nul)


def _one_by_one(ledger, articles, run_id=None) -> list[bool | LedgerError]:
    outcomes: list[bool | LedgerError] = []
    for article in articles:
        try:
            outcomes.append(ledger.store(article, run_id))
        except LedgerError as refused:
            outcomes.append(refused)
    return outcomes


def test_a_mixed_batch_has_the_outcomes_and_rows_of_storing_one_by_one(ledger_url):
    url, schema_name = ledger_url
    good = _good(17)
    clash = replace(good[16], events=(replace(good[16].events[0], id=good[3].events[0].id),))
    broken, twice = _uncountable(), _twice_the_same_event()
    mixed = [broken, *good[:5], twice, good[2], *good[5:12], broken, clash, *good[12:16], twice, good[0]]
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.store(good[14])
        batched = ledger.store_many(mixed)
        batched_rows = _rows(ledger)
        ledger.drop()
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.store(good[14])
        sequential = _one_by_one(ledger, mixed)
        assert _rows(ledger) == batched_rows
    assert [o if isinstance(o, bool) else str(o) for o in batched] == [
        o if isinstance(o, bool) else str(o) for o in sequential
    ]
    refused = [i for i, o in enumerate(batched) if isinstance(o, LedgerError)]
    assert refused == [0, 6, 15, 16, 21]
    assert batched.count(False) == 3  # good[2] and good[0] repeated, good[14] stored before


def test_an_in_memory_sqlite_ledger_stores_batches_too():
    # One shared connection (StaticPool): the batch's transaction and savepoints run on it.
    with open_ledger("sqlite:///:memory:") as ledger:
        first, second = _good(2)
        outcomes = ledger.store_many([first, _uncountable(), second, first])
        assert outcomes[0] is True and outcomes[2] is True and outcomes[3] is False
        assert isinstance(outcomes[1], LedgerError)
        assert ledger.counts() == {
            "runs": 0,
            "articles": 2,
            "sentences": 4,
            "quotes": 2,
            "events": 4,
            "mentions": 0,
        }
