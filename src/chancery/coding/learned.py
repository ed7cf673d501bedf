"""Learned triggers (issue 12, item 6): a verb no pattern matches may still tell an event.

The hand-written and PETRARCH2-compiled patterns cover the verbs of diplomacy well and the long tail
of general news badly ("rolled into Gori", "overran the capital", "shook hands with"). A linear model
over the verb's parse, trained by ``data/learned/build_triggers.py`` on the project's blind batches,
says which CAMEO root such a verb tells, if any. A verb it is confident about becomes a trigger like any
pattern's (``Pattern`` with the flag ``learned``), so its source, target, modality and evidence come from
the same machinery as every other event; the model only says *what kind of act* the verb is.

Features are read from the parse alone (lemmas, dependencies, the sector of the subject), never from
the text of any one sentence, so the model cannot hold a rule made for one sentence.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from chancery.coding.arguments import ActorIndex
from chancery.coding.drafts import FOLLOWING
from chancery.coding.patterns import VERB_TARGETS, Pattern
from chancery.coding.structure import Tree

NONE = "--"  # the class of verbs that tell no event
# auxiliaries, copulas and verbs of saying carry no act of their own here: a report is the
# act reported, and the coder's frames read them
NEVER = frozenset({"be", "have", "do", "say", "tell", "add", "note", "report", "quote", "cite", "write"})
# acts a verb tells only in its own words, with the verbs that say them: a recognition is granted by
# recognising; the model, which learns the act a sentence's gold holds near a verb, would read one into
# "put off a decision on who holds the seat" or "stressed it did not amount to recognition"
STATED_ONLY = {"054": frozenset({"recognise", "recognize"})}
OWN_SUBJECT = frozenset({"subject", "subject:passive-agent"})  # how Tree.subjects found a verb's own doer
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})


def candidate(tree: Tree, i: int) -> bool:
    """Whether token ``i`` is a verb the model may read (a full verb, not an auxiliary or a copula)."""
    token = tree.tokens[i]
    if token.dep == "acl" and any(tree.words[k] == "to" for k in tree.children(i, "aux")):
        return False  # "Iran's right to enrich uranium", "its bid to join": a right or plan, not an act
    return (
        token.tag.startswith("VB")
        and token.pos == "VERB"
        and token.dep not in {"aux", "auxpass", "amod", "compound"}
        and tree.lemma(i) not in NEVER
    )


def learnable(tree: Tree, i: int, taken: dict[int, Pattern], ruled_out: Callable[[Tree, int], bool]) -> bool:
    """Whether the model may read token ``i``: a candidate verb no pattern took, that no pattern's
    exclusion ``ruled_out`` (there the rules decided: "ended three decades of frosty ties" is no break),
    and whose object is no event noun the rules took ("voiced support", "held talks": the noun is the
    act, the verb only lends it its doer)."""
    if i in taken or not candidate(tree, i) or ruled_out(tree, i) or tree.lemma(i) in FOLLOWING:
        return False  # "would follow Moscow's lead": the rules read that as another's act taken up
    objects = tree.children(i, "dobj", "obj", "attr", "oprd")
    objects += [o for k in tree.children(i, "prep") for o in tree.children(k, "pobj")]
    return not any(k in taken for k in objects)


def sector(code: str) -> str:
    """The sector part of an actor code: ``GOV``, ``MIL``, ``REB``; ``IGO``; ``STATE`` for a bare state."""
    return "IGO" if code.startswith("IGO") else (code[3:6] or "STATE")


def verb_features(tree: Tree, index: ActorIndex, i: int, day: str | None) -> tuple[list[str], list] | None:
    """The features of candidate verb ``i`` and the actors its subject names, or None when its subject
    names no actor (a verb with no one to do it codes nothing) or is not its own: a doer borrowed along
    coordination, control or from the clause above ("..., paving the way for", "agreed to ..., following
    a meeting") adds the parse's doubt to the model's, and on held-out batches those verbs cost more
    must-not-count events than they found."""
    tokens, how = tree.subjects(i)
    if how not in OWN_SUBJECT:
        return None
    subjects = [actor for actor, _, _ in index.resolve(tokens, day)]
    if not subjects:
        return None
    args = tree.children(i, "dobj", "obj", "dative")
    args += [o for k in tree.children(i, "prep", "agent") for o in tree.children(k, "pobj")]
    mentions = [m for m in map(index.mention_at, args) if m is not None]
    found = features(tree, i, tuple(sorted({sector(a.code or "") for a in subjects})), len(mentions))
    found += sorted(
        {"os=" + ("place" if m.kind == "place" else sector(m.actor.code or "")) for m in mentions}
    )
    return found, subjects


def features(tree: Tree, i: int, subject_sectors: tuple[str, ...], actor_args: int) -> list[str]:
    """The features of verb ``i``: its lemma alone and with its particle, object, prepositions and their
    objects, and its "to" complement; its dependency and the verb its clause hangs from; its adverbs; the
    nouns of its own clause (not of clauses below it); the subject's sector (``subject_sectors``) and how
    many of its arguments name actors (``actor_args``)."""
    lemma = tree.lemma(i)
    found = ["b", "l=" + lemma, "dep=" + tree.tokens[i].dep, "args=" + str(min(actor_args, 2))]
    found += ["ss=" + s for s in subject_sectors] or ["ss=none"]
    if tree.tokens[i].dep in CLAUSAL and tree.tokens[i].head != i:
        # the clause it hangs from: "urged them to exercise restraint", "agreed to reopen"
        found.append(f"h={tree.tokens[i].dep}+{tree.lemma(tree.tokens[i].head)}")
    for k in tree.children(i, "prt"):
        found.append(f"l+p={lemma}+{tree.lemma(k)}")
    for k in tree.children(i, "dobj", "obj", "attr", "oprd"):
        found += ["o=" + tree.lemma(k), f"l+o={lemma}+{tree.lemma(k)}"]
    for k in tree.children(i, "prep", "agent", "dative"):
        prep = tree.lemma(k)
        found.append(f"l+r={lemma}+{prep}")
        for o in tree.children(k, "pobj", "pcomp"):
            found += [f"r+o={prep}+{tree.lemma(o)}", f"l+r+o={lemma}+{prep}+{tree.lemma(o)}"]
    for k in tree.children(i, "xcomp"):
        found.append(f"l+x={lemma}+{tree.lemma(k)}")
    for k in tree.children(i, "advmod", "npadvmod"):
        found.append("adv=" + tree.lemma(k))
    for k in tree.subtree(i, stop=CLAUSAL):
        if k != i and tree.tokens[k].pos == "NOUN":
            found.append("n=" + tree.lemma(k))
    return sorted(set(found))


@dataclass(frozen=True, eq=False)
class TriggerModel:
    """A multinomial logistic model: feature -> weight per class, a threshold, and a code per root."""

    classes: tuple[str, ...]
    weights: dict[str, dict[int, float]]
    threshold: float
    codes: dict[str, str]  # "lemma root" or "root" -> the full CAMEO code to give
    source: str = ""
    # the trigger pattern of each (lemma, root) the model has fired on, made once
    _patterns: dict[tuple[str, str], Pattern] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def load(cls) -> TriggerModel:
        """The model shipped in ``chancery/data/learned/triggers.json``."""
        return cls.from_json(
            resources.files("chancery")
            .joinpath("data", "learned", "triggers.json")
            .read_text(encoding="utf-8")
        )

    @classmethod
    def from_json(cls, text: str) -> TriggerModel:
        """The model written by ``build_triggers.model_file``."""
        raw = json.loads(text)
        classes = tuple(raw["classes"])
        weights = {
            feature: {int(c): float(w) for c, w in row.items()} for feature, row in raw["weights"].items()
        }
        return cls(classes, weights, float(raw["threshold"]), dict(raw["codes"]), raw.get("source", ""))

    def probabilities(self, found: list[str]) -> list[float]:
        scores = [0.0] * len(self.classes)
        for feature in found:
            for c, w in self.weights.get(feature, {}).items():
                scores[c] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def root(self, found: list[str]) -> tuple[str, float]:
        """The most likely event root of a verb with features ``found``, and its probability."""
        probs = self.probabilities(found)
        # the most likely event class (never "no event"): confident enough, it is the verb's act
        best = max(range(1, len(probs)), key=probs.__getitem__)
        return self.classes[best], probs[best]

    def code(self, lemma: str, root: str) -> str:
        return self.codes.get(f"{lemma} {root}") or self.codes.get(root) or root + "0"

    def triggers(
        self,
        tree: Tree,
        index: ActorIndex,
        span: tuple[int, int],
        taken: dict[int, Pattern],
        ruled_out: Callable[[Tree, int], bool],
        day: str | None,
    ) -> dict[int, Pattern]:
        """The verbs of ``span`` the model is confident tell an event, each with the pattern it becomes;
        only verbs ``learnable`` beside the triggers ``taken`` and the patterns' exclusions."""
        found = {}
        for i in range(*span):
            if not learnable(tree, i, taken, ruled_out):
                continue
            read = verb_features(tree, index, i, day)
            if read is None:
                continue
            root, probability = self.root(read[0])
            if root == NONE or probability < self.threshold:
                continue
            lemma = tree.lemma(i)
            sayers = STATED_ONLY.get(self.code(lemma, root))
            if sayers is None or lemma in sayers:
                found[i] = self.pattern(lemma, root)
        return found

    def pattern(self, lemma: str, root: str) -> Pattern:
        """The trigger pattern a confident verb becomes (one per lemma and root, made once)."""
        key = (lemma, root)
        if key not in self._patterns:
            code = self.code(lemma, root)
            self._patterns[key] = Pattern(
                id=f"learned.{root}.{lemma}",
                cameo=code,
                pos="V",
                lemmas=frozenset({lemma}),
                objects=frozenset(),
                particles=frozenset(),
                targets=VERB_TARGETS,
                relation=None,
                flags=frozenset({"learned"}),
            )
        return self._patterns[key]
