"""The run loop keeps input order, passes problems through and isolates an article that fails."""

from __future__ import annotations

import json
import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest

import chancery.pipeline as pipeline_module
from chancery.errors import LedgerError, ModelError
from chancery.pipeline import Pipeline
from chancery.records import Article, CodedArticle, InputProblem
from chancery.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles(n: int) -> list[Article]:
    texts = [f"Russia recognised the Taliban government on day {i}." for i in range(n)]
    return [Article(id=Article.make_id(t), text=t, source=f"a{i}.txt") for i, t in enumerate(texts)]


def test_code_stream_keeps_order_and_problems(pipeline):
    items = _articles(3)
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
    items = _articles(3)
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
    undated, own = _articles(2)
    own = replace(own, date="2024-01-01")
    results = [r.article for _, r in dated.code_stream([undated, own])]
    assert (results[0].date, results[0].date_basis) == ("2025-07-04", "flag")
    assert results[1].date == "2024-01-01"


def _examples_with_problems() -> list[Article | InputProblem]:
    from chancery.ingest import read_inputs

    examples = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    items: list[Article | InputProblem] = list(examples)
    items.insert(4, InputProblem("bad.txt", "empty file"))
    items.insert(9, InputProblem("worse.bin", "not text"))
    return items


def _canonical(results) -> list[tuple[str | None, str]]:
    return [
        (article.id if article else None, str(r) if isinstance(r, InputProblem) else json.dumps(r.to_dict()))
        for article, r in results
    ]


def test_pooled_output_equals_single_process_output(pipeline):
    """Two workers, batches of 3: the same results in the same order, field for field."""
    items = _examples_with_problems()
    settings = replace(pipeline.settings, batch_size=3)
    single = _canonical(replace(pipeline, settings=replace(settings, workers=1)).code_stream(items))
    pooled = _canonical(Pipeline.from_settings(replace(settings, workers=2)).code_stream(items))
    assert len(single) == len(items) and sum(a is None for a, _ in single) == 2
    assert pooled == single


def test_workers_default_to_the_cores_this_process_may_use():
    default = Pipeline.from_settings(Settings.load(env={"CHANCERY_CONFIG": "none"}))
    assert default.settings.workers == 0
    assert default.workers == len(os.sched_getaffinity(0))
    assert Pipeline.from_settings(Settings(workers=3)).workers == 3


def test_input_of_one_batch_is_coded_in_process_without_a_pool(pipeline, monkeypatch):
    def no_pool(*_):
        raise AssertionError("a pool was started for a single batch")

    monkeypatch.setattr(pipeline_module, "_WorkerPool", no_pool)
    many = replace(pipeline, settings=replace(pipeline.settings, workers=2, batch_size=16))
    assert len(list(many.code_stream(_articles(5)))) == 5


def test_a_model_that_workers_cannot_load_is_one_model_error():
    settings = Settings(model="no_such_spacy_pipeline", workers=2, batch_size=1)
    with pytest.raises(ModelError, match="'no_such_spacy_pipeline' is not installed"):
        list(Pipeline.from_settings(settings).code_stream(_articles(3)))


def _kill(pool, slot: int = 0, coding: int | None = None) -> None:
    """Kill a worker; with ``coding``, only once it has said that it began that ticket."""
    while coding is not None and pool._workers[slot].coding != coding:
        pool._receive(block=True)
    process = pool._workers[slot].process
    os.kill(process.pid, signal.SIGKILL)
    process.join()


def test_a_batch_whose_worker_dies_is_coded_again_one_article_at_a_time(pipeline):
    articles = [item for item in _examples_with_problems() if isinstance(item, Article)][:4]
    one_process = replace(pipeline, settings=replace(pipeline.settings, workers=1, batch_size=4))
    expected = _canonical(one_process.code_stream(articles))
    with pipeline_module._WorkerPool(Settings(batch_size=4), 1) as pool:
        pool.wait_ready()
        first = pool._workers[0].process
        ticket = pool.submit(articles)
        _kill(pool, coding=ticket)
        results = pool.result(ticket)
        assert pool._workers[0].process is not first and pool._workers[0].process.is_alive()
    assert _canonical(zip(articles, results, strict=True)) == expected


def test_an_article_that_stops_a_worker_alone_is_its_problem_and_the_run_goes_on():
    text = (EXAMPLES / "02-china-responds-to-russian-recognition.txt").read_text(encoding="utf-8")
    long = Article(id="long", text="\n\n".join([text] * 10), source="poison.txt")
    with pipeline_module._WorkerPool(Settings(), 1) as pool:
        pool.wait_ready()
        alone = pool.submit([long])
        _kill(pool, coding=alone)
        after = pool.submit(_articles(2))
        assert [str(r) for r in pool.result(alone)] == [
            "poison.txt: stopped a coding worker (exit code -9); skipped"
        ]
        assert [r.article.source for r in pool.result(after)] == ["a0.txt", "a1.txt"]


def test_a_worker_that_dies_between_batches_is_replaced_and_blames_no_article():
    with pipeline_module._WorkerPool(Settings(), 2) as pool:
        pool.wait_ready()
        _kill(pool, 1)
        tickets = [pool.submit(_articles(1)) for _ in range(3)]
        assert all(isinstance(pool.result(t)[0], CodedArticle) for t in tickets)
        pool.wait_ready()
        assert all(worker.process.is_alive() for worker in pool._workers)


def test_started_workers_serve_several_streams_even_one_left_unfinished(pipeline):
    """A stream abandoned with batches in flight must not leak its results into the next one."""
    items = _examples_with_problems()
    settings = replace(pipeline.settings, batch_size=2, workers=1)
    single = _canonical(replace(pipeline, settings=settings).code_stream(items))
    with Pipeline.from_settings(replace(settings, workers=2)).start_workers() as pooled:
        abandoned = pooled.code_stream(items)
        next(abandoned)
        abandoned.close()  # batches are still in flight in the workers
        assert _canonical(pooled.code_stream(items)) == single
        assert _canonical(pooled.code_stream(items[:3])) == single[:3]


class _Ledger:
    """Stands in for the ledger: refuses the articles whose source is in ``refuse``."""

    def __init__(self, refuse=(), batch_fails=False):
        self.refuse, self.batch_fails = set(refuse), batch_fails
        self.batches: list[list[str]] = []
        self.stored: list[str] = []

    def start_run(self, run):
        pass

    def finish_run(self, run):
        self.run = run

    def store_many(self, coded, run_id):
        self.batches.append([c.article.source for c in coded])
        if self.batch_fails:
            raise LedgerError("none of a batch was stored: database is locked")
        return [self._one(c) for c in coded]

    def store(self, coded, run_id):
        outcome = self._one(coded)
        if isinstance(outcome, LedgerError):
            raise outcome
        return outcome

    def _one(self, coded):
        if coded.article.source in self.refuse:
            return LedgerError("value out of range")
        self.stored.append(coded.article.source)
        return True


def _ingest_of(pipeline, items, ledger, monkeypatch):
    monkeypatch.setattr(pipeline_module, "_read", lambda *_: iter(items))
    in_twos = replace(pipeline, settings=replace(pipeline.settings, batch_size=2))
    return pipeline_module.ingest(in_twos, ledger, [])


def test_ingest_stores_in_batches_and_reports_problems_in_input_order(pipeline, monkeypatch):
    items = _articles(5)
    items.insert(2, InputProblem("bad.txt", "empty file"))
    ledger = _Ledger(refuse={"a3.txt"})
    report = _ingest_of(pipeline, items, ledger, monkeypatch)
    assert ledger.batches == [["a0.txt", "a1.txt"], ["a2.txt", "a3.txt"], ["a4.txt"]]
    assert [str(p) for p in report.problems] == ["bad.txt: empty file", "a3.txt: value out of range"]
    assert ledger.stored == ["a0.txt", "a1.txt", "a2.txt", "a4.txt"]
    assert (report.run.articles, report.run.stored, report.run.failures) == (5, 4, 2)


def test_ingest_falls_back_to_one_by_one_when_a_whole_batch_fails(pipeline, monkeypatch):
    ledger = _Ledger(refuse={"a1.txt"}, batch_fails=True)
    report = _ingest_of(pipeline, _articles(3), ledger, monkeypatch)
    assert ledger.stored == ["a0.txt", "a2.txt"]
    assert [str(p) for p in report.problems] == ["a1.txt: value out of range"]
