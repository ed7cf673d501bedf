"""Throughput and memory of chancery's coding against raw spaCy, in one run on the same texts.

Usage: python benchmarks/throughput.py [--repeat N] [--workers N] [PATH ...]
Prints articles/s, words/s and peak RSS for: raw spaCy (nlp.pipe, the reference),
chancery parse (nlp stage: parse + actors + dates + quotes) and chancery code (parse + coding).
Each measurement runs in its own process so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(paths: list[str], repeat: int) -> list[str]:
    from chancery.ingest import read_inputs
    from chancery.records import Article

    articles = [a for a in read_inputs(paths or [str(ROOT / "examples")]) if isinstance(a, Article)]
    return [a.text for a in articles] * repeat


def measure(mode: str, paths: list[str], repeat: int, workers: int) -> dict:
    from chancery.nlp.model import load_model
    from chancery.pipeline import Pipeline
    from chancery.records import Article
    from chancery.settings import Settings

    texts = load_texts(paths, repeat)
    words = sum(len(t.split()) for t in texts)  # the same yardstick for every mode
    settings = Settings(workers=workers)
    if mode == "spacy":
        nlp = load_model(settings.model)
        start = time.perf_counter()
        done = sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size))
    else:
        pipeline = Pipeline.from_settings(settings)
        # distinct ids so nothing is short-circuited; dated so date resolution runs
        articles = [Article(id=str(i), text=t, date="2025-07-05") for i, t in enumerate(texts)]
        start = time.perf_counter()
        if mode == "parse":
            done = sum(1 for _ in pipeline.parse_many(articles))
        else:
            done = sum(1 for _ in pipeline.code_stream(articles))
    assert done == len(texts), f"{mode}: {done} of {len(texts)} articles came back"
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest worker, if any
    return {
        "mode": mode,
        "articles": len(texts),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 1),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": round(peak_mb),
        "worker_peak_mb": round(worker_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=20, help="repeat the corpus N times")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.paths, args.repeat, args.workers)))
        return
    rows = []
    for mode in ("spacy", "parse", "code"):
        cmd = [sys.executable, __file__, "--one", mode, "--repeat", str(args.repeat)]
        cmd += ["--workers", str(args.workers), *args.paths]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    reference = rows[0]["seconds"]
    headers = ("articles", "seconds", "art/s", "words/s", "peak MB", "worker MB", "vs spaCy")
    print(f"{'mode':8} " + " ".join(f"{h:>8}" for h in headers))
    for row in rows:
        print(
            f"{row['mode']:8} {row['articles']:8} {row['seconds']:8} {row['articles_per_s']:8} "
            f"{row['words_per_s']:8} {row['peak_rss_mb']:8} {row['worker_peak_mb']:8} "
            f"{row['seconds'] / reference:7.2f}x"
        )


if __name__ == "__main__":
    main()
