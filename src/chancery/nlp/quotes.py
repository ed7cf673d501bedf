"""Quotes: direct and reported speech with their speakers.

PLACEHOLDER: the full finder is issue 5's work; this signature is the contract.
"""

from __future__ import annotations

from chancery.records import Article, DateRef, Mention, Quote, Sentence, Token


def find_quotes(
    article: Article,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    dates: tuple[DateRef, ...],
) -> tuple[Quote, ...]:
    """Every direct and indirect quote in the article, with its speaker."""
    return ()
