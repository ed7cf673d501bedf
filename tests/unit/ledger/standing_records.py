"""A small hand-built ledger about the Taliban government's standing, for the listing, view and API tests.

Seven articles (one undated) with recognitions, a refusal, envoys hosted both ways, a stated
condition, quotes and actor mentions.  What each test expects is read off these sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ledger_factory import actor, coded

from chancery.records import CodedArticle, Mention, TextSpan, content_id

# The words the mentions mark, and the actor each names.
NAMES = {
    "Pakistan": "PAK",
    "Russia": "RUSGOV",
    "Moscow": "RUSGOV",
    "China": "CHNGOV",
    "Beijing": "CHNGOV",
    "Kabul": "AFGGOV",
    "Taliban": "AFGGOV",
    "Qatar": "QATGOV",
    "Armenia": "ARM",
}


def with_mentions(article: CodedArticle) -> CodedArticle:
    """``article`` with a mention for each of NAMES' words in its text."""
    text = article.article.text
    mentions = []
    for match in re.finditer("|".join(NAMES), text):
        sentence = next(s.index for s in article.sentences if s.start <= match.start() < s.end)
        mentions.append(
            Mention(
                id=content_id(article.article.id, match.start()),
                span=TextSpan(match.start(), match.end()),
                text=match.group(),
                sentence=sentence,
                first=0,
                last=1,
                head=0,
                actor=actor(NAMES[match.group()], match.group()),
                rule=f"test-name:{match.group().lower()}",
            )
        )
    return replace(article, mentions=tuple(mentions))


PAKISTAN_HAS_NOT = coded(
    "Pakistan has not formally recognised the Taliban government.",
    "Its diplomats in Kabul were told to keep working as before.",
    events=({"source": "PAK", "target": "AFGGOV", "relation": "recognition:recognized", "negated": True},),
    date="2025-05-30",
    publisher="Frontier Post",
    title="Pakistan keeps its distance",
)
RUSSIA_RECOGNISES = coded(
    "Russia became the first country to recognise the Taliban government on Thursday.",
    "Moscow accepted the credentials of the new Afghan ambassador.",
    '"The decision opens a new chapter," said envoy Zamir Kabulov.',
    events=(
        {"source": "RUSGOV", "target": "AFGGOV", "relation": "recognition:recognized"},
        {
            "source": "RUSGOV",
            "target": "AFGGOV",
            "cameo": "043",
            "sentence": 1,
            "relation": "representation:hosts_ambassador",
        },
    ),
    quotes=({"text": "The decision opens a new chapter,", "name": "Zamir Kabulov", "code": "RUSGOV"},),
    date="2025-07-03",
    publisher="Tass Wire",
    title="Russia recognises the Taliban government",
)
CHINA_HAS_NOT = coded(
    "China has not formally recognised the Taliban administration.",
    "Beijing urged Kabul to form an inclusive government before any recognition.",
    '"Afghanistan should not be isolated," said spokesperson Mao Ning.',
    events=(
        {"source": "CHNGOV", "target": "AFGGOV", "relation": "recognition:recognized", "negated": True},
        {
            "source": "CHNGOV",
            "target": "AFGGOV",
            "cameo": "030",
            "sentence": 1,
            "modality": "conditional",
            "relation": "condition:conditional",
            "detail": "form an inclusive government",
        },
    ),
    quotes=(
        {
            "text": "Afghanistan should not be isolated,",
            "name": "Mao Ning",
            "code": "CHNGOV",
            "role": "spokesperson",
        },
    ),
    date="2025-07-04",
    publisher="Xinhua Desk",
    title="China holds back its recognition",
)
CHINA_ACCEPTS_ENVOY = coded(
    "President Xi accepted in Beijing the credentials of the ambassador sent by the Taliban.",
    events=(
        {
            "source": "CHNGOV",
            "target": "AFGGOV",
            "cameo": "043",
            "relation": "representation:hosts_ambassador",
        },
    ),
    date="2024-01-30",
    publisher="Xinhua Desk",
    title="Xi accepts a Taliban envoy",
)
KABUL_WELCOMES = coded(
    "Kabul welcomed the new Chinese ambassador at a ceremony.",
    events=(
        {"source": "AFGGOV", "target": "CHN", "cameo": "043", "relation": "representation:hosts_ambassador"},
    ),
    date="2023-09-13",
    publisher="Kabul Times",
    title="A Chinese ambassador in Kabul",
)
QATAR_UNDATED = coded(
    "Qatar hosted talks with the Taliban delegation.",
    events=({"source": "QATGOV", "target": "AFGGOV", "cameo": "043"},),
    date=None,
    publisher=None,
    title="Talks in Doha",
)
ARMENIA_RECOGNISES = coded(
    "Armenia recognised the State of Palestine.",
    events=({"source": "ARM", "target": "PSEGOV", "relation": "recognition:recognized"},),
    date="2024-06-21",
    publisher="Yerevan Desk",
    title="Armenia recognises Palestine",
)

ARTICLES = tuple(
    with_mentions(article)
    for article in (
        PAKISTAN_HAS_NOT,
        RUSSIA_RECOGNISES,
        CHINA_HAS_NOT,
        CHINA_ACCEPTS_ENVOY,
        KABUL_WELCOMES,
        QATAR_UNDATED,
        ARMENIA_RECOGNISES,
    )
)


def store_all(ledger) -> None:
    """Store every article of this ledger."""
    assert ledger.store_many(ARTICLES) == [True] * len(ARTICLES)
