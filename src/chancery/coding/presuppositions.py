"""Acts a sentence takes as done by others: presuppositions and ellipsis.

- "X followed Y in recognising Z", "X followed Y's lead, cutting ties with Z", "X joined Y in ...",
  "X recognised Z, joining Y and W": Y (and W) did the act too.
- "X became the fourth country to recognise Z, after A, B and C", "the latest to do so after A": A, B
  and C did it before.
- "A recognised Z, and B and C did the same / followed suit / did likewise": B and C did it too.

A presupposition survives negation, questions and modals ("Will Riyadh follow Abu Dhabi in
normalising ties?" still says that Abu Dhabi did), so the presupposed act is asserted whatever the
mood of the sentence. An ellipsis takes the mood of its own clause ("Mali is expected to do the same").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from chancery.coding.arguments import REPORTING, ActorIndex, state_of
from chancery.coding.drafts import FOLLOWING, ActorRef, Draft, depth, same_actor
from chancery.coding.modality import Analysis, awaited
from chancery.coding.structure import RANKS, Tree
from chancery.records import Actor, Event

# nouns whose owner did the act first ("followed Riyadh's lead", "in the footsteps of Chad")
LEADS = {"lead", "example", "footstep", "footsteps", "path", "precedent"}
# adverbs that make "with X" a partner doing the same act ("together with Britain", "jointly with")
TOGETHER = {"together", "jointly", "along"}
# prepositions naming those who did it before or besides ("after Russia", "apart from Russia")
BEFORE_PREPS = {"after", "besides", "beside", "alongside", "like", "behind"}
# objects and modifiers of "do" that make it repeat an act ("did the same", "did likewise", "followed suit")
SAME = {"same", "likewise", "similarly", "suit", "so", "too", "also", "similar"}
# nouns that stand for an act taken before ("took the same step")
STEPS = {"step", "move", "measure", "action", "decision"}
# what makes such a noun the same act again ("similar moves by Barbados and Jamaica")
LIKE = {"similar", "same", "identical", "like"}


def presupposed(
    tree: Tree,
    index: ActorIndex,
    drafts: dict[int, Draft],
    span: tuple[int, int],
    before: Sequence[Draft] = (),
    date_of: Callable[[int], tuple[str | None, str, str, str]] | None = None,
    analyse_at: Callable[[int], Analysis] | None = None,
) -> list[Draft]:
    """Drafts for the acts that the sentence (tokens ``span``) presupposes others did, or repeats by
    ellipsis; ``before`` are the acts of the sentence before, which "Norway did the same" may repeat:
    such a copy is told by the repeating verb, and dated by its clause (``date_of``); ``analyse_at`` gives
    the factuality of a repeating verb's clause ("said it intended to take the same step": not done)."""
    found: list[Draft] = []
    live = [d for d in drafts.values() if not d.suppressed and d.sources]
    for draft in live:
        # "parliament approved the recognition of Palestine, following in the footsteps of Spain": the
        # act noun's light verb carries the participle
        light = draft.source_note.startswith("source:light-verb") and tree.tokens[draft.i].dep in {
            "dobj",
            "obj",
        }
        own = tree.tokens[draft.i].head if light else draft.i
        # after a reporting clause, others joined in a done act only ("Australia will recognise Palestine,
        # Albanese said, joining France and Canada, which have announced similar plans": a plan, not done)
        done = draft.act_code is None and Event.is_counted(draft.analysis.negated, draft.analysis.modality)
        for tokens, how in _predecessors(tree, own) + (_told_after(tree, own) if done else []):
            # a partner acts with the act's own mood ("will recognise it together with Britain"); one
            # who went before did it, whatever the mood
            analysis = (
                replace(draft.analysis, notes=list(draft.analysis.notes))
                if how == "together-with"
                else Analysis()
            )
            found.extend(_copies(index, draft, tokens, "presupposed:" + how, analysis))
    for do in repeats(tree, drafts, span):
        antecedent = _antecedent(tree, live, do)
        told_at = None
        if antecedent is None:
            antecedent, told_at = _antecedent(tree, before, do, same_sentence=False), do
        if antecedent is None:
            continue
        subjects, _ = tree.subjects(do)
        mood = _mood(tree, do)
        if analyse_at is not None and mood.modality == "asserted" and not mood.negated:
            mood = _clause_mood(analyse_at(do))
        # a step taken is the act, never the intention told of it ("Uruguay intends to recognise
        # Palestine, after Brazil and Argentina took the same step": they recognised it)
        taken = tree.lemmas[do] == "take"
        copies = _copies(index, antecedent, subjects, "ellipsis:" + tree.tokens[do].text, mood, act=taken)
        for copy in copies if told_at is not None else ():
            copy.i = told_at
            if date_of is not None:
                copy.date = date_of(told_at)
        own = date_of(do) if date_of is not None and told_at is None else None
        for copy in copies if own is not None and own[1] != "publication" else ():
            # "Malaysia established relations in 1974, while Thailand did so in 1975": the repeat's own date
            copy.date = own
        found.extend(copies)
        for tokens, how in _predecessors(tree, do):  # "the latest country to do so after Russia"
            found.extend(_copies(index, antecedent, tokens, "presupposed:" + how, Analysis()))
    told = _told([d for d in live if Event.is_counted(d.analysis.negated, d.analysis.modality)])
    return [c for c in found if not c.source_note.startswith("source:presupposed:") or not _already(c, told)]


# verbs of saying: joining others "in announcing" a step joins the saying, not the step
SAYING = REPORTING | {"announce", "pledge", "promise", "signal", "unveil", "vow"}


def _told(live: Sequence[Draft]) -> set[tuple[str, str, str]]:
    """The (source state, target state, root) of every act the sentence's own clauses tell."""
    return {_pair(s, t, d) for d in live for s, _, _ in d.sources for t, _, _ in d.targets}


def _pair(source: Actor, target: Actor, draft: Draft) -> tuple[str, str, str]:
    return state_of(source), state_of(target), draft.code[:2]


def _already(copy: Draft, told: set[tuple[str, str, str]]) -> bool:
    """Whether the sentence tells a copy's act in a clause of its own ("following Saudi Arabia, which had
    broken with Doha": Saudi Arabia's break)."""
    pairs = [_pair(s, t, copy) for s, _, _ in copy.sources for t, _, _ in copy.targets]
    return bool(pairs) and all(p in told for p in pairs)


def _copies(
    index: ActorIndex, draft: Draft, tokens: list[int], how: str, analysis: Analysis, act: bool = False
) -> list[Draft]:
    """The draft's act done by the actors of ``tokens`` (those not already its parties); with ``act``, the
    act itself even when the draft is a statement of it."""
    day = draft.date[0]
    parties = {a[0].code for a in draft.sources + draft.targets}
    actors: list[ActorRef] = [
        (actor, "actor:" + how, q)
        for actor, _, q in index.resolve(tokens, day)
        if not same_actor(actor.code, parties)
    ]
    if not actors:
        return []
    analysis.notes.append(how)
    # the act itself, whatever was said about it in the clause copied ("will not follow X in ..."),
    # unless the act is a statement made by a verb of its own ("agreed to establish relations,
    # the second to do so after the UAE": the UAE agreed, it did not establish them)
    stated = not act and draft.act_code is not None and draft.analysis.intent_by_governor
    copy = replace(
        draft,
        sources=actors,
        analysis=analysis,
        source_note="source:" + how,
        code=draft.code if stated else draft.act_code or draft.code,
        act_code=draft.act_code if stated else None,
        statement=draft.statement if stated else None,
        relation=None,
        events=[],
        presupposed=True,
    )
    copy.targets = list(draft.targets)
    return [copy]


def _told_after(tree: Tree, i: int) -> list[tuple[list[int], str]]:
    """Who went first, told after a reporting clause set between the act and them: "The Comoros has broken
    off relations with Iran, the foreign ministry said, following Riyadh's lead" (the parser hangs the
    participle on "said", whether it takes the act as its complement or hangs beside it)."""
    head = tree.tokens[i].head
    reporters = [head] if tree.tokens[i].dep == "ccomp" else []
    reporters += tree.children(i, "parataxis")
    # not "..., Albanese said, joining France and Canada in announcing the step": the saying is joined
    joined_in = any(
        tree.lemma(p) == "in" and any(tree.lemma(k) in SAYING for k in tree.children(p, "pcomp"))
        for reporter in reporters
        for c in tree.children(reporter, "advcl")
        for p in tree.children(c, "prep")
    )
    return [
        (tokens, how)
        for reporter in reporters
        if reporter > i and tree.lemma(reporter) in REPORTING and not joined_in
        for tokens, how in _predecessors(tree, reporter)
        if how in {"joined", "followed"} and all(k > reporter for k in tokens)
        for how in [how + ":told-after"]
    ]


def _predecessors(tree: Tree, i: int) -> list[tuple[list[int], str]]:
    """Who the act of token ``i`` presupposes did it too, and by which construction."""
    found = []
    token = tree.tokens[i]
    head = token.head
    # "followed Y in recognising", "followed Y's lead by cutting ties": the act is the complement of "in"
    # or "by" under a following verb
    if (
        token.dep == "pcomp"
        and tree.lemma(head) in {"in", "by"}
        and tree.lemma(tree.tokens[head].head) in FOLLOWING
    ):
        found.append((_leaders(tree, tree.tokens[head].head), "followed"))
    # "followed Y's lead, cutting ties": the act is a participle beside the following verb
    # (not a clause of its own, with a conjunction or a finite verb's subject: "cannot join the EU until it
    # has normalised its relations with Kosovo" presupposes no one normalised them; "followed Riyadh's lead,
    # Manama ordering the ambassador out" does)
    own_clause = tree.children(i, "mark") or (
        tree.tokens[i].tag != "VBG" and tree.children(i, "nsubj", "nsubjpass")
    )
    if (
        token.dep in {"advcl", "xcomp", "conj"}
        and tree.lemma(head) in FOLLOWING
        and head != i
        and not own_clause
    ):
        # not an act of its own beside the one followed ("followed Y in ordering X out and recalled its
        # ambassador": Y ordered X out; the recall is the follower's alone)
        named = any(tree.children(p, "pcomp") for p in tree.children(head, "prep") if tree.lemma(p) == "in")
        if not (token.dep == "conj" and named):
            found.append((_leaders(tree, head), "followed"))
    # "recognised Z, joining Y and W": a following participle beside the act
    for clause in tree.children(i, "advcl", "conj"):
        # set off by a comma, with no subject of its own (not "objections to Sweden joining NATO")
        set_off = clause > 0 and tree.words[min(tree.subtree(clause)) - 1] == ","
        own_subject = tree.children(clause, "nsubj", "nsubjpass")
        participle = tree.lemma(clause) in FOLLOWING and tree.tokens[clause].tag == "VBG"
        if participle and set_off and not own_subject:
            found.append((_leaders(tree, clause), "joined"))
        # "recognised Palestine, and was followed by Belgium and Malta": those who followed did it too
        if tree.lemma(clause) in FOLLOWING and tree.is_passive(clause) and not own_subject:
            found.append((tree.agent(clause), "followed-by"))
    if tree.ranked_after(i):  # "the first country after Russia to recognise" parsed as a clause
        found.append(([s for k in tree.children(i, "nsubj") for s in tree.with_conjuncts(k)], "ranked-after"))
    for prep in tree.children(i, "prep"):
        # "recognised Palestine, following Slovenia and Spain" (the participle taken for a preposition);
        # not "following mediation by Qatar", an event
        set_off = prep > 0 and tree.words[prep - 1] == ","
        if tree.words[prep] == "following" and set_off:
            named = [p for p in tree.children(prep, "pobj") if tree.tokens[p].pos == "PROPN"]
            found.append(([o for p in named for o in tree.with_conjuncts(p)], "joined"))
            # "..., following neighbouring Mali's lead": the owner of the lead went first
            leads = [p for p in tree.children(prep, "pobj") if tree.lemma(p) in LEADS]
            found.append(
                (
                    [k for p in leads for o in tree.children(p, "poss") for k in tree.with_conjuncts(o)],
                    "followed",
                )
            )
            # "..., following similar moves by Barbados and Jamaica": those whose like acts went first
            steps = [p for p in tree.children(prep, "pobj") if _like_steps(tree, p)]
            owners = [o for p in steps for o in tree.children(p, "poss") + tree.prep_objects(p, "by")]
            found.append(([k for o in owners for k in tree.with_conjuncts(o)], "followed"))
    # "recognised Palestine together with Britain", "..., acting in concert with Britain and Canada"
    hosts = [i] + [
        c for c in tree.children(i, "advcl") if tree.tokens[c].tag == "VBG" and not tree.children(c, "nsubj")
    ]
    for host in hosts:
        concert = "concert" in {tree.lemma(o) for o in tree.prep_objects(host, "in")}
        for prep in tree.children(host, "prep"):
            together = any(tree.lemma(a) in TOGETHER for a in tree.children(prep, "advmod"))
            if tree.lemma(prep) == "with" and (together or concert):
                objects = [o for p in tree.children(prep, "pobj") for o in tree.with_conjuncts(p)]
                found.append((objects, "together-with"))
    ranked = _ranked(tree, i)
    if ranked is not None:
        hosts = [i, ranked, tree.tokens[ranked].head]
        for host in hosts:
            for prep in tree.children(host, "prep"):
                if tree.lemma(prep) in BEFORE_PREPS or _apart_from(tree, prep):
                    objects = [o for p in tree.children(prep, "pobj") for o in tree.with_conjuncts(p)]
                    if objects:
                        found.append((objects, "ranked-after"))
    return [(tokens, how) for tokens, how in found if tokens]


def _leaders(tree: Tree, verb: int) -> list[int]:
    """Who went first: the following verb's object, or the owner of "lead" / "example" / "footsteps"."""
    found = []
    for obj in tree.objects(verb):
        if tree.lemma(obj) in LEADS or _like_steps(tree, obj):
            # "following Chad's lead", "following similar moves by Barbados, Jamaica and Trinidad"
            owners = tree.children(obj, "poss")
            owners += tree.of_objects([obj]) + tree.prep_objects(obj, "by")
            found.extend(k for o in owners for k in tree.with_conjuncts(o))
        else:
            found.append(obj)
    # "recognised it, following Spain, Ireland and Norway": the participle's object taken for a preposition's
    found.extend(k for o in tree.children(verb, "pobj") for k in tree.with_conjuncts(o))
    # "will follow Nauru in switching": a name right after the verb the parser took for an adverb
    found.extend(
        k
        for o in tree.children(verb, "advmod", "npadvmod")
        if o == verb + 1 and (tree.tokens[o].pos == "PROPN" or tree.tokens[o].ent_type)
        for k in tree.with_conjuncts(o)
    )
    for prep in tree.children(verb, "prep"):  # "followed in the footsteps of Chad"
        for noun in tree.children(prep, "pobj"):
            if tree.lemma(noun) in LEADS:  # all of them: "in the footsteps of Spain, Ireland and Norway"
                objects = [o for p in tree.children(noun, "prep") for o in tree.children(p, "pobj")]
                found.extend(k for o in objects for k in tree.with_conjuncts(o))
    return found


def _like_steps(tree: Tree, noun: int) -> bool:
    """Whether ``noun`` names acts like the one followed ("similar moves", "the same step")."""
    return tree.lemma(noun) in STEPS and any(tree.lemma(k) in LIKE for k in tree.children(noun, "amod"))


def _ranked(tree: Tree, i: int) -> int | None:
    """The ranked noun an act hangs from ("the fourth country to recognise"), or None."""
    token = tree.tokens[i]
    candidates = [token.head] if token.dep in {"relcl", "acl"} else []
    if token.dep == "ccomp":  # "making it the third country to do so": the ranked noun as its subject
        candidates += tree.children(i, "nsubj")
    if token.dep in {"xcomp", "advcl"} and tree.lemma(token.head) in {"become", "be", "remain"}:
        candidates += tree.children(token.head, "attr")
    for noun in candidates:
        modifiers = tree.children(noun, "amod", "det", "nummod", "advmod")
        if tree.ranked(noun) or any(tree.lemma(k) in RANKS or tree.words[k] in RANKS for k in modifiers):
            return noun
    return None


def _apart_from(tree: Tree, prep: int) -> bool:
    """ "apart from Russia", "along with Russia", "other than Russia"."""
    word = tree.lemma(prep)
    before = tree.tokens[prep - 1].text.lower() if prep > 0 else ""
    return (
        (word == "from" and before == "apart")
        or (word == "with" and before == "along")
        or (word == "than" and before == "other")
    )


def repeats(tree: Tree, drafts: dict[int, Draft], span: tuple[int, int]) -> list[int]:
    """Verbs of the tokens ``span`` ([first, last)) that repeat an earlier act: "did the same", "did
    likewise", "followed suit", "do so", a bare "followed"."""
    found = []
    for k in range(*span):
        lemma = tree.lemmas[k]
        if k in drafts or lemma not in {"do", "follow", "take"}:
            continue
        objects = tree.children(k, "dobj", "advmod")
        marks = {tree.lemma(c) for c in objects}
        if lemma == "take":
            # "three days after Denmark had taken the same step"
            steps = [c for c in objects if tree.lemma(c) in STEPS]
            marks = {tree.lemma(m) for c in steps for m in tree.children(c, "amod")}
        elif tree.words[k + 1 : k + 3] == ["the", "same"]:
            marks.add("same")  # "Portugal did the same hours later" ("same" hung on "hours")
        elif lemma == "do" and tree.words[k + 1 : k + 2] == ["so"]:
            marks.add("so")  # "the third country to do so after Russia" ("so" hung on "after")
        if lemma == "follow" and "suit" not in marks:
            # "Trump recognised Guaido, and Canada and Brazil quickly followed": followed no one named
            finite = tree.tokens[k].tag in {"VBD", "VBZ", "VBP", "VB"}  # not "following the killing"
            followed = tree.children(k, "dobj", "pobj", "xcomp", "ccomp", "agent", "nsubjpass") + [
                p for p in tree.children(k, "prep") if not _when(tree, p)
            ]  # "Qatar followed on Wednesday", "within hours": when, not whom
            if finite and not followed:
                found.append(k)
            continue
        if marks & SAME:
            found.append(k)
    return found


def _when(tree: Tree, prep: int) -> bool:
    """Whether a prepositional phrase only says when ("on Wednesday", "within hours", "days later")."""
    objects = tree.children(prep, "pobj")
    return bool(objects) and all(
        tree.tokens[o].ent_type in {"DATE", "TIME"} or tree.lemma(o) in {"hour", "day", "week", "month"}
        for o in objects
    )


def _antecedent(tree: Tree, live: Sequence[Draft], do: int, same_sentence: bool = True) -> Draft | None:
    """The act a repeating verb takes up: the nearest act before it in its sentence (or, with
    ``same_sentence`` false, the main act of ``live``, the sentence before's: "Britain recognised
    Palestine in a move Israel denounced. Portugal followed suit.")."""
    sentence = tree.tokens[do].sentence
    if not same_sentence:
        main = [d for d in live if d.i < do and not d.suppressed and d.sources]
        return min(main, key=lambda d: (depth(tree, d.i), -d.i), default=None)
    before = [d for d in live if d.i < do and tree.tokens[d.i].sentence == sentence and not d.about]
    return max(before, key=lambda d: d.i, default=None)


def _mood(tree: Tree, do: int) -> Analysis:
    """The factuality of a repeating clause: its own negation, modal or future, else asserted."""
    negated = bool(tree.children(do, "neg")) or _pending(tree, do)
    return Analysis(negated=negated, modality=_modal(tree, do))


def _clause_mood(found: Analysis) -> Analysis:
    """The mood a repeating verb's whole clause gives the act it repeats ("Uruguay said it intended to
    take the same step", "plans to follow suit", "denied it would do the same"): what the chain of
    predicates above it says, as for any act, with an intention not yet done."""
    modality = found.modality
    if found.intent and modality == "asserted":
        modality = "intended"
    return Analysis(
        negated=found.negated, modality=modality, conditions=list(found.conditions), notes=list(found.notes)
    )


def _pending(tree: Tree, do: int) -> bool:
    """ "has yet to follow suit", "is yet to do so": not done (so far)."""
    return tree.tokens[do].dep == "xcomp" and awaited(tree, tree.tokens[do].head)


def _modal(tree: Tree, do: int) -> str:
    for aux in tree.children(do, "aux"):
        if tree.lemma(aux) in {"may", "might", "could", "should", "would", "must"}:
            return "hypothetical"
        if tree.lemma(aux) in {"will", "shall"}:
            return "intended"
    head = tree.tokens[do].head
    if tree.tokens[do].dep == "xcomp" and tree.lemma(head) in {"expect", "likely", "poise", "set"}:
        return "hypothetical"
    if tree.tokens[do].dep == "xcomp" and tree.lemma(head) in {"due", "schedule", "slate"}:
        return "intended"  # "Guatemala is due to follow on Wednesday": a plan, not done
    return "asserted"
