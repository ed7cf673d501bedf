"""A reproducible synthetic ledger: coded articles generated directly as records (no spaCy), at any size.

Each article reports ``events_per_article`` events between states drawn from pycountry's list
(governments and states), dated 2000-2025, with a quote and the actor mentions of each
sentence, so every table the web layer reads is filled.  About two events in five carry a
relation hint (recognitions and refusals, relations kept or cut, envoys hosted or expelled,
positions on a dozen acts, stated conditions), in the proportions of busy wire coverage.  The
same seed and size always give the same records (``digest`` says which).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pycountry

from chancery.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Mention,
    Plover,
    Quote,
    Sentence,
    Speaker,
    TextSpan,
    content_id,
)

OUTLETS = (
    "Reuters",
    "AFP",
    "AP",
    "Xinhua",
    "Tass",
    "Anadolu",
    "Kyodo",
    "dpa",
    "EFE",
    "ANSA",
    "PTI",
    "Yonhap",
)
ACTS = (
    "the ceasefire", "the trade agreement", "the border accord", "the grain corridor",
    "the election result", "the naval exercise", "the refugee deal", "the pipeline project",
    "the nuclear talks", "the fisheries accord", "the debt plan", "the peace plan",
)  # fmt: skip
FIRST_DAY = date(2000, 1, 1).toordinal()
LAST_DAY = date(2025, 12, 31).toordinal()


@dataclass(frozen=True)
class Kind:
    """A kind of generated event: its wording, codes, relation hint and how often it comes."""

    phrase: str
    cameo: str
    name: str
    quad: int
    goldstein: float
    plover: str
    relation: str | None
    weight: float
    negated: bool = False
    modality: str = "asserted"
    topical: bool = False  # a position on one of ACTS


KINDS = (
    Kind("visited", "042", "Make a visit", 1, 1.9, "CONSULT", None, 12),
    Kind("hosted a delegation from", "043", "Host a visit", 1, 2.8, "CONSULT", None, 10),
    Kind("said it would meet", "036", "Express intent to meet or negotiate", 1, 4.0, "CONSULT", None, 6,
         modality="intended"),
    Kind("appealed to", "020", "Make an appeal or request", 1, 3.0, "REQUEST", None, 5),
    Kind("imposed sanctions on", "172", "Impose administrative sanctions", 4, -5.0, "SANCTION", None, 3),
    Kind("shelled positions of", "190", "Use conventional military force", 4, -10.0, "ASSAULT", None, 2),
    Kind("praised", "051", "Praise or endorse", 1, 3.4, "SUPPORT", "position:supports", 8, topical=True),
    Kind("condemned", "111", "Criticize or denounce", 3, -2.0, "ACCUSE", "position:opposes", 8, topical=True),
    Kind("recognised the government of", "054", "Grant diplomatic recognition", 1, 6.0, "SUPPORT",
         "recognition:recognized", 2),
    Kind("has not recognised the government of", "054", "Grant diplomatic recognition", 1, 6.0, "SUPPORT",
         "recognition:recognized", 1, negated=True),
    Kind("restored relations with", "050", "Engage in diplomatic cooperation", 1, 3.5, "COOPERATE",
         "diplomatic_relations:active", 5),
    Kind("severed relations with", "161", "Reduce or break diplomatic relations", 4, -4.0, "REDUCE",
         "diplomatic_relations:severed", 1.5),
    Kind("accepted the credentials of the ambassador of", "043", "Host a visit", 1, 2.8, "COOPERATE",
         "representation:hosts_ambassador", 3),
    Kind("expelled the diplomats of", "1662", "Expel or withdraw", 4, -7.0, "REDUCE",
         "representation:expelled", 1),
    Kind("set conditions for ties with", "030", "Express intent to cooperate", 1, 4.0, "AGREE",
         "condition:conditional", 1, modality="conditional"),
)  # fmt: skip


def states(count: int) -> list[tuple[str, str]]:
    """(alpha-3 code, short name) of the first ``count`` countries of pycountry, by code."""
    found = sorted((c.alpha_3, getattr(c, "common_name", None) or c.name) for c in pycountry.countries)
    return found[:count]


def articles(
    total_events: int, *, seed: int = 13, events_per_article: int = 8, state_count: int = 120
) -> Iterator[CodedArticle]:
    """Coded articles holding ``total_events`` events in all, the same for the same arguments."""
    chance = random.Random(seed)
    cast = states(state_count)
    weights = [kind.weight for kind in KINDS]
    for number in range(-(-total_events // events_per_article)):
        here = min(events_per_article, total_events - number * events_per_article)
        yield _article(chance, cast, weights, number, here)


def _actor(chance: random.Random, state: tuple[str, str]) -> Actor:
    code, name = state
    if chance.random() < 0.6:
        return Actor(text=f"the government of {name}", code=f"{code}GOV", country=code, sector="GOV")
    return Actor(text=name, code=code, country=code)


def _article(chance: random.Random, cast, weights, number: int, count: int) -> CodedArticle:
    published = date.fromordinal(chance.randint(FIRST_DAY, LAST_DAY))
    outlet = chance.choice(OUTLETS)
    pieces: list[tuple[str, Actor, Actor, Kind, str, str | None]] = []
    for _ in range(count):
        source_state, target_state = chance.sample(cast, 2)
        kind = chance.choices(KINDS, weights)[0]
        day = published - timedelta(days=chance.randint(0, 6))
        act = chance.choice(ACTS) if kind.topical else None
        about = f" over {act}" if act else ""
        words = f"{{s}} {kind.phrase} {{t}}{about} on {day:%B} {day.day}, {day.year}."
        pieces.append(
            (words, _actor(chance, source_state), _actor(chance, target_state), kind, day.isoformat(), act)
        )
    spokesperson = pieces[0][1]
    quote_text = f"We will keep working with our partners in the region, number {number}."
    text_parts, spans, mentions, offset = [], [], [], 0
    for index, (words, source, target, _, _, _) in enumerate(pieces):
        head, _, rest = words.partition("{s}")
        middle, _, tail = rest.partition("{t}")
        sentence = f"{head}{source.text}{middle}{target.text}{tail}"
        sentence = sentence[0].upper() + sentence[1:]
        spans.append(Sentence(index=index, start=offset, end=offset + len(sentence), first=0, last=0))
        for actor, at in ((source, len(head)), (target, len(head) + len(source.text) + len(middle))):
            mentions.append(
                Mention(
                    id=content_id(number, index, at),
                    span=TextSpan(offset + at, offset + at + len(actor.text)),
                    text=actor.text,
                    sentence=index,
                    first=0,
                    last=1,
                    head=0,
                    actor=actor,
                    rule="synthetic",
                )
            )
        text_parts.append(sentence)
        offset += len(sentence) + 1
    quote_line = f'"{quote_text}" said a spokesperson.'
    spans.append(Sentence(index=len(spans), start=offset, end=offset + len(quote_line), first=0, last=0))
    text_parts.append(quote_line)
    text = " ".join(text_parts)
    article = Article(
        id=Article.make_id(text),
        text=text,
        title=f"{pieces[0][1].text} and {pieces[0][2].text}: report {number}",
        date=published.isoformat(),
        publisher=outlet,
    )
    events = []
    for index, (_, source, target, kind, day, act) in enumerate(pieces):
        span = spans[index]
        sentence = text[span.start : span.end]
        trigger = kind.phrase.split()[0]
        trigger_at = span.start + sentence.index(trigger, len(source.text))
        events.append(
            Event(
                id=content_id(article.id, index),
                article_id=article.id,
                sentence=index,
                source=source,
                target=target,
                cameo=kind.cameo,
                cameo_name=kind.name,
                quad_class=kind.quad,
                goldstein=kind.goldstein,
                plover=Plover(kind.plover, None, "diplomatic"),
                negated=kind.negated,
                modality=kind.modality,
                counted=Event.is_counted(kind.negated, kind.modality),
                date=day,
                date_basis="explicit",
                evidence=Evidence(
                    span.start,
                    span.end,
                    sentence,
                    trigger,
                    "synthetic",
                    trigger_at,
                    trigger_at + len(trigger),
                ),
                detail=act,
                relation=kind.relation,
            )
        )
    quote_start = text.index(quote_text)
    quote = Quote(
        id=content_id(article.id, "quote"),
        article_id=article.id,
        text=quote_text,
        direct=True,
        start=quote_start,
        end=quote_start + len(quote_text),
        cue="said",
        date=article.date,
        speaker=Speaker(name=None, role="spokesperson", actor=spokesperson),
    )
    return CodedArticle(
        article=article,
        events=tuple(events),
        quotes=(quote,),
        sentences=tuple(spans),
        mentions=tuple(mentions),
    )


def digest(total_events: int, *, seed: int = 13) -> str:
    """A short hash of every generated article id: the same records give the same digest."""
    hashed = hashlib.sha256()
    for coded in articles(total_events, seed=seed):
        hashed.update(coded.article.id.encode())
    return hashed.hexdigest()[:12]
