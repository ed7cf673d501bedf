"""A loopback HTTP server of feeds and pages for the watch tests: it logs every request and honours
conditional requests as a careful news site does (ETag and Last-Modified → 304)."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

DISPATCHES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "dispatches.txt"


def dispatches() -> list[str]:
    """The fifty test dispatches (our own one-sentence accounts of real diplomatic events)."""
    lines = DISPATCHES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@dataclass
class Route:
    body: bytes
    content_type: str
    status: int = 200
    fail_first: int = 0  # answer 503 to this many requests first (a feed that is down a while)
    validators: bool = True  # send ETag and Last-Modified (and so answer 304 when they match)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Logged:
    path: str
    host: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int


@dataclass
class FeedServer:
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    modified: str = formatdate(1_751_600_000, usegmt=True)  # one Last-Modified for every answer

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", **kw):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **kw)

    def requests(self, path: str) -> list[Logged]:
        return [entry for entry in self.log if entry.path == path]

    def page(self, path: str, title: str, text: str) -> None:
        """An article page as a news site would write it: head, navigation, the story, a footer."""
        self.serve(
            path,
            f"<html><head><title>{escape(title)}</title></head><body><nav>Home | World | Opinion</nav>"
            f"<article><h1>{escape(title)}</h1><p>{escape(text)}</p></article>"
            "<footer>All rights reserved.</footer></body></html>",
        )

    def rss(self, path: str, items: list[tuple[str, str | None, str]], **kw) -> None:
        """An RSS 2.0 feed of (link, guid, title) items."""
        entries = "".join(
            f"<item><title>{xml_escape(title)}</title><link>{xml_escape(link)}</link>"
            + (f'<guid isPermaLink="false">{xml_escape(guid)}</guid>' if guid else "")
            + "<pubDate>Fri, 04 Jul 2025 09:30:00 +0000</pubDate></item>"
            for link, guid, title in items
        )
        self.serve(
            path,
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>{self.url('/')}</link><description>test</description>{entries}</channel></rss>",
            "application/rss+xml",
            **kw,
        )


class _Handler(BaseHTTPRequestHandler):
    server_version = "FeedServer/1"

    def do_GET(self) -> None:
        owner: FeedServer = self.server.owner  # type: ignore[attr-defined]
        route = owner.routes.get(self.path)
        match, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        status = 404 if route is None else route.status
        if route is not None and route.fail_first > 0:
            route.fail_first -= 1
            status = 503
        elif (
            route is not None
            and status == 200
            and route.validators
            and _unchanged(route, match, since, owner.modified)
        ):
            status = 304
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        owner.log.append(Logged(self.path, host, match, since, status))
        self.send_response(status)
        if route is not None and route.validators and status in (200, 304):
            self.send_header("ETag", route.etag)
            self.send_header("Last-Modified", owner.modified)
        body = route.body if route is not None and status == 200 else b""
        if status == 200:
            self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # the log is the test's, not stderr's
        pass


def _unchanged(route: Route, match: str | None, since: str | None, modified: str) -> bool:
    """As RFC 9110 says: If-None-Match decides when sent, else If-Modified-Since."""
    if match:
        return match == route.etag
    return since == modified


def start() -> tuple[FeedServer, ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    owner = FeedServer(port=httpd.server_address[1])
    httpd.owner = owner  # type: ignore[attr-defined]
    # a short poll: shutdown() waits up to one poll (0.5 s by default) after every test
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    return owner, httpd
