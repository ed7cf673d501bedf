"""End-to-end fixtures: run the real CLI in-process against a temporary SQLite ledger."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from shared_ledgers import bound, ingested, read_only
from typer.testing import CliRunner

from chancery.cli import app
from chancery.errors import ChanceryError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(monkeypatch, tmp_path):
    """run_cli(*args, stdin="") runs chancery as the console script would, with its own ledger."""
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    monkeypatch.setenv("CHANCERY_DB", db)
    monkeypatch.setenv("CHANCERY_CONFIG", "")  # no settings file: the defaults and this environment
    runner = CliRunner()

    def _run(*args: str, stdin: str = "") -> CliResult:
        result = runner.invoke(app, list(args), input=stdin)
        if isinstance(result.exception, ChanceryError):  # what main() turns into one line
            return CliResult(
                result.exception.exit_code, result.stdout, f"chancery: error: {result.exception}\n"
            )
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(result.exit_code, result.stdout, result.stderr)

    _run.db = db
    return _run


@pytest.fixture(scope="session")
def _examples_url(tmp_path_factory) -> str:
    return ingested(tmp_path_factory.mktemp("examples"), EXAMPLES)


@pytest.fixture
def examples_db(_examples_url) -> Iterator[str]:
    """A ledger holding examples/ as ``chancery ingest examples/`` stores it, made once for the
    session and shared: a test using it may only read it (checked after each test)."""
    with read_only(_examples_url) as url:
        yield url


@pytest.fixture
def examples_cli(run_cli, examples_db):
    """run_cli against the shared examples ledger: queries only."""
    return bound(run_cli, examples_db)
