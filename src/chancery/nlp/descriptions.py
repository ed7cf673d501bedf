"""Definite descriptions and "it": later phrases that stand for a state, group or organisation named before.

"Algeria cut ties with Morocco, accusing the kingdom of hostile acts": "the kingdom" is Morocco.
"Mali, Niger and Burkina Faso left ECOWAS, accusing the bloc of ...": "the bloc" is ECOWAS. "Ankara
has accepted a diplomat sent by the junta": the junta of the state named before. "... It keeps an
envoy in Paris": the subject of the sentence before.

A description takes the latest compatible mention before it, within a few sentences and outside
quotes: of the kind its noun allows (``data/actors/descriptions.tsv``), of a state its adjectives and
noun allow ("the Gulf state", "the kingdom"), and never the subject of its own clause ("Washington
said it would open relations with the new state" is not Washington). Government words ("the regime",
"the junta") name the state's government; others the state, group or organisation itself.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

from chancery.nlp.matching import Text
from chancery.nlp.people import Found
from chancery.records import DatedCode

WINDOW = 3  # sentences back in which a description looks for what it stands for
RANKS = {"first", "second", "third", "fourth", "fifth", "last", "latest", "only", "next", "sole"}
GOVERNMENT_WORDS = {"government", "administration", "regime", "junta", "authorities"}
STATE_KINDS = {"state", "capital", "demonym", "role"}
# verbs whose "it" subject names no actor ("it is unclear whether", "it remains to be seen")
EMPTY_IT_HEADS = {"be", "seem", "appear", "remain", "become", "take", "happen", "emerge", "matter", "follow"}


@lru_cache(maxsize=1)
def descriptions() -> dict[str, tuple[frozenset[str], frozenset[str] | None]]:
    """``data/actors/descriptions.tsv``: word -> (kinds it may stand for, states it may name or None)."""
    text = resources.files("chancery").joinpath("data", "actors", "descriptions.tsv").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kinds, countries = line.split("\t")
        table[word] = (
            frozenset(kinds.split("|")),
            None if countries == "-" else frozenset(countries.split("|")),
        )
    return table


def describe(found: list[Found], text: Text, day: str | None) -> list[Found]:
    """Mentions for the definite descriptions and subject "it"s of ``text`` that ``found`` does not cover."""
    table = descriptions()
    tokens = text.tokens
    covered = {i for f in found for i in range(f.first, f.last)}
    extra: list[Found] = []
    for i, token in enumerate(tokens):
        if i in covered:
            continue
        lemma = token.lemma.lower()
        hyphened = i + 1 < len(tokens) and tokens[i + 1].text == "-" and lemma in GOVERNMENT_WORDS
        single = token.tag not in {"NNS", "NNPS"} and not any(
            t.head == i and t.dep == "nummod" for t in tokens[max(0, i - 3) : i]
        )
        if (
            single
            and token.pos in {"NOUN", "ADJ", "PROPN"}
            and lemma in table
            and (hyphened or _definite(text, i))
        ):
            kinds, allowed = table[lemma]
            for k in _modifiers(text, i):
                narrower = table.get(tokens[k].text) or table.get(tokens[k].text.capitalize())
                if narrower and narrower[1]:
                    allowed = narrower[1] if allowed is None else allowed & narrower[1]
            antecedent = _antecedent(found, text, i, lemma, kinds, allowed, day)
            if antecedent is not None:
                extra.append(_standing_for(antecedent, _start(text, i), i + 1, lemma, day))
        elif token.text.lower() == "it" and token.dep in {"nsubj", "nsubjpass"} and _acting(text, i):
            antecedent = _subject_before(found, text, i)
            if antecedent is not None:
                extra.append(replace(antecedent, first=i, last=i + 1, rule="it-coref", refers_to=None))
    return extra


def regional(found: list[Found], text: Text) -> list[Found]:
    """``found`` without the demonyms that open a regional description: "the Central African country" is a
    state of central Africa named before (Chad, in a story about Chad), not the Central African Republic."""
    table = descriptions()
    tokens = text.tokens
    kept = []
    for f in found:
        head = f.last
        opening = (
            f.kind == "demonym"
            and head < len(tokens)
            and tokens[head].lemma.lower() in {"country", "nation", "state"}
            and tokens[f.first].text.capitalize() in table
            and _definite(text, head)
        )
        if not opening:
            kept.append(f)
    return kept


def _definite(text: Text, i: int) -> bool:
    """ "the kingdom", "the Gulf state", "the country's": a definite phrase with no name of its own
    (and no rank: "the third Arab country to ..." describes rather than refers back)."""
    tokens = text.tokens
    children = [t for t in tokens[max(0, i - 6) : i] if t.head == i]
    if not any(t.dep == "det" and t.lemma.lower() == "the" for t in children):
        return False
    if any(t.text.lower() in RANKS for t in children):
        return False
    table = descriptions()
    if any(t.dep in {"poss", "compound"} and t.pos == "PROPN" and t.text not in table for t in children):
        return False  # "the Taliban government": named, the dictionary's business
    # "the state of Palestine", "the government of Mali": the phrase names its own owner
    ofs = [t.i for t in tokens[i + 1 : i + 3] if t.head == i and t.dep == "prep" and t.lemma.lower() == "of"]
    return not any(t.head in ofs and t.pos == "PROPN" for t in tokens[i + 1 : i + 6])


def _modifiers(text: Text, i: int) -> list[int]:
    return [
        t.i for t in text.tokens[max(0, i - 4) : i] if t.head == i and t.dep in {"amod", "compound", "nmod"}
    ]


def _start(text: Text, i: int) -> int:
    """The first token of the description's phrase (its determiner)."""
    return min([i] + [t.i for t in text.tokens[max(0, i - 6) : i] if t.head == i])


def _subjects_above(text: Text, i: int) -> set[int]:
    """The subject tokens of every clause on the way from token ``i`` up to its sentence's root."""
    tokens = text.tokens
    found: set[int] = set()
    node = i
    for _ in range(30):
        found |= {
            t.i
            for t in tokens[max(0, node - 30) : node + 30]
            if t.head == node and t.dep in {"nsubj", "nsubjpass"}
        }
        if tokens[node].head == node:
            break
        node = tokens[node].head
    return found


def _antecedent(
    found: list[Found],
    text: Text,
    i: int,
    noun: str,
    kinds: frozenset[str],
    allowed: frozenset[str] | None,
    day: str | None,
) -> Found | None:
    """The mention a description stands for, or None when none fits or two fit equally.

    In its own sentence: the latest fitting mention that is not a subject of the clauses above it
    (a clause's own subject is taken up by "it" or "itself", not by "the country"), unless the
    description names few states and is itself the subject of what that one says ("Saudi officials said
    the kingdom would ..."). In earlier
    sentences: the nearest sentence with a fitting mention, its subject if it has one, else its only
    fitting state; two equally fitting states are not guessed between.
    """
    tokens = text.tokens
    sentence = tokens[i].sentence
    above = _subjects_above(text, i)
    fitting: dict[int, list[Found]] = {}
    for f in found:
        if f.last > i or tokens[f.first].sentence < sentence - WINDOW or text.in_quote(f.first):
            continue
        if _fits(f, noun, kinds, allowed, day):
            fitting.setdefault(tokens[f.first].sentence, []).append(f)
    own = [f for f in fitting.get(sentence, []) if not any(k in above for k in range(f.first, f.last))]
    if own:
        return max(own, key=lambda f: f.first)
    if allowed is not None and tokens[i].dep in {"nsubj", "nsubjpass"}:
        # "Saudi officials said the kingdom would ...": a description that names few states, as the
        # subject of what its speaker says, is the speaker's state
        speakers = [f for f in fitting.get(sentence, []) if f.first < i]
        if len({f.code_on(day)[:3] for f in speakers}) == 1:
            return max(speakers, key=lambda f: f.first)
    for back in range(sentence - 1, sentence - WINDOW - 1, -1):
        candidates = fitting.get(back, [])
        if not candidates:
            continue
        subjects = [f for f in candidates if tokens[_phrase_head(text, f)].dep in {"nsubj", "nsubjpass"}]
        chosen = subjects or candidates
        if len({f.code_on(day)[:3] for f in chosen}) != 1:
            return None
        main = [f for f in subjects if tokens[tokens[_phrase_head(text, f)].head].dep == "ROOT"]
        if not main and _upstaged(found, text, i, chosen[0], noun, kinds, allowed, day, above):
            return None
        return max(chosen, key=lambda f: f.first)
    return None


def _upstaged(
    found: list[Found],
    text: Text,
    i: int,
    chosen: Found,
    noun: str,
    kinds: frozenset[str],
    allowed: frozenset[str] | None,
    day: str | None,
    above: set[int],
) -> bool:
    """Whether the state named in the sentences just before a description, not as the subject of what
    that sentence says, is outweighed by another the story has named more often (the subjects of the
    description's own clauses aside) ("Among Taiwan's allies is Tuvalu ... The island of 12,000
    people has changed sides before", in a story about Nauru): two readings, and no guess."""
    counts: dict[str, int] = {}
    for f in found:
        mine = any(k in above for k in range(f.first, f.last))
        if f.last <= i and not mine and not text.in_quote(f.first) and _fits(f, noun, kinds, allowed, day):
            code = f.code_on(day)[:3]
            counts[code] = counts.get(code, 0) + 1
    mine = counts.get(chosen.code_on(day)[:3], 0)
    return any(n > mine for code, n in counts.items() if code != chosen.code_on(day)[:3])


def _fits(
    f: Found, noun: str, kinds: frozenset[str], allowed: frozenset[str] | None, day: str | None
) -> bool:
    """Whether mention ``f`` is of a kind (and a state) the description may stand for."""
    code = f.code_on(day)
    if f.kind == "place":
        # "the embassy in Yangon ... the junta": the government of the place's state
        return noun in GOVERNMENT_WORDS and (allowed is None or code[:3] in allowed)
    if f.kind == "role" and f.rule.startswith("role-context:"):
        return False  # "Foreign Minister X announced": a title whose state is only inferred names none
    if f.kind in STATE_KINDS and not code.startswith(("IGO", "NGO")) and len(code) >= 3:
        return "state" in kinds and (allowed is None or code[:3] in allowed)
    return f.kind in {"igo", "group"} and f.kind in kinds


def _standing_for(antecedent: Found, first: int, last: int, noun: str, day: str | None) -> Found:
    """A mention of the description, standing for the antecedent (its government for government words)."""
    code = antecedent.code_on(day)
    codes = antecedent.codes
    kind = antecedent.kind
    if kind in STATE_KINDS:
        sector = "GOV" if noun in GOVERNMENT_WORDS else ""
        codes = (DatedCode(code[:3] + sector),)
        kind = "state"
    return Found(first=first, last=last, kind=kind, rule="description-coref:" + noun, codes=codes)


def _acting(text: Text, i: int) -> bool:
    """Whether a subject "it" of a main clause may name an actor (not "it is unclear whether ...").

    An "it" in a reported clause ("China said it would ...") is the coder's to resolve.
    """
    tokens = text.tokens
    head = tokens[tokens[i].head]
    main = head.dep == "ROOT" or (head.dep == "conj" and tokens[head.head].dep == "ROOT")
    return main and head.lemma.lower() not in EMPTY_IT_HEADS


def _subject_before(found: list[Found], text: Text, i: int) -> Found | None:
    """The latest state, organisation or group that is a subject in this sentence or the one before; none
    when the latest subject before "it" in its own sentence names no actor ("The island of 12,000 people
    has changed sides before: it recognised Beijing", with "the island" unresolved; "the decision ... it")."""
    tokens = text.tokens
    sentence = tokens[i].sentence
    covered = {k for f in found for k in range(f.first, f.last)}
    earlier = [
        t.i
        for t in tokens[max(0, i - 60) : i]
        if t.sentence == sentence and t.dep in {"nsubj", "nsubjpass"} and t.pos in {"NOUN", "PROPN"}
    ]
    if earlier and earlier[-1] not in covered:
        return None
    for f in sorted(found, key=lambda f: f.first, reverse=True):
        if (
            f.first >= i
            or tokens[f.first].sentence < sentence - 1
            or f.kind in {"person", "pronoun", "place"}
        ):
            continue
        if text.in_quote(f.first) != text.in_quote(i):
            continue
        head = _phrase_head(text, f)
        if tokens[head].dep in {"nsubj", "nsubjpass"}:
            return f
    return None


def _phrase_head(text: Text, f: Found) -> int:
    tokens = text.tokens
    node = next((k for k in range(f.first, f.last) if not f.first <= tokens[k].head < f.last), f.first)
    while tokens[node].dep in {"poss", "compound", "amod", "flat"} and tokens[node].head != node:
        node = tokens[node].head
    return node
