"""Load on the web API: requests/s and latency of the summary, relations-as-of and events endpoints.

Usage: python benchmarks/api_load.py [--events N] [--clients N] [--seconds S] [--backends sqlite,postgresql]
                                     [--postgres URL] [--json PATH]

For each backend, a ledger of ``--events`` generated events (benchmarks/synthetic_ledger.py,
100,000 by default; reused from an earlier run when it holds the same records) is served by the
real server (``chancery serve``, uvicorn, one process) on a free loopback port.  ``--clients``
threads (8) then send requests for ``--seconds`` (30) after a 3-second warm-up, each on its own
kept-alive connection, cycling through:

- summary:    GET /api/v1/summary/{XXXGOV}?as_of=DAY   (who recognises a government on a day)
- relations:  GET /api/v1/relations?actor=XXX&as_of=DAY (a state's relations on a day, a page of 50)
- events:     GET /api/v1/events?actor=XXX&since=DAY    (a page of 50 events)
- floor:      GET /api/v1/articles?limit=1              (the reference: the same stack, the least work)

with states and days drawn from a seeded generator.  The floor measures what the server and the
clients cost by themselves under the same load, in the same run.  Every answer must be 200.
Traffic goes to 127.0.0.1 only, and every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa
import synthetic_ledger

from chancery.errors import LedgerError
from chancery.ledger import open_ledger

ROOT = Path(__file__).resolve().parents[1]
ENDPOINTS = ("summary", "relations", "events", "floor")
WARM_UP = 3.0
POSTGRES_SCHEMA = "chancery_bench_api"


def prepare(backend: str, events: int, postgres: str) -> str:
    """The URL of a ledger holding the generated records (built unless an earlier run left it)."""
    first = next(synthetic_ledger.articles(events)).article.id
    if backend == "sqlite":
        folder = Path(tempfile.gettempdir()) / "chancery-bench"
        folder.mkdir(exist_ok=True)
        url, schema = f"sqlite:///{folder / f'api-load-{events}.db'}", None
        served = url
    else:
        url, schema = postgres, POSTGRES_SCHEMA
        served = f"{postgres}{'&' if '?' in postgres else '?'}options=-csearch_path%3D{POSTGRES_SCHEMA}"
    try:
        with open_ledger(url, schema=schema) as ledger:
            if ledger.counts()["events"] == events and ledger.article(first) is not None:
                print(f"{backend}: reusing the ledger of {events:,} events", file=sys.stderr)
                return served
            ledger.drop()
    except LedgerError as refused:  # another chancery's ledger (numbered otherwise): make a new one
        print(f"{backend}: not reusing the earlier ledger: {refused}", file=sys.stderr)
        _discard(url, schema)
    started = time.perf_counter()
    with open_ledger(url, schema=schema) as ledger:
        batch = []
        for coded in synthetic_ledger.articles(events):
            batch.append(coded)
            if len(batch) == 250:
                ledger.store_many(batch)
                batch = []
        if batch:
            ledger.store_many(batch)
        counts = ledger.counts()
    took = time.perf_counter() - started
    print(f"{backend}: stored {counts['events']:,} events in {took:.0f} s", file=sys.stderr)
    return served


def _discard(url: str, schema: str | None) -> None:
    """Delete a ledger that this chancery refuses to open: its SQLite files, or its PostgreSQL schema."""
    if schema is None:
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        return
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    env["CHANCERY_CONFIG"] = ""
    command = [sys.executable, "-m", "chancery", "serve", "--db", url, "--port", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/articles?limit=1", timeout=5):
                return process, port
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"the server over {url} did not start")


def _paths(chance: random.Random, codes: list[str]):
    """Endless requests, cycling through the endpoints."""
    while True:
        day = f"{chance.randint(2001, 2025)}-{chance.randint(1, 12):02d}-{chance.randint(1, 28):02d}"
        code = chance.choice(codes)
        yield "summary", f"/api/v1/summary/{code}GOV?as_of={day}"
        yield "relations", f"/api/v1/relations?actor={code}&as_of={day}&limit=50"
        yield "events", f"/api/v1/events?actor={code}&since={day}&limit=50"
        yield "floor", "/api/v1/articles?limit=1"


def load(port: int, clients: int, seconds: float, seed: int) -> dict[str, list[float]]:
    """Latencies (s) per endpoint of the requests answered in the measured window."""
    codes = [code for code, _ in synthetic_ledger.states(120)]
    times: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
    failures: list[str] = []
    lock = threading.Lock()
    begin = time.perf_counter() + WARM_UP
    end = begin + seconds

    def client(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
        for name, path in _paths(random.Random(seed * 100 + number), codes):
            sent = time.perf_counter()
            if sent >= end:
                break
            connection.request("GET", path)
            answer = connection.getresponse()
            answer.read()
            took = time.perf_counter() - sent
            if answer.status != 200:
                with lock:
                    failures.append(f"{answer.status} {path}")
            elif sent >= begin:
                mine[name].append(took)
        connection.close()
        with lock:
            for name in ENDPOINTS:
                times[name].extend(mine[name])

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} request(s) failed, e.g. {failures[0]}")
    return times


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def summarise(times: dict[str, list[float]], seconds: float) -> dict[str, dict[str, float]]:
    return {
        name: {
            "requests": len(found),
            "per_s": len(found) / seconds,
            "p50_ms": 1000 * statistics.median(found) if found else float("nan"),
            "p95_ms": 1000 * _percentile(found, 0.95),
            "p99_ms": 1000 * _percentile(found, 0.99),
        }
        for name, found in times.items()
    }


def _commit() -> str:
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return found.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--backends", default="sqlite,postgresql")
    default_postgres = os.environ.get(
        "CHANCERY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
    )
    parser.add_argument("--postgres", default=default_postgres)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    results = {
        "commit": _commit(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "events": args.events,
        "digest": synthetic_ledger.digest(args.events),
        "clients": args.clients,
        "seconds": args.seconds,
        "load_before": os.getloadavg()[0],
        "backends": {},
    }
    for backend in args.backends.split(","):
        url = prepare(backend, args.events, args.postgres)
        process, port = start_server(url)
        try:
            times = load(port, args.clients, args.seconds, args.seed)
        finally:
            process.terminate()
            process.wait(timeout=30)
        results["backends"][backend] = summarise(times, args.seconds)
    print(
        f"{args.events:,} events (digest {results['digest']}), {args.clients} clients, {args.seconds:.0f} s"
    )
    header = ("backend", "endpoint", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms")
    print("{:<11} {:<10} {:>9} {:>8} {:>8} {:>8} {:>8}".format(*header))
    for backend, rows in results["backends"].items():
        total = sum(row["per_s"] for row in rows.values())
        for name, row in rows.items():
            print(f"{backend:<11} {name:<10} {row['requests']:>9} {row['per_s']:>8.1f} {row['p50_ms']:>8.1f} "
                  f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f}")  # fmt: skip
        print(f"{backend:<11} {'all':<10} {'':>9} {total:>8.1f}")
    path = args.json or ROOT / "benchmarks" / "results" / f"api_load-{results['commit']}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
