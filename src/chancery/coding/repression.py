"""Repression (CAMEO 175): a state's forces using force on unarmed people who protest.

CAMEO and PLOVER code the violent suppression of protest apart from combat: "police opened fire on
striking miners", "troops fired on a peaceful crowd", "riot police stormed the protest camp" are 175,
not the 19x of a battle. PLOVER's manual (its "repression" context) draws the line on who is hit:
unarmed people, not rebels. So the force verbs keep their code unless their objects are a crowd
that protests, or those that protest, and the ones who use the force are a state's police, army,
security service or government.
"""

from __future__ import annotations

from chancery.coding.drafts import Draft
from chancery.coding.structure import Tree
from chancery.records import Actor

REPRESSION = "175"
# the roots of force that, used on protest, are repression: assault (18) and fighting (19)
FORCE_ON_PEOPLE = ("18", "19")
# a gathering that protests, or those in it ("fired on the crowd", "stormed the protest camp")
PROTEST_NOUNS = {
    "protester", "protestor", "demonstrator", "marcher", "rioter", "striker", "mourner", "crowd",
    "mob", "protest", "demonstration", "rally", "march", "vigil", "sit-in", "gathering", "procession",
}  # fmt: skip
# nouns that are a protest only when a modifier says so ("the protest camp", "striking miners")
PROTEST_MARKS = {"protest", "striking", "protesting", "demonstrating", "sit-in"}
# the state's own forces (and a government acting through them)
STATE_FORCES = {"COP", "MIL", "GOV", "SPY"}
# prepositions that name whom force is used on ("fired on", "shot at", "opened fire into")
AIMED_AT = {"on", "at", "into", "upon", "against"}


def protest_objects(tree: Tree, i: int) -> list[int]:
    """The nouns of protest that force ``i`` is used on: its objects and its purpose's ("to disperse
    demonstrators"), what its "on/at/into" phrases (or its object's: "opened fire on the crowds") name,
    and their "of" phrases ("thousands of demonstrators")."""
    held = list(tree.objects(i))
    # "used tear gas to disperse demonstrators": whom the purpose names
    held += [
        o for c in tree.children(i, "xcomp", "advcl") if "to" in tree.aux_words(c) for o in tree.objects(c)
    ]
    for k in [i, *held]:
        held += [
            o
            for p in tree.children(k, "prep")
            if tree.lemma(p) in AIMED_AT
            for o in tree.children(p, "pobj", "pcomp")  # "on striking miners" may parse as a gerund
            for o in tree.with_conjuncts(o)
        ]
    held += tree.of_objects([i, *held])  # "the dispersal of the sit-in", "thousands of demonstrators"
    return [k for k in held if _protests(tree, k)]


def _protests(tree: Tree, k: int) -> bool:
    if tree.lemma(k) in PROTEST_NOUNS or tree.words[k] in PROTEST_MARKS:
        return True
    marks = {tree.lemma(m) for m in tree.children(k, "compound", "amod")}
    marks |= {tree.words[m] for m in tree.children(k, "compound", "amod")}
    return bool(marks & PROTEST_MARKS)


def by_state_forces(draft: Draft) -> bool:
    """Whether every source of ``draft`` is a state's force or government (not rebels, not a crowd)."""
    return bool(draft.sources) and all(
        actor.country and actor.sector in STATE_FORCES for actor, _, _ in draft.sources
    )


def repression_code(tree: Tree, draft: Draft) -> tuple[str, list[int]]:
    """175 and the protesting nouns hit, when ``draft``'s force falls on protest at a state's hands (or
    its act is repression already: "broke up the sit-in", "its crackdown on protesters"); else its own
    code and no nouns."""
    if not draft.sources:
        return draft.code, []
    if draft.code == REPRESSION:
        # "Assad's crackdown on protesters": a state's, never a UN body's or a foreign critic's
        own = all(a.country and not a.code.startswith("IGO") for a, _, _ in draft.sources)
        return draft.code, protest_objects(tree, draft.i) if own else []
    if not draft.code.startswith(FORCE_ON_PEOPLE) or not by_state_forces(draft):
        return draft.code, []
    hit = protest_objects(tree, draft.i)
    return (REPRESSION, hit) if hit else (draft.code, [])


def protesters_hit(draft: Draft) -> list:
    """Those a repression hit, as one party: the force's own state's people, whatever sector the
    protesters were read as ("demonstrators", "the protest camp", "opposition supporters"), and not
    the ministry the camp stood outside nor the UN body that criticised it."""
    source = draft.sources[0][0]
    named = [t for t in draft.targets if t[0].country == source.country and t[0].sector not in STATE_FORCES]
    text = named[0][0].text if named else source.text
    return [(crowd_of(source, text), "target:protesters-of-the-force's-state", None)]


def crowd_of(source: Actor, text: str) -> Actor:
    """The protesting crowd a state's force hit: that state's people."""
    country = source.country or source.code[:3]
    return Actor(text=text, code=country + "CVL", country=country, sector="CVL")
