"""Batch inputs: files and globs of JSONL, gzipped JSONL and Parquet, cut into partitions of records.

A partition is the unit a worker codes and the manifest records: up to ``partition_size`` lines
of a JSONL file (a byte range, so a worker seeks straight to it), lines of a gzipped one (a worker
decompresses up to its start: gzip cannot seek) or rows of a Parquet file. The client plans them
(counting lines, reading Parquet metadata); workers read them, each record through the same
readers as ``chancery code``, so a bad record is an ``InputProblem`` naming ``file:line``
(the row number, from 1, for Parquet) and the others go on.
"""

from __future__ import annotations

import datetime
import glob
import gzip
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from chancery.ingest import read_jsonl, read_record
from chancery.ingest.bounded import CHUNK, capped_lines
from chancery.ingest.clean import empty
from chancery.records import Article, InputProblem, content_id
from chancery.settings import Settings

KINDS = {".jsonl": "jsonl", ".jsonl.gz": "jsonl.gz", ".parquet": "parquet"}
# The JSONL article fields read from a Parquet file's columns; other columns are left unread.
PARQUET_FIELDS = ("id", "text", "title", "date", "url", "publisher")


@dataclass(frozen=True)
class Partition:
    """Records ``[start, stop)`` of one input: bytes of a JSONL file, lines of a gzipped one, Parquet rows."""

    path: str  # as the inputs named it (a glob expanded), as ``chancery code`` names its sources
    kind: str  # jsonl | jsonl.gz | parquet
    start: int
    stop: int
    first_line: int  # the number of its first line (or row), from 1
    records: int  # lines (or rows) it spans, blank lines included

    @property
    def id(self) -> str:
        """Its name in the output and the manifest: the input's absolute path and the range."""
        return content_id(os.path.abspath(self.path), self.kind, self.start, self.stop)

    @property
    def label(self) -> str:
        unit = "rows" if self.kind == "parquet" else "lines"
        return f"{self.path} {unit} {self.first_line}-{self.first_line + self.records - 1}"


def kind_of(path: str) -> str | None:
    """``jsonl``, ``jsonl.gz`` or ``parquet`` by the file's suffix; None for any other file."""
    name = path.lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def expand(inputs: Sequence[str]) -> Iterator[str | InputProblem]:
    """Each input file in order: globs expanded (sorted), folders walked for the three kinds; a
    name that finds nothing, or a file of another kind, becomes an ``InputProblem``."""
    for given in inputs:
        if os.path.isdir(given):
            found = sorted(
                str(path)
                for path in Path(given).rglob("*")
                if path.is_file() and kind_of(path.name) and not _hidden(path.relative_to(given))
            )
            if not found:
                yield InputProblem(given, "no .jsonl, .jsonl.gz or .parquet files in this folder")
            yield from found
            continue
        names = sorted(glob.glob(given)) if glob.has_magic(given) else [given]
        if not names:
            yield InputProblem(given, "no file matches this pattern")
        for name in names:
            if not os.path.exists(name):
                yield InputProblem(name, "no such file or directory")
            elif os.path.isdir(name):
                yield from expand([name])
            elif kind_of(name) is None:
                yield InputProblem(
                    name, "not a .jsonl, .jsonl.gz or .parquet file (what chancery batch reads)"
                )
            else:
                yield name


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def plan(inputs: Sequence[str], size: int) -> Iterator[Partition | InputProblem]:
    """The partitions of every input, in input order, and a problem for each input that has none."""
    for name in expand(inputs):
        if isinstance(name, InputProblem):
            yield name
            continue
        try:
            parts = list(_plan_file(name, size))
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield InputProblem(name, f"cannot be read ({_reason(exc)})")
            continue
        except Exception as exc:  # pyarrow's own errors for a file that is not Parquet
            yield InputProblem(name, f"cannot be read as {kind_of(name)} ({_reason(exc)})")
            continue
        yield from parts or [empty(name)]


def _plan_file(path: str, size: int) -> Iterator[Partition]:
    kind = kind_of(path)
    if kind == "parquet":
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(path).metadata.num_rows
        for start in range(0, rows, size):
            stop = min(rows, start + size)
            yield Partition(path, kind, start, stop, start + 1, stop - start)
        return
    if kind == "jsonl.gz":
        with gzip.open(path, "rb") as handle:
            lines, blank = _count_lines(handle)
        if not blank:
            for start in range(0, lines, size):
                stop = min(lines, start + size)
                yield Partition(path, kind, start, stop, start + 1, stop - start)
        return
    with open(path, "rb") as handle:
        offsets, blank = _line_offsets(handle, size)
    if not blank:
        for index, (start, stop, lines) in enumerate(offsets):
            yield Partition(path, kind, start, stop, index * size + 1, lines)


def _count_lines(handle: BinaryIO) -> tuple[int, bool]:
    """How many lines ``handle`` holds (a last one without an end counts), and whether all are blank."""
    count, ended, blank = 0, True, True
    while chunk := handle.read(1 << 20):
        count += chunk.count(b"\n")
        ended = chunk.endswith(b"\n")
        blank = blank and not chunk.strip()
    return count + (not ended), blank


def _line_offsets(handle: BinaryIO, size: int) -> tuple[list[tuple[int, int, int]], bool]:
    """(start byte, stop byte, lines) of each run of ``size`` lines, and whether the file is blank."""
    parts: list[tuple[int, int, int]] = []
    start = position = lines = 0
    blank, ended = True, True
    while chunk := handle.read(1 << 20):
        blank = blank and not chunk.strip()
        ended = chunk.endswith(b"\n")
        cut = 0
        while (newline := chunk.find(b"\n", cut)) >= 0:
            cut = newline + 1
            lines += 1
            if lines == size:
                parts.append((start, position + cut, lines))
                start, lines = position + cut, 0
        position += len(chunk)
    if position > start:
        parts.append((start, position, lines + (not ended)))
    return parts, blank


def read_partition(partition: Partition, settings: Settings) -> Iterator[Article | InputProblem]:
    """The articles of a partition, and a problem (``file:line``) for each record that is not one.

    A partition whose file cannot be read at all is one problem naming the file and its range.
    """
    limits = {
        "max_chars": settings.max_chars,
        "default_date": settings.date,
        "max_line_chars": settings.max_line_chars,
    }
    try:
        if partition.kind == "parquet":
            yield from _parquet_rows(partition, limits)
            return
        with _lines_of(partition, settings.max_record_bytes) as lines:
            yield from read_jsonl(
                lines,
                partition.path,
                max_record_bytes=settings.max_record_bytes,
                first_line=partition.first_line,
                whole=False,
                **limits,
            )
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputProblem(partition.label, f"cannot be read ({_reason(exc)})")


class _lines_of:
    """The lines of a JSONL partition (``bounded.capped_lines``), its file closed on leaving."""

    def __init__(self, partition: Partition, limit: int) -> None:
        self._partition, self._limit = partition, limit

    def __enter__(self) -> Iterator:
        partition = self._partition
        if partition.kind == "jsonl.gz":
            self._handle: BinaryIO = gzip.open(partition.path, "rb")
            lines = capped_lines(self._handle, self._limit)
            for _ in range(partition.start):  # gzip cannot seek: read up to the partition
                next(lines, None)
            return _take(lines, partition.stop - partition.start)
        self._handle = open(partition.path, "rb")  # closed by __exit__
        self._handle.seek(partition.start)
        return capped_lines(_Range(self._handle, partition.stop - partition.start), self._limit)

    def __exit__(self, *exc_info: object) -> None:
        self._handle.close()


def _take(lines: Iterator, count: int) -> Iterator:
    for _, line in zip(range(count), lines, strict=False):
        yield line


class _Range:
    """The next ``size`` bytes of a file, read in chunks as ``capped_lines`` asks."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self._handle, self._left = handle, size

    def read(self, size: int = CHUNK) -> bytes:
        data = self._handle.read(min(size, self._left))
        self._left -= len(data)
        return data


def _parquet_rows(partition: Partition, limits: dict) -> Iterator[Article | InputProblem]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(partition.path)
    present = set(parquet.schema_arrow.names)
    if "text" not in present:
        yield InputProblem(partition.path, 'no "text" column (every row needs the article text)')
        return
    columns = [name for name in PARQUET_FIELDS if name in present]
    row = 0
    for group in range(parquet.num_row_groups):
        count = parquet.metadata.row_group(group).num_rows
        if row + count > partition.start and row < partition.stop:
            table = parquet.read_row_group(group, columns=columns)
            low, high = max(partition.start - row, 0), min(partition.stop - row, count)
            for offset, record in enumerate(table.slice(low, high - low).to_pylist()):
                where = f"{partition.path}:{row + low + offset + 1}"
                yield read_record(_as_text(record), where, **limits)
        row += count
        if row >= partition.stop:
            break


def _as_text(record: dict) -> dict:
    """A Parquet row as its JSONL object: a date or timestamp column written as JSONL would write it."""
    value = record.get("date")
    if isinstance(value, datetime.datetime | datetime.date):
        record["date"] = value.isoformat()
    return {name: value for name, value in record.items() if value is not None}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return " ".join(str(exc).split()) or type(exc).__name__
