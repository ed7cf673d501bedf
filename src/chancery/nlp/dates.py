"""Dates: the publication date and every temporal expression, resolved against it.

PLACEHOLDER: the full resolver is issue 5's work; these signatures are the contract.
"""

from __future__ import annotations

from chancery.records import Article, DateRef, Sentence, Token


def publication_date(article: Article) -> DateRef | None:
    """The article's publication date as a ``DateRef`` (basis ``publication``), if known."""
    if article.date:
        return DateRef(value=article.date[:10], precision="day", basis="publication")
    return None


def find_dates(
    article: Article,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    published: DateRef | None,
) -> tuple[DateRef, ...]:
    """Every temporal expression in the text, resolved against ``published``."""
    return ()
