"""The worker pool: same output as one process, started only when useful, and a dead worker
is replaced while the run goes on."""

from __future__ import annotations

import os
import signal
from dataclasses import replace

import pytest
from pipeline_helpers import EXAMPLES, articles, canonical, examples_with_problems

import chancery.pipeline as pipeline_module
from chancery.errors import ModelError
from chancery.pipeline import Pipeline
from chancery.pipeline.workers import WorkerPool
from chancery.records import Article, CodedArticle
from chancery.settings import Settings


def test_pooled_output_equals_single_process_output(pipeline):
    """Two workers, batches of 3: the same results in the same order, field for field."""
    items = examples_with_problems()
    settings = replace(pipeline.settings, batch_size=3)
    single = canonical(replace(pipeline, settings=replace(settings, workers=1)).code_stream(items))
    pooled = canonical(Pipeline.from_settings(replace(settings, workers=2)).code_stream(items))
    assert len(single) == len(items) and sum(a is None for a, _ in single) == 2
    assert pooled == single


def test_workers_default_to_the_cores_this_process_may_use():
    default = Pipeline.from_settings(Settings.load(env={"CHANCERY_CONFIG": ""}))
    assert default.settings.workers == 0
    assert default.workers == len(os.sched_getaffinity(0))
    assert Pipeline.from_settings(Settings(workers=3)).workers == 3


def test_input_of_one_batch_is_coded_in_process_without_a_pool(pipeline, monkeypatch):
    def no_pool(*_):
        raise AssertionError("a pool was started for a single batch")

    monkeypatch.setattr(pipeline_module, "WorkerPool", no_pool)
    many = replace(pipeline, settings=replace(pipeline.settings, workers=2, batch_size=16))
    assert len(list(many.code_stream(articles(5)))) == 5


def test_a_model_that_workers_cannot_load_is_one_model_error():
    settings = Settings(model="no_such_spacy_pipeline", workers=2, batch_size=1)
    with pytest.raises(ModelError, match="'no_such_spacy_pipeline' is not installed"):
        list(Pipeline.from_settings(settings).code_stream(articles(3)))


def _kill(pool, slot: int = 0, coding: int | None = None) -> None:
    """Kill a worker; with ``coding``, only once it has said that it began that ticket."""
    while coding is not None and pool._workers[slot].coding != coding:
        pool._receive(block=True)
    process = pool._workers[slot].process
    os.kill(process.pid, signal.SIGKILL)
    process.join()


def test_a_batch_whose_worker_dies_is_coded_again_one_article_at_a_time(pipeline):
    articles = [item for item in examples_with_problems() if isinstance(item, Article)][:4]
    one_process = replace(pipeline, settings=replace(pipeline.settings, workers=1, batch_size=4))
    expected = canonical(one_process.code_stream(articles))
    with WorkerPool(Settings(batch_size=4), 1) as pool:
        pool.wait_ready()
        first = pool._workers[0].process
        ticket = pool.submit(articles)
        _kill(pool, coding=ticket)
        results = pool.result(ticket)
        assert pool._workers[0].process is not first and pool._workers[0].process.is_alive()
    assert canonical(zip(articles, results, strict=True)) == expected


def test_an_article_that_stops_a_worker_alone_is_its_problem_and_the_run_goes_on():
    text = (EXAMPLES / "02-china-responds-to-russian-recognition.txt").read_text(encoding="utf-8")
    long = Article(id="long", text="\n\n".join([text] * 10), source="poison.txt")
    with WorkerPool(Settings(), 1) as pool:
        pool.wait_ready()
        alone = pool.submit([long])
        _kill(pool, coding=alone)
        after = pool.submit(articles(2))
        assert [str(r) for r in pool.result(alone)] == [
            "poison.txt: stopped a coding worker (exit code -9); skipped"
        ]
        assert [r.article.source for r in pool.result(after)] == ["a0.txt", "a1.txt"]


def test_a_worker_that_dies_between_batches_is_replaced_and_blames_no_article():
    with WorkerPool(Settings(), 2) as pool:
        pool.wait_ready()
        _kill(pool, 1)
        tickets = [pool.submit(articles(1)) for _ in range(3)]
        assert all(isinstance(pool.result(t)[0], CodedArticle) for t in tickets)
        pool.wait_ready()
        assert all(worker.process.is_alive() for worker in pool._workers)


def test_started_workers_serve_several_streams_even_one_left_unfinished(pipeline):
    """A stream abandoned with batches in flight must not leak its results into the next one."""
    items = examples_with_problems()
    settings = replace(pipeline.settings, batch_size=2, workers=1)
    single = canonical(replace(pipeline, settings=settings).code_stream(items))
    with Pipeline.from_settings(replace(settings, workers=2)).start_workers() as pooled:
        abandoned = pooled.code_stream(items)
        next(abandoned)
        abandoned.close()  # batches are still in flight in the workers
        assert canonical(pooled.code_stream(items)) == single
        assert canonical(pooled.code_stream(items[:3])) == single[:3]
