"""The ledger backends the tests run on: SQLite always, PostgreSQL when CHANCERY_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os

import pytest

POSTGRES_URL = os.environ.get("CHANCERY_TEST_POSTGRES_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not POSTGRES_URL, reason="set CHANCERY_TEST_POSTGRES_URL to run on PostgreSQL"
            ),
        ],
    ),
]
