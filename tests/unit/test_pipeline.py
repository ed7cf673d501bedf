"""The run loop keeps input order, passes problems through and isolates an article that fails."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pipeline_helpers import articles

import chancery.pipeline as pipeline_module
from chancery.errors import LedgerError, StorageError
from chancery.records import CodedArticle, InputNote, InputProblem


def test_code_stream_keeps_order_and_problems(pipeline):
    items = articles(3)
    items.insert(1, InputProblem("bad.txt", "empty file"))
    out = list(replace(pipeline, settings=replace(pipeline.settings, batch_size=2)).code_stream(items))
    assert [type(result).__name__ for _, result in out] == [
        "CodedArticle",
        "InputProblem",
        "CodedArticle",
        "CodedArticle",
    ]
    assert [r.article.source for _, r in out if isinstance(r, CodedArticle)] == ["a0.txt", "a1.txt", "a2.txt"]


def test_a_failing_article_becomes_a_problem_and_the_rest_go_on(pipeline, monkeypatch):
    items = articles(3)
    real = pipeline_module.code_article

    def flaky(parsed, coder):
        if parsed.article.source == "a1.txt":
            raise ValueError("boom")
        return real(parsed, coder)

    monkeypatch.setattr(pipeline_module, "code_article", flaky)
    out = [result for _, result in pipeline.code_stream(items)]
    assert [type(r).__name__ for r in out] == ["CodedArticle", "InputProblem", "CodedArticle"]
    assert str(out[1]) == "a1.txt: could not be coded: boom"


def test_default_date_applies_only_to_undated_articles(pipeline):
    dated = replace(pipeline, settings=replace(pipeline.settings, date="2025-07-04"))
    undated, own = articles(2)
    own = replace(own, date="2024-01-01")
    results = [r.article for _, r in dated.code_stream([undated, own])]
    assert (results[0].date, results[0].date_basis) == ("2025-07-04", "flag")
    assert results[1].date == "2024-01-01"


class _Ledger:
    """Stands in for the ledger: refuses the articles whose source is in ``refuse``."""

    def __init__(self, refuse=(), known=(), fails_from_batch=None):
        self.refuse, self.known, self.fails_from_batch = set(refuse), set(known), fails_from_batch
        self.batches: list[list[str]] = []
        self.stored: list[str] = []

    def start_run(self, run):
        pass

    def finish_run(self, run):
        self.run = run

    def forget_run(self, run_id):
        self.forgotten = run_id

    def store_many(self, coded, run_id):
        self.batches.append([c.article.source for c in coded])
        if self.fails_from_batch is not None and len(self.batches) >= self.fails_from_batch:
            raise StorageError("none of a batch was stored: database or disk is full")
        return [self._one(c) for c in coded]

    def _one(self, coded):
        if coded.article.source in self.refuse:
            return LedgerError("value out of range")
        if coded.article.source in self.known:
            return False
        self.stored.append(coded.article.source)
        return True


def _ingest_of(pipeline, items, ledger, monkeypatch):
    monkeypatch.setattr(pipeline_module, "_read", lambda *_: iter(items))
    in_twos = replace(pipeline, settings=replace(pipeline.settings, batch_size=2))
    return pipeline_module.ingest(in_twos, ledger, [])


def test_ingest_stores_in_batches_and_reports_problems_in_input_order(pipeline, monkeypatch):
    items = articles(5)
    items.insert(2, InputProblem("bad.txt", "empty file"))
    ledger = _Ledger(refuse={"a3.txt"})
    report = _ingest_of(pipeline, items, ledger, monkeypatch)
    assert ledger.batches == [["a0.txt", "a1.txt"], ["a2.txt", "a3.txt"], ["a4.txt"]]
    assert [str(p) for p in report.problems] == ["bad.txt: empty file", "a3.txt: value out of range"]
    assert ledger.stored == ["a0.txt", "a1.txt", "a2.txt", "a4.txt"]
    assert (report.run.articles, report.run.stored, report.run.failures) == (5, 4, 2)


def test_a_ledger_that_cannot_be_written_stops_the_run_keeping_what_was_stored(pipeline, monkeypatch):
    ledger = _Ledger(fails_from_batch=2)
    with pytest.raises(StorageError) as stopped:
        _ingest_of(pipeline, articles(5), ledger, monkeypatch)
    assert str(stopped.value) == (
        "none of a batch was stored: database or disk is full "
        "(this run stopped there, after storing 2 new article(s))"
    )
    assert ledger.stored == ["a0.txt", "a1.txt"]
    assert ledger.batches == [["a0.txt", "a1.txt"], ["a2.txt", "a3.txt"]]  # nothing tried after it
    assert not hasattr(ledger, "forgotten")  # the run stored articles: its record stays, unfinished


def test_a_run_stopped_before_storing_anything_leaves_no_record(pipeline, monkeypatch):
    ledger = _Ledger(fails_from_batch=1)
    with pytest.raises(StorageError, match=r"after storing 0 new article\(s\)"):
        _ingest_of(pipeline, articles(3), ledger, monkeypatch)
    assert ledger.stored == [] and ledger.forgotten


def test_counts_come_from_what_happened_to_each_article(pipeline, monkeypatch):
    ledger = _Ledger(refuse={"a1.txt"}, known={"a2.txt"})
    items = [*articles(4), InputNote("fifo.txt", "skipped: a FIFO")]
    report = _ingest_of(pipeline, items, ledger, monkeypatch)
    assert (report.run.stored, report.already, len(report.problems), len(report.notes)) == (2, 1, 1, 1)
    assert report.run.failures == 1 and report.run.articles == 4
    assert [str(line) for line in report.lines] == [
        "a1.txt: value out of range",
        "note: fifo.txt: skipped: a FIFO",
    ]
