"""``chancery batch`` on a real Dask cluster equals ``chancery code``, whatever dies along the way.

A scheduler and two worker processes (one thread each) are started on 127.0.0.1 with the ``dask``
command line, on free ports, for this module. The corpus is generated stories about real
diplomatic events (benchmarks/diplomatic_corpus.py), split over a JSONL file with bad lines, a
gzipped JSONL file and a Parquet file; ``chancery code --format json`` over the same records in
plain JSONL is the reference. Each run must end with exactly the reference's events and quotes
(same ids, every field), each once, and the bad lines in problems.jsonl with file, line and why.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import cloudpickle
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from crash_helpers import POSTGRES_URL, backend, drop
from distributed import Client
from typer.testing import CliRunner

from chancery.batch import Manifest, event_dict, quote_dict, run_batch
from chancery.cli import app
from chancery.ledger import open_ledger
from chancery.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import diplomatic_corpus  # noqa: E402 - found through the line above

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
BAD_LINES = ("{not json at all", '{"title": "a record with no text"}')


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The address of a scheduler with two single-threaded worker processes (with nannies)."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    common = {
        "cwd": folder,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "start_new_session": True,
    }
    started = [
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", scheduler_file],
            **common,
        )
    ]  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for _ in range(2):
            started.append(
                subprocess.Popen(
                    [BIN / "dask", "worker", address, "--nworkers", "1", "--nthreads", "1",
                     "--host", "127.0.0.1", "--no-dashboard"],
                    **common,
                )
            )  # fmt: skip
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(started):  # each started in its own session: its nanny and worker too
            os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(batch inputs, the same records as plain JSONL for ``chancery code``)."""
    folder = tmp_path_factory.mktemp("corpus")
    records = diplomatic_corpus.stories(40)
    lines = [json.dumps(r) for r in records[:20]]
    lines[4:4] = [BAD_LINES[0]]  # line 5
    lines[11:11] = ["", BAD_LINES[1]]  # a blank line 12, and line 13
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n")
    with gzip.open(folder / "more.jsonl.gz", "wt") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records[20:30])
    pq.write_table(pa.Table.from_pylist(records[30:]), folder / "rest.parquet", row_group_size=4)
    plain = folder / "plain"
    plain.mkdir()
    (plain / "a.jsonl").write_text("\n".join(lines) + "\n")
    diplomatic_corpus.write_jsonl(plain / "b.jsonl", records[20:30])
    diplomatic_corpus.write_jsonl(plain / "c.jsonl", records[30:])
    inputs = [str(folder / "wire.jsonl"), str(folder / "*.jsonl.gz"), str(folder / "rest.parquet")]
    return inputs, [str(plain / name) for name in ("a.jsonl", "b.jsonl", "c.jsonl")]


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """What ``chancery code --format json`` gives for the corpus: events, quotes, article ids."""
    command = ["code", *corpus[1], "--format", "json", "--workers", "1", "-q"]
    result = CliRunner().invoke(app, command, env={"CHANCERY_CONFIG": ""})
    assert result.exit_code == 1, result.output  # the two bad lines
    articles = json.loads(result.stdout)["articles"]
    assert len(articles) == 40
    return {
        "events": [e for a in articles for e in a["events"]],
        "quotes": [q for a in articles for q in a["quotes"]],
        "articles": sorted(a["id"] for a in articles),
    }


def batch(corpus, out: Path, address: str, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")} | {"CHANCERY_CONFIG": ""}
    return subprocess.Popen(
        [BIN / "chancery", "batch", *corpus[0], "--out", out, "--scheduler", address, "-q", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def dataset(out: Path, name: str) -> list[dict]:
    table = ds.dataset(out / name, partitioning="hive").to_table()
    return table.drop_columns(["month"]).to_pylist()


def canonical(rows: list[dict]) -> Counter:
    return Counter(json.dumps(row, sort_keys=True) for row in rows)


def assert_equal_to_code(out: Path, reference: dict) -> None:
    events = [event_dict(row) for row in dataset(out, "events")]
    quotes = [quote_dict(row) for row in dataset(out, "quotes")]
    assert len(events) == len(reference["events"]) > 80
    assert len(quotes) == len(reference["quotes"]) > 10
    assert canonical(events) == canonical(reference["events"])
    assert canonical(quotes) == canonical(reference["quotes"])
    assert len({e["id"] for e in events}) == len(events)  # none twice
    assert sorted(row["id"] for row in dataset(out, "articles")) == reference["articles"]


def manifest_entries(out: Path) -> int:
    path = out / "manifest.jsonl"
    return max(len(path.read_text().splitlines()) - 1, 0) if path.exists() else 0


@pytest.fixture(scope="module")
def finished(cluster, corpus, tmp_path_factory):
    """An output folder of one uninterrupted run, and that run's exit code and stderr."""
    out = tmp_path_factory.mktemp("batch") / "out"
    code, stderr = finish(batch(corpus, out, cluster, "--partition-size", "5"))
    return out, code, stderr


def test_batch_on_a_cluster_holds_exactly_what_code_gives(finished, reference, corpus):
    out, code, stderr = finished
    assert code == 1, stderr  # the bad lines, reported; everything else coded
    assert_equal_to_code(out, reference)
    for name in ("articles", "events", "quotes"):  # each row in the folder of its own date's month
        rows = ds.dataset(out / name, partitioning="hive").to_table(columns=["date", "month"]).to_pylist()
        assert all(row["month"] == (row["date"] or "undated")[:7] for row in rows)
        assert len({row["month"] for row in rows}) > 5
    problems = [json.loads(line) for line in (out / "problems.jsonl").read_text().splitlines()]
    wire = corpus[0][0]
    assert [(p["file"], p["line"]) for p in problems] == [(wire, 5), (wire, 13)]
    assert problems[0]["reason"].startswith("not valid JSON")
    assert problems[1]["reason"].startswith('no "text" field')
    assert "problem(s)" in stderr and f"{wire}:5: not valid JSON" in stderr


def test_a_second_run_over_a_finished_folder_codes_and_writes_nothing(finished, cluster, corpus):
    out = finished[0]
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*.parquet")}
    code, stderr = finish(batch(corpus, out, cluster, "--partition-size", "5"))
    assert code == 1, stderr
    assert "9 partition(s), 9 already done" in stderr  # 23 lines of wire.jsonl, 10 gzipped, 10 rows
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*.parquet")} == before


def test_another_partition_size_in_the_same_folder_is_refused(finished, cluster, corpus):
    code, stderr = finish(batch(corpus, finished[0], cluster, "--partition-size", "7"))
    assert code == 2
    assert "written with other settings (partition_size 5 -> 7)" in stderr


def _executing(dask_worker) -> tuple[int, list[str]]:
    """Run on each worker: its pid and the tasks it is executing now (not merely holding)."""
    return os.getpid(), [str(task.key) for task in dask_worker.state.executing]


cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module


def test_a_worker_killed_mid_partition_is_replaced_and_nothing_is_missing_or_twice(
    cluster, corpus, reference, tmp_path
):
    out = tmp_path / "out"
    with Client(cluster, timeout=30) as client:
        pids_before = set(client.run(os.getpid).values())
        process = batch(corpus, out, cluster, "--partition-size", "5")
        killed = None
        deadline = time.monotonic() + 120
        while killed is None and time.monotonic() < deadline and process.poll() is None:
            for pid, keys in client.run(_executing).values():
                if any(key.startswith("chancery-") for key in keys):
                    os.kill(pid, signal.SIGKILL)
                    killed = (pid, keys)
                    break
            time.sleep(0.02)
        assert killed is not None, "no worker was caught coding a partition"
        code, stderr = finish(process)
        client.wait_for_workers(2, timeout=60)
        pids_after = set(client.run(os.getpid).values())
    assert code == 1, stderr
    assert killed[0] in pids_before and killed[0] not in pids_after  # replaced by its nanny
    partition = killed[1][0].rsplit("-", 1)[1]
    with Manifest.open(out, json.loads((out / "manifest.jsonl").read_text().splitlines()[0])) as manifest:
        assert partition in manifest.finished  # the partition it was coding was coded again
        assert len(manifest.finished) == 9
    assert_equal_to_code(out, reference)


def test_an_interrupted_run_run_again_ends_as_an_uninterrupted_one(cluster, corpus, reference, tmp_path):
    out = tmp_path / "out"
    process = batch(corpus, out, cluster, "--partition-size", "3")
    deadline = time.monotonic() + 120
    while manifest_entries(out) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done = manifest_entries(out)
    assert 2 <= done < 16  # 8 + 4 + 4 partitions of 3 records in all
    code, stderr = finish(batch(corpus, out, cluster, "--partition-size", "3"))
    assert code == 1, stderr
    assert f"16 partition(s), {done} already done" in stderr
    assert manifest_entries(out) == 16
    assert not list(out.rglob("*.tmp"))
    assert_equal_to_code(out, reference)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_loading_the_output_into_a_ledger_stores_each_article_once(
    finished, corpus, reference, tmp_path, kind
):
    if kind == "postgresql" and not POSTGRES_URL:
        pytest.skip("CHANCERY_TEST_POSTGRES_URL is not set")
    place = backend(kind, tmp_path)
    try:
        settings = Settings.load({"partition_size": 5}, env={"CHANCERY_CONFIG": ""})
        with open_ledger(place.url, create=True) as ledger:
            # Every partition is finished: no cluster is needed, only the load runs.
            first = run_batch(corpus[0], finished[0], settings, ledger=ledger).loaded
            again = run_batch(corpus[0], finished[0], settings, ledger=ledger).loaded
            stored_events = ledger.events()
            stored_quotes = ledger.quotes()
        assert (first.stored, first.already, first.refused) == (40, 0, ())
        assert (again.stored, again.already) == (0, 40)
        assert sorted(e.id for e in stored_events) == sorted(e["id"] for e in reference["events"])
        assert sorted(q.id for q in stored_quotes) == sorted(q["id"] for q in reference["quotes"])
    finally:
        drop(place)
