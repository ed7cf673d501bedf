"""Nesting: support or condemnation of another actor's act targets that actor and names the act ("welcomed
Russia's decision to recognise", "..., a move Israel condemned", "Spain recognised Palestine. Israel
denounced the decision.")."""

from __future__ import annotations

from collections.abc import Sequence

from chancery.coding.arguments import ACT_NOUNS, ActorIndex, state_of
from chancery.coding.drafts import Draft, argument_tokens, depth
from chancery.coding.structure import NAMING_VERBS, Tree
from chancery.records import Event

# nouns of an act that no pattern codes in the phrase that names it ("welcomed the vote", "condemned the
# coup"): when no act they name was told before, they take up the latest act of another actor, of the
# roots their kind of act allows
FORCE_ROOTS = ("14", "15", "17", "18", "19", "20")
EVENT_NOUNS = {
    **dict.fromkeys(
        ("coup", "takeover", "raid", "attack", "incursion", "offensive", "execution", "seizure", "occupation",
         "invasion", "intervention", "operation", "crackdown", "strike", "strikes", "bombing", "shelling"),
        FORCE_ROOTS,
    ),
    **dict.fromkeys(("agreement", "deal", "accord", "signing", "pact"), ("03", "04", "05", "06", "07", "08")),
    **dict.fromkeys(
        ("vote", "declaration", "ruling", "verdict", "appointment", "ceremony", "result", "outcome", "act",
         "resolution", "opening", "expulsion", "closure", "pardon", "announcement", "announcements",
         "recognitions", "measures"),
        (),
    ),
}  # fmt: skip
# pronouns that may stand for an act told before ("Israel's foreign ministry condemned it")
ACT_PRONOUNS = {"it", "this", "that"}
# events whose object may be another actor's act ("welcomed Russia's decision to ...")
POSITION_ROOTS = ("051", "052", "110", "111", "112", "120", "022", "102")


def nest(
    tree: Tree,
    drafts: dict[int, Draft],
    draft: Draft,
    earlier: Sequence[Sequence[Draft]] = (),
    index: ActorIndex | None = None,
) -> bool:
    """Support or condemnation of another actor's act targets that actor and names the act.

    ``earlier``: the acts of each sentence before, most recent last, which "the decision" or "the
    memorandum" may take up ("Spain recognised Palestine on Tuesday. Israel denounced the decision.").
    An act noun's owner is the one it targets ("opposed Lithuania's decision to allow Taiwan to open an
    office": Lithuania, not Taiwan), when ``index`` names it."""
    if not draft.code.startswith(POSITION_ROOTS) or draft.pattern.frame:
        return False
    heads = argument_tokens(tree, draft.i) if draft.pattern.pos == "V" else noun_objects(tree, draft.i)
    objects = set(tree.objects(draft.i)) if draft.pattern.pos == "V" else set()
    actor_object = any(note == "target:dobj" for _, note, _ in draft.targets)
    # a relative clause, also one the parser hangs as a participle ("a move that Somalia condemned"), or
    # the second of two ("a strike that killed three people and that Beijing denounced")
    base = draft.i
    while tree.tokens[base].dep == "conj" and tree.tokens[base].head != base:
        base = tree.tokens[base].head
    token = tree.tokens[base]
    relative = token.dep == "relcl" or (
        token.dep == "acl" and any(_relative_pronoun(tree, k) for k in tree.children(draft.i, "dobj"))
    )
    guessed = all(note == "target:place-of-act" for _, note, _ in draft.targets)  # or none at all
    marked = any(tree.lemma(k) in {"that", "which"} for k in tree.children(draft.i, "mark"))
    if relative and marked and guessed:
        heads = [token.head, *heads]  # "... and that Beijing denounced as a barbarian act": the strike
    for head in heads:
        # "..., a step that Morocco welcomed": the step the pronoun stands for (a "that" the parser tags as
        # a conjunction only when nothing else is the target: "an attack that Delhi blames on militants")
        if relative and _relative_pronoun(tree, head) and (tree.tokens[head].tag in {"WDT", "WP"} or guessed):
            head = token.head
        # "Israel condemned it": with no actor for "it", the act told before
        pronoun = tree.lemma(head) in ACT_PRONOUNS and tree.tokens[head].pos == "PRON" and not draft.targets
        anaphor = (tree.tokens[head].pos == "NOUN" and _anaphoric(tree, head)) or pronoun
        if not (tree.lemma(head) in ACT_NOUNS or head in drafts or anaphor):
            continue
        if actor_object and head not in objects and tree.tokens[head].tag not in {"WDT", "WP"}:
            continue  # "defended Israel against the Commission's criticism": Israel stays the target
        inner = [d for d in drafts.values() if d.i != draft.i and d.i in tree.subtree(head) and d.events]
        if not inner and relative and head == token.head:
            # "..., a step Israel condemned": the step stands for the clause it hangs beside
            node = head
            for _ in range(3):
                node = tree.tokens[node].head
                inner = [d for d in drafts.values() if d.i == node and d.events]
                if inner or tree.tokens[node].head == node:
                    break
            if not inner and tree.tokens[head].dep in {"npadvmod", "appos", "attr"}:
                # "signed decrees recognising X, a move Kyiv denounced": the act inside that clause
                # ("became the first to recognise X, a move that Y condemned": a second attribute)
                clause = set(tree.subtree(tree.tokens[head].head)) - set(tree.subtree(head))
                inner = [d for d in drafts.values() if d.i in clause and d.events and d is not draft]
        if not inner and anaphor and not actor_object:  # "the US move" names its own actor
            inner = _antecedent(tree, drafts, draft, head, earlier)
        if not inner:
            continue
        _take_up(tree, draft, head, inner, index)
        return True
    guessed = all(note in GUESSED_TARGETS for _, note, _ in draft.targets)  # or none at all
    noun, inner = _enclosing_act(tree, drafts, draft)
    if noun is not None and inner and guessed:
        # "recognised Palestine, a move Israel's foreign minister, Israel Katz, condemned": the parser may
        # hang the position anywhere inside the act noun that stands beside the clause it names
        _take_up(tree, draft, noun, inner, index, told=True)
        return True
    return False


# targets found by a guess, which the act a position is about outranks
GUESSED_TARGETS = {"target:place-of-act", "target:sole-other-party"}
# how an act noun stands beside the clause it names ("recognised X, a move Y condemned")
BESIDE_CLAUSE = {"npadvmod", "appos", "attr"}


def _enclosing_act(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> tuple[int | None, list[Draft]]:
    """The act noun standing beside a clause that position ``draft`` sits inside ("..., a decision
    Beijing was quick to denounce"), or that modifies a noun ``draft`` hangs from ("..., a move Serbia's
    foreign minister condemned", read "a move" modifying "minister"), and the acts of that clause: the
    clause of the first verb above the noun, less the branch the noun is in."""
    node = draft.i
    for _ in range(6):
        parent = tree.tokens[node].head
        if parent == node:
            break
        node = parent
        candidates = [node, *tree.children(node, "nmod", "npadvmod", "appos")]
        for noun in candidates:
            token = tree.tokens[noun]
            if noun > draft.i or tree.lemma(noun) not in ACT_NOUNS or token.pos != "NOUN":
                continue
            if noun == node and token.dep not in BESIDE_CLAUSE:
                continue
            branch = _branch_below_verb(tree, noun)
            if branch is None:
                continue
            clause = set(tree.subtree(tree.tokens[branch].head)) - set(tree.subtree(branch))
            inner = [
                d
                for d in drafts.values()
                if d.i in clause and d.events and d is not draft and not d.code.startswith(POSITION_ROOTS)
            ]
            return noun, inner
    return None, []


def _branch_below_verb(tree: Tree, k: int) -> int | None:
    """The token on the way up from ``k`` whose head is the first verb above it (``k`` itself when its own
    head is one); None when no verb is above."""
    while tree.tokens[k].head != k:
        if tree.tokens[tree.tokens[k].head].pos in {"VERB", "AUX"}:
            return k
        k = tree.tokens[k].head
    return None


def _take_up(
    tree: Tree, draft: Draft, head: int, inner: list[Draft], index: ActorIndex | None, told: bool = False
) -> None:
    """Make position ``draft`` about the shallowest of ``inner``, the acts noun ``head`` names: it targets
    their doers (or the noun's owner) and names the act. ``told``: the act is told in a clause of its
    own, not only as what the position is about, and keeps all it tells."""
    nested = min(inner, key=lambda d: depth(tree, d.i))
    first = nested.events[0]
    # the act's doers, not the other side of it ("the trip": the visitor, not the host)
    actors = {e.source.code: e.source for e in nested.events if not _converse(e)}
    owners = index.resolve(tree.children(head, "poss"), draft.date[0]) if index is not None else []
    if owners:
        actors = {a.code: a for a, _, _ in owners}
    # "Thailand and Cambodia agreed to return ambassadors ... Thailand welcomed the step": the other's
    own = {state_of(a) for a, _, _ in draft.sources}
    others = {code: a for code, a in actors.items() if state_of(a) not in own}
    actors = others or actors
    draft.targets = [(a, "target:actor-of-nested-act", None) for a in actors.values()]
    target = first.target.code if first.target else "?"
    draft.detail = f"{first.cameo} {first.cameo_name}: {first.source.code}→{target}"
    draft.act = first.id
    nested.about = nested.about or not told


# how many sentences back "the move" (any act) and "the memorandum" (an act of that word) look
REACH = 6
# the shortest common beginning that makes a noun a form of a trigger ("recognised" / "the recognition")
STEM = 5


def _antecedent(
    tree: Tree, drafts: dict[int, Draft], draft: Draft, noun: int, earlier: Sequence[Sequence[Draft]]
) -> list[Draft]:
    """The act an anaphoric act noun takes up, the latest before it: in its own sentence, else in those
    before, up to six sentences back. A generic noun ("Peru recognised Kosovo, and Serbia condemned the
    move") takes any act with a target; a noun that names an act ("Ethiopia signed a memorandum with
    Somaliland. ... Somalia rejected the memorandum"), or one that codes an act of the same CAMEO root
    ("police stormed the embassy. ... Brazil condemned the raid"), takes that act. Never another
    position; a named act of the speaker's own gives none, and a generic noun passes over the
    speaker's acts. A noun of an act that names none told before ("the raid" after "police stormed
    the embassy", "the vote" after an assembly's vote no pattern codes) falls back to any act."""
    # "the move", "it", "what he called a courageous decision": any act, whatever word names it
    pronoun = tree.tokens[noun].pos == "PRON"
    generic = tree.lemma(noun) in ACT_NOUNS or pronoun or _named_by_speaker(tree, noun)
    root = drafts[noun].pattern.cameo[:2] if noun in drafts else None  # "the raid": a noun that codes
    own = {state_of(a) for a, _, _ in draft.sources}

    def latest(generic: bool, roots: tuple[str, ...] = ()) -> list[Draft] | None:
        for candidates in (list(drafts.values()), *reversed(earlier[max(0, len(earlier) - REACH) :])):
            found = [
                d
                for d in candidates
                if d.i < draft.i
                and d.events
                and d is not draft
                and not d.code.startswith(POSITION_ROOTS)
                and d.code.startswith(roots or d.code)
                and (
                    any(e.counted and e.target is not None for e in d.events)
                    and any(state_of(a) not in own for a, _, _ in d.sources)
                    if generic
                    else any(e.counted for e in d.events) and (_names(tree, d, noun) or d.code[:2] == root)
                )
            ]
            if found:  # the speaker's own act ("Phnom Penh defended the trip"): no other actor to target
                # (a generic noun passes over the speaker's acts: "met the envoy and welcomed the decision")
                return [] if all(state_of(a) in own for a, _, _ in found[-1].sources) else found[-1:]
        return None

    found = latest(generic)
    if found is None and not generic and tree.lemma(noun) in EVENT_NOUNS:
        found = latest(True, EVENT_NOUNS[tree.lemma(noun)])
    return found or []


def _converse(event: Event) -> bool:
    """An event that is the other side of its draft's act, coded otherwise (the host of a visit); the
    other side of a joint act ("signed a memorandum with X", talks) is one of its doers."""
    return any(
        note.startswith("converse-of:") and note.split(":", 1)[1] != event.cameo
        for note in event.evidence.notes
    )


def _names(tree: Tree, draft: Draft, noun: int) -> bool:
    """Whether an act noun names ``draft``'s act: its trigger word or its object ("signed a
    memorandum"), or a form of one ("recognised" / "the recognition")."""
    lemma = tree.lemma(noun)
    words = {tree.lemma(draft.i), *(tree.lemma(k) for k in tree.objects(draft.i))}
    return any(
        w == lemma or (len(w) >= STEM and len(lemma) >= STEM and w[:STEM] == lemma[:STEM]) for w in words
    )


def _anaphoric(tree: Tree, noun: int) -> bool:
    """ "the move", "this decision", "that step": an act noun with no owner of its own that takes one up
    ("the seizure of power", "the closure of the embassy": what is seized or closed is no owner); also one
    a speaker names ("praised what he called a courageous decision")."""
    owned = any(
        tree.tokens[o].pos != "NOUN"
        for p in tree.children(noun, "prep")
        if tree.lemma(p) == "of"
        for o in tree.children(p, "pobj")
    )
    if tree.children(noun, "poss", "acl", "relcl") or owned:
        return False
    determiners = {tree.lemma(k) for k in tree.children(noun, "det")}
    return _named_by_speaker(tree, noun) or bool(determiners & {"the", "this", "that", "such"})


def _named_by_speaker(tree: Tree, noun: int) -> bool:
    """A noun a naming verb gives to something ("what he called a courageous decision")."""
    return tree.tokens[noun].dep in {"oprd", "xcomp"} and tree.lemma(tree.tokens[noun].head) in NAMING_VERBS


def _relative_pronoun(tree: Tree, k: int) -> bool:
    """ "which" or "that" opening a relative clause (the parser tags "that" WDT or IN)."""
    return tree.tokens[k].tag in {"WDT", "WP"} or (
        tree.lemma(k) in {"that", "which"} and tree.tokens[k].dep in {"dobj", "nsubj", "nsubjpass"}
    )


def noun_objects(tree: Tree, i: int) -> list[int]:
    """The prepositional objects of a noun trigger ("support for X's decision")."""
    found = []
    for prep in tree.children(i, "prep"):
        found.extend(tree.children(prep, "pobj"))
    return found
