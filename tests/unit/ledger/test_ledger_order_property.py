"""Property: derived relations and ledger events depend on the set of reports, never on their order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ledger_factory import coded

from chancery.ledger.dedup import merge_reports
from chancery.ledger.relations import derive_relations, valid_on
from chancery.ledger.reports import Report

HINTS = ("recognition:recognized", "diplomatic_relations:severed", "diplomatic_relations:active")
SOURCES = ("RUSGOV", "RUS", "CHNGOV")
DAYS = ("2024-01-01", "2024-01-02", "2024-01-05", "2025-03-01")
PUBLISHERS = ("A", "B", None)

report_specs = st.tuples(
    st.sampled_from(SOURCES),
    st.sampled_from(HINTS),
    st.sampled_from(DAYS),
    st.sampled_from(PUBLISHERS),
    st.booleans(),  # negated
)


def _reports(specs) -> list[Report]:
    reports = []
    for n, (source, hint, day, publisher, negated) in enumerate(specs):
        article = coded(
            f"Report number {n} on the matter.",
            events=({"source": source, "relation": hint, "date": day, "negated": negated, "cameo": "054"},),
            date=day,
            publisher=publisher,
        )
        event = article.events[0]
        reports.append(Report(event, article.article.text, publisher, day))
    return reports


@settings(max_examples=60, deadline=None)
@given(st.lists(report_specs, min_size=1, max_size=10), st.randoms(use_true_random=False))
def test_any_order_gives_the_same_relations_and_ledger_events(specs, random):
    reports = _reports(specs)
    shuffled = list(reports)
    random.shuffle(shuffled)
    assert derive_relations(shuffled) == derive_relations(reports)
    assert merge_reports(shuffled) == merge_reports(reports)


@settings(max_examples=60, deadline=None)
@given(st.lists(report_specs, min_size=1, max_size=10), st.sampled_from(DAYS))
def test_at_most_one_state_per_pair_and_kind_holds_on_any_day(specs, day):
    held = [r for r in derive_relations(_reports(specs)) if valid_on(r, day)]
    pairs = [(r.subject.country, r.object.code, r.kind) for r in held]
    assert len(pairs) == len(set(pairs))
