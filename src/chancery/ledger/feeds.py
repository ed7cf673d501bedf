"""What ``chancery watch`` remembers between runs: each feed's validators and the items it stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from chancery.ledger import schema
from chancery.records import FeedItem, FeedState


def feed_state(conn: sa.Connection, url: str) -> FeedState | None:
    """The remembered state of the feed at ``url``, or None for a feed never fetched."""
    table = schema.feeds
    row = conn.execute(sa.select(table).where(table.c.url == url)).mappings().first()
    return FeedState.from_dict({**row, "sitemaps": row["sitemaps"] or []}) if row else None


def save_feed_state(conn: sa.Connection, state: FeedState) -> None:
    """Remember ``state`` in place of what was remembered of its feed."""
    table = schema.feeds
    values = state.to_dict()
    updated = conn.execute(sa.update(table).where(table.c.url == state.url).values(values))
    if updated.rowcount == 0:
        conn.execute(sa.insert(table).values(values))


def known_keys(conn: sa.Connection, keys: Iterable[str]) -> set[str]:
    """Those of ``keys`` already remembered."""
    wanted = sorted(set(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # bound the size of one IN (...) list
        chunk = wanted[start : start + 500]
        rows = conn.execute(sa.select(schema.feed_items.c.key).where(schema.feed_items.c.key.in_(chunk)))
        found.update(rows.scalars())
    return found


def remember_items(conn: sa.Connection, stored: Sequence[tuple[FeedItem, str]], seen: str) -> int:
    """Remember each (item, id of the article it gave) under every key of the item not yet known."""
    rows: dict[str, dict] = {}
    for item, article_id in stored:
        for key in item.seen_keys():
            rows.setdefault(
                key,
                {
                    "key": key,
                    "url": item.url,
                    "guid": item.guid,
                    "feed": item.feed,
                    "article_id": article_id,
                    "seen": seen,
                },
            )
    known = known_keys(conn, rows)
    new = [row for key, row in rows.items() if key not in known]
    if new:
        conn.execute(sa.insert(schema.feed_items), new)
    return len(new)
