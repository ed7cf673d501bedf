"""Rendering listings as table, json, jsonl or csv from the records' ``to_dict()`` output."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any

FORMATS = ("table", "json", "jsonl", "csv")
# OWASP's rule for CSV injection: a cell a spreadsheet would read as a formula starts with one of
# these; a single quote before it makes the spreadsheet show the text instead of running it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Columns shown by the table format, per listing: (header, dotted path into the row dict).
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "events": (
        ("date", "date"),
        ("source", "source.code"),
        ("cameo", "cameo"),
        ("event", "cameo_name"),
        ("target", "target.code"),
        ("plover", "plover.event"),
        ("modality", "modality"),
        ("neg", "negated"),
        ("counted", "counted"),
        ("trigger", "evidence.trigger"),
        ("rule", "evidence.rule"),
    ),
    "quotes": (
        ("date", "date"),
        ("speaker", "speaker.name"),
        ("role", "speaker.role"),
        ("actor", "speaker.actor.code"),
        ("direct", "direct"),
        ("text", "text"),
    ),
    "relations": (
        ("subject", "subject.code"),
        ("kind", "kind"),
        ("state", "state"),
        ("object", "object.code"),
        ("since", "since"),
        ("until", "until"),
        ("detail", "detail"),
        ("reports", "evidence"),
    ),
}


def dig(row: dict[str, Any], path: str) -> Any:
    """The value at a dotted ``path`` of a nested dict, or None."""
    value: Any = row
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become dotted columns; lists become JSON text (for CSV)."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list | tuple):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def record_columns(cls: type, prefix: str = "") -> list[str]:
    """The CSV columns of a record class: nested records as dotted columns, tuples as one JSON column."""
    columns: list[str] = []
    nested = getattr(cls, "nested", {})
    for field in fields(cls):
        inner = nested.get(field.name)
        if inner is not None and not str(field.type).startswith("tuple"):
            columns.extend(record_columns(inner, f"{prefix}{field.name}."))
        else:
            columns.append(prefix + field.name)
    return columns


def render_rows(
    fmt: str,
    payload: dict[str, Any],
    kind: str | None = None,
    *,
    columns: Sequence[str] | None = None,
    raw: bool = False,
) -> str:
    """Render ``payload`` (``{"events": [...]}`` or any object) in ``fmt``.

    CSV has ``columns`` (and any other found in the rows) in that order, a header even without
    rows, and cells that a spreadsheet would run as a formula prefixed with ``'`` unless ``raw``.
    """
    if fmt == "json":
        return json.dumps(payload, ensure_ascii=False, indent=2)
    rows = _rows(payload)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        return _csv([flatten(r) for r in rows], columns or (), raw=raw)
    return render_table(kind or "", rows)


def neutralised(value: Any) -> Any:
    """``value``, with a ``'`` before it when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_json_pieces(key: str, items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """``render_rows("json", {key: list(items)})`` plus a newline, in pieces as items arrive.

    The pieces join to exactly the same text, so a long run's JSON needs no more memory than
    one item.
    """
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield (f"{{\n  {json.dumps(key)}: [\n    " if first else ",\n    ") + body
        first = False
    yield f"{{\n  {json.dumps(key)}: []\n}}\n" if first else "\n  ]\n}\n"


def _rows(payload: dict[str, Any]) -> list[dict[str, Any]]:
    lists = [v for v in payload.values() if isinstance(v, list)]
    if len(payload) == 1 and lists:
        return lists[0]
    return [payload]


def _csv(rows: list[dict[str, Any]], known: Sequence[str], *, raw: bool) -> str:
    columns = list(dict.fromkeys([*known, *(name for row in rows for name in row)]))
    # A nested record that is None in some row flattens to one empty cell under its own name, beside
    # the dotted columns other rows give it: that cell is those columns' empty cells.
    columns = [
        name
        for name in columns
        if not (
            any(other.startswith(name + ".") for other in columns)
            and all(row.get(name) is None for row in rows)
        )
    ]
    if not columns:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row if raw else {name: neutralised(value) for name, value in row.items()})
    return out.getvalue()


def render_table(kind: str, rows: list[dict[str, Any]], title: str | None = None) -> str:
    """A rich table of ``rows`` with the columns chosen for ``kind``, as plain text."""
    from rich.console import Console
    from rich.table import Table

    columns = TABLE_COLUMNS.get(kind) or tuple(
        (key, key) for key in (rows[0] if rows else {}) if not isinstance(rows[0][key], dict | list)
    )
    table = Table(title=title, show_lines=False, expand=False)
    for header, _ in columns:
        wide = header in {"text", "detail", "evidence"}
        table.add_column(header, overflow="fold", max_width=60 if wide else None)
    for row in rows:
        table.add_row(*(_cell(dig(row, path)) for _, path in columns))
    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(table)
    if not rows:
        console.print(f"(no {kind or 'rows'})")
    return "\n".join(line.rstrip() for line in console.file.getvalue().rstrip("\n").splitlines())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return str(len(value))
    return str(value)
