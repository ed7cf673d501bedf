"""Ledgers stored once and shared by the tests of a module or session that only read them.

Storing articles is what most end-to-end tests spend their time on; a test that only queries
can read a ledger another test's fixture stored. ``read_only`` fails the test that writes to one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner

from chancery.cli import app


def ingested(folder: Path, *paths: Path) -> str:
    """The URL of a new SQLite ledger in ``folder`` holding ``paths``, stored by ``chancery ingest``."""
    url = f"sqlite:///{folder / 'ledger.db'}"
    result = CliRunner().invoke(
        app, ["ingest", *map(str, paths), "--quiet", "--db", url], env={"CHANCERY_CONFIG": ""}
    )
    assert result.exit_code == 0, result.output
    return url


def _digest(url: str) -> str:
    return hashlib.sha256(Path(url.removeprefix("sqlite:///")).read_bytes()).hexdigest()


@contextmanager
def read_only(url: str) -> Iterator[str]:
    """``url``, for one test; fails that test if the ledger's file changed meanwhile, since a test
    that wrote to a shared ledger would decide what the tests after it see."""
    before = _digest(url)
    yield url
    assert _digest(url) == before, f"a test wrote to the shared ledger {url}; give it a ledger of its own"


def bound(run_cli, url: str):
    """run_cli against the ledger at ``url`` (``--db`` added to each command)."""

    def _run(*args: str, stdin: str = ""):
        return run_cli(*args, "--db", url, stdin=stdin)

    _run.db = url
    return _run
