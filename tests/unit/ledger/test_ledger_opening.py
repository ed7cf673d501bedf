"""Opening a ledger: queries create nothing, a foreign or newer database is refused, any number of
processes may open a new ledger at once, and both backends refuse the same values alike."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace

import pytest
import sqlalchemy as sa
from ledger_factory import coded

from chancery.errors import LedgerError
from chancery.ledger import migrations, open_ledger, schema


def test_a_query_on_a_missing_sqlite_ledger_says_so_and_creates_nothing(tmp_path):
    path = tmp_path / "mistyped.db"
    with pytest.raises(LedgerError) as caught:
        open_ledger(f"sqlite:///{path}", create=False)
    assert str(caught.value) == (
        f"no ledger at {path} (nothing was created): `chancery ingest` creates one, "
        "or pass another with --db or CHANCERY_DB"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_query_on_a_missing_ledger_creates_nothing_on_either_backend(ledger_url):
    url, schema_name = ledger_url
    with pytest.raises(LedgerError, match=r"^no ledger at .*\(nothing was created\)"):
        open_ledger(url, schema=schema_name, create=False)
    if schema_name:  # PostgreSQL: not even the schema was made
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.connect() as conn:
            assert schema_name not in sa.inspect(conn).get_schema_names()
        engine.dispose()


def test_opening_to_store_creates_the_ledger_and_says_so(ledger_url):
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as first:
        assert first.created
    with (
        open_ledger(url, schema=schema_name) as again,
        open_ledger(url, schema=schema_name, create=False) as q,
    ):
        assert not again.created and not q.created


def test_a_ledger_newer_than_this_chancery_is_refused_with_the_fix(ledger):
    newer = migrations.LATEST + 1
    with ledger.engine.begin() as conn:
        conn.execute(sa.insert(schema.schema_version).values(version=newer, name="future", applied="2030"))
    url = ledger.engine.url.render_as_string(hide_password=False)
    for create in (True, False):
        with pytest.raises(
            LedgerError, match=rf"schema version {newer}, but chancery .* knows versions up to"
        ):
            open_ledger(url, schema=ledger.schema, create=create)


def test_a_sqlite_database_that_is_not_a_ledger_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "app.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE customers (name TEXT)")
    engine.dispose()
    for create in (True, False):
        with pytest.raises(LedgerError, match="is a database but not a chancery ledger"):
            open_ledger(f"sqlite:///{path}", create=create)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["customers"]
    engine.dispose()


def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("id,cameo\n1,054\n")
    for create in (True, False):
        with pytest.raises(LedgerError, match="is not a SQLite database, so not a chancery ledger"):
            open_ledger(str(path), create=create)
    assert path.read_text() == "id,cameo\n1,054\n"


def test_a_ledger_whose_steps_were_numbered_otherwise_is_refused_not_half_upgraded(ledger_url):
    # An unreleased chancery (a branch) recorded another step as version 2: its ledger must not be
    # taken for one that already has this code's step 2.
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as ledger, ledger.engine.begin() as conn:
        table = schema.schema_version
        conn.execute(sa.update(table).where(table.c.version == 2).values(name="mentions, search"))
    with pytest.raises(
        LedgerError, match=r"schema version 2 is 'mentions, search', but chancery .* knows version 2 as"
    ):
        open_ledger(url, schema=schema_name, create=False)


def test_an_upgrade_that_fails_leaves_the_ledger_as_it_was(ledger_url, monkeypatch):
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.store(coded("Oslo recognised Palestine on Tuesday.", events=({"source": "NORGOV"},)))
        before = ledger.counts()

    doomed = migrations.LATEST + 1

    def add_then_fail(conn):
        conn.execute(sa.text("ALTER TABLE events ADD COLUMN doomed VARCHAR(10)"))
        raise sa.exc.OperationalError(f"step {doomed}", {}, Exception("the step failed"))

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, (doomed, "doomed", add_then_fail)))
    monkeypatch.setattr(migrations, "LATEST", doomed)
    with pytest.raises(LedgerError, match="the step failed"):
        open_ledger(url, schema=schema_name)
    monkeypatch.undo()
    with open_ledger(url, schema=schema_name, create=False) as ledger, ledger.engine.connect() as conn:
        assert migrations.applied_versions(conn) == [v for v, _, _ in migrations.MIGRATIONS]
        assert "doomed" not in {c["name"] for c in sa.inspect(conn).get_columns("events")}
        assert ledger.counts() == before


_OPEN_AT = """
import sys, time
from chancery.ledger import open_ledger
start = float(sys.argv[3])
while time.time() < start:
    time.sleep(0.0005)
try:
    with open_ledger(sys.argv[1], schema=sys.argv[2] or None) as ledger:
        ledger.counts()
except Exception as exc:
    print(type(exc).__name__, exc)
    sys.exit(1)
"""


@pytest.mark.parametrize("round_", range(2))
def test_ingests_started_together_on_a_new_ledger_all_open_it(ledger_url, round_):
    """Issue 15: two ingests on a new SQLite ledger raced to create it; one lost its whole input."""
    url, schema_name = ledger_url
    start = time.time() + 1.5  # every process is imported and waiting by then
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(_OPEN_AT), url, schema_name or "", str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(6)
    ]
    failures = [out for p in processes if (out := p.communicate(timeout=120)[0]) or p.returncode]
    assert failures == []
    with open_ledger(url, schema=schema_name, create=False) as ledger, ledger.engine.connect() as conn:
        assert migrations.applied_versions(conn) == [v for v, _, _ in migrations.MIGRATIONS]


def test_a_new_sqlite_ledger_opens_while_another_process_holds_its_write_lock(tmp_path):
    """The failure behind the race above: SQLite refuses at once, without its busy timeout, to switch
    a new file to WAL while another connection holds the write lock; opening must wait instead."""
    path = tmp_path / "ledger.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # what a process creating the ledger holds
    releaser = threading.Timer(0.5, holder.execute, ("COMMIT",))
    releaser.start()
    try:
        with open_ledger(f"sqlite:///{path}") as ledger:
            assert ledger.created and ledger.counts()["articles"] == 0
    finally:
        releaser.join()
        holder.close()
    reader = sqlite3.connect(path)
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reader.close()


def test_an_id_postgresql_would_refuse_is_refused_alike_on_sqlite(ledger):
    """Issue 15: a 10,000-character JSONL id was stored by SQLite and refused by PostgreSQL."""
    article = coded("Rabat recalled its ambassador on Monday.", events=({"source": "MARGOV"},))
    long_id = replace(article, article=replace(article.article, external_id="x" * 10_000))
    [outcome] = ledger.store_many([long_id])
    assert str(outcome) == (
        f"article {article.article.id} was not stored, nothing of it was kept: "
        "its articles.external_id is 10,000 characters, over the ledger's limit of 200"
    )
    assert ledger.counts()["articles"] == 0


def test_a_lone_surrogate_is_refused_alike_on_both_backends(ledger):
    article = coded("Lima expelled the envoy on Friday.", events=({"source": "PERGOV"},))
    article = replace(article, article=replace(article.article, title="Envoy \ud83d expelled"))
    [outcome] = ledger.store_many([article])
    assert str(outcome).endswith(
        "its articles.title contains a lone surrogate (U+D83D at 6), not valid Unicode"
    )
    assert ledger.counts()["articles"] == 0
