"""CAMEO's frames: intents (03), threats (13), and appeals, demands and refusals recoded after their act.

Also nesting: support or condemnation of another actor's act targets that actor and names the act.
"""

from __future__ import annotations

from collections.abc import Sequence

from chancery.coding.arguments import ACT_NOUNS, ActorIndex, state_of
from chancery.coding.codebook import Codebook
from chancery.coding.drafts import ActorRef, Draft, argument_tokens, depth
from chancery.coding.modality import DENIAL_VERBS, Analysis, by_medium, on_a_journey
from chancery.coding.patterns import Pattern
from chancery.coding.structure import NAMING_VERBS, Tree
from chancery.records import Event

# roots whose announced intention CAMEO codes as a threat (13), not an intent to cooperate (03)
CONFLICT_ROOTS = ("14", "15", "16", "17", "18", "19", "20")
# roots whose announced intention keeps its own code ("would reject the plan" is no intent to cooperate)
VERBAL_CONFLICT_ROOTS = ("09", "10", "11", "12", "13")
# positions that oppose an act (its target is the one protesting when the act names none)
OPPOSING_ROOTS = ("110", "111", "112", "120")
# prepositions of time and place: what sits under them is no complement of an appeal or refusal
CIRCUMSTANCE_PREPS = {"during", "after", "before", "since", "amid", "following", "ahead"}
# acts whose doer may deny responsibility for them (CAMEO 016): threats, protests, force and violence
# acts of aid one may be charged with and deny ("denied that it had armed the rebels"): no one named accuses
AIDING = ("06", "07")
FORCEFUL_DENIABLE = (*AIDING, "13", "15", "17", "18", "19", "20")
# verbs of committing: a third party may report that the commitment was made ("X agreed to restore ties")
COMMITTING = {"agree", "pledge", "promise", "vow", "commit", "undertake", "decide", "resolve", "consent"}
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


def _future_refusal(draft: Draft) -> bool:
    """Whether ``draft`` is a refusal told in the future tense by its own actor ("will reject any
    contact", "will refuse to attend"), not one only planned by a governor ("plans to reject")."""
    a = draft.analysis
    return (
        draft.code.startswith("12")
        and draft.pattern.pos == "V"
        and a.intent
        and a.modality == "intended"
        and not (a.negated or a.scheduled or a.intent_by_governor)
    )


def apply_frames(
    tree: Tree, index: ActorIndex, codebook: Codebook, drafts: dict[int, Draft], text: str = ""
) -> None:
    """Recode intents (03), and appeals, demands, refusals and threats after the act they govern."""
    for draft in drafts.values():
        a = draft.analysis
        if _future_refusal(draft):
            # "North Korea will reject any contact with Japan, Kim Yo Jong said": the refusal is made by
            # saying so, now (CAMEO codes the refusal stated, as it codes a stated intention)
            a.modality = "asserted"
            a.notes.append("refusal:stated-in-the-future-tense")
            continue
        if _warned_could(tree, index, draft):
            # "Turkey could suspend relations with the UAE, Erdogan warned": a threat made now (13), the
            # act only possible
            _state(draft, codebook.recode("threat", draft.code), "threat")
            a.notes.append(WARNED_POSSIBLE)
            continue
        if not a.intent or draft.code.startswith(("03", *VERBAL_CONFLICT_ROOTS)):
            continue
        if draft.pattern.pos != "V":
            continue  # "the recognition will be formalised": a noun's act; no one states it here
        if a.negated and not a.intent_by_governor:
            delayed = _until_a_date(tree, draft.i)  # "would not be opened until January 15": a date set
            if a.modality in {"asserted", "conditional"} and draft.code[:2] < "09" and not delayed:
                # "Spain will not recognise Kosovo": a refusal stated now (12), the act negated
                _state(draft, codebook.recode("refusal", draft.code), "refusal")
                a.notes.append("refusal:stated-negative-intent")
            continue
        if a.negated or a.scheduled or a.modality not in {"intended", "conditional"}:
            continue  # "has no plans to recognise", "was due to visit": the act, intended; no statement
        if draft.code[:2] in CONFLICT_ROOTS:
            if draft.code.startswith("16") and not a.conditions and not _warned(tree, draft.i):
                continue  # "France will withdraw its ambassador": a decision announced, no threat
            # CAMEO: announcing a coercive or violent act is a threat, made now and counted
            _state(draft, codebook.recode("threat", draft.code), "threat")
            a.notes.append("threat:stated-intent-of-conflict")
        elif _claimed_by_another(tree, index, draft):
            # "Somaliland's leader said Ethiopia would recognise it": a third party's claim, not a
            # statement Ethiopia made; the act is only said to be coming
            a.modality = "hypothetical"
            a.notes.append("modality:hypothetical:intent-claimed-by-another")
        else:
            # CAMEO: a stated intention is itself the event (03), made now and counted
            _state(draft, codebook.recode("intent", draft.code), "intent")
            draft.speakers = _speaking_for_others(tree, index, draft)
    for draft in drafts.values():
        frame = draft.pattern.frame
        if frame is None:
            continue
        complement = complement_of(tree, drafts, draft.i)
        if complement is not None and complement.source_note == "source:visiting-guest":
            complement = None  # "asked visiting Chinese Foreign Minister Wang Yi to ...": the guest is here
        if complement is None and frame == "threat":
            # "warned Kyiv that US support would end unless ...": what is threatened is the threat
            warned = [k for c in tree.children(draft.i, "ccomp") for k in tree.subtree(c)]
            inside = [d for d in drafts.values() if d.i in warned]
            for other in inside:
                other.suppressed = True
            complement = min(inside, key=lambda d: depth(tree, d.i), default=None)
        if complement is None:
            own = {a[0].code for a in draft.sources}
            if frame in {"request", "demand"} and not [t for t in draft.targets if t[0].code not in own]:
                # "demanded that the EU reconnect ...": the addressee is the complement's subject
                clauses = tree.children(draft.i, "ccomp", "xcomp", "acl")
                subjects = [s for k in clauses for s in tree.children(k, "nsubj")]
                found = index.resolve(subjects, draft.date[0])
                pronouns = subjects and all(tree.tokens[k].pos == "PRON" for k in subjects)
                if pronouns and {a.code for a, _, _ in found} <= own:
                    # "condemned the Houthi attacks and demanded that they stop": not the demander
                    found = index.earlier_other(subjects[0], own, draft.date[0])
                if not found and tree.tokens[draft.i].dep == "advcl":  # "called X to urge restraint"
                    found = index.resolve(tree.objects(tree.tokens[draft.i].head), draft.date[0])
                draft.targets = [(a, "target:addressee-subject", q) for a, _, q in found]
                own_state = bool(found) and {a.country for a, _, _ in found} <= {
                    a.country for a, _, _ in draft.sources
                }
                if "mustcomp" in draft.pattern.flags and own_state:
                    draft.suppressed = True  # "declared that the Nordic country must apply": its own course
            if "mustcomp" in draft.pattern.flags:
                stated_conditions(tree, text, draft)
            continue
        if frame == "request" and _own_government(draft, complement) and not complement.act_code:
            # "the president instructed her foreign minister to establish relations": an order within
            # one government is its intention, stated now (03), not an appeal to another actor
            draft.suppressed = True
            complement.analysis.intent = True
            complement.analysis.modality = "intended"
            complement.analysis.notes.append(
                "modality:intent:ordered-own-government:" + tree.tokens[draft.i].text
            )
            _state(complement, codebook.recode("intent", complement.code), "intent")
            continue
        act = complement.pattern.cameo
        draft.code = codebook.recode(frame, act)
        if frame in {"refusal", "threat"}:
            # the act refused or threatened keeps its own event, never counted ("refused to
            # recognise": the recognition, negated; "threatened to cut ties": the cut, intended)
            ca = complement.analysis
            if frame == "refusal":
                ca.negated = True
                ca.notes.append("negation:refused:" + tree.tokens[draft.i].text)
            elif ca.modality == "asserted" and not ca.negated:
                ca.modality = "intended"
                ca.notes.append("modality:intended:threatened:" + tree.tokens[draft.i].text)
            if complement.act_code:  # "warned that it would cut ties": one statement, the warning
                complement.code, complement.act_code, complement.statement = complement.act_code, None, None
            told = [t for t in draft.targets if t[1] == "target:addressee-of-tell"]
            if not draft.targets or (frame == "refusal" and complement.targets and told):
                # "decided against recognising Palestine, Peters told the General Assembly": the refusal
                # is of the act's party, not of whom it was told to
                draft.targets = complement.targets
            if frame == "refusal" and complement.pattern.relation == "recognition:recognized":
                draft.relation = "recognition:not_recognized"
        else:
            if complement.act_code:  # "urged both sides to agree to a truce": the truce is asked for
                complement.code, complement.act_code, complement.statement = complement.act_code, None, None
            complement.analysis.modality = "requested"
            if complement.sources and not draft.targets:
                draft.targets = [(a, "target:requested-actor", q) for a, _, q in complement.sources]
            if complement.pattern.pos == "N":
                complement.suppressed = True  # "called for a ceasefire": no one is asked to act
            mutual = "mutual" in complement.pattern.flags and len(complement.sources) > 1
            if not complement.targets and draft.sources and not mutual:
                # "Israel demanded that Hamas release the hostages": done for the one who asks
                complement.targets = [(a, "target:requester", q) for a, _, q in draft.sources]
            elif complement.code.startswith("045"):
                # "Kabul asked Qatar to mediate with Islamabad": between the one who asks and the other
                known = {t[0].code for t in complement.targets}
                complement.targets += [
                    (a, "target:requester", q) for a, _, q in draft.sources if a.code not in known
                ]
        draft.detail = codebook.entry(act).name + " (" + tree.tokens[complement.i].text + ")"
        if "mustcomp" in draft.pattern.flags:
            stated_conditions(tree, text, draft)  # "Peru says Chile must first free the prisoners"


# the note of a threat made by warning that one's own side could act (made, whatever the act's mood)
WARNED_POSSIBLE = "threat:warned-possible-act-of-own-side"
# verbs that make an announced act a warning ("warned it would cut ties")
WARNING_VERBS = {"warn", "threaten", "caution", "vow"}


def _state(draft: Draft, code: str, statement: str) -> None:
    """Make ``draft`` a speech act about its own act: the act's code is kept for the act's event."""
    draft.act_code, draft.code, draft.statement = draft.code, code, statement


def _claimed_by_another(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether the intention is reported by someone of another state than the one said to intend it."""
    reporter = draft.analysis.reporter
    if reporter is None or not draft.sources:
        return False
    if tree.lemma(tree.tokens[draft.i].head) in COMMITTING:
        return False  # "Trump announced that Israel and the UAE agreed to establish ties": agreed, a fact
    speakers = index.resolve(tree.subjects(reporter)[0], draft.date[0])
    countries = {state_of(a) for a, _, _ in draft.sources}
    return bool(speakers) and all(state_of(a) not in countries for a, _, _ in speakers)


def _speaking_for_others(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """ "The kingdom, the UAE, Bahrain and Egypt would restore full relations with Doha, the Saudi foreign
    minister said": the intention of several, stated by one of them, is a statement that one made; the
    sources among them who speak (none when the speaker is not one of them, or speaks alone for all)."""
    reporter = draft.analysis.reporter
    if reporter is None or len(draft.sources) < 2 or draft.reciprocal or not draft.targets:
        return []  # "Egypt and Qatar agreed to restore ties, Cairo said": each states it to the other
    speakers = {state_of(a) for a, _, _ in index.resolve(tree.subjects(reporter)[0], draft.date[0])}
    speaking = [ref for ref in draft.sources if state_of(ref[0]) in speakers]
    return speaking if 0 < len(speaking) < len(draft.sources) else []


def _own_government(draft: Draft, complement: Draft) -> bool:
    """Whether an appeal goes from a government to its own officials: the one asked to act is the
    government that asks ("instructed her foreign minister to ...")."""
    asking = {a.code for a, _, _ in draft.sources}
    asked = {a.code for a, _, _ in complement.sources}
    return bool(asking) and asked == asking and all(code.endswith("GOV") for code in asking)


def _until_a_date(tree: Tree, i: int) -> bool:
    """Whether verb ``i`` (or the verb it is coordinated with) is put off "until" a date, not a condition."""
    verbs = [i, *tree.children(i, "conj")] + ([tree.tokens[i].head] if tree.tokens[i].dep == "conj" else [])
    return any(
        tree.tokens[o].ent_type in {"DATE", "TIME"}
        for v in verbs
        for p in tree.children(v, "prep")
        if tree.lemma(p) in {"until", "till", "before"}
        for o in tree.children(p, "pobj")
    )


def _warned_could(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether ``draft`` is a forceful act its own side says it could do, under a warning verb ("Turkey
    could suspend relations, Erdogan warned"; "warned that Ankara might cut ties")."""
    a = draft.analysis
    could = any(n in {"modality:hypothetical:could", "modality:hypothetical:might"} for n in a.notes)
    if not could or a.negated or draft.pattern.pos != "V" or draft.code[:2] not in CONFLICT_ROOTS:
        return False
    warning = _warning_verb(tree, draft.i)
    if warning is None:
        return False
    found = index.resolve(tree.subjects(warning)[0], draft.date[0])
    warners = {state_of(actor) for actor, _, _ in found}
    return bool(warners) and warners <= {state_of(s[0]) for s in draft.sources}


def _warning_verb(tree: Tree, i: int) -> int | None:
    """The warning verb a few heads above act ``i`` that announces it, if any."""
    node = i
    for _ in range(4):
        head = tree.tokens[node].head
        if head == node:
            return None
        node = head
        if tree.lemma(node) in WARNING_VERBS:
            return node
    return None


def _warned(tree: Tree, i: int) -> bool:
    """Whether the act is what a warning verb above it announces."""
    return _warning_verb(tree, i) is not None


def protested(tree: Tree, drafts: dict[int, Draft]) -> None:
    """Acts naming no target that their object protests or rejects were aimed at it: sanctions and
    cuts (16x) hit the one protesting them ("Moscow dismissed the EU's new sanctions package"), and
    offers, appeals and demands were made to the one rejecting them ("rejected Seoul's offer of talks")."""
    for outer in drafts.values():
        if outer.suppressed:
            continue
        if outer.code.startswith(OPPOSING_ROOTS):
            aimed: tuple[str, ...] = ("16",)
        elif outer.code.startswith("12"):
            aimed = ("16", "02", "03", "10")
        else:
            continue
        below = tree.subtree(outer.i, stop={"relcl", "advcl", "nsubj", "ccomp", "conj"})
        for inner in drafts.values():
            if inner is not outer and inner.code.startswith(aimed) and not inner.targets and inner.i in below:
                inner.targets = [(a, "target:protester", q) for a, _, q in outer.sources]


def threatened(tree: Tree, index: ActorIndex, drafts: dict[int, Draft]) -> None:
    """ "threatened to use force if X and Y violated ...": a threat naming no target threatens those
    whose acts it is conditioned on."""
    for draft in drafts.values():
        if not draft.code.startswith("13") or draft.targets:
            continue
        found = []
        for node in tree.subtree(draft.i, stop={"relcl", "ccomp", "nsubj"}):
            if tree.tokens[node].dep == "advcl" and any(
                tree.lemma(k) in {"if", "unless"} for k in tree.children(node, "mark")
            ):
                found.extend(index.resolve(tree.subjects(node)[0], draft.date[0]))
        source_codes = {s[0].code for s in draft.sources}
        draft.targets = [(a, "target:threatened-party", q) for a, _, q in found if a.code not in source_codes]


# the act a threat names by its code alone ("threatened sanctions", "warned of military action", "would be
# met with all-out war"): CAMEO's threat codes each name the act threatened. A general threat (130, 131),
# an ultimatum (139) or a threat of dissent (133: a strike, a march or a boycott, and often a threat to
# stop another's dissent) does not say which act, and keeps none.
THREATENED_ACTS = {
    "1311": "162", "1312": "163", "1313": "161", "132": "172", "1321": "1721", "1322": "1722",
    "1323": "1723", "1324": "1724", "134": "164", "135": "165", "136": "166", "137": "175",
    "138": "190", "1381": "191", "1382": "192", "1383": "180", "1384": "190", "1385": "204",
}  # fmt: skip


def threatened_acts(tree: Tree, drafts: dict[int, Draft]) -> None:
    """A threat made whose act no clause of its own tells ("NATO threatened air strikes", "warned that
    Seoul would become a sea of fire") is a statement about that act, as "threatened to cut ties" is:
    the threat is counted and the act threatened is an event of its own, intended and never counted.
    Nothing is added when the threat names no one it is made to, nor when the sentence already tells the
    act for the same actors."""
    live = [d for d in drafts.values() if not d.suppressed]
    for draft in live:
        act = THREATENED_ACTS.get(draft.code)
        a = draft.analysis
        if act is None or draft.act_code or draft.statement or a.negated or a.modality != "asserted":
            continue
        if not draft.targets:
            continue  # whom the act would be done to is not known: only the threat is told
        own = {state_of(s[0]) for s in draft.sources}
        if act.startswith("16") and own & {state_of(t[0]) for t in draft.targets}:
            continue  # sanctions or a break threatened against one's own state: a misread threat
        sentence = tree.tokens[draft.i].sentence
        told = any(
            other is not draft
            and tree.tokens[other.i].sentence == sentence
            and other.code[:2] == act[:2]
            and own & {state_of(s[0]) for s in other.sources}
            for other in live
        )
        if not told:
            draft.act_code, draft.statement = act, "threat"
            a.notes.append("threat:act-named-by-its-code")


def stated_conditions(tree: Tree, text: str, draft: Draft) -> None:
    """ "X says Y must first A, B and C": a statement of the conditions Y must meet, listed.

    The demand was made (asserted and counted, as CAMEO codes a demand) and its conditions, one per
    coordinated verb of the obligation, become the event's detail and a ``condition`` for the ledger.
    """
    for clause in tree.children(draft.i, "ccomp"):
        first = [k for k in tree.children(clause, "advmod") if tree.lemma(k) in {"first", "only"}]
        if not first or not any(tree.lemma(k) in {"must", "should"} for k in tree.children(clause, "aux")):
            continue
        skip = {"nsubj", "nsubjpass", "aux", "conj", "cc", "punct", "mark"}
        conditions = []
        for verb in tree.with_conjuncts(clause):
            nodes = [verb]
            for child in tree.children(verb):
                if tree.tokens[child].dep not in skip and child not in first:
                    nodes.extend(tree.subtree(child))
            nodes.sort()
            conditions.append(text[tree.tokens[nodes[0]].start : tree.tokens[nodes[-1]].end])
        draft.relation = "condition:conditional"
        draft.analysis.conditions = conditions
        draft.analysis.notes.append("condition:stated:" + tree.tokens[first[0]].text)
        return


def complement_of(tree: Tree, drafts: dict[int, Draft], governor: int) -> Draft | None:
    """The act a request, demand, refusal or threat is about: the nearest trigger below it."""
    governed = [d for d in drafts.values() if d.analysis.governed_by == governor]
    if governed:
        return min(governed, key=lambda d: abs(d.i - governor))
    below = [
        d
        for d in drafts.values()
        if d.i != governor
        and d.i in tree.subtree(governor, stop={"relcl", "advcl", "nsubj", "ccomp"})
        and not _circumstance(tree, governor, d.i)
    ]
    return min(below, key=lambda d: depth(tree, d.i), default=None)


def _circumstance(tree: Tree, governor: int, i: int) -> bool:
    """Whether ``i`` sits in a time or place phrase of ``governor`` ("asked X for Y during his visit")."""
    while i != governor and tree.tokens[i].head != i:
        if tree.tokens[i].dep == "prep" and tree.lemma(i) in CIRCUMSTANCE_PREPS:
            return True
        if tree.tokens[i].dep == "prep" and (by_medium(tree, i) or on_a_journey(tree, i)):
            # "urged Netanyahu in a phone call to ...", "Rice, on a visit to Nairobi, urged Kibaki to ...":
            # how and where the appeal was made
            return True
        i = tree.tokens[i].head
    return False


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
            branch = noun
            while tree.tokens[branch].head != branch and tree.tokens[tree.tokens[branch].head].pos not in {
                "VERB",
                "AUX",
            }:
                branch = tree.tokens[branch].head
            verb = tree.tokens[branch].head
            if verb == branch:
                continue
            clause = set(tree.subtree(verb)) - set(tree.subtree(branch))
            inner = [
                d
                for d in drafts.values()
                if d.i in clause and d.events and d is not draft and not d.code.startswith(POSITION_ROOTS)
            ]
            return noun, inner
    return None, []


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


def denials(tree: Tree, index: ActorIndex, drafts: dict[int, Draft], deny: Pattern | None) -> list[Draft]:
    """CAMEO's 016: "North Korea denied that it had torpedoed the corvette" denies responsibility for a
    forceful act (counted), besides the act itself (denied, uncounted). Denying reports is not that."""
    if deny is None:
        return []
    found: list[Draft] = []
    for draft in list(drafts.values()):
        verb = draft.analysis.denied_by
        if verb is None or draft.suppressed or tree.lemma(verb) not in DENIAL_VERBS or verb in drafts:
            continue
        if not draft.code.startswith(FORCEFUL_DENIABLE) or any(d.i == verb for d in found):
            continue
        deniers = index.resolve(tree.subjects(verb)[0], draft.date[0])
        doers = {a[0].country for a in draft.sources}
        if not deniers or (doers and not {a.country for a, _, _ in deniers} & doers):
            continue  # "Ethiopia denied that Eritrean troops were fighting": no responsibility of its own
        denial = Draft(verb, deny, Analysis(), deniers, "source:denier", draft.date, code=deny.cameo)
        # the one struck is most often the one who accuses; the one armed or aided is not ("denied that it
        # had given weapons to the FARC": no one named accuses)
        struck = [t for t in draft.targets if t[0].code not in {a.code for a, _, _ in deniers}]
        denial.targets = [] if draft.code.startswith(AIDING) else struck
        found.append(denial)
    return found


def accusers(tree: Tree, index: ActorIndex, drafts: dict[int, Draft], draft: Draft) -> list[ActorRef]:
    """Whom a denial naming no one answers: the one who made the charge before it in the sentence
    ("accusing Tehran of arming the Polisario, a charge Iran denied"), else the one who reported it ("US
    officials said Moscow could be planning an offensive, an accusation the Kremlin denies")."""
    own = {a.code for a, _, _ in draft.sources}
    before = [d for d in drafts.values() if d is not draft and d.i < draft.i]
    found = [(a, "target:accuser", q) for d in before if d.code.startswith("11") for a, _, q in d.sources]
    reported = [d.analysis.reporter for d in before if d.analysis.reporter]
    if not found and reported:
        found = [
            (a, "target:accuser", q)
            for a, _, q in index.resolve(tree.subjects(reported[0])[0], draft.date[0])
        ]
    return [t for t in found if t[0].code not in own]
