"""The nlp stage's entry point: ``Article`` → ``ParsedArticle``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from chancery.nlp.actors import ActorDictionary, find_mentions
from chancery.nlp.dates import find_dates, publication_date
from chancery.nlp.model import BREAKS, doc_records
from chancery.nlp.quotes import find_quotes
from chancery.nlp.surface import surface
from chancery.records import Article, ParsedArticle

if TYPE_CHECKING:
    from spacy.language import Language


def parse_article(article: Article, nlp: Language, dictionary: ActorDictionary) -> ParsedArticle:
    """Parse one article: tokens, sentences, actor mentions, dates and quotes."""
    return next(parse_articles([article], nlp, dictionary))


def parse_articles(
    articles: Iterable[Article], nlp: Language, dictionary: ActorDictionary, batch_size: int = 16
) -> Iterator[ParsedArticle]:
    """Parse articles in batches through ``nlp.pipe`` (the model runs once per batch)."""
    articles = list(articles)  # iterated twice: texts for the model, then records
    docs = nlp.pipe((_surface_doc(a, nlp, dictionary) for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield _assemble(article, doc, dictionary)


def _surface_doc(article: Article, nlp: Language, dictionary: ActorDictionary):
    """The article's parse surface as a tokenised doc, carrying where its headlines end."""
    found = surface(article.text, dictionary, article.place)
    doc = nlp.make_doc(found.text)
    if found.breaks:
        doc.user_data[BREAKS] = found.breaks
    return doc


def _assemble(article: Article, doc, dictionary: ActorDictionary) -> ParsedArticle:
    tokens, sentences = doc_records(doc)
    published = publication_date(article)
    day = published.value if published else None
    mentions = find_mentions(article, tokens, sentences, dictionary, day)
    dates = find_dates(article, tokens, sentences, published)
    quotes = find_quotes(article, tokens, sentences, mentions, dates)
    return ParsedArticle(
        article=article,
        tokens=tokens,
        sentences=sentences,
        mentions=mentions,
        dates=dates,
        quotes=quotes,
        publication=published,
        home=dictionary.home_country(article.place),
    )
