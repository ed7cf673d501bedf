"""Cursor pages: read to the end at any page size they give each row once, in the listing's order."""

from __future__ import annotations

import pytest
from ledger_factory import coded
from standing_records import ARTICLES, store_all

from chancery.errors import QueryError
from chancery.ledger.pages import decode, encode


@pytest.fixture
def stored(ledger):
    store_all(ledger)
    return ledger


def _read_all(fetch, limit):
    """Every item of a listing, page by page; also how many pages it took."""
    items, cursor, pages = [], None, 0
    while True:
        page = fetch(limit=limit, cursor=cursor)
        assert len(page.items) <= limit
        items.extend(page.items)
        pages += 1
        if page.next is None:
            return items, pages
        assert page.items, "a page with a next cursor holds items"
        cursor = page.next


@pytest.mark.parametrize("limit", [1, 2, 3, 100])
def test_event_pages_read_to_the_end_give_the_listing_with_undated_events_last(stored, limit):
    listed = stored.events()
    paged, pages = _read_all(stored.events_page, limit)
    assert [e.id for e in paged] == [e.id for e in listed]
    assert pages == -(-len(listed) // limit)  # a page's cursor is given only when more rows follow
    assert paged[-1].date is None and all(e.date for e in paged[:-1])


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_quote_article_and_relation_pages_give_every_item_once(stored, limit):
    quotes, _ = _read_all(stored.quotes_page, limit)
    assert [q.id for q in quotes] == [q.id for q in stored.quotes()]
    articles, _ = _read_all(stored.articles_page, limit)
    assert [a.id for a in articles] == [a.id for a in stored.articles()]
    assert articles[-1].date is None
    relations, _ = _read_all(stored.relations_page, limit)
    # In the database's order of the table's key, which may not be Python's: compared as collections.
    assert len(relations) == len(stored.relations())
    assert sorted(map(repr, relations)) == sorted(map(repr, stored.relations()))


def test_filters_apply_to_pages_and_actor_is_either_party(stored):
    sources = {e.source.code for e in stored.events_page(limit=50, actor="CHN").items}
    targets = {e.target.code for e in stored.events_page(limit=50, actor="CHN").items}
    assert "CHNGOV" in sources and "CHN" in targets  # China acting, and Kabul hosting China's envoy
    assert all(e.counted for e in stored.events_page(limit=50, counted=True).items)
    kinds = {r.kind for r in stored.relations_page(limit=50, actor="AFGGOV", as_of="2025-08-01").items}
    assert kinds == {"recognition", "representation", "condition"}
    said = stored.quotes_page(limit=50, speaker="mao").items
    assert [q.speaker.name for q in said] == ["Mao Ning"]


def test_rows_stored_between_two_pages_neither_repeat_nor_hide_the_rest(stored):
    first = stored.events_page(limit=3)
    earlier = coded(
        "Uzbekistan sent a trade delegation to Kabul.",
        events=({"source": "UZBGOV", "target": "AFGGOV", "cameo": "043"},),
        date="2020-01-01",
    )
    stored.store(earlier)  # sorts before every event already read
    rest = []
    cursor = first.next
    while cursor:
        page = stored.events_page(limit=3, cursor=cursor)
        rest.extend(page.items)
        cursor = page.next
    old = [e.id for e in stored.events() if e.article_id != earlier.article.id]
    assert [e.id for e in first.items] + [e.id for e in rest] == old


def test_the_last_page_has_no_cursor_and_an_exact_fit_ends_on_time(stored):
    count = len(stored.events())
    page = stored.events_page(limit=count)
    assert len(page.items) == count and page.next is None


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64-at-all!",
        encode("quotes", ("2025-07-03", "a", 0, "b")),  # another listing's cursor
        encode("events", ("2025-07-03", "a", "zero", "b")),  # a sentence index that is not a number
        encode("events", ("2025-07-03", "a", True, "b")),
        encode("events", ("2025-07-03", "a")),
    ],
)
def test_a_cursor_that_is_not_one_of_the_listing_is_refused_by_name(stored, cursor):
    with pytest.raises(QueryError, match="is not a cursor of the events listing"):
        stored.events_page(limit=2, cursor=cursor)


def test_limits_below_one_are_refused(stored):
    with pytest.raises(QueryError, match="limit must be at least 1"):
        stored.relations_page(limit=0)


def test_a_cursor_round_trips_its_key():
    key = ["2025-07-03", "0123abcd", 4, "ffee"]
    assert decode("events", encode("events", key)) == key
    assert decode("events", None) is None


def test_undated_rows_are_paged_after_the_dated_ones_even_from_an_undated_cursor(stored):
    undated = [e for e in stored.events() if e.date is None]
    assert len(undated) == 1 and ARTICLES[5].events[0].id == undated[0].id
    everything, _ = _read_all(stored.events_page, 1)
    assert everything[-1].id == undated[0].id
