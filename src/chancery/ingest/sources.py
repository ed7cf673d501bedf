"""Walking the inputs (files, folders, ``-`` for stdin); every bad input becomes an ``InputProblem``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from chancery.errors import InputError
from chancery.ingest.clean import empty, normalise_date, normalise_text
from chancery.ingest.html import declared_charset, read_html
from chancery.ingest.jsonl import looks_like_jsonl, read_jsonl
from chancery.ingest.text import read_text
from chancery.records import Article, InputProblem

ARTICLE_SUFFIXES = (".htm", ".html", ".jsonl", ".md", ".txt")
_PROBE_BYTES = 8192
_UNICODE_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


@dataclass(frozen=True)
class _Options:
    max_chars: int
    default_date: str | None


def read_inputs(
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    max_chars: int = 200_000,
    default_date: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Every article in ``paths`` (files, folders, ``-``), and an ``InputProblem`` for each bad input.

    Paths are read in the order given; folders recursively in sorted order, taking ``.txt``, ``.md``,
    ``.html``, ``.htm`` and ``.jsonl`` files and skipping hidden ones and READMEs (a corpus folder's
    description is not an article). A file named explicitly is read, as plain text whatever its
    extension. ``-`` reads ``stdin`` (``sys.stdin`` when not given) as JSONL when every non-blank
    line opens a JSON object, else as one text article. ``default_date`` dates the articles that
    carry no date of their own (basis ``flag``).

    Raises ``InputError`` only for bad arguments; a bad input never raises.
    """
    if not isinstance(max_chars, int) or max_chars < 1:
        raise InputError(f"max_chars must be a positive number of characters, not {max_chars!r}")
    if default_date is not None:
        normalised = normalise_date(default_date)
        if normalised is None:
            raise InputError(f"default date {default_date!r} is not a date; give it as YYYY-MM-DD")
        default_date = normalised
    return _read_all(list(paths), stdin, _Options(max_chars, default_date))


def iter_files(paths: Sequence[str]) -> Iterator[str]:
    """Each file the inputs name, in reading order (``-`` for stdin; a JSONL file once)."""
    for given in paths:
        if given != "-" and os.path.isdir(given):
            yield from (str(entry) for entry in walk_folder(Path(given)) if isinstance(entry, Path))
        else:
            yield given


def _read_all(paths: list[str], stdin: TextIO | None, options: _Options) -> Iterator[Article | InputProblem]:
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin
            if stream is None:  # a process started without standard input (pythonw, some daemons)
                yield InputProblem("-", "no standard input to read")
            else:
                yield from _read_stdin(stream, options)
        elif os.path.isdir(given):
            yield from _read_folder(Path(given), options)
        else:
            yield from _read_file(Path(given), given, options)


def _read_folder(folder: Path, options: _Options) -> Iterator[Article | InputProblem]:
    found = False
    for entry in walk_folder(folder):
        found = True
        if isinstance(entry, InputProblem):
            yield entry
        else:
            yield from _read_file(entry, str(entry), options)
    if not found:
        kinds = ", ".join(ARTICLE_SUFFIXES)
        yield InputProblem(str(folder), f"no article files ({kinds}) in this folder")


def walk_folder(folder: Path) -> list[Path | InputProblem]:
    """The article files under ``folder`` in sorted order; hidden files and folders and READMEs skipped.

    A sub-folder that cannot be listed appears in the list as an ``InputProblem`` in its place.
    """
    entries: list[tuple[tuple[str, ...], Path | InputProblem]] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder)
        entries.append((where.relative_to(folder).parts, InputProblem(str(where), _os_reason(error))))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            path = Path(top, name)
            if _is_article_file(path):
                entries.append((path.relative_to(folder).parts, path))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]


def _is_article_file(path: Path) -> bool:
    name = path.name
    return (
        not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES and path.stem.upper() != "README"
    )


def _read_file(path: Path, source: str, options: _Options) -> Iterator[Article | InputProblem]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl_file(path, source, options)
            return
        text = decode(read_bytes(path), html=suffix in (".html", ".htm"))
    except OSError as exc:
        yield InputProblem(source, _os_reason(exc))
        return
    except InputError as exc:
        yield InputProblem(source, str(exc))
        return
    if suffix in (".html", ".htm"):
        yield read_html(text, source, max_chars=options.max_chars, default_date=options.default_date)
    else:
        yield read_text(
            text,
            source,
            markdown=suffix == ".md",
            max_chars=options.max_chars,
            default_date=options.default_date,
        )


def _read_jsonl_file(path: Path, source: str, options: _Options) -> Iterator[Article | InputProblem]:
    # Streamed line by line: a JSONL file may hold far more articles than fit in memory at once.
    with path.open("rb") as handle:
        problem = _binary_problem(handle.read(_PROBE_BYTES))
        if problem is not None:
            yield InputProblem(source, problem)
            return
        handle.seek(0)
        yield from read_jsonl(handle, source, max_chars=options.max_chars, default_date=options.default_date)


def _read_stdin(stdin: TextIO, options: _Options) -> Iterator[Article | InputProblem]:
    try:
        raw = stdin.read()
    except UnicodeDecodeError as exc:
        yield InputProblem("-", _not_utf8(exc))
        return
    except OSError as exc:
        yield InputProblem("-", _os_reason(exc))
        return
    raw = raw.removeprefix("\ufeff")
    if "\x00" in raw:
        yield InputProblem("-", "binary input (contains NUL bytes), not text")
    elif not raw.strip():
        yield empty("-")
    elif looks_like_jsonl(raw):
        lines = normalise_text(raw).split("\n")
        yield from read_jsonl(lines, "-", max_chars=options.max_chars, default_date=options.default_date)
    else:
        yield read_text(raw, "-", max_chars=options.max_chars, default_date=options.default_date)


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path`` (one seam, so tests can simulate unreadable files even as root)."""
    return path.read_bytes()


def decode(data: bytes, *, html: bool = False) -> str:
    """``data`` as text: UTF-8 with or without BOM (an HTML page may declare another charset).

    Raises ``InputError`` naming the reason when the bytes are not text.
    """
    problem = _binary_problem(data)
    if problem is not None:
        raise InputError(problem)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = declared_charset(data) if html else None
        # A page that says UTF-16/32 but has no BOM would decode to noise; only 8-bit charsets help.
        if charset and not charset.startswith("utf"):
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):  # LookupError: a codec that is not a text encoding
                pass
        raise InputError(_not_utf8(exc)) from None


def _binary_problem(head: bytes) -> str | None:
    for bom, name in _UNICODE_BOMS.items():
        if head.startswith(bom):
            return f"{name} text, not UTF-8; save it as UTF-8"
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    return None


def _not_utf8(error: UnicodeDecodeError) -> str:
    byte = error.object[error.start]
    return f"not UTF-8 text (invalid byte 0x{byte:02x} at offset {error.start}); save it as UTF-8"


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot read ({error.strerror or error})"
