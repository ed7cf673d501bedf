"""Recorded migrations: an ordered list of steps and a ``schema_version`` table of those that ran.

``schema.py`` is the current shape of the tables.  A change to it ships as a new step appended to
``MIGRATIONS`` (never an edit of an old one), so a ledger built by any earlier version reaches the
same shape; a test compares a migrated database with ``schema.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from chancery.ledger import relation_table, schema, search

Step = Callable[[sa.Connection], None]


def _initial_tables(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.runs, schema.articles, schema.sentences])
    schema.metadata.create_all(conn, tables=[schema.quotes, schema.events])


def _mentions_listing_and_search(conn: sa.Connection) -> None:
    # Ledgers made by step 1 of an earlier version lack these; step 1 of this one already made the index.
    schema.metadata.create_all(conn, tables=[schema.mentions])
    next(i for i in schema.events.indexes if i.name == "ix_events_listing").create(conn, checkfirst=True)
    search.install(conn)


def _relation_states(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.relation_states, schema.derivations])
    relation_table.rebuild(conn)


# (version, name, step): versions are consecutive from 1 and never reused.
MIGRATIONS: tuple[tuple[int, str, Step], ...] = (
    (1, "runs, articles, sentences, quotes, events", _initial_tables),
    (2, "mentions, the events listing index, full-text search of articles", _mentions_listing_and_search),
    (3, "relation states derived on write", _relation_states),
)

# Any fixed number: it names the lock that serialises concurrent migrations on PostgreSQL.
_LOCK_KEY = 0x636863


def applied_versions(conn: sa.Connection) -> list[int]:
    """The versions recorded in ``schema_version``, oldest first (empty on a new database)."""
    if not sa.inspect(conn).has_table(schema.schema_version.name):
        return []
    rows = conn.execute(sa.select(schema.schema_version.c.version).order_by(schema.schema_version.c.version))
    return [row.version for row in rows]


def migrate(engine: sa.Engine) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction; return those applied."""
    applied: list[int] = []
    for version, name, step in MIGRATIONS:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two processes opening a new ledger at once must not both create the tables.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
            schema.metadata.create_all(conn, tables=[schema.schema_version])
            if version in applied_versions(conn):
                continue
            step(conn)
            conn.execute(
                sa.insert(schema.schema_version).values(
                    version=version, name=name, applied=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
            applied.append(version)
    return applied
