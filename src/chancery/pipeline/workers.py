"""The pool of worker processes that ``Pipeline.code_stream`` spreads batches over."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from chancery.errors import ChanceryError, ModelError
from chancery.records import Article, CodedArticle, InputProblem
from chancery.settings import Settings


def in_order(units: Iterable[list[Article] | InputProblem], pool: WorkerPool):
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


def _ready(unit, pool: WorkerPool) -> bool:
    return isinstance(unit, InputProblem) or pool.done(unit[1])


def _release(unit, pool: WorkerPool):
    if isinstance(unit, InputProblem):
        yield None, unit
    else:
        batch, ticket = unit
        yield from zip(batch, pool.result(ticket), strict=True)


class WorkerPool:
    """Worker processes that each build one Pipeline and code the batches sent to them.

    Workers start from a fork server (safe beside the progress bar's thread), ignore Ctrl-C
    (the parent stops them) and say ``ready`` once loaded, so a model that cannot load is
    raised here, once, as the run's error. Each worker has its own task queue and result pipe,
    so the parent always knows which batches a worker holds, and a worker that dies (killed,
    out of memory, a crash in native code) takes nothing else with it: it is replaced, the
    batch it was coding is coded again one article at a time, and an article that stops a
    worker on its own becomes that input's problem while the run goes on. Each worker also
    holds the reading end of a pipe only the parent writes to: when the parent dies, even by
    SIGKILL, the pipe closes and the worker exits, so that no worker outlives its run.
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

    def __enter__(self) -> WorkerPool:
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
        watched, lifeline = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_work, args=(self._settings, tasks, send, watched), name=f"chancery-worker-{self._started}"
        )
        process.daemon = True
        process.start()
        send.close()  # the worker holds the only writing end, so its death reads as end of file
        watched.close()  # and the parent the only writing end of the lifeline, so with its death
        self._started += 1
        return _Worker(process, tasks, receive, lifeline)

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
        dead.lifeline.close()
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
            worker.lifeline.close()


@dataclass
class _Worker:
    """The parent's handle on one worker process."""

    process: Any
    tasks: Any  # a queue: the parent never blocks handing over a batch
    results: Any  # the reading end of the worker's pipe
    lifeline: Any  # the writing end of the pipe whose closing tells the worker to exit
    tickets: deque[int] = field(default_factory=deque)  # what it holds, oldest first
    coding: int | None = None  # the ticket it said it began and has not yet returned
    ready: bool = False


def _work(settings: Settings, tasks: Any, results: Any, lifeline: Any) -> None:
    """A worker process: load once, say ready, then code batches until told to stop."""
    import gc
    import signal
    import threading

    from chancery.pipeline import Pipeline  # the package imports this module first

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's clean stop is not the worker's
    threading.Thread(target=_exit_with_parent, args=(lifeline,), daemon=True).start()
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


def _exit_with_parent(lifeline: Any) -> None:
    """Wait for the parent's end of ``lifeline`` to close (the parent has gone), then exit at once."""
    import os
    from contextlib import suppress

    with suppress(EOFError, OSError):
        lifeline.recv()  # the parent never sends: this returns only by raising
    os._exit(1)
