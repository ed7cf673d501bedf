"""Compile PETRARCH2's verb dictionary (MIT) into ``petrarch.tsv``, chancery's dependency patterns.

Run offline when a source changes:
``python src/chancery/data/patterns/build_petrarch.py ../shared/data/cameo [OUT]``.
The runtime reads only the generated ``petrarch.tsv`` (after the hand-written ``events.tsv``).

How PETRARCH's phrase syntax maps onto a chancery pattern (events.tsv's columns):

- A verb block (``--- NAME [code] ---``) is a synonym set: every pattern of the block applies to every
  verb of the block, as in PETRARCH2. Each verb becomes its lemma; the irregular forms PETRARCH lists
  only map inflected entries ("BURNT", "+RULED_OUT") back to their lemma. A verb's own code (or the
  block's) is its bare pattern. A phrasal verb ("+CALL_OFF") is its first word plus a required particle.
- In a pattern ``- PRE * POST [code]``, the first word after ``*`` that is a particle ("OUT", "OFF",
  "UP") is the required particle; the first noun phrase's head (the last word of ``{A B}``) is the
  object; a prepositional phrase ``(PREP NOUN)`` gives a required preposition when it is the verb's
  (no object before it, never "of") and its noun is the object when there is no direct one. The one
  remaining content word (a modifier like "humanitarian" in ``{HUMANITARIAN AID}``, or a second phrase's
  noun) becomes ``needs=``. ``+`` says where the target is (``dobj``, ``prep:X``); ``^`` (any phrase) is
  dropped.
- Synonym sets (``&NAME``) expand to their single-word members; nouns are singularised to the lemma
  the parser gives ("SANCTIONS" -> sanction) and their written plural kept as well.
- Codes: ``[A:A]`` is mutual, ``[:B]`` is reversed (the object acts), ``[A:B]`` keeps A (the reverse act
  B is dropped and counted), ``[---]`` is a silent pattern (it matches so that nothing weaker does, and
  codes nothing: "averted an attack"). Root-01 patterns need a target (events.tsv's 01 rule), and so
  does a pattern without an object word ("- * (FROM)"). A verb's bare code (no object, no particle) is
  not compiled: it is PETRARCH's fallback for a verb whose object it did not recognise, and over
  synonym sets it codes "argued", "helped", "determined" as acts; events.tsv keeps chancery's fallbacks.
- Verbs events.tsv has patterns for are left to it (its hand-written patterns already decide them);
  verbs governors.tsv lists ("intend", "fail", "vote") set frames and get no pattern; light verbs
  (petrarch_overrides.tsv) lend their agent to a noun that codes the act, and get no pattern either.
- Skipped and counted: transformations (``~``), source markers (``$``), compounds (``%``), role markers
  or modifiers before the verb, a subject constraint (``- &MILITARY *``: chancery's subject is the
  actor, never a word to test), more than two content words, a content word in a phrase the matcher
  does not read ("in court": in/at/near/...), particles the parser does not mark ("aside"), malformed
  lines and dropped codes (petrarch_overrides.tsv).

Precedence, never file order: a hand-written pattern of events.tsv on the same (lemma, object,
particle) drops the compiled one; chancery's conventions (petrarch_overrides.tsv) come next; two
compiled patterns that disagree on one (lemma, object, particle, needs) are decided by, in order:
the pattern written for that very verb (its ``# VERB`` comment) over one inherited from the block;
the code of the verb's own root over another root; the pattern that kept more of its PETRARCH words;
the code more of the tied patterns give. Still tied, the code they share (the deepest common CAMEO
ancestor: 026 and 028 give 020), and none when their roots differ. In ``petrarch.tsv`` rows are ordered
by specificity, then ``needs`` first, then the deeper code, then the lower code: the matcher tries
equally specific rows in that order.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parent
VERBS_FILE = "PETRARCH_CAMEO.2.0.verbs.txt"
HEADER = "id\tcameo\tpos\tlemmas\tobject\tparticle\ttarget\trelation\tflags"
VERB_TARGETS = ("dobj", "iobj", "prep:with", "prep:to", "prep:against", "prep:on", "obj")
# particles the parser marks as such (prt, or advmod back/off/out): "aside", "together" it does not
PARTICLES = {"up", "down", "out", "off", "back", "away", "over", "forward", "through", "around", "along"}
UNSEEN_PARTICLES = {"aside", "together", "apart", "ahead", "forth", "closer", "again"}
PREPOSITIONS = {
    "of", "on", "with", "to", "for", "against", "into", "in", "at", "from", "toward", "towards", "by",
    "about", "over", "under", "between", "after", "before", "as", "near", "along", "behind", "onto",
    "within", "across", "through", "around", "amid", "among", "during", "without", "upon",
}  # fmt: skip
# prepositions whose noun the matcher reads as an argument (structure.ARGUMENT_PREPS)
ARGUMENT_PREPS = {"into", "of", "for", "on", "against", "with", "to", "from", "by", "between", "as", "about"}
PRE_VERB_MODIFIERS = {"will", "would", "not", "never", "been", "be", "is", "was", "has", "have", "had"}
IRREGULAR_PLURALS = {
    "men": "man", "women": "woman", "people": "people", "crises": "crisis", "analyses": "analysis",
    "children": "child", "police": "police", "news": "news", "series": "series", "species": "species",
    "headquarters": "headquarters", "arms": "arm", "talks": "talk", "means": "means", "forces": "force",
}  # fmt: skip
NOT_PLURAL = ("ss", "us", "is", "ous", "ics")


class BuildError(Exception):
    """The PETRARCH file or a hand-kept table says something the build cannot honour."""


# ---------------------------------------------------------------- reading PETRARCH's syntax


@dataclass(frozen=True)
class Verb:
    """One verb line of a block: its lemma, a phrasal particle or object word, and its own code."""

    lemma: str
    particle: str | None
    objects: frozenset[str]
    code: str | None  # None: the block's code
    line: int


@dataclass(frozen=True)
class Phrase:
    """One pattern line: ``- PRE * POST [code] # VERB``."""

    line: int
    body: str
    code: str
    origin: str  # the verb the pattern was written for (first word of the comment)


@dataclass
class Block:
    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, tuple[str, ...]]
    blocks: list[Block]
    forms: dict[str, str]  # an inflected form (as written, uppercase) -> the lemma
    transformations: int


_VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_PHRASE_LINE = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
_BLOCK_LINE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")  # "[110]---  ---" too


def read_dictionary(text: str) -> Dictionary:
    """The synonym sets, verb blocks and irregular forms of a PETRARCH2 verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    forms: dict[str, str] = {}
    section, current_set, transformations = "", None, 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.startswith("#######"):
            section = "sets" if "SYNONYM" in line else "verbs" if "VERB" in line else "other"
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("~"):
            transformations += 1
        elif section == "sets" and line.startswith("&"):
            current_set = line.split()[0]
            synsets[current_set] = []
        elif section == "sets" and line.startswith("+") and current_set:
            synsets[current_set].append(line[1:].split("#")[0].strip())
        elif section == "verbs" and (block := _BLOCK_LINE.match(line)):
            blocks.append(Block(block.group(1), block.group(2).strip()))
        elif section == "verbs" and line.startswith("-") and blocks:
            match = _PHRASE_LINE.match(line)
            origin = (match.group(3) or "").split()[:1] if match else []
            body, code = (match.group(1), match.group(2).replace(" ", "")) if match else (line[1:], "")
            blocks[-1].phrases.append(Phrase(number, body, code, origin[0] if origin else ""))
        elif section == "verbs" and blocks:
            verb = _read_verb(line, number, forms)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    _relemmatise(blocks, forms)
    return Dictionary({k: tuple(v) for k, v in synsets.items()}, blocks, forms, transformations)


def _read_verb(line: str, number: int, forms: dict[str, str]) -> Verb | None:
    """A verb line (``EXPEL {EXPELS EXPELLED} [174]``, ``+CALL_OFF [160]``); None for what is no verb."""
    match = _VERB_LINE.match(line.split(";")[0].split("#")[0].strip())
    if not match:
        return None
    word, listed, code = match.group(1).lstrip("+"), match.group(2), match.group(3)
    parts = [p for p in word.lower().split("_") if p]
    if not parts or "and" in parts or parts[0] in PRE_VERB_MODIFIERS:
        return None  # "+KIDNAPPED_AND_KILLED", "+IS_DETERMINED": no single verb
    head, rest = parts[0], parts[1:]
    particle = rest[0] if rest and (rest[0] in PARTICLES or rest[0] in PREPOSITIONS) else None
    objects = frozenset(_noun_forms(w) for w in rest[1 if particle else 0 :] if w not in PREPOSITIONS)
    for form in (listed or "").strip("{}").replace(",", " ").split():
        forms[form.lstrip("+").split("_")[0]] = head
    return Verb(
        head, particle, frozenset(o for group in objects for o in group), code and code.strip(), number
    )


def _relemmatise(blocks: list[Block], forms: dict[str, str]) -> None:
    """Map inflected entries ("BURNT", "DETERRING") to the lemma listed elsewhere or to a regular stem."""
    lemmas = {v.lemma for b in blocks for v in b.verbs}
    for block in blocks:
        block.verbs = [replace(v, lemma=verb_lemma(v.lemma, forms, lemmas)) for v in block.verbs]


def verb_lemma(word: str, forms: dict[str, str], lemmas: set[str]) -> str:
    """The lemma of a verb form PETRARCH writes (listed irregular forms first, then regular endings)."""
    word = word.lower()
    if word.upper() in forms:
        return forms[word.upper()]
    endings = (
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("ied", ("y",)),
        ("es", ("",)),
        ("s", ("",)),
        ("t", ("",)),
    )
    for ending, stems in endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            for stem in stems:
                for candidate in (base + stem, base[:-1] + stem if base[-1:] == base[-2:-1] else None):
                    if candidate and candidate != word and candidate in lemmas:
                        return candidate
    return word


def _noun_forms(word: str) -> frozenset[str]:
    """The lemma the parser gives a PETRARCH noun ("SANCTIONS" -> sanction), and the word as written."""
    word = word.lower().rstrip("_")
    return frozenset({singular(word), word})


def singular(word: str) -> str:
    """The singular of a regular English plural ("rallies" -> "rally", "forces" -> "force")."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) <= 3 or word.endswith(NOT_PLURAL) or not word.endswith("s"):
        return word
    if word.endswith("ies"):
        return word[:-1] if len(word) <= 4 else word[:-3] + "y"  # "ties" -> tie, "rallies" -> rally
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    return word[:-1]


# ---------------------------------------------------------------- one pattern -> one dependency shape


@dataclass(frozen=True)
class Shape:
    """What a pattern requires of a verb's dependents, in events.tsv's terms."""

    objects: frozenset[str] = frozenset()
    particle: str | None = None
    needs: frozenset[str] = frozenset()
    target: str | None = None  # the role ``+`` names
    kept: int = 0  # how many PETRARCH words the shape still requires


class Skip(Exception):
    """A pattern chancery cannot express; the message is the reason counted in the build report."""


_TOKEN = re.compile(r"\{[^{}]*\}|\([^()]*\)|[^\s{}()]+")


def shape_of(body: str, synsets: dict[str, tuple[str, ...]]) -> Shape:
    """The dependency shape of one PETRARCH pattern body ("* POLICE (TO BORDER)"); raises ``Skip``."""
    if body.count("(") != body.count(")") or body.count("{") != body.count("}") or body.count("*") != 1:
        raise Skip("malformed")
    pre, post = (part.strip() for part in body.split("*"))
    if "$" in body:
        raise Skip("source marker ($)")
    if "%" in body:
        raise Skip("compound marker (%)")
    pre_words = _TOKEN.findall(pre)
    if any(w in {"+", "^"} or w.lower() in PRE_VERB_MODIFIERS or w.lower().endswith("ly") for w in pre_words):
        raise Skip("role marker or modifier before the verb")
    groups, particle, target = _post_groups(post, synsets)
    if pre_words:
        # "- &MILITARY *", "- RELATIONS *": the subject is a kind of actor or no actor at all ("relations
        # improved"); chancery's subject is the actor the event is about, never a word to test
        raise Skip("subject constraint")
    return _assemble(groups, particle, target)


Group = tuple[str, list[frozenset[str]], bool]


def _post_groups(post: str, synsets) -> tuple[list[Group], str | None, str | None]:
    """The phrases after the verb: (preposition or "" for the object, content words, verb's own PP)."""
    tokens = _TOKEN.findall(post)
    groups: list[Group] = []
    particle = target = None
    for position, token in enumerate(tokens):
        word = token.lower()
        if position == 0 and word in UNSEEN_PARTICLES:
            raise Skip("particle the parser does not mark")
        if position == 0 and word in PARTICLES and len(tokens) >= 1 and not token.startswith(("(", "{")):
            particle = word
            continue
        if token.startswith("("):
            inner = _TOKEN.findall(token[1:-1])
            if not inner:
                raise Skip("malformed")
            prep, rest = inner[0].lower(), inner[1:]
            if prep in UNSEEN_PARTICLES:
                raise Skip("particle the parser does not mark")
            if prep in PARTICLES and prep not in PREPOSITIONS and particle is None:
                particle = prep  # "(OFF HANDS)": a particle, then the object
                groups.append(("", [c for w in rest for c in _content_words(w, synsets)], False))
                continue
            if prep not in PREPOSITIONS:
                raise Skip("malformed")
            words = [w for w in rest if w not in {"^", "+"}]
            if "+" in rest:
                target = target or f"prep:{prep}"
            verbs_own = not groups or all(p for p, _, _ in groups)  # no direct object before it
            groups.append((prep, [c for w in words for c in _content_words(w, synsets)], verbs_own))
        elif token in {"^"}:
            continue
        elif token == "+":
            last = groups[-1][0] if groups else ""
            target = target or (f"prep:{last}" if last else "dobj")
        elif word in PREPOSITIONS and not token.startswith("{"):
            verbs_own = not groups or all(p for p, _, _ in groups)
            groups.append((word, [], verbs_own))
        else:
            words = _content_words(token, synsets)
            if groups:
                groups[-1][1].extend(words)
            else:
                groups.append(("", list(words), False))
    return [g for g in groups if g[1] or g[0]], particle, target


def _content_words(token: str, synsets) -> list[frozenset[str]]:
    """The content words of a token: a word, a synset, or a ``{A B}`` compound (head last)."""
    inner = token.strip("{}").split() if token.startswith("{") else [token]
    found: list[frozenset[str]] = []
    for word in inner:
        found.extend(_content(word, synsets))
    return found


def _content(word: str, synsets) -> list[frozenset[str]]:
    if word in {"^", "+"}:
        return []
    if word.startswith("&"):
        if word not in synsets:
            raise Skip("unknown synonym set")
        members = [m for m in synsets[word] if re.fullmatch(r"[A-Za-z']+_?", m)]
        if not members:
            raise Skip("synonym set of phrases only")
        return [frozenset(f for m in members for f in _noun_forms(m))]
    parts = [p for p in re.split(r"[_\-]", word.rstrip("_")) if p]
    if not parts or not all(re.fullmatch(r"[A-Za-z']+", p) for p in parts):
        raise Skip("malformed")
    return [_noun_forms(p) for p in parts]  # "AIR_STRIKE": modifier, then head


def _assemble(groups, particle, target) -> Shape:
    """Objects from the first phrase's head, the verb's preposition, and at most one more word."""
    contents = [(prep, words, own) for prep, words, own in groups if words]
    preposition = None
    if particle is None:
        own = [prep for prep, _, is_own in groups if prep and is_own and prep != "of"]
        preposition = own[0] if own else None
    objects: frozenset[str] = frozenset()
    rest: list[frozenset[str]] = []
    if contents:
        prep, words, _ = contents[0]
        if prep and prep not in ARGUMENT_PREPS:
            raise Skip("content word in a phrase the matcher does not read")
        objects, rest = words[-1], words[:-1]
        for prep, words, _ in contents[1:]:
            if prep and prep not in ARGUMENT_PREPS:
                raise Skip("content word in a phrase the matcher does not read")
            rest.extend(words)
    if len(rest) > 1:
        raise Skip("more than two content words")
    required = particle or preposition
    if target is None and preposition and not any(prep == preposition for prep, _, _ in contents):
        target = f"prep:{preposition}"  # "(TO)": the target is the preposition's object
    kept = bool(objects) + bool(required) + len(rest)
    return Shape(objects, required, rest[0] if rest else frozenset(), target, kept)


# ---------------------------------------------------------------- compiling, with precedence


@dataclass(frozen=True)
class Candidate:
    """One compiled (pattern, verb) pair before precedence decides which keys it keeps."""

    line: int
    lemma: str
    code: str
    shape: Shape
    flags: tuple[str, ...]
    native: bool  # the pattern was written for this very verb
    own_root: bool  # its code has the verb's own root
    label: str  # readable part of the id

    def index_keys(self) -> list[tuple[str, str, str, frozenset[str]]]:
        objects = sorted(self.shape.objects) or ["-"]
        return [(self.lemma, o, self.shape.particle or "-", self.shape.needs) for o in objects]


@dataclass
class Report:
    """What the build kept and dropped, by reason (printed by the script, asserted by tests)."""

    read: int = 0
    compiled: int = 0
    skipped: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)  # (lemma, object) keys dropped, by reason
    notes: Counter = field(default_factory=Counter)
    bare: dict[str, tuple[str, str]] = field(default_factory=dict)  # verb -> its PETRARCH bare code, id
    rows: int = 0

    def lines(self) -> list[str]:
        out = [
            f"patterns read: {self.read}",
            f"patterns compiled: {self.compiled}",
            f"rows written: {self.rows}",
        ]
        out += [f"skipped ({reason}): {n}" for reason, n in sorted(self.skipped.items())]
        out += [f"keys dropped ({reason}): {n}" for reason, n in sorted(self.dropped.items())]
        out += [f"note ({reason}): {n}" for reason, n in sorted(self.notes.items())]
        return out


def read_overrides(text: str) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """petrarch_overrides.tsv: code fixes, one-code lemmas, light verbs (no compiled pattern)."""
    fixes, only, light = {}, {}, set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[0] not in {"code", "only", "light"}:
            raise BuildError(f"petrarch_overrides.tsv:{number}: expected kind, subject, value, why")
        kind, subject, value, _why = cells
        if kind == "code":
            fixes[subject] = value
        elif kind == "only":
            only[subject] = value
        else:
            light.add(subject)
    return fixes, only, light


def read_known_codes(codebook: str, crosswalk: str) -> set[str]:
    """Codes in chancery's codebook whose PLOVER row (theirs or a parent's) the crosswalk has.

    PLOVER dropped CAMEO 01 and 02 (the codebook says how chancery maps them), so those need only be
    in the codebook.
    """
    codes = {line.split("\t")[0] for line in codebook.splitlines()[1:] if line and not line.startswith("#")}
    mapped = set(re.findall(r"^(\d{3,4}):", crosswalk, flags=re.M))
    return {
        c for c in codes if c[:2] in {"01", "02"} or c in mapped or c[:3] in mapped or c[:2] + "0" in mapped
    }


def read_hand_keys(events_tsv: str) -> set[tuple[str, str, str, str]]:
    """The (pos, lemma, object, particle) keys of the hand-written patterns in events.tsv."""
    keys = set()
    for line in events_tsv.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        lemmas, objects, particles = cells[3].split("|"), cells[4].split("|"), cells[5].split("|")
        keys.update((cells[2], lemma, o, p) for lemma in lemmas for o in objects for p in particles)
    return keys


@dataclass(frozen=True)
class Sources:
    """Everything the build reads, as text (tests build these by hand)."""

    verbs: str
    codebook: str
    crosswalk: str
    events: str
    overrides: str
    nominals: str = ""
    governors: str = ""


def compile_rows(sources: Sources) -> tuple[list[list[str]], Report]:
    """The rows of ``petrarch.tsv`` and the build report."""
    dictionary = read_dictionary(sources.verbs)
    fixes, only, light = read_overrides(sources.overrides)
    known = read_known_codes(sources.codebook, sources.crosswalk)
    hand = read_hand_keys(sources.events)
    report = Report()
    candidates: list[Candidate] = []
    for block in dictionary.blocks:
        candidates.extend(_block_candidates(block, dictionary, fixes, known, report))
    governors = {line.split("\t")[0] for line in sources.governors.splitlines() if "\tVERB\t" in line}
    kept = _precedence(candidates, hand, only, light, governors, report)
    rows = _rows(kept)
    rows.extend(_nominal_rows(sources.nominals, report.bare, sources.events, hand, known))
    report.rows = len(rows)
    phrase_lines = {p.line for block in dictionary.blocks for p in block.phrases}
    report.compiled = len({int(r[0].split(".")[1]) for r in rows if r[0].startswith("p2.")} & phrase_lines)
    return _ordered(rows), report


def _code(raw: str, fixes: dict[str, str], known: set[str], line: int) -> tuple[str, str | None, str | None]:
    """``[A:B]`` -> (kind, code, dropped reverse code); kind is "", "mutual", "reverse" or "silent"."""
    if raw in {"---", ""}:
        return "silent", None, None
    first, _, second = raw.partition(":")
    first, second = (fixes.get(c, c) for c in (first, second))
    for code in (first, second):
        if code == "-":
            raise Skip("code dropped by petrarch_overrides.tsv")
        if code and code != "---" and code not in known:
            raise BuildError(
                f"{VERBS_FILE}:{line}: code {code!r} is in neither the codebook nor the crosswalk"
            )
    if not first:
        return "reverse", second, None
    if second and second == first:
        return "mutual", first, None
    return "", first, second if second and second != "---" else None


def _block_candidates(block: Block, dictionary: Dictionary, fixes, known, report: Report) -> list[Candidate]:
    found = []
    for verb in block.verbs:
        raw = verb.code if verb.code is not None else block.code
        try:
            kind, code, _ = _code(raw.replace(" ", ""), fixes, known, verb.line)
        except Skip as skip:
            report.skipped[str(skip)] += 1
            continue
        if kind == "silent" or code is None:
            continue
        if not verb.objects and not verb.particle:
            report.bare.setdefault(verb.lemma, (code, f"p2.{verb.line}.{_slug(verb.lemma)}"))
            report.notes["bare verb code not compiled (events.tsv keeps the fallbacks)"] += 1
            continue
        shape = Shape(verb.objects, verb.particle, kept=bool(verb.objects) + bool(verb.particle))
        found.append(
            Candidate(verb.line, verb.lemma, code, shape, _flags(kind, code, shape), True, True, verb.lemma)
        )
    for phrase in block.phrases:
        report.read += 1
        try:
            kind, code, reverse = _code(phrase.code, fixes, known, phrase.line)
            shape = shape_of(phrase.body, dictionary.synsets)
        except Skip as skip:
            report.skipped[str(skip)] += 1
            continue
        if reverse:
            report.notes["reverse act of a paired code dropped (the first kept)"] += 1
        origin = verb_lemma(phrase.origin.split("_")[0], dictionary.forms, set()) if phrase.origin else ""
        label = "-".join(filter(None, [origin, _label_word(phrase.body)]))
        for verb in block.verbs:
            merged = _merge(verb, shape)
            if merged is None:
                report.dropped["phrasal verb with a pattern of its own particle or object"] += 1
                continue
            own = verb.code if verb.code is not None else block.code
            own_root = code is not None and own[:2] == code[:2]
            found.append(
                Candidate(
                    phrase.line,
                    verb.lemma,
                    code or "010",  # silent: the code is never emitted
                    merged,
                    _flags(kind, code or "010", merged),
                    origin == verb.lemma,
                    own_root,
                    label,
                )
            )
    return found


def _merge(verb: Verb, shape: Shape) -> Shape | None:
    """A block pattern on a phrasal verb ("+RULE_OUT"): the verb's particle or object joins the shape."""
    if (verb.particle and shape.particle) or (verb.objects and shape.objects):
        return None
    if not verb.particle and not verb.objects:
        return shape
    objects = shape.objects or verb.objects
    return replace(shape, objects=objects, particle=shape.particle or verb.particle, kept=shape.kept + 1)


def _label_word(body: str) -> str:
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", body.split("*", 1)[-1])
    return words[0].lower() if words else ""


def _flags(kind: str, code: str, shape: Shape) -> tuple[str, ...]:
    flags = {"mutual": ("mutual",), "reverse": ("reverse",), "silent": ("silent",)}.get(kind, ())
    if kind != "silent" and (code.startswith("01") or not shape.objects):
        # 01 statements only when about another actor (events.tsv); a verb with only a particle
        # ("detached from") codes an act only when done to a named actor
        flags += ("needtarget",)
    return flags


def _precedence(
    candidates: list[Candidate], hand, only, light, governors, report: Report
) -> dict[tuple, Candidate]:
    """Each (lemma, object, particle, needs) key with the one candidate that keeps it."""
    by_key: dict[tuple, list[Candidate]] = {}
    owned = {(pos, lemma) for pos, lemma, _obj, _particle in hand}
    for candidate in candidates:
        for key in candidate.index_keys():
            lemma, obj, particle = key[0], key[1], key[2]
            if ("V", lemma, obj, particle) in hand:
                report.dropped["hand-written pattern in events.tsv"] += 1
            elif ("V", lemma) in owned:
                report.dropped["verb events.tsv owns"] += 1
            elif lemma in only and candidate.code != only[lemma]:
                report.dropped["chancery convention (only)"] += 1
            elif lemma in light:
                report.dropped["chancery convention (light verb)"] += 1
            elif lemma in governors:
                report.dropped["governing verb (governors.tsv frames it)"] += 1
            else:
                by_key.setdefault(key, []).append(candidate)
    kept = {}
    for key, group in by_key.items():
        winner = decide(group)
        if winner is None:
            report.dropped["tie between roots"] += 1
            continue
        report.dropped["lost to a preferred pattern"] += len(group) - 1
        kept[key] = winner
    return kept


def decide(group: list[Candidate]) -> Candidate | None:
    """The candidate that keeps a key: native, then own root, then fuller, then the code most of them give;
    a tie after that takes the code they share."""

    def rank(c: Candidate) -> tuple[bool, bool, int]:
        return (not c.native, not c.own_root, -c.shape.kept)

    best = min(rank(c) for c in group)
    tied = [c for c in group if rank(c) == best]
    votes = Counter(c.code for c in tied)
    most = max(votes.values())
    if list(votes.values()).count(most) == 1:  # the code more of the tied patterns give
        tied = [c for c in tied if votes[c.code] == most]
    codes = {c.code for c in tied}
    first = min(tied, key=lambda c: c.line)  # same code (or a shared one): the line only names the row
    if len(codes) == 1:
        return first
    shared = common_code(codes)
    return replace(first, code=shared, label=first.label + "-shared") if shared else None


def common_code(codes: set[str]) -> str | None:
    """The deepest CAMEO code above all of ``codes`` ("026", "028" -> "020"); None across roots."""
    if len({c[:2] for c in codes}) > 1:
        return None
    if len({c[:3] for c in codes}) == 1:
        return next(iter(codes))[:3]
    return next(iter(codes))[:2] + "0"


def _rows(kept: dict[tuple, Candidate]) -> list[list[str]]:
    """Group surviving keys back into rows: one per (pattern line, shape), lemmas and objects joined."""
    grouped: dict[tuple, dict[str, set[str]]] = {}
    for (lemma, obj, _particle, _needs), candidate in kept.items():
        signature = (candidate.line, candidate.code, candidate.shape, candidate.flags, candidate.label)
        grouped.setdefault(signature, {}).setdefault(lemma, set()).add(obj)
    rows = []
    for (line, code, shape, flags, label), lemmas in sorted(grouped.items(), key=lambda kv: _sig_key(kv[0])):
        by_objects: dict[frozenset[str], list[str]] = {}
        for lemma, objects in lemmas.items():
            by_objects.setdefault(frozenset(objects), []).append(lemma)
        for n, (objects, verbs) in enumerate(sorted(by_objects.items(), key=lambda kv: sorted(kv[1]))):
            suffix = f".{n + 1}" if len(by_objects) > 1 else ""
            rows.append(_row(f"p2.{line}.{_slug(label)}{suffix}", code, "V", verbs, objects, shape, flags))
    seen: Counter = Counter()
    for row in rows:  # the same line can give two shapes (a shared code): keep ids unique
        seen[row[0]] += 1
        if seen[row[0]] > 1:
            row[0] += f"-{seen[row[0]]}"
    return rows


def _sig_key(signature: tuple) -> tuple:
    line, code, shape, flags, label = signature
    return (line, code, label, sorted(shape.objects), shape.particle or "", sorted(shape.needs), flags)


def _row(pid, code, pos, lemmas, objects, shape: Shape, flags) -> list[str]:
    objects = sorted(o for o in objects if o != "-")
    target = shape.target
    targets = "-" if not target else "|".join([target, *(t for t in VERB_TARGETS if t != target)])
    flagset = list(flags)
    if shape.needs:
        flagset.append("needs=" + "|".join(sorted(shape.needs)))
    return [
        pid,
        code,
        pos,
        "|".join(sorted(lemmas)),
        "|".join(objects) or "-",
        shape.particle or "-",
        targets,
        "-",
        ";".join(flagset) or "-",
    ]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "verb"


def _ordered(rows: list[list[str]]) -> list[list[str]]:
    """The documented precedence among equally specific rows: needs first, deeper code, lower code."""

    def key(row: list[str]) -> tuple:
        specificity = 2 * (row[4] != "-") + (row[5] != "-")
        has_needs = any(f.startswith("needs=") for f in row[8].split(";"))
        return (-specificity, not has_needs, -len(row[1]), row[1], row[0])

    return sorted(rows, key=key)


# ---------------------------------------------------------------- nominal and adjectival forms


def _nominal_rows(
    nominals: str, petrarch: dict[str, tuple[str, str]], events, hand, known
) -> list[list[str]]:
    """Nouns and adjectives of nominals.tsv, each taking the bare code of its verb.

    The verb's bare code comes from a hand-written events.tsv pattern (no object, no particle) when
    there is one, else from the verb's PETRARCH code; the id names where it came from.
    """
    bare = dict(petrarch)
    for line in events.splitlines():
        row = line.split("\t")
        written = not line.startswith("#") and len(row) == 9 and "silent" not in row[-1]
        if written and row[2] == "V" and row[4] == row[5] == "-":
            bare.update((lemma, (row[1], row[0])) for lemma in row[3].split("|"))  # events.tsv wins
    found = []
    for number, line in enumerate(nominals.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 6 or cells[1] not in {"N", "A"}:
            raise BuildError(f"nominals.tsv:{number}: expected form, pos (N/A), verb, target, flags, why")
        form, pos, verb, targets, flags, _why = cells
        if verb not in bare:
            raise BuildError(f"nominals.tsv:{number}: verb {verb!r} has no bare pattern to take a code from")
        if (pos, form, "-", "-") in hand:
            continue  # events.tsv has this noun already
        code, origin = bare[verb]
        if code not in known:
            raise BuildError(f"nominals.tsv:{number}: code {code!r} of {origin} is unknown")
        found.append([f"nom.{form}:{origin}", code, pos, form, "-", "-", targets, "-", flags])
    return found


def build(cameo: Path, patterns: Path = HERE) -> tuple[str, Report]:
    """The text of ``petrarch.tsv`` from the shared cameo folder and chancery's own tables."""
    sources = Sources(
        verbs=(cameo / VERBS_FILE).read_text(encoding="utf-8", errors="replace"),
        codebook=(DATA / "cameo" / "codebook.tsv").read_text(encoding="utf-8"),
        crosswalk=(cameo / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"),
        events=(patterns / "events.tsv").read_text(encoding="utf-8"),
        overrides=(patterns / "petrarch_overrides.tsv").read_text(encoding="utf-8"),
        nominals=(patterns / "nominals.tsv").read_text(encoding="utf-8"),
        governors=(patterns / "governors.tsv").read_text(encoding="utf-8"),
    )
    rows, report = compile_rows(sources)
    lines = [
        f"# GENERATED by build_petrarch.py from {VERBS_FILE} (openeventdata/petrarch2, MIT),\n",
        "# with petrarch_overrides.tsv and nominals.tsv (chancery, MIT). Do not edit: rerun the script.\n",
        "# Columns as in events.tsv. An id p2.LINE.VERB-WORD names the PETRARCH2 line it comes from;\n",
        "# nom.FORM:ID is a noun or adjective of nominals.tsv taking the code of pattern ID.\n",
        "# " + HEADER + "\n",
    ]
    lines += ["\t".join(row) + "\n" for row in rows]
    return "".join(lines), report


if __name__ == "__main__":
    text, report = build(Path(sys.argv[1]))
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "petrarch.tsv"
    out.write_text(text, encoding="utf-8")
    print("\n".join(report.lines()))
