"""The ledger's integrity check: the database's own, and no row whose parent is missing.

An article is stored in one transaction with its sentences, quotes, events and mentions, so after any crash
each article is whole or absent; this check is how a test (or an operator after a crash) sees it.
"""

from __future__ import annotations

import sqlalchemy as sa

from chancery.ledger import schema

# (table, column, parent table, parent column): every row's parent must be there.
_PARENTS = (
    (schema.sentences, "article_id", schema.articles, "id"),
    (schema.quotes, "article_id", schema.articles, "id"),
    (schema.events, "article_id", schema.articles, "id"),
    (schema.mentions, "article_id", schema.articles, "id"),
    (schema.articles, "run_id", schema.runs, "id"),
)


def problems(conn: sa.Connection) -> list[str]:
    """One line per problem found; an empty list when the ledger is sound."""
    found: list[str] = []
    if conn.dialect.name == "sqlite":
        verdict = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        if verdict != ["ok"]:
            found.extend(f"integrity_check: {line}" for line in verdict)
        for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            found.append(f"foreign_key_check: a row of {row[0]} points at a missing row of {row[2]}")
    for table, column, parent, key in _PARENTS:
        child = table.c[column]
        orphans = conn.execute(
            sa.select(sa.func.count())
            .select_from(table.outerjoin(parent, child == parent.c[key]))
            .where(child.is_not(None), parent.c[key].is_(None))
        ).scalar_one()
        if orphans:
            found.append(f"{orphans} row(s) of {table.name} point at a missing {parent.name} row")
    return found
