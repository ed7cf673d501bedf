"""``chancery batch`` on a local Dask cluster against ``chancery code --workers N``, on the same corpus.

Usage: python benchmarks/batch.py [--articles N] [--workers N] [--rounds R] [--json PATH]

The corpus is ``--articles`` generated wire stories about real diplomatic events
(benchmarks/diplomatic_corpus.py, seeded) in one JSONL file. Each mode runs as the command a
user types, in its own process, end to end (start, model loading in every worker, coding,
writing), ``--rounds`` times interleaved, and the median run is shown:

- code-N:  ``chancery code FILE --format jsonl --workers N`` to a null sink (the reference);
- batch-N: ``chancery batch FILE --out DIR --workers N``: a local cluster of N worker processes
           of one thread each, writing the Parquet shards and the manifest into a new folder.

``ratio`` is batch's articles/s over code's. Peak RSS per worker is the largest VmHWM among the
command's descendant processes (its workers), sampled from /proc every 0.1 s while it runs; the
parent's own peak is shown apart. ``uptime``'s load averages before and after are recorded,
since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import diplomatic_corpus  # noqa: E402 - the sibling module, found through the line above
from throughput import _commit, _descendants, _peak_mb  # noqa: E402 - the same /proc readings

BIN = Path(sys.executable).parent


class PeakSampler(threading.Thread):
    """Samples the peak RSS (VmHWM) of a process and of each of its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, float] = {}
        self.own = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.own = max(self.own, _peak_mb(self.pid))
            for child in _descendants(self.pid):
                self.peaks[child] = max(self.peaks.get(child, 0.0), _peak_mb(child))

    def stop(self) -> None:
        self._done.set()
        self.join()


def run_mode(mode: str, corpus: Path, workers: int, scratch: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")} | {"CHANCERY_CONFIG": ""}
    if mode.startswith("code"):
        command = [BIN / "chancery", "code", corpus, "--format", "jsonl", "--workers", str(workers), "-q"]
    else:
        out = Path(tempfile.mkdtemp(dir=scratch, prefix="out-"))
        command = [BIN / "chancery", "batch", corpus, "--out", out, "--workers", str(workers), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = PeakSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    sampler.stop()
    if process.returncode:
        raise SystemExit(f"{mode} failed ({process.returncode}):\n{stderr}")
    workers_mb = sorted(sampler.peaks.values(), reverse=True)[:workers]
    return {
        "mode": mode,
        "seconds": round(seconds, 2),
        "parent_peak_rss_mb": round(sampler.own),
        "worker_peak_rss_mb": round(max(workers_mb, default=0.0)),
    }


def load() -> str:
    return Path("/proc/loadavg").read_text().split(" (", 1)[0].rsplit(" ", 2)[0]


def run_all(args: argparse.Namespace) -> dict:
    before = load()
    with tempfile.TemporaryDirectory(prefix="chancery-batch-bench-") as folder:
        scratch = Path(folder)
        corpus = scratch / "stories.jsonl"
        records = diplomatic_corpus.stories(args.articles, seed=args.seed)
        digest = diplomatic_corpus.write_jsonl(corpus, records)
        words = sum(len(r["text"].split()) for r in records)
        n = args.workers
        modes = (f"code-{n}", f"batch-{n}")
        runs: dict[str, list[dict]] = {mode: [] for mode in modes}
        for _ in range(args.rounds):  # interleaved, so a busy spell of the machine hits both
            for mode in modes:
                runs[mode].append(run_mode(mode, corpus, n, scratch))
    rows = []
    for mode in modes:
        ordered = sorted(runs[mode], key=lambda row: row["seconds"])
        row = dict(ordered[len(ordered) // 2])
        row["seconds_range"] = [ordered[0]["seconds"], ordered[-1]["seconds"]]
        row["articles_per_s"] = round(args.articles / row["seconds"], 1)
        row["worker_peak_rss_mb"] = max(r["worker_peak_rss_mb"] for r in runs[mode])
        rows.append(row)
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "os": platform.platform()},
        "load_before": before,
        "load_after": load(),
        "corpus": {"articles": args.articles, "words": words, "seed": args.seed, "digest": digest},
        "workers": args.workers,
        "rounds": args.rounds,
        "rows": rows,
        "ratio": round(rows[1]["articles_per_s"] / rows[0]["articles_per_s"], 2),
    }


def show(result: dict) -> None:
    made = result["corpus"]
    print(
        f"corpus: {made['articles']} articles, {made['words']} words (seed {made['seed']}, digest "
        f"{made['digest']}); median of {result['rounds']} interleaved rounds; commit {result['commit']}; "
        f"load average {result['load_before']} before, {result['load_after']} after"
    )
    headers = ("seconds", "range", "art/s", "parent MB", "worker MB")
    print(f"{'mode':9}" + "".join(f"{h:>14}" for h in headers))
    for row in result["rows"]:
        cells = (
            row["seconds"], "{}-{}".format(*row["seconds_range"]), row["articles_per_s"],
            row["parent_peak_rss_mb"], row["worker_peak_rss_mb"],
        )  # fmt: skip
        print(f"{row['mode']:9}" + "".join(f"{c!s:>14}" for c in cells))
    print(f"batch / code articles/s: {result['ratio']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400, help="corpus size (at least 2,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each mode; the median is shown")
    parser.add_argument("--json", help="results file [default: benchmarks/results/batch-COMMIT.json]")
    args = parser.parse_args()
    result = run_all(args)
    show(result)
    out = Path(args.json or ROOT / "benchmarks" / "results" / f"batch-{result['commit']}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
