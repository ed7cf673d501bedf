"""Crashes, races and signals, with chancery run as real processes on both backends (issue 15).

Each test compares the ledger with one an uninterrupted run of the same generated corpus left,
as ``chancery export`` shows them: a run killed at any point leaves only whole articles and a
sound ledger, and running the same command again ends exactly where the uninterrupted run did.

The runs that are killed, signalled or raced are real processes. The uninterrupted reference run
and the reruns after a SIGKILL at a kill point run the same command in this test process, where the
model is loaded already (a process would spend seconds loading it); the rerun after the parent of
the workers was killed stays a real process, so one recovery is also checked across processes.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time

import pytest
from crash_helpers import (
    backend,
    by_article,
    contents,
    descendants,
    drop,
    ingest,
    ingest_here,
    kill,
    start_ingest,
    wait_gone,
    wait_until,
    workers_of,
    write_corpus,
)

from backends import BACKENDS
from chancery.ledger import open_ledger


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="module", params=BACKENDS)
def reference(request, corpus, tmp_path_factory):
    """(backend name, what an uninterrupted ingest of the corpus leaves in a new ledger)."""
    found = backend(request.param, tmp_path_factory.mktemp("reference"))
    try:
        done = ingest_here(corpus, found.url)
        assert done.returncode == 0, done.stderr
        yield request.param, contents(found.url)
    finally:
        drop(found)


@pytest.fixture
def ledger_at(reference, tmp_path):
    """A new ledger location on the reference's backend, dropped after the test."""
    made = []

    def make():
        made.append(backend(reference[0], tmp_path / f"l{len(made)}"))
        return made[-1]

    yield make
    for found in made:
        drop(found)


def _assert_sound_and_whole(found, expected: dict[str, str]) -> None:
    """The integrity check passes and every stored article has exactly its events, quotes and sentences."""
    with open_ledger(found.url, create=False) as ledger:
        assert ledger.check() == []
    shown = contents(found.url)
    stored = set(json.loads(shown["articles"]))
    assert stored <= set(json.loads(expected["articles"]))
    for what in ("events", "quotes"):
        have, want = by_article(shown[what]), by_article(expected[what])
        assert {a: have.get(a, []) for a in stored} == {a: want.get(a, []) for a in stored}, what
    sentences = found.scalar("SELECT count(*) FROM sentences")
    per_article = found.scalar("SELECT count(DISTINCT article_id) FROM sentences")
    assert per_article == len(stored) and (sentences > 0) == bool(stored)


KILL_POINTS = {
    # while the model loads: the run is recorded, no article is stored yet
    "run recorded": ("SELECT count(*) FROM runs", 1),
    # just after the first batch was committed
    "first batch stored": ("SELECT count(*) FROM articles", 2),
    # in the middle of the run, with batches going in
    "half stored": ("SELECT count(*) FROM articles", 20),
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_at_any_point_leaves_whole_articles_and_a_rerun_completes_exactly(
    reference, corpus, ledger_at, point
):
    _, expected = reference
    found = ledger_at()
    sql, least = KILL_POINTS[point]
    process = start_ingest(corpus, found.url)
    wait_until(lambda: found.scalar(sql) >= least, process, point)
    kill(process)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    _assert_sound_and_whole(found, expected)
    assert found.scalar("SELECT count(*) FROM articles") < 40  # killed before the end
    again = ingest_here(corpus, found.url)
    assert again.returncode == 0, again.stderr
    assert contents(found.url) == expected


def test_four_ingests_at_once_on_a_new_ledger_end_as_one_serial_run(reference, corpus, ledger_at):
    """Issue 15: two ingests started together on a new ledger lost one's whole input."""
    _, expected = reference
    found = ledger_at()
    files = sorted(corpus.iterdir())
    slices = [files[0:20], files[10:30], files[20:40], [*files[0:10], *files[30:40]]]  # each file twice
    processes = [start_ingest(part, found.url) for part in slices]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    summaries = [
        re.fullmatch(r"ingested 20 article\(s\): (\d+) new, (\d+) already stored, .*", err.splitlines()[-1])
        for _, err in results
    ]
    assert all(summaries), results
    assert sum(int(found[1]) for found in summaries) == 40  # each article stored once, by whoever came first
    assert sum(int(found[2]) for found in summaries) == 40  # and found stored by the other
    assert sum("created a new ledger" in err for _, err in results) == 1
    assert contents(found.url) == expected


def test_a_worker_killed_mid_batch_is_replaced_and_the_run_completes(reference, corpus, ledger_at):
    _, expected = reference
    found = ledger_at()
    process = start_ingest(corpus, found.url, workers="2")
    wait_until(lambda: found.scalar("SELECT count(*) FROM articles") >= 4, process, "four stored")
    victims = workers_of(process.pid)
    assert len(victims) == 2
    os.kill(victims[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "ingested 40 article(s): " in stderr and "Traceback" not in stderr
    assert contents(found.url) == expected


def test_the_parent_killed_while_workers_run_leaves_no_orphan(reference, corpus, ledger_at):
    _, expected = reference
    found = ledger_at()
    process = start_ingest(corpus, found.url, workers="2")
    wait_until(lambda: found.scalar("SELECT count(*) FROM articles") >= 4, process, "four stored")
    family = descendants(process.pid)
    assert len(workers_of(process.pid)) == 2 and len(family) >= 3  # forkserver, 2 workers (and a tracker)
    kill(process)
    process.wait(timeout=30)
    assert wait_gone(family) == set(), "processes outlived the ingest that started them"
    _assert_sound_and_whole(found, expected)
    again = ingest(corpus, found.url)
    assert again.returncode == 0, again.stderr
    assert contents(found.url) == expected


def test_sigterm_stops_cleanly_without_leaked_semaphores(reference, corpus, ledger_at):
    _, expected = reference
    found = ledger_at()
    process = start_ingest(corpus, found.url, workers="2")
    wait_until(lambda: found.scalar("SELECT count(*) FROM articles") >= 4, process, "four stored")
    family = descendants(process.pid)
    kill(process, signal.SIGTERM)
    started = time.monotonic()
    _, stderr = process.communicate(timeout=60)
    assert time.monotonic() - started < 30
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert stderr.splitlines()[-1] == (
        "chancery: stopped by SIGTERM; what was stored is kept, each article whole; run again to finish"
    )
    assert "Traceback" not in stderr and "leaked" not in stderr and "resource_tracker" not in stderr
    assert wait_gone(family) == set()
    _assert_sound_and_whole(found, expected)
