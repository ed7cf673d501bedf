"""Recorded migrations: an ordered list of steps and a ``schema_version`` table of those that ran.

``schema.py`` is the current shape of the tables.  A change to it ships as a new step appended to
``MIGRATIONS`` (never an edit of an old one), so a ledger built by any earlier version reaches the
same shape; a test compares a migrated database with ``schema.py``, and another opens a ledger
written by an older chancery (``tests/fixtures/ledgers``).  Step 1 creates its tables in their
current shape, so on a new ledger a later step finds its change already made: each later step
therefore adds only what is missing.

Every pending step runs in one transaction under a lock (``BEGIN IMMEDIATE`` on SQLite, an
advisory lock on PostgreSQL) that also covers reading which steps ran, so any number of
processes may open a new or an old ledger at once: one upgrades it, the others wait and then find
nothing to do, and a failure leaves the ledger as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from chancery import __version__
from chancery.errors import LedgerError
from chancery.ledger import relation_table, schema, search

Step = Callable[[sa.Connection], None]


def _initial_tables(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.runs, schema.articles, schema.sentences])
    schema.metadata.create_all(conn, tables=[schema.quotes, schema.events])


def _article_language(conn: sa.Connection) -> None:
    """``articles.language``: the language an article was taken to be written in (NULL before)."""
    if "language" not in {column["name"] for column in sa.inspect(conn).get_columns("articles")}:
        conn.execute(sa.text("ALTER TABLE articles ADD COLUMN language VARCHAR(20)"))


def _mentions_listing_and_search(conn: sa.Connection) -> None:
    # Ledgers made by step 1 of an earlier version lack these; step 1 of this one already made the index.
    schema.metadata.create_all(conn, tables=[schema.mentions])
    next(i for i in schema.events.indexes if i.name == "ix_events_listing").create(conn, checkfirst=True)
    search.install(conn)


def _relation_states(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.relation_states, schema.derivations])
    relation_table.rebuild(conn)


def _feeds(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.feeds, schema.feed_items])


# (version, name, step): versions are consecutive from 1 and never reused.
MIGRATIONS: tuple[tuple[int, str, Step], ...] = (
    (1, "runs, articles, sentences, quotes, events", _initial_tables),
    (2, "articles.language", _article_language),
    (3, "mentions, the events listing index, full-text search of articles", _mentions_listing_and_search),
    (4, "relation states derived on write", _relation_states),
    (5, "feeds and feed items that chancery watch remembers", _feeds),
)
LATEST = MIGRATIONS[-1][0]

# Any fixed number: it names the lock that serialises concurrent migrations on PostgreSQL.
_LOCK_KEY = 0x636863


def applied_versions(conn: sa.Connection) -> list[int]:
    """The versions recorded in ``schema_version``, oldest first (empty on a new database)."""
    return list(_applied(conn))


def _applied(conn: sa.Connection) -> dict[int, str]:
    """Version -> name of each step recorded in ``schema_version``, oldest first."""
    if not sa.inspect(conn).has_table(schema.schema_version.name):
        return {}
    table = schema.schema_version
    rows = conn.execute(sa.select(table.c.version, table.c.name).order_by(table.c.version))
    return {row.version: row.name for row in rows}


def pending(conn: sa.Connection) -> list[int]:
    """The versions not yet applied; raises ``LedgerError`` for a ledger newer than this code, or one
    whose recorded steps are not this code's (an unreleased chancery numbered them otherwise)."""
    applied = _applied(conn)
    if applied and max(applied) > LATEST:
        raise LedgerError(
            f"this ledger has schema version {max(applied)}, but chancery {__version__} knows versions up "
            f"to {LATEST}: a newer chancery wrote it; upgrade chancery to open it"
        )
    known = {version: name for version, name, _ in MIGRATIONS}
    for version, name in applied.items():
        if name != known[version]:
            raise LedgerError(
                f"this ledger's schema version {version} is {name!r}, but chancery {__version__} knows "
                f"version {version} as {known[version]!r}: an unreleased chancery wrote it; open it with "
                "that one, or store into a new ledger"
            )
    return [version for version in known if version not in applied]


def migrate(engine: sa.Engine, *, create_schema: str | None = None) -> list[int]:
    """Apply every migration not yet recorded, all in one locked transaction; return those applied.

    ``create_schema`` names a PostgreSQL schema to create first (under the same lock, so that two
    processes creating it at once do not collide).  A ledger already up to date is only read.
    """
    with engine.connect() as conn:
        if not pending(conn):
            return []
    applied: list[int] = []
    with engine.connect() as conn, conn.begin():
        _lock(conn)
        if create_schema is not None:
            conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{create_schema}"'))
            conn.execute(sa.text(f'SET LOCAL search_path TO "{create_schema}"'))
        schema.metadata.create_all(conn, tables=[schema.schema_version])
        todo = pending(conn)  # read again under the lock: another process may have done it
        for version, name, step in MIGRATIONS:
            if version not in todo:
                continue
            step(conn)
            conn.execute(
                sa.insert(schema.schema_version).values(
                    version=version, name=name, applied=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
            applied.append(version)
    return applied


def _lock(conn: sa.Connection) -> None:
    """Take the ledger's migration lock for the rest of the transaction just begun on ``conn``."""
    if conn.dialect.name == "sqlite":
        # pysqlite would begin a transaction only at the first INSERT, leaving CREATE TABLE outside
        # it; IMMEDIATE takes the write lock now, so the check of what ran is inside it too.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
