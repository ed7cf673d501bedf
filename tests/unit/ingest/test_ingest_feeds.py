"""Reading feeds: RSS 2.0 and 1.0, Atom, sitemaps; links resolved; untrusted XML never expanded."""

from __future__ import annotations

import pytest

from chancery.ingest.feeds import FeedError, page_address, parse_feed
from chancery.records import FeedItem

BASE = "https://news.example.org/rss/world.xml"


def test_rss_items_take_their_link_or_a_permalink_guid_and_keep_the_written_date():
    feed = parse_feed(
        b"""<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
        <item><title>Kabul envoy</title><link>/2025/07/03/kabul#top</link><guid isPermaLink="false">k-1</guid>
          <pubDate>Thu, 03 Jul 2025 23:30:00 +0430</pubDate></item>
        <item><title>Permalink only</title><guid>https://News.Example.org/p/2</guid></item>
        <item><title>Opaque guid only</title><guid isPermaLink="false">tag:x,2025:3</guid></item>
        <item><title>Mail link</title><link>mailto:desk@example.org</link></item>
        </channel></rss>""",
        BASE,
    )
    assert feed.kind == "rss" and feed.skipped == 2
    assert feed.items == (
        FeedItem("https://news.example.org/2025/07/03/kabul", "k-1", "Kabul envoy", "2025-07-03", BASE),
        FeedItem(
            "https://news.example.org/p/2", "https://News.Example.org/p/2", "Permalink only", None, BASE
        ),
    )


def test_rss_1_0_items_are_read_with_their_dublin_core_date():
    feed = parse_feed(
        b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>t</title></channel>
        <item rdf:about="https://a.example/1"><title>One</title><link>https://a.example/1</link>
        <dc:date>2024-05-28T10:00:00+02:00</dc:date></item></rdf:RDF>""",
        BASE,
    )
    assert [(i.url, i.date) for i in feed.items] == [("https://a.example/1", "2024-05-28")]


def test_atom_entries_take_the_alternate_link_resolved_against_xml_base():
    feed = parse_feed(
        b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://b.example/news/">
        <entry><id>urn:1</id><title>One</title><link rel="enclosure" href="/img.jpg"/>
          <link href="one.html"/><updated>2023-03-10T08:00:00Z</updated></entry>
        <entry><id>urn:2</id><title>No link</title></entry></feed>""",
        BASE,
    )
    assert feed.kind == "atom" and feed.skipped == 1
    assert feed.items == (FeedItem("https://b.example/news/one.html", "urn:1", "One", "2023-03-10", BASE),)


def test_a_sitemap_index_lists_its_sitemaps_and_a_sitemap_its_pages():
    index = parse_feed(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/sitemap-2025.xml</loc></sitemap></sitemapindex>",
        "https://c.example/sitemap.xml",
    )
    assert (index.kind, index.sitemaps, index.items) == (
        "sitemap-index",
        ("https://c.example/sitemap-2025.xml",),
        (),
    )
    pages = parse_feed(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://c.example/a </loc>'
        b"<lastmod>2021-08-24</lastmod></url><url><lastmod>2021-08-25</lastmod></url></urlset>",
        "https://c.example/sitemap-2025.xml",
    )
    assert [(i.url, i.date, i.guid) for i in pages.items] == [("https://c.example/a", "2021-08-24", None)]
    assert pages.skipped == 1


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "malformed XML"),
        (b"<rss><channel><item>", "malformed XML"),
        (
            b"<html><body>hello</body></html>",
            "not an RSS, Atom or sitemap document (its root element is <html>)",
        ),
        (b"\xff\xfe<\x00r\x00", "malformed XML"),
    ],
)
def test_what_is_not_a_feed_is_refused_in_one_line(data, reason):
    with pytest.raises(FeedError) as refused:
        parse_feed(data, BASE)
    assert str(refused.value).startswith(reason) and "\n" not in str(refused.value)


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY file SYSTEM "file://{secret}">]><rss><channel>'
        "<item><title>&file;</title><link>https://d.example/1</link></item></channel></rss>"
    ).encode()
    [item] = parse_feed(data, BASE).items
    assert item.url == "https://d.example/1" and "TOP-SECRET" not in (item.title or "")


def test_an_entity_bomb_is_refused_as_malformed_not_expanded():
    laughs = "".join(f'<!ENTITY l{n} "&l{n - 1};&l{n - 1};&l{n - 1};&l{n - 1};">' for n in range(1, 16))
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{laughs}]><rss><channel>'
        "<item><title>&l15;</title><link>https://d.example/2</link></item></channel></rss>"
    ).encode()
    with pytest.raises(FeedError, match=r"^malformed XML \(.*amplification"):
        parse_feed(data, BASE)


def test_page_addresses_drop_the_fragment_and_the_case_of_scheme_and_host():
    assert page_address("HTTPS://News.Example.ORG/World/Story?id=7#comments") == (
        "https://news.example.org/World/Story?id=7"
    )


def test_an_item_is_known_by_its_address_and_its_guid():
    with_guid = FeedItem("https://e.example/1", "g-1")
    moved = FeedItem("https://e.example/1?utm=x", "g-1")
    assert set(with_guid.seen_keys()) & set(moved.seen_keys())
    assert len(FeedItem("https://e.example/1").seen_keys()) == 1
