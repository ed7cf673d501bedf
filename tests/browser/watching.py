"""Watching a browser page: requests to any host but this machine are aborted and counted, and
console errors and uncaught exceptions are kept."""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


class Watch:
    """What a page did that it must not: requests leaving the machine, console errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []


def new_page(browser, watch: Watch, **options):
    """A page in a new browser context, watched by ``watch``; returns (context, page)."""
    context = browser.new_context(**options)

    def guard(route):
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "about:")) or host in LOOPBACK or host.startswith("127."):
            route.continue_()
        else:
            watch.outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return context, page
