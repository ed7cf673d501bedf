"""The records every stage speaks: frozen dataclasses with one ``to_dict()`` each.

Stages never import one another; they hand these records down the pipeline
(ingest → nlp → coding → ledger).  ``to_dict()`` is the output contract of
DESIGN.md: the CLI, the ledger and the shards all serialise through it, and
``from_dict()`` reads it back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cache, lru_cache
from json.encoder import encode_basestring
from typing import Any, ClassVar

MODALITIES = ("asserted", "intended", "requested", "conditional", "hypothetical", "denied")
DATE_BASES = ("explicit", "relative", "publication")
PRECISIONS = ("day", "week", "month", "year")
RELATION_KINDS: dict[str, tuple[str, ...]] = {
    "recognition": ("recognized", "not_recognized", "withdrawn"),
    "diplomatic_relations": ("active", "suspended", "severed"),
    "representation": ("hosts_ambassador", "hosts_envoy", "expelled", "recalled"),
    "position": ("supports", "opposes"),
    "condition": ("conditional",),
}


# what json.dumps(part, sort_keys=True, ensure_ascii=False, default=str) builds on every call
_ID_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)


def content_id(*parts: object, length: int = 16) -> str:
    """A stable hex id from the given parts (content hashing makes re-ingest harmless).

    The sha256 of each part's JSON text followed by a 0x1F separator, all in a row.
    """
    joined = "".join(_id_json(part) + "\x1f" for part in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:length]


def _id_json(part: object) -> str:
    """``_ID_ENCODER.encode(part)``, with the two common kinds of part written directly.

    For a ``str`` the encoder returns ``encode_basestring(part)`` itself (``ensure_ascii`` is
    off); for an ``int`` (not a ``bool``) it writes ``int.__repr__(part)``, but only after
    setting up a whole encoding pass, which costs several times the hashing. Ids are made per
    mention and per event, so this is a hot path.
    """
    kind = type(part)
    if kind is str:
        return encode_basestring(part)
    if kind is int:
        return int.__repr__(part)
    return _ID_ENCODER.encode(part)


class Record:
    """Mixin: generic ``to_dict``/``from_dict`` for nested frozen dataclasses."""

    # field name -> record class, for fields holding records or tuples of records
    nested: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _names(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs: dict[str, Any] = {}
        names = _names(cls)
        for name, value in data.items():
            if name not in names:
                continue
            kind = cls.nested.get(name)
            if kind is not None and value is not None:
                if isinstance(value, list):
                    value = tuple(kind.from_dict(v) for v in value)
                else:
                    value = kind.from_dict(value)
            elif isinstance(value, list):
                value = _tuples(value)
            kwargs[name] = value
        return cls(**kwargs)


@cache
def _names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order (``fields()`` rebuilds its answer on every call)."""
    return tuple(f.name for f in fields(cls))


_SCALARS = (str, int, float, type(None))  # bool is an int


def _plain(value: Any) -> Any:
    if isinstance(value, _SCALARS):  # most values: answered before the rarer checks
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _tuples(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


@dataclass(frozen=True)
class TextSpan(Record):
    """Character offsets ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Article(Record):
    """One news article as ingested: its text and what the input said about it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date, YYYY-MM-DD
    publisher: str | None = None
    url: str | None = None
    place: str | None = None  # dateline place, e.g. "MOSCOW", "RAIPUR, India"
    source: str | None = None  # where it was read from: a path, "path:line" or "-"
    date_basis: str | None = None  # how `date` was found: input, metadata, dateline, flag
    external_id: str | None = None  # the input's own id (JSONL "id"), kept for traceability
    language: str | None = None  # ISO 639-1 code the text was found to be in; None: not told apart

    @staticmethod
    def make_id(text: str) -> str:
        """Articles are identified by their text alone, so a re-ingest is a no-op."""
        return content_id(" ".join(text.split()))


@dataclass(frozen=True)
class Token(Record):
    """One token of the parse; ``i`` and ``head`` index ``ParsedArticle.tokens``."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sentence: int
    ent_type: str = ""
    ent_iob: str = ""
    whitespace: str = ""


@dataclass(frozen=True)
class Sentence(Record):
    """A sentence: its character span and its token range ``[first, last)``."""

    index: int
    start: int
    end: int
    first: int
    last: int
    paragraph: int = 0


@dataclass(frozen=True)
class DatedCode(Record):
    """A dictionary code valid from ``start`` to ``end`` (ISO dates, open when None)."""

    code: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor(Record):
    """Who acts or is acted upon, coded CAMEO-style (``CHNGOV``, ``IGOUNO``)."""

    text: str
    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None  # a person's name, when the actor is a person
    role: str | None = None  # the person's or office's role, e.g. "spokesperson"
    organization: str | None = None  # e.g. "Foreign Ministry"


@dataclass(frozen=True)
class Mention(Record):
    """A stretch of text that names an actor, with the rule that resolved it."""

    id: str
    span: TextSpan
    text: str
    sentence: int
    first: int  # token range [first, last)
    last: int
    head: int  # syntactic head token of the mention
    actor: Actor  # resolved on the article's date
    rule: str  # which dictionary entry / heuristic fired
    codes: tuple[DatedCode, ...] = ()  # the date-bounded codes of the entry, if any
    kind: str = "state"  # state | capital | demonym | igo | group | person | pronoun | role
    refers_to: str | None = None  # id of the mention a pronoun or surname continues

    def actor_on(self, day: str | None) -> Actor:
        """The actor this mention names on ``day``, using the entry's date bounds."""
        for dated in self.codes:
            if dated.valid_on(day):
                return _recode(self.actor, dated.code)
        return self.actor


@lru_cache(maxsize=4096)
def _recode(actor: Actor, code: str) -> Actor:
    """``actor`` under another of its dated codes, with that code's country and sector.

    Remembered (actors are frozen and compare by value, so an equal answer may be shared): the
    coder asks for the same mention's actor on the same day many times, and ``replace`` costs
    about ten times a lookup.
    """
    country = code[:3] if len(code) >= 3 and not code.startswith("IGO") else actor.country
    sector = code[3:6] if len(code) >= 6 and not code.startswith("IGO") else actor.sector
    return replace(actor, code=code, country=country, sector=sector or None)


Mention.nested = {"span": TextSpan, "actor": Actor, "codes": DatedCode}


@dataclass(frozen=True)
class DateRef(Record):
    """A resolved date: value (YYYY-MM-DD), precision and how it was found."""

    value: str
    precision: str = "day"  # day | month | year
    basis: str = "publication"  # explicit | relative | publication
    text: str = ""
    span: TextSpan | None = None
    sentence: int | None = None
    historical: bool = False  # background ("since 2021"), not the news itself


DateRef.nested = {"span": TextSpan}


@dataclass(frozen=True)
class Speaker(Record):
    """Who is quoted: name, role, organisation and the actor they speak for."""

    name: str | None = None
    role: str | None = None
    organization: str | None = None
    actor: Actor | None = None
    mention_id: str | None = None
    rule: str | None = None


Speaker.nested = {"actor": Actor}


@dataclass(frozen=True)
class Quote(Record):
    """A direct or reported statement with its speaker and cue ("said", "according to")."""

    id: str
    article_id: str
    text: str
    direct: bool
    start: int
    end: int
    cue: str | None = None
    date: str | None = None
    speaker: Speaker | None = None
    sentences: tuple[int, ...] = ()

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.start, self.end)


Quote.nested = {"speaker": Speaker}


@dataclass(frozen=True)
class ParsedArticle(Record):
    """What the nlp stage knows about an article: parse, actors, dates, quotes."""

    article: Article
    tokens: tuple[Token, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    publication: DateRef | None = None
    home: str | None = None  # the country (alpha-3) of the dateline's place, when the dictionary knows it


ParsedArticle.nested = {
    "article": Article,
    "tokens": Token,
    "sentences": Sentence,
    "mentions": Mention,
    "dates": DateRef,
    "quotes": Quote,
    "publication": DateRef,
}


@dataclass(frozen=True)
class Plover(Record):
    """The PLOVER coding of an event: event type, mode and context."""

    event: str
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True)
class Evidence(Record):
    """Why an event was coded: the sentence span, the trigger and the rule that fired."""

    start: int
    end: int
    text: str
    trigger: str
    rule: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    notes: tuple[str, ...] = ()  # the further decisions: actor rules, negation, modality, date


@dataclass(frozen=True)
class Event(Record):
    """One coded event: who did what to whom, in CAMEO and PLOVER, with its evidence.

    ``counted`` holds exactly when the event is not negated and is asserted.
    """

    id: str
    article_id: str
    sentence: int  # index of the sentence in the article
    source: Actor
    target: Actor | None
    cameo: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover: Plover
    negated: bool
    modality: str
    counted: bool
    date: str | None
    date_basis: str
    evidence: Evidence
    quote_id: str | None = None
    date_precision: str = "day"
    detail: str | None = None  # e.g. the act supported, or the conditions stated
    relation: str | None = None  # "kind:state" hint for the relations ledger, set by the pattern
    relation_subject: str = "source"  # which party the relation is about: "source", or "target"
    act: str | None = None  # id of the event this one is about ("support for X's decision to ...")
    speaker: Speaker | None = None  # who announced it, when it is told in a quote or reported speech

    @staticmethod
    def is_counted(negated: bool, modality: str) -> bool:
        return not negated and modality == "asserted"


Event.nested = {"source": Actor, "target": Actor, "plover": Plover, "evidence": Evidence, "speaker": Speaker}


@dataclass(frozen=True)
class CodedArticle(Record):
    """The coding stage's output: the article with its events and quotes."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def summary(self) -> dict[str, Any]:
        """The ``chancery code --format json`` object of DESIGN.md."""
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "date": a.date,
            "publisher": a.publisher,
            "language": a.language,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
        }


CodedArticle.nested = {
    "article": Article,
    "events": Event,
    "quotes": Quote,
    "sentences": Sentence,
    "mentions": Mention,
}


@dataclass(frozen=True)
class RelationEvidence(Record):
    """One report behind a relation state: article, event or quote, and its sentence."""

    article_id: str
    text: str
    event_id: str | None = None
    quote_id: str | None = None
    date: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Relation(Record):
    """A relation state between two actors, valid from ``since`` until ``until``."""

    subject: Actor
    object: Actor
    kind: str
    state: str
    since: str | None
    until: str | None
    detail: str | None = None
    evidence: tuple[RelationEvidence, ...] = ()
    rule: str | None = None
    note: str | None = None  # which report the ledger believes, and why


Relation.nested = {"subject": Actor, "object": Actor, "evidence": RelationEvidence}


@dataclass(frozen=True)
class InputProblem(Record):
    """An input that could not be read: where it came from and why (one line)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class InputNote(InputProblem):
    """Something worth telling about an input that is no problem (a FIFO skipped, a language not coded).

    It travels through the pipeline in its input's place, as a problem does, but counts as none.
    """

    def __str__(self) -> str:
        return f"note: {self.source}: {self.reason}"


@dataclass(frozen=True)
class Run(Record):
    """One ingest run: the coder version and settings digest that produced the rows."""

    id: str
    started: str
    finished: str | None = None
    coder_version: str = ""
    settings_digest: str = ""
    articles: int = 0
    stored: int = 0
    events: int = 0
    failures: int = 0
    inputs: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class FeedItem(Record):
    """An article a feed or sitemap lists: its page's address and what the feed says of it."""

    url: str
    guid: str | None = None  # RSS guid or Atom id: the feed's own name for the item
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, from pubDate, published, updated or lastmod
    feed: str | None = None  # the feed or sitemap that listed it

    def seen_keys(self) -> tuple[str, ...]:
        """The names an item is known by (its address, and its guid if any): an item is new only
        when none of them was seen before, so a feed repeating it under a new address or guid
        does not bring it back."""
        named = [content_id("url", self.url)]
        if self.guid:
            named.append(content_id("guid", self.guid))
        return tuple(named)


@dataclass(frozen=True)
class FeedState(Record):
    """What the ledger remembers of a watched feed between runs: the validators of its last answer."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    checked: str | None = None  # when it was last fetched (ISO 8601, UTC)
    sitemaps: tuple[str, ...] = ()  # a sitemap index's sitemaps, as its last full answer listed them
