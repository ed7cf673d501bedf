"""Ledger events: reports of one event across articles merged into one, counted GDELT-style.

Reports are one ledger event when they share the source and target country (an IGO stands for
itself), the CAMEO code, and counted/negated/modality, and their dates fall within ``date_window``
days of the earliest report of the group.  Groups are anchored on their earliest date rather than
chained report to report, so daily coverage of a month-long crisis does not collapse into one event.
A report dated only to a month or a year ("in January 2016", usually background in a later article)
joins the first group dated to the day inside its period, and does not date the event; otherwise it
is grouped with the other such reports.
Like relations, ledger events are derived at query time from the whole set of stored reports, so
the same articles stored in any order give the same ledger events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from chancery.ledger.reports import Report, representative
from chancery.records import Actor, Record, RelationEvidence, content_id

DATE_WINDOW = 3  # days; the default of the ``date_window`` setting


@dataclass(frozen=True)
class LedgerEvent(Record):
    """One event as the ledger counts it: every report of it, how often and by how many sources."""

    id: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_name: str
    date: str | None  # the earliest reported date of the event
    first_seen: str | None  # the earliest publication date among its reports
    mentions: int  # event reports (GDELT NumMentions)
    sources: int  # distinct publishers (NumSources); an article without one is its own source
    counted: bool
    event_ids: tuple[str, ...]
    evidence: tuple[RelationEvidence, ...]
    articles: int = 0  # distinct articles (NumArticles)
    negated: bool = False
    modality: str = "asserted"
    quad_class: int = 0
    goldstein: float = 0.0
    url: str | None = None  # the URL of the earliest report that has one (SOURCEURL)


LedgerEvent.nested = {"source": Actor, "target": Actor, "evidence": RelationEvidence}


def _country(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.country or actor.code


def _key(report: Report) -> tuple[str, str, str, bool, bool, str]:
    event = report.event
    return (
        _country(event.source),
        _country(event.target),
        event.cameo,
        event.counted,
        event.negated,
        event.modality,
    )


def _ordinal(day: str | None) -> int | None:
    try:
        return date.fromisoformat(day).toordinal() if day else None
    except ValueError:
        return None


def merge_reports(reports: list[Report], date_window: int = DATE_WINDOW) -> list[LedgerEvent]:
    """Group reports into ledger events (see the module docstring); order of the input is irrelevant."""
    by_key: dict[tuple[str, str, str, bool, bool, str], list[Report]] = defaultdict(list)
    for report in reports:
        by_key[_key(report)].append(report)
    merged: list[LedgerEvent] = []
    for key in sorted(by_key):
        ordered = sorted(by_key[key], key=Report.order)
        groups = _windows([r for r in ordered if r.period() is None], date_window)
        vague: list[Report] = []
        for report in ordered:
            period = report.period()
            if period is None:
                continue
            home = next((g for g in groups if g[0].day and period[0] <= g[0].day < period[1]), None)
            (vague if home is None else home).append(report)
        merged.extend(_ledger_event(group) for group in groups + _windows(vague, date_window))
    return sorted(
        merged, key=lambda e: (e.date or "", e.source.code, e.target.code if e.target else "", e.id)
    )


def _windows(ordered: list[Report], date_window: int) -> list[list[Report]]:
    """Reports in order, grouped by windows of ``date_window`` days from each group's first report."""
    groups: list[list[Report]] = []
    anchor: int | None = None
    for report in ordered:
        day = _ordinal(report.day)
        # An undated report cannot be matched to anything: it is an event of its own.
        if groups and day is not None and anchor is not None and day - anchor <= date_window:
            groups[-1].append(report)
        else:
            groups.append([report])
            anchor = day
    return groups


def _ledger_event(group: list[Report]) -> LedgerEvent:
    first = group[0].event
    targets = [r.event.target for r in group if r.event.target is not None]
    published = [r.published for r in group if r.published]
    return LedgerEvent(
        id=content_id(*_key(group[0]), group[0].day),
        source=representative([r.event.source for r in group]),
        target=representative(targets) if targets else None,
        cameo=first.cameo,
        cameo_name=first.cameo_name,
        date=group[0].day,
        first_seen=min(published) if published else None,
        mentions=len(group),
        sources=len({r.outlet for r in group}),
        counted=first.counted,
        event_ids=tuple(r.event.id for r in group),
        evidence=tuple(r.evidence() for r in group),
        articles=len({r.event.article_id for r in group}),
        negated=first.negated,
        modality=first.modality,
        quad_class=first.quad_class,
        goldstein=first.goldstein,
        url=next((r.url for r in group if r.url), None),
    )


def _yyyymmdd(day: str | None) -> int | None:
    return int(day.replace("-", "")) if day and _ordinal(day) is not None else None


# The columns of ``gdelt_row``, in order (an export of no events still has its header).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name",
    "Actor2CountryCode", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL",
)  # fmt: skip


def gdelt_row(event: LedgerEvent) -> dict[str, Any]:
    """A ledger event as a row of a GDELT 2.0-style event table (a subset of its columns)."""
    source, target = event.source, event.target
    return {
        "GLOBALEVENTID": event.id,
        "SQLDATE": _yyyymmdd(event.date),
        "Actor1Code": source.code,
        "Actor1Name": source.name or source.text,
        "Actor1CountryCode": source.country,
        "Actor2Code": target.code if target else None,
        "Actor2Name": (target.name or target.text) if target else None,
        "Actor2CountryCode": target.country if target else None,
        "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3],
        "EventRootCode": event.cameo[:2],
        "QuadClass": event.quad_class,
        "GoldsteinScale": event.goldstein,
        "NumMentions": event.mentions,
        "NumSources": event.sources,
        "NumArticles": event.articles,
        "DATEADDED": _yyyymmdd(event.first_seen),
        "SOURCEURL": event.url,
    }
