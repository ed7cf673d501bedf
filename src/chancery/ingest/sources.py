"""Walking the inputs (files, folders, ``-`` for stdin); every bad input becomes an ``InputProblem``."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from chancery.errors import InputError
from chancery.ingest.bounded import CHUNK, Capped, capped_lines, read_capped
from chancery.ingest.clean import empty, normalise_date, normalise_text
from chancery.ingest.html import declared_charset, read_html
from chancery.ingest.jsonl import looks_like_jsonl, read_jsonl
from chancery.ingest.text import read_text
from chancery.records import Article, InputNote, InputProblem

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
    max_line_chars: int
    max_record_bytes: int
    max_file_bytes: int

    def text_limits(self) -> dict[str, int | str | None]:
        return {
            "max_chars": self.max_chars,
            "max_line_chars": self.max_line_chars,
            "default_date": self.default_date,
        }


def read_inputs(
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    max_chars: int = 200_000,
    default_date: str | None = None,
    max_line_chars: int = 100_000,
    max_record_bytes: int = 1_000_000,
    max_file_bytes: int = 10_000_000,
) -> Iterator[Article | InputProblem]:
    """Every article in ``paths`` (files, folders, ``-``), and an ``InputProblem`` for each bad input.

    Paths are read in the order given; folders recursively in sorted order, taking ``.txt``, ``.md``,
    ``.html``, ``.htm`` and ``.jsonl`` files and skipping hidden ones and READMEs (a corpus folder's
    description is not an article); a FIFO, socket or device among them is skipped with an
    ``InputNote``. A file named explicitly is read, as plain text whatever its extension. ``-``
    reads ``stdin`` (``sys.stdin`` when not given) as JSONL when every non-blank line opens a JSON
    object, else as one text article. ``default_date`` dates the articles that carry no date of
    their own (basis ``flag``).

    Reading is bounded: a text or HTML file (or standard input) over ``max_file_bytes`` and a JSONL
    line over ``max_record_bytes`` are refused once that much is read; an article text over
    ``max_chars`` characters, or with a line over ``max_line_chars``, is refused; each refusal
    names the setting to raise. Raises ``InputError`` only for bad arguments; a bad input never raises.
    """
    limits = {
        "max_chars": max_chars,
        "max_line_chars": max_line_chars,
        "max_record_bytes": max_record_bytes,
        "max_file_bytes": max_file_bytes,
    }
    for name, value in limits.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"{name} must be a positive whole number, not {value!r}")
    if default_date is not None:
        normalised = normalise_date(default_date)
        if normalised is None:
            raise InputError(f"default date {default_date!r} is not a date; give it as YYYY-MM-DD")
        default_date = normalised
    options = _Options(max_chars, default_date, max_line_chars, max_record_bytes, max_file_bytes)
    return _read_all(list(paths), stdin, options)


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
                entries.append((path.relative_to(folder).parts, _not_regular(path) or path))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]


_KINDS = {
    stat.S_ISFIFO: "a FIFO",
    stat.S_ISSOCK: "a socket",
    stat.S_ISCHR: "a device",
    stat.S_ISBLK: "a device",
}


def _not_regular(path: Path) -> InputNote | None:
    """A note for a FIFO, socket or device found in a folder: reading one could wait forever."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reading it reports why
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")
    return InputNote(str(path), f"skipped: {kind}, not a regular file (name it alone to read it)")


def _is_article_file(path: Path) -> bool:
    name = path.name
    return (
        not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES and path.stem.upper() != "README"
    )


def _read_file(path: Path, source: str, options: _Options) -> Iterator[Article | InputProblem]:
    suffix = path.suffix.lower()
    try:
        with open_input(path) as handle:
            if suffix == ".jsonl":
                yield from _read_jsonl_file(handle, source, options)
                return
            data = read_capped(handle, options.max_file_bytes)
        text = decode(data, html=suffix in (".html", ".htm"))
    except OSError as exc:
        yield InputProblem(source, _os_reason(exc))
        return
    except Capped:
        yield InputProblem(source, _over_file_limit(options))
        return
    except InputError as exc:
        yield InputProblem(source, str(exc))
        return
    if suffix in (".html", ".htm"):
        yield read_html(text, source, **options.text_limits())
    else:
        yield read_text(text, source, markdown=suffix == ".md", **options.text_limits())


def _read_jsonl_file(handle: BinaryIO, source: str, options: _Options) -> Iterator[Article | InputProblem]:
    # Streamed line by line: a JSONL file may hold far more articles than fit in memory at once.
    head = handle.read(_PROBE_BYTES)
    problem = _binary_problem(head)
    if problem is not None:
        yield InputProblem(source, problem)
        return
    lines = capped_lines(handle, options.max_record_bytes, head)
    yield from read_jsonl(lines, source, max_record_bytes=options.max_record_bytes, **options.text_limits())


def _read_stdin(stdin: TextIO, options: _Options) -> Iterator[Article | InputProblem]:
    stream = _binary(stdin)
    try:
        try:
            raw = read_capped(stream, options.max_file_bytes)
        except Capped as capped:  # too much for one article: go on only if it is a JSONL stream
            if not looks_like_jsonl(_complete_lines(capped.head)):
                yield InputProblem("-", _over_file_limit(options, "standard input"))
                return
            lines = capped_lines(stream, options.max_record_bytes, capped.head)
            yield from read_jsonl(
                lines, "-", max_record_bytes=options.max_record_bytes, **options.text_limits()
            )
            return
    except OSError as exc:
        yield InputProblem("-", _os_reason(exc))
        return
    if b"\x00" in raw:
        yield InputProblem("-", "binary input (contains NUL bytes), not text")
        return
    try:
        text = decode(raw)
    except InputError as exc:
        yield InputProblem("-", str(exc))
        return
    if not text.strip():
        yield empty("-")
    elif looks_like_jsonl(text):
        lines = normalise_text(text).split("\n")
        yield from read_jsonl(lines, "-", max_record_bytes=options.max_record_bytes, **options.text_limits())
    else:
        yield read_text(text, "-", **options.text_limits())


def _binary(stdin: TextIO) -> BinaryIO:
    """The bytes under a text stream (its buffer), or its text re-encoded when it has none."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return _Encoded(stdin)


class _Encoded(io.RawIOBase):
    """A text stream read as UTF-8 bytes (a lone surrogate becomes bytes that do not decode)."""

    def __init__(self, text: TextIO) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._pending) < size:
            chunk = self._text.read(CHUNK)
            if not chunk:
                break
            self._pending += chunk.encode("utf-8", "surrogatepass")
        cut = len(self._pending) if size < 0 else size
        data, self._pending = self._pending[:cut], self._pending[cut:]
        return data


def _complete_lines(head: bytes) -> str:
    """The whole lines at the start of ``head``, as text for ``looks_like_jsonl``."""
    return head[: head.rfind(b"\n") + 1].decode("utf-8", "replace")


def _over_file_limit(options: _Options, what: str = "file") -> str:
    limit = options.max_file_bytes
    return f"{what} is over the limit of {limit:,} bytes (raise max_file_bytes to read it)"


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes (one seam, so tests can simulate unreadable files even as root)."""
    return path.open("rb")


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
