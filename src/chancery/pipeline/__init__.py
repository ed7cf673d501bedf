"""The pipeline: wires ingest → nlp → coding (→ ledger) and owns the run loop."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain
from typing import Any, TextIO

from chancery import __version__
from chancery.coding.events import Coder, code_article
from chancery.errors import ChanceryError, StorageError
from chancery.ingest import iter_files, read_inputs
from chancery.nlp.actors import ActorDictionary
from chancery.nlp.model import load_model
from chancery.nlp.parse import parse_articles
from chancery.pipeline import languages
from chancery.pipeline.workers import WorkerPool, in_order
from chancery.records import Article, CodedArticle, InputNote, InputProblem, ParsedArticle, Run, content_id
from chancery.settings import Settings, available_cores
from chancery.stopping import uncut


@dataclass
class Pipeline:
    """The spaCy model, actor dictionary and coder, loaded on first use; build with ``from_settings``.

    With ``workers`` above 1 (0 means one per core), ``code_stream`` hands batches to worker
    processes that each load these once; the parent then never loads the model at all. As with
    any multiprocessing, a script that codes with workers must keep its top-level work under
    ``if __name__ == "__main__":``, since each worker imports the main module again.
    """

    settings: Settings
    _parts: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False, compare=False)
    _pool: WorkerPool | None = field(default=None, repr=False, compare=False)

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
            self._pool = WorkerPool(self.settings, self.workers)
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
        dated = [languages.with_language(self._dated(a)) for a in articles]
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
        An article in a language chancery does not code comes with an ``InputNote`` just before
        it (see ``languages``); a note's article is None, as a problem's.
        """
        policy = self.settings.other_languages
        for article, result in self._coded_units(items):
            if isinstance(result, CodedArticle) and not languages.is_coded(result.article, policy):
                yield None, languages.note(result.article)
            yield article, result

    def _coded_units(
        self, items: Iterable[Article | InputProblem]
    ) -> Iterator[tuple[Article | None, CodedArticle | InputProblem]]:
        units = _units(items, self.settings.batch_size)
        if self._pool is not None:
            yield from in_order(units, self._pool)
            return
        if self.workers > 1:
            ahead = _peek_batches(units, 2)
            if sum(isinstance(unit, list) for unit in ahead) > 1:
                with WorkerPool(self.settings, self.workers) as pool:
                    yield from in_order(chain(ahead, units), pool)
                return
            units = iter(ahead)
        for unit in units:
            if isinstance(unit, InputProblem):
                yield None, unit
            else:
                yield from zip(unit, self.code_batch(unit), strict=True)

    def code_batch(self, batch: list[Article]) -> list[CodedArticle | InputProblem]:
        """Code one batch; if any article fails, redo them one by one so only that one is lost.

        Articles in a language chancery does not code are not parsed (see ``languages``).
        """
        self.warm()  # a missing model is the run's problem, not each article's
        policy = self.settings.other_languages
        prepared = [languages.with_language(self._dated(article)) for article in batch]
        todo = [article for article in prepared if languages.is_coded(article, policy)]
        try:
            coded = list(self.code_many(todo))
        except Exception:  # one bad article must not sink its batch
            coded = [self._code_isolated(article) for article in todo]
        results = iter(coded)
        return [
            next(results) if languages.is_coded(article, policy) else languages.not_coded(article, policy)
            for article in prepared
        ]

    def _code_isolated(self, article: Article) -> CodedArticle | InputProblem:
        try:
            return self.code(article)
        except Exception as exc:  # reported as that input's problem; the run goes on
            reason = " ".join(str(exc).split()) or type(exc).__name__  # one line, whatever the message
            return InputProblem(article.source or article.id, f"could not be coded: {reason}")

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


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did, counted from what happened to each input.

    ``run.stored`` articles were new and ``already`` were found stored under the same content id.
    ``lines`` are the one-line problems (an input refused: file, or file and line, and why) and
    notes (an input skipped, or stored without coding), in input order.
    """

    run: Run
    lines: tuple[InputProblem, ...] = ()
    already: int = 0

    @property
    def problems(self) -> tuple[InputProblem, ...]:
        return tuple(line for line in self.lines if not isinstance(line, InputNote))

    @property
    def notes(self) -> tuple[InputNote, ...]:
        return tuple(line for line in self.lines if isinstance(line, InputNote))

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
    skipped, nothing of it is stored, and the other inputs go on. When the ledger cannot be
    written at all (``StorageError``: a full disk, say) the run stops there with that error;
    what earlier batches stored is kept, each article whole, and a re-run adds the rest.
    """
    items = _read(paths, pipeline.settings, stdin)
    return ingest_items(pipeline, ledger, items, inputs=paths, progress=progress)


def new_run(settings: Settings, inputs: Sequence[str]) -> Run:
    """A run record for storing ``inputs`` now, with this coder's version and settings."""
    now = datetime.now(UTC)
    return Run(
        id=content_id(now.isoformat(), list(inputs)),
        started=now.isoformat(timespec="seconds"),
        coder_version=__version__,
        settings_digest=settings.digest(),
        inputs=tuple(inputs),
    )


@dataclass
class StoreTally:
    """What ``Ledger.store_many``'s outcomes add up to: new articles and their events, those already
    stored; a refusal becomes the article's one-line problem."""

    stored: int = 0
    already: int = 0
    events: int = 0

    def count(self, item: CodedArticle, outcome: bool | ChanceryError) -> InputProblem | None:
        if isinstance(outcome, ChanceryError):
            return InputProblem(item.article.source or item.article.id, str(outcome))
        if outcome:
            self.stored += 1
            self.events += len(item.events)
        else:
            self.already += 1
        return None

    def finished(self, run: Run, articles: int, failures: int) -> Run:
        """``run`` ended now, with these counts."""
        return replace(
            run,
            finished=datetime.now(UTC).isoformat(timespec="seconds"),
            articles=articles,
            stored=self.stored,
            events=self.events,
            failures=failures,
        )


def ingest_items(
    pipeline: Pipeline,
    ledger: Any,
    items: Iterable[Article | InputProblem],
    *,
    inputs: Sequence[str],
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Code and store articles already read (as ``ingest`` does), recording a run over ``inputs``."""
    settings = pipeline.settings
    run = new_run(settings, inputs)
    with uncut():
        ledger.start_run(run)
    lines: list[InputProblem] = []
    articles = 0
    tally = StoreTally()
    waiting: list[CodedArticle | InputProblem] = []  # stored a batch at a time, reported in input order

    def flush() -> None:
        coded = [item for item in waiting if isinstance(item, CodedArticle)]
        try:
            with uncut():  # a stop request waits for the batch's commit or rollback
                outcomes = iter(ledger.store_many(coded, run.id) if coded else [])
        except StorageError as exc:
            if not tally.stored:  # leave the ledger as it was: no trace of a run that stored nothing
                with suppress(ChanceryError), uncut():
                    ledger.forget_run(run.id)
            stopped = f"this run stopped there, after storing {tally.stored} new article(s)"
            raise StorageError(f"{exc} ({stopped})") from exc
        for item in waiting:
            if isinstance(item, InputProblem):  # a note as well
                lines.append(item)
            elif (refused := tally.count(item, next(outcomes))) is not None:
                lines.append(refused)
        waiting.clear()

    for article, result in pipeline.code_stream(items):
        if article is not None:
            articles += 1
        waiting.append(result)
        if sum(isinstance(item, CodedArticle) for item in waiting) >= settings.batch_size:
            flush()
        if progress and not isinstance(result, InputNote):
            progress(result.source if isinstance(result, InputProblem) else result.article.source or "")
    flush()
    run = tally.finished(run, articles, failures=sum(not isinstance(line, InputNote) for line in lines))
    with uncut():
        ledger.finish_run(run)
    return IngestReport(run=run, lines=tuple(lines), already=tally.already)


def code_inputs(
    pipeline: Pipeline, paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[CodedArticle | InputProblem]:
    """Code every input without storing it; bad inputs come through as problems."""
    for _, result in pipeline.code_stream(_read(paths, pipeline.settings, stdin)):
        yield result


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles the inputs hold, for a progress bar (None when it cannot be known beforehand).

    A JSONL file counts its lines, read in chunks; standard input and a file that is not regular
    (a FIFO would be consumed by counting) make the total unknown.
    """
    total = 0
    for name in iter_files(paths):
        if name == "-" or (os.path.exists(name) and not os.path.isfile(name)):
            return None
        if name.endswith(".jsonl"):
            try:
                total += _lines(name)
            except OSError:
                total += 1  # read_inputs reports it; it still takes one step
        else:
            total += 1
    return total


def _lines(name: str) -> int:
    count = ended = 0
    with open(name, "rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            ended = chunk.endswith(b"\n")
    return count + (not ended)


def _read(paths: Sequence[str], settings: Settings, stdin: TextIO | None):
    return read_inputs(
        paths,
        stdin=stdin,
        max_chars=settings.max_chars,
        default_date=settings.date,
        max_line_chars=settings.max_line_chars,
        max_record_bytes=settings.max_record_bytes,
        max_file_bytes=settings.max_file_bytes,
    )
