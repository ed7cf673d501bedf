"""Loading a batch output folder into the ledger: every finished partition's articles, whole, once.

The client reads each partition's shard files back into ``CodedArticle`` records (text,
sentences, mentions, events, quotes) and stores them a partition at a time through
``Ledger.store_many``: one transaction and one multi-row insert per table per partition, on
SQLite and PostgreSQL alike. Articles are known by their content id, so a load run again, or
over a folder a re-run extended, stores only what is new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chancery.batch.manifest import Manifest
from chancery.batch.shards import coded_articles
from chancery.pipeline import StoreTally, new_run
from chancery.records import InputProblem
from chancery.settings import Settings
from chancery.stopping import uncut


@dataclass(frozen=True)
class LoadReport:
    """What a load stored: new articles and events, those already stored, and refusals (one line each)."""

    stored: int
    already: int
    events: int
    refused: tuple[InputProblem, ...]


def load_shards(
    manifest: Manifest,
    ledger: Any,
    settings: Settings,
    order: list[str],
    *,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Store the partitions of ``manifest`` listed in ``order`` (partition ids) into ``ledger``."""
    out: Path = manifest.out
    run = new_run(settings, [str(out)])
    with uncut():
        ledger.start_run(run)
    articles = 0
    tally = StoreTally()
    refused: list[InputProblem] = []
    for pid in order:
        finished = manifest.finished.get(pid)
        if finished is None:
            continue
        coded = coded_articles(out, finished.files)
        with uncut():  # a stop request waits for this partition's commit or rollback
            outcomes = ledger.store_many(coded, run.id) if coded else []
        for item, outcome in zip(coded, outcomes, strict=True):
            articles += 1
            if (problem := tally.count(item, outcome)) is not None:
                refused.append(problem)
        if progress:
            progress(len(coded))
    with uncut():
        ledger.finish_run(tally.finished(run, articles, failures=len(refused)))
    return LoadReport(stored=tally.stored, already=tally.already, events=tally.events, refused=tuple(refused))
