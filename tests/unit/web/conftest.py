"""Web fixtures: an app over the hand-built standing ledger, on SQLite and (when configured) PostgreSQL.

The ledger tests' backends and records are reused: their folder is put on the import path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

LEDGER_TESTS = Path(__file__).resolve().parents[1] / "ledger"
sys.path.insert(0, str(LEDGER_TESTS))
_spec = importlib.util.spec_from_file_location("ledger_fixtures", LEDGER_TESTS / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
ledger_url, ledger = _fixtures.ledger_url, _fixtures.ledger  # the ledger fixtures, on both backends

from apps import settings  # noqa: E402
from standing_records import store_all  # noqa: E402

from chancery.web import create_app  # noqa: E402


@pytest.fixture
def stored(ledger):
    store_all(ledger)
    return ledger


@pytest.fixture
def client(stored):
    """A client of an app without an API token, over the standing ledger."""
    with TestClient(create_app(settings(), ledger=stored)) as test_client:
        yield test_client
