"""The pipeline: wires ingest → nlp → coding (→ ledger) and owns the run loop."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from chancery.coding.events import Coder, code_article
from chancery.nlp.actors import ActorDictionary
from chancery.nlp.model import load_model
from chancery.nlp.parse import parse_articles
from chancery.records import Article, CodedArticle, ParsedArticle
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
