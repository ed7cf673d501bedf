"""What chancery watch remembers in the ledger: each feed's validators, and the items it stored."""

from __future__ import annotations

from chancery.records import FeedItem, FeedState


def test_a_feed_state_is_remembered_and_replaced(ledger):
    url = "https://news.example.org/rss"
    assert ledger.feed_state(url) is None
    first = FeedState(url, '"v1"', "Fri, 04 Jul 2025 09:30:00 GMT", "2025-07-04T09:31:00+00:00")
    ledger.save_feed_states([first])
    assert ledger.feed_state(url) == first
    index = FeedState(url, None, None, "2025-07-04T10:00:00+00:00", ("https://news.example.org/s1.xml",))
    ledger.save_feed_states([index])
    assert ledger.feed_state(url) == index


def test_items_are_remembered_under_each_of_their_names_once(ledger):
    item = FeedItem("https://news.example.org/a", "guid-a", "A", None, "https://news.example.org/rss")
    assert ledger.seen_feed_items(item.seen_keys()) == set()
    assert ledger.remember_feed_items([(item, "0123456789abcdef")], "2025-07-04T09:31:00+00:00") == 2
    moved = FeedItem("https://news.example.org/a?utm=x", "guid-a")
    assert ledger.seen_feed_items(moved.seen_keys()) == {item.seen_keys()[1]}  # known by its guid
    # Remembering it again, under a name known and one new, adds only the new one.
    assert ledger.remember_feed_items([(moved, "0123456789abcdef")], "2025-07-05T00:00:00+00:00") == 1
    assert ledger.counts()["articles"] == 0  # the feed tables are no article data
