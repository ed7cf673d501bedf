"""Text clean-up shared by the readers: line endings, dates, wire datelines and article assembly."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from chancery.records import Article, InputProblem

DATE_HINT = "use YYYY-MM-DD or an ISO 8601 timestamp"

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A place word starts with a capital; lowercase particles may join words ("Rio de Janeiro").
_WORD = r"[A-ZÀ-ÖØ-Þ][\w.'’/\-]*"
_WORDS = rf"{_WORD}(?:[ ](?:(?:de|da|do|dos|del|la|le|al|el|es|of)[ ])?{_WORD}){{0,3}}"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_WORDS})
    (?:,[ \t]+(?!{_MONTH}(?:[ \t]|$))(?P<region>{_WORDS}))?      # "KABUL, Afghanistan"
    (?:,?[ \t]+(?:
        (?P<month1>{_MONTH})[ \t]+(?P<day1>\d{{1,2}})(?:,?[ \t]+(?P<year1>\d{{4}}))?
      | (?P<day2>\d{{1,2}})[ \t]+(?P<month2>{_MONTH})(?:,?[ \t]+(?P<year2>\d{{4}}))?
      | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
    ))?
    (?:[ \t]*\((?P<publisher>[^()\n]{{1,40}})\))?
    [ \t]*(?P<sep>--|—|–|-|:)
    (?:(?<=[—–])|(?=\s)|$)
    \s*
    """,
    re.VERBOSE,
)
# Capitalised openers that look like a dateline but are labels, not places.
_NOT_PLACES = frozenset(
    ("BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "WARNING", "CORRECTION", "OPINION",
     "FACTBOX", "EXPLAINER", "WATCH", "LIVE", "NOTE", "EDITOR'S", "FILE", "PHOTO", "VIDEO")
)  # fmt: skip

# A byline line ("By Jane Doe and Ali Khan") may come before the dateline paragraph.
_BYLINE = re.compile(r"[Bb]y [^\n.!?]{1,80}\n\s*")


@dataclass(frozen=True)
class Dateline:
    """A wire dateline at the start of a text: place, publisher, date, and where the body begins."""

    place: str
    publisher: str | None
    date: str | None  # YYYY-MM-DD, or None when the dateline has no (resolvable) date
    end: int  # offset of the first character after the dateline, its separator and spaces
    region: str | None = None  # the state or region written after the place ("India" in "RAIPUR, India")

    @property
    def full_place(self) -> str:
        """The place as the dateline writes it, with its region: "RAIPUR, India", "MOSCOW"."""
        return f"{self.place}, {self.region}" if self.region else self.place


def parse_dateline(text: str, *, default_date: str | None = None) -> Dateline | None:
    """The dateline opening ``text`` (``MOSCOW, July 4 (Reuters) -``), or None if it has none.

    A month and day without a year take the year of ``default_date``, or the year before when
    that would put the dateline more than a week after ``default_date``; without it, no date.
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, publisher = match["place"], match["publisher"]
    letters = [c for c in place if c.isalpha()]
    all_caps = "".join(letters).isupper()
    has_date = bool(match["month1"] or match["month2"] or match["iso"])
    if place.split()[0].strip(".:") in _NOT_PLACES:
        return None
    # A capitalised word and a dash starts many sentences ("Russia - which ..."); only an
    # all-caps place, or one followed by a date or an agency in brackets, is a dateline.
    if not (all_caps and len(letters) >= 3) and not (publisher or has_date):
        return None
    return Dateline(
        place=place,
        publisher=publisher.strip() if publisher else None,
        date=_dateline_day(match, default_date),
        end=match.end(),
        region=match["region"],
    )


def find_dateline(text: str, *, default_date: str | None = None) -> Dateline | None:
    """The dateline opening ``text``, or opening the paragraph after a byline line; ``end`` counts from 0."""
    found = parse_dateline(text, default_date=default_date)
    byline = _BYLINE.match(text) if found is None else None
    if byline is not None:
        found = parse_dateline(text[byline.end() :], default_date=default_date)
        if found is not None:
            found = replace(found, end=found.end + byline.end())
    return found


def _dateline_day(match: re.Match[str], default_date: str | None) -> str | None:
    if match["iso"]:
        return normalise_date(match["iso"])
    month_name = match["month1"] or match["month2"]
    if not month_name:
        return None
    month = _MONTHS[month_name[:3].lower()]
    day = int(match["day1"] or match["day2"])
    year_text = match["year1"] or match["year2"]
    reference = date.fromisoformat(default_date) if default_date else None
    if year_text is None and reference is None:
        return None
    try:
        found = date(int(year_text or reference.year), month, day)  # type: ignore[union-attr]
        # "Dec 30" in an article dated 2 January belongs to the year before.
        if year_text is None and reference is not None and found > reference + timedelta(days=7):
            found = date(reference.year - 1, month, day)
    except ValueError:  # "June 31", or 29 February outside a leap year
        return None
    return found.isoformat()


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date or ISO 8601 timestamp, None if ``value`` is neither.

    A timestamp keeps the calendar date it was written with: converting to UTC would move an
    evening article in Kabul or Tokyo to the day its readers did not see it.
    """
    if not isinstance(value, str) or not re.match(r"\d{4}-?\d{2}-?\d{2}", value.strip()):
        return None
    text = value.strip()
    try:
        if len(text) in (8, 10):
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def normalise_text(raw: str) -> str:
    """Line endings as ``\\n`` (nothing else is rewritten, so evidence offsets stay honest)."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def too_long(text: str, max_chars: int, max_line_chars: int | None = None) -> str | None:
    """The one-line reason when ``text`` exceeds ``max_chars``, or has a line over ``max_line_chars``."""
    if len(text) > max_chars:
        return (
            f"text is {len(text):,} characters, over the limit of {max_chars:,} (raise max_chars to read it)"
        )
    if max_line_chars is not None and len(text) > max_line_chars:
        longest = max(len(line) for line in text.split("\n"))
        if longest > max_line_chars:
            return (
                f"a line of the text is {longest:,} characters, over the limit of {max_line_chars:,} "
                "(raise max_line_chars to read it)"
            )
    return None


def text_refusal(text: str, max_chars: int, max_line_chars: int | None = None) -> str | None:
    """Why an article text is refused (a NUL, a lone surrogate, over a limit), or None."""
    problem = unicode_problem(text)
    return f"text {problem}" if problem else too_long(text, max_chars, max_line_chars)


def unicode_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored or printed (a NUL, a lone surrogate), or None."""
    if "\x00" in value:
        return f"contains a NUL character (at {value.index(chr(0)):,})"
    if not value.isascii():
        for index, char in enumerate(value):
            if "\ud800" <= char <= "\udfff":
                return f"contains a lone surrogate (U+{ord(char):04X} at {index:,}), not valid Unicode"
    return None


def build_article(
    body: str,
    source: str,
    *,
    default_date: str | None,
    title: str | None = None,
    date_value: str | None = None,
    date_basis: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
) -> Article:
    """An ``Article`` for ``body``: its dateline fills the place, and the publisher and date if missing."""
    dateline = find_dateline(body, default_date=default_date)
    if date_value is None and dateline is not None and dateline.date is not None:
        date_value, date_basis = dateline.date, "dateline"
    if date_value is None and default_date is not None:
        date_value, date_basis = default_date, "flag"
    return Article(
        id=Article.make_id(body),
        text=body,
        title=title or None,
        date=date_value,
        publisher=publisher or (dateline.publisher if dateline else None),
        url=url or None,
        place=dateline.full_place if dateline else None,
        source=source,
        date_basis=date_basis if date_value else None,
        external_id=external_id,
    )


def empty(source: str) -> InputProblem:
    """The problem for an input with no text."""
    return InputProblem(source, "empty: no article text")
