"""Whose a domestic body is: the state a story is told from, for an unowned sector noun.

"Police fired tear gas", "the opposition boycotted the vote", "opposition leader Raila Odinga": in a
datelined wire story these are the dateline state's (or that of a sentence opened by "In <capital>,");
with no dateline, the one state the story has named before them. Nothing is guessed when the words say
whose the body is or that it is someone else's, or when the story names another state.
"""

from __future__ import annotations

from chancery.nlp.descriptions import descriptions
from chancery.nlp.dictionary import Entry
from chancery.nlp.matching import Match, Text
from chancery.nlp.people import WINDOW, Found, local_dateline
from chancery.nlp.role_phrases import PREFIX_KINDS
from chancery.records import Sentence

DEFINITE = frozenset({"the", "these", "those"})
HYPHENS = frozenset({"-", "‑", "–"})
NAMING_KINDS = PREFIX_KINDS | {"person"}  # mentions that name a state
# modifiers that place a body outside the story's state ("foreign governments", "the international community")
OUTSIDE = frozenset({"foreign", "international", "world", "western", "other", "neighbouring", "neighboring",
                     "regional", "global", "overseas", "outside"})  # fmt: skip
# verbs whose object is the audience of a statement ("told reporters", "briefed journalists")
AUDIENCE_OF = frozenset({"tell", "brief", "inform", "address"})
# Sectors whose unowned nouns ("police", "the opposition", "judges", "rebels") are, in a story told from
# one state, that state's own: its institutions and its people, not its envoys abroad.
DOMESTIC_SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "LAB", "EDU", "AGR",
    "HLH", "CVL", "REL", "BUS", "PTY", "MED", "CRM", "NGO", "REF", "SPY",
})  # fmt: skip


def home_state(
    text: Text, sentence: Sentence, items: list[Match], before: list[Found], chain: list[Match], role: Entry
) -> str | None:
    """The state (alpha-3) whose body the role phrase ``chain`` (merged into ``role``) names, if the
    story makes it clear; ``items`` are the sentence's dictionary matches, ``before`` what was found
    before the phrase."""
    if role.sector not in DOMESTIC_SECTORS or {"abroad", "inherit"} & role.flags:
        return None
    if role.sector == "GOV" and "title" in role.flags:
        return None  # "Acting President Oscar Arias" may lead any state the story is about
    if not _a_body(text, sentence, chain):
        return None
    first = chain[0].first
    named = _states_named(text, sentence, items, before)
    local = local_dateline(before, first, text)
    home = local.codes[0].code[:3] if local is not None else text.home
    if home is None:
        # no dateline: the one state the story has named so far ("Kenyan police fired at protesters")
        earlier = _states_named(text, sentence, [m for m in items if m.first < first], before)
        home = next(iter(earlier)) if len(earlier) == 1 and named == earlier else None
    if home is None or named - {home}:
        # a story about two states ("protesters stormed the Saudi embassy", "opposition candidate Edmundo
        # Gonzalez, winner of Venezuela's vote"): whose these bodies are is not the dateline's
        return None
    return home


def _a_body(text: Text, sentence: Sentence, chain: list[Match]) -> bool:
    """Whether the role phrase stands for a body of its own, not someone's, not a describing word."""
    tokens = text.tokens
    head = tokens[chain[-1].last - 1]
    children = [
        tokens[k] for k in range(sentence.first, sentence.last) if tokens[k].head == head.i and k != head.i
    ]
    if any(c.lemma.lower() in OUTSIDE for c in children):
        return False  # "foreign governments", "the international community": not the story's own
    if (
        head.pos not in ("NOUN", "PROPN")
        or head.dep == "amod"
        or _hyphened(text, chain[0].first, chain[-1].last)
    ):
        return False  # "official recognition", "anti-government protesters": a word that describes
    described = text.lower(chain[0].first - 1) in ("the", "this", "that")
    if described and head.tag not in ("NNS", "NNPS") and head.lemma.lower() in descriptions():
        return False  # "the kingdom", "the bloc": a description of an actor named before
    definite = any(c.lemma.lower() in DEFINITE for c in children)
    if any(c.dep == "poss" for c in children) or (definite and any(c.dep == "nummod" for c in children)):
        return False  # "the Pacific nation's cabinet", "its special forces", "the three Sahel juntas"
    # "told reporters": whom a statement was made to, not a party to it
    return not (head.dep in ("dobj", "dative") and tokens[head.head].lemma.lower() in AUDIENCE_OF)


def _hyphened(text: Text, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are joined by a hyphen to a word before or after them."""
    tokens = text.tokens
    before = first > 0 and tokens[first - 1].text in HYPHENS and not tokens[first - 1].whitespace
    after = last < len(tokens) and tokens[last].text in HYPHENS and not tokens[last - 1].whitespace
    return before or after


def _states_named(text: Text, sentence: Sentence, items: list[Match], before: list[Found]) -> set[str]:
    """The states ``items`` and the few sentences before name (as an actor, a demonym, a capital or
    another place, or through a person of theirs)."""
    here = [m.entry.codes[0].code for m in items if m.entry.kind in NAMING_KINDS and m.entry.codes]
    index = text.tokens[sentence.first].sentence
    near = [
        f.codes[0].code for f in before if f.codes and index - WINDOW <= text.tokens[f.first].sentence < index
    ]
    return {code[:3] for code in here + near if not code.startswith(("IGO", "NGO"))}
