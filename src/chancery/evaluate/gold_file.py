"""Reading a JSONL gold file: its records after the header line, each with its line number."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chancery.errors import GoldError


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
