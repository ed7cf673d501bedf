"""Browser fixtures: the real server (``chancery serve``, uvicorn) on a loopback port over a ledger
ingested from examples/, and Debian's chromium driven by Playwright.

Every page is watched: a request to any host but this machine is aborted and counted, and every
console error or uncaught exception is kept; a test passes only when both lists stay empty.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from watching import Watch, new_page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, pipeline) -> str:
    """A SQLite ledger of every article in examples/, ingested as ``chancery ingest examples/`` does."""
    from chancery.ledger import open_ledger
    from chancery.pipeline import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('served') / 'examples.db'}"
    with open_ledger(url) as ledger:
        report = ingest(pipeline, ledger, [str(ROOT / "examples")])
    assert not report.failed, report.problems
    return url


@pytest.fixture(scope="session")
def server(examples_db, tmp_path_factory) -> str:
    """The base URL of ``chancery serve`` over the examples ledger, on a free loopback port."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    env["CHANCERY_CONFIG"] = ""
    log = (tmp_path_factory.mktemp("server") / "serve.log").open("w")
    command = [sys.executable, "-m", "chancery", "serve", "--db", examples_db, "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/v1/articles?limit=1", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    started = Path(log.name).read_text()
                    raise RuntimeError(f"chancery serve did not start: {started}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"the browser tests drive Debian's chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def watch():
    return Watch()


@pytest.fixture
def page(browser, watch):
    """A desktop-sized page; after the test, no request may have left the machine and no error shown."""
    context, opened = new_page(browser, watch, viewport={"width": 1280, "height": 900})
    yield opened
    context.close()
    assert watch.outside == [], f"requests left the machine: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"


@pytest.fixture
def phone(browser, watch):
    """A phone-sized page (390 px wide), watched the same way."""
    context, opened = new_page(browser, watch, viewport={"width": 390, "height": 844}, is_mobile=True)
    yield opened
    context.close()
    assert watch.outside == [], f"requests left the machine: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"
