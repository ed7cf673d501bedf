"""Negation and modality of an event clause: what governs it, who denies it, and what the conditions it is
stated under (``conditions``) do to its mood."""

from __future__ import annotations

from dataclasses import dataclass, field

from chancery.coding.conditions import (
    CONDITION_MARKS,
    conditioned_on,
    conditioning_clause,
    conditions_of,
    made_conditional,
    predicate_conditions,
    span_text_of,
    told_as_past,
)
from chancery.coding.patterns import Governor
from chancery.coding.repairs import CONDITION_NOUNS
from chancery.coding.structure import CHARGING_VERBS, JOURNEY_NOUNS, Tree

# notes of a modal on the act itself ("could be restored", "would resume"): under a condition, conditional
MODAL_NOTES = {f"modality:hypothetical:{w}" for w in ("could", "would", "might", "may")}
# nouns that carry a reported proposition ("reports that X recognised ...")
CONTENT_NOUNS = {
    "report", "claim", "rumour", "rumor", "speculation", "suggestion", "allegation", "news", "idea",
    "notion", "story", "assertion", "possibility", "prospect", "accusation", "charge",
}  # fmt: skip
# nouns whose content is a charge, never an act to code (convention: accusations are not facts)
ACCUSATION_NOUNS = {"accusation", "allegation"}
# light verbs that do what their object names ("undertook a mediation mission"), even when they
# state an intention with an infinitive ("undertook to mediate")
DOING_VERBS = {"undertake", "launch", "begin", "start", "conduct", "carry", "mount", "complete"}
# words whose "of"/"from" complement is an act not done ("stopped short of", "refrained from")
ABSTAINING = {"short", "refrain", "abstain", "desist"}
# verbs that with "back", "down" or "away" give up an act before it is done ("stepped back from expelling")
BACKING_OFF = {"step", "back", "pull", "draw", "climb", "shy"}
# verbs that make an act happen or take effect: the act named as their subject has their factuality
REALISING_VERBS = {
    "formalise", "formalize", "finalise", "finalize", "complete", "implement", "proceed", "enter", "effect",
    "materialise", "materialize", "happen", "occur",
}  # fmt: skip
UNDOING_VERBS = {"cancel", "postpone", "scrap", "call", "shelve", "abandon", "delay"}
HAPPENING_VERBS = {"materialise", "materialize", "happen", "occur", "proceed", "take", "go", "come"}
AGREEMENT_NOUNS = {"agreement", "deal", "accord", "treaty", "pact", "plan", "memorandum", "declaration"}
DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "rebut", "dispute", "debunk"}
HEDGES = {"reportedly", "allegedly", "possibly", "perhaps", "maybe", "probably", "apparently"}
CLIMB_DEPS = {"xcomp", "ccomp", "acl", "acomp", "pcomp", "conj", "csubj", "oprd"}
# adjectives that make an act noun a plan ("his planned trip") or an open possibility ("a possible visit")
PLANNED_ADJECTIVES = {
    "planned",
    "scheduled",
    "upcoming",
    "proposed",
    "forthcoming",
    "intended",
    "prospective",
    "future",
}
POSSIBLE_ADJECTIVES = {
    "possible",
    "potential",
    "rumoured",
    "rumored",
    "mooted",
    "hypothetical",
    "eventual",
    "expected",
    "imminent",
    "impending",
    "likely",
    "anticipated",
    "looming",
    "probable",
}
# documents whose content is an act: "a decree recognising X" has the mood of its signing or sending
DOCUMENTS = {
    "decree", "resolution", "bill", "law", "motion", "statement", "declaration", "letter", "document",
    "agreement", "treaty", "order", "text", "proposal", "draft", "communique", "communiqué", "accord",
    "memorandum",
}  # fmt: skip
# intentions that are a schedule rather than a statement of intent ("was due to travel")
SCHEDULING = {"due", "set", "schedule", "slate", "slated", "expect", "move"}
# verbs that undo a decision or an instrument, and the nouns they undo: the act the decision or the instrument
# made ends with it ("rescinded its decision to recognise Kosovo", "annulled the communique under which it
# recognised Taiwan")
UNDOING_DECISION_VERBS = {
    "rescind", "revoke", "reverse", "annul", "overturn", "cancel", "retract", "repeal", "nullify", "void",
    "invalidate", "abrogate", "withdraw", "renounce", "undo", "quash", "scrap", "repudiate",
}  # fmt: skip
UNDONE_NOUNS = DOCUMENTS | {"decision", "move", "step", "recognition", "pact", "deal", "protocol", "ruling"}
# predicates that say what an act would mean or count as without asserting it: negated, they deny it
# ("the visit does not mean that Oslo recognises the junta", "did not amount to recognition")
IMPLICATION_VERBS = {
    "mean", "amount", "imply", "constitute", "equal", "represent", "entail", "signify", "indicate",
    "signal", "herald", "count", "qualify", "see", "view", "regard", "interpret", "construe", "translate",
    "reflect",
}  # fmt: skip
# predicates that presuppose their complement: negating them leaves it true ("did not regret recognising")
FACTIVE_VERBS = {
    "regret", "welcome", "know", "acknowledge", "realise", "realize", "forget", "deplore", "condemn",
    "praise", "hail", "applaud", "criticise", "criticize", "resent", "celebrate", "mourn", "recall",
}  # fmt: skip
# prepositions whose gerund or noun did not happen ("without recognising", "instead of recognising")
NEGATING_PREPS = {"without", "instead", "rather", "against"}
# prepositions of circumstance: the act under them stands on its own ("after recognising X, ...")
ADJUNCT_PREPS = {
    "after", "since", "following", "despite", "upon", "during", "amid", "amidst", "through", "via",
    "before", "as", "besides", "beside", "alongside", "like", "unlike", "over", "at", "with", "by",
    "because", "due", "ahead",
}  # fmt: skip
# nouns that make a phrase negative when owned by "no": "in no way", "by no means", "under no circumstances"
NO_WAY_NOUNS = {"way", "means", "circumstance", "sense"}


@dataclass
class Analysis:
    """What governs one event clause: negation, modality, the frame it sits in and the cues seen."""

    negated: bool = False
    modality: str = "asserted"
    intent: bool = False
    intent_by_governor: bool = False  # "has no plans to": the intention, not the act, is negated
    scheduled: bool = False  # "is due to visit", "is set to sign": a schedule, not anyone's statement
    ceased: bool = False  # "no longer recognises", "stopped recognising": the state ends now
    undone_by: int | None = None  # the verb undoing the decision or instrument that made it ("rescinded")
    before_undoing: Analysis | None = None  # the act's own reading, as though nothing undid it
    reporter: int | None = None  # the speech verb the act is reported under ("X said Y would ...")
    governed_by: int | None = None  # token of a request/demand/refusal/threat pattern governing the act
    denied_by: int | None = None  # the denying verb above the act ("denied that it had attacked")
    conditions: list[str] = field(default_factory=list)
    background: bool = False  # a purpose ("to support X") or a charge ("accused X of V-ing"): no event
    characterised: bool = False  # what another act is said to amount to ("amounted to recognition")
    notes: list[str] = field(default_factory=list)


def analyse(
    tree: Tree,
    i: int,
    governors: dict[tuple[str, str], Governor],
    frame_triggers: dict[int, str],
    text: str,
    question: bool,
    undo: bool = True,
) -> Analysis:
    """Negation, modality and governing frame of the event triggered by token ``i``; with ``undo``, an act
    whose decision or instrument is undone ("rescinded its decision to recognise") takes the undoing's mood
    and ``undone_by``, else it is read as though nothing undid it."""
    result = Analysis()
    conditioned = False
    reacted = False
    would = False
    reported = False
    node = i
    if tree.tokens[i].pos in {"NOUN", "PROPN"}:
        if any(tree.lemma(k) == "no" for k in tree.children(i, "det")):
            result.negated = True
            result.notes.append("negation:no")
        for k in tree.children(i, "amod"):
            if tree.words[k] in PLANNED_ADJECTIVES:  # "his planned trip", "the upcoming visit"
                result.intent = result.scheduled = True
                result.notes.append("modality:intent:" + tree.tokens[k].text)
            elif tree.words[k] in POSSIBLE_ADJECTIVES and result.modality == "asserted":  # "a possible visit"
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:" + tree.tokens[k].text)
        head = tree.tokens[i].head
        if _read_as(tree, i):
            # "commentators read the handshake as Ankara's belated recognition of Sisi": what the act
            # is taken for is the reader's view, not a fact the text tells
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:read-as:" + tree.tokens[tree.tokens[head].head].text)
        owned = any(tree.tokens[k].tag != "PRP$" for k in tree.children(i, "poss"))
        # "China did not condemn Russia's attack on Ukraine": another's act one does not react to is
        # done all the same (though "would welcome Riyadh's recognition" supposes it, as the verb's mood)
        reacted = owned and tree.tokens[i].dep in {"dobj", "obj"} and tree.lemma(head) in REACTION_VERBS
        if tree.tokens[i].dep in {"dobj", "obj"} and head != i:
            node = head  # a nominalisation takes the tense and negation of its light verb
            carrier = _governor(tree, head, i, governors)  # "is weighing the reopening of ..."
            made = made_conditional(tree, head, i)
            if made:
                # "Ottawa made the reopening of the embassies conditional on Iran's conduct": the act
                # is stated under that condition, not done
                result.conditions.append(span_text_of(tree, made, text))
                result.notes.append("modality:conditional:made-conditional:" + tree.tokens[head].text)
                conditioned = True
            elif carrier is not None and carrier.frame == "hypothetical":
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:" + tree.tokens[head].text)
            elif carrier is not None and carrier.frame == "intent" and tree.lemma(head) not in DOING_VERBS:
                result.intent = True
                result.notes.append("modality:intent:" + tree.tokens[head].text)
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and (waiting := _waiting(tree, head)) is not None:
            # "recognition by Rome will have to wait until the hostages are released": not done; done
            # only once what it waits for is
            if waiting != head:
                result.conditions.append(span_text_of(tree, [waiting], text))
                result.notes.append("modality:conditional:waits-until")
                conditioned = True
            else:
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:waits")
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and conditioning_clause(tree, head):
            # "any improvement would depend on Iran ending its support", "normalisation would require
            # Ankara to end its interference": the act is stated under that condition
            clause = conditioning_clause(tree, head)
            result.conditions.append(span_text_of(tree, clause, text))
            result.notes.append("modality:conditional:subject-of:" + tree.tokens[head].text)
            conditioned = True
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and (
            found := predicate_conditions(tree, head, text)
        ):
            # "normal relations with Kigali would be possible only once Rwandan troops leave": the
            # conditions of the predicate the act is the subject of
            _add_conditions(result, found)
            result.notes.append("modality:conditional:subject-of:" + tree.tokens[head].text)
            conditioned = True
        elif (
            tree.tokens[i].dep in {"nsubj", "nsubjpass"}
            and _frame_of(tree, head, i, governors) == "hypothetical"
        ):
            # "Chinese recognition would depend on ...", "a visit is unlikely": the predicate's doubt
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:subject-of:" + tree.tokens[head].text)
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and _conditional_mood(tree, head):
            # "Recognition of Kosovo by Israel would change things": the act is supposed, not told
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:subject-of-would:" + tree.tokens[head].text)
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and _in_condition(tree, head):
            # "unless ... Israel's aggression on Gaza stops": the act is part of a condition stated
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:subject-of-condition")
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and tree.lemma(head) in REALISING_VERBS:
            node = (
                head  # "Belgium's recognition will not be formalised until ...": the verb's mood is the act's
            )
            result.notes.append("factuality:of-realising-verb:" + tree.tokens[head].text)
        elif tree.tokens[i].dep == "nsubjpass" and _undoes(tree, head) and not _negated(tree, head) and undo:
            # "Ghana's recognition of Kosovo has been revoked": the act ends, in the mood of its undoing
            result.undone_by = node = head
            result.notes.append("undone:" + tree.tokens[head].text)
        elif tree.tokens[i].dep in {"nsubj", "nsubjpass"} and tree.lemma(head) in UNDOING_VERBS:
            result.negated = True  # "the trip was called off", "the summit never materialised"
            result.notes.append("negation:undone:" + tree.tokens[head].text)
        elif (
            tree.tokens[i].dep in {"nsubj", "nsubjpass"}
            and tree.lemma(head) in HAPPENING_VERBS
            and _negated(tree, head)
        ):
            result.negated = True
            result.notes.append("negation:" + _negation_cue(tree, head) + " " + tree.tokens[head].text)
    plan = planned_by(tree, i)
    if plan is not None:
        # "her campaign pledge to switch recognition", the infinitive hung by the parser on the main
        # verb: what the pledge promises, not what was done
        result.intent = True
        result.notes.append("modality:intent:" + tree.tokens[plan].text + "-to")
    light = node  # the event's own clause: the trigger, or the light verb of a nominalisation
    cue = _coordinated_negation(tree, light)
    if cue and not result.negated:
        # "had not broken off relations with Taipei nor recognised Beijing", "has neither ... nor
        # recognised", "did not break with Taipei or recognise Beijing": the negation covers the conjunct
        result.negated = True
        result.notes.append("negation:" + cue)
    holder = conditioned_on(tree, i)
    if holder is not None:
        # "made the envoy's return conditional on Israel halting its offensive", "would depend on the new
        # authorities forming an inclusive government": the condition's content, not a fact
        result.modality = "hypothetical"
        result.notes.append("modality:inside-condition:" + tree.tokens[holder].text + "-on")
    others_subject = False  # whether a clause on the way up has a named subject of its own
    visited = set()
    while node not in visited:
        visited.add(node)
        would |= _own_markers(tree, node, result, first=node in {i, light})
        others_subject |= any(tree.tokens[k].pos != "PRON" for k in tree.children(node, "nsubj"))
        _add_conditions(result, conditions_of(tree, node, text))
        token = tree.tokens[node]
        head = token.head
        if head == node:
            break
        if any(tree.lemma(k) == "whether" for k in tree.children(node, "mark")):
            # "it remains unclear whether Iran will allow ...", and a "whether" the parser joins as a
            # conjunct ("would not be drawn on when, or whether, Ouagadougou would establish ties")
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:whether")
            break
        if (
            token.dep == "acl"
            and tree.lemma(head) in CONDITION_NOUNS
            and any(tree.lemma(k) == "that" for k in tree.children(node, "mark"))
        ):
            # "on condition that it respects the borders": the condition's content, not a fact
            result.modality = "hypothetical"
            result.notes.append("modality:inside-condition:" + tree.tokens[head].text)
            break
        if token.dep == "advcl":
            marks = {tree.lemma(k) for k in tree.children(node, "mark")}
            if _inverted_condition(tree, node):
                marks.add("if")  # "Were Washington to lift the sanctions, ..."
            if "as" in marks and tree.lemma(head) == "long":
                marks.add("as long as")  # "as long as Belarus does not supply ...": a condition
            # the parser hangs "when" as the clause's adverb, not its mark ("when Serbia recognises it")
            whens = {"when" for k in tree.children(node, "advmod") if tree.lemma(k) == "when"}
            if _awaited(tree, node, head, marks | whens):
                marks.add("if")  # "will recognise Israel as soon as Israel recognises Palestine"
            if {"so", "that"} <= marks or {"lest"} & marks:
                # "asked for her return so that she can face trial": the purpose, not a fact
                result.modality = "hypothetical"
                result.notes.append("modality:purpose:so-that")
                break
            if marks & CONDITION_MARKS:
                result.modality = "hypothetical"
                result.notes.append("modality:inside-condition:" + "/".join(sorted(marks & CONDITION_MARKS)))
            elif marks & {"after", "when"} and _only(tree, node) and not told_as_past(tree, head):
                # "would establish ties only after Indonesia had done so": a condition, not a fact
                result.modality = "hypothetical"
                result.notes.append(
                    "modality:inside-condition:only-" + "/".join(sorted(marks & {"after", "when"}))
                )
            if "for" in marks and _infinitive(tree, node) and result.modality == "asserted":
                # "appealed for the United Nations to recognise their government": what a "for ... to"
                # clause tells is wished or made possible, never done; asked for when its governor asks
                if frame_triggers.get(head) in {"request", "demand"}:
                    result.governed_by = head
                    result.modality = "requested"
                    result.notes.append(f"governed:{frame_triggers[head]}:{tree.tokens[head].text}")
                else:
                    result.modality = "hypothetical"
                    result.notes.append("modality:hypothetical:for-to")
            if marks:
                break
            ruling = _governor(tree, head, node, governors)
            # an order's adverbial is no misparsed complement ("had ordered troops to fire, blaming X")
            governed = head in frame_triggers or (ruling is not None and ruling.frame != "command")
            ranks = tree.children(head, "attr") + [  # "were among the first governments to recognise it"
                o
                for p in tree.children(head, "prep")
                if tree.lemma(p) == "among"
                for o in tree.children(p, "pobj")
            ]
            if _infinitive(tree, node) and any(tree.ranked(k) for k in ranks):
                # "became the first country in Africa to open an embassy": the ranked noun's
                # complement, hung on the copula; it has the copula's mood
                node = _through_predicate_noun(tree, head, result)
                continue
            if not governed and _infinitive(tree, node) and noun_of_infinitive(tree, node) is not None:
                break  # "recalled them over the three governments' decisions to cut ties": the decision's act
            if not governed and _infinitive(tree, node):
                result.background = True  # "lifted sanctions to support the recovery": a purpose
                result.notes.append("background:purpose")
                break
            controller = tree.tokens[head].head
            if (
                not governed
                and token.tag == "VBG"
                and _infinitive(tree, head)
                and not tree.objects(controller)
            ):
                # "agreed to establish relations, upgrading their offices to embassies": the participle
                # tells how the infinitive's act is done, in its mood (not when another is to do the act:
                # "urged the generals to free her, ending a two-day visit" tells the visit done)
                node = head
                continue
            if not governed:
                break
            # else a complement the parser hung as an adverbial ("offered on Monday to mediate")
            # a bare infinitive misparsed as an adverbial clause ("offered on Monday to mediate")
        carrier = token.dep in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}
        if carrier and token.lemma.lower() in ACCUSATION_NOUNS and node != i:
            result.background = True  # "denied Washington's accusation that it had supplied ...": the charge
            result.notes.append("background:content-of-accusation")
            break
        # "said on Monday, dismissing reports that ...": the parser may hang the participle as the noun's
        # compound
        hung = [k for k in tree.children(node, "compound") if tree.tokens[k].tag == "VBG"]
        hung = [k for k in hung if tree.lemma(k) in DENIAL_VERBS]
        if (carrier or hung) and token.lemma.lower() in CONTENT_NOUNS:
            verb = head
            while tree.tokens[verb].pos == "ADP" and tree.tokens[verb].head != verb:
                verb = tree.tokens[verb].head  # "dismissed as baseless reports that ..."
            if hung:
                verb = hung[0]
            if tree.lemma(verb) in DENIAL_VERBS:
                result.modality = "denied"
                result.denied_by = verb
                result.notes.append(f"modality:denial:{tree.tokens[verb].text} {token.text}")
                break
            if token.lemma.lower() in {"rumour", "rumor", "speculation", "possibility", "prospect"}:
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:" + token.text)
                break
            node = head
            continue
        if (
            token.dep == "acl"
            and _infinitive(tree, node)
            and tree.tokens[head].pos == "NOUN"
            and tree.lemma(head) not in DONE_ACT_NOUNS
            and not tree.ranked(head)
            and result.modality == "asserted"
            and not result.intent
        ):
            # "her campaign to switch recognition", "a plan to reopen the embassy": a noun's infinitive
            # names what is planned, promised or possible, not what was done
            if tree.lemma(head) in PLAN_NOUNS:
                result.intent = True
                result.notes.append("modality:intent:" + tree.tokens[head].text + "-to")
            else:
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:" + tree.tokens[head].text + "-to")
        if (
            token.dep == "acl"
            and _infinitive(tree, node)
            and tree.lemma(head) in DONE_ACT_NOUNS
            and result.modality == "asserted"
            and not result.intent
        ):
            # "an imminent decision by N'Djamena to recognise Beijing", "the planned move to reopen the
            # embassy": a decision still to come is no act done
            said = {tree.words[k] for k in tree.children(head, "amod")}
            if said & PLANNED_ADJECTIVES:
                result.intent = True
                result.notes.append("modality:intent:" + tree.tokens[head].text + "-to")
            elif said & POSSIBLE_ADJECTIVES:
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:" + tree.tokens[head].text + "-to")
        gerund = token.dep in {"dobj", "pobj"} and token.tag == "VBG"  # "ruled out recognising"
        undoing = _undoing(tree, node) if undo and node in {i, light} else None
        if undoing is not None:
            if _negated(tree, undoing):
                break  # "would not revoke the agreement he signed": the act stands
            result.undone_by = undoing
            result.notes.append("undone:" + tree.tokens[undoing].text)
            node = undoing  # the undoing's own mood rules from here ("is expected to rescind ...")
            continue
        document = tree.tokens[head]
        if token.dep == "acl" and tree.lemma(head) in DOCUMENTS and document.dep in {"dobj", "obj"}:
            # "would send a decree recognising Palestine": the decree's act has the mood of its sending
            head = document.head
            result.notes.append("factuality:through-document:" + document.text)
        # the act as a preposition's object ("did not amount to recognition", "follow X in recognising")
        argument = token.dep in {"pobj", "pcomp"} and tree.tokens[head].pos == "ADP"
        argument = argument and (node in {i, light} or token.tag == "VBG" or token.dep == "pcomp")
        if token.dep == "relcl" and tree.lemma(_noun_above(tree, head)) in AGREEMENT_NOUNS:
            reported = True  # "an agreement under which they would establish relations": its terms
        if any(
            tree.lemma(w) == "which" for p in tree.children(node, "prep") for w in tree.children(p, "pobj")
        ):
            reported = True  # the same clause when the parser hangs it off the verb ("under which ...")
        if (
            token.dep in {"relcl", "acl", "ccomp"}  # an adverbial "for ... to" is read with its marks above
            and _infinitive(tree, node)
            and any(tree.lemma(k) == "for" for k in tree.children(node, "mark"))
            and result.modality == "asserted"
        ):
            # "paved the way for Assad to attend", "called for Israel to withdraw": an act made
            # possible or wished, not one done
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:for-to")
            break
        if token.dep == "relcl" and _infinitive(tree, node) and tree.tokens[head].dep == "attr":
            node = head  # "the first country to recognise": the parser's relative infinitive
            continue
        if token.dep == "attr" and tree.tokens[node].pos in {"NOUN", "PROPN", "ADJ"}:
            # "could become the first country to grant recognition": the noun's infinitive has the
            # mood of the copula that predicates it
            node = _through_predicate_noun(tree, head, result)
            continue
        if (
            token.dep == "relcl"
            and tree.lemma(head) in CONTENT_NOUNS
            and any(tree.tokens[k].dep == "mark" and tree.lemma(k) == "that" for k in tree.children(node))
        ):
            node = (
                head  # "denied a newspaper report that envoys had met": the parser's relative is the content
            )
            continue
        if token.dep not in CLIMB_DEPS and token.dep != "advcl" and not gerund and not argument:
            judged = token.dep in {"nsubj", "nsubjpass"} and _frame_of(tree, head, node, governors)
            if judged == "hypothetical" and result.modality == "asserted":
                # "a full restoration of ties remains unlikely": what the predicate judges is not told done
                # (as the trigger's own subject-of rule above, for a noun the act hangs in)
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:judged:" + tree.tokens[head].text)
            expected = token.dep == "dobj" and tree.lemma(head) in EXPECTING and tree.children(head, "xcomp")
            raised = tree.tokens[head]  # "expect talks to open": the parser's subject of the infinitive
            expected = expected or (
                token.dep == "nsubj"
                and raised.dep in {"ccomp", "xcomp"}
                and tree.lemma(raised.head) in EXPECTING
                and _infinitive(tree, head)
            )
            if expected and result.modality == "asserted" and not result.negated:
                # "officials expect talks to open next week": an act still to come
                result.modality = "hypothetical"
                result.notes.append("modality:hypothetical:expected:" + tree.tokens[head].text)
            break
        if token.dep == "conj":
            if token.tag == "VB" and not tree.children(node, "aux", "nsubj", "nsubjpass"):  # a bare verb
                headline = tree.tokens[head].head == head or _headline_relative(tree, head)
                if "to" in tree.aux_words(head) and headline:
                    # "Dominican Republic to drop Taiwan and establish ties with Beijing": the headline's plan
                    result.intent = result.scheduled = True
                    result.notes.append("modality:intent:headline-infinitive")
                infinitives = [
                    k for k in tree.children(head, "xcomp") if "to" in tree.aux_words(k) and k < node
                ]
                if tree.tokens[head].tag != "VB" and infinitives:
                    # "set to drop Taiwan, establish ties with Beijing": a bare verb hung on "set" is the
                    # infinitive's conjunct, planned with it
                    node = infinitives[-1]
                    continue
            node = head
            continue
        if token.dep == "pcomp" and tree.lemma(tree.tokens[head].head) in CHARGING_VERBS:
            result.background = True  # "accusing Doha of supporting terrorism": the charge, not an act
            result.notes.append("background:charge")
            break
        if token.dep == "pcomp" and tree.lemma(head) in {"of", "from"}:
            holder = tree.tokens[head].head  # "stopped short of recognising", "refrained from visiting"
            backing_off = tree.lemma(holder) in BACKING_OFF and any(
                tree.words[k] in {"back", "down", "away"} for k in tree.children(holder, "prt", "advmod")
            )  # "stepped back from expelling the envoys", "backed away from recognising"
            if (tree.lemma(holder) in ABSTAINING or backing_off) and not _negated(tree, holder):
                result.negated = True
                result.notes.append("negation:abstained:" + tree.tokens[holder].text)
                break
        if argument:
            holder = _prep_holder(tree, head, result)
            if holder is None:
                break
            head = holder
        if head != light and _negated(tree, head) and head not in frame_triggers:
            stop = _negated_above(tree, head, governors, node, result)
            if stop:
                break
        participle = token.dep == "advcl" and token.tag in {"VBG", "VBN"} and not tree.children(node, "mark")
        aside = participle and (node < head or tree.words[min(tree.subtree(node)) - 1] == ",")
        if head in frame_triggers and aside:
            break  # "Wrapping up a visit to China, Bachelet urged Beijing to ...": a circumstance, done
        if head in frame_triggers:
            result.governed_by = head
            result.notes.append(f"governed:{frame_triggers[head]}:{tree.tokens[head].text}")
            if frame_triggers[head] in {"request", "demand"}:
                result.modality = "requested"
            break
        governor = _governor(tree, head, node, governors)
        if governor is not None and participle and node < head:
            break  # "Meeting in Santa Marta, Santos and Chavez agreed to restore ties": the meeting was held
        if governor is not None:
            frame = governor.frame
            if governor.frame_other and (_has_own_controller(tree, head, node) or tree.is_passive(head)):
                frame = governor.frame_other
            if frame == "intent" and others_subject:
                frame = "hypothetical"  # "China wanted to see Kabul build": a wish about others
            cue = f"{frame}:{tree.tokens[head].text}"
            if frame == "intent":
                result.intent = True
                result.intent_by_governor = True
                result.scheduled |= tree.lemma(head) in SCHEDULING
                result.notes.append("modality:" + cue)
                # "denied that Belgrade had any intention of sending troops": "any" intention is one denied
                anyone = tree.tokens[head].pos == "NOUN" and "any" in {
                    tree.lemma(k) for k in tree.children(head, "det")
                }
                if _negated(tree, head) or anyone:
                    result.negated = True
                    result.notes.append("negation:governor:" + tree.tokens[head].text)
            elif frame == "hypothetical":
                result.modality = "hypothetical"
                result.notes.append("modality:" + cue)
                break
            elif frame == "command":
                if result.modality == "asserted" and not result.intent and token.dep in {"xcomp", "ccomp"}:
                    # "ordered the Taliban to shut their embassy": what was ordered is not done yet (a frame
                    # above still rules: "denied that he had ordered troops to open fire")
                    result.modality = "requested"
                    result.notes.append("modality:" + cue)
            elif frame == "denial":
                result.modality = "denied"
                result.denied_by = head
                result.notes.append("modality:" + cue)
                break
            elif frame == "failure":
                result.negated = True
                result.notes.append("negation:" + cue)
            elif frame == "decision" and _negated(tree, head):
                result.negated = True
                result.notes.append("negation:governor:" + tree.tokens[head].text)
            elif frame == "pending" and awaited(tree, head):
                result.negated = True  # "has yet to recognise"
                result.notes.append("negation:yet-to")
            elif frame == "pending" and _negated(tree, head):
                result.negated = True  # "Russia was not to blame"
                result.notes.append("negation:governor:" + tree.tokens[head].text)
            elif (
                frame == "pending"
                and tree.lemma(head) == "be"
                and _infinitive(tree, node)
                and not tree.children(head, "attr", "acomp")  # "was one of three countries to recognise"
            ):
                result.intent = result.scheduled = True  # "Israel was to recognise Kosovo": planned
                result.notes.append("modality:intent:be-to")
            elif frame == "report":
                reported = True
                if result.reporter is None:
                    result.reporter = head
                if _disputed(tree, head) and result.modality == "asserted":
                    # "Dacic said Ghana had revoked its recognition of Kosovo, but Pristina dismissed the
                    # claim": a report its own sentence disputes tells no fact
                    result.modality = "hypothetical"
                    result.notes.append("modality:hypothetical:disputed-report")
                    break
                if _retracted(tree, head) and result.modality == "asserted":
                    # "a since-deleted post on the president's account announced that Nairobi was
                    # rescinding its recognition": a report taken back tells no fact
                    result.modality = "hypothetical"
                    result.notes.append("modality:hypothetical:retracted-report")
                    break
            elif frame == "cessation" and not _negated(tree, head):
                result.ceased = True  # "stopped recognising Taiwan": recognition ends
                result.notes.append("cessation:" + tree.tokens[head].text)
        node = head
    if would and result.modality == "asserted":
        if reported:
            result.intent = True
            result.notes.append("modality:intent:would-in-reported-speech")
        else:
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:would")
    if question and result.modality == "asserted":
        result.modality = "hypothetical"
        result.notes.append("modality:hypothetical:question")
    if result.characterised and reported and result.modality == "asserted" and not result.negated:
        # "state media said the move amounted to de facto recognition": someone's reading of another
        # act (where the story itself says so, "a step that amounts to collective recognition", it stands)
        result.modality = "hypothetical"
        result.notes.append("modality:hypothetical:characterised")
    # "relations could be restored only if Tehran stopped ...": a modal of the act itself, put under a
    # stated condition, states that condition (not a prediction by someone else: "is expected to")
    modal = any(n.lower() in MODAL_NOTES for n in result.notes)
    if result.conditions and (result.modality == "asserted" or (result.modality == "hypothetical" and modal)):
        result.modality = "conditional"
    if result.intent and result.modality == "asserted" and (not result.negated or result.intent_by_governor):
        result.modality = "intended"
    if conditioned and result.modality in {"asserted", "hypothetical", "intended"}:
        result.modality = "conditional"
    if reacted and result.negated and _negated(tree, tree.tokens[i].head):
        result.negated = False
        result.notes.append("factuality:reacted-to:" + tree.tokens[tree.tokens[i].head].text)
    return result


# holders whose "from" phrase is an act kept from happening ("barred from", "prevented from")
PREVENTING = {"prevent", "bar", "stop", "block", "ban", "deter", "discourage", "dissuade", "keep", "preclude"}
# holders whose "against" phrase is an act decided or argued against ("decided against recognising")
OPPOSING_CHOICE = {"decide", "vote", "argue", "advise", "rule", "warn", "caution", "lobby", "campaign", "opt"}
# act nouns whose infinitive tells an act done or decided ("Russia's decision to recognise"); other
# nouns' infinitives tell a plan or a possibility ("a campaign to switch recognition")
DONE_ACT_NOUNS = {"decision", "move", "step", "choice", "vote", "order", "announcement"}
PLAN_NOUNS = {
    "plan", "promise", "pledge", "campaign", "intention", "intent", "commitment", "vow", "resolve",
    "readiness", "willingness", "determination", "agreement", "deal", "offer", "undertaking",
}  # fmt: skip
# phrasal verbs of holding back: their "on" / "from" phrase is an act not done ("held off on recognising")
HOLDING_BACK = {("hold", "off"), ("hold", "back"), ("shy", "away"), ("back", "away"), ("steer", "clear")}
# what a message is carried by ("in a phone call", "by telephone", "in a letter"): a circumstance
MEDIUM_NOUNS = {"call", "conversation", "telephone", "phone", "letter", "message", "interview", "speech"}
# verbs of travel whose "for" phrase names what the journey was for ("flew to Moscow for talks")
TRAVEL_VERBS = {"fly", "travel", "go", "arrive", "come", "head", "return", "jet", "visit"}
# verbs of coming together: what they are "for" happens as they do ("sat down for talks with Clinton")
GATHERING_VERBS = {"sit", "meet", "gather", "convene", "assemble", "land"}
# holders whose "with" phrase is the act they carry out ("went ahead with recognising")
PROCEEDING = {"go", "proceed", "press", "push", "move", "forge", "continue", "plough", "plow"}
# holders whose "for" phrase is an act that was the reason for them ("praised X for recognising")
REASON_HOLDERS = FACTIVE_VERBS | {
    "thank", "blame", "punish", "reward", "fault", "sanction", "target", "retaliate", "avenge",
    "apologise", "apologize", "compensate", "commend", "congratulate", "credit", "rebuke", "reprimand",
    "penalise", "penalize", "retaliation", "reprisal", "revenge", "apology", "compensation", "gratitude",
}  # fmt: skip


def by_medium(tree: Tree, prep: int) -> bool:
    """Whether preposition ``prep`` names what a message was carried by ("in a phone call", "by
    telephone"): a circumstance of the saying, never the act said or asked for."""
    return tree.lemma(prep) in {"in", "by", "over"} and any(
        tree.lemma(o) in MEDIUM_NOUNS for o in tree.children(prep, "pobj")
    )


def on_a_journey(tree: Tree, prep: int) -> bool:
    """Whether preposition ``prep`` says where its clause's subject was ("on a visit to Nairobi", "on
    the sidelines of the summit"): a circumstance of what the subject did there, done itself."""
    return tree.lemma(prep) == "on" and any(
        tree.lemma(o) in JOURNEY_NOUNS for o in tree.children(prep, "pobj")
    )


def _prep_holder(tree: Tree, prep: int, result: Analysis) -> int | None:
    """The predicate a preposition's act hangs from, when its factuality passes through it; None to stop.

    Circumstances stand on their own ("after recognising"); some prepositions negate ("without
    recognising") or leave the act open ("pushed for recognition", "steps towards recognising").
    """
    word = tree.lemma(prep)
    holder = tree.tokens[prep].head
    if holder == prep or tree.tokens[prep].dep not in {"prep", "agent"}:
        return None
    lemma = tree.lemma(holder)
    negating = word in {"without"} or lemma in {"instead", "rather"}
    negating |= word == "against" and lemma in OPPOSING_CHOICE
    negating |= word == "from" and lemma in PREVENTING
    if negating:
        result.negated = True
        result.notes.append(f"negation:{tree.tokens[holder].text} {tree.tokens[prep].text}")
        return None
    if word == "of" and lemma in {"ahead", "eve"} and result.modality == "asserted":
        # "ahead of Kim's summit with Trump", "on the eve of a general strike": an act still to come
        result.intent = result.scheduled = True
        result.notes.append(f"modality:intent:{tree.tokens[holder].text}-of")
        return None
    if word == "of" and lemma in ABSTAINING and not _negated(tree, tree.tokens[holder].head):
        result.negated = True  # "stops short of formal recognition"
        result.notes.append(f"negation:abstained:{tree.tokens[holder].text} {tree.tokens[prep].text}")
        return None
    particles = {tree.lemma(k) for k in tree.children(holder, "prt", "advmod")}
    if word in {"on", "from"} and any((lemma, p) in HOLDING_BACK for p in particles):
        result.negated = True  # "will hold off on recognising", "shied away from recognising"
        result.notes.append(f"negation:abstained:{tree.tokens[holder].text} {tree.tokens[prep].text}")
        return None
    if lemma in IMPLICATION_VERBS:
        # "be seen as recognition", "amount to recognition": what something is said to count as, not an
        # act told; negated it denies the act ("did not amount to recognition")
        result.characterised = True
        result.notes.append("factuality:characterised:" + tree.tokens[holder].text)
        return holder
    if word == "as" and lemma == "far" and tree.tokens[holder].head != holder:
        return tree.tokens[holder].head  # "could go as far as severing ties": the going's mood
    if word == "by" and tree.children(prep, "pcomp"):
        return holder  # "would reciprocate by upgrading its envoy": the means has the act's mood
    if tree.tokens[prep].dep == "agent" and tree.is_passive(holder):
        return holder  # "a break expected to be followed by Sao Tome's recognition": the doer's mood
    if word == "with" and lemma in PROCEEDING:
        return holder  # "went ahead with recognising", "pressed on with"
    if word in ADJUNCT_PREPS or word == "against":
        return None
    if by_medium(tree, prep) or on_a_journey(tree, prep):
        # "urged Netanyahu in a phone call to ...", "Rice, on a visit to Nairobi, urged ...": how or where
        # it was said; the call or the visit was made
        return None
    if word == "for" and lemma in TRAVEL_VERBS | GATHERING_VERBS:
        return holder  # "flew to Moscow for talks", "is due to visit Damascus for talks": as the journey
    if word in {"toward", "towards", "about"} or (word == "for" and lemma not in REASON_HOLDERS):
        if result.modality == "asserted":  # "lobbied for recognition", "a step towards recognising"
            result.modality = "hypothetical"
            result.notes.append(f"modality:hypothetical:{tree.tokens[holder].text} {tree.tokens[prep].text}")
        return None
    if tree.tokens[holder].pos not in {"VERB", "AUX", "ADJ", "NOUN"}:
        return None
    return holder


def _negated_above(
    tree: Tree, head: int, governors: dict[tuple[str, str], Governor], child: int, result: Analysis
) -> bool:
    """Negation on a predicate above the act: what it does to the act; True when the walk stops there.

    A negated implication denies the act ("does not mean that X recognises": negated); a negated
    report leaves it open ("did not say that X had recognised": hypothetical); a factive predicate
    presupposes it whatever its polarity; intents, decisions and failures handle their own negation.
    """
    lemma = tree.lemma(head)
    governor = _governor(tree, head, child, governors)
    if lemma in FACTIVE_VERBS or (governor is not None and governor.frame != "report"):
        return False
    cue = _negation_cue(tree, head)
    if governor is not None:  # a report verb
        result.modality = "hypothetical"
        result.notes.append(f"modality:hypothetical:{cue} {tree.tokens[head].text}")
        return True
    result.negated = True
    result.notes.append(f"negation:under:{cue} {tree.tokens[head].text}")
    return True


def _waiting(tree: Tree, head: int) -> int | None:
    """For an act that is the subject of ``head``: when the predicate says it waits ("will have to wait
    until ...", "can wait"), the clause it waits for, or ``head`` itself when none is named; else None."""
    waits = [head] if tree.lemma(head) == "wait" else []
    waits += [k for k in tree.children(head, "xcomp") if tree.lemma(k) == "wait"]
    if not waits:
        return None
    for wait in waits:
        for clause in tree.children(wait, "advcl"):
            if {tree.lemma(k) for k in tree.children(clause, "mark")} & {"until", "till", "unless"}:
                return clause
    return head


def _frame_of(tree: Tree, head: int, child: int, governors: dict[tuple[str, str], Governor]) -> str | None:
    """The frame of the governing word ``head`` (or of the adjective it is a copula for), if any."""
    # the adjective a copula predicates first: "be" and "remain" govern as "pending" on their own
    governor = _predicated(tree, head, child, governors) or _governor(tree, head, child, governors)
    return governor.frame if governor is not None else None


# verbs of taking something for something else ("read the handshake as recognition", "saw the visit as")
READING_VERBS = {
    "read", "see", "view", "interpret", "regard", "consider", "construe", "characterise", "characterize",
    "portray", "depict", "cast", "frame", "describe", "treat", "hail", "welcome",
}  # fmt: skip


# verbs that say what something comes to ("as amounting to recognition", "as constituting recognition")
AMOUNTING = {"amount", "equate", "constitute", "mean", "signify", "represent", "imply"}


def _read_as(tree: Tree, noun: int) -> bool:
    """Whether act noun ``noun`` is what a reading verb takes something for ("read X as recognition")."""
    prep = tree.tokens[noun].head
    linking = tree.tokens[prep].head  # "described the accord as amounting to recognition"
    if tree.tokens[noun].dep == "pobj" and tree.lemma(prep) == "to" and tree.lemma(linking) in AMOUNTING:
        noun, prep = linking, tree.tokens[linking].head
    elif tree.tokens[noun].dep == "dobj" and tree.lemma(prep) in AMOUNTING:  # "as constituting recognition"
        noun, prep = prep, tree.tokens[prep].head
    if tree.tokens[noun].dep not in {"pobj", "pcomp"} or tree.lemma(prep) != "as":
        return False
    verb = tree.tokens[prep].head
    return verb != prep and tree.lemma(verb) in READING_VERBS and bool(tree.objects(verb))


def _awaited(tree: Tree, clause: int, head: int, marks: set[str]) -> bool:
    """Whether an "as soon as / when" clause tells an act still awaited, on which its head's act waits:
    "will recognise Israel as soon as Israel recognises Palestine", "will open an embassy when the
    war ends" (where "recognised them as soon as they took Tripoli" tells two acts that happened)."""
    soon = "as" in marks and tree.lemma(head) == "soon"
    if not (soon or "when" in marks):
        return False
    main = tree.tokens[head].head if soon else head
    if told_as_past(tree, clause) or told_as_past(tree, main):
        return False
    # "is ready to recognise Israel as soon as Israel recognises ...": a present tense after "as soon as"
    # or "when" tells what is still to come
    return _future(tree, main) or tree.tokens[clause].tag in {"VBZ", "VBP"}


def _future(tree: Tree, verb: int) -> bool:
    """Whether ``verb`` is told with a future or modal auxiliary ("will recognise", "would open")."""
    auxes = {tree.lemma(k) for k in tree.children(verb, "aux")}
    return bool(auxes & {"will", "would", "shall", "could", "can", "may", "might"})


def _conditional_mood(tree: Tree, verb: int) -> bool:
    """Whether ``verb`` is in the conditional mood ("would change", "could anger")."""
    return any(tree.words[k] in {"would", "'d", "could", "might"} for k in tree.children(verb, "aux"))


def _in_condition(tree: Tree, verb: int) -> bool:
    """Whether ``verb`` heads (or is coordinated into) an "if / unless / until" clause."""
    node = verb
    for _ in range(3):
        if {tree.lemma(k) for k in tree.children(node, "mark")} & CONDITION_MARKS:
            return True
        if tree.tokens[node].dep != "conj" or tree.tokens[node].head == node:
            return False
        node = tree.tokens[node].head
    return False


def _through_predicate_noun(tree: Tree, copula: int, result: Analysis) -> int:
    """Climb from a predicate noun's act to its copula ("became the first country to recognise"); a
    negated copula ("did not become the first to recognise") tells no fact."""
    result.notes.append("factuality:through-predicate-noun:" + tree.tokens[copula].text)
    if _negated(tree, copula):
        result.negated = True
        result.notes.append("negation:" + _negation_cue(tree, copula) + " " + tree.tokens[copula].text)
    return copula


def _own_markers(tree: Tree, node: int, result: Analysis, first: bool) -> bool:
    """Negation, modal auxiliaries and hedges attached to ``node``; True when "would" is among them."""
    would = False
    if first and _negated(tree, node):
        result.negated = True
        cue = _negations(tree, node)[0]
        # "No US president has visited", "Neither Iran nor Turkey has recognised": told by the subject
        told_by = "subject:" if cue in _negative_subjects(tree, node) else ""
        result.notes.append("negation:" + told_by + tree.tokens[cue].text)
    if first and not result.negated and tree.tokens[node].pos in {"VERB", "AUX"}:
        objects = tree.children(node, "dobj")
        # "has relations with neither Taipei nor Pristina": the other party, the verb's or its object's
        preps = [p for h in [node, *objects] for p in tree.children(h, "prep")]
        objects += [o for p in preps for o in tree.children(p, "pobj")]
        cues = [
            k
            for o in objects
            for k in tree.children(o, "det", "preconj")
            if tree.lemma(k) == "neither" or (tree.lemma(k) == "no" and tree.tokens[o].dep == "dobj")
        ]
        if cues:  # "has had no diplomatic relations with Iran since 2016", "recognises neither Taiwan nor
            # Kosovo", "has ties with neither": none done
            result.negated = True
            result.notes.append("negation:object:" + tree.tokens[cues[0]].text)
    if (
        first
        and "to" in tree.aux_words(node)
        and (tree.tokens[node].head == node or _headline_relative(tree, node))
    ):
        result.intent = True  # a headline's bare infinitive: "Spain, Ireland And Norway To Recognise ..."
        result.scheduled = True  # a plan the headline reports, not a statement anyone is said to make
        result.notes.append("modality:intent:headline-infinitive")
    for aux in tree.children(node, "aux"):
        lemma = tree.lemma(aux)
        if lemma in {"will", "shall", "'ll"} or tree.tokens[aux].text.lower() in {"will", "'ll", "shall"}:
            result.intent = True
            result.notes.append("modality:intent:" + tree.tokens[aux].text)
        elif lemma == "would" or tree.tokens[aux].text.lower() in {"would", "'d"}:
            would = True
        elif lemma in {"may", "might", "could", "should", "must"} and result.modality == "asserted":
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:" + tree.tokens[aux].text)
    for adv in tree.children(node, "advmod"):
        if (
            first
            and tree.words[adv] == "longer"
            and any(tree.lemma(k) == "no" for k in tree.children(adv, "neg"))
        ):
            result.ceased = True  # "no longer recognises Taiwan": recognition ends
            result.notes.append("cessation:no-longer")
        if tree.lemma(adv) in HEDGES and tree.lemma(adv) != "reportedly" and result.modality == "asserted":
            result.modality = "hypothetical"
            result.notes.append("modality:hypothetical:" + tree.tokens[adv].text)
    return would


def _undoing(tree: Tree, node: int) -> int | None:
    """The verb that undoes the decision or instrument ``node``'s act hangs in: "rescinded its decision to
    recognise Kosovo", "annulled the communique under which the country recognised Taiwan", "revoked the
    decree recognising the junta"."""
    token = tree.tokens[node]
    if token.dep not in {"acl", "relcl"}:
        return None
    noun = tree.tokens[token.head]
    if tree.lemma(token.head) not in UNDONE_NOUNS or noun.dep not in {"dobj", "obj", "nsubjpass"}:
        return None
    return noun.head if _undoes(tree, noun.head) else None


def _undoes(tree: Tree, verb: int) -> bool:
    """Whether ``verb`` undoes a decision or an instrument ("rescinded", "annulled", "revoked")."""
    return tree.lemma(verb) in UNDOING_DECISION_VERBS and tree.tokens[verb].pos == "VERB"


def _only(tree: Tree, clause: int) -> bool:
    """Whether "only" restricts an adverbial clause ("only after X did so"), on the clause or its mark."""
    marks = tree.children(clause, "mark")
    return any(
        tree.lemma(k) == "only"
        for k in tree.children(clause, "advmod") + [a for m in marks for a in tree.children(m, "advmod")]
    ) or any(tree.words[m - 1] == "only" for m in marks if m > 0)


def _add_conditions(result: Analysis, found: list[str]) -> None:
    result.conditions.extend(found)
    result.notes.extend("condition:" + c for c in found)


def _inverted_condition(tree: Tree, node: int) -> bool:
    """A clause opened by an inverted auxiliary: "Were X to ...", "Had X known ...", "Should X ..."."""
    first = min(tree.subtree(node))
    if tree.tokens[first].text.lower() not in {"were", "had", "should"}:
        return False
    return first == node or tree.tokens[first].head == node


def _noun_above(tree: Tree, node: int) -> int:
    """The noun a relative clause's head hangs from ("agreement" in "an agreement under which")."""
    while tree.tokens[node].pos not in {"NOUN", "PROPN"} and tree.tokens[node].head != node:
        node = tree.tokens[node].head
    return node


def planned_by(tree: Tree, verb: int) -> int | None:
    """The plan noun right before infinitive ``verb`` ("a pledge to switch recognition") when the parser
    hangs the infinitive elsewhere (on the clause's verb), or None."""
    noun = noun_of_infinitive(tree, verb)
    return noun if noun is not None and tree.lemma(noun) in PLAN_NOUNS else None


def noun_of_infinitive(tree: Tree, verb: int) -> int | None:
    """The plan or act noun right before infinitive ``verb`` ("a pledge to switch recognition", "the three
    governments' decisions to cut ties") when the parser hangs the infinitive elsewhere (on the clause's
    verb, as a purpose or a complement), or None."""
    token = tree.tokens[verb]
    if token.tag != "VB" or token.dep not in {"xcomp", "advcl", "ccomp"}:
        return None
    to = [k for k in tree.children(verb, "aux") if tree.words[k] == "to" and k == verb - 1]
    if not to or to[0] == 0:
        return None
    noun = to[0] - 1
    if tree.words[noun] == ",":
        # "Jammeh's decision, announced a day earlier, to cut ties": a participle set between the noun
        # and its infinitive
        opening = next((k for k in range(noun - 1, max(noun - 10, 0), -1) if tree.words[k] == ","), None)
        if opening is not None and tree.tokens[opening + 1].tag in {"VBN", "VBD", "VBG"}:
            noun = opening - 1
    if tree.lemma(noun) not in PLAN_NOUNS | DONE_ACT_NOUNS or tree.tokens[noun].pos != "NOUN":
        return None
    return None if token.head == noun else noun


def _headline_relative(tree: Tree, node: int) -> bool:
    """ "Kiribati to cut ties with Taiwan": a headline's infinitive the parser hangs on the name before it,
    in a sentence with no finite verb."""
    token = tree.tokens[node]
    head = tree.tokens[token.head]
    if token.dep not in {"relcl", "acl"} or head.head != token.head or head.pos not in {"PROPN", "NOUN"}:
        return False
    sentence = [t for t in tree.tokens if t.sentence == token.sentence]
    return not any(t.tag in {"VBD", "VBZ", "VBP"} for t in sentence)


def _disputed(tree: Tree, verb: int) -> bool:
    """Whether report verb ``verb`` has a conjunct that denies what it reports ("said that ..., but
    officials in Pristina dismissed the claim", "... but Kigali denied it")."""
    for other in tree.children(verb, "conj"):
        if tree.lemma(other) not in DENIAL_VERBS:
            continue
        for k in tree.objects(other):
            if tree.lemma(k) in CONTENT_NOUNS or (
                tree.tokens[k].pos == "PRON" and tree.lemma(k) in {"it", "this"}
            ):
                return True
    return False


# words that mark a report as taken back ("a since-deleted post", "a retracted statement")
RETRACTED = {"deleted", "retracted", "withdrawn", "recanted", "erroneous", "mistaken"}


# verbs that take a report back: what a deleted post or a retracted statement announced tells no fact
RETRACTING = {"delete", "retract", "remove", "erase", "disown", "scrub", "withdraw"}
VANISHING = {"vanish", "disappear"}


def _retracted(tree: Tree, verb: int) -> bool:
    """Whether report verb ``verb`` tells a report taken back ("a since-deleted post announced that ..."),
    its subject or, where the parser misplaces it, a noun of the verb's own clause or the noun it reads
    the verb as modifying ("a since-deleted post ... announced", a reduced relative)."""
    clause = tree.subtree(verb, stop={"ccomp", "xcomp", "conj", "advcl", "relcl"})
    if tree.tokens[verb].dep == "acl":
        carrier = tree.tokens[tree.tokens[verb].head]
        if carrier.dep in {"nsubjpass", "dobj"} and tree.lemma(carrier.head) in RETRACTING:
            return True  # "a post announcing that Kenya was rescinding ... was deleted within hours"
        if carrier.dep == "nsubj" and tree.lemma(carrier.head) in VANISHING:
            return True  # "a message saying Kenya had rescinded its recognition vanished within hours"
        clause = [*clause, *tree.children(tree.tokens[verb].head, "amod")]
    return any(
        tree.tokens[k].dep == "amod" and tree.tokens[k].head != verb and tree.words[k] in RETRACTED
        for k in clause
    )


def _infinitive(tree: Tree, node: int) -> bool:
    return "to" in tree.aux_words(node)


def _negations(tree: Tree, node: int) -> list[int]:
    """Negation cues on ``node``: "not", "never", "no plans" (but not "not only ... but also")."""
    cues = []
    for k in tree.children(node, "neg"):
        following = tree.tokens[k + 1].text.lower() if k + 1 < len(tree.tokens) else ""
        if following != "only":
            cues.append(k)
    if tree.tokens[node].pos in {"NOUN", "PROPN"}:
        cues.extend(k for k in tree.children(node, "det") if tree.lemma(k) == "no")
    if not cues:
        cues.extend(_negative_subjects(tree, node))
    for prep in tree.children(node, "prep"):  # "should in no way be seen as", "by no means"
        for noun in tree.children(prep, "pobj"):
            if tree.lemma(noun) in NO_WAY_NOUNS:
                cues.extend(k for k in tree.children(noun, "det") if tree.lemma(k) == "no")
    return cues


# determiners of a subject that say no one did it ("No country", "Neither Iran nor Turkey")
NEGATIVE_DETS = {"no", "neither"}


def _negative_subjects(tree: Tree, node: int) -> list[int]:
    """The cue of a subject that says no one did it: "Neither Uzbekistan nor Turkmenistan has followed
    Moscow in recognising ...", "No other country has followed", "none of them has recognised"."""
    cues = []
    for subject in tree.children(node, "nsubj", "nsubjpass"):
        if tree.words[subject] in {"none", "neither", "nobody", "nothing"}:
            cues.append(subject)
        else:
            cues.extend(k for k in tree.children(subject, "det", "preconj") if tree.lemma(k) in NEGATIVE_DETS)
    return cues


def _coordinated_negation(tree: Tree, node: int) -> str | None:
    """The cue that negates a verb through its coordination: "neither X nor Y" (both), "... nor Y", or
    "did not X or Y" (Y shares the negated auxiliary: it has no subject or auxiliary of its own)."""
    if tree.tokens[node].pos not in {"VERB", "AUX"}:
        return None
    if any(tree.lemma(k) == "neither" for k in tree.children(node, "preconj")):
        return "neither"
    token = tree.tokens[node]
    if token.dep != "conj" or token.head == node:
        return None
    first = token.head
    ccs = {tree.lemma(k) for k in tree.children(first, "cc") + tree.children(node, "cc")}
    if "nor" in ccs:
        return "nor"
    if any(tree.lemma(k) == "neither" for k in tree.children(first, "preconj")):
        return "neither"
    shared = not tree.children(node, "nsubj", "nsubjpass", "aux", "auxpass", "neg")
    if "or" in ccs and shared and tree.tokens[node].tag in {"VB", "VBN"} and _negated(tree, first):
        return "not ... or"
    return None


def _negated(tree: Tree, node: int) -> bool:
    return bool(_negations(tree, node))


def awaited(tree: Tree, head: int) -> bool:
    """Whether a governor says its act is still awaited ("has yet to recognise", "is yet to follow")."""
    return any(tree.lemma(k) == "yet" for k in tree.children(head, "advmod"))


def _negation_cue(tree: Tree, node: int) -> str:
    return tree.tokens[_negations(tree, node)[0]].text


# verbs of reacting against another's act, and of welcoming one: a break that names no partner is with
# the one that reacts to it, a restoration with the one that welcomes it (drafts.reacting_party); what
# either (or a mention) names as its object is another's act, done whatever the reaction
REACTING = {
    "condemn", "criticise", "criticize", "denounce", "deplore", "regret", "protest", "decry", "lament",
    "slam", "reject", "rebuke", "blast", "deride",
}  # fmt: skip
WELCOMING = {"welcome", "hail", "applaud", "salute", "commend", "praise", "appreciate"}
REACTION_VERBS = REACTING | WELCOMING | {"mention", "discuss"}
# verbs that expect an act named as their object ("expect talks to open next week")
EXPECTING = {"expect", "anticipate", "predict", "forecast", "foresee"}


def _predicated(tree: Tree, head: int, child: int, governors: dict[tuple[str, str], Governor]):
    """The governor of the adjective ``head`` predicates ("recognition is unlikely", "it was unlikely")."""
    return next(
        (g for k in tree.children(head, "acomp") if (g := _governor(tree, k, child, governors))), None
    )


def _governor(tree: Tree, head: int, child: int, governors: dict[tuple[str, str], Governor]):
    token = tree.tokens[head]
    if tree.tokens[child].dep in {"ccomp", "csubj"} and (judged := _predicated(tree, head, child, governors)):
        return judged  # "it was unlikely that Egypt would restore ties": the extraposed clause is judged
    lemma = token.lemma.lower()
    coarse = {"AUX": "VERB", "PROPN": "NOUN"}.get(token.pos, token.pos)
    text = token.text.lower()
    # the lemmatiser stumbles on some forms ("hopes" -> "hop"): try the plain word and its stems too
    stems = (text, text[:-1], text[:-2], text[:-3]) if text.endswith(("s", "d", "ing")) else (text,)
    keys = [(lemma, coarse), (lemma, token.pos), *((stem, coarse) for stem in stems)]
    # a phrasal governor before its verb alone ("put off signing", "looking forward to concluding")
    phrasal = [(f"{lemma}_{tree.words[k]}", coarse) for k in tree.children(head, "prt", "advmod")]
    for key in phrasal + keys:
        if key in governors:
            return governors[key]
    if token.tag == "VBN":  # "is poised to", "is set to": participles the tagger reads as verbs
        return governors.get((token.text.lower(), "ADJ"))
    return None


def _has_own_controller(tree: Tree, governor: int, complement: int) -> bool:
    """True when the complement's subject is not the governor's subject ("analysts expect X to ...")."""
    return bool(tree.children(governor, "dobj")) or bool(tree.children(complement, "nsubj"))
