"""A stored event together with what the derived views need from its article: a ``Report``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from chancery.records import Actor, Event, RelationEvidence


@dataclass(frozen=True)
class Report:
    """One event report: the event, its sentence text and its article's publisher, date and URL."""

    event: Event
    text: str
    publisher: str | None = None
    published: str | None = None  # the article's publication date
    url: str | None = None

    @property
    def day(self) -> str | None:
        """The event's date, or its article's when the coder found none."""
        return self.event.date or self.published

    @property
    def outlet(self) -> str:
        """Who published it; an article without a publisher counts as a source of its own."""
        return self.publisher or f"article:{self.event.article_id}"

    def period(self) -> tuple[str, str] | None:
        """The days ``[first, after last)`` a report dated only to a week, a month or a year stands for;
        None when it is dated to the day (or has only its article's date)."""
        day, precision = self.event.date, self.event.date_precision
        if not day or precision not in ("week", "month", "year"):
            return None
        year, month = int(day[:4]), int(day[5:7])
        if precision == "week":
            return day, (date.fromisoformat(day) + timedelta(days=7)).isoformat()
        if precision == "year":
            return day, f"{year + 1:04d}-01-01"
        return day, f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"

    def evidence(self) -> RelationEvidence:
        """The report as relation/ledger-event evidence."""
        return RelationEvidence(
            article_id=self.event.article_id,
            text=self.text,
            event_id=self.event.id,
            quote_id=self.event.quote_id,
            date=self.day,
            publisher=self.publisher,
        )

    def order(self) -> tuple[str, str, str, str]:
        """A total order on reports that does not depend on ingest order."""
        return (self.day or "", self.outlet, self.event.article_id, self.event.id)


# sectors that act for their state in its relations: its government, parliament, armed forces and courts
STATE_SECTORS = ("GOV", "LEG", "MIL", "JUD")


def party(actor: Actor) -> str:
    """The party an actor acts for: a state and its government, parliament, forces and courts are one
    (RUS ≡ RUSGOV ≡ RUSLEG); others stay apart (``AFGREB`` is not ``AFG``, ``VENOPP`` not ``VEN``)."""
    country = actor.country
    if country and (actor.code == country or actor.code in {country + s for s in STATE_SECTORS}):
        return country
    return actor.code


def party_matches(name: str, prefix: str) -> bool:
    """Whether an actor-code prefix (``RUS``, ``RUSGOV``, ``AFGG``) selects the party ``name``."""
    prefix = prefix.upper()
    codes = (name, name + "GOV") if len(name) == 3 else (name,)
    return any(code.startswith(prefix) for code in codes)


def representative(actors: list[Actor]) -> Actor:
    """The actor shown for a group of reports: its most frequent code (ties: most specific), first seen."""
    counts: dict[str, int] = {}
    for actor in actors:
        counts[actor.code] = counts.get(actor.code, 0) + 1
    code = min(counts, key=lambda c: (-counts[c], -len(c), c))
    return next(actor for actor in actors if actor.code == code)
