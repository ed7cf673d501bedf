"""Actor mentions: states, capitals, demonyms, organisations, groups and people, by date.

PLACEHOLDER: the full resolver is issue 3's work; this signature is the contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from chancery.records import Article, Mention, Sentence, Token


@dataclass(frozen=True)
class ActorDictionary:
    """The actor dictionary loaded from ``chancery/data``."""

    @classmethod
    def load(cls) -> ActorDictionary:
        return cls()


def find_mentions(
    article: Article,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    dictionary: ActorDictionary,
    day: str | None,
) -> tuple[Mention, ...]:
    """Every actor mention in the article, resolved as of ``day`` (YYYY-MM-DD)."""
    return ()
