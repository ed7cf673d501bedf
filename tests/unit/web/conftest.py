"""Web fixtures: an app over the hand-built standing ledger, on SQLite and (when configured) PostgreSQL.

The ledger tests' backends and records are reused: their folder is put on the import path.
"""

from __future__ import annotations

import importlib.util
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

LEDGER_TESTS = Path(__file__).resolve().parents[1] / "ledger"
sys.path.insert(0, str(LEDGER_TESTS))
_spec = importlib.util.spec_from_file_location("ledger_fixtures", LEDGER_TESTS / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
ledger_url, ledger = _fixtures.ledger_url, _fixtures.ledger  # the ledger fixtures, on both backends

from apps import settings  # noqa: E402
from standing_records import store_all  # noqa: E402

from chancery.ledger import open_ledger  # noqa: E402
from chancery.web import create_app  # noqa: E402

POSTGRES_URL = _fixtures.POSTGRES_URL


@pytest.fixture
def stored(ledger):
    store_all(ledger)
    return ledger


@pytest.fixture(scope="module", params=_fixtures.BACKENDS)
def _standing_once(request, tmp_path_factory):
    """The standing ledger on each backend, as ``stored`` makes it, but stored once for a module."""
    if request.param == "sqlite":
        with open_ledger(f"sqlite:///{tmp_path_factory.mktemp('standing') / 'ledger.db'}") as ledger:
            store_all(ledger)
            yield ledger
        return
    schema = f"chancery_test_{uuid.uuid4().hex[:12]}"
    try:
        with open_ledger(POSTGRES_URL, schema=schema) as ledger:
            store_all(ledger)
            yield ledger
    finally:
        engine = sa.create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def shared_stored(_standing_once):
    """The standing ledger shared by a module's tests that only read it (a module opts in by
    defining ``stored`` as this); a test that changed its rows fails."""
    before = _standing_once.counts()
    yield _standing_once
    assert _standing_once.counts() == before, "a test changed the shared standing ledger; give it its own"


@pytest.fixture
def client(stored):
    """A client of an app without an API token, over the standing ledger."""
    with TestClient(create_app(settings(), ledger=stored)) as test_client:
        yield test_client
