"""What a ledger location holds before it is opened: nothing yet, a SQLite database, or another file.

These checks keep a slip from doing harm: a query on a mistyped path creates nothing, and an
ingest never adds chancery's tables to a database or file that is not a chancery ledger.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL

from chancery.errors import LedgerError
from chancery.ledger import migrations, schema

SQLITE_HEADER = b"SQLite format 3\x00"
_FIX = "pass another with --db or CHANCERY_DB"


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, or None for an in-memory database."""
    database = url.database or ""
    if database in ("", ":memory:") or "mode=memory" in database:
        return None
    return Path(database.removeprefix("file:").split("?")[0])


def is_sqlite_database(path: Path) -> bool:
    """True when ``path`` is a file that opens the way every SQLite database does."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_sqlite_file(path: Path, *, create: bool) -> bool:
    """Refuse a SQLite ledger path that cannot serve; True when it exists but cannot be written.

    Without ``create`` a missing (or empty) file is refused; with it, a missing folder is. A file
    that is not a SQLite database is refused either way.
    """
    exists = path.is_file() and path.stat().st_size > 0
    if not exists:
        if not create:
            raise LedgerError(
                f"no ledger at {path} (nothing was created): `chancery ingest` creates one, or {_FIX}"
            )
        folder = path.parent
        if not folder.is_dir():
            raise LedgerError(f"cannot create a ledger at {path}: folder {folder} does not exist; {_FIX}")
        if path.exists() and not path.is_file():
            raise LedgerError(f"cannot create a ledger at {path}: it is not a regular file; {_FIX}")
        return False
    if not is_sqlite_database(path):
        raise LedgerError(f"{path} is not a SQLite database, so not a chancery ledger; {_FIX}")
    return not writable(path)


def writable(path: Path) -> bool:
    """Whether this process may write ``path`` and create SQLite's -wal and -shm files beside it.

    ``os.access`` also answers False on a read-only file system, even to root.
    """
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def postgres_may_write(engine: sa.Engine) -> bool:
    """Whether this PostgreSQL session may store articles: its role may insert into the ledger's
    ``articles`` and the server is not read-only (a standby, ``default_transaction_read_only``)."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on":
            return False
        return bool(conn.execute(sa.text("SELECT has_table_privilege('articles', 'INSERT')")).scalar())


def disk_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (next to) no space: SQLite then says only "disk I/O error"."""
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 64 * 1024


def prepare(engine: sa.Engine, shown: str, schema_name: str | None, *, create: bool, read_only: bool) -> bool:
    """Check what the location holds, then upgrade or create the ledger there; True when this created it.

    A database with tables but no ``schema_version`` is not taken for a ledger (on PostgreSQL,
    whose schemas hold other applications' tables too, only chancery's table names count).
    """
    where = f"{shown} (schema {schema_name})" if schema_name else shown
    with engine.connect() as conn:
        # Tables before versions: another process creating the ledger meanwhile commits both at
        # once, so it can make the tables look missing, never the versions alone.
        tables = set(sa.inspect(conn).get_table_names())
        versions = migrations.applied_versions(conn)
        todo = migrations.pending(conn)
    if not versions:
        foreign = tables if engine.dialect.name == "sqlite" else tables & set(schema.metadata.tables)
        if foreign:
            raise LedgerError(
                f"{where} is a database but not a chancery ledger (it has tables but no schema_version); "
                f"{_FIX}"
            )
        if not create:
            raise LedgerError(
                f"no ledger at {where} (nothing was created): `chancery ingest` creates one, or {_FIX}"
            )
    if todo and read_only:
        raise LedgerError(
            f"the ledger at {where} was written by an older chancery and must be upgraded (schema "
            f"version {max(versions)} to {migrations.LATEST}), but it is read-only here; open it once "
            "with write access"
        )
    applied = migrations.migrate(engine, create_schema=schema_name if create else None)
    return 1 in applied  # this process made it (another one opening it at once only waited)
