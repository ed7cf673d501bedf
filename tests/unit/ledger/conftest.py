"""Ledger fixtures: a fresh ledger per test on SQLite and (when configured) PostgreSQL.

The PostgreSQL variant runs when ``CHANCERY_TEST_POSTGRES_URL`` is set; each test gets a uniquely
named schema that is dropped afterwards, so runs never see one another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from backends import BACKENDS, POSTGRES_URL
from chancery.ledger import Ledger, open_ledger


@pytest.fixture(params=BACKENDS)
def ledger_url(request, tmp_path) -> Iterator[tuple[str, str | None]]:
    """(url, schema) of an empty ledger location on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}", None
        return
    schema = f"chancery_test_{uuid.uuid4().hex[:12]}"
    yield POSTGRES_URL, schema
    # Drop the schema even if the test never opened it, left it half built or made it unopenable.
    engine = sa.create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def ledger(ledger_url) -> Iterator[Ledger]:
    """A freshly migrated, empty ledger."""
    url, schema = ledger_url
    with open_ledger(url, schema=schema) as opened:
        yield opened
