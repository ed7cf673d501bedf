"""Fetching feeds and pages over HTTP(S) with the standard library: conditional requests, bounded
reads, and a politeness delay between two requests to the same host."""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urlsplit

from chancery import __version__
from chancery.ingest.bounded import Capped, read_capped

USER_AGENT = f"chancery/{__version__} (news feed watcher)"


class FetchError(Exception):
    """A fetch that failed (network, HTTP status, too large); the message is one line."""


@dataclass(frozen=True)
class Fetched:
    """A server's answer: ``status`` 200 with the body, or 304 (not modified) with none."""

    url: str  # where the answer came from, after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GETs URLs one at a time, waiting ``host_delay`` seconds between two requests to one host.

    ``clock`` and ``sleep`` are the time it waits by (tests pass fakes); ``opener`` is urllib's,
    which follows redirects and honours the ``*_proxy`` environment variables.
    """

    def __init__(
        self,
        *,
        timeout: float = 30,
        max_bytes: int = 10_000_000,
        host_delay: float = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        opener: urllib.request.OpenerDirector | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.host_delay = host_delay
        self.clock = clock
        self.sleep = sleep
        self._opener = opener or urllib.request.build_opener()
        self._last: dict[str, float] = {}  # host -> when its last request ended

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The answer to GET ``url``, conditional on the validators given; ``FetchError`` on failure."""
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = (urlsplit(url).hostname or "").lower()
        self._wait_turn(host)
        try:
            return self._get(urllib.request.Request(url, headers=headers))
        finally:
            self._last[host] = self.clock()

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None and self.host_delay > 0:
            wait = last + self.host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def _get(self, request: urllib.request.Request) -> Fetched:
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = read_capped(response, self.max_bytes, stop_at_nul=False)
                return Fetched(
                    url=response.geturl(),
                    status=response.status,
                    body=body,
                    etag=response.headers.get("ETag"),
                    last_modified=response.headers.get("Last-Modified"),
                    content_type=response.headers.get("Content-Type"),
                )
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 304:
                return Fetched(
                    url=request.full_url,
                    status=304,
                    etag=exc.headers.get("ETag"),
                    last_modified=exc.headers.get("Last-Modified"),
                )
            raise FetchError(" ".join(f"HTTP {exc.code} {exc.reason or ''}".split())) from None
        except Capped:
            raise FetchError(
                f"over the limit of {self.max_bytes:,} bytes (raise max_file_bytes to read it)"
            ) from None
        except urllib.error.URLError as exc:
            raise FetchError(_network_reason(exc.reason)) from None
        except TimeoutError:
            raise FetchError(f"no answer within {self.timeout:g} s (watch_timeout)") from None
        except (OSError, HTTPException, ssl.SSLError, ValueError) as exc:
            raise FetchError(_network_reason(exc)) from None


def _network_reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "no answer in time (watch_timeout)"
    if isinstance(reason, socket.gaierror):
        return f"host not found ({reason.strerror or reason})"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = " ".join(str(getattr(reason, "strerror", None) or reason).split())
    return f"network error ({text or type(reason).__name__})"
