"""Values checked before they are written, so that SQLite and PostgreSQL refuse the same ones alike.

SQLite ignores ``VARCHAR(n)`` and stores NUL characters; PostgreSQL refuses both; neither can
encode a lone surrogate. Checking first gives one refusal, worded the same on both backends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

_SURROGATE = re.compile("[\ud800-\udfff]")


def refusal(tables: Sequence[sa.Table], rows: Iterable[list[dict[str, Any]]]) -> str | None:
    """Why these rows (one list per table of ``tables``) cannot be stored, or None when they can."""
    for table, table_rows in zip(tables, rows, strict=True):
        for row in table_rows:
            for name, value in row.items():
                reason = _value_refusal(table.c.get(name), value)
                if reason:
                    return f"its {table.name}.{name} {reason}"
    return None


def _value_refusal(column: sa.Column | None, value: Any) -> str | None:
    if isinstance(value, str):
        if "\x00" in value:
            return f"contains a NUL character (at {value.index(chr(0)):,})"
        if not value.isascii() and (found := _SURROGATE.search(value)):
            where = f"U+{ord(found[0]):04X} at {found.start():,}"
            return f"contains a lone surrogate ({where}), not valid Unicode"
        limit = getattr(column.type, "length", None) if column is not None else None
        if limit is not None and len(value) > limit:
            return f"is {len(value):,} characters, over the ledger's limit of {limit:,}"
        return None
    if isinstance(value, dict):
        return next(filter(None, (_value_refusal(None, v) for v in (*value.keys(), *value.values()))), None)
    if isinstance(value, list | tuple):
        return next(filter(None, (_value_refusal(None, v) for v in value)), None)
    return None
