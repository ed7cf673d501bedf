"""The pipeline: wires ingest → nlp → coding (→ ledger) and owns the run loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, TextIO

from chancery import __version__
from chancery.coding.events import Coder, code_article
from chancery.errors import ChanceryError
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
        for parsed in self.parse_many(articles):
            yield code_article(parsed, self.coder)

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
    for item in _read(paths, settings, stdin):
        if isinstance(item, InputProblem):
            problems.append(item)
            if progress:
                progress(item.source)
            continue
        articles += 1
        try:
            coded = pipeline.code(item)
            if ledger.store(coded, run.id):
                stored += 1
                events += len(coded.events)
        except ChanceryError as exc:
            problems.append(InputProblem(item.source or item.id, str(exc)))
        if progress:
            progress(item.source or item.id)
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
    for item in _read(paths, pipeline.settings, stdin):
        if isinstance(item, InputProblem):
            yield item
            continue
        try:
            yield pipeline.code(item)
        except ChanceryError as exc:
            yield InputProblem(item.source or item.id, str(exc))


def count_inputs(paths: Sequence[str]) -> int:
    """How many files the inputs name (for a progress bar); JSONL files count once."""
    from chancery.ingest import iter_files

    return sum(1 for _ in iter_files(paths))


def _read(paths: Sequence[str], settings: Settings, stdin: TextIO | None):
    from chancery.ingest import read_inputs  # imported late: the run loop is the only reader

    return read_inputs(paths, stdin=stdin, max_chars=settings.max_chars, default_date=settings.date)
