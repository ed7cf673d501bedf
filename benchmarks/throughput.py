"""Throughput and memory of chancery against raw spaCy, measured in one run on the same corpus.

Usage: python benchmarks/throughput.py [--words N] [--workers N] [--json PATH] [--compare OLD.json]

The corpus (benchmarks/corpus.py: the examples plus seeded generated wire stories, at least
50,000 words by default) is written to a folder, then each mode runs in its own process, so its
peak memory is its own:

- spacy:    raw ``nlp.pipe`` over the texts with the same model, as ``spacy.load`` gives it (all
            its components, none of chancery's), and the same batch size: the reference;
- spacy-N:  the same with spaCy's own ``n_process=N``;
- code:     ``chancery code DIR --format jsonl`` end to end, in one process: read the files, parse,
            find actors, dates and quotes, code events, render jsonl (to a null sink);
- code-N:   the same with N worker processes;
- ingest-N: ``chancery ingest DIR`` with N workers into a new SQLite ledger.

Each mode runs ``--rounds`` times, the modes interleaved; the median run is shown, with the
range of its words/s.

Model loading (and starting the workers) is timed apart as ``load s``; rates count only the
work, as spaCy's do. ``vs spaCy`` is words/s against single-process raw spaCy. The largest
worker's peak RSS is read from /proc before the workers stop. Results go to a JSON file to
compare between commits (``--compare`` prints the change against an earlier file).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402 - the sibling module, found through the line above

from chancery.settings import available_cores  # noqa: E402 - the default of chancery's --workers


def texts_of(folder: Path) -> list[str]:
    from chancery.ingest import read_inputs
    from chancery.records import Article

    return [a.text for a in read_inputs([str(folder)]) if isinstance(a, Article)]


def measure(mode: str, folder: Path, workers: int, batch_size: int) -> dict:
    """Run one mode in this process; returns its row."""
    from chancery.settings import Settings

    settings = Settings(workers=workers, batch_size=batch_size, db=f"sqlite:///{folder.parent / 'bench.db'}")
    texts = texts_of(folder)
    words = sum(len(t.split()) for t in texts)
    worker_mb = 0.0
    if mode.startswith("spacy"):
        import spacy  # the stock pipeline, none of chancery's components

        start = time.perf_counter()
        nlp = spacy.load(settings.model)
        loaded = time.perf_counter()
        processes = {"n_process": workers} if workers > 1 else {}
        done = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, **processes))
        finished = time.perf_counter()
        if workers > 1:  # spaCy's workers are our children and have been waited for
            worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    else:
        from chancery.pipeline import Pipeline, code_inputs, ingest
        from chancery.render import render_rows

        start = time.perf_counter()
        with Pipeline.from_settings(settings) as pipeline:
            if workers > 1:
                pipeline.start_workers()
            else:
                pipeline.warm()
            loaded = time.perf_counter()
            if mode.startswith("ingest"):
                from chancery.ledger import open_ledger

                with open_ledger(settings.db) as ledger:
                    done = ingest(pipeline, ledger, [str(folder)]).run.articles
            else:
                sink = io.StringIO()
                done = 0
                for coded in code_inputs(pipeline, [str(folder)]):
                    sink.write(render_rows("jsonl", {"events": [e.to_dict() for e in coded.events]}))
                    done += 1
            finished = time.perf_counter()
            worker_mb = max((_peak_mb(pid) for pid in _descendants(os.getpid())), default=0.0)
    if done != len(texts):
        raise SystemExit(f"{mode}: {done} of {len(texts)} articles came back")
    seconds = finished - loaded
    return {
        "mode": mode,
        "workers": workers,
        "articles": len(texts),
        "words": words,
        "load_seconds": round(loaded - start, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 1),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peak_rss_mb": round(worker_mb),
    }


def _descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (workers are the fork server's children, not ours)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found.extend(children)
        todo.extend(children)
    return found


def _peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_all(args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="chancery-bench-") as scratch:
        folder = Path(scratch) / "corpus"
        built = corpus.build(folder, words=args.words, seed=args.seed)
        n = args.workers
        modes = [("spacy", 1), (f"spacy-{n}", n), ("code", 1), (f"code-{n}", n), (f"ingest-{n}", n)]
        runs: dict[str, list[dict]] = {mode: [] for mode, _ in modes}
        for _ in range(args.rounds):  # modes interleaved, so a slow spell of the machine hits them all
            for mode, workers in modes:
                cmd = [sys.executable, __file__, "--one", mode, "--folder", str(folder)]
                cmd += ["--workers", str(workers), "--batch-size", str(args.batch_size)]
                out = subprocess.run(cmd, capture_output=True, text=True)
                if out.returncode:
                    raise SystemExit(f"{mode} failed:\n{out.stderr}")
                runs[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
                (Path(scratch) / "bench.db").unlink(missing_ok=True)
    rows = []
    for mode, _ in modes:  # each mode's median run, with the range of its rates
        ordered = sorted(runs[mode], key=lambda row: row["words_per_s"])
        row = ordered[len(ordered) // 2]
        row["words_per_s_range"] = [ordered[0]["words_per_s"], ordered[-1]["words_per_s"]]
        rows.append(row)
    reference = rows[0]["words_per_s"]
    for row in rows:
        row["vs_spacy"] = round(row["words_per_s"] / reference, 2)
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "os": platform.platform()},
        "corpus": built,
        "batch_size": args.batch_size,
        "rounds": args.rounds,
        "rows": rows,
    }


def _commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True)
        return out.stdout.decode().strip()
    except OSError:
        return "unknown"


def show(result: dict, previous: dict | None) -> None:
    made = result["corpus"]
    print(
        f"corpus: {made['articles']} articles, {made['words']} words (seed {made['seed']}, "
        f"digest {made['digest']}); batch size {result['batch_size']}; median of {result['rounds']} "
        f"interleaved rounds; commit {result['commit']}"
    )
    headers = ("load s", "seconds", "art/s", "words/s", "range", "peak MB", "worker MB", "vs spaCy")
    extra = " before" if previous else ""
    print(f"{'mode':9}" + "".join(f"{h:>12}" for h in headers) + extra)
    earlier = {row["mode"]: row for row in (previous or {}).get("rows", [])}
    for row in result["rows"]:
        cells = (
            row["load_seconds"], row["seconds"], row["articles_per_s"], row["words_per_s"],
            "{}-{}".format(*row["words_per_s_range"]), row["peak_rss_mb"], row["worker_peak_rss_mb"] or "-",
            f"{row['vs_spacy']:.2f}x",
        )  # fmt: skip
        line = f"{row['mode']:9}" + "".join(f"{c!s:>12}" for c in cells)
        if row["mode"] in earlier:
            line += f"  {earlier[row['mode']]['vs_spacy']:.2f}x"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60_000, help="corpus size in words (at least 50,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=max(2, available_cores()), help="workers when pooled")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each mode; the median is shown")
    parser.add_argument("--json", help="where to write the results [default: benchmarks/results/COMMIT.json]")
    parser.add_argument("--compare", help="an earlier results file to compare against")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, Path(args.folder), args.workers, args.batch_size)))
        return
    previous = json.loads(Path(args.compare).read_text()) if args.compare else None
    result = run_all(args)
    show(result, previous)
    out = Path(args.json or ROOT / "benchmarks" / "results" / f"{result['commit']}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
