"""Shards: coded articles as Parquet datasets ``articles/``, ``events/`` and ``quotes/``, by month.

Columns are the output contract flattened: a nested record's fields are prefixed by its name
(``source_code``, ``plover_event``, ``evidence_start``, ``speaker_actor_code``), the evidence's
rule is ``rule`` as DESIGN.md names it, and tuples are list columns. ``event_dict(row)`` and
``quote_dict(row)`` build the contract's objects back, equal to ``to_dict()``: a nested record whose
columns are all null was None. Articles keep their text, and their sentences and actor mentions
as JSON (``sentences_json``, ``mentions_json``), so that the ledger can be loaded from the shards
alone. Each dataset is Hive-partitioned by the month of each row's own date (``month=2025-07``,
``month=undated``), one file per input partition and month (``part-<partition id>.parquet``),
written beside its place and renamed into it: a file is whole or absent, and a partition coded
again writes the same names, never a second copy.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chancery.records import Article, CodedArticle, Event, Mention, Quote, Sentence

DATASETS = ("articles", "events", "quotes")
UNDATED = "undated"
_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "tuple[str, ...]": pa.list_(pa.string()),
    "tuple[int, ...]": pa.list_(pa.int64()),
}
_RENAMED = {"evidence_rule": "rule"}  # DESIGN.md's name for the rule that fired


@dataclass(frozen=True)
class Column:
    """One flat column: its name, the path of keys to its value in ``to_dict()``, its Arrow type."""

    name: str
    path: tuple[str, ...]
    type: pa.DataType


def columns_of(cls: type, prefix: tuple[str, ...] = ()) -> list[Column]:
    """The flat columns of a record class, nested records expanded in field order."""
    found: list[Column] = []
    for item in fields(cls):
        path = (*prefix, item.name)
        inner = cls.nested.get(item.name)
        if inner is not None:
            found.extend(columns_of(inner, path))
            continue
        name = "_".join(path)
        found.append(Column(_RENAMED.get(name, name), path, _TYPES[str(item.type).replace(" | None", "")]))
    return found


_ARTICLE_EXTRA = (
    Column("sentences_json", ("sentences_json",), pa.string()),
    Column("mentions_json", ("mentions_json",), pa.string()),
)
COLUMNS: dict[str, list[Column]] = {
    "articles": [*columns_of(Article), *_ARTICLE_EXTRA],
    "events": columns_of(Event),
    "quotes": columns_of(Quote),
}
SCHEMAS = {name: pa.schema([(c.name, c.type) for c in columns]) for name, columns in COLUMNS.items()}


def flat(record: dict[str, Any], dataset: str) -> dict[str, Any]:
    """The flat row of a ``to_dict()`` object."""
    row = {}
    for column in COLUMNS[dataset]:
        value: Any = record
        for key in column.path:
            value = value.get(key) if isinstance(value, dict) else None
        row[column.name] = value
    return row


def nested(row: dict[str, Any], dataset: str) -> dict[str, Any]:
    """The ``to_dict()`` object of a flat row (the inverse of ``flat``)."""
    built: dict[str, Any] = {}
    for column in COLUMNS[dataset]:
        place = built
        for key in column.path[:-1]:
            place = place.setdefault(key, {})
        place[column.path[-1]] = row.get(column.name)
    return _nulls(built)


def _nulls(value: dict[str, Any]) -> dict[str, Any] | None:
    """Nested objects whose every value is null were null records (an absent target or speaker)."""
    for key, inner in value.items():
        if isinstance(inner, dict):
            value[key] = _nulls(inner)
    return None if all(inner is None for inner in value.values()) else value


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """The contract's event object of an ``events`` row: equal to ``Event.to_dict()``."""
    return nested(row, "events")


def quote_dict(row: dict[str, Any]) -> dict[str, Any]:
    """The contract's quote object of a ``quotes`` row: equal to ``Quote.to_dict()``."""
    return nested(row, "quotes")


def article_row(coded: CodedArticle) -> dict[str, Any]:
    """The ``articles`` row of a coded article: its fields, with sentences and mentions as JSON."""
    row = coded.article.to_dict()
    row["sentences_json"] = json.dumps([s.to_dict() for s in coded.sentences], ensure_ascii=False)
    row["mentions_json"] = json.dumps([m.to_dict() for m in coded.mentions], ensure_ascii=False)
    return flat(row, "articles")


def month(date: str | None) -> str:
    """The partition a row of this date goes to: ``YYYY-MM``, or ``undated``."""
    return date[:7] if date else UNDATED


def write_partition(out: Path, partition_id: str, coded: Sequence[CodedArticle]) -> list[str]:
    """Write one input partition's rows, a file per dataset and month; returns their paths under ``out``.

    Rows keep input order. Each file is written to a hidden temporary name in its folder (readers
    skip names that start with a dot) and renamed over ``part-<partition_id>.parquet``.
    """
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [article_row(item) for item in coded],
        "events": [flat(event.to_dict(), "events") for item in coded for event in item.events],
        "quotes": [flat(quote.to_dict(), "quotes") for item in coded for quote in item.quotes],
    }
    written = []
    for dataset in DATASETS:
        by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows[dataset]:
            by_month[month(row["date"])].append(row)
        for key in sorted(by_month):
            relative = f"{dataset}/month={key}/part-{partition_id}.parquet"
            _write_atomically(out / relative, pa.Table.from_pylist(by_month[key], schema=SCHEMAS[dataset]))
            written.append(relative)
    return written


def _write_atomically(path: Path, table: pa.Table) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, temporary)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_rows(out: Path, files: Iterable[str], dataset: str) -> list[dict[str, Any]]:
    """The flat rows of ``dataset`` in the given shard files (others skipped), in file order."""
    found: list[dict[str, Any]] = []
    for relative in files:
        if relative.startswith(f"{dataset}/"):
            found.extend(pq.read_table(out / relative, schema=SCHEMAS[dataset]).to_pylist())
    return found


def coded_articles(out: Path, files: Sequence[str]) -> list[CodedArticle]:
    """The coded articles of one partition's shard files, whole: for loading the ledger."""
    # By article, then by id: an article given twice in the input is one article to the ledger.
    events: dict[str, dict[str, Event]] = defaultdict(dict)
    for row in read_rows(out, files, "events"):
        events[row["article_id"]].setdefault(row["id"], Event.from_dict(event_dict(row)))
    quotes: dict[str, dict[str, Quote]] = defaultdict(dict)
    for row in read_rows(out, files, "quotes"):
        quotes[row["article_id"]].setdefault(row["id"], Quote.from_dict(quote_dict(row)))
    coded = []
    for row in read_rows(out, files, "articles"):
        record = nested(row, "articles") or {}
        article = Article.from_dict(record)
        coded.append(
            CodedArticle(
                article=article,
                events=tuple(events.get(article.id, {}).values()),
                quotes=tuple(quotes.get(article.id, {}).values()),
                sentences=tuple(Sentence.from_dict(s) for s in json.loads(record["sentences_json"])),
                mentions=tuple(Mention.from_dict(m) for m in json.loads(record["mentions_json"])),
            )
        )
    return coded


def leftovers(out: Path) -> list[Path]:
    """Temporary files a stopped writer left (a worker killed mid-write); harmless, and removable."""
    return [path for dataset in DATASETS for path in (out / dataset).glob("month=*/.*.tmp")]
