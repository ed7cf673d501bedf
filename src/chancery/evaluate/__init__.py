"""``chancery eval``: score the pipeline's output against gold files.

A gold file is JSONL whose first line is a header ``{"gold": KIND, "about": "..."}``
(KIND is ``actors``, ``events``, ``quotes`` or ``timeline``), or the PLOVER gold standard JSON
array.  Each kind has a module here with ``evaluate(path, pipeline) -> Report``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

from chancery.errors import GoldError


class Report(Protocol):
    """What every scorer returns: figures as a dict and a text rendering."""

    def to_dict(self) -> dict[str, Any]: ...

    def render(self) -> str: ...


def gold_kind(path: Path) -> str:
    """The kind of gold file at ``path``: actors, events, quotes, timeline or plover_gsr."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline().strip()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.strerror})") from exc
    if first.startswith("["):
        return "plover_gsr"
    try:
        header = json.loads(first)
    except json.JSONDecodeError as exc:
        raise GoldError(f'{path}:1: first line must be a JSON header like {{"gold": "events"}}') from exc
    kind = header.get("gold") if isinstance(header, dict) else None
    if kind not in {"actors", "events", "quotes", "timeline"}:
        raise GoldError(f"{path}:1: header 'gold' must be actors, events, quotes or timeline, not {kind!r}")
    return kind


def evaluate(path: Path, pipeline: Any) -> Report:
    """Score ``pipeline`` on the gold file at ``path`` with the scorer for its kind."""
    kind = gold_kind(path)
    if kind == "actors":
        from chancery.evaluate import actors as scorer
    elif kind == "quotes":
        from chancery.evaluate import quotes as scorer
    elif kind == "plover_gsr":
        from chancery.evaluate import plover_gsr as scorer
    elif kind == "timeline":
        from chancery.evaluate import timelines as scorer
    else:
        from chancery.evaluate import events as scorer
    return scorer.evaluate(path, pipeline)


def evaluate_all(paths: list[Path], pipeline: Any) -> dict[str, Report]:
    """A report per gold file and, when several are events or timeline files, one over all of them."""
    reports = {str(path): evaluate(path, pipeline) for path in paths}
    kinds = {path: gold_kind(Path(path)) for path in reports}
    events = [reports[path] for path, kind in kinds.items() if kind == "events"]
    if len(events) > 1:
        from chancery.evaluate.events import combined

        name = f"all {len(events)} events files"
        reports[name] = combined(events, name)
    timelines = [reports[path] for path, kind in kinds.items() if kind == "timeline"]
    if len(timelines) > 1:
        from chancery.evaluate import timelines as scorer

        name = f"all {len(timelines)} timelines"
        reports[name] = scorer.combined(timelines, name)
    return reports
