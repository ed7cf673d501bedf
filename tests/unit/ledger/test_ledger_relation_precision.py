"""A report dated only to a week, a month or a year ("in January 2016") on a relation timeline: it joins
the day-precise report of the same state inside its period; when nothing more precise is known the
state starts on the first day it is sure to hold (the period's last day, or the publication if earlier),
so the ledger never answers yes for a day the reports leave open (issue 11)."""

from __future__ import annotations

from dataclasses import replace

from ledger_factory import coded

from chancery.records import CodedArticle


def report(sentence, relation, cameo, date, published, publisher, precision="day") -> CodedArticle:
    """A one-event SAU→IRN article whose event is dated ``date`` with ``precision``."""
    article = coded(
        sentence,
        events=(
            {"source": "SAUGOV", "target": "IRNGOV", "cameo": cameo, "relation": relation, "date": date},
        ),
        date=published,
        publisher=publisher,
    )
    (event,) = article.events
    return replace(article, events=(replace(event, date_precision=precision),))


SEVERED_ON_THE_DAY = report(
    "Saudi Arabia severed diplomatic relations with Iran on Sunday.",
    "diplomatic_relations:severed", "161", "2016-01-03", "2016-01-03", "Gulf Wire",
)  # fmt: skip
SEVERED_IN_THE_MONTH = report(
    "Riyadh cut ties with Tehran in January 2016 after protesters stormed its embassy.",
    "diplomatic_relations:severed", "161", "2016-01-01", "2023-03-10", "Levant Daily", precision="month",
)  # fmt: skip
SEVERED_IN_THE_YEAR = report(
    "The two rivals broke off relations in 2016.",
    "diplomatic_relations:severed", "161", "2016-01-01", "2023-03-11", "Desert Post", precision="year",
)  # fmt: skip
RESTORED = report(
    "Saudi Arabia and Iran restored diplomatic relations on Friday.",
    "diplomatic_relations:active", "050", "2023-03-10", "2023-03-10", "Gulf Wire",
)  # fmt: skip


def _states(ledger, as_of=None):
    return [(r.state, r.since, r.until) for r in ledger.relations(subject="SAU", as_of=as_of)]


def test_a_month_report_does_not_move_a_day_precise_start_earlier(ledger):
    for article in (SEVERED_ON_THE_DAY, SEVERED_IN_THE_MONTH, RESTORED):
        ledger.store(article)
    assert _states(ledger) == [("severed", "2016-01-03", "2023-03-10"), ("active", "2023-03-10", None)]
    assert _states(ledger, "2016-01-02") == []
    (severed,) = ledger.relations(subject="SAU", as_of="2016-01-03")
    assert len(severed.evidence) == 2  # the month report still backs the state


def test_a_year_report_joins_the_day_precise_report_inside_its_year(ledger):
    for article in (SEVERED_IN_THE_YEAR, SEVERED_ON_THE_DAY):
        ledger.store(article)
    assert _states(ledger) == [("severed", "2016-01-03", None)]


def test_a_month_report_alone_starts_the_state_on_the_last_day_of_the_month(ledger):
    ledger.store(SEVERED_IN_THE_MONTH)
    ledger.store(RESTORED)
    assert _states(ledger) == [("severed", "2016-01-31", "2023-03-10"), ("active", "2023-03-10", None)]
    assert _states(ledger, "2016-01-15") == []  # severed some day in January: not yet sure mid-month


def test_a_week_report_published_within_its_week_starts_on_the_publication_day(ledger):
    this_week = report(
        "Riyadh cut ties with Tehran this week.",
        "diplomatic_relations:severed", "161", "2015-12-28", "2015-12-30", "Gulf Wire", precision="week",
    )  # fmt: skip
    ledger.store(this_week)
    assert _states(ledger) == [("severed", "2015-12-30", None)]


def test_a_month_report_does_not_join_a_precise_report_of_another_state(ledger):
    restored_in_march = report(
        "The two countries restored relations in March 2023.",
        "diplomatic_relations:active", "050", "2023-03-01", "2024-01-05", "Desert Post", precision="month",
    )  # fmt: skip
    severed_mid_march = report(
        "Saudi Arabia severed relations with Iran on March 20.",
        "diplomatic_relations:severed", "161", "2023-03-20", "2023-03-20", "Levant Daily",
    )  # fmt: skip
    for article in (restored_in_march, severed_mid_march):
        ledger.store(article)
    # "restored in March" is sure only from 31 March; the severance of the 20th is not moved by it
    assert _states(ledger) == [("severed", "2023-03-20", "2023-03-31"), ("active", "2023-03-31", None)]
