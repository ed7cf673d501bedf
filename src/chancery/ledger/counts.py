"""Counts of counted events by month or by CAMEO code, the statistics an analyst charts.

Only counted events enter statistics (DESIGN.md's output contract): a negated, intended or
hypothetical report is no event to count.  Reports are counted as stored, one per article that
reports the event; ``Ledger.ledger_events`` merges reports when a deduplicated count is wanted.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from chancery.errors import QueryError
from chancery.ledger import query, schema

E = schema.events
GROUPINGS = ("month", "code", "root")


def event_counts(conn: sa.Connection, by: str, **filters: Any) -> list[dict[str, Any]]:
    """Counted events per ``by`` (``month`` YYYY-MM, ``code`` full CAMEO code or ``root`` its two digits).

    Filters are those of ``query.event_conditions``.  Months come in order with undated events
    last (``month`` null); codes in code order.  Groups without events are not listed.
    """
    conditions = [*query.event_conditions(**filters), E.c.counted.is_(True)]
    events = sa.func.count().label("events")
    if by == "month":
        month = sa.func.substr(E.c.date, 1, 7).label("month")
        select = sa.select(month, events).where(*conditions).group_by(month)
        found = [dict(row) for row in conn.execute(select).mappings()]
        return sorted(found, key=lambda row: (row["month"] is None, row["month"] or ""))
    if by == "code":
        select = (
            sa.select(E.c.cameo, sa.func.min(E.c.cameo_name).label("cameo_name"), events)
            .where(*conditions)
            .group_by(E.c.cameo)
            .order_by(E.c.cameo)
        )
        return [dict(row) for row in conn.execute(select).mappings()]
    if by == "root":
        root = sa.func.substr(E.c.cameo, 1, 2).label("root")
        select = sa.select(root, events).where(*conditions).group_by(root).order_by(root)
        return [dict(row) for row in conn.execute(select).mappings()]
    raise QueryError(f"cannot count by {by!r}; use one of: {', '.join(GROUPINGS)}")
