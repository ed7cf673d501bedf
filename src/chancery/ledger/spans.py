"""An article as a reader sees it: its text with every span the coder found in it.

Sentences, actor mentions, quotes and events (each event's evidence sentence and trigger) are
offsets into ``Article.text``, so a page can mark them all in the text they came from.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from chancery.ledger import query, rows, schema
from chancery.records import Article, Event, Mention, Quote, Record


@dataclass(frozen=True)
class SentenceSpan(Record):
    """A stored sentence: its index, its offsets and its paragraph."""

    index: int
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True)
class ArticleSpans(Record):
    """A stored article with its sentences, actor mentions, quotes and events."""

    article: Article
    sentences: tuple[SentenceSpan, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


ArticleSpans.nested = {
    "article": Article,
    "sentences": SentenceSpan,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
}


def article_spans(conn: sa.Connection, article_id: str) -> ArticleSpans | None:
    """The stored article with every span found in it, in text order; None if it is not stored."""
    article = query.article(conn, article_id)
    if article is None:
        return None
    S, M = schema.sentences, schema.mentions
    sentences = conn.execute(
        sa.select(S.c.index, S.c.start, S.c.end, S.c.paragraph)
        .where(S.c.article_id == article_id)
        .order_by(S.c.index)
    ).mappings()
    mentions = conn.execute(
        sa.select(M).where(M.c.article_id == article_id).order_by(M.c.start, M.c.end, M.c.id)
    ).mappings()
    events = query.events(conn, article_id=article_id)
    return ArticleSpans(
        article=article,
        sentences=tuple(SentenceSpan(**row) for row in sentences),
        mentions=tuple(rows.mention_from(row) for row in mentions),
        quotes=tuple(query.quotes(conn, article_id=article_id)),
        events=tuple(sorted(events, key=lambda e: (e.evidence.start, e.evidence.end, e.id))),
    )
