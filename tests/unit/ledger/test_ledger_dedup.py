"""Ledger events: reports of one event across articles count once, with GDELT-style mentions and sources."""

from __future__ import annotations

from ledger_factory import coded


def visit(sentence, publisher, date, *, source="INDGOV", target="AFGGOV", cameo="043", url=None, **event):
    spec = {"source": source, "target": target, "cameo": cameo, "date": date, **event}
    return coded(sentence, events=(spec,), date=date, publisher=publisher, url=url)


THREE_OUTLETS = (
    visit("New Delhi hosted the Taliban foreign minister for talks.", "Hindustan Wire", "2025-10-10"),
    visit("India received Amir Khan Muttaqi in the capital on Friday.", "Kabul Times", "2025-10-10"),
    visit(
        "The Afghan foreign minister arrived in New Delhi, the first such visit since 2021.",
        "Gulf Wire",
        "2025-10-11",
        url="https://news.example/muttaqi-delhi",
    ),
)


def test_three_reports_from_three_publishers_are_one_ledger_event(ledger):
    for article in THREE_OUTLETS:
        ledger.store(article)
    (merged,) = ledger.ledger_events()
    assert (merged.mentions, merged.sources, merged.articles) == (3, 3, 3)
    assert (merged.date, merged.first_seen) == ("2025-10-10", "2025-10-10")
    assert set(merged.event_ids) == {a.events[0].id for a in THREE_OUTLETS}
    assert [e.publisher for e in merged.evidence] == ["Hindustan Wire", "Kabul Times", "Gulf Wire"]


def test_two_reports_from_one_publisher_are_one_source(ledger):
    ledger.store(
        visit("New Delhi hosted the Taliban foreign minister for talks.", "Hindustan Wire", "2025-10-10")
    )
    ledger.store(visit("Talks between India and the Taliban envoy went on.", "Hindustan Wire", "2025-10-12"))
    (merged,) = ledger.ledger_events()
    assert (merged.mentions, merged.sources) == (2, 1)


def test_articles_without_publisher_are_each_their_own_source(ledger):
    ledger.store(visit("New Delhi hosted the Taliban foreign minister for talks.", None, "2025-10-10"))
    ledger.store(visit("India received Amir Khan Muttaqi in the capital on Friday.", None, "2025-10-10"))
    (merged,) = ledger.ledger_events()
    assert (merged.mentions, merged.sources) == (2, 2)


def test_reports_beyond_the_window_are_separate_events(ledger):
    ledger.store(visit("New Delhi hosted the Taliban foreign minister for talks.", "A", "2025-10-10"))
    ledger.store(visit("India received the Taliban envoy again a week later.", "B", "2025-10-17"))
    assert [e.mentions for e in ledger.ledger_events()] == [1, 1]
    assert [e.mentions for e in ledger.ledger_events(date_window=7)] == [2]


def test_the_window_is_anchored_on_the_earliest_report_not_chained(ledger):
    # Reports every two days: with a 3-day window the third is 4 days after the first.
    for day, publisher in (("2025-10-10", "A"), ("2025-10-12", "B"), ("2025-10-14", "C")):
        ledger.store(visit(f"India hosted Taliban officials ({day}).", publisher, day))
    assert [(e.date, e.mentions) for e in ledger.ledger_events()] == [("2025-10-10", 2), ("2025-10-14", 1)]


def test_events_differing_in_code_target_or_modality_are_not_merged(ledger):
    ledger.store(visit("New Delhi hosted the Taliban foreign minister for talks.", "A", "2025-10-10"))
    ledger.store(visit("New Delhi hosted Pakistan's envoy the same day.", "B", "2025-10-10", target="PAKGOV"))
    ledger.store(visit("India praised the Taliban minister's remarks.", "C", "2025-10-10", cameo="051"))
    ledger.store(visit("India may host the Taliban again soon.", "D", "2025-10-10", modality="hypothetical"))
    assert sorted(e.mentions for e in ledger.ledger_events()) == [1, 1, 1, 1]


def test_state_and_government_reports_merge_at_country_level(ledger):
    ledger.store(visit("New Delhi hosted the Taliban foreign minister for talks.", "A", "2025-10-10"))
    ledger.store(visit("India received the Afghan minister.", "B", "2025-10-10", source="IND", target="AFG"))
    (merged,) = ledger.ledger_events()
    assert merged.mentions == 2


def test_filters_select_whole_ledger_events(ledger):
    for article in THREE_OUTLETS:
        ledger.store(article)
    ledger.store(
        visit("Pakistan hosted Chinese officials.", "A", "2025-10-10", source="PAKGOV", target="CHNGOV")
    )
    assert [e.mentions for e in ledger.ledger_events(source="IND")] == [3]
    assert [e.source.code for e in ledger.ledger_events(target="CHN")] == ["PAKGOV"]
    assert ledger.ledger_events(since="2025-10-11") == []
    assert [e.mentions for e in ledger.ledger_events(until="2025-10-10", source="IND")] == [3]


def test_gdelt_rows_hold_only_counted_events_with_their_counts(ledger):
    for article in THREE_OUTLETS:
        ledger.store(article)
    ledger.store(visit("India might host the Taliban again.", "A", "2025-10-10", modality="hypothetical"))
    ledger.store(visit("India did not host the Taliban envoy.", "B", "2025-10-20", negated=True))
    (row,) = ledger.gdelt_rows()
    assert {k: row[k] for k in ("SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code")} == {
        "SQLDATE": 20251010,
        "Actor1Code": "INDGOV",
        "Actor1CountryCode": "IND",
        "Actor2Code": "AFGGOV",
    }
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == (
        "043",
        "043",
        "04",
        1,
    )
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (3, 3, 3)
    assert row["SOURCEURL"] == "https://news.example/muttaqi-delhi"
    assert len(ledger.ledger_events()) == 3


def test_the_window_set_when_opening_is_the_default(ledger_url):
    from chancery.ledger import open_ledger

    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name, date_window=7) as wide:
        wide.store(visit("New Delhi hosted the Taliban foreign minister for talks.", "A", "2025-10-10"))
        wide.store(visit("India received the Taliban envoy again a week later.", "B", "2025-10-17"))
        assert [e.mentions for e in wide.ledger_events()] == [2]
        assert [e.mentions for e in wide.ledger_events(date_window=3)] == [1, 1]
        assert [r["NumMentions"] for r in wide.gdelt_rows()] == [2]
