"""Relation states kept in a table and brought up to date on every store, so reading them is one query.

``relations`` derives a pair's states from the whole set of its reports, which keeps the answer
independent of ingest order.  At a hundred thousand events, deriving them again for every
question costs from a quarter of a second (one government) to seconds (every state as of a
date).  So each store derives again, inside its own transaction, the timelines of the pairs of
parties its events speak of, from every report of those pairs, and replaces their rows.  A
timeline depends on its own reports only, so the table holds exactly what deriving from all
reports would give (a test checks it against ``relations.derive_relations`` after stores in
random batches and orders).

The table records a digest of the code that derives it (``relations.py`` and ``reports.py``):
opening a ledger with other rules rebuilds it from the stored reports, once, so the states are
never stale when the rules change.  A ledger this process may not write (a read-only SQLite file, a
PostgreSQL role that may only read) is never written to: while its table was built by other rules,
its states are derived in memory from its reports instead (``Derived``), as the table would hold
them.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from chancery.ledger import query, relations, reports, schema
from chancery.ledger.reports import Report
from chancery.records import Event, Relation

T, E = schema.relation_states, schema.events
NAME = "relation_states"
RULES = hashlib.sha256(
    b"".join(Path(module.__file__).read_bytes() for module in (relations, reports))  # type: ignore[arg-type]
).hexdigest()[:16]
_LOCK_KEY = 0x636863_01  # serialises the writers that derive states, on PostgreSQL

Key = tuple[str, str, str, str]


def _pair(one: str, other: str) -> tuple[str, str]:
    return (one, other) if one <= other else (other, one)


def _rows(timelines: dict[Key, list[Relation]]) -> list[dict[str, Any]]:
    return [
        {
            "subject_party": key[0],
            "object_party": key[1],
            "kind": key[2],
            "topic": key[3],
            "position": position,
            "since": relation.since,
            "until": relation.until,
            "state": relation.state,
            "relation": relation.to_dict(),
        }
        for key, timeline in timelines.items()
        for position, relation in enumerate(timeline)
    ]


def _lock(conn: sa.Connection) -> None:
    # Two stores deriving one pair at once would each miss the other's reports: one waits here, and
    # on PostgreSQL reads the other's committed reports once it goes on.  SQLite has one writer anyway.
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def rebuild(conn: sa.Connection) -> None:
    """Derive every state again from every stored report, and record the rules that did."""
    _lock(conn)
    conn.execute(sa.delete(T))
    found = query.reports(conn, E.c.relation.is_not(None))
    rows = _rows(relations.derive_timelines(found))
    for start in range(0, len(rows), 1000):
        conn.execute(sa.insert(T), rows[start : start + 1000])
    D = schema.derivations
    conn.execute(sa.delete(D).where(D.c.name == NAME))
    conn.execute(sa.insert(D).values(name=NAME, rules=RULES))


def is_current(conn: sa.Connection) -> bool:
    """Whether these very rules built the table."""
    D = schema.derivations
    return conn.execute(sa.select(D.c.rules).where(D.c.name == NAME)).scalar_one_or_none() == RULES


def ensure_current(engine: sa.Engine) -> bool:
    """Rebuild the table if other rules built it; True when it was rebuilt."""
    with engine.connect() as conn:
        if is_current(conn):
            return False
    with engine.begin() as conn:
        rebuild(conn)
    return True


def reader(engine: sa.Engine, *, read_only: bool) -> Stored | Derived:
    """Where this process reads relation states from: the table, rebuilt first if other rules built
    it; or, on a ledger it may only read whose table other rules built, a derivation in memory."""
    if read_only:
        with engine.connect() as conn:
            return STORED if is_current(conn) else Derived()
    ensure_current(engine)
    return STORED


def refresh(conn: sa.Connection, events: Iterable[Event]) -> None:
    """Derive again the timelines of every pair of parties ``events`` make a claim about.

    Runs in the transaction that stored the events, after they were inserted.
    """
    pairs = set()
    for event in events:
        for claim in relations.claims_of(Report(event, "")):
            subject, object_, _, _ = claim.key
            pairs.add(_pair(subject, object_))
    if not pairs:
        return
    _lock(conn)
    for one, other in sorted(pairs):
        found = query.reports(conn, E.c.relation.is_not(None), _between(one, other))
        derived = relations.derive_timelines(found)
        # The prefilter reads three letters: AFGREB's reports come with AFG's, and are not this pair's.
        timelines = {key: states for key, states in derived.items() if _pair(key[0], key[1]) == (one, other)}
        conn.execute(
            sa.delete(T).where(
                ((T.c.subject_party == one) & (T.c.object_party == other))
                | ((T.c.subject_party == other) & (T.c.object_party == one))
            )
        )
        rows = _rows(timelines)
        if rows:
            conn.execute(sa.insert(T), rows)


def _between(one: str, other: str) -> sa.ColumnElement[bool]:
    """Events whose source and target may act for these parties, either way round (a relation's
    subject can be the event's target), as a union of terms that each an index serves."""

    def side(role: str, party: str) -> list[sa.ColumnElement[bool]]:
        # An actor acts for party P when its code is P, or P is its country (RUS for RUS and RUSGOV).
        code, country = E.c[f"{role}_code"], E.c[f"{role}_country"]
        return [code == party, country == party] if len(party) == 3 else [code == party]

    return sa.or_(
        *(s & t for s in side("source", one) for t in side("target", other)),
        *(s & t for s in side("source", other) for t in side("target", one)),
    )


def _party(column: sa.ColumnElement[str], prefix: str) -> sa.ColumnElement[bool]:
    """Parties an actor-code prefix may select (``reports.party_matches`` then decides exactly)."""
    return query.prefix_range(column, prefix[:3])


def _conditions(
    *,
    actor: str | None = None,
    kind: str | None = None,
    as_of: str | None = None,
    subject: str | None = None,
    object: str | None = None,
) -> list[sa.ColumnElement[bool]]:
    """Conditions that keep every stored state the filters select (and perhaps a few more)."""
    _check(kind=kind, as_of=as_of)
    conditions = []
    if kind:
        conditions.append(T.c.kind == kind)
    if as_of:
        conditions += [
            sa.or_(T.c.since.is_(None), T.c.since <= as_of),
            sa.or_(T.c.until.is_(None), T.c.until > as_of),
        ]
    if actor:
        conditions.append(sa.or_(_party(T.c.subject_party, actor), _party(T.c.object_party, actor)))
    if subject:
        conditions.append(_party(T.c.subject_party, subject))
    if object:
        conditions.append(_party(T.c.object_party, object))
    return conditions


# The table's own order: the order relations.derive_relations lists states in.
ORDER = (T.c.subject_party, T.c.object_party, T.c.kind, T.c.topic, T.c.position)


def _check(*, kind: str | None = None, as_of: str | None = None, **_: Any) -> None:
    query.check_days(as_of=as_of)
    query.check_kind(kind)


def states(conn: sa.Connection, **filters: Any) -> list[Relation]:
    """The stored states matching the filters (``relations.select``'s), as a full derivation lists them."""
    select = sa.select(*ORDER, T.c.relation).where(*_conditions(**filters))
    # Sorted here, not by the database: PostgreSQL's collation may order the topics differently.
    found = sorted(conn.execute(select).all(), key=lambda row: tuple(row[:5]))
    return relations.select([Relation.from_dict(row.relation) for row in found], **filters)


def states_after(
    conn: sa.Connection, after: list[Any] | None, limit: int, **filters: Any
) -> list[tuple[tuple[Any, ...], Relation]]:
    """Up to ``limit`` states matching the filters, each with its key, after the key ``after`` in the
    database's order of the table's key (a page of a listing, read as one index range)."""
    conditions = _conditions(**filters)
    found: list[tuple[tuple[Any, ...], Relation]] = []
    while len(found) < limit:
        select = sa.select(*ORDER, T.c.relation).where(*conditions)
        if after is not None:
            select = select.where(sa.tuple_(*ORDER) > sa.tuple_(*map(sa.literal, after)))
        chunk = conn.execute(select.order_by(*ORDER).limit(limit)).all()
        for row in chunk:
            relation = Relation.from_dict(row.relation)
            # The conditions read three letters of a party; select decides exactly.
            if relations.select([relation], **filters):
                found.append((tuple(row[:5]), relation))
        if len(chunk) < limit:
            break
        after = list(chunk[-1][:5])
    return found[:limit]


class Stored:
    """Relation states read from the table (``states``, ``states_after``)."""

    def states(self, conn: sa.Connection, **filters: Any) -> list[Relation]:
        return states(conn, **filters)

    def states_after(
        self, conn: sa.Connection, after: list[Any] | None, limit: int, **filters: Any
    ) -> list[tuple[tuple[Any, ...], Relation]]:
        return states_after(conn, after, limit, **filters)


STORED = Stored()


class Derived:
    """Relation states derived in memory from the stored reports, keyed and ordered as the table is.

    For a ledger whose table other rules built and that this process may not write.  Each read
    first asks whether the table has since been rebuilt by these rules (then it reads the table),
    and derives again only when the number of stored reports has changed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reports = -1
        self._keyed: list[tuple[tuple[Any, ...], Relation]] = []

    def _all(self, conn: sa.Connection) -> list[tuple[tuple[Any, ...], Relation]]:
        with self._lock:
            count = conn.execute(sa.select(sa.func.count()).where(E.c.relation.is_not(None))).scalar_one()
            if count != self._reports:
                timelines = relations.derive_timelines(query.reports(conn, E.c.relation.is_not(None)))
                keyed = [
                    ((*key, position), relation)
                    for key, timeline in timelines.items()
                    for position, relation in enumerate(timeline)
                ]
                self._keyed, self._reports = sorted(keyed, key=lambda item: item[0]), count
            return self._keyed

    def states(self, conn: sa.Connection, **filters: Any) -> list[Relation]:
        if is_current(conn):
            return states(conn, **filters)
        _check(**filters)
        return relations.select([relation for _, relation in self._all(conn)], **filters)

    def states_after(
        self, conn: sa.Connection, after: list[Any] | None, limit: int, **filters: Any
    ) -> list[tuple[tuple[Any, ...], Relation]]:
        if is_current(conn):
            return states_after(conn, after, limit, **filters)
        _check(**filters)
        start = tuple(after) if after is not None else None
        chosen = (
            (key, relation)
            for key, relation in self._all(conn)
            if (start is None or key > start) and relations.select([relation], **filters)
        )
        return list(itertools.islice(chosen, limit))
