"""Rendering listings as table, json, jsonl or csv from the records' ``to_dict()`` output."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

FORMATS = ("table", "json", "jsonl", "csv")

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


def render_rows(fmt: str, payload: dict[str, Any], kind: str | None = None) -> str:
    """Render ``payload`` (``{"events": [...]}`` or any object) in ``fmt``."""
    if fmt == "json":
        return json.dumps(payload, ensure_ascii=False, indent=2)
    rows = _rows(payload)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        return _csv([flatten(r) for r in rows])
    return render_table(kind or "", rows)


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


def _csv(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
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
