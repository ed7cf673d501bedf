"""Cursor pagination over the ledger's listings: pages in a stable total order, resumed by a cursor.

A cursor is the sort key of the last item of a page, encoded opaquely and tagged with its listing;
the next page starts strictly after that key (keyset pagination), so rows stored between two
requests never shift or repeat what a reader has already seen.  Events, quotes and articles are
cut by SQL in their listing order (undated rows last, as ``query`` lists them); relation states
are cut on the key of the table they are kept in (see ``relation_table``).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from chancery.errors import QueryError
from chancery.ledger import query, relation_table, rows, schema
from chancery.records import Article, Event, Quote, Relation

T = TypeVar("T")
E, Q, A = schema.events, schema.quotes, schema.articles

# The sort key of each listing, as the JSON types of its parts (None allowed where a part may be NULL).
_KEYS: dict[str, tuple[tuple[type, ...], ...]] = {
    "events": ((str, type(None)), (str,), (int,), (str,)),
    "quotes": ((str, type(None)), (str,), (int,), (str,)),
    "articles": ((str, type(None)), (str,)),
    "relations": ((str,), (str,), (str,), (str,), (int,)),  # subject, object, kind, topic, position
    "search": ((str,), (int,)),  # the words searched for, and how many hits came before
}


@dataclass(frozen=True)
class Page(Generic[T]):
    """Items of one page, and the cursor of the next page (None on the last one)."""

    items: tuple[T, ...]
    next: str | None


def encode(listing: str, key: Sequence[Any]) -> str:
    """The opaque cursor that resumes ``listing`` after the item whose sort key is ``key``."""
    text = json.dumps([listing, *key], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(listing: str, cursor: str | None) -> list[Any] | None:
    """The sort key a cursor of ``listing`` holds (None for no cursor); ``QueryError`` if it is not one."""
    if cursor is None:
        return None
    refused = QueryError(
        f"cursor {cursor[:40]!r} is not a cursor of the {listing} listing; "
        "use the 'next' value of a previous page, or start again without a cursor"
    )
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode())
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise refused from exc
    shape = _KEYS[listing]
    if not isinstance(decoded, list) or len(decoded) != len(shape) + 1 or decoded[0] != listing:
        raise refused
    key = decoded[1:]
    # bool is an int to Python but not a sentence index: checked by exact type.
    if not all(type(part) in allowed for part, allowed in zip(key, shape, strict=True)):
        raise refused
    return key


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise QueryError(f"limit must be at least 1, not {limit}")


def _keyset(
    conn: sa.Connection,
    select: sa.Select,
    order: Sequence[sa.ColumnElement[Any]],
    after: list[Any] | None,
    limit: int,
) -> list[sa.RowMapping]:
    """Up to ``limit + 1`` rows of ``select`` after the key ``after`` in ``order``, rows whose
    first order column is NULL coming last (as the listings of ``query`` put undated rows).

    Each part is one index range in ``order``: the rows with a first column, then those without.
    """
    first, rest = order[0], list(order[1:])
    found: list[sa.RowMapping] = []
    if after is None or after[0] is not None:
        present = select.where(first.is_not(None))
        if after is not None:
            present = present.where(sa.tuple_(*order) > sa.tuple_(*map(sa.literal, after)))
        found = list(conn.execute(present.order_by(*order).limit(limit + 1)).mappings())
    if len(found) <= limit:
        absent = select.where(first.is_(None))
        if after is not None and after[0] is None:
            absent = absent.where(sa.tuple_(*rest) > sa.tuple_(*map(sa.literal, after[1:])))
        found += conn.execute(absent.order_by(*rest).limit(limit + 1 - len(found))).mappings()
    return found


def _page(listing: str, items: list[T], limit: int, key_of) -> Page[T]:
    """A page of the first ``limit`` items; a next cursor when ``items`` held one more."""
    shown = items[:limit]
    more = len(items) > limit
    return Page(tuple(shown), encode(listing, key_of(shown[-1])) if more else None)


def events_page(conn: sa.Connection, *, limit: int, cursor: str | None = None, **filters: Any) -> Page[Event]:
    """A page of stored events (filters as ``query.event_conditions``), by date, article and sentence."""
    _check_limit(limit)
    after = decode("events", cursor)
    select = sa.select(E).where(*query.event_conditions(**filters))
    order = (E.c.date, E.c.article_id, E.c.sentence, E.c.id)
    events = [rows.event_from(row) for row in _keyset(conn, select, order, after, limit)]
    return _page("events", events, limit, lambda e: (e.date, e.article_id, e.sentence, e.id))


def quotes_page(conn: sa.Connection, *, limit: int, cursor: str | None = None, **filters: Any) -> Page[Quote]:
    """A page of stored quotes (filters as ``query.quote_conditions``), by day, article and place."""
    _check_limit(limit)
    after = decode("quotes", cursor)
    select = (
        sa.select(Q, A.c.date.label("article_date"))
        .join(A, A.c.id == Q.c.article_id)
        .where(*query.quote_conditions(**filters))
    )
    order = (query.QUOTE_DAY, Q.c.article_id, Q.c.start, Q.c.id)
    found = _keyset(conn, select, order, after, limit)
    quotes = [rows.quote_from(row, row["article_date"]) for row in found]
    # A quote's listed day is its date, which quote_from fills from its article's: the sort key.
    return _page("quotes", quotes, limit, lambda q: (q.date, q.article_id, q.start, q.id))


def articles_page(conn: sa.Connection, *, limit: int, cursor: str | None = None) -> Page[Article]:
    """A page of stored articles, by publication date then id."""
    _check_limit(limit)
    after = decode("articles", cursor)
    found = _keyset(conn, sa.select(A), (A.c.date, A.c.id), after, limit)
    articles = [rows.article_from(row) for row in found]
    return _page("articles", articles, limit, lambda a: (a.date, a.id))


def relations_page(
    conn: sa.Connection,
    source: relation_table.Stored | relation_table.Derived,
    *,
    limit: int,
    cursor: str | None = None,
    **filters: Any,
) -> Page[Relation]:
    """A page of relation states (filters as ``relation_table.states``), in the stored table's key order;
    ``source`` is where the states are read from (``Ledger.relation_states``)."""
    _check_limit(limit)
    after = decode("relations", cursor)
    found = source.states_after(conn, after, limit + 1, **filters)
    more = len(found) > limit
    shown = found[:limit]
    return Page(tuple(r for _, r in shown), encode("relations", shown[-1][0]) if more else None)
