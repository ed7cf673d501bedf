"""Watching feeds: poll RSS/Atom feeds and sitemaps, fetch the pages of new items, code and store them.

Each poll asks every feed only for what changed since the last answer (ETag and Last-Modified,
remembered in the ledger), fetches the page of each item no earlier poll stored (known by its
address and its guid), reads it with the HTML reader that files go through, and stores the
articles as ``chancery ingest`` does (``ingest_items``: same coding, same transactions, one run
per poll). A feed that cannot be read is tried again after the others, waiting twice as long each
time, then reported; a page that cannot be read is reported; neither stops the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from chancery.errors import ChanceryError
from chancery.ingest.feeds import FeedError, page_address, parse_feed
from chancery.ingest.fetch import Fetcher, FetchError
from chancery.ingest.pages import read_page
from chancery.pipeline import IngestReport, Pipeline, ingest_items
from chancery.records import Article, FeedItem, FeedState, InputNote, InputProblem
from chancery.stopping import uncut


def feed_urls(given: Sequence[str]) -> list[str]:
    """The feed addresses given, each once in the order given; ``ChanceryError`` naming one that is
    not an http(s) URL (nothing is fetched then)."""
    urls: list[str] = []
    for url in given:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ChanceryError(
                f"feed URL {url!r} is not an http:// or https:// address; give the feed's full URL"
            )
        address = page_address(url)
        if address not in urls:
            urls.append(address)
    return urls


@dataclass(frozen=True)
class WatchRound:
    """What one poll did: feeds fetched (sitemaps an index lists included), pages fetched and stored.

    ``lines`` are the one-line reports in the order they arose: feeds not read after every retry,
    then the pages' problems and notes as ``ingest`` reports them (the page's address and why).
    """

    feeds: int = 0
    not_modified: int = 0
    failed_feeds: int = 0
    new_items: int = 0
    ingest: IngestReport | None = None
    lines: tuple[InputProblem, ...] = ()

    @property
    def stored(self) -> int:
        return self.ingest.run.stored if self.ingest else 0

    @property
    def already(self) -> int:
        return self.ingest.already if self.ingest else 0

    @property
    def events(self) -> int:
        return self.ingest.run.events if self.ingest else 0

    @property
    def problems(self) -> tuple[InputProblem, ...]:
        return tuple(line for line in self.lines if not isinstance(line, InputNote))


class Watcher:
    """Polls ``feeds`` into ``ledger`` through ``pipeline``; ``sleep`` and ``clock`` are the time it
    waits by (between retries and polls), so that tests need not wait."""

    def __init__(
        self,
        pipeline: Pipeline,
        ledger: Any,
        feeds: Sequence[str],
        *,
        fetcher: Fetcher | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        settings = pipeline.settings
        self.pipeline = pipeline
        self.ledger = ledger
        self.feeds = feed_urls(feeds)
        self.fetcher = fetcher or Fetcher(
            timeout=settings.watch_timeout,
            max_bytes=settings.max_file_bytes,
            host_delay=settings.watch_host_delay,
            clock=clock,
            sleep=sleep,
        )
        self.sleep = sleep
        self.clock = clock

    def run(self, on_round: Callable[[WatchRound], None], *, rounds: int | None = None) -> None:
        """Poll every ``watch_interval`` seconds (from the start of one poll to the next), handing
        each poll's report to ``on_round``; stop after ``rounds`` polls (None: never)."""
        done = 0
        while True:
            started = self.clock()
            on_round(self.poll())
            done += 1
            if rounds is not None and done >= rounds:
                return
            wait = started + self.pipeline.settings.watch_interval - self.clock()
            if wait > 0:
                self.sleep(wait)

    def poll(self) -> WatchRound:
        """One poll: every feed, then the pages of the new items, stored; nothing partial is kept."""
        settings = self.pipeline.settings
        states: dict[str, FeedState] = {}
        items: list[FeedItem] = []
        claimed: set[str] = set()  # keys of the items taken this poll: two feeds may list one page
        queue, visited = list(self.feeds), set(self.feeds)
        failures: dict[str, str] = {}
        fetched = not_modified = 0
        for attempt in range(settings.watch_retries + 1):
            if attempt:
                self.sleep(settings.watch_backoff * 2 ** (attempt - 1))
            failures = {}
            position = 0
            while position < len(queue):  # a sitemap index adds its sitemaps to the queue
                url = queue[position]
                position += 1
                try:
                    state, found, sitemaps = self._poll_feed(url)
                except (FetchError, FeedError) as exc:
                    failures[url] = str(exc)
                    continue
                fetched += 1
                not_modified += found is None
                states[url] = state
                for sitemap in sitemaps:
                    if sitemap not in visited:
                        visited.add(sitemap)
                        queue.append(sitemap)
                for item in self._new(found or (), claimed):
                    items.append(item)
            queue = list(failures)
            if not queue:
                break
        attempts = settings.watch_retries + 1
        lines = [
            InputProblem(url, f"feed not read ({attempts} attempt(s)): {reason}")
            for url, reason in failures.items()
        ]
        report = None
        if items:
            read: dict[str, str] = {}  # item address -> id of the article its page gave
            report = ingest_items(self.pipeline, self.ledger, self._articles(items, read), inputs=self.feeds)
            lines.extend(report.lines)
            refused = {line.source for line in report.problems}
            stored = [(item, read[item.url]) for item in items if item.url in read.keys() - refused]
            with uncut():
                self.ledger.remember_feed_items(stored, _now())
        with uncut():  # only once the pages are stored: a poll cut short is asked again in full
            self.ledger.save_feed_states(list(states.values()))
        return WatchRound(
            feeds=fetched + len(failures),
            not_modified=not_modified,
            failed_feeds=len(failures),
            new_items=len(items),
            ingest=report,
            lines=tuple(lines),
        )

    def _poll_feed(self, url: str) -> tuple[FeedState, tuple[FeedItem, ...] | None, tuple[str, ...]]:
        """The feed's new state, its items (None when unchanged) and the sitemaps it lists."""
        known = self.ledger.feed_state(url) or FeedState(url)
        answer = self.fetcher.get(url, etag=known.etag, last_modified=known.last_modified)
        if answer.not_modified:
            state = FeedState(
                url,
                answer.etag or known.etag,
                answer.last_modified or known.last_modified,
                _now(),
                known.sitemaps,
            )
            return state, None, known.sitemaps
        feed = parse_feed(answer.body, answer.url)
        state = FeedState(url, answer.etag, answer.last_modified, _now(), feed.sitemaps)
        return state, feed.items, feed.sitemaps

    def _new(self, found: Sequence[FeedItem], claimed: set[str]) -> Iterator[FeedItem]:
        """The items of ``found`` that neither an earlier poll stored nor this poll took already."""
        seen = self.ledger.seen_feed_items(key for item in found for key in item.seen_keys())
        for item in found:
            keys = item.seen_keys()
            if seen.isdisjoint(keys) and claimed.isdisjoint(keys):
                claimed.update(keys)
                yield item

    def _articles(self, items: Sequence[FeedItem], read: dict[str, str]) -> Iterator[Article | InputProblem]:
        """Each item's page as an article (or the problem with it), fetched as the coder asks for it."""
        settings = self.pipeline.settings
        for item in items:
            try:
                page = self.fetcher.get(item.url)
            except FetchError as exc:
                yield InputProblem(item.url, str(exc))
                continue
            article = read_page(
                page.body,
                item,
                content_type=page.content_type,
                max_chars=settings.max_chars,
                max_line_chars=settings.max_line_chars,
            )
            if isinstance(article, Article):
                read[item.url] = article.id
            yield article


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
