"""A government's standing on a date: who recognises it, whose envoys are where, on what conditions.

All of it is read from the relation states derived for that one government (``relation_table.states``
with the government as either party), so the recognition summary, the tables and the timeline of
a standing page agree with one another and with ``chancery relations``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from chancery.ledger import relation_table, relations
from chancery.ledger.reports import party, party_matches
from chancery.records import Record, Relation

# The kinds a standing page follows over time (positions on single acts are left to the actor page).
TIMELINE_KINDS = ("recognition", "diplomatic_relations", "representation", "condition")


@dataclass(frozen=True)
class Standing(Record):
    """A government's standing ``as_of`` a date (on the latest reports when None)."""

    government: str
    as_of: str | None
    recognition: dict[str, Any]  # the recognition summary (``relations.recognition_summary``)
    hosts_its_envoys: tuple[Relation, ...]  # representation states with the government as object
    envoys_it_hosts: tuple[Relation, ...]  # representation states with the government as subject
    conditions: tuple[Relation, ...]  # conditions stated to it
    timeline: tuple[Relation, ...]  # every state of TIMELINE_KINDS involving it, at any date


Standing.nested = {
    "hosts_its_envoys": Relation,
    "envoys_it_hosts": Relation,
    "conditions": Relation,
    "timeline": Relation,
}


def standing(
    conn: sa.Connection,
    government: str,
    as_of: str | None,
    source: relation_table.Stored | relation_table.Derived,
) -> Standing:
    """The standing of ``government`` (an actor code, ``AFGGOV``) on ``as_of``; ``source`` is where
    relation states are read from (``Ledger.relation_states``)."""
    found = source.states(conn, actor=government)

    def holds(relation: Relation) -> bool:
        return relations.valid_on(relation, as_of) if as_of else relation.until is None

    def about(relation: Relation, role: str) -> bool:
        return party_matches(party(getattr(relation, role)), government)

    def by_party(chosen: list[Relation], role: str) -> tuple[Relation, ...]:
        return tuple(sorted(chosen, key=lambda r: (party(getattr(r, role)), r.state, r.since or "")))

    current = [r for r in found if holds(r)]
    represented = [r for r in current if r.kind == "representation"]
    timeline = [r for r in found if r.kind in TIMELINE_KINDS and (about(r, "subject") or about(r, "object"))]
    return Standing(
        government=government.upper(),
        as_of=as_of,
        recognition=relations.recognition_summary(found, government, as_of),
        hosts_its_envoys=by_party([r for r in represented if about(r, "object")], "subject"),
        envoys_it_hosts=by_party([r for r in represented if about(r, "subject")], "object"),
        conditions=by_party([r for r in current if r.kind == "condition" and about(r, "object")], "subject"),
        timeline=tuple(
            sorted(timeline, key=lambda r: (r.kind, party(r.subject), party(r.object), r.since or ""))
        ),
    )
