"""Opening a ledger without the right to write it, on either backend, for the tests of read-only ledgers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from chancery.ledger import presence


@contextmanager
def only_reading(url: str, schema_name: str | None, monkeypatch) -> Iterator[str]:
    """A URL that opens the same ledger without the right to write it: on SQLite the file is taken for
    one this process may not write (so it is opened read-only), on PostgreSQL a role may only SELECT."""
    if schema_name is None:
        monkeypatch.setattr(presence, "writable", lambda path: False)
        yield url
        return
    role = f"chancery_reader_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema_name}" TO {role}')
        conn.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema_name}" TO {role}')
    try:
        yield url.replace("postgres@", f"{role}@", 1)
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")
        engine.dispose()
