"""The pipeline: wires ingest → nlp → coding (→ ledger) and owns the run loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, TextIO

from chancery import __version__
from chancery.coding.events import Coder, code_article
from chancery.errors import ChanceryError
from chancery.ingest import iter_files, read_inputs
from chancery.nlp.actors import ActorDictionary
from chancery.nlp.model import load_model
from chancery.nlp.parse import parse_articles
from chancery.records import Article, CodedArticle, InputProblem, ParsedArticle, Run, content_id
from chancery.settings import Settings


@dataclass
class Pipeline:
    """A loaded spaCy model, actor dictionary and coder; build with ``from_settings``."""

    settings: Settings
    nlp: Any
    dictionary: ActorDictionary
    coder: Coder

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Pipeline:
        settings = settings or Settings.load()
        return cls(
            settings=settings,
            nlp=load_model(settings.model),
            dictionary=ActorDictionary.load(),
            coder=Coder.load(),
        )

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

        Articles go to the model in batches of ``batch_size``; with ``workers > 1`` the batches
        are spread over a process pool whose workers each load the model once.
        """
        pool = _WorkerPool(self.settings) if self.settings.workers > 1 else None
        try:
            batch: list[Article] = []
            for item in items:
                if isinstance(item, InputProblem):
                    yield from self._flush(batch, pool)
                    batch = []
                    yield None, item
                    continue
                batch.append(item)
                if len(batch) >= self.settings.batch_size * max(1, self.settings.workers):
                    yield from self._flush(batch, pool)
                    batch = []
            yield from self._flush(batch, pool)
        finally:
            if pool:
                pool.close()

    def _flush(self, batch: list[Article], pool: _WorkerPool | None):
        if not batch:
            return
        try:
            coded = pool.code(batch) if pool else list(self.code_many(batch))
        except Exception:  # one bad article must not sink its batch: redo them one by one
            coded = [self._code_isolated(article) for article in batch]
        yield from zip(batch, coded, strict=True)

    def _code_isolated(self, article: Article) -> CodedArticle | InputProblem:
        try:
            return self.code(article)
        except Exception as exc:  # reported as that input's problem; the run goes on
            return InputProblem(article.source or article.id, f"could not be coded: {exc}")

    def _dated(self, article: Article) -> Article:
        if article.date is None and self.settings.date:
            return replace(article, date=self.settings.date, date_basis="flag")
        return article


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
    """Read, code and store every input; one transaction per article, problems collected.

    A bad input or an article that fails to code is reported and skipped; nothing of it is
    stored, and the other inputs go on.
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
    for article, result in pipeline.code_stream(_read(paths, settings, stdin)):
        if article is not None:
            articles += 1
        if isinstance(result, CodedArticle):
            try:
                if ledger.store(result, run.id):
                    stored += 1
                    events += len(result.events)
            except ChanceryError as exc:
                problems.append(InputProblem(result.article.source or result.article.id, str(exc)))
        else:
            problems.append(result)
        if progress:
            progress(result.source if isinstance(result, InputProblem) else result.article.source or "")
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
    """A process pool whose workers each build one Pipeline and code batches with it."""

    def __init__(self, settings: Settings):
        from concurrent.futures import ProcessPoolExecutor

        self._executor = ProcessPoolExecutor(
            max_workers=settings.workers, initializer=_start_worker, initargs=(replace(settings, workers=1),)
        )
        self._size = settings.batch_size

    def code(self, batch: list[Article]) -> list[CodedArticle]:
        chunks = [batch[i : i + self._size] for i in range(0, len(batch), self._size)]
        return [coded for result in self._executor.map(_code_chunk, chunks) for coded in result]

    def close(self) -> None:
        self._executor.shutdown(cancel_futures=True)


# One pipeline per worker process, built once by the pool's initializer (process-local state).
_worker_pipeline: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_settings(settings)


def _code_chunk(chunk: list[Article]) -> list[CodedArticle]:
    assert _worker_pipeline is not None, "worker used before its initializer ran"
    return list(_worker_pipeline.code_many(chunk))
