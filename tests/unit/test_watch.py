"""chancery watch: feeds polled from a loopback server, each article stored once, failures reported
in one line while the rest goes on, conditional requests honoured, time injected (no test waits)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from feed_server import dispatches, start
from typer.testing import CliRunner

from chancery.cli import app
from chancery.errors import ChanceryError
from chancery.ingest.fetch import Fetcher, FetchError
from chancery.ledger import open_ledger
from chancery.pipeline.watch import Watcher, feed_urls
from chancery.settings import Settings

pytestmark = pytest.mark.slow


class FakeTime:
    """A clock that moves only when slept on; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server():
    owner, httpd = start()
    yield owner
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def ledger(tmp_path):
    with open_ledger(f"sqlite:///{tmp_path / 'ledger.db'}") as opened:
        yield opened


@pytest.fixture
def watcher_for(pipeline, ledger):
    """watcher_for(feeds, **settings) -> (Watcher, FakeTime): the session's model, one process,
    no politeness delay unless asked, and a fake clock for every wait."""

    def make(feeds, **values):
        settings = pipeline.settings.with_values({"workers": 1, "watch_host_delay": 0, **values})
        time = FakeTime()
        watcher = Watcher(
            replace(pipeline, settings=settings), ledger, feeds, sleep=time.sleep, clock=time.clock
        )
        return watcher, time

    return make


def _stored_urls(ledger) -> list[str]:
    return sorted(article.url for article in ledger.articles())


def test_fifty_items_repeated_over_three_polls_end_as_48_articles_and_2_reported(server, ledger, watcher_for):
    """Issue 14's done-when: 50 items, 10 repeated across three polls, 2 pages failing → 48 stored,
    the 2 reported, no duplicate; then a run over the unchanged feed fetches no page (304 only)."""
    texts = dispatches()
    broken = {7: 500, 27: 404}
    for number, text in enumerate(texts):
        if number in broken:
            server.serve(f"/news/{number}", "Service trouble", status=broken[number])
        else:
            server.page(f"/news/{number}", f"Dispatch {number}", text)

    def item(number, link_suffix="", guid_suffix=""):
        return (
            server.url(f"/news/{number}{link_suffix}"),
            f"wire-{number}{guid_suffix}",
            f"Dispatch {number}",
        )

    polls = [
        [item(n) for n in range(20)],
        # 5 repeats: 2 as they were, 3 under a new address (a tracking parameter) but the same guid
        [item(n) for n in range(20, 35)] + [item(3), item(4)] + [item(n, "?utm=rss") for n in (5, 6, 8)],
        # 5 repeats: 2 as they were, 3 at the same address under a new guid
        [item(n) for n in range(35, 50)] + [item(21), item(22)] + [item(n, "", "-v2") for n in (23, 24, 25)],
    ]
    watcher, _ = watcher_for([server.url("/feed.xml")])
    rounds = []
    for listed in polls:
        server.rss("/feed.xml", listed)
        rounds.append(watcher.poll())

    assert [r.new_items for r in rounds] == [20, 15, 15]  # every repeat recognised, by address or guid
    assert sum(r.stored for r in rounds) == 48 and sum(r.already for r in rounds) == 0
    problems = [str(line) for r in rounds for line in r.problems]
    assert problems == [
        f"{server.url('/news/7')}: HTTP 500 Internal Server Error",
        f"{server.url('/news/27')}: HTTP 404 Not Found",
    ]
    urls = _stored_urls(ledger)
    assert len(urls) == len(set(urls)) == 48
    assert set(urls) == {server.url(f"/news/{n}") for n in range(50) if n not in broken}
    assert ledger.counts()["articles"] == 48
    pages = [entry for entry in server.log if entry.path.startswith("/news/")]
    assert len(pages) == 50 and len({entry.path for entry in pages}) == 50  # each page fetched once

    # A second run (a new watcher, as a new process would make) over the unchanged feed.
    server.log.clear()
    again, _ = watcher_for([server.url("/feed.xml")])
    quiet = again.poll()
    assert [(e.path, e.status) for e in server.log] == [("/feed.xml", 304)]
    assert server.log[0].if_none_match == server.routes["/feed.xml"].etag
    assert server.log[0].if_modified_since == server.modified
    assert (quiet.feeds, quiet.not_modified, quiet.new_items, quiet.lines) == (1, 1, 0, ())
    assert ledger.counts()["articles"] == 48


def test_the_same_story_at_two_addresses_is_stored_once_by_its_content(server, ledger, watcher_for):
    text = dispatches()[0]
    server.page("/story", "Moscow recognises the Taliban", text)
    server.page("/print/story", "Moscow recognises the Taliban", text)
    server.rss("/a.xml", [(server.url("/story"), "a-1", "Moscow recognises")])
    server.rss("/b.xml", [(server.url("/print/story"), "b-1", "Moscow recognises")])
    watcher, _ = watcher_for([server.url("/a.xml"), server.url("/b.xml")])
    first = watcher.poll()
    assert (first.new_items, first.stored, first.already) == (2, 1, 1)
    assert ledger.counts()["articles"] == 1
    server.rss("/b.xml", [(server.url("/print/story"), "b-1", "Moscow recognises (updated)")])
    assert watcher.poll().new_items == 0  # both addresses remembered, though only one was stored


def test_an_atom_feed_is_read_with_relative_links_and_its_dates(server, ledger, watcher_for):
    texts = dispatches()
    server.page("/world/sweden-nato", "Sweden joins NATO", texts[10])
    server.page("/world/finland-nato", "Finland joins NATO", texts[9])
    server.serve(
        "/atom.xml",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="/world/">'
        "<title>World</title><id>urn:world</id>"
        '<entry><title>Sweden joins NATO</title><id>urn:sweden</id><link href="sweden-nato"/>'
        "<published>2024-03-07T12:00:00+01:00</published></entry>"
        "<entry><title>Finland joins NATO</title><id>urn:finland</id>"
        '<link rel="alternate" href="finland-nato"/>'
        '<link rel="enclosure" href="/photo.jpg"/><updated>2023-04-04T15:00:00Z</updated></entry></feed>',
        "application/atom+xml",
    )
    watcher, _ = watcher_for([server.url("/atom.xml")])
    poll = watcher.poll()
    assert (poll.stored, poll.problems) == (2, ())
    stored = {a.url: a for a in ledger.articles()}
    sweden = stored[server.url("/world/sweden-nato")]
    assert (sweden.date, sweden.date_basis, sweden.title) == ("2024-03-07", "feed", "Sweden joins NATO")
    assert stored[server.url("/world/finland-nato")].date == "2023-04-04"


def test_a_sitemap_index_is_followed_and_its_sitemaps_polled_even_when_it_is_unchanged(
    server, ledger, watcher_for
):
    texts = dispatches()
    for number in (41, 42, 43):
        server.page(f"/s/{number}", f"Dispatch {number}", texts[number])
    urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
    server.serve(
        "/sm-1.xml", urlset.format(f"<url><loc>{server.url('/s/41')}</loc></url>"), "application/xml"
    )
    server.serve(
        "/sm-2.xml",
        urlset.format(f"<url><loc>{server.url('/s/42')}</loc><lastmod>2018-05-01</lastmod></url>"),
        "application/xml",
    )
    server.serve(
        "/sitemap.xml",
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>/sm-1.xml</loc></sitemap><sitemap><loc>/sm-2.xml</loc></sitemap></sitemapindex>",
        "application/xml",
    )
    watcher, _ = watcher_for([server.url("/sitemap.xml")])
    first = watcher.poll()
    assert (first.feeds, first.stored) == (3, 2)
    # The index stays the same; one of its sitemaps gains an article.
    server.serve(
        "/sm-2.xml",
        urlset.format("".join(f"<url><loc>{server.url(f'/s/{n}')}</loc></url>" for n in (42, 43))),
        "application/xml",
    )
    server.log.clear()
    second = watcher.poll()
    assert [(e.path, e.status) for e in server.log] == [
        ("/sitemap.xml", 304),
        ("/sm-1.xml", 304),
        ("/sm-2.xml", 200),
        ("/s/43", 200),
    ]
    assert (second.feeds, second.not_modified, second.stored) == (3, 2, 1)
    assert server.url("/s/43") in _stored_urls(ledger)


def test_a_malformed_feed_is_retried_then_reported_in_one_line_and_the_others_go_on(
    server, ledger, watcher_for
):
    server.page("/ok/1", "Honduras and China", dispatches()[2])
    server.rss("/good.xml", [(server.url("/ok/1"), "ok-1", "Honduras and China")])
    server.serve("/broken.xml", "<rss><channel><item><title>cut off", "application/rss+xml")
    server.serve("/page.xml", "<html><body>a web page</body></html>", "text/html")
    feeds = [server.url("/broken.xml"), server.url("/good.xml"), server.url("/page.xml")]
    watcher, time = watcher_for(feeds, watch_retries=2, watch_backoff=3)
    poll = watcher.poll()
    assert poll.stored == 1 and poll.failed_feeds == 2
    lines = [str(line) for line in poll.problems]
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    assert lines[0].startswith(f"{server.url('/broken.xml')}: feed not read (3 attempt(s)): malformed XML (")
    assert lines[1] == (
        f"{server.url('/page.xml')}: feed not read (3 attempt(s)): "
        "not an RSS, Atom or sitemap document (its root element is <html>)"
    )
    assert time.sleeps == [3, 6]  # exponential backoff, on the injected clock
    assert len(server.requests("/broken.xml")) == 3 and len(server.requests("/good.xml")) == 1
    assert ledger.feed_state(server.url("/broken.xml")) is None  # nothing remembered of a failed feed


def test_a_feed_that_is_down_a_while_is_retried_with_growing_waits_after_the_others(
    server, ledger, watcher_for
):
    texts = dispatches()
    server.page("/a/1", "Cuba", texts[40])
    server.page("/b/1", "Havana", texts[39])
    server.rss("/flaky.xml", [(server.url("/a/1"), "a-1", "Cuba")], fail_first=2)
    server.rss("/steady.xml", [(server.url("/b/1"), "b-1", "Havana")])
    server.rss("/down.xml", [], fail_first=99)
    feeds = [server.url(p) for p in ("/flaky.xml", "/steady.xml", "/down.xml")]
    watcher, time = watcher_for(feeds, watch_retries=3, watch_backoff=2)
    poll = watcher.poll()
    assert time.sleeps == [2, 4, 8]
    assert [e.path for e in server.log if e.path.endswith(".xml")] == [
        "/flaky.xml", "/steady.xml", "/down.xml",  # the first attempt at every feed
        "/flaky.xml", "/down.xml",  # after 2 s
        "/flaky.xml", "/down.xml",  # after 4 s: the flaky feed answers
        "/down.xml",  # after 8 s
    ]  # fmt: skip
    assert poll.stored == 2
    assert [str(line) for line in poll.problems] == [
        f"{server.url('/down.xml')}: feed not read (4 attempt(s)): HTTP 503 Service Unavailable"
    ]


def test_requests_to_one_host_wait_the_politeness_delay_and_other_hosts_do_not(server):
    for path in ("/p/1", "/p/2", "/p/3"):
        server.serve(path, "<html><body><p>x</p></body></html>")
    time = FakeTime()
    fetcher = Fetcher(host_delay=5, clock=time.clock, sleep=time.sleep)
    fetcher.get(server.url("/p/1"))
    fetcher.get(server.url("/p/2", host="localhost"))  # another host name: no wait
    assert time.sleeps == []
    fetcher.get(server.url("/p/3"))  # 127.0.0.1 again, no time gone by on the clock
    time.now += 2
    fetcher.get(server.url("/p/1"))  # 2 s gone of the 5 since its last request
    assert time.sleeps == [5, 3]
    assert [e.host for e in server.log] == ["127.0.0.1", "localhost", "127.0.0.1", "127.0.0.1"]


def test_a_refused_connection_and_an_oversized_answer_are_one_line_fetch_errors(server):
    import socket

    with socket.socket() as closed:  # a port that was free a moment ago, and nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(FetchError, match=r"^connection refused$"):
        Fetcher(host_delay=0).get(f"http://127.0.0.1:{port}/feed.xml")
    server.serve("/big", b"x" * 5000)
    with pytest.raises(FetchError, match=r"^over the limit of 4,096 bytes \(raise max_file_bytes"):
        Fetcher(host_delay=0, max_bytes=4096).get(server.url("/big"))


def test_a_page_that_is_no_article_is_reported_and_tried_again_when_listed_again(server, ledger, watcher_for):
    server.serve("/doc.pdf", b"%PDF-1.4", "application/pdf")
    server.serve(
        "/empty", "<html><head><title>Gone</title></head><body><script>var x=1;</script></body></html>"
    )
    links = [(server.url("/doc.pdf"), None, "A PDF"), (server.url("/empty"), None, "Nothing")]
    server.rss("/feed.xml", links)
    watcher, _ = watcher_for([server.url("/feed.xml")])
    assert [str(line) for line in watcher.poll().problems] == [
        f"{server.url('/doc.pdf')}: not an HTML page (served as application/pdf)",
        f"{server.url('/empty')}: no article text found in HTML",
    ]
    server.rss("/feed.xml", [*links, (server.url("/empty"), "new-guid", "Nothing again")])
    assert watcher.poll().new_items == 2  # not stored, so not remembered: asked for again
    assert ledger.counts()["articles"] == 0


def test_a_bad_feed_url_is_one_line_and_nothing_runs():
    with pytest.raises(ChanceryError, match=r"^feed URL 'ftp://example\.org/feed' is not an http"):
        feed_urls(["http://example.org/rss", "ftp://example.org/feed"])
    result = subprocess.run(
        [sys.executable, "-m", "chancery", "watch", "news.example.org/rss", "--once"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "chancery: error: feed URL 'news.example.org/rss' is not an http:// or https:// address; "
        "give the feed's full URL\n"
    )


def test_watch_once_on_the_command_line_reports_and_remembers_between_runs(server, tmp_path, monkeypatch):
    monkeypatch.setenv("CHANCERY_CONFIG", "")
    texts = dispatches()
    server.page("/n/1", "Panama", texts[43])
    server.rss("/feed.xml", [(server.url("/n/1"), "n-1", "Panama"), (server.url("/n/2"), "n-2", "Gone")])
    args = ["watch", server.url("/feed.xml"), "--once", "--db", f"sqlite:///{tmp_path / 'w.db'}"]
    runner = CliRunner()
    first = runner.invoke(app, [*args, "--workers", "1"])
    assert first.exit_code == 1, first.output  # a page failed
    assert f"chancery: {server.url('/n/2')}: HTTP 404 Not Found" in first.stderr
    assert "watched 1 feed(s): 0 unchanged, 0 failed; 2 new page(s): 1 stored" in first.stderr
    second = runner.invoke(app, [*args, "--workers", "1"])
    assert second.exit_code == 0, second.output
    assert "watched 1 feed(s): 1 unchanged, 0 failed; 0 new page(s): 0 stored" in second.stderr
    assert [e.status for e in server.requests("/feed.xml")] == [200, 304]


def test_watch_settings_are_whole_seconds_checked_like_the_others():
    assert Settings.load({"watch_host_delay": 0, "config": ""}, env={}).watch_host_delay == 0
    with pytest.raises(ChanceryError, match=r"watch_interval.*at least 1"):
        Settings.load({"watch_interval": 0, "config": ""}, env={})
