"""Helpers shared by the quote tests: the quotes of a parse, one quote by text, hand-made mentions."""

from __future__ import annotations

from chancery.nlp.quotes import find_quotes
from chancery.records import Actor, Mention, TextSpan


def quotes_of(parsed, mentions=None, dates=None):
    """The quotes of a parsed article, optionally with hand-made mentions or dates."""
    return find_quotes(
        parsed.article,
        parsed.tokens,
        parsed.sentences,
        parsed.mentions if mentions is None else tuple(mentions),
        parsed.dates if dates is None else tuple(dates),
    )


def one(quotes, text):
    """The single quote whose text is ``text``."""
    found = [q for q in quotes if q.text == text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def mention(parsed, text, kind, code, name=None, refers_to=None, nth=0, role=None, organization=None):
    """A mention of ``text`` (its nth occurrence) as the actors stage would make it."""
    start = -1
    for _ in range(nth + 1):
        start = parsed.article.text.index(text, start + 1)
    end = start + len(text)
    tokens = [t for t in parsed.tokens if t.start < end and start < t.end]
    actor = Actor(
        text=text,
        code=code,
        country=code[:3],
        sector=code[3:] or None,
        name=name,
        role=role,
        organization=organization,
    )
    return Mention(
        id=f"{kind}-{start}",
        span=TextSpan(start, end),
        text=text,
        sentence=tokens[0].sentence,
        first=tokens[0].i,
        last=tokens[-1].i + 1,
        head=tokens[-1].i,
        actor=actor,
        rule="test",
        kind=kind,
        refers_to=refers_to,
    )


def span_of(text: str, word: str) -> TextSpan:
    """The span of the first occurrence of ``word`` in ``text``."""
    start = text.index(word)
    return TextSpan(start, start + len(word))
