"""A ledger written by an older chancery opens with today's code, upgraded in place, nothing lost.

The fixtures in ``tests/fixtures/ledgers`` were written by chancery 0.1.0 at commit ff1a569
(schema version 1); see the README there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from chancery.errors import LedgerError
from chancery.ledger import migrations, open_ledger, relation_table, schema

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ledgers"
NAME = "v1-ff1a569"
EXPECTED = json.loads((FIXTURES / f"{NAME}.expected.json").read_text())


def _old_ledger(url: str, schema_name: str | None, tmp_path: Path) -> str:
    """The fixture ledger at ``url`` (a copy of the SQLite file, or the dump loaded into ``schema_name``)."""
    if schema_name is None:
        copy = tmp_path / "old.db"
        shutil.copyfile(FIXTURES / f"{NAME}.db", copy)
        return f"sqlite:///{copy}"
    dump = (FIXTURES / f"{NAME}.pg.sql").read_text()
    # psql's own commands (\restrict) are not SQL; the schema is renamed to this test's.
    script = "\n".join(line for line in dump.splitlines() if not line.startswith("\\"))
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(script.replace("chancery_fixture", schema_name))
    engine.dispose()
    return url


def _same(old: list[dict], new: list[dict]) -> None:
    """Every old record is found unchanged in ``new`` (fields added since are not compared)."""
    assert len(new) == len(old)
    for before, after in zip(old, new, strict=True):
        assert {key: after.get(key) for key in before} == before


def _state(relation: dict) -> tuple[str, str, str, str]:
    """A relation at the level of the parties it is between: (subject, object, kind, state)."""

    def party(actor: dict) -> str:
        state = actor["country"] and actor["code"][3:] in ("", "GOV", "LEG", "MIL", "JUD")
        return actor["country"] if state else actor["code"]

    return (party(relation["subject"]), party(relation["object"]), relation["kind"], relation["state"])


def test_a_ledger_of_chancery_0_1_0_opens_upgraded_with_everything_still_there(ledger_url, tmp_path):
    url, schema_name = ledger_url
    url = _old_ledger(url, schema_name, tmp_path)
    assert EXPECTED["chancery_version"] == "0.1.0" and EXPECTED["commit"] == "ff1a569"
    with open_ledger(url, schema=schema_name, create=False) as ledger:
        assert not ledger.created
        with ledger.engine.connect() as conn:
            assert migrations.applied_versions(conn) == [v for v, _, _ in migrations.MIGRATIONS]
            columns = {c["name"] for c in sa.inspect(conn).get_columns("articles")}
            assert columns == set(schema.articles.columns.keys())
        counts = ledger.counts()
        assert {table: counts[table] for table in EXPECTED["counts"]} == EXPECTED["counts"]
        assert counts["mentions"] == 0  # actor mentions were not stored before schema version 3
        _same(EXPECTED["articles"], [a.to_dict() for a in ledger.articles()])
        _same(EXPECTED["events"], [e.to_dict() for e in ledger.events()])
        _same(EXPECTED["quotes"], [q.to_dict() for q in ledger.quotes()])
        # Relations are derived from the events by the rules of the code that reads them (issue 11 made
        # them speak of states and added rules), so the upgrade must keep what the events support:
        # every state the old code derived is still derived, and the rebuilt table equals a derivation
        # from the upgraded ledger's own reports.
        held = {_state(r.to_dict()) for r in ledger.relations()}
        assert {_state(r) for r in EXPECTED["relations"]} <= held
        with ledger.engine.connect() as conn:
            derived = relation_table.Derived().states(conn)
        assert [r.to_dict() for r in ledger.relations()] == [r.to_dict() for r in derived]
        assert all(article.language is None for article in ledger.articles())  # not known then
        # The search index and the relation table are built from the old rows on upgrade.
        assert {hit.id for hit in ledger.search("Taliban", limit=100).items} == {
            a["id"] for a in EXPECTED["articles"] if "Taliban" in a["text"] or "Taliban" in (a["title"] or "")
        }
        with ledger.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(schema.relation_states)).scalar()


def test_an_old_ledger_that_cannot_be_written_is_refused_with_the_fix(tmp_path, monkeypatch):
    from chancery.ledger import presence

    url = _old_ledger("", None, tmp_path)
    monkeypatch.setattr(presence, "writable", lambda path: False)
    with pytest.raises(
        LedgerError, match=r"must be upgraded \(schema version 1 to \d+\), but it is read-only"
    ):
        open_ledger(url, create=False)


_OPEN_AT = """
import sys, time
from chancery.ledger import open_ledger
while time.time() < float(sys.argv[3]):
    time.sleep(0.0005)
with open_ledger(sys.argv[1], schema=sys.argv[2] or None, create=False) as ledger:
    print(ledger.counts()["events"])
"""


def test_processes_opening_an_old_ledger_at_once_upgrade_it_once(ledger_url, tmp_path):
    url, schema_name = ledger_url
    url = _old_ledger(url, schema_name, tmp_path)
    start = time.time() + 1.5  # every process is imported and waiting by then
    command = [sys.executable, "-c", _OPEN_AT, url, schema_name or "", str(start)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(5)
    ]
    outputs = [process.communicate(timeout=120)[0] for process in processes]
    assert outputs == [f"{EXPECTED['counts']['events']}\n"] * 5
    with open_ledger(url, schema=schema_name, create=False) as ledger, ledger.engine.connect() as conn:
        recorded = conn.execute(sa.select(schema.schema_version.c.version)).scalars().all()
    assert sorted(recorded) == [v for v, _, _ in migrations.MIGRATIONS]  # each step once
