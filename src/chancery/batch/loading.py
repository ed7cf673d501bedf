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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chancery import __version__
from chancery.batch.manifest import Manifest
from chancery.batch.shards import coded_articles
from chancery.errors import ChanceryError
from chancery.records import InputProblem, Run, content_id
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
    run = Run(
        id=content_id(datetime.now(UTC).isoformat(), str(out)),
        started=datetime.now(UTC).isoformat(timespec="seconds"),
        coder_version=__version__,
        settings_digest=settings.digest(),
        inputs=(str(out),),
    )
    with uncut():
        ledger.start_run(run)
    stored = already = events = articles = 0
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
            if isinstance(outcome, ChanceryError):
                refused.append(InputProblem(item.article.source or item.article.id, str(outcome)))
            elif outcome:
                stored += 1
                events += len(item.events)
            else:
                already += 1
        if progress:
            progress(len(coded))
    finished_run = Run(
        id=run.id,
        started=run.started,
        finished=datetime.now(UTC).isoformat(timespec="seconds"),
        coder_version=run.coder_version,
        settings_digest=run.settings_digest,
        articles=articles,
        stored=stored,
        events=events,
        failures=len(refused),
        inputs=run.inputs,
    )
    with uncut():
        ledger.finish_run(finished_run)
    return LoadReport(stored=stored, already=already, events=events, refused=tuple(refused))
