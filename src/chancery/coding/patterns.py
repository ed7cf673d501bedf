"""Event patterns as data (``data/patterns/events.tsv``) and the matcher that finds their triggers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from chancery.coding.arguments import ACT_NOUNS
from chancery.coding.conditions import terms_parties, terms_set
from chancery.coding.structure import Tree
from chancery.errors import ChanceryError

VERB_TARGETS = ("dobj", "iobj", "prep:with", "prep:to", "prep:against", "prep:on", "obj")
NOUN_TARGETS = ("prep:of", "prep:for", "prep:to", "prep:with", "prep:against", "prep:on")
VERB_TAGS = {"VERB", "AUX"}
NOUN_TAGS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: lemmas, required object and particle, where the target is, and the code."""

    id: str
    cameo: str
    pos: str  # "V" or "N"
    lemmas: frozenset[str]
    objects: frozenset[str]
    particles: frozenset[str]
    targets: tuple[str, ...]
    relation: str | None
    flags: frozenset[str]
    frame: str | None = None

    @cached_property
    def also(self) -> str | None:
        """The id of a second pattern that fires on the same trigger, if any."""
        return next((f.split("=", 1)[1] for f in self.flags if f.startswith("also=")), None)

    @cached_property
    def converse(self) -> str | None:
        """The code of the act the target does in return (flag ``converse=CODE``; ``symmetric``: the same)."""
        if "symmetric" in self.flags:
            return self.cameo
        return next((f.split("=", 1)[1] for f in self.flags if f.startswith("converse=")), None)

    @cached_property
    def infinitives(self) -> frozenset[str]:
        """Verbs one of which must follow as a "to" infinitive in the trigger's clause (flag
        ``tovb=a|b``: "asked the ambassador to leave", "allowed an envoy to run the embassy")."""
        return self._words("tovb=")

    @cached_property
    def infinitive_objects(self) -> frozenset[str]:
        """Words one of which must head the object of that infinitive (flag ``toobj=a|b``: "ordered the
        Taliban to close their embassy", not "to close the border")."""
        return self._words("toobj=")

    @cached_property
    def needs(self) -> frozenset[str]:
        """Words one of which must also be among the arguments (flag ``needs=a|b``)."""
        found = next((f.split("=", 1)[1] for f in self.flags if f.startswith("needs=")), "")
        return frozenset(found.split("|")) if found else frozenset()

    @cached_property
    def not_subjects(self) -> frozenset[str]:
        """Subject words that rule the pattern out (flag ``notsubj=a|b``)."""
        return self._words("notsubj=")

    @cached_property
    def object_preps(self) -> frozenset[str]:
        """Prepositions one of which the object word must have (flag ``objectprep=a|b``)."""
        return self._words("objectprep=")

    @cached_property
    def not_particles(self) -> frozenset[str]:
        """Particles that rule the pattern out (flag ``notprt=a|b``)."""
        return self._words("notprt=")

    @cached_property
    def not_objects(self) -> frozenset[str]:
        """Object words that rule the pattern out (flag ``notobj=a|b``)."""
        return self._words("notobj=")

    @cached_property
    def plover(self) -> tuple[str, str | None] | None:
        """A PLOVER event and mode the crosswalk cannot give (flag ``plover=RETREAT/resign``: PLOVER
        codes a resignation as RETREAT, CAMEO as 0831, which the crosswalk maps to CONCEDE)."""
        found = next((f.split("=", 1)[1] for f in self.flags if f.startswith("plover=")), "")
        if not found:
            return None
        event, _, mode = found.partition("/")
        return event, mode or None

    @cached_property
    def polarity(self) -> str | None:
        """The sign the predicate must have (flag ``polarity=-``, ``+`` or ``0``): blame, praise, neither."""
        return next((f.split("=", 1)[1] for f in self.flags if f.startswith("polarity=")), None)

    @cached_property
    def summoner(self) -> str | None:
        """The preposition whose phrase names who acted in an agentless passive (flag ``summoner=to``:
        "was summoned to the foreign ministry in Jerusalem")."""
        return next((f.split("=", 1)[1] for f in self.flags if f.startswith("summoner=")), None)

    def _words(self, prefix: str) -> frozenset[str]:
        found = next((f.split("=", 1)[1] for f in self.flags if f.startswith(prefix)), "")
        return frozenset(found.split("|")) if found else frozenset()

    @cached_property
    def specificity(self) -> int:
        """More specific patterns win over bare ones on the same trigger: an object word first, then a
        particle, then a required modifier ("launched air strikes" is no labour strike)."""
        return (
            4 * bool(self.objects)
            + 2 * bool(self.particles or "predicative" in self.flags)
            + bool(self.needs or self.infinitives)
        )


@dataclass(frozen=True)
class Governor:
    """A word that governs an event clause and sets its frame (intent, hypothetical, denial ...)."""

    lemma: str
    pos: str
    frame: str
    frame_other: str | None


# nouns of a span of time, whose "of" phrase is what the span is of ("four decades of recognition")
SPAN_NOUNS = frozenset({"decade", "year", "month", "week", "day", "century", "generation"})

# hand-written first: the matcher keeps file order among equally specific patterns, so a hand-written
# pattern beats a compiled one of the same specificity (petrarch.tsv orders its own rows by precedence)
PATTERN_FILES = ("events.tsv", "petrarch.tsv")


def load_patterns() -> tuple[Pattern, ...]:
    """Every pattern of ``data/patterns/events.tsv`` then ``petrarch.tsv``, checked for well-formed rows."""
    patterns = []
    seen = set()
    for name, number, row in ((file, n, row) for file in PATTERN_FILES for n, row in _rows(file)):
        if len(row) != 9:
            raise ChanceryError(f"{name}:{number}: expected 9 tab-separated fields, got {len(row)}")
        pid, cameo, pos, lemmas, objects, particle, targets, relation, flags = (f.strip() for f in row)
        if pid in seen or pos not in {"V", "N", "A"}:
            raise ChanceryError(f"{name}:{number}: duplicate id or bad pos in pattern {pid!r}")
        seen.add(pid)
        flagset = frozenset(f for f in flags.split(";") if f and f != "-")
        frame = next((f.split("=", 1)[1] for f in flagset if f.startswith("frame=")), None)
        default = VERB_TARGETS if pos == "V" else NOUN_TARGETS
        patterns.append(
            Pattern(
                id=pid,
                cameo=cameo,
                pos=pos,
                lemmas=frozenset(lemmas.split("|")),
                objects=frozenset() if objects == "-" else frozenset(objects.split("|")),
                particles=frozenset() if particle == "-" else frozenset(particle.split("|")),
                targets=default if targets == "-" else tuple(targets.split("|")),
                relation=None if relation == "-" else relation,
                flags=flagset,
                frame=frame,
            )
        )
    return tuple(patterns)


def load_governors() -> dict[tuple[str, str], Governor]:
    """The governing words of ``data/patterns/governors.tsv`` keyed by (lemma, coarse pos)."""
    governors = {}
    for number, row in _rows("governors.tsv"):
        if len(row) != 4:
            raise ChanceryError(f"governors.tsv:{number}: expected 4 tab-separated fields")
        lemma, pos, frame, other = (f.strip() for f in row)
        governors[(lemma, pos)] = Governor(lemma, pos, frame, None if other == "-" else other)
    return governors


class Matcher:
    """Finds, for a token, the most specific pattern it triggers."""

    def __init__(self, patterns: tuple[Pattern, ...]):
        self.by_id = {p.id: p for p in patterns}
        secondary = {f.split("=", 1)[1] for p in patterns for f in p.flags if f.startswith("also=")}
        self.by_lemma: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in patterns:
            if pattern.id in secondary:
                continue  # fires only alongside the pattern that names it
            for lemma in pattern.lemmas:
                self.by_lemma.setdefault((lemma, pattern.pos), []).append(pattern)
        for candidates in self.by_lemma.values():
            candidates.sort(key=lambda p: -p.specificity)
        # every word a pattern is keyed on, and the word forms whose stems ``match`` tries too:
        # a token whose lemma is none of the first and whose word is none of the second triggers nothing
        self.keys = frozenset(lemma for lemma, _ in self.by_lemma)
        self.forms = self.keys | {key + ending for key in self.keys for ending in ("s", "d", "es", "ed")}

    def triggers(self, tree: Tree, first: int, last: int, is_actor, is_polity=None) -> dict[int, Pattern]:
        """The tokens of ``[first, last)`` that trigger a pattern, each with its best pattern
        (``is_polity(j)``: whether j names a state, a government or a body, not a mere place)."""
        keys, forms = self.keys, self.forms
        lemmas, words = tree.lemmas[first:last], tree.words[first:last]
        found = {}
        for i, lemma, word in zip(range(first, last), lemmas, words, strict=True):
            if lemma in keys or word in forms:
                pattern = self.match(tree, i, is_actor, is_polity)
                if pattern is not None:
                    found[i] = pattern
        return found

    def ruled_out(self, tree: Tree, i: int) -> bool:
        """Whether a verb pattern of token ``i``'s lemma is ruled out by one of its exclusions (``notobj``,
        ``notsubj``, ``notprt``): there the rules decided the verb tells none of their acts ("ended three
        decades of frosty ties" severs nothing)."""
        candidates = self.by_lemma.get((tree.lemma(i), "V"), [])
        if not candidates:
            return False
        words = _Words(tree, i, "V")
        direct = tree.children(i, "dobj")
        acts = bool(direct) and all(tree.lemma(k) in UNRECOGNISABLE_NOUNS for k in direct)
        if acts and any("recognisable" in p.flags and p.cameo == "054" for p in candidates):
            return True  # "did not recognise Sudan's decision to cut ties": an act is no one recognised
        return any(
            (p.not_objects and p.not_objects & _object_lemmas(tree, i))
            or (p.not_subjects and p.not_subjects & words.subjects)
            or (p.not_particles and p.not_particles & words.particles)
            for p in candidates
        )

    def match(self, tree: Tree, i: int, is_actor, is_polity=None) -> Pattern | None:
        """The best pattern triggered by token ``i`` (``is_actor(j)`` says whether j names an actor)."""
        token = tree.tokens[i]
        if token.pos in VERB_TAGS or token.tag.startswith("VB"):
            pos = "V"
        elif token.pos in NOUN_TAGS:
            pos = "N"
        elif token.pos == "ADJ":
            pos = "A"
        else:
            return None
        hyphened = pos == "V" and token.dep == "amod" and i > 0 and tree.tokens[i - 1].text == "-"
        lemma = tree.lemma(i)
        text = tree.words[i]
        if lemma == "strike" and token.tag == "VBG" and _on_strike(tree, i):
            return None  # "opened fire on striking miners": those on strike, not an attack
        candidates = self.by_lemma.get((lemma, pos)) or self.by_lemma.get((text, pos), [])
        if not candidates and pos == "V" and text.endswith(("ed", "es", "s")):
            # the lemmatiser stumbles on some forms ("staged" -> "stag"): try the word's stems
            stems = (text[:-1], text[:-2]) if text.endswith(("ed", "es")) else (text[:-1],)
            candidates = next((self.by_lemma[(s, pos)] for s in stems if (s, pos) in self.by_lemma), [])
        if not candidates:
            return None
        if pos == "N" and _such(tree, i):
            return None  # "expelled 23 diplomats, its biggest such expulsion in decades": the act told again
        words = _Words(tree, i, pos)
        for pattern in candidates:
            if hyphened != ("hyphened" in pattern.flags):
                continue  # "the Israeli-occupied West Bank" is a description; "a US-brokered truce" an act
            if (
                "subjobject" in pattern.flags
            ):  # "the Saudi ambassador returned": the subject is the object noun
                if not (pattern.objects & words.subjects):
                    continue
            elif pattern.objects and not (pattern.objects & words.arguments):
                continue
            if pattern.particles and not (pattern.particles & words.particles):
                continue
            if pattern.not_subjects and pattern.not_subjects & words.subjects:
                continue  # "peacekeeping troops arrived in Bosnia": troops arriving pay no visit
            if "intransitive" in pattern.flags and tree.children(i, "dobj"):
                continue  # "began flying food into Somalia": the cargo travels, no one visits
            if {"intransitive", "subjobject"} <= pattern.flags and _state_or_caused(tree, i):
                continue  # "the embassy, shut since 2011", "ordered the consulate closed": no act of its own
            if pattern.not_objects and pattern.not_objects & _object_lemmas(tree, i):
                continue  # "a video released by the ministry" frees no one; "met the first of the conditions"
            if pattern.not_particles and pattern.not_particles & words.particles:
                continue  # "backing away from a promise" backs no one
            held = tree.objects(i) if pos == "V" else tree.of_objects([i])
            if pattern.object_preps and not any(
                tree.lemma(p) in pattern.object_preps
                for k in held
                if tree.lemma(k) in pattern.objects
                for p in tree.children(k, "prep")
            ):
                continue  # "recognised Morocco's sovereignty over Western Sahara", not Kosovo's sovereignty
            if "headobject" in pattern.flags and not pattern.objects & _object_heads(tree, i):
                continue  # "has relations", not "has no intention of normalising relations"
            if "experiencer" in pattern.flags and not (tree.is_passive(i) or token.dep == "acomp"):
                continue  # "was disappointed by the decision", not "the decision disappointed"
            if "experiencer" in pattern.flags and not (
                tree.agent(i)
                or any(tree.lemma(p) in {"by", "with", "at", "over"} for p in tree.children(i, "prep"))
            ):
                continue  # "disappointed that the summit broke up": a comment, not a criticism of anyone
            if pattern.infinitives and not _to_infinitive(
                tree, i, pattern.infinitives, pattern.infinitive_objects
            ):
                continue  # "asked the ambassador to explain" is no expulsion
            if pattern.needs and not (pattern.needs & words.arguments):
                continue  # "opened an investigation into the strike", not "launched a strike"
            direct = tree.children(i, "dobj") if pos == "V" else held  # not a relative's antecedent
            if (
                "recognisable" in pattern.flags
                and direct
                and not any(_recognisable(tree, k, is_actor) for k in direct)
            ):
                continue  # "recognised the 1915 massacres as genocide", "the right of Palestinians"
            if "actorobj" in pattern.flags and (
                not any(is_actor(o) for o in tree.objects(i))
                or tree.children(i, "oprd")
                or _misparsed_predicates(tree, i)
            ):
                continue  # "called Kyiv", not "called the Swedish plan premature": an object described
            if "polity" in pattern.flags and not any((is_polity or is_actor)(o) for o in words.held):
                continue  # "dropped Taipei", not "abandoned Kherson": a state or its government, not a town
            if "predicative" in pattern.flags and (
                not words.predicate or (pattern.polarity and words.tone != pattern.polarity)
            ):
                continue  # "called the decision unjustified": what the object is called, and its tone
            if "finite" in pattern.flags and _participle_aside(tree, i):
                continue  # "..., breaking with France and Britain": parting ways, not cutting ties
            if "needcomp" in pattern.flags and not (_complements(tree, i) or _given_time_to_leave(tree, i)):
                continue
            if "mustcomp" in pattern.flags and not any(
                _obligation(tree, k)
                and any(
                    is_actor(s) or tree.tokens[s].pos == "PRON"
                    for s in tree.children(k, "nsubj", "nsubjpass")
                )
                for k in tree.children(i, "ccomp", "acl")
            ):
                continue  # "said Kabul must first reform", not "stressed that the move should not be seen as"
            if "termscomp" in pattern.flags and not any(
                is_actor(k) or tree.tokens[k].pos == "PRON" for k in terms_parties(tree, terms_set(tree, i))
            ):
                continue  # "said ties could not return to normal until Madrid ...", terms someone must meet
            if "mustwill" in pattern.flags and not any(_future(tree, k) for k in tree.children(i, "ccomp")):
                continue
            if "gerund" in pattern.flags and not any(_bare_gerund(tree, k) for k in tree.children(i)):
                continue
            if pattern.frame is None and not pattern.objects and _auxiliary_use(tree, i):
                continue
            return pattern
        return None


def _object_heads(tree: Tree, i: int) -> set[str]:
    """The lemmas heading verb ``i``'s objects, and what a span of time among them is "of" ("ended four
    decades of recognition")."""
    heads = set()
    for k in tree.objects(i):
        heads.add(tree.lemma(k))
        if tree.lemma(k) in SPAN_NOUNS:
            heads.update(
                tree.lemma(o)
                for p in tree.children(k, "prep")
                if tree.lemma(p) == "of"
                for o in tree.children(p, "pobj")
            )
    return heads


class _Words:
    """The words around a candidate trigger that patterns test, each found only when a pattern asks."""

    def __init__(self, tree: Tree, i: int, pos: str):
        self.tree, self.i, self.pos = tree, i, pos

    @cached_property
    def arguments(self) -> set[str]:
        if self.pos == "V":
            return self.tree.argument_lemmas(self.i)
        return self.tree.modifier_lemmas(self.i)

    @cached_property
    def particles(self) -> set[str]:
        return self.tree.particles(self.i)

    @cached_property
    def subjects(self) -> set[str]:
        # "Armando Benedetti, Petro's ambassador to Venezuela, arrived": the subject's apposition says what
        # it is too
        subjects = self.tree.children(self.i, "nsubj")
        subjects += [a for k in subjects for a in self.tree.children(k, "appos")]
        return {self.tree.lemma(k) for k in subjects}

    @cached_property
    def held(self) -> list[int]:
        """The direct objects and prepositional objects of the trigger ("dropped Taipei", "broke with X")."""
        direct = self.tree.children(self.i, "dobj")
        return direct + [o for p in self.tree.children(self.i, "prep") for o in self.tree.children(p, "pobj")]

    @cached_property
    def predicate(self) -> list[int]:
        return _predicate(self.tree, self.i)

    @cached_property
    def tone(self) -> str:
        return _sign(self.tree, self.predicate)


# what diplomatic recognition can be of, besides a named actor: a state, a government, its leaders
RECOGNISABLE = {
    "government", "state", "authority", "administration", "regime", "junta", "council", "republic",
    "independence", "statehood", "sovereignty", "leader", "leadership", "president", "opposition",
    "coalition", "country", "nation", "entity", "emirate", "movement", "front", "rebel", "rule",
    "ruler", "cabinet", "body", "representative", "kingdom", "union",
    "region", "territory", "province", "enclave", "declaration", "proclamation", "secession",
}  # fmt: skip


def _recognisable(tree: Tree, k: int, is_actor) -> bool:
    """Whether an object can be diplomatically recognised: a name, a pronoun, a state's or
    government's noun ("Kosovo", "him", "the Taliban government"), or an actor phrase of its own
    ("the National Assembly chief"); not an act or a fact that names an actor only in its phrase ("the
    massacres of Armenians", "the role of Qatar")."""
    token = tree.tokens[k]
    if tree.lemma(k) in {"other", "another"} and tree.children(k, "det", "amod", "nummod"):
        return True  # "recognised each other", "one another"
    if token.pos in {"PROPN", "PRON", "VERB", "AUX"} or tree.lemma(k) in RECOGNISABLE:
        return True  # a clause ("recognises that the government of the PRC is the sole ...") as before
    if tree.lemma(k) in UNRECOGNISABLE_NOUNS:
        return False  # "did not recognise Sudan's decision to sever relations": an act, not its doer
    return not tree.children(k, "prep") and is_actor(k)


# acts and what they end in, which a state may accept or not without recognising anyone ("the decision",
# "the outcome"): the rules and the learned verbs alike code no recognition of them
UNRECOGNISABLE_NOUNS = ACT_NOUNS | {
    "outcome", "verdict", "ruling", "referendum", "appointment", "expulsion", "severance",
}  # fmt: skip


# what a predicate is said to be in, besides its own complement: "described X as Y", "likened X to Y"
PREDICATE_PREPS = {"as", "to"}
MODIFIER_DEPS = ("amod", "advmod", "compound", "conj", "neg", "det", "nummod", "acomp")
NEGATORS = {"not", "no", "never", "hardly"}


def _predicate(tree: Tree, i: int) -> list[int]:
    """The tokens of what verb ``i`` says its object is ("called Bush the devil", "described the plan as
    unacceptable", "branded it a reward for terrorism"); empty when it says nothing of its object."""
    if not tree.objects(i):
        return []
    heads = [
        k
        for k in tree.children(i, "oprd", "xcomp", "acomp", "ccomp")
        if not tree.children(k, "nsubj", "nsubjpass", "mark", "aux")
    ]
    heads += [
        o
        for p in tree.children(i, "prep")
        if tree.lemma(p) in PREDICATE_PREPS
        for o in tree.children(p, "pobj")
    ]
    heads += _misparsed_predicates(tree, i)
    heads += [  # "described the junta as illegitimate", parsed as an adverbial clause
        k
        for k in tree.children(i, "advcl")
        if any(tree.lemma(a) == "as" for a in tree.children(k, "advmod", "mark"))
    ]
    # the predicate's head and its own modifiers, not the phrases hung on it ("the most credible basis for
    # settling the dispute" is praise of the plan, whatever the dispute)
    found = []
    for head in heads:
        found.append(head)
        for k in tree.children(head, *MODIFIER_DEPS):
            found.append(k)
            found.extend(tree.children(k, *MODIFIER_DEPS))
    return found


# what may open an apposition proper ("called Putin, his Russian counterpart, ..."), unlike a predicate
APPOSITION_MARKS = {",", "(", "-", "—", "–", ":"}


def _such(tree: Tree, noun: int) -> bool:
    """Whether act noun ``noun`` names again, as "such", an act told in its clause ("its biggest such
    expulsion"), with no party of its own."""
    return any(tree.words[k] == "such" for k in tree.children(noun, "amod", "det", "predet")) and not any(
        tree.lemma(p) in {"of", "by", "against", "with"} for p in tree.children(noun, "prep")
    )


def _misparsed_predicates(tree: Tree, i: int) -> list[int]:
    """A predicate the parser hung inside the object: "called the seizure of Heglig a clearly illegal act"
    (an apposition with no comma), "called Algeria's decision to cut ties completely unjustified" (an
    adjective after the noun it would modify, closing the object)."""
    found = []
    for o in tree.children(i, "dobj"):
        phrase = [k for k in tree.subtree(o) if tree.tokens[k].pos != "PUNCT"]
        for k in tree.children(o, "appos"):
            if (
                k > o
                and tree.tokens[k].pos in {"NOUN", "ADJ"}
                and tree.words[min(tree.subtree(k)) - 1] not in APPOSITION_MARKS
            ):
                found.append(k)
        last = max(phrase)
        token = tree.tokens[last]
        if token.pos == "ADJ" and token.head < last and last > o:
            # also "called Algeria's decision to sever relations illegitimate", parsed as a clause of "sever"
            found.append(last)
        for k in tree.subtree(o):
            token = tree.tokens[k]
            if token.dep == "oprd" and token.pos in {"ADJ", "NOUN"}:
                found.append(k)  # "called Israel's decision to close its embassy deeply regrettable"
            indefinite = any(tree.words[d] in {"a", "an"} for d in tree.children(k, "det"))
            named = tree.tokens[token.head].pos == "PROPN"
            if token.dep == "appos" and token.pos == "NOUN" and indefinite and named:
                found.append(k)  # "called his counterpart, Gustavo Petro, a murderer": what he is called
        after = max(tree.subtree(o)) + 1
        if (
            after + 1 < len(tree.tokens)
            and tree.tokens[after].tag == "``"
            and tree.tokens[after + 1].pos
            in {
                "ADJ",
                "NOUN",
            }
        ):
            found.append(after + 1)  # "calling the wife of the prime minister 'corrupt'": a quoted predicate
    return found


@cache
def _valence() -> dict[str, float]:
    """VADER's ratings (valence.tsv), with chancery's own for diplomatic words VADER lacks."""
    found: dict[str, float] = {}
    for name in ("valence_diplomatic.tsv", "valence.tsv"):  # the later file wins
        text = resources.files("chancery").joinpath("data", "lexicon", name).read_text(encoding="utf-8")
        rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
        found.update((word, float(value)) for word, value in rows)
    return found


def _word_valence(word: str, lemma: str) -> float:
    """A word's valence; a word the lexicon lacks that negates one it has with "un" takes the opposite
    ("unjustified", "unhelpful")."""
    valence = _valence()
    for form in (word, lemma):
        if form in valence:
            return valence[form]
    if word.startswith("un") and word[2:] in valence:
        return -valence[word[2:]]
    return 0.0


def _sign(tree: Tree, tokens: list[int]) -> str:
    """ "-", "+" or "0": the tone of a predicate by the valence of its words (a negator turns it)."""
    total = sum(_word_valence(tree.words[k], tree.lemma(k)) for k in tokens)
    # "short-sighted", "ill-advised": a hyphened word the tokenizer splits is rated whole
    total += sum(
        _word_valence(word, word)
        for k in tokens
        if k + 2 < len(tree.words) and tree.words[k + 1] == "-" and k + 2 in tokens
        for word in [f"{tree.words[k]}-{tree.words[k + 2]}"]
    )
    if any(tree.words[k] in NEGATORS for k in tokens):
        total = -total
    return "-" if total < 0 else "+" if total > 0 else "0"


# verbs that make another do or undergo what their complement says ("ordered the consulate closed")
CAUSING = {"order", "force", "want", "see", "keep", "have", "get", "leave"}


def _state_or_caused(tree: Tree, i: int) -> bool:
    """An intransitive act of a thing told as a lasting state ("shut since 2011"), or caused by another's
    order ("ordered the Russian consulate closed"), or as a participle describing it."""
    token = tree.tokens[i]
    since = any(tree.lemma(p) == "since" for p in tree.children(i, "prep"))
    caused = token.dep in {"ccomp", "xcomp", "oprd"} and tree.lemma(token.head) in CAUSING
    return since or caused or token.dep in {"acl", "amod"} or not tree.children(i, "nsubj")


def _participle_aside(tree: Tree, i: int) -> bool:
    """A participle set beside a clause, with no subject of its own ("said ..., breaking with X")."""
    token = tree.tokens[i]
    return token.tag == "VBG" and token.dep in {"advcl", "xcomp", "acl"} and not tree.children(i, "nsubj")


def _complements(tree: Tree, i: int) -> list[int]:
    """Clause complements of ``i``, except embedded questions ("asked whether China would follow")."""
    return [
        k
        for k in tree.children(i, "xcomp", "ccomp")
        if not any(tree.lemma(m) in {"whether", "if"} for m in tree.children(k, "mark"))
    ]


def _given_time_to_leave(tree: Tree, i: int) -> bool:
    """ "gave France's ambassador, Joel Meyer, 72 hours to leave the country": the time given to leave
    is an order to go, wherever the parser hangs the infinitive."""
    return tree.lemma(i) in {"give", "grant"} and _to_infinitive(tree, i, LEAVING)


LEAVING = frozenset({"leave", "depart", "quit"})


def _to_infinitive(tree: Tree, i: int, verbs: frozenset[str], objects: frozenset[str] = frozenset()) -> bool:
    """Whether one of ``verbs`` follows as a "to" infinitive in the clause of ``i`` (wherever the parser
    hangs it: a complement, a relative on the object, an adverbial), with an object among ``objects`` if
    any are given."""
    return any(
        tree.lemma(k) in verbs
        and any(tree.lemma(a) == "to" for a in tree.children(k, "aux"))
        and (not objects or any(tree.lemma(o) in objects for o in tree.objects(k)))
        for k in [*tree.subtree(i, stop=("ccomp", "conj")), *tree.children(i, "ccomp")]
        if k != i
    )


def _obligation(tree: Tree, clause: int) -> bool:
    """A complement that states an obligation: "that China must drop barriers"."""
    return any(tree.lemma(k) in {"must", "should"} for k in tree.children(clause, "aux"))


def _future(tree: Tree, clause: int) -> bool:
    """A complement that says what will happen: "that police will no longer tolerate rallies"."""
    return any(tree.lemma(k) in {"will", "would", "shall"} for k in tree.children(clause, "aux"))


def _bare_gerund(tree: Tree, k: int) -> bool:
    """A subjectless gerund complement ("denied firing"), not a progressive clause ("that it was holding")."""
    return tree.tokens[k].tag == "VBG" and not tree.children(k, "nsubj", "aux", "mark")


def _object_lemmas(tree: Tree, i: int) -> set[str]:
    """The lemmas of a verb's objects and of what their "of" names ("the first of the conditions"), with
    the adjectives that describe them ("decades of frosty ties")."""
    objects = tree.objects(i)
    nouns = objects + tree.of_objects(objects)
    return {tree.lemma(k) for k in nouns} | {tree.lemma(a) for k in nouns for a in tree.children(k, "amod")}


def _auxiliary_use(tree: Tree, i: int) -> bool:
    """An auxiliary, or "going to" + verb: the future, not a journey ("not going to send oil to X")."""
    if tree.lemma(i) == "go" and any("to" in tree.aux_words(k) for k in tree.children(i, "xcomp")):
        return True
    if tree.lemma(i) == "go" and set(map(tree.lemma, tree.prep_objects(i, "to"))) & {"war", "court", "poll"}:
        return True  # "going to war", "went to court", "go to the polls": no journey
    return tree.tokens[i].dep in {"aux", "auxpass"}


def _rows(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files("chancery").joinpath("data", "patterns", name).read_text(encoding="utf-8")
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


# those who go on strike ("striking miners", "striking teachers")
WORKERS = {
    "worker", "miner", "teacher", "doctor", "nurse", "employee", "docker", "dockworker", "longshoreman",
    "driver", "staff", "pilot", "farmer", "trucker", "servant", "labourer", "laborer", "union", "student",
    "steelworker", "railworker", "mineworker",
}  # fmt: skip


def _on_strike(tree: Tree, i: int) -> bool:
    """Whether "striking" describes workers on strike, parsed as a modifier or as a gerund taking them as
    its object ("on striking miners"), not an attack on them ("striking the miners' camp")."""
    token = tree.tokens[i]
    if token.dep == "amod":
        return tree.lemma(token.head) in WORKERS
    objects = tree.children(i, "dobj")
    return token.dep == "pcomp" and any(
        tree.lemma(k) in WORKERS and not tree.children(k, "det", "poss") for k in objects
    )
