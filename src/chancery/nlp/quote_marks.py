"""Direct-quote stretches: a small state machine over quotation marks, paragraph by paragraph.

Double marks (straight ``"``, curly ``“ ”``, guillemets ``« »``) open a direct quote and single
marks inside them are quotes within the quote, part of its text.  An article whose first
opening mark is a curly single one (British style, ``‘We oppose it,’ she said``) is read the
other way round; straight single marks are too often apostrophes to open anything.  A quote
left open at the end of a paragraph continues when the next paragraph opens with a mark (the
journalistic convention for quotes of several paragraphs); otherwise it ends with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = frozenset("“«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
MARKS = OPENING | CLOSING | {STRAIGHT}
SINGLE_OPENING = frozenset("‘")
SINGLE_CLOSING = frozenset("’")
# a straight mark right after one of these opens a quote ("said: \"...", "(\"...")
_OPEN_BEFORE = "([{—–-/:"


def _any_of(chars: frozenset[str] | set[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


# the only characters each mark test can accept, to find them without testing every character
_DOUBLE_CANDIDATES = _any_of(MARKS)
_SINGLE_CANDIDATES = _any_of(SINGLE_OPENING | SINGLE_CLOSING)
_OPENING_CANDIDATES = _any_of(OPENING | SINGLE_OPENING | {STRAIGHT})

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Stretch:
    """One contiguous quoted stretch: the text inside the marks, ``[start, end)``."""

    start: int
    end: int
    closed: bool  # False when the text or paragraph ended before a closing mark
    paragraphs: tuple[int, ...]  # indices of the paragraphs it covers
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The ``[start, end)`` spans of the paragraphs of ``text``.

    Blank lines separate paragraphs; a text without any blank line is taken to put one
    paragraph on each line, as feeds and scraped pages often do.
    """
    breaker = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    spans = []
    start = 0
    for match in breaker.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(_trimmed(text, s, e) for s, e in spans if text[s:e].strip())


def quoted_stretches(text: str) -> tuple[Stretch, ...]:
    """Every contiguous direct-quote stretch in ``text``, in order."""
    paragraphs = paragraph_spans(text)
    stretches: list[Stretch] = []
    open_at: int | None = None  # offset of the opening mark of the quote being read
    if _single_style(text):
        closing, candidates, is_mark = SINGLE_CLOSING, _SINGLE_CANDIDATES, _single_mark
    else:
        closing, candidates, is_mark = CLOSING, _DOUBLE_CANDIDATES, _double_mark

    def close(end: int, close_mark: int | None) -> None:
        """Record the stretch opened at ``open_at`` and ending at ``end``."""
        start, end = _trimmed(text, open_at + 1, end)
        covered = tuple(n for n, (s, e) in enumerate(paragraphs) if s <= max(start, end - 1) and e > open_at)
        if end > start:
            stretches.append(Stretch(start, end, close_mark is not None, covered, open_at, close_mark))

    for number, (p_start, p_end) in enumerate(paragraphs):
        marks = [m.start() for m in candidates.finditer(text, p_start, p_end) if is_mark(text, m.start())]
        if open_at is not None:
            if marks and marks[0] == p_start and text[p_start] not in closing:
                marks = marks[1:]  # the mark that reopens a quote running on from the last paragraph
            else:
                close(paragraphs[number - 1][1], None)
                open_at = None
        for i in marks:
            if open_at is None:
                if text[i] not in closing:  # a stray closing mark opens nothing
                    open_at = i
            elif text[i] in closing or (text[i] == STRAIGHT and not _only_opens(text, i)):
                close(i, i)
                open_at = None
            else:
                open_at = i  # an opening mark while a quote is open: the earlier one was stray
    if open_at is not None:
        close(len(text), None)
    return tuple(stretches)


def _double_mark(text: str, i: int) -> bool:
    return text[i] in MARKS


def _single_mark(text: str, i: int) -> bool:
    """A curly single mark that is not an apostrophe ("China’s", "don’t", "the states’ rights")."""
    if text[i] in SINGLE_OPENING:
        return True
    if text[i] not in SINGLE_CLOSING:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1 : i + 3].ljust(2)
    plural_possessive = before == "s" and after[0] == " " and after[1].islower()
    return not (before.isalnum() and after[0].isalnum()) and not plural_possessive


def _single_style(text: str) -> bool:
    """Whether the article's first opening quotation mark is a curly single one."""
    for match in _OPENING_CANDIDATES.finditer(text):
        i, char = match.start(), match.group()
        if char in OPENING or (char == STRAIGHT and _only_opens(text, i)):
            return False
        if char in SINGLE_OPENING and _only_opens(text, i):
            return True
    return False


def _only_opens(text: str, i: int) -> bool:
    """A straight mark that can only open: after a space or an opening bracket, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPEN_BEFORE) and not after.isspace() and after not in ",.;:!?"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
