"""Hand-built records for the ledger tests: articles of given sentences with their events and quotes."""

from __future__ import annotations

from chancery.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Plover,
    Quote,
    Sentence,
    Speaker,
    content_id,
)

# The CAMEO codes the tests use: (name, quad class, Goldstein score, PLOVER event).
CAMEO = {
    "030": ("Express intent to cooperate", 1, 4.0, "AGREE"),
    "043": ("Host a visit", 1, 2.8, "CONSULT"),
    "050": ("Engage in diplomatic cooperation", 1, 3.5, "COOPERATE"),
    "051": ("Praise or endorse", 1, 3.4, "SUPPORT"),
    "054": ("Grant diplomatic recognition", 1, 6.0, "SUPPORT"),
    "111": ("Criticize or denounce", 3, -2.0, "ACCUSE"),
    "161": ("Reduce or break diplomatic relations", 4, -4.0, "REDUCE"),
    "166": ("Expel or withdraw", 4, -7.0, "REDUCE"),
}


def actor(code: str, text: str | None = None) -> Actor:
    """An actor from a CAMEO-style code (country from the first three letters unless an IGO)."""
    igo = code.startswith("IGO")
    return Actor(
        text=text or code,
        code=code,
        country=None if igo else code[:3],
        sector=(code[3:6] or None) if not igo else None,
    )


def coded(
    *sentences: str,
    events: tuple[dict, ...] = (),
    quotes: tuple[dict, ...] = (),
    date: str | None = "2025-07-04",
    publisher: str | None = "Reuters",
    url: str | None = None,
    title: str | None = None,
) -> CodedArticle:
    """A coded article of ``sentences``; each ``events`` dict holds the keyword arguments of ``event``."""
    text = " ".join(sentences)
    article = Article(
        id=Article.make_id(text), text=text, title=title, date=date, publisher=publisher, url=url
    )
    spans, offset = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index=index, start=offset, end=offset + len(sentence), first=0, last=0))
        offset += len(sentence) + 1
    built_events = tuple(event(article, spans, **spec) for spec in events)
    built_quotes = tuple(quote(article, **spec) for spec in quotes)
    return CodedArticle(article=article, events=built_events, quotes=built_quotes, sentences=tuple(spans))


def event(
    article: Article,
    spans: list[Sentence],
    *,
    source: str = "RUSGOV",
    target: str | None = "AFGGOV",
    cameo: str = "054",
    sentence: int = 0,
    negated: bool = False,
    modality: str = "asserted",
    date: str | None = None,
    relation: str | None = None,
    detail: str | None = None,
    id: str | None = None,
    counted: bool | None = None,
) -> Event:
    """An event of ``article`` in sentence ``sentence``; ``counted`` follows the contract unless forced."""
    name, quad, goldstein, plover = CAMEO[cameo]
    span = spans[sentence]
    text = article.text[span.start : span.end]
    return Event(
        id=id or content_id(article.id, sentence, source, target, cameo, negated, modality),
        article_id=article.id,
        sentence=sentence,
        source=actor(source),
        target=actor(target) if target else None,
        cameo=cameo,
        cameo_name=name,
        quad_class=quad,
        goldstein=goldstein,
        plover=Plover(plover, None, "diplomatic"),
        negated=negated,
        modality=modality,
        counted=Event.is_counted(negated, modality) if counted is None else counted,
        date=date or article.date,
        date_basis="explicit" if date else "publication",
        evidence=Evidence(
            span.start, span.end, text, trigger=text.split()[1], rule="test", notes=("made by hand",)
        ),
        detail=detail,
        relation=relation,
    )


def quote(
    article: Article,
    *,
    text: str,
    name: str | None = None,
    code: str | None = None,
    date: str | None = None,
    role: str | None = None,
) -> Quote:
    """A quote found in ``article`` (its text must occur there), said by ``name`` for actor ``code``."""
    start = article.text.index(text)
    speaker = Speaker(name=name, role=role, actor=actor(code) if code else None) if name or code else None
    return Quote(
        id=content_id(article.id, start),
        article_id=article.id,
        text=text,
        direct=True,
        start=start,
        end=start + len(text),
        cue="said",
        date=date,
        speaker=speaker,
    )
