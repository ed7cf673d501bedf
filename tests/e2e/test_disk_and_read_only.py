"""A full disk and a read-only ledger (issue 15), on both backends.

The disk is a small tmpfs mounted by the test (it runs as root here); for PostgreSQL the ledger's
tables are put in a tablespace on such a tmpfs. Ingest onto a nearly full disk must fail with one
clear line and leave the ledger as it was. A read-only ledger (a read-only bind mount of its
folder for SQLite, a role allowed only to read for PostgreSQL) must serve every query command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from crash_helpers import POSTGRES_URL, contents, environment

from backends import BACKENDS
from chancery.ledger import open_ledger
from chancery.pipeline import ingest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ONE = EXAMPLES / "01-russia-recognises-taliban.txt"


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def _tmpfs(where: Path, size: str, owner: str | None = None) -> Iterator[Path]:
    where.mkdir(mode=0o755, parents=True, exist_ok=True)
    options = f"size={size}" + (f",mode=0700,uid={owner},gid={owner}" if owner else "")
    if not _mount("-t", "tmpfs", "-o", options, "tmpfs", str(where)):
        pytest.fail("cannot mount a tmpfs here (the full-disk test needs root and mount)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def _fill(folder: Path, room: int) -> None:
    """Fill the file system of ``folder`` but for about ``room`` bytes."""
    handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    written = 0
    try:
        while True:
            written += os.write(handle, b"\0" * 65536)
    except OSError:
        pass
    os.ftruncate(handle, max(0, written - room))
    os.close(handle)


def _postgres_engine(url: str = "") -> sa.Engine:
    return sa.create_engine((url or POSTGRES_URL).replace("postgresql://", "postgresql+psycopg://", 1))


@contextmanager
def _ledger_on_small_disk(backend: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(URL, mount point) of a new ledger whose tables live on a 3 MB tmpfs."""
    if backend == "sqlite":
        with _tmpfs(tmp_path / "disk", "3m") as disk:
            yield f"sqlite:///{disk / 'ledger.db'}", disk
        return
    token = uuid.uuid4().hex[:10]
    space, schema = f"chancery_disk_{token}", f"chancery_disk_{token}"
    owner = subprocess.run(["id", "-u", "postgres"], capture_output=True, text=True).stdout.strip()
    mount_point = Path(f"/tmp/{space}")  # the server must reach it: not under pytest's private folder
    with _tmpfs(mount_point, "3m", owner=owner) as disk:
        engine = _postgres_engine()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"CREATE TABLESPACE {space} LOCATION '{disk}'")
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        options = quote(f"-c default_tablespace={space} -c search_path={schema}")
        try:
            yield f"{POSTGRES_URL}?options={options}", disk
        finally:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                conn.exec_driver_sql(f"DROP TABLESPACE IF EXISTS {space}")
            engine.dispose()
    mount_point.rmdir()


@pytest.mark.parametrize("room", [0, 200_000], ids=["no room", "room for little"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_onto_a_full_disk_fails_in_one_line_and_leaves_the_ledger_as_it_was(
    backend, room, pipeline, tmp_path
):
    with _ledger_on_small_disk(backend, tmp_path) as (url, disk):
        with open_ledger(url) as ledger:
            ingest(pipeline, ledger, [str(ONE)])
            before = ledger.counts()
        shown = contents(url)
        _fill(disk, room)
        done = subprocess.run(
            [sys.executable, "-m", "chancery", "ingest", str(EXAMPLES), "-q"],
            env=environment(url, batch_size="16"),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 2, done.stderr
        [line] = done.stderr.splitlines()
        assert (
            line.startswith("chancery: error: ") and "free space on the ledger's disk and run again" in line
        )
        (disk / "filler").unlink()
        with open_ledger(url, create=False) as ledger:
            assert ledger.check() == [] and ledger.counts() == before
        assert contents(url) == shown


@contextmanager
def _read_only_sqlite(tmp_path: Path, url: str) -> Iterator[str]:
    """The same ledger seen through a read-only bind mount of its folder (or, not as root, modes)."""
    folder = Path(url.removeprefix("sqlite:///")).parent
    view = tmp_path / "read-only"
    view.mkdir()
    if os.geteuid() != 0:  # permissions bind everyone but root
        folder.chmod(0o555)
        try:
            yield url
        finally:
            folder.chmod(0o755)
        return
    assert _mount("--bind", str(folder), str(view)) and _mount("-o", "remount,ro,bind", str(view))
    try:
        yield f"sqlite:///{view / 'ledger.db'}"
    finally:
        subprocess.run(["umount", str(view)], check=True)


@contextmanager
def _read_only_postgres(schema: str) -> Iterator[str]:
    """A URL for a role that may only read the ledger's schema."""
    role = f"chancery_reader_{uuid.uuid4().hex[:8]}"
    engine = _postgres_engine()
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")
    reader = POSTGRES_URL.replace("postgres@", f"{role}@", 1)
    try:
        yield f"{reader}?options={quote(f'-c search_path={schema}')}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")
        engine.dispose()


QUERIES = [
    ("events",), ("events", "-f", "json"), ("events", "--counted", "-f", "csv"), ("quotes",),
    ("quotes", "--speaker", "Mao Ning", "-f", "jsonl"), ("relations",),
    ("relations", "--as-of", "2025-08-01"), ("relations", "--summary", "AFGGOV"), ("export", "events"),
    ("export", "gdelt"), ("export", "ledger-events"), ("export", "quotes", "-f", "jsonl"),
    ("export", "relations"),
]  # fmt: skip


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_read_only_ledger_serves_every_query_command(backend, pipeline, run_cli, tmp_path):
    if backend == "sqlite":
        url = run_cli.db
        schema = None
    else:
        schema = f"chancery_ro_{uuid.uuid4().hex[:10]}"
        with _postgres_engine().begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        url = f"{POSTGRES_URL}?options={quote(f'-c search_path={schema}')}"
    try:
        with open_ledger(url) as ledger:
            ingest(pipeline, ledger, [str(EXAMPLES)])
        expected = {query: run_cli(*query, "--db", url) for query in QUERIES}
        read_only = _read_only_sqlite(tmp_path, url) if schema is None else _read_only_postgres(schema)
        with read_only as reader:
            for query, wanted in expected.items():
                got = run_cli(*query, "--db", reader)
                assert (got.exit_code, got.stderr) == (0, ""), (query, got.stderr)
                assert got.stdout == wanted.stdout and wanted.stdout, query
            refused = run_cli("ingest", str(ONE), "--db", reader)
            assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
            assert refused.stderr.startswith("chancery: error: ")
    finally:
        if schema:
            with _postgres_engine().begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
