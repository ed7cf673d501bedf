"""What the crash, race and signal tests share: a generated corpus, a ledger on either backend,
chancery run as a real process, its process tree, and the ledger's contents as ``export`` shows them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

from backends import POSTGRES_URL
from chancery.cli import app
from chancery.errors import ChanceryError

_STATES = [
    ("Russia", "MOSCOW", "Afghanistan"), ("China", "BEIJING", "Nicaragua"), ("Spain", "MADRID", "Palestine"),
    ("Norway", "OSLO", "Palestine"), ("Brazil", "BRASILIA", "Venezuela"), ("Turkey", "ANKARA", "Syria"),
    ("India", "NEW DELHI", "Afghanistan"), ("Mexico", "MEXICO CITY", "Ecuador"),
    ("Kenya", "NAIROBI", "Somalia"), ("Japan", "TOKYO", "South Korea"),
]  # fmt: skip
_ACTS = [
    "recognised the government of {target}",
    "restored diplomatic relations with {target}",
    "expelled two diplomats of {target}",
    "condemned the decision of {target}",
]


def write_corpus(folder: Path, count: int = 40) -> Path:
    """``count`` short wire stories, each with events and a quote, as dated text files."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        state, capital, target = _STATES[n % len(_STATES)]
        act = _ACTS[(n // len(_STATES)) % len(_ACTS)].format(target=target)
        day = f"2025-{n % 12 + 1:02d}-{n % 27 + 1:02d}"
        (folder / f"{n:03d}.txt").write_text(
            f"Report {n} from {capital.title()}\n\nDate: {day}\n\n"
            f"{capital} (Example Wire) - {state} {act} on Tuesday, the foreign ministry said in "
            f'statement number {n}. "This step serves peace in the region," spokesperson Ana Ruiz said.\n'
        )
    return folder


@dataclass
class Backend:
    """Where a test's ledger lives: the URL chancery is given, and a way to run SQL against it."""

    name: str
    url: str
    schema: str | None = None
    _polling: sa.Engine | None = field(default=None, repr=False, compare=False)

    def engine(self) -> sa.Engine:
        url = self.url.replace("postgresql://", "postgresql+psycopg://", 1)
        return sa.create_engine(url, poolclass=sa.pool.NullPool)

    def scalar(self, sql: str) -> int:
        """A number from the ledger, or 0 while its tables are not there yet.

        On PostgreSQL one connection is kept for these reads (``close`` ends it): a new one costs
        the server a process and this one 20 ms, so polling every few milliseconds took a core
        from the process it waits for. Between reads it holds no transaction and no lock.
        """
        keep = self.schema is not None
        if keep and self._polling is None:
            self._polling = sa.create_engine(
                self.url.replace("postgresql://", "postgresql+psycopg://", 1), pool_size=1, max_overflow=0
            )
        engine = self._polling if keep else self.engine()
        try:
            with engine.connect() as conn:
                return conn.exec_driver_sql(sql).scalar() or 0
        except sa.exc.SQLAlchemyError:
            return 0
        finally:
            if not keep:
                engine.dispose()

    def close(self) -> None:
        if self._polling is not None:
            self._polling.dispose()
            self._polling = None


def backend(name: str, tmp_path: Path) -> Backend:
    """A new, empty ledger location: a SQLite path, or an empty PostgreSQL schema named in the URL."""
    if name == "sqlite":
        tmp_path.mkdir(parents=True, exist_ok=True)
        return Backend(name, f"sqlite:///{tmp_path / 'ledger.db'}")
    schema = f"chancery_crash_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    return Backend(name, f"{POSTGRES_URL}?options=-csearch_path%3D{schema}", schema)


def drop(found: Backend) -> None:
    found.close()
    if found.schema:
        engine = sa.create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{found.schema}" CASCADE')
        engine.dispose()


def environment(url: str, **settings: str) -> dict[str, str]:
    """The environment of a chancery process: only this test's settings, no settings file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    env.update(
        {"CHANCERY_CONFIG": "", "CHANCERY_DB": url, "CHANCERY_BATCH_SIZE": "2", "CHANCERY_WORKERS": "1"}
    )
    env.update({f"CHANCERY_{k.upper()}": v for k, v in settings.items()})
    return env


def start_ingest(corpus: Path | list[Path], url: str, **settings: str) -> subprocess.Popen:
    paths = [str(p) for p in (corpus if isinstance(corpus, list) else [corpus])]
    return subprocess.Popen(
        [sys.executable, "-m", "chancery", "ingest", *paths, "-q"],
        env=environment(url, **settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a signal meant for the test runner's group never reaches it
    )


def ingest(corpus: Path | list[Path], url: str, **settings: str) -> subprocess.CompletedProcess:
    process = start_ingest(corpus, url, **settings)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def ingest_here(corpus: Path | list[Path], url: str, **settings: str) -> subprocess.CompletedProcess:
    """The command ``ingest`` runs, with the same settings, run in this process, where the model
    is loaded already: for a reference run or a rerun, in which no process is killed and no
    signal sent (the runs that are killed or signalled are real processes, ``start_ingest``)."""
    paths = [str(p) for p in (corpus if isinstance(corpus, list) else [corpus])]
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("CHANCERY_")}
    env.update({k: v for k, v in environment(url, **settings).items() if k.startswith("CHANCERY_")})
    result = CliRunner().invoke(app, ["ingest", *paths, "-q"], env=env)
    returncode, stderr = result.exit_code, result.stderr
    if isinstance(result.exception, ChanceryError):  # what main() turns into one line
        returncode, stderr = result.exception.exit_code, f"{stderr}chancery: error: {result.exception}\n"
    elif result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    command = ["chancery", "ingest", *paths, "-q"]
    return subprocess.CompletedProcess(command, returncode, result.stdout, stderr)


def wait_until(
    condition: Callable[[], bool], process: subprocess.Popen, what: str, timeout: float = 120
) -> None:
    """Poll ``condition`` every few milliseconds; fail if ``process`` ends or time runs out first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            raise AssertionError(
                f"the ingest ended (exit {process.returncode}) before {what}: {process.stderr.read()}"
            )
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


def kill(process: subprocess.Popen, signum: int = signal.SIGKILL) -> None:
    assert process.poll() is None, "the process had already ended: this kill point was missed"
    os.kill(process.pid, signum)


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found |= {int(child) for child in task.read_text().split()}
        except OSError:
            continue
    return found


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (the forkserver, the workers it forked, the resource tracker)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        below = children(todo.pop()) - found
        todo.extend(below)
        found |= below
    return found


def workers_of(pid: int) -> list[int]:
    """The coding workers of a chancery process: the children of its forkserver (a child of its own)."""
    for child in children(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"multiprocessing.forkserver" in command:
            return sorted(children(child))
    return []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # an orphan nobody reaped is dead all the same


def wait_gone(pids: set[int], timeout: float = 20) -> set[int]:
    """The processes of ``pids`` still alive after ``timeout`` seconds (none, one hopes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(pid) for pid in pids):
        time.sleep(0.05)
    return {pid for pid in pids if alive(pid)}


EXPORTS = ("events", "quotes", "relations", "ledger-events", "gdelt")


def contents(url: str) -> dict[str, str]:
    """What ``chancery export`` shows of the ledger at ``url``, plus the stored article ids."""
    runner = CliRunner()
    shown = {}
    for what in EXPORTS:
        result = runner.invoke(app, ["export", what, "-f", "jsonl", "--db", url], env={"CHANCERY_CONFIG": ""})
        assert result.exit_code == 0, result.output
        shown[what] = result.stdout
    engine = Backend("", url).engine()
    with engine.connect() as conn:
        shown["articles"] = json.dumps(sorted(conn.exec_driver_sql("SELECT id FROM articles").scalars()))
    engine.dispose()
    return shown


def by_article(exported: str) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for line in exported.splitlines():
        if line.strip():
            row = json.loads(line)
            grouped.setdefault(row["article_id"], []).append(row)
    return grouped
