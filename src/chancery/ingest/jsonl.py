"""JSONL input: one article per line, ``{"id", "text", "title", "date", "url", "publisher"}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from chancery.ingest.bounded import TooLong
from chancery.ingest.clean import (
    DATE_HINT,
    build_article,
    empty,
    normalise_date,
    normalise_text,
    text_refusal,
    unicode_problem,
)
from chancery.records import Article, InputProblem

OPTIONAL_FIELDS = ("title", "url", "publisher")


def looks_like_jsonl(raw: str) -> bool:
    """True when every non-blank line opens a JSON object (how standard input is told apart).

    Opening with ``{`` rather than parsing whole: one malformed line in a JSONL stream should be
    reported at its line number, not turn the whole stream into one article of JSON text.
    """
    lines = [line.strip() for line in normalise_text(raw).split("\n") if line.strip()]
    return bool(lines) and all(line.startswith("{") for line in lines)


def read_jsonl(
    lines: Iterable[str | bytes | TooLong],
    source: str,
    *,
    max_chars: int = 200_000,
    default_date: str | None = None,
    max_line_chars: int | None = None,
    max_record_bytes: int | None = None,
    first_line: int = 1,
    whole: bool = True,
) -> Iterator[Article | InputProblem]:
    """An article or a problem (source ``path:LINE``) for every non-blank line; blank lines are skipped.

    A ``TooLong`` in place of a line (see ``bounded.capped_lines``), or a line over
    ``max_record_bytes`` bytes, is refused naming that setting. For a part of a file (a batch
    partition), ``first_line`` numbers its first line and ``whole=False`` leaves reporting an
    empty file to the caller.
    """
    seen = False
    for number, line in enumerate(lines, start=first_line):
        where = f"{source}:{number}"
        if max_record_bytes is not None and not isinstance(line, TooLong):
            size = _record_bytes(line)
            if size > max_record_bytes:
                line = TooLong(size)
        if isinstance(line, TooLong):
            seen = True
            yield InputProblem(
                where,
                f"record is {line.size:,} bytes, over the limit of {max_record_bytes or 0:,} "
                "(raise max_record_bytes to read it)",
            )
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield InputProblem(where, f"not UTF-8 text (invalid byte at column {exc.start + 1})")
                seen = True
                continue
        if not line.strip():
            continue
        seen = True
        yield read_jsonl_line(
            line, where, max_chars=max_chars, default_date=default_date, max_line_chars=max_line_chars
        )
    if not seen and whole:
        yield empty(source)


def _record_bytes(line: str | bytes) -> int:
    """The size of a JSONL record in bytes, without its line ending."""
    data = line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
    return len(data.rstrip(b"\r\n"))


def read_jsonl_line(
    line: str,
    where: str,
    *,
    max_chars: int = 200_000,
    default_date: str | None = None,
    max_line_chars: int | None = None,
) -> Article | InputProblem:
    """One JSONL line as an article, or the problem with it."""
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        # json's messages for some errors end in "at"; the column is added here either way.
        return InputProblem(where, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
    return read_record(
        record, where, max_chars=max_chars, default_date=default_date, max_line_chars=max_line_chars
    )


def read_record(
    record: object,
    where: str,
    *,
    max_chars: int = 200_000,
    default_date: str | None = None,
    max_line_chars: int | None = None,
) -> Article | InputProblem:
    """One decoded JSONL object (or an API request's) as an article, or the problem with it."""
    if not isinstance(record, dict):
        return InputProblem(where, f"not a JSON object (found {type(record).__name__})")
    text = record.get("text")
    if text is None:
        return InputProblem(where, 'no "text" field (every line needs the article text)')
    if not isinstance(text, str):
        return InputProblem(where, f'field "text" must be a string, not {type(text).__name__}')
    body = normalise_text(text).strip()
    if not body:
        return InputProblem(where, 'field "text" is empty')
    if reason := text_refusal(body, max_chars, max_line_chars):
        return InputProblem(where, reason)
    for name in OPTIONAL_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return InputProblem(where, f'field "{name}" must be a string, not {type(record[name]).__name__}')
    for name in (*OPTIONAL_FIELDS, "date", "id"):
        if isinstance(record.get(name), str) and (problem := unicode_problem(record[name])):
            return InputProblem(where, f'field "{name}" {problem}')
    date_value = None
    if record.get("date") not in (None, ""):
        date_value = normalise_date(record["date"])
        if date_value is None:
            return InputProblem(where, f"bad date {record['date']!r} ({DATE_HINT})")
    external = record.get("id")
    return build_article(
        body,
        where,
        default_date=default_date,
        title=(record.get("title") or "").strip() or None,
        date_value=date_value,
        date_basis="input" if date_value else None,
        publisher=(record.get("publisher") or "").strip() or None,
        url=(record.get("url") or "").strip() or None,
        external_id=None if external is None else str(external),
    )
