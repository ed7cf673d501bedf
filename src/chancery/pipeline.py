"""The pipeline: wires ingest → nlp → coding (→ ledger) and owns the run loop."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain
from typing import Any, TextIO

from chancery import __version__
from chancery.coding.events import Coder, code_article
from chancery.errors import ChanceryError, ModelError
from chancery.ingest import iter_files, read_inputs
from chancery.nlp.actors import ActorDictionary
from chancery.nlp.model import load_model
from chancery.nlp.parse import parse_articles
from chancery.records import Article, CodedArticle, InputProblem, ParsedArticle, Run, content_id
from chancery.settings import Settings, available_cores


@dataclass
class Pipeline:
    """The spaCy model, actor dictionary and coder, loaded on first use; build with ``from_settings``.

    With ``workers`` above 1 (0 means one per core), ``code_stream`` hands batches to worker
    processes that each load these once; the parent then never loads the model at all.
    """

    settings: Settings
    _parts: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)
    _pool: _WorkerPool | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Pipeline:
        return cls(settings=settings or Settings.load())

    @property
    def nlp(self) -> Any:
        return self._part("nlp", lambda: load_model(self.settings.model))

    @property
    def dictionary(self) -> ActorDictionary:
        return self._part("dictionary", ActorDictionary.load)

    @property
    def coder(self) -> Coder:
        return self._part("coder", Coder.load)

    @property
    def workers(self) -> int:
        """How many worker processes ``code_stream`` may use (the setting, 0 resolved to the cores)."""
        return self.settings.workers or available_cores()

    def warm(self) -> Pipeline:
        """Load the model, dictionary and coder now (a missing model raises ``ModelError`` here)."""
        self.nlp, self.dictionary, self.coder  # noqa: B018 - loading is the point
        return self

    def start_workers(self) -> Pipeline:
        """Start the worker processes now and wait until each has loaded its pipeline.

        They then serve every ``code_stream`` until ``close()`` (or the end of a ``with`` block),
        which suits a long-lived process coding many streams, or timing the coding alone.
        Without this, each ``code_stream`` that needs workers starts and stops its own.
        """
        if self.workers > 1 and self._pool is None:
            self._pool = _WorkerPool(self.settings, self.workers)
            self._pool.wait_ready()
        return self

    def close(self) -> None:
        """Stop the worker processes started by ``start_workers`` (if any)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _part(self, name: str, load: Callable[[], Any]) -> Any:
        key = (name, self.settings.model)
        if key not in self._parts:
            self._parts[key] = load()
        return self._parts[key]

    def parse(self, article: Article) -> ParsedArticle:
        """Parse one article (with the default date applied when it has none)."""
        return next(self.parse_many([article]))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[ParsedArticle]:
        dated = [self._dated(a) for a in articles]
        yield from parse_articles(dated, self.nlp, self.dictionary, self.settings.batch_size)

    def code(self, article: Article) -> CodedArticle:
        """Parse and code one article."""
        return code_article(self.parse(article), self.coder)

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code articles in order, batching them through the model."""
        for parsed in self.parse_many(articles):
            yield code_article(parsed, self.coder)

    def code_stream(
        self, items: Iterable[Article | InputProblem]
    ) -> Iterator[tuple[Article | None, CodedArticle | InputProblem]]:
        """Code a stream of inputs in order, problems passed through, errors isolated per article.

        Articles go to the model in batches of ``batch_size``. When the input holds more than
        one batch and ``workers`` is above 1, the batches are coded by a pool of worker
        processes, a few batches ahead of the consumer; the output (order, ids, every field) is
        the same as in one process, since each batch is coded the same way wherever it runs.
        """
        units = _units(items, self.settings.batch_size)
        if self._pool is not None:
            yield from _in_order(units, self._pool)
            return
        if self.workers > 1:
            ahead = _peek_batches(units, 2)
            if sum(isinstance(unit, list) for unit in ahead) > 1:
                with _WorkerPool(self.settings, self.workers) as pool:
                    yield from _in_order(chain(ahead, units), pool)
                return
            units = iter(ahead)
        for unit in units:
            if isinstance(unit, InputProblem):
                yield None, unit
            else:
                yield from zip(unit, self.code_batch(unit), strict=True)

    def code_batch(self, batch: list[Article]) -> list[CodedArticle | InputProblem]:
        """Code one batch; if any article fails, redo them one by one so only that one is lost."""
        self.warm()  # a missing model is the run's problem, not each article's
        try:
            return list(self.code_many(batch))
        except Exception:  # one bad article must not sink its batch
            return [self._code_isolated(article) for article in batch]

    def _code_isolated(self, article: Article) -> CodedArticle | InputProblem:
        try:
            return self.code(article)
        except Exception as exc:  # reported as that input's problem; the run goes on
            return InputProblem(article.source or article.id, f"could not be coded: {exc}")

    def _dated(self, article: Article) -> Article:
        if article.date is None and self.settings.date:
            return replace(article, date=self.settings.date, date_basis="flag")
        return article


def _units(items: Iterable[Article | InputProblem], size: int) -> Iterator[list[Article] | InputProblem]:
    """The stream as batches of up to ``size`` consecutive articles, and problems in their place."""
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputProblem):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _peek_batches(units: Iterator[list[Article] | InputProblem], wanted: int) -> list:
    """Units read ahead until ``wanted`` batches are seen or the stream ends."""
    ahead: list = []
    for unit in units:
        ahead.append(unit)
        if sum(isinstance(u, list) for u in ahead) >= wanted:
            break
    return ahead


def _in_order(units: Iterable[list[Article] | InputProblem], pool: _WorkerPool):
    """Feed batches to the pool, at most two per worker in flight, and yield results in input order."""
    pending: deque[tuple[list[Article], int] | InputProblem] = deque()
    try:
        for unit in units:
            pending.append(unit if isinstance(unit, InputProblem) else (unit, pool.submit(unit)))
            while pending and (pool.busy() or _ready(pending[0], pool)):
                yield from _release(pending.popleft(), pool)
        while pending:
            yield from _release(pending.popleft(), pool)
    finally:  # a consumer that stops early leaves batches in flight: their results are dropped
        for unit in pending:
            if not isinstance(unit, InputProblem):
                pool.forget(unit[1])


def _ready(unit, pool: _WorkerPool) -> bool:
    return isinstance(unit, InputProblem) or pool.done(unit[1])


def _release(unit, pool: _WorkerPool):
    if isinstance(unit, InputProblem):
        yield None, unit
    else:
        batch, ticket = unit
        yield from zip(batch, pool.result(ticket), strict=True)


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did: counts and the one-line problems, in input order."""

    run: Run
    problems: tuple[InputProblem, ...]

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def ingest(
    pipeline: Pipeline,
    ledger: Any,
    paths: Sequence[str],
    *,
    stdin: TextIO | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, code and store every input; problems collected in input order.

    Articles are stored ``batch_size`` at a time in one transaction, each whole or not at all:
    a bad input, an article that fails to code or one the ledger refuses is reported and
    skipped, nothing of it is stored, and the other inputs go on.
    """
    settings = pipeline.settings
    run = Run(
        id=content_id(datetime.now(UTC).isoformat(), list(paths)),
        started=datetime.now(UTC).isoformat(timespec="seconds"),
        coder_version=__version__,
        settings_digest=settings.digest(),
        inputs=tuple(paths),
    )
    ledger.start_run(run)
    problems: list[InputProblem] = []
    articles = stored = events = 0
    waiting: list[CodedArticle | InputProblem] = []  # stored a batch at a time, reported in input order

    def flush() -> None:
        nonlocal stored, events
        coded = [item for item in waiting if isinstance(item, CodedArticle)]
        outcomes = iter(_store(ledger, coded, run.id))
        for item in waiting:
            outcome = next(outcomes) if isinstance(item, CodedArticle) else item
            if isinstance(outcome, InputProblem):
                problems.append(outcome)
            elif isinstance(outcome, ChanceryError):
                problems.append(InputProblem(item.article.source or item.article.id, str(outcome)))
            elif outcome:
                stored += 1
                events += len(item.events)
        waiting.clear()

    for article, result in pipeline.code_stream(_read(paths, settings, stdin)):
        if article is not None:
            articles += 1
        waiting.append(result)
        if sum(isinstance(item, CodedArticle) for item in waiting) >= settings.batch_size:
            flush()
        if progress:
            progress(result.source if isinstance(result, InputProblem) else result.article.source or "")
    flush()
    run = replace(
        run,
        finished=datetime.now(UTC).isoformat(timespec="seconds"),
        articles=articles,
        stored=stored,
        events=events,
        failures=len(problems),
    )
    ledger.finish_run(run)
    return IngestReport(run=run, problems=tuple(problems))


def _store(ledger: Any, coded: list[CodedArticle], run_id: str) -> list[bool | ChanceryError]:
    """Store a batch in one transaction; if the batch as a whole fails, try each article alone."""
    if not coded:
        return []
    try:
        return ledger.store_many(coded, run_id)
    except ChanceryError:  # not one article's fault (e.g. the database was busy): one by one
        outcomes: list[bool | ChanceryError] = []
        for item in coded:
            try:
                outcomes.append(ledger.store(item, run_id))
            except ChanceryError as exc:
                outcomes.append(exc)
        return outcomes


def code_inputs(
    pipeline: Pipeline, paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[CodedArticle | InputProblem]:
    """Code every input without storing it; bad inputs come through as problems."""
    for _, result in pipeline.code_stream(_read(paths, pipeline.settings, stdin)):
        yield result


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles the inputs hold, for a progress bar (None when stdin makes it unknowable)."""
    total = 0
    for name in iter_files(paths):
        if name == "-":
            return None
        if name.endswith(".jsonl"):
            try:
                with open(name, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1  # read_inputs reports it; it still takes one step
        else:
            total += 1
    return total


def _read(paths: Sequence[str], settings: Settings, stdin: TextIO | None):
    return read_inputs(paths, stdin=stdin, max_chars=settings.max_chars, default_date=settings.date)


class _WorkerPool:
    """Worker processes that each build one Pipeline and code the batches sent to them.

    Workers start from a fork server (safe beside the progress bar's thread), ignore Ctrl-C
    (the parent stops them) and say ``ready`` once loaded, so a model that cannot load is
    raised here, once, as the run's error. Each worker has its own task queue and result pipe,
    so the parent always knows which batches a worker holds, and a worker that dies (killed,
    out of memory, a crash in native code) takes nothing else with it: it is replaced, the
    batch it was coding is coded again one article at a time, and an article that stops a
    worker on its own becomes that input's problem while the run goes on.
    """

    def __init__(self, settings: Settings, size: int):
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self._settings = replace(settings, workers=1)
        self._started = 0
        self._workers = [self._start() for _ in range(size)]
        self._next_ticket = 0
        self._open = 0  # submitted and not yet handed back by result()
        self._limit = 2 * size  # batches in flight before the caller must wait
        self._backlog: deque[int] = deque()  # tickets waiting for a worker
        self._batches: dict[int, list[Article]] = {}  # every ticket not yet settled
        self._parent: dict[int, int] = {}  # one-article ticket -> the batch it was split from
        self._parts: dict[int, list[int]] = {}  # split batch -> its one-article tickets
        self._finished: dict[int, list[CodedArticle | InputProblem]] = {}
        self._dropped: set[int] = set()
        self._idle_deaths = 0  # deaths that pointed at no article

    def __enter__(self) -> _WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close(stop_now=exc_info[0] is not None)

    def wait_ready(self) -> None:
        """Block until every worker has loaded its pipeline (raises the load error if one fails)."""
        while not all(worker.ready for worker in self._workers):
            self._receive(block=True)

    def submit(self, batch: list[Article]) -> int:
        ticket = self._ticket(batch)
        self._backlog.append(ticket)
        self._open += 1
        self._dispatch()
        return ticket

    def busy(self) -> bool:
        """True when enough batches are in flight that the caller should wait for the oldest."""
        return self._open >= self._limit

    def done(self, ticket: int) -> bool:
        while self._receive(block=False):
            pass
        return ticket in self._finished

    def forget(self, ticket: int) -> None:
        """Drop the result of ``ticket``, now or when it arrives (its consumer has gone)."""
        self._open -= 1
        if self._finished.pop(ticket, None) is None:
            self._dropped.add(ticket)

    def result(self, ticket: int) -> list[CodedArticle | InputProblem]:
        while ticket not in self._finished:
            self._receive(block=True)
        self._open -= 1
        return self._finished.pop(ticket)

    def _start(self) -> _Worker:
        tasks = self._context.Queue()
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_work, args=(self._settings, tasks, send), name=f"chancery-worker-{self._started}"
        )
        process.daemon = True
        process.start()
        send.close()  # the worker holds the only writing end, so its death reads as end of file
        self._started += 1
        return _Worker(process, tasks, receive)

    def _ticket(self, batch: list[Article]) -> int:
        ticket = self._next_ticket
        self._next_ticket += 1
        self._batches[ticket] = batch
        return ticket

    def _dispatch(self) -> None:
        """Hand waiting tickets to loaded workers holding fewer than two."""
        while self._backlog:
            worker = min(self._workers, key=lambda w: len(w.tickets))
            if len(worker.tickets) >= 2:
                return
            ticket = self._backlog.popleft()
            worker.tickets.append(ticket)
            worker.tasks.put((ticket, self._batches[ticket]))

    def _receive(self, block: bool) -> bool:
        """Take the messages waiting from the workers; False when there were none."""
        from multiprocessing.connection import wait

        by_pipe = {worker.results: worker for worker in self._workers}
        waiting = wait(list(by_pipe), timeout=0.5 if block else 0)
        for pipe in waiting:
            worker = by_pipe[pipe]
            try:
                kind, ticket, payload = pipe.recv()
            except (EOFError, OSError):  # the worker is gone; what it sent before was read
                self._replace(worker)
                continue
            if kind == "ready":
                worker.ready = True
            elif kind == "failed":
                raise payload
            elif kind == "took":
                worker.coding = ticket
            else:
                worker.coding = None
                worker.tickets.remove(ticket)
                self._settle(ticket, payload)
        self._dispatch()
        return bool(waiting)

    def _settle(self, ticket: int, result: list[CodedArticle | InputProblem]) -> None:
        del self._batches[ticket]
        parent = self._parent.pop(ticket, None)
        if parent is None:
            self._finish(ticket, result)
            return
        self._finished[ticket] = result
        parts = self._parts[parent]
        if all(part in self._finished for part in parts):
            del self._parts[parent]
            self._finish(parent, [r for part in parts for r in self._finished.pop(part)])

    def _finish(self, ticket: int, result: list[CodedArticle | InputProblem]) -> None:
        if ticket in self._dropped:
            self._dropped.discard(ticket)
        else:
            self._finished[ticket] = result

    def _replace(self, dead: _Worker) -> None:
        """Start a worker in the dead one's place and recover the tickets it held."""
        dead.process.join(timeout=5)
        code = dead.process.exitcode
        if not dead.ready:
            raise ModelError(f"{dead.process.name} stopped while loading the pipeline (exit code {code})")
        self._workers[self._workers.index(dead)] = self._start()
        dead.tasks.cancel_join_thread()  # what is still queued for it is recovered here
        dead.tasks.close()
        dead.results.close()
        coding = dead.coding
        self._backlog.extendleft(reversed([t for t in dead.tickets if t != coding]))  # never begun
        if coding is None:  # it died between batches: nothing points at an article
            self._idle_deaths += 1
            if self._idle_deaths > 2 * len(self._workers):
                raise ChanceryError(f"coding workers keep stopping (last exit code {code}); try --workers 1")
            return
        batch = self._batches[coding]
        if len(batch) > 1:  # one of these stopped it: code them one at a time to find it
            parts = [self._ticket([article]) for article in batch]
            self._parent.update(dict.fromkeys(parts, coding))
            self._parts[coding] = parts
            del self._batches[coding]
            self._backlog.extendleft(reversed(parts))
            return
        article = batch[0]
        why = f"stopped a coding worker (exit code {code}); skipped"
        self._settle(coding, [InputProblem(article.source or article.id, why)])

    def close(self, stop_now: bool = False) -> None:
        if not stop_now:
            for worker in self._workers:
                worker.tasks.put(None)
            for worker in self._workers:
                worker.process.join(timeout=10)
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join()
            worker.tasks.cancel_join_thread()
            worker.tasks.close()
            worker.results.close()


@dataclass
class _Worker:
    """The parent's handle on one worker process."""

    process: Any
    tasks: Any  # a queue: the parent never blocks handing over a batch
    results: Any  # the reading end of the worker's pipe
    tickets: deque[int] = field(default_factory=deque)  # what it holds, oldest first
    coding: int | None = None  # the ticket it said it began and has not yet returned
    ready: bool = False


def _work(settings: Settings, tasks: Any, results: Any) -> None:
    """A worker process: load once, say ready, then code batches until told to stop."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        pipeline = Pipeline.from_settings(settings).warm()
    except ChanceryError as exc:
        results.send(("failed", None, exc))
        return
    except Exception as exc:  # anything else that stops loading, reported as a model error
        results.send(("failed", None, ModelError(f"a worker could not load the pipeline: {exc}")))
        return
    gc.freeze()  # the loaded model lives as long as the worker: full collections need not walk it
    results.send(("ready", None, None))
    for ticket, batch in iter(tasks.get, None):
        results.send(("took", ticket, None))  # if this worker dies now, the parent knows what killed it
        results.send(("done", ticket, pipeline.code_batch(batch)))
