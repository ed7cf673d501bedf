"""CAMEO's frames: intents (03), threats (13), and appeals, demands and refusals recoded after their act;
and the denials and accusations told about acts. Positions about another's act are in ``nesting``."""

from __future__ import annotations

from chancery.coding.arguments import ENVOY_NOUNS, MILITARY_NOUNS, ActorIndex, state_of
from chancery.coding.codebook import Codebook
from chancery.coding.conditions import span_text, terms_parties, terms_set
from chancery.coding.drafts import MISSION_NOUNS, ActorRef, Draft, depth
from chancery.coding.modality import DENIAL_VERBS, Analysis, by_medium, on_a_journey
from chancery.coding.patterns import Pattern
from chancery.coding.structure import Tree

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
        if "learned" in draft.pattern.flags:
            continue  # a learned verb's act keeps its mood: the model is not sure enough to coin a statement
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
        if {"subjobject", "mutual"} <= draft.pattern.flags:
            continue  # "ties will not improve until ...": the relations state nothing; the act keeps its mood
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
        if "termscomp" in draft.pattern.flags:
            _terms(tree, index, codebook, drafts, text, draft)
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
                if frame == "request" and not draft.targets and _ordered_own_government(tree, index, draft):
                    # "instructed his foreign minister to declare ...": an order within one government, whose
                    # act is not coded here, is no appeal to anyone
                    draft.suppressed = True
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
            if complement.code.startswith("16") and not complement.analysis.conditions:
                continue  # "instructed his minister to expel the envoys": a decision announced, no 03
            _state(complement, codebook.recode("intent", complement.code), "intent")
            continue
        act = complement.pattern.cameo
        if "learned" not in complement.pattern.flags:
            # a learned verb takes the frame's mood, but is not sure enough to set the statement's code
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
# verbs that tell a statement plainly; a possible forceful act of one's own side said with them is a warning
SAYING_VERBS = {"say", "tell", "state", "declare", "announce"}


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
    if not asking or not asked or not all(code.endswith("GOV") for code in asked):
        return False
    # "she had instructed her foreign minister": the asker may be told as the bare state
    return all(code.endswith("GOV") or len(code) == 3 for code in asking) and {c[:3] for c in asking} == {
        c[:3] for c in asked
    }


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
    # "Erdogan said Turkey could suspend relations with the UAE": said by its own government, of a party
    # named, a possible forceful act is a warning however it is said (not what "diplomats said" it could do)
    warning = _warning_verb(tree, draft.i, WARNING_VERBS | SAYING_VERBS)
    if warning is None:
        return False
    found = index.resolve(tree.subjects(warning)[0], draft.date[0])
    warners = {state_of(actor) for actor, _, _ in found}
    if tree.lemma(warning) in SAYING_VERBS and (
        not draft.targets or not all(actor.code.endswith("GOV") for actor, _, _ in found)
    ):
        return False
    return bool(warners) and warners <= {state_of(s[0]) for s in draft.sources}


def _warning_verb(tree: Tree, i: int, verbs: set[str] = WARNING_VERBS) -> int | None:
    """The warning verb (one of ``verbs``) a few heads above act ``i`` that announces it, if any."""
    node = i
    for _ in range(4):
        head = tree.tokens[node].head
        if head == node:
            return None
        node = head
        if tree.lemma(node) in verbs:
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


def _terms(
    tree: Tree, index: ActorIndex, codebook: Codebook, drafts: dict[int, Draft], text: str, draft: Draft
) -> None:
    """ "Algiers said relations could not return to normal until Madrid went back to its neutrality": terms
    set on another party, which CAMEO codes as a demand made on it (counted), with what it must do
    (requested); terms on the teller's own course are its intention, or its refusal. Only when what is
    said is no act of its own: that act's statement carries its terms."""
    clauses = terms_set(tree, draft.i)
    inside = {k for c in clauses for k in tree.subtree(c)}
    content = {k for c in tree.children(draft.i, "ccomp") for k in tree.subtree(c)} - inside
    if any(d.i in content and d.sources and not d.suppressed for d in drafts.values() if d is not draft):
        # "said it would restore ties only once Rwandan forces left": the statement of that act, which
        # carries its terms itself
        draft.suppressed = True
        return
    own = {a.country for a, _, _ in draft.sources}
    parties = terms_parties(tree, clauses)
    found = index.resolve(parties, draft.date[0])
    if not found and parties and tree.tokens[parties[0]].pos == "PRON":  # "until he takes back his words"
        found = index.earlier_other(parties[0], {a.code for a, _, _ in draft.sources}, draft.date[0])
    others = [t for t in found if t[0].country not in own]
    if not others:
        draft.suppressed = True  # "until the elections are held", or terms on the speaker's own side
        return
    draft.targets = [
        (a, "target:party-of-terms", q) for a, _, q in others if a.country == others[0][0].country
    ]
    draft.analysis.conditions = [span_text(tree, c, text) for c in clauses]
    draft.analysis.notes.append("condition:terms:" + tree.tokens[clauses[0]].text)
    draft.relation = "condition:conditional"
    if _own_course(tree, index, draft):
        # "Sofia would drop its objection only once Skopje ...": a course of its own, stated under terms (an
        # intention, 03), or refused until they are met ("will not let the ambassador return until ...", 12)
        refused = _negative_content(tree, draft.i)
        draft.code, draft.statement = ("120", "refusal") if refused else ("030", "intent")
        draft.analysis.notes.append(f"statement:{draft.statement}:own-course-on-terms")
        return
    asked = [d for d in drafts.values() if d.i in inside and d is not draft]
    complement = min(asked, key=lambda d: depth(tree, d.i), default=None)
    if complement is None or "learned" in complement.pattern.flags:
        return
    draft.code = codebook.recode("demand", complement.pattern.cameo)
    draft.detail = codebook.entry(complement.pattern.cameo).name + " (" + tree.tokens[complement.i].text + ")"
    ca = complement.analysis
    if ca.modality in {"asserted", "conditional", "hypothetical"} and not ca.negated:
        ca.modality = "requested"
        ca.notes.append("modality:requested:terms-set:" + tree.tokens[draft.i].text)


def _ordered_own_government(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether those asked are all of the asker's own government ("instructed his foreign minister")."""
    addressed = index.resolve(tree.objects(draft.i), draft.date[0])
    return bool(addressed) and {a.code for a, _, _ in addressed} <= {a.code for a, _, _ in draft.sources}


def _own_course(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether what a teller puts on terms is its own side's course: the content's subject is the teller's
    state, its people or things ("its troops would remain"), or "it" / "we" standing for the teller."""
    own = {a.country for a, _, _ in draft.sources}
    for content in tree.children(draft.i, "ccomp"):
        for subject in tree.children(content, "nsubj", "nsubjpass"):
            named = [subject, *tree.children(subject, "poss", "amod", "compound")]
            found = index.resolve(named, draft.date[0])
            if found:
                return {a.country for a, _, _ in found} <= own
            if tree.lemma(subject) in {"it", "we", "i"} or tree.lemma(subject) in OWN_SIDE_NOUNS:
                return True  # "it would resume its efforts", "the envoy would go back": the teller's own
    return False


# the teller's own people and things when no other owner is named ("the envoy would go back only once ...")
OWN_SIDE_NOUNS = ENVOY_NOUNS | MISSION_NOUNS | MILITARY_NOUNS | {"diplomat", "diplomats", "embassy"}


def _negative_content(tree: Tree, verb: int) -> bool:
    """Whether what telling verb ``verb`` reports is negative: "will not let ...", "there could be no ..."."""
    for content in tree.children(verb, "ccomp"):
        if tree.children(content, "neg") or any(
            tree.lemma(k) == "never" for k in tree.children(content, "advmod")
        ):
            return True
        nouns = tree.children(content, "nsubj", "nsubjpass", "attr", "dobj")
        if any(tree.lemma(d) in {"no", "neither"} for k in nouns for d in tree.children(k, "det")):
            return True
    return False


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
