"""Acts told twice or as part of another: restating nouns, results of force, purposes and signatories.

Each rule says whether a draft is another draft's act again ("visited Moscow, his first trip to
Russia"), part of it ("shelled the city, killing 20"), no act at all (the purpose of a protest), or
who did it when its own clause does not say (the signatories of a declaration).
"""

from __future__ import annotations

from chancery.coding.drafts import ActorRef, Draft
from chancery.coding.modality import analyse
from chancery.coding.patterns import Governor
from chancery.coding.structure import CLAUSAL_DEPS, Tree

# roots of material force (assault, fight, mass violence), whose results are no events of their own
FORCE_ROOTS = ("18", "19", "20")


def signatories(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> list[ActorRef]:
    """ "relations were established between A and B under a declaration signed in X": a text under
    which two parties act was signed by them."""
    token = tree.tokens[draft.i]
    if draft.sources or "mutual" not in draft.pattern.flags:
        return []
    if token.dep != "acl" or tree.tokens[token.head].dep != "pobj":
        return []
    outer = drafts.get(tree.tokens[tree.tokens[token.head].head].head)
    if outer is None or outer is draft or "mutual" not in outer.pattern.flags:
        return []
    return [(a, "actor:signatory-of-" + outer.pattern.id, q) for a, _, q in outer.sources]


def result_of_force(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> bool:
    """ "shelled the city, killing 20 people": the killing is what the shelling did, one event.

    Likewise the attack a killing was done in ("killed 46 civilians in an attack on a village") and
    the attacks that killed ("the attacks have killed eight leaders") are that killing.
    """
    token = tree.tokens[draft.i]
    if draft.pattern.pos == "N" and draft.pattern.cameo.startswith(FORCE_ROOTS):
        holder = token.head if token.dep in {"nsubj", "nsubjpass"} else None
        if token.dep == "pobj" and tree.lemma(token.head) in {"in", "during"}:
            holder = tree.tokens[token.head].head
        verb = drafts.get(holder) if holder is not None else None
        return verb is not None and verb.pattern.pos == "V" and verb.pattern.cameo.startswith(FORCE_ROOTS)
    if token.dep != "advcl" or token.tag != "VBG" or not draft.pattern.cameo.startswith(FORCE_ROOTS):
        return False
    head = drafts.get(token.head)
    return head is not None and head.pattern.cameo.startswith(FORCE_ROOTS)


def inside_purpose(
    tree: Tree, governors: dict[tuple[str, str], Governor], frames: dict[int, str], text: str, draft: Draft
) -> bool:
    """A noun inside a purpose clause ("rallied to protest the snapback of UN sanctions") is no event."""
    if draft.pattern.pos != "N":
        return False
    node = draft.i
    for _ in range(12):
        head = tree.tokens[node].head
        if head == node:
            return False
        node = head
        if tree.tokens[node].pos in {"VERB", "AUX"}:
            return analyse(tree, node, governors, frames, text, False).background
    return False


def restates(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> bool:
    """A noun that restates its own clause's act ("visited Moscow, his first trip to Russia")."""
    if draft.pattern.pos != "N" or not draft.sources:
        return False
    countries = {s[0].code[:3] for s in draft.sources}
    places = {t[0].code[:3] for t in draft.targets}
    for other in drafts.values():
        if other is draft or other.pattern.pos != "V" or other.pattern.cameo != draft.pattern.cameo:
            continue
        if draft.i not in tree.subtree(other.i, stop=CLAUSAL_DEPS):
            continue
        same_source = countries == {s[0].code[:3] for s in other.sources}
        if same_source and (not places or places == {t[0].code[:3] for t in other.targets}):
            return True
    return False


def warns_again(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> bool:
    """A warning told as the closing participle of the ultimatum it restates ("gave Maduro eight days to
    call an election, warning that they would otherwise recognise Guaido"): one threat, the ultimatum."""
    token = tree.tokens[draft.i]
    if not draft.pattern.cameo.startswith("13") or token.tag != "VBG" or token.dep != "advcl":
        return False
    other = drafts.get(token.head)
    if other is None or other is draft or not other.pattern.cameo.startswith("139"):
        return False
    return {s[0].code[:3] for s in draft.sources} <= {s[0].code[:3] for s in other.sources}
