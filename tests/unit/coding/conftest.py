"""Fixtures for coding tests: real parses with hand-placed actor mentions, coded by the real coder."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from chancery.coding.events import Coder, code_article
from chancery.records import Actor, DatedCode, Mention, ParsedArticle, TextSpan


def place_mentions(
    parsed: ParsedArticle,
    actors: dict[str, str],
    dated: dict[str, tuple] | None = None,
    kinds: dict[str, str] | None = None,
):
    """``parsed`` with a Mention for every occurrence of each name in ``actors`` (name -> code).

    ``kinds`` gives a mention kind other than "state" ("place", "role", "person") by name.
    """
    text = parsed.article.text
    mentions = []
    for name, code in actors.items():
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            tokens = [t for t in parsed.tokens if t.start >= match.start() and t.end <= match.end()]
            if not tokens:
                continue
            first, last = tokens[0].i, tokens[-1].i + 1
            head = next(t.i for t in tokens if not first <= t.head < last or t.head == t.i)
            codes = tuple(DatedCode(*c) for c in (dated or {}).get(name, ()))
            actor = Actor(text=name, code=code, country=None if code.startswith("IGO") else code[:3])
            mentions.append(
                Mention(
                    id=f"m{len(mentions)}",
                    span=TextSpan(match.start(), match.end()),
                    text=name,
                    sentence=tokens[0].sentence,
                    first=first,
                    last=last,
                    head=head,
                    actor=actor,
                    rule="test:" + name,
                    codes=codes,
                    kind=(kinds or {}).get(name, "state"),
                )
            )
    return replace(parsed, mentions=tuple(mentions))


@pytest.fixture(scope="session")
def coder():
    return Coder.load()


@pytest.fixture(scope="session")
def coded(pipeline, coder):
    """coded(text, {name: code}, date=...) -> events of the text, with mentions placed by hand."""
    from chancery.records import Article

    def _coded(text: str, actors: dict[str, str], date: str = "2025-07-04", dated=None, kinds=None):
        parsed = pipeline.parse(Article(id=Article.make_id(text), text=text, date=date))
        return code_article(place_mentions(parsed, actors, dated, kinds), coder).events

    return _coded
