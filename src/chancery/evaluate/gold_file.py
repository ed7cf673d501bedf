"""Reading a JSONL gold file: its records after the header line, each with its line number."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chancery.errors import GoldError
from chancery.ingest.clean import build_article
from chancery.records import Article


def records(path: Path, what: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) for every non-blank line after the header; GoldError names a bad one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.strerror})") from exc
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: bad {what} ({exc})") from exc


def gold_article(text: str, date: str | None, external_id: str | None = None) -> Article:
    """The ``Article`` of a gold text, read as ``chancery ingest`` reads one: a wire dateline
    ("NAIROBI, March 9 - ...") names the story's place, and the gold date is the publication date."""
    return build_article(text, "-", default_date=None, date_value=date, external_id=external_id)
