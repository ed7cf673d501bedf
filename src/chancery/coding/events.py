"""Event coding: ``ParsedArticle`` → ``CodedArticle``.

PLACEHOLDER: the full coder is issue 4's work; these signatures are the contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from chancery.records import CodedArticle, ParsedArticle


@dataclass(frozen=True)
class Coder:
    """The loaded codebook and patterns; build once with ``Coder.load()``."""

    @classmethod
    def load(cls) -> Coder:
        return cls()


def code_article(parsed: ParsedArticle, coder: Coder) -> CodedArticle:
    """Code every event of ``parsed`` with ``coder``."""
    return CodedArticle(
        article=parsed.article,
        events=(),
        quotes=parsed.quotes,
        sentences=parsed.sentences,
        mentions=parsed.mentions,
    )
