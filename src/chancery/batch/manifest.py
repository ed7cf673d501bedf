"""The manifest of a batch output folder: what it was made with, and each input partition finished.

``DIR/manifest.jsonl`` starts with a header (chancery's version and the settings that change the
output) and gains one line per partition once all its shard files are in place, with its counts,
files and problems. Only the client writes it, appending a whole line and syncing it; a line cut
short by a crash is ignored, so its partition is coded again. A re-run skips the partitions
listed, so nothing is coded or written twice; a folder made with other settings is refused
rather than mixed. ``DIR/problems.jsonl`` is rewritten from the manifest at the end of each run.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery import __version__
from chancery.errors import ChanceryError
from chancery.records import InputNote, InputProblem
from chancery.settings import Settings

NAME = "manifest.jsonl"
PROBLEMS = "problems.jsonl"
# The settings whose values change what a partition's shards hold.
OUTPUT_SETTINGS = ("model", "date", "max_chars", "max_line_chars", "max_record_bytes", "other_languages")


@dataclass(frozen=True)
class Finished:
    """One finished input partition, as the manifest records it."""

    partition: str
    input: str
    first_line: int
    records: int
    articles: int
    events: int
    quotes: int
    files: tuple[str, ...]
    problems: tuple[InputProblem, ...] = field(default_factory=tuple)

    def to_line(self) -> str:
        record = {
            "partition": self.partition,
            "input": self.input,
            "first_line": self.first_line,
            "records": self.records,
            "articles": self.articles,
            "events": self.events,
            "quotes": self.quotes,
            "files": list(self.files),
            "problems": [_problem_record(p) for p in self.problems],
        }
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Finished:
        problems = tuple(
            (InputNote if p.get("note") else InputProblem)(p["source"], p["reason"])
            for p in record["problems"]
        )
        plain = {k: v for k, v in record.items() if k not in ("files", "problems")}
        return cls(**plain, files=tuple(record["files"]), problems=problems)


def header(settings: Settings, partition_size: int) -> dict[str, Any]:
    """What the output depends on besides its inputs."""
    values = {name: getattr(settings, name) for name in OUTPUT_SETTINGS}
    return {"chancery_batch": 1, "version": __version__, "partition_size": partition_size, **values}


class Manifest:
    """The manifest of ``out``; open it with ``Manifest.open`` (which locks the folder for this run)."""

    def __init__(self, out: Path, finished: dict[str, Finished]) -> None:
        self.out = out
        self.finished = finished

    @classmethod
    @contextmanager
    def open(cls, out: Path, made_with: dict[str, Any]) -> Iterator[Manifest]:
        """The manifest of ``out``, created with ``made_with`` or checked against it; the folder
        is locked meanwhile, so that two runs never write it at once."""
        try:
            out.mkdir(parents=True, exist_ok=True)
            lock = open(out / ".lock", "a")  # noqa: SIM115 - closed below, after the run
        except OSError as exc:
            raise ChanceryError(f"cannot write the batch output in {out}: {exc.strerror or exc}") from exc
        with lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ChanceryError(
                    f"another chancery batch is writing {out}; wait for it, or give another --out"
                ) from None
            path = out / NAME
            if path.exists():
                cls._check(path, made_with)
                _drop_torn_line(path)
            else:
                _write_whole(path, json.dumps(made_with) + "\n")
            yield cls(out, dict(_entries(path)))

    @staticmethod
    def _check(path: Path, made_with: dict[str, Any]) -> None:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        try:
            found = json.loads(first)
        except json.JSONDecodeError:
            found = None
        if not isinstance(found, dict) or "chancery_batch" not in found:
            raise ChanceryError(f"{path} is not a chancery batch manifest; give an empty or new --out folder")
        changed = [f"{k} {found.get(k)!r} -> {v!r}" for k, v in made_with.items() if found.get(k) != v]
        if changed:
            raise ChanceryError(
                f"{path.parent} was written with other settings ({'; '.join(changed)}); resuming would mix "
                "them: give a new --out folder, or the same settings"
            )

    def record(self, done: Finished) -> None:
        """Add a finished partition: one whole line, synced before this returns."""
        with open(self.out / NAME, "a", encoding="utf-8") as handle:
            handle.write(done.to_line() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.finished[done.partition] = done

    def write_problems(self, order: list[str], extra: list[InputProblem]) -> Path:
        """Rewrite ``problems.jsonl``: every problem and note of the finished partitions, in input order.

        ``order`` lists partition ids in input order (this run's plan); others follow as recorded.
        ``extra`` are this run's problems with whole inputs and unfinished partitions.
        """
        ids = [pid for pid in order if pid in self.finished]
        ids += [pid for pid in self.finished if pid not in set(order)]
        lines = [
            json.dumps(_problem_record(problem), ensure_ascii=False)
            for pid in ids
            for problem in self.finished[pid].problems
        ]
        lines += [json.dumps(_problem_record(problem), ensure_ascii=False) for problem in extra]
        path = self.out / PROBLEMS
        _write_whole(path, "".join(line + "\n" for line in lines))
        return path


def _entries(path: Path) -> Iterator[tuple[str, Finished]]:
    with open(path, encoding="utf-8") as handle:
        next(handle, None)  # the header
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # cut short by a crash: that partition is coded again
                continue
            yield record["partition"], Finished.from_record(record)


def _drop_torn_line(path: Path) -> None:
    """Cut a last line that a crash left without its end, so that the next line starts clean."""
    with open(path, "rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)


def _problem_record(problem: InputProblem) -> dict[str, Any]:
    """A problem as a line of ``problems.jsonl``: the file, the line (or row) when known, and why."""
    file, _, line = problem.source.rpartition(":")
    where = {"file": file, "line": int(line)} if file and line.isdigit() else {"file": problem.source}
    record = {"source": problem.source, **where, "reason": problem.reason}
    if isinstance(problem, InputNote):
        record["note"] = True
    return record


def _write_whole(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
