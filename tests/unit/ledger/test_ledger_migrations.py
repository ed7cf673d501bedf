"""Opening a ledger: recorded migrations run once, the result matches schema.py, bad URLs explain the fix."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from chancery.errors import LedgerError
from chancery.ledger import migrations, open_ledger, schema


def _versions(ledger) -> list[tuple[int, str]]:
    with ledger.engine.connect() as conn:
        rows = conn.execute(sa.select(schema.schema_version).order_by(schema.schema_version.c.version))
        return [(row.version, row.applied) for row in rows]


def test_a_new_ledger_records_every_migration(ledger):
    assert [version for version, _ in _versions(ledger)] == [v for v, _, _ in migrations.MIGRATIONS]


def test_reopening_and_remigrating_applies_nothing(ledger_url):
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as first:
        recorded = _versions(first)
    with open_ledger(url, schema=schema_name) as second:
        assert migrations.migrate(second.engine) == []
        # Same versions with the same timestamps: nothing was re-applied or re-recorded.
        assert _versions(second) == recorded


def test_migrated_tables_match_schema_py(ledger):
    inspector = sa.inspect(ledger.engine)
    for table in schema.metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_unreachable_server_error_hides_the_password_and_names_the_fix():
    with pytest.raises(LedgerError) as caught:
        open_ledger("postgresql://analyst:s3cret@127.0.0.1:1/ledger")
    message = str(caught.value)
    assert "s3cret" not in message
    assert "127.0.0.1:1/ledger" in message
    assert "--db" in message and "CHANCERY_DB" in message


def test_missing_sqlite_directory_is_a_ledger_error(tmp_path):
    with pytest.raises(LedgerError, match=r"cannot create a ledger at .*: folder .*/such/dir does not exist"):
        open_ledger(f"sqlite:///{tmp_path}/no/such/dir/ledger.db")
    assert not (tmp_path / "no").exists()


def test_unsupported_database_names_the_supported_ones():
    with pytest.raises(LedgerError, match=r"sqlite:///PATH or postgresql://"):
        open_ledger("mysql://localhost/ledger")


def test_schema_name_must_be_a_plain_identifier(tmp_path):
    with pytest.raises(LedgerError, match="plain identifier"):
        open_ledger(f"sqlite:///{tmp_path}/x.db", schema='x"; DROP TABLE events; --')


def test_a_bare_path_opens_a_sqlite_ledger_and_schema_is_ignored_there(tmp_path):
    path = tmp_path / "bare.db"
    with open_ledger(str(path), schema="ignored_on_sqlite") as ledger:
        assert ledger.counts()["events"] == 0
        assert ledger.schema is None
    assert path.is_file()


def test_in_memory_sqlite_keeps_its_tables_across_connections():
    with open_ledger("sqlite:///:memory:") as ledger:
        assert ledger.counts() == {
            "runs": 0,
            "articles": 0,
            "sentences": 0,
            "quotes": 0,
            "events": 0,
            "mentions": 0,
        }


def test_a_sqlite_file_ledger_uses_write_ahead_logging(tmp_path):
    # Readers must not block on an ingest that is writing, nor the ingest on them.
    with open_ledger(f"sqlite:///{tmp_path}/wal.db") as ledger, ledger.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
