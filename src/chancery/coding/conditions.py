"""Conditions an act is stated under: "only if ...", "unless ...", "would depend on ...", "made X conditional
on Y". What the conditions are and who sets them; ``modality`` decides what they do to the act's mood."""

from __future__ import annotations

import re

from chancery.coding.repairs import CONDITION_MARKS
from chancery.coding.structure import Tree

CONDITION_PREPS = {"until", "unless", "pending", "till"}
# the attribution a misparsed condition may swallow (", envoy Zamir Kabulov said on Monday")
REPORTING_TAIL = re.compile(r",[^,]*\b(?:said|says|told|added|according)\b.*$", re.S)
# words whose "on" phrase is a condition ("depending on", "contingent on", "conditional upon")
CONDITION_PARTICIPLES = {"depending", "dependent", "contingent", "conditional", "conditioned"}
# nouns of an "only on / in / with" phrase that make it a condition ("only on the basis of", "only with
# the consent of", "only in exchange for")
CONDITION_NOUNS = {"basis", "condition", "consent", "approval", "exchange", "return", "understanding"}


# verbs whose subject act happens only under their complement ("would depend on", "would require")
CONDITIONING_VERBS = {"depend", "hinge", "require", "necessitate"}
# adjectives doing the same after "be" ("is conditional on", "contingent on")
CONDITIONING_ADJECTIVES = {"conditional", "contingent", "dependent", "conditioned"}


def conditioning_clause(tree: Tree, verb: int) -> list[int]:
    """The tokens that state the condition an act subject of ``verb`` is put under: the "on" phrase of
    "depend on", the object and its complement of "require"; empty when ``verb`` puts none."""
    lemma = tree.lemma(verb)
    heads = [verb] + [a for a in tree.children(verb, "acomp") if tree.lemma(a) in CONDITIONING_ADJECTIVES]
    if lemma in CONDITIONING_ADJECTIVES and tree.lemma(tree.tokens[verb].head) == "make":
        # "made [the restoration of ties] conditional on ...": a small clause, its "on" maybe on "made"
        heads.append(tree.tokens[verb].head)
    elif lemma not in CONDITIONING_VERBS and len(heads) == 1:
        return []
    if lemma == "require" or lemma == "necessitate":
        return [k for k in tree.children(verb, "dobj", "xcomp", "ccomp")]
    return [p for h in heads for p in tree.children(h, "prep") if tree.lemma(p) in {"on", "upon"}]


# words whose "on" phrase is what an act is conditional on
CONDITIONING_ON = (
    (CONDITIONING_VERBS - {"require", "necessitate"}) | CONDITIONING_ADJECTIVES | CONDITION_PARTICIPLES
)
# words that end the stretch of a clause a condition's content is read in
CLAUSE_BREAKS = {"and", "but", "while", "as", "after", "before", "which", "who"}
# how far a condition's content may run after its "on" before the act is no longer part of it
CONDITION_REACH = 8


def conditioned_on(tree: Tree, i: int) -> int | None:
    """The word that makes token ``i`` part of a condition's content, or None: the conditioning word of an
    "on" phrase ("conditional on", "depends on", "contingent upon") that ``i`` follows in the same stretch
    of its clause ("conditional on Israel halting its offensive", "depend on the new authorities forming
    an inclusive government"). The parser hangs such gerunds anywhere, so the phrase is read in order."""
    sentence = tree.tokens[i].sentence
    for k in range(i - 1, max(0, i - CONDITION_REACH) - 1, -1):
        token = tree.tokens[k]
        if token.sentence != sentence or token.pos == "PUNCT" or tree.lemma(k) in CLAUSE_BREAKS:
            return None
        if tree.lemma(k) in {"on", "upon"}:
            word = k - 1
            return word if word >= 0 and tree.lemma(word) in CONDITIONING_ON else None
    return None


def made_conditional(tree: Tree, verb: int, act: int) -> list[int]:
    """The "on" phrase of "made the reopening conditional on Iran's conduct" (or "conditioned X on Y"),
    when ``act`` is the object ``verb`` puts under a condition; empty otherwise. The parser hangs the
    adjective on the verb, on the object or inside it, so it is looked for after the object."""
    lemma = tree.lemma(verb)
    if lemma == "condition":
        return [p for p in tree.children(verb, "prep") if tree.lemma(p) in {"on", "upon"}]
    if lemma != "make":
        return []
    subtree = set(tree.subtree(verb)) - {n for s in tree.children(verb, "nsubj") for n in tree.subtree(s)}
    adjectives = [k for k in sorted(subtree) if k > act and tree.lemma(k) in CONDITIONING_ADJECTIVES]
    if not adjectives:
        return []
    # the "on" phrase after the adjective, wherever the parser hangs it ("conditional on Chile's conduct")
    ons = [k for k in sorted(subtree) if k > adjectives[0] and tree.lemma(k) in {"on", "upon"}]
    return [ons[0]] if ons and tree.tokens[ons[0]].dep == "prep" else []


def condition_maker(tree: Tree, act: int) -> int | None:
    """The verb that puts act noun ``act`` under a condition, whose subject sets it and is the act's
    agent ("Erdogan made the restoration of ties conditional on ...": Turkey's restoration), or None."""
    head = tree.tokens[act].head
    dep = tree.tokens[act].dep
    if dep in {"dobj", "obj"} and made_conditional(tree, head, act):
        return head
    if dep == "nsubj" and tree.lemma(head) in CONDITIONING_ADJECTIVES:
        maker = tree.tokens[head].head
        return maker if tree.lemma(maker) == "make" and maker != head else None
    return None


def predicate_conditions(tree: Tree, predicate: int, text: str) -> list[str]:
    """The conditions ("only once ...", "unless ...") set on a predicate that is not told as past
    ("would be possible only once ...", "can only come if ..."), for the act that is its subject."""
    return [] if told_as_past(tree, predicate) else conditions_of(tree, predicate, text)


def span_text_of(tree: Tree, heads: list[int], text: str) -> str:
    nodes = sorted(n for h in heads for n in tree.subtree(h))
    return text[tree.tokens[nodes[0]].start : tree.tokens[nodes[-1]].end]


def conditions_of(tree: Tree, node: int, text: str) -> list[str]:
    """The conditions attached to ``node``, each as its text: "only if ...", "unless ...", "until ...",
    "on condition that"."""
    found: list[str] = []
    soon = [k for k in tree.children(node, "advmod") if tree.words[k] == "soon"]  # "as soon as they ..."
    for clause in tree.children(node, "advcl") + [c for k in soon for c in tree.children(k, "advcl")]:
        # "only when Nairobi ends ...": the parser hangs "when" as the clause's adverb, "only" on it
        whens = [k for k in tree.children(clause, "advmod") if tree.lemma(k) == "when"]
        marks = {tree.lemma(k) for k in tree.children(clause, "mark")} | {"when" for _ in whens}
        onlys = tree.children(clause, "advmod") + tree.children(node, "advmod")
        onlys += [o for w in whens for o in tree.children(w, "advmod")]
        only_after = bool({"after", "when"} & marks) and any(tree.lemma(k) == "only" for k in onlys)
        # "will recognise the council as soon as it forms a government": a condition, like "once"
        as_soon = any(
            tree.lemma(k) == "as" and k >= 2 and tree.words[k - 1] == "soon" and tree.words[k - 2] == "as"
            for k in tree.children(clause, "mark")
        )
        temporal = (as_soon or bool(marks & TIME_MARKS)) and not (marks & (CONDITION_MARKS - TIME_MARKS))
        only = any(  # "supported normalisation only once ...", "only" on the clause, the verb or the mark
            tree.lemma(k) == "only"
            for k in onlys + [a for m in tree.children(clause, "mark") for a in tree.children(m, "advmod")]
        )
        if temporal and not only and told_as_past(tree, node) and told_as_past(tree, clause):
            continue  # "recognised the authorities once they took Tripoli": when it happened, not a condition
        if only_after and told_as_past(tree, node) and told_as_past(tree, clause):
            continue  # "recognised China only after Indonesia had": the order things happened in
        if marks & CONDITION_MARKS or only_after or as_soon:
            found.append(span_text(tree, clause, text))
    for long in tree.children(node, "advmod"):
        if tree.lemma(long) != "long":
            continue
        for clause in tree.children(long, "advcl"):  # "as long as Belarus does not supply weapons"
            if any(tree.lemma(k) == "as" for k in tree.children(clause, "mark")):
                found.append(span_text(tree, long, text))
    for clause in tree.children(node, "conj", "advcl"):
        # "provided that prisoners are released", which the parser may coordinate with the verb
        if tree.tokens[clause].text.lower() in {"provided", "providing"} and tree.children(clause, "ccomp"):
            found.append(span_text(tree, clause, text))
    for clause in tree.children(node, "xcomp", "advcl", "prep", "acomp"):
        # "will decide depending on how the movement governs", "contingent on a ceasefire"
        if tree.words[clause] not in CONDITION_PARTICIPLES:
            continue
        for on in tree.children(clause, "prep"):
            if tree.lemma(on) in {"on", "upon"} and tree.children(on, "pobj", "pcomp"):
                span = text[tree.tokens[clause].start : tree.tokens[tree.subtree(on)[-1]].end]
                span = REPORTING_TAIL.sub("", span)  # a misparse may hang "..., the envoy said" inside
                found.append(span)
    for prep in tree.children(node, "prep", "conj"):
        # "only on the basis of the one-China principle", "only in return for the hostages"
        if (
            tree.tokens[prep].pos == "ADP"
            and any(tree.lemma(k) == "only" for k in tree.children(prep, "advmod"))
            and any(tree.lemma(k) in CONDITION_NOUNS for k in tree.children(prep, "pobj"))
        ):
            found.append(span_text(tree, prep, text))
    for prep in tree.children(node, "prep"):
        lemma = tree.lemma(prep)
        conditional = lemma in CONDITION_PREPS
        if lemma == "on" and any(tree.lemma(k) == "condition" for k in tree.children(prep, "pobj")):
            conditional = True
        if lemma == "after" and any(tree.lemma(k) == "only" for k in tree.children(prep, "advmod")):
            conditional = True
        if conditional and tree.children(prep, "pobj", "pcomp"):
            found.append(span_text(tree, prep, text))

    return found


# marks of a clause that puts terms on what a teller says will (not) happen ("until Madrid returns to its
# neutrality", "unless Kiev pays"); "if", "once", "after" and "when" only with "only" ("only if India
# reverses the changes"), since alone they tell when, or a mere possibility
TERMS_MARKS = {"until", "till", "unless", "provided", "providing"}
ONLY_TERMS_MARKS = {"if", "once", "after", "when"}


def terms_set(tree: Tree, verb: int) -> list[int]:
    """The clauses that put what a teller says on terms, in the content of telling verb ``verb``: "said
    relations could not return to normal until Madrid went back to neutrality" gives [went]. A content
    told as past has no terms ("said the embassy stayed shut until the attackers were found")."""
    found: list[int] = []
    for content in tree.children(verb, "ccomp"):
        if told_as_past(tree, content):
            continue
        for clause in tree.children(content, "advcl"):
            marks = {tree.lemma(k) for k in tree.children(clause, "mark")}
            whens = [k for k in tree.children(clause, "advmod") if tree.lemma(k) == "when"]
            marks |= {"when" for _ in whens}
            onlys = tree.children(clause, "advmod") + tree.children(content, "advmod")
            onlys += [a for k in tree.children(clause, "mark") + whens for a in tree.children(k, "advmod")]
            only = any(tree.lemma(k) == "only" for k in onlys)
            if marks & TERMS_MARKS or (only and marks & ONLY_TERMS_MARKS):
                found.append(clause)
        for long in tree.children(content, "advmod"):  # "as long as Cambodia keeps the appointment"
            if tree.lemma(long) == "long":
                found += [
                    c
                    for c in tree.children(long, "advcl")
                    if any(tree.lemma(m) == "as" for m in tree.children(c, "mark"))
                ]
    return found


def terms_parties(tree: Tree, clauses: list[int]) -> list[int]:
    """Where the ones who must meet the terms are named: the subjects of the clauses that state them
    ("until Rwandan forces leave": forces, Rwandan)."""
    subjects = [s for c in clauses for s in tree.children(c, "nsubj")]
    return [k for s in subjects for k in (s, *tree.children(s, "amod", "compound", "poss"))]


# condition marks that are also plain time conjunctions after a past act ("until" stays a condition:
# "opposed the deployment until their demands were met")
TIME_MARKS = {"once"}


def told_as_past(tree: Tree, node: int) -> bool:
    """Whether verb ``node`` tells a past act (simple past or perfect, no modal): "recognised X once they
    took Tripoli" happened, where "will recognise X once they take it" is conditioned."""
    token = tree.tokens[node]
    auxes = tree.children(node, "aux", "auxpass")
    aux = {tree.lemma(k) for k in auxes}
    if aux & {"will", "would", "shall", "should", "could", "can", "may", "might", "must"}:
        return False
    past_aux = any(tree.tokens[k].tag == "VBD" for k in auxes)  # "had taken", "was restored"
    return (token.tag == "VBD" and not auxes) or (token.tag == "VBN" and past_aux)


def span_text(tree: Tree, head: int, text: str) -> str:
    nodes = tree.subtree(head)
    return text[tree.tokens[nodes[0]].start : tree.tokens[nodes[-1]].end]
