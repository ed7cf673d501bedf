"""Read queries over a ledger connection, each returning records (events, quotes, relations...).

Actor filters are code prefixes (``CHN`` matches ``CHNGOV``); dates are ISO text and ranges
include both ends.  Every listing has a total order, so SQLite and PostgreSQL answer alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import sqlalchemy as sa

from chancery.errors import QueryError
from chancery.ledger import dedup, rows, schema
from chancery.ledger.reports import Report
from chancery.records import RELATION_KINDS, Article, Event, Quote

E, Q, A, S = schema.events, schema.quotes, schema.articles, schema.sentences
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID_CHUNK = 500


def check_days(**days: str | None) -> None:
    # Dates compare as text, so "2025-7-5" would silently compare wrong, and "2025-02-30" would
    # quietly mean "up to the end of February": refuse both instead.
    for name, value in days.items():
        if value is not None and not (_DAY.fullmatch(value) and _real_day(value)):
            raise QueryError(f"{name} must be a real date written YYYY-MM-DD, not {value!r}")


def _real_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_kind(kind: str | None) -> None:
    """Refuse a relation kind that is not one of ``RELATION_KINDS``."""
    if kind is not None and kind not in RELATION_KINDS:
        raise QueryError(f"unknown relation kind {kind!r}; use one of: {', '.join(RELATION_KINDS)}")


def prefix_range(column: sa.ColumnElement[Any], prefix: str) -> sa.ColumnElement[bool]:
    """Codes starting with ``prefix``, as a range an index serves (a LIKE is not, on SQLite)."""
    prefix = prefix.upper()
    return (column >= prefix) & (column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


def _nulls_last(column: sa.ColumnElement[Any]) -> list[sa.ColumnElement[Any]]:
    # SQLite sorts NULL first and PostgreSQL last; sorting on IS NULL first makes them agree.
    return [column.is_(None), column]


def events(
    conn: sa.Connection,
    *,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    since: str | None = None,
    until: str | None = None,
    counted: bool | None = None,
    article_id: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Stored events matching every filter given, by date, article and sentence."""
    conditions = event_conditions(
        source=source,
        target=target,
        cameo=cameo,
        since=since,
        until=until,
        counted=counted,
        article_id=article_id,
    )
    query = sa.select(E).where(*conditions)
    query = query.order_by(*_nulls_last(E.c.date), E.c.article_id, E.c.sentence, E.c.id).limit(limit)
    return [rows.event_from(row) for row in conn.execute(query).mappings()]


def event_conditions(
    *,
    source: str | None = None,
    target: str | None = None,
    actor: str | None = None,
    cameo: str | None = None,
    since: str | None = None,
    until: str | None = None,
    counted: bool | None = None,
    article_id: str | None = None,
) -> list[sa.ColumnElement[bool]]:
    """The conditions selecting events by these filters (``actor``: the source or the target)."""
    check_days(since=since, until=until)
    conditions = []
    if source:
        conditions.append(prefix_range(E.c.source_code, source))
    if target:
        conditions.append(prefix_range(E.c.target_code, target))
    if actor:
        conditions.append(sa.or_(prefix_range(E.c.source_code, actor), prefix_range(E.c.target_code, actor)))
    if cameo:
        conditions.append(E.c.cameo.startswith(cameo, autoescape=True))
    if since:
        conditions.append(E.c.date >= since)
    if until:
        conditions.append(E.c.date <= until)
    if counted is not None:
        conditions.append(E.c.counted == counted)
    if article_id:
        conditions.append(E.c.article_id == article_id)
    return conditions


def quotes(
    conn: sa.Connection,
    *,
    speaker: str | None = None,
    actor: str | None = None,
    article_id: str | None = None,
) -> list[Quote]:
    """Stored quotes; ``speaker`` is a case-insensitive part of the name, ``actor`` a code prefix."""
    query = sa.select(Q, A.c.date.label("article_date")).join(A, A.c.id == Q.c.article_id)
    query = query.where(*quote_conditions(speaker=speaker, actor=actor, article_id=article_id))
    query = query.order_by(*_nulls_last(QUOTE_DAY), Q.c.article_id, Q.c.start, Q.c.id)
    return [rows.quote_from(row, row["article_date"]) for row in conn.execute(query).mappings()]


# A quote's day: its own date, else its article's (the order quotes are listed in).
QUOTE_DAY = sa.func.coalesce(Q.c.date, A.c.date)


def quote_conditions(
    *, speaker: str | None = None, actor: str | None = None, article_id: str | None = None
) -> list[sa.ColumnElement[bool]]:
    """The conditions selecting quotes (joined with their article) by these filters."""
    conditions = []
    if speaker:
        conditions.append(sa.func.lower(Q.c.speaker_name).contains(speaker.lower(), autoescape=True))
    if actor:
        conditions.append(prefix_range(Q.c.speaker_code, actor))
    if article_id:
        conditions.append(Q.c.article_id == article_id)
    return conditions


def article(conn: sa.Connection, article_id: str) -> Article | None:
    """The stored article with this id, or None."""
    row = conn.execute(sa.select(A).where(A.c.id == article_id)).mappings().first()
    return rows.article_from(row) if row else None


def stored_ids(conn: sa.Connection, article_ids: Iterable[str]) -> set[str]:
    """Those of ``article_ids`` already stored, looked up a chunk of ids per query."""
    wanted = list(dict.fromkeys(article_ids))
    found: set[str] = set()
    # Chunks keep each IN list well under SQLite's and PostgreSQL's bound-parameter limits.
    for start in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[start : start + _ID_CHUNK]
        found.update(conn.execute(sa.select(A.c.id).where(A.c.id.in_(chunk))).scalars())
    return found


def stored_run_id(conn: sa.Connection, run_id: str) -> str | None:
    """``run_id`` if that run is recorded, else None."""
    runs = schema.runs
    return conn.execute(sa.select(runs.c.id).where(runs.c.id == run_id)).scalar_one_or_none()


def articles(conn: sa.Connection) -> list[Article]:
    """Every stored article, by publication date then id."""
    query = sa.select(A).order_by(*_nulls_last(A.c.date), A.c.id)
    return [rows.article_from(row) for row in conn.execute(query).mappings()]


def reports(conn: sa.Connection, *conditions: sa.ColumnElement[bool]) -> list[Report]:
    """Events matching ``conditions`` with their sentence text and their article's publisher and date."""
    query = (
        sa.select(E, S.c.text.label("sentence_text"), A.c.publisher, A.c.date.label("published"), A.c.url)
        .join(A, A.c.id == E.c.article_id)
        .outerjoin(S, (S.c.article_id == E.c.article_id) & (S.c.index == E.c.sentence))
        .where(*conditions)
        .order_by(E.c.id)
    )
    found = []
    for row in conn.execute(query).mappings():
        event = rows.event_from(row)
        # An article stored without sentences still has the evidence span's own text.
        text = row["sentence_text"] if row["sentence_text"] is not None else event.evidence.text
        found.append(Report(event, text, row["publisher"], row["published"], row["url"]))
    return found


def party_prefilter(role: str, code: str) -> sa.ColumnElement[bool]:
    # A party is a country or a code that starts with one; its first three letters find all its reports.
    return sa.or_(prefix_range(E.c[f"{role}_code"], code[:3]), prefix_range(E.c[f"{role}_country"], code[:3]))


def ledger_events(
    conn: sa.Connection,
    *,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    since: str | None = None,
    until: str | None = None,
    counted: bool | None = None,
    date_window: int = dedup.DATE_WINDOW,
) -> list[dedup.LedgerEvent]:
    """Deduplicated events (mentions, sources) containing a report that matches the filters."""
    check_days(since=since, until=until)
    conditions = []
    # Prefilters only drop whole groups (country, CAMEO code, counted are part of the grouping key).
    if source:
        conditions.append(party_prefilter("source", source))
    if target:
        conditions.append(party_prefilter("target", target))
    if cameo:
        conditions.append(E.c.cameo.startswith(cameo, autoescape=True))
    if counted is not None:
        conditions.append(E.c.counted == counted)
    found = reports(conn, *conditions)
    by_id = {r.event.id: r.event for r in found}

    def keep(merged: dedup.LedgerEvent) -> bool:
        members = [by_id[i] for i in merged.event_ids]
        return (
            (not source or any(e.source.code.startswith(source.upper()) for e in members))
            and (not target or any(e.target and e.target.code.startswith(target.upper()) for e in members))
            and (not since or (merged.date is not None and merged.date >= since))
            and (not until or (merged.date is not None and merged.date <= until))
        )

    return [m for m in dedup.merge_reports(found, date_window) if keep(m)]
