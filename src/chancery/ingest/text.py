"""Plain-text and Markdown articles: an optional title line, optional header lines, then the body.

The layout read is::

    Russia becomes first country to recognise Taliban government      <- title (optional)
                                                                      <- blank line
    Date: 2025-07-04                                                  <- header lines (optional)
    Publisher: Example Wire
    URL: https://example.org/russia-taliban
                                                                      <- blank line
    MOSCOW (Reuters) - Russia on Thursday ...                         <- body, dateline kept

The first line is the title when a blank line (or a header block) follows it, it is at most 200
characters, it is not itself a dateline and it does not end with a full stop (a first paragraph
does; a headline does not). In Markdown a leading ``#`` is dropped from the title. Header lines are
``Date:``, ``Publisher:`` and ``URL:`` (any case), each with a value, as one block closed by a blank
line, right after the title or at the top of the file. A header ``Date`` is the publication date
(basis ``input``); otherwise a dated dateline gives it (basis ``dateline``).
"""

from __future__ import annotations

import re

from chancery.ingest.clean import (
    DATE_HINT,
    build_article,
    empty,
    normalise_date,
    normalise_text,
    parse_dateline,
    text_refusal,
    unicode_problem,
)
from chancery.records import Article, InputProblem

HEADER_KEYS = ("date", "publisher", "url")
MAX_TITLE_CHARS = 200
_HEADER = re.compile(rf"(?i)({'|'.join(HEADER_KEYS)})[ \t]*:[ \t]*(\S.*)")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+")


def read_text(
    raw: str,
    source: str,
    *,
    markdown: bool = False,
    max_chars: int = 200_000,
    default_date: str | None = None,
    max_line_chars: int | None = None,
) -> Article | InputProblem:
    """One article from the text of a ``.txt``/``.md`` file (or standard input)."""
    document = normalise_text(raw).strip()
    if not document:
        return empty(source)
    if problem := unicode_problem(document):  # in the title or headers as much as in the body
        return InputProblem(source, f"text {problem}")
    lines = document.split("\n")
    title, index = _title(lines, markdown)
    headers, index = _headers(lines, index)
    body = "\n".join(lines[index:]).strip()
    if not body:
        return InputProblem(source, "no article text after the title and header lines")
    if reason := text_refusal(body, max_chars, max_line_chars):
        return InputProblem(source, reason)
    date_value = date_basis = None
    if "date" in headers:
        date_value = normalise_date(headers["date"])
        if date_value is None:
            return InputProblem(source, f"bad Date header {headers['date']!r} ({DATE_HINT})")
        date_basis = "input"
    return build_article(
        body,
        source,
        default_date=default_date,
        title=title,
        date_value=date_value,
        date_basis=date_basis,
        publisher=headers.get("publisher"),
        url=headers.get("url"),
    )


def _title(lines: list[str], markdown: bool) -> tuple[str | None, int]:
    """The title and the index of the line after it (0 when there is no title)."""
    first = lines[0].strip()
    follows = lines[1] if len(lines) > 1 else None
    if follows is None or not (not follows.strip() or _header_block_at(lines, 1)):
        return None, 0
    heading = markdown and _MARKDOWN_HEADING.match(first)
    if heading:
        return first[heading.end() :].strip() or None, 1
    if (
        len(first) > MAX_TITLE_CHARS
        or first.endswith(".")
        or _HEADER.fullmatch(first)
        or parse_dateline(first) is not None
    ):
        return None, 0
    return first, 1


def _header_block_at(lines: list[str], index: int) -> bool:
    """True when ``lines[index:]`` opens with header lines closed by a blank line."""
    end = index
    while end < len(lines) and _HEADER.fullmatch(lines[end].strip()):
        end += 1
    return end > index and (end == len(lines) or not lines[end].strip())


def _headers(lines: list[str], index: int) -> tuple[dict[str, str], int]:
    """The header values from ``index`` on (skipping blank lines) and the index of the body."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    if not _header_block_at(lines, index):
        return {}, index
    headers: dict[str, str] = {}
    while index < len(lines) and (match := _HEADER.fullmatch(lines[index].strip())):
        headers[match[1].lower()] = match[2].strip()
        index += 1
    return headers, index
