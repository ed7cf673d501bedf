"""The relation states table holds what deriving from every report gives, whatever the stores' order
and batches, and is rebuilt when the derivation's rules change (or, on a ledger that may only be
read, derived in memory instead)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
import sqlalchemy as sa
from ledger_factory import coded
from only_reading import only_reading

from chancery.errors import QueryError
from chancery.ledger import open_ledger, query, relation_table, relations, schema

SOURCES = ("RUSGOV", "RUS", "CHNGOV", "AFGREB", "AFGGOV", "PAK")
TARGETS = ("AFGGOV", "AFG", "AFGREB", "RUSGOV", "CHN")
HINTS = (
    "recognition:recognized",
    "diplomatic_relations:active",
    "diplomatic_relations:severed",
    "representation:hosts_ambassador",
    "position:supports",
    "position:opposes",
)
DAYS = ("2021-08-15", "2023-01-01", "2023-01-20", "2024-06-30", "2025-07-03")


def _articles(chance: random.Random, count: int):
    made = []
    for number in range(count):
        source, target = chance.choice(SOURCES), chance.choice(TARGETS)
        if source[:3] == target[:3]:
            target = "CHN"
        spec = {
            "source": source,
            "target": target,
            "cameo": "054",
            "relation": chance.choice(HINTS),
            "date": chance.choice(DAYS),
            "negated": chance.random() < 0.2,
            "detail": chance.choice(("the truce", "the vote", None)),
        }
        article = coded(f"Dispatch {number} about {source} and {target}.", events=(spec,),
                        date=spec["date"], publisher=chance.choice(("Wire A", "Wire B", None)))  # fmt: skip
        event = article.events[0]
        # Some reports are dated to a month only, some make their target the subject (hosting an envoy).
        event = replace(
            event,
            date_precision=chance.choice(("day", "day", "month")),
            relation_subject="target"
            if event.relation.startswith("representation") and number % 2
            else "source",
        )
        made.append(replace(article, events=(event,)))
    return made


def _derived_from_every_report(ledger):
    with ledger.engine.connect() as conn:
        return relations.derive_relations(query.reports(conn, schema.events.c.relation.is_not(None)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stores_in_any_order_and_batches_keep_the_table_equal_to_a_full_derivation(ledger, seed):
    chance = random.Random(seed)
    articles = _articles(chance, 40)
    chance.shuffle(articles)
    while articles:
        size = chance.randint(1, 7)
        ledger.store_many(articles[:size])
        articles = articles[size:]
    derived = _derived_from_every_report(ledger)
    assert derived and ledger.relations() == derived
    for filters in (
        {"actor": "AFG"},
        {"actor": "AFGGOV", "as_of": "2023-01-10"},
        {"kind": "recognition"},
        {"subject": "RUS", "as_of": "2025-07-03"},
        {"object": "AFGREB"},
        {"actor": "CHNGOV"},
    ):
        assert ledger.relations(**filters) == relations.select(derived, **filters), filters


def test_a_refused_article_leaves_no_state_behind(ledger):
    good = coded(
        "Russia recognised the Taliban government.", events=({"relation": "recognition:recognized"},)
    )
    broken = coded(
        "China recognised it too.", events=({"source": "CHNGOV", "relation": "recognition:recognized"},)
    )
    broken = replace(broken, events=(replace(broken.events[0], modality="rumoured"),))  # breaks a constraint
    outcomes = ledger.store_many([good, broken])
    assert outcomes[0] is True and not isinstance(outcomes[1], bool)
    assert [r.subject.code for r in ledger.relations()] == ["RUS"]  # the state of the government that acted


def test_other_rules_rebuild_the_table_once_when_the_ledger_is_opened(ledger_url):
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.store_many(_articles(random.Random(5), 12))
        expected = ledger.relations()
        with ledger.engine.begin() as conn:  # as if an older chancery with other rules had built it
            conn.execute(sa.delete(schema.relation_states))
            conn.execute(sa.update(schema.derivations).values(rules="older-rules"))
        assert ledger.relations() == []
    with open_ledger(url, schema=schema_name) as reopened:
        assert reopened.relations() == expected
        assert relation_table.ensure_current(reopened.engine) is False  # rebuilt once, now current


def _stored_derivation(ledger) -> tuple[str | None, int]:
    with ledger.engine.connect() as conn:
        rules = conn.execute(sa.select(schema.derivations.c.rules)).scalar_one_or_none()
        rows = conn.execute(sa.select(sa.func.count()).select_from(schema.relation_states)).scalar_one()
    return rules, rows


FILTERS = ({}, {"actor": "AFG"}, {"actor": "AFGGOV", "as_of": "2023-01-10"}, {"kind": "recognition"})


def test_a_stale_table_that_may_not_be_written_is_derived_in_memory_and_left_alone(ledger_url, monkeypatch):
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as ledger:
        ledger.store_many(_articles(random.Random(7), 16))
        expected = [ledger.relations(**filters) for filters in FILTERS]
        standing = ledger.standing("AFGGOV", "2024-06-30").to_dict()
        with ledger.engine.begin() as conn:  # as if an older chancery with other rules had built it
            conn.execute(sa.delete(schema.relation_states))
            conn.execute(sa.update(schema.derivations).values(rules="older-rules"))
    assert expected[0]
    with (
        only_reading(url, schema_name, monkeypatch) as reader_url,
        open_ledger(reader_url, schema=schema_name, create=False) as reader,
    ):
        assert isinstance(reader.relation_states, relation_table.Derived)
        assert [reader.relations(**filters) for filters in FILTERS] == expected
        assert reader.standing("AFGGOV", "2024-06-30").to_dict() == standing
        paged, cursor = [], None
        while True:  # pages of the derivation, to the end, are the whole listing in order
            page = reader.relations_page(limit=3, cursor=cursor)
            paged += page.items
            if not (cursor := page.next):
                break
        assert paged == expected[0]
        with pytest.raises(QueryError, match="unknown relation kind 'bogus'"):
            reader.relations(kind="bogus")
        assert _stored_derivation(reader) == ("older-rules", 0)  # nothing was written
        monkeypatch.undo()
        with open_ledger(url, schema=schema_name) as writer:  # one that may write rebuilds the table...
            assert _stored_derivation(writer)[0] == relation_table.RULES
            qatar = {"source": "QATGOV", "relation": "recognition:recognized"}
            writer.store(coded("Qatar recognised the Taliban government.", events=(qatar,)))
        # ...and from then on the reader reads the table, with what was stored since.
        assert [r.subject.code for r in reader.relations(subject="QAT")] == ["QAT"]
