"""Event coding: ``ParsedArticle`` → ``CodedArticle``.

PLACEHOLDER: the full coder is issue 4's work; this signature is the contract.
"""

from __future__ import annotations

from chancery.records import CodedArticle, ParsedArticle


def code_article(parsed: ParsedArticle, coder: object | None = None) -> CodedArticle:
    """Code every event of ``parsed``; ``coder`` holds the loaded codebook and patterns."""
    return CodedArticle(
        article=parsed.article,
        events=(),
        quotes=parsed.quotes,
        sentences=parsed.sentences,
        mentions=parsed.mentions,
    )
