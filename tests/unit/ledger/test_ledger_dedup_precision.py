"""Ledger events with a report dated only to a month or a year ("in March 2023", usually background in a
later article): it is a mention of the day-precise event inside its period and does not date it."""

from __future__ import annotations

from dataclasses import replace

from ledger_factory import coded

from chancery.records import CodedArticle


def severance(sentence, date, published, publisher, precision="day") -> CodedArticle:
    """A one-event HND→TWN severance (CAMEO 161) dated ``date`` with ``precision``."""
    spec = {"source": "HNDGOV", "target": "TWNGOV", "cameo": "161", "date": date}
    article = coded(sentence, events=(spec,), date=published, publisher=publisher)
    (event,) = article.events
    return replace(article, events=(replace(event, date_precision=precision),))


ON_THE_DAY = severance("Honduras broke off relations with Taiwan on Sunday.", "2023-03-26", "2023-03-26", "A")
IN_THE_MONTH = severance(
    "Honduras cut ties with Taiwan in March 2023.", "2023-03-01", "2024-01-15", "B", precision="month"
)
IN_THE_YEAR = severance("Honduras dropped Taiwan in 2023.", "2023-01-01", "2024-02-01", "C", precision="year")


def test_a_month_report_is_a_mention_of_the_event_in_its_month_and_keeps_its_date(ledger):
    for article in (ON_THE_DAY, IN_THE_MONTH):
        ledger.store(article)
    (merged,) = ledger.ledger_events()
    assert (merged.mentions, merged.sources, merged.date) == (2, 2, "2023-03-26")


def test_a_year_report_joins_the_event_in_its_year(ledger):
    for article in (IN_THE_YEAR, ON_THE_DAY):
        ledger.store(article)
    (merged,) = ledger.ledger_events()
    assert (merged.mentions, merged.date) == (2, "2023-03-26")


def test_a_month_report_with_no_precise_event_in_its_month_is_its_own_event(ledger):
    earlier = severance(
        "Honduras severed ties with Taiwan in February.", "2023-02-01", "2023-03-01", "B", "month"
    )
    for article in (ON_THE_DAY, earlier):
        ledger.store(article)
    assert [(e.date, e.mentions) for e in ledger.ledger_events()] == [("2023-02-01", 1), ("2023-03-26", 1)]
