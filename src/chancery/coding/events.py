"""Event coding: ``ParsedArticle`` → ``CodedArticle`` with CAMEO, PLOVER, negation, modality and evidence."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from chancery.coding.arguments import FOLLOWERS, ActorIndex, party, state_of
from chancery.coding.atrocity import MASS_KILLING, bombing_code, display_code, mass_killing
from chancery.coding.codebook import Codebook
from chancery.coding.conditions import CONDITION_MARKS, condition_maker, conditioning_clause
from chancery.coding.dating import (
    PAST_PERFECT,
    earlier_states,
    event_date,
    own_date,
    past_perfect,
    published,
    told_before,
)
from chancery.coding.drafts import (
    BREAKS,
    DIPLOMATIC_KINDS,
    MISSION_NOUNS,
    ActorRef,
    Draft,
    answered_by,
    argument_tokens,
    borrowed_targets,
    depth,
    elliptical_sources,
    envoy_owners,
    favoured_instead,
    find_targets,
    governs_other,
    implied_agent,
    implied_targets,
    members_of_target,
    new_state_recognised,
    own_envoys,
    permitting_host,
    phrase_actors,
    reacting_party,
    recognition_referred,
    shared_object,
    story_government,
    subject_phrase_objects,
    switched_from,
    talks_on_a_visit,
    thanked_for,
    visit_at_home,
    visit_host,
    visit_place,
    visiting_guest,
)
from chancery.coding.frames import (
    WARNED_POSSIBLE,
    accusers,
    apply_frames,
    denials,
    protested,
    threatened,
    threatened_acts,
)
from chancery.coding.learned import TriggerModel
from chancery.coding.modality import GATHERING_VERBS, TRAVEL_VERBS, Analysis, analyse, noun_of_infinitive
from chancery.coding.nesting import nest
from chancery.coding.overlaps import inside_purpose, restates, result_of_force, signatories, warns_again
from chancery.coding.patterns import Governor, Matcher, Pattern, load_governors, load_patterns
from chancery.coding.places import (
    CROWDS,
    TELLING,
    clashes_side_by_side,
    crowd_source,
    expelling_host,
    fought_each_other,
    home_target,
    members_source,
    sole_other,
)
from chancery.coding.presuppositions import presupposed, repeats
from chancery.coding.repression import protesters_hit, repression_code
from chancery.coding.structure import CLAUSAL_DEPS, Tree
from chancery.records import (
    Actor,
    CodedArticle,
    DateRef,
    Event,
    Evidence,
    ParsedArticle,
    Plover,
    Sentence,
    Token,
    content_id,
)

# states that end when their act is said to stop ("no longer recognises": withdrawn)
CEASING = {
    "recognition:recognized": "recognition:withdrawn",
    "diplomatic_relations:active": "diplomatic_relations:severed",
}


@dataclass(frozen=True, eq=False)
class Coder:
    """The loaded codebook and patterns; build once with ``Coder.load()``."""

    codebook: Codebook | None = None
    patterns: tuple[Pattern, ...] = ()
    governors: dict[tuple[str, str], Governor] = field(default_factory=dict)
    matcher: Matcher | None = None
    learned: TriggerModel | None = None

    @classmethod
    def load(cls) -> Coder:
        """Read the codebook, the event patterns, the governing words and the learned trigger model from
        ``chancery/data``."""
        patterns = load_patterns()
        return cls(
            codebook=Codebook.load(),
            patterns=patterns,
            governors=load_governors(),
            matcher=Matcher(patterns),
            learned=TriggerModel.load(),
        )


def code_article(parsed: ParsedArticle, coder: Coder) -> CodedArticle:
    """Code every event of ``parsed`` with ``coder``."""
    if coder.matcher is None:
        coder = Coder.load()
    tree = Tree(parsed.tokens)
    index = ActorIndex(parsed, tree)
    # each sentence's own date expressions, in article order: the date rules look no further
    dates: dict[int | None, list[DateRef]] = {}
    for ref in parsed.dates:
        dates.setdefault(ref.sentence, []).append(ref)
    events: list[Event] = []
    # the acts of the sentences before, most recent last, for "the decision" or "the memorandum" to take up
    earlier: list[list[Draft]] = []
    for sentence in parsed.sentences:
        here = tuple(dates.get(sentence.index, ()))
        found, coded = _code_sentence(parsed, coder, tree, index, sentence, here, earlier)
        earlier.append(coded)
        events.extend(found)
    return CodedArticle(
        article=parsed.article,
        events=tuple(earlier_states(events)),
        quotes=parsed.quotes,
        sentences=parsed.sentences,
        mentions=parsed.mentions,
    )


def _code_sentence(
    parsed: ParsedArticle,
    coder: Coder,
    tree: Tree,
    index: ActorIndex,
    sentence: Sentence,
    dates: tuple[DateRef, ...],
    earlier: list[list[Draft]],
) -> tuple[list[Event], list[Draft]]:
    """The events of one sentence and its coded drafts; ``dates`` are the date expressions it holds,
    ``earlier`` the drafts of each sentence before, most recent last."""
    assert coder.matcher is not None and coder.codebook is not None
    triggers = coder.matcher.triggers(tree, sentence.first, sentence.last, index.is_actor, index.is_polity)
    if any(pattern.pos == "N" for pattern in triggers.values()):
        _drop_object_nouns(tree, triggers)
    span = (sentence.first, sentence.last)
    if coder.learned is not None:
        # a verb no pattern took or ruled out, that the learned model is confident tells an act
        day = parsed.article.date
        triggers.update(coder.learned.triggers(tree, index, span, triggers, coder.matcher.ruled_out, day))
    if not triggers and not repeats(tree, {}, span):
        return [], []
    text = parsed.article.text
    question = text[sentence.start : sentence.end].rstrip().endswith("?")
    # a telling that puts its content on terms governs no act in it: what it states keeps its own mood
    frames = {i: p.frame for i, p in triggers.items() if p.frame and "termscomp" not in p.flags}
    drafts: dict[int, Draft] = {}
    for i, pattern in triggers.items():
        analysis = analyse(tree, i, coder.governors, frames, text, question)
        if "conditioned" in pattern.flags and analysis.modality != "conditional":
            continue  # "the improvement in relations since 2016": no one's act, told as a fact
        date = event_date(parsed, dates, sentence, i)
        if analysis.undone_by is not None:
            before = analyse(tree, i, coder.governors, frames, text, question, undo=False)
            if pattern.relation in CEASING:
                # "rescinded its decision to recognise Kosovo": the state it made ends when the decision is
                # undone; the act's own date ("Ghana's 2012 recognition of Kosovo was revoked") is not its
                # undoing's
                analysis.ceased, analysis.before_undoing = True, before
                undone = event_date(parsed, dates, sentence, analysis.undone_by)
                date = undone if undone != date or date[1] == "publication" else published(parsed)
            else:
                analysis = before  # "reversed its decision to expel the envoy": told as it was
        if "experiencer" in pattern.flags:
            # "Washington was deeply disappointed by the decision": the one disappointed feels it
            source_tokens = [s for k in tree.children(i, "nsubjpass") for s in tree.with_conjuncts(k)]
            how = "experiencer"
            if not source_tokens:
                holder = tree.tokens[i].head if tree.tokens[i].dep == "acomp" else i
                source_tokens, how = tree.subjects(holder)[0], "experiencer:" + tree.subjects(holder)[1]
        elif pattern.pos == "V" and (noun := noun_of_infinitive(tree, i)) is not None:
            # "Taipei's anxiety about her pledge to switch recognition", "recalled them over the three
            # governments' decisions to cut ties": the act of the pledge's or the decision's owner
            source_tokens, how = tree.noun_agent(noun)
            how = "owner-of-noun:" + how
        elif pattern.pos == "V":
            source_tokens, how = tree.subjects(i)
            ties = {"subjobject", "mutual"} <= pattern.flags and how == "subject"
            teller = _announcer(tree, i) if how == "passive-without-agent" or ties else None
            if teller is not None:
                # "de Klerk announced that Mandela would be freed": an act no one is named to do, that the
                # one announcing it will do
                source_tokens, how = tree.subjects(teller)[0], "announcer-of-passive:" + tree.words[teller]
        else:
            source_tokens, how = tree.noun_agent(i)
            if how == "modifier-agent" and "nomod" in pattern.flags:
                source_tokens, how = [], "modifier-is-not-agent"
            if how == "clause-subject" and pattern.cameo.startswith("14"):
                # "spoke at a rally", "police fired at a protest": there, not among the protesters
                source_tokens, how = [], "clause-subject-is-not-protester"
        sources = index.resolve(source_tokens, date[0])
        if how.startswith("owner-of-noun:") and not sources:
            continue  # a pledge or decision of no one named: never the act of whoever else the clause names
        if how.endswith("hyphened-agent"):
            # "a US-brokered ceasefire": the name is a third party to the truce, but the broker of it
            found = [index.mention_at(k) for k in source_tokens]
            sources = [
                (m.actor_on(date[0]), "actor:hyphened:" + m.rule, None) for m in found if m is not None
            ]
        if not sources and pattern.pos == "V" and tree.past_dateline(source_tokens):
            source_tokens, how = tree.past_dateline(source_tokens), how + ":past-dateline"
            sources = index.resolve(source_tokens, date[0])
        during = tree.lemma(tree.tokens[i].head) == "during"
        if not sources and pattern.pos == "N" and (how == "possessive-agent" or during):
            # an unresolved "its" or "his", or a modifier naming no one ("during a phone call with X")
            source_tokens, how = tree.noun_agent(i, pronouns=False, modifiers=how != "modifier-agent")
            sources = index.resolve(source_tokens, date[0])
        if not sources and pattern.pos == "N":
            # "China's acceptance of the credentials does not amount to recognition": the act the
            # predicate is about is done by the agent of its subject (or its own "by" phrase)
            source_tokens, how = implied_agent(tree, i)
            sources = index.resolve(source_tokens, date[0])
        maker = condition_maker(tree, i) if not sources and pattern.pos == "N" else None
        if maker is not None:
            # "Erdogan made the restoration of ties conditional on ...": the act of the one setting it
            source_tokens, how = tree.subjects(maker)[0], "condition-maker"
            sources = index.resolve(source_tokens, date[0])
        if (
            not sources
            and how == "passive-without-agent"
            and pattern.objects & MISSION_NOUNS
            and "to" not in tree.aux_words(i)
        ):
            # "Eritrea's embassy in Addis Ababa was reopened", "the Turkish embassy was closed": by the
            # state whose mission it is (not "called for Israel's embassy to be closed": by its host)
            missions = [k for k in tree.children(i, "nsubjpass") if tree.lemma(k) in MISSION_NOUNS]
            missions += [o for k in missions for o in tree.children(k, "poss")]
            sources = [a for a in index.resolve(missions, date[0]) if a[0].country]
            how = "owner-of-mission" if sources else how
        if not sources and "targethosts" in pattern.flags and pattern.pos == "V":
            # "Derek Mitchell presented his credentials ..., becoming the first US ambassador to Myanmar": an
            # envoy no one knows acts for the state whose envoy the clause says it is
            source_tokens, how = envoy_owners(tree, i), "owner-of-post"
            sources = index.resolve(source_tokens, date[0])
        if not sources and pattern.pos == "N" and pattern.cameo.startswith("04"):
            # "Medvedev said after talks with Sarkozy": talks held, by the one who spoke after them;
            # "Uribe flew to Venezuela for talks with Chavez": by the one who travelled to hold them
            # "Rice, on a one-day visit to Nairobi, urged ...": by the one on the visit
            # "Kohl, on a visit to Beijing, ...", "at the end of a week-long visit": by the one visiting
            preps = {"after", "following", "on", "at", "during"}
            preps |= {"for"} if _travelled_for(tree, i) else set()
            source_tokens, how = tree.clause_subject(i, preps)
            sources = index.resolve(source_tokens, date[0])
        if not sources and pattern.summoner and how == "passive-without-agent":
            # "Spain's ambassador was summoned to the foreign ministry in Jerusalem": by the state whose
            # ministry (or capital) the phrase names
            summoners = phrase_actors(tree, index, i, date[0], [pattern.summoner])
            sources, how = [a for a in summoners if a[0].country][:1], "summoned-to"
        if not sources and how == "passive-without-agent" and pattern.relation == "representation:expelled":
            # "Ethiopia's ambassador in Mogadishu was ordered to leave Somalia": the state he must leave
            sources = expelling_host(tree, index, i, date[0], parsed.home)
            how = "host-of-expelled-envoy" if sources else how
        if not sources and "medium" in pattern.flags:
            # "Sunak told Zelensky in a phone call", "Macron told Putin by telephone": the teller called
            source_tokens, how = tree.clause_subject(i, {"by", "in", "during", "over"})
            sources = index.resolve(source_tokens, date[0])
        if not sources and pattern.cameo.startswith("14"):
            sources = crowd_source(tree, index, i, source_tokens)
        if not sources:
            sources = members_source(tree, index, i, source_tokens)
        reporter = analysis.reporter if analysis.reporter is not None else _teller(tree, i)
        conditioned = analysis.modality == "conditional"
        if not sources and reporter is not None and _speakers_ties(tree, pattern, i, conditioned):
            # "Mexico said relations with Ecuador would not be restored unless Quito apologised": the
            # relations the speaker tells of, with another, are the speaker's
            source_tokens, how = tree.subjects(reporter)[0], "reporter-of-own-ties"
            sources = index.resolve(source_tokens, date[0])
        if pattern.relation == "recognition:withdrawn" and pattern.pos == "V":
            # "Palau's recognition of Kosovo was withdrawn by the new government": the holder's withdrawal
            holders = [
                k
                for n in tree.children(i, "nsubjpass")
                if tree.lemma(n) == "recognition"
                for k in tree.children(n, "poss")
            ]
            held = index.resolve(holders, date[0]) if holders else []
            if held:
                sources, how = held, "holder-of-the-recognition"
        code = _crowd_code(tree, pattern, source_tokens) if sources else pattern.cameo
        drafts[i] = Draft(i, pattern, analysis, sources, "source:" + how, date, code=code)
    for draft in drafts.values():
        draft.sources.extend(elliptical_sources(tree, index, draft))
        told = draft.source_note.startswith(("source:reporter-of-own-ties", "source:announcer-of-passive"))
        if {"mutual", "subjobject"} <= draft.pattern.flags and (
            not told or subject_phrase_objects(tree, draft, "between")
        ):
            # "fighting with Azerbaijan erupted": the noun's sides are those it is between; "relations
            # with Madrid would not normalise, Rabat said": the teller's
            draft.sources = []
        if not draft.sources and "mutual" in draft.pattern.flags:
            # "relations were established between A and B", "relations between A and B resumed"
            between = tree.prep_objects(draft.i, "between") or subject_phrase_objects(tree, draft, "between")
            draft.sources = index.resolve(between, draft.date[0])
            draft.source_note = "source:mutual-between"
            if len(draft.sources) == 1:
                draft.suppressed = True  # "fighting between Azerbaijani and ethnic Armenian forces": one side
        draft.targets = (
            find_targets(tree, index, draft)
            or thanked_for(tree, index, draft)
            or answered_by(tree, index, draft)
        )
        if not draft.targets:
            draft.targets = story_government(tree, index, draft, parsed.home)
        if not draft.targets and draft.source_note.startswith("source:implied"):
            draft.targets = implied_targets(tree, index, draft)
        visiting_guest(tree, index, draft, parsed.home)
        if not draft.targets:
            draft.targets = visit_place(tree, index, draft) or visit_host(tree, draft, parsed.home)
        if not draft.sources:
            draft.sources = members_of_target(tree, index, draft)
        if "withheld" in draft.pattern.flags:
            # "withholding recognition", "denying the junta recognition": not granted
            draft.analysis.negated = True
            draft.analysis.notes.append("negation:withheld")
        if "negpolar" in draft.pattern.flags:
            if not draft.analysis.negated:
                draft.suppressed = True
            draft.analysis.negated = False  # "relations have never been interrupted": maintained
            draft.analysis.notes.append("negation:polar-reading")
        held = tree.objects(draft.i) + argument_tokens(tree, draft.i)
        held += tree.of_objects(held)
        # "reopen embassies in each other's capitals": the places the objects are in
        held += [
            o
            for k in list(held)
            for p in tree.children(k, "prep")
            if tree.lemma(p) == "in"
            for o in tree.children(p, "pobj")
        ]
        owners = [tree.words[k] for o in held for k in tree.children(o, "poss", "det")]
        # "A and B pledged to reopen their embassies": each in the other's capital ("A and B recalled
        # their ambassadors" recalled each its own); "expelled each other's envoys": whatever the act
        # "accused each other", "sanctioned one another": whatever the act, done to one another
        one_another = any(
            tree.words[o] in {"other", "another"}
            and {"each", "one"} & set(tree.words[k] for k in tree.children(o, "det", "nummod", "amod"))
            for o in held
        )
        if one_another and len(draft.sources) > 1:
            draft.targets = []  # "recognised each other as part of a package signed by X": not X
        draft.reciprocal = (
            ("other" in owners)
            or one_another
            or (bool({"their", "each"} & set(owners)) and draft.pattern.cameo[:2] < "09")
        )
        if not draft.targets and len(draft.sources) == 2:
            # "both sides expelled diplomats", "the two countries will reopen embassies": to each other
            draft.reciprocal |= all(note == "actor:the-group" for _, note, _ in draft.sources)
        if fought_each_other(tree, index, draft):
            draft.targets, draft.reciprocal = [], True  # the fight's sides are its subjects
        if draft.code.startswith("174") and _among_diplomats(tree, draft.i):
            # "France said it was expelling 35", "in response to Washington's expulsions", beside diplomats
            # named in the sentence: a diplomatic expulsion (161), not a deportation
            draft.code, draft.relation = "161", "representation:expelled"
            draft.analysis.notes.append("code:expulsion-among-diplomats")
        if draft.code.startswith("171") and _seized_place(tree, index, draft.i):
            # "M23 rebels seized Goma", "seized the capital": territory occupied, not property
            draft.code = "192"
            draft.analysis.notes.append("code:seized-place-is-occupation")
        elif draft.pattern.id == "capture.verb":
            draft.suppressed = (
                True  # a capture of people or of things is told by other patterns, or not at all
            )
        bombing = display_code(tree, draft.i, bombing_code(tree, draft.i, draft.code))
        if bombing != draft.code:
            draft.code = bombing  # "a suicide bomber blew up a bus", "test-fired nine missiles"
            draft.analysis.notes.append("code:force-by-its-means")
        if mass_killing(tree, draft.i, draft.code):
            draft.code = MASS_KILLING  # "killed hundreds of civilians", "killed some 8,000 men and boys"
            draft.analysis.notes.append("code:killing-by-its-scale-is-mass-killing")
        draft.code, hit = repression_code(tree, draft)
        if hit:
            # "police opened fire on the crowds", "stormed the protest camp outside the Defence Ministry",
            # "Assad's crackdown on protesters": the protesters are the force's own state's people
            draft.analysis.notes.append("code:force-on-protest-is-repression")
            draft.targets = protesters_hit(draft)
        draft.sided = clashes_side_by_side(tree, draft)
        if draft.pattern.relation == "representation:expelled" and own_envoys(tree, index, draft):
            draft.relation = "representation:recalled"  # "ordered the country's ambassadors home"
        together = "mutual" in draft.pattern.flags and len(draft.sources) > 1  # "pledged to work together"
        if (
            "needtarget" in draft.pattern.flags
            and not draft.targets
            and not together
            and not _judged_act(tree, draft)
        ):
            draft.suppressed = True
        if draft.pattern.converse == "043" and not draft.targets and visit_at_home(tree, index, draft):
            draft.suppressed = True  # "Koizumi's visit to Tokyo's Yasukuni shrine": a trip at home
        # "the two ministers sat down for talks" (where "met for talks" is told by the meeting)
        gathered = together and _travelled_for(tree, draft.i)
        gathered = gathered and tree.tokens[tree.tokens[draft.i].head].head not in drafts
        if draft.source_note == "source:clause-subject" and not draft.targets and not gathered:
            draft.suppressed = True  # "urged X ... during talks": whose talks, with whom, is unknown
    for draft in drafts.values():
        own_ties = draft.source_note == "source:reporter-of-own-ties" or _ties_on_terms(draft)
        if not draft.targets and own_ties:
            # the speaker's relations with the one its conditions are set on; "Egypt will not restore ties
            # until Turkey stops arming the militias": ties with the one who must meet the terms
            found = index.resolve(_condition_subjects(tree, draft.i), draft.date[0])
            own = {a.country for a, _, _ in draft.sources}
            others = [(a, "target:party-of-condition", q) for a, _, q in found if a.country not in own]
            # the first party named ("on Turkey's conduct in Libya": Turkey, not the place of its conduct)
            draft.targets = [t for t in others if t[0].country == others[0][0].country]
        head = drafts.get(tree.tokens[draft.i].head)
        if not draft.targets and draft.sources and head is not None and _said_in_passing(tree, draft, head):
            # "China demanded that Washington stop the trip, warning that ...": the warning is to Washington
            draft.targets = [(a, "target:of-the-statement-it-adds-to", q) for a, _, q in head.targets]
        if not draft.targets and draft.sources and draft.code.startswith("016"):
            draft.targets = accusers(
                tree, index, drafts, draft
            )  # "..., a charge Iran denied": to the accuser
        if (newborn := new_state_recognised(tree, drafts, draft, earlier)) is not None:
            # "also extended recognition to the new state": the state whose recognition was told before
            draft.targets = [(a, "target:the-new-state-recognised-before", q) for a, _, q in newborn.targets]
        if not draft.targets and (before := recognition_referred(tree, drafts, draft, earlier)) is not None:
            # "the new cabinet withdrew that recognition": the recognition told before, of its holder
            if not draft.sources:
                draft.sources, draft.source_note = list(before.sources), "source:holder-of-the-recognition"
            draft.targets = [(a, "target:of-the-recognition-referred-to", q) for a, _, q in before.targets]
            if before.analysis.undone_by is not None and draft.i in tree.subtree(before.i):
                # "revoked the communique under which it recognised Taiwan last month, withdrawing that
                # recognition": the parser hangs the withdrawal on the recognition; it is the undoing's act
                draft.date = event_date(parsed, dates, sentence, before.analysis.undone_by)
        if not draft.targets and draft.sources:
            draft.targets = borrowed_targets(tree, drafts, draft) or shared_object(tree, drafts, draft)
        diplomatic = (draft.pattern.relation or "").startswith(DIPLOMATIC_KINDS)
        joint = (draft.reciprocal or "mutual" in draft.pattern.flags) and len(draft.sources) > 1
        # "Morocco regretted Algeria's decision to sever ties": a break is with the one reacting to it;
        # a recognition is not ("Russia's recognition of the regions was condemned by Washington")
        recognition = (draft.pattern.relation or "").startswith("recognition")
        if diplomatic and not draft.targets and not joint and draft.sources and not recognition:
            draft.targets = reacting_party(tree, index, draft)
        if draft.pattern.id.startswith("embassy.reopen"):  # a mission opened, not its work resumed
            permitting_host(tree, index, draft)
        states = {state_of(actor) for actor, _, _ in draft.sources}
        severed = (draft.relation or draft.pattern.relation) == "diplomatic_relations:severed"
        if severed and not draft.targets and not joint and len(states) > 1 and not draft.analysis.negated:
            # "Ethiopia and Eritrea broke off diplomatic relations in 1998": with each other
            draft.reciprocal = joint = True
        alone = not draft.targets and not joint
        if alone and draft.sources and (draft.relation or draft.pattern.relation) in BREAKS:
            # "Israel recalled its ambassador for consultations, hours after Sweden ...": the event, with
            # the sentence's one other party, but no relation in the ledger on that guess
            draft.targets = sole_other(tree, index, draft, drafts, relations=True)
            alone = not draft.targets
        if diplomatic and alone and draft.sources:
            # "Taiwan has ties with only 12 countries", "recalled its ambassador": a relation between
            # two states names both, or says nothing the ledger can use
            draft.suppressed = True
    for extra in [d for d in drafts.values() if d.pattern.also]:
        switched_from(index, extra, coder.matcher.by_id.get(extra.pattern.also))
    for draft in drafts.values():
        signers = signatories(tree, drafts, draft)
        if signers:
            draft.sources, draft.source_note = signers, "source:signatories"
    for draft in drafts.values():
        if restates(tree, drafts, draft) or inside_purpose(tree, coder.governors, frames, text, draft):
            draft.suppressed = True
        if result_of_force(tree, drafts, draft) or warns_again(tree, drafts, draft):
            draft.suppressed = True
        if "gerund" in draft.pattern.flags:  # "denied firing the rocket": the denial (016) says it all
            for k in tree.children(draft.i):
                if k in drafts and tree.tokens[k].tag == "VBG":
                    drafts[k].suppressed = True
    apply_frames(tree, index, coder.codebook, drafts, text)
    protested(tree, drafts)
    threatened(tree, index, drafts)
    for draft in drafts.values():
        draft.targets = (
            draft.targets
            or talks_on_a_visit(tree, drafts, draft)
            or home_target(tree, index, draft)
            or sole_other(tree, index, draft, drafts)
        )
    for draft in drafts.values():
        if _told_again(tree, drafts, draft):
            draft.suppressed = True
    for draft in drafts.values():
        bare = "bare" in draft.pattern.flags and governs_other(tree, drafts, draft.i)
        # an appeal made during a call or meeting ("called X to urge restraint") is still an event,
        # the purpose of a protest ("rallied to demand reforms") is not
        head = drafts.get(tree.tokens[draft.i].head)
        spoken = (
            draft.pattern.frame in {"request", "demand"} and head is not None and head.code.startswith("04")
        )
        background = draft.analysis.background and not spoken
        # what protesters demand is the protest's cause ("demonstrated, calling for independence")
        cause = (
            draft.pattern.frame in {"request", "demand"} and head is not None and head.code.startswith("14")
        )
        if bare or "silent" in draft.pattern.flags or background or cause or _reason_phrase(tree, draft):
            draft.suppressed = True
        if _carried_out(tree, drafts, draft):
            draft.suppressed = True
    threatened_acts(tree, drafts)
    extras = presupposed(
        tree,
        index,
        drafts,
        span,
        earlier[-1] if earlier else (),
        lambda k: event_date(parsed, dates, sentence, k),
        lambda k: analyse(tree, k, coder.governors, frames, text, question),
    )
    extras += denials(tree, index, drafts, coder.matcher.by_id.get("deny.act"))
    for draft in [*drafts.values(), *extras]:
        if draft.pattern.also and draft.pattern.also in coder.matcher.by_id:
            extra = Draft(**{**draft.__dict__, "pattern": coder.matcher.by_id[draft.pattern.also]})
            extra.code, extra.act_code, extra.statement = extra.pattern.cameo, None, None
            extra.targets = find_targets(tree, index, extra) or list(draft.switched_from)
            extras.append(extra)
    extras += [
        made for d in drafts.values() if (made := _made_before(parsed, dates, sentence, d)) is not None
    ]
    switch = coder.matcher.by_id.get("recog.switch")
    for draft in list(drafts.values()):
        favoured = favoured_instead(tree, index, draft) if switch is not None else []
        if favoured:  # "dropped Taiwan in favour of Beijing": the break, and the recognition it was for
            extra = Draft(**{**draft.__dict__, "pattern": switch})
            extra.code, extra.act_code, extra.statement, extra.targets = switch.cameo, None, None, favoured
            extras.append(extra)
    # nested acts first, so their ids exist when the events about them are built
    order = sorted([*drafts.values(), *extras], key=lambda d: depth(tree, d.i), reverse=True)
    events: list[Event] = []
    live = [d for d in order if not d.suppressed]
    for draft in live:
        nest(tree, drafts, draft, index=index)
        draft.events = _events(parsed, coder.codebook, sentence, draft)
    for draft in live:
        # an act noun beside a clause ("..., a step Israel condemned") may point at a shallower event,
        # and "the decision" or "the memorandum" at an act told before
        if draft.act is None and nest(tree, drafts, draft, earlier, index):
            draft.events = _events(parsed, coder.codebook, sentence, draft)
    for draft in live:
        if draft.about and draft.date[1] != "publication":
            # an act that a statement is about is not dated by the statement ("on Friday China backed
            # Russia's decision to recognise ..."): its own clause's date, else the publication date
            own = own_date(parsed, sentence, draft.i)
            if own != draft.date:
                draft.date = own
                draft.events = _events(parsed, coder.codebook, sentence, draft)
    seen: dict[tuple, int] = {}
    ids: dict[str, tuple[str, str | None, str, bool]] = {}
    # an act's own telling before a copy of it ("refused to recognise the council, saying it would do so
    # only once ..."): a copy that lands on the same trigger, code and parties is the same event, not a second
    for draft in sorted(live, key=lambda d: d.presupposed or d.source_note.startswith("source:ellipsis")):
        for event in draft.events:
            told = (
                event.source.text,
                event.target.text if event.target else None,
                event.modality,
                event.negated,
            )
            first = ids.get(event.id)
            if first == told:
                continue
            if first is not None:
                # two people of one state ("Kenyatta and Odinga met", both KEN that day), or an act refused
                # and then promised on a condition ("stopped short of recognising it, saying it would do so
                # once ..."): two events on one trigger, told apart by whom they name and how they are told
                event = replace(event, id=content_id(event.id, *told))
            ids[event.id] = told
            # one act told twice ("travelled to Damascus, the first leader to visit Syria") is one event
            # (keeping ties and hosting an ambassador are two acts, though both are 050)
            target = _one_party(event.target) if event.target else None
            relation = (event.relation, event.relation_subject)  # who hosts whom differs too
            if (event.relation or "").startswith("position:"):
                relation = (
                    None,
                    event.relation_subject,
                )  # a position is a reading of the act, not another act
            if any(note.startswith("statement:") for note in event.evidence.notes):
                # "is ready to recognise Israel and open relations with it once ...": one statement made,
                # of two acts (its conditions, if any, kept below)
                relation = (None, event.relation_subject)
            # a state and its government are one party ("accepted the credentials, making China the first
            # country to accept an ambassador": CHNGOV and CHN accepted one ambassador)
            key = (_one_party(event.source), target, event.cameo, relation, event.modality, event.negated)
            if key not in seen:
                seen[key] = len(events)
                events.append(event)
            elif event.relation and not events[seen[key]].relation:
                events[seen[key]] = event  # the telling that reads a position keeps it
    events.sort(key=lambda e: (e.evidence.trigger_start or 0, e.source.code))
    return events, live


def _drop_object_nouns(tree: Tree, triggers: dict[int, Pattern]) -> None:
    """Remove from ``triggers`` the noun triggers that are the object a verb trigger's pattern names.

    "extended recognition", "suspended its part in the talks": one event, on the verb.
    """
    for i, pattern in list(triggers.items()):
        if pattern.pos == "N" and pattern.objects and i in triggers:
            # "the suspension of its recognition of the Sahrawi state": one act, the suspension
            for k in tree.of_objects([i]):
                if k in triggers and triggers[k].pos == "N" and tree.lemma(k) in pattern.objects:
                    del triggers[k]
            continue
        if pattern.pos != "V" or not pattern.objects or "keepobject" in pattern.flags:
            continue
        if tree.subjects(i)[1] == "passive-without-agent":
            continue  # "UN sanctions were reimposed"
        for arg in argument_tokens(tree, i):
            for node in tree.subtree(arg, stop=CLAUSAL_DEPS):
                if node not in triggers or triggers[node].pos != "N":
                    continue
                # the object itself, or a noun its object word modifies ("began a hunger strike")
                modifiers = {tree.lemma(k) for k in tree.children(node, "compound", "amod")}
                if tree.lemma(node) in pattern.objects or modifiers & pattern.objects:
                    del triggers[node]


def _well_before(earlier: str | None, later: str | None) -> bool:
    """Whether date ``earlier`` is plainly before ``later``: at the coarser of their precisions, or by
    five days or more (a weekday read off a misattached clause is no earlier act's date)."""
    if not earlier or not later:
        return False
    if len(earlier) == len(later) == 10:
        return (datetime.date.fromisoformat(later) - datetime.date.fromisoformat(earlier)).days >= 5
    n = min(len(earlier), len(later), 7)
    return earlier[:n] < later[:n]


def _made_before(
    parsed: ParsedArticle, dates: tuple[DateRef, ...], sentence: Sentence, draft: Draft
) -> Draft | None:
    """The act an undoing ends, told as done before it: "revoked the communique under which Vohor
    established relations with Taiwan last week" (established last week, severed now). Kept when the act has
    a date of its own, or the undoing is not told done ("unless Majuro reversed its decision to recognise
    Taiwan": it recognises Taiwan); an act dated only by the story, or by the undoing's own date, would fall
    on the undoing's day."""
    before = draft.analysis.before_undoing
    if before is None or not draft.analysis.ceased:
        return None
    own = event_date(parsed, dates, sentence, draft.i)
    undone = Event.is_counted(draft.analysis.negated, draft.analysis.modality)
    if undone and (own[1] == "publication" or not _well_before(own[0], draft.date[0])):
        return None  # no date of its own ("rescinded its decision to recognise Taiwan on Thursday")
    before.notes.append("factuality:done-before-its-undoing")
    return Draft(**{**draft.__dict__, "analysis": before, "date": own, "targets": list(draft.targets)})


def _events(parsed: ParsedArticle, codebook: Codebook, sentence: Sentence, draft: Draft) -> list[Event]:
    """The events of one draft: one per source and target pair; a speech act and the act it is about."""
    if not draft.sources:
        return []
    if draft.act_code is None:
        relation = draft.relation or draft.pattern.relation
        code = draft.code
        if draft.analysis.ceased and relation in CEASING:
            # "Nauru no longer recognises Taiwan", "stopped recognising": the withdrawal, said now
            code, relation = "161", CEASING[relation]
            draft.analysis.notes.append("code:ceased-state-is-a-withdrawal")
        if draft.analysis.modality == "conditional":
            relation = "condition:conditional"
        return _draft_events(parsed, codebook, sentence, draft, code, draft.analysis, relation)
    if draft.statement == "intent" and draft.analysis.ceased and draft.pattern.relation in CEASING:
        # "the AU will cease to recognise Jammeh": an announced withdrawal, no stated intention to cooperate
        # (DESIGN: a non-cooperative decision announced is its act, intended)
        relation = CEASING[draft.pattern.relation]
        a = draft.analysis
        act = Analysis(
            negated=a.negated,
            conditions=a.conditions,
            modality="intended" if a.modality == "asserted" else a.modality,
            notes=[*a.notes, "code:ceased-state-is-a-withdrawal"],
        )
        return _draft_events(parsed, codebook, sentence, draft, "161", act, relation)
    # CAMEO codes the statement (intent 03, threat 13, refusal 12) as the event, made now; the act it
    # is about is an event of its own that did not happen, and is never counted
    a = draft.analysis
    warned = WARNED_POSSIBLE in a.notes  # "Turkey could suspend ties, Erdogan warned": the warning is made
    made = a.modality in {"asserted", "intended", "conditional"} or warned
    said = Analysis(
        modality="asserted" if made else a.modality,
        conditions=a.conditions,
        notes=[*a.notes, f"statement:{draft.statement}"],
    )
    act = Analysis(
        negated=a.negated,
        conditions=a.conditions,
        modality="intended" if a.modality == "asserted" else a.modality,
        notes=[*a.notes, f"act-of-statement:{draft.statement}"],
    )
    relation = None
    if draft.statement == "refusal" and draft.pattern.relation == "recognition:recognized":
        relation = "recognition:not_recognized"
    elif a.conditions:
        relation = "condition:conditional"  # the conditions stated, counted with the statement
    own = draft.pattern.relation
    if a.conditions and relation != "condition:conditional":
        own = "condition:conditional"  # "will not recognise X until ...": the refusal, and its conditions
    speaking = replace(draft, sources=draft.speakers) if draft.speakers else draft
    published = parsed.publication
    if published is not None and draft.date[0] and published.value and draft.date[0] > published.value:
        # "Eritrea will send an ambassador on Wednesday": the act is ahead, the statement is made now
        made_now = (published.value, "publication", published.precision, "date:publication:statement-made")
        speaking = replace(speaking, date=made_now)
    events = _draft_events(parsed, codebook, sentence, speaking, draft.code, said, relation)
    return events + _draft_events(parsed, codebook, sentence, draft, draft.act_code, act, own)


def _told_again(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> bool:
    """A conjunct that only tells more of the act before it, at a guessed place ("protesters stormed the
    Swedish embassy and set part of it on fire"): the same sources and code as the conjunct it follows,
    which names its target."""
    if not draft.targets or any(note != "target:place-of-act" for _, note, _ in draft.targets):
        return False
    token = tree.tokens[draft.i]
    told_more = token.dep == "conj" or (token.dep == "advcl" and token.tag == "VBG")  # ", setting it on fire"
    first = drafts.get(token.head) if told_more else None
    if first is None or first.suppressed or not first.targets or first.code != draft.code:
        return False
    return {a.code for a, _, _ in first.sources} == {a.code for a, _, _ in draft.sources}


# nouns of someone's act: calling one "unjustified" criticises its unnamed author
JUDGED_ACTS = {
    "decision", "move", "step", "measure", "plan", "policy", "action", "announcement", "statement",
    "remark", "comment", "law", "ruling", "verdict", "attack", "raid", "strike", "visit",
}  # fmt: skip


def _judged_act(tree: Tree, draft: Draft) -> bool:
    """Blame of an act named by a noun ("called the decision completely unjustified"): a criticism
    made, whoever's act it was, where "called the situation very bad" judges no one (and praise of an
    unnamed step is most often the speaker's of its own)."""
    return draft.pattern.id == "evaluate.blame" and any(
        tree.lemma(k) in JUDGED_ACTS for k in tree.children(draft.i, "dobj")
    )


# nouns of places that are seized as territory ("seized the capital", "captured the border town")
TERRITORY = {
    "capital", "city", "town", "village", "province", "district", "region", "territory", "enclave", "island",
    "peninsula", "area", "zone", "port", "airport", "base", "border", "crossing", "stronghold", "outpost",
    "county", "state", "heights", "valley", "oilfield", "field",
}  # fmt: skip


def _seized_place(tree: Tree, index: ActorIndex, i: int) -> bool:
    """Whether what seizure ``i`` took is a place (a named city or state, or a noun of territory), as
    CAMEO codes the taking of territory (192) apart from the seizure of property (171)."""
    for k in tree.objects(i) + [a for o in tree.objects(i) for a in tree.children(o, "appos")]:
        mention = index.mention_at(k)
        if k in index.by_token and mention is not None and mention.kind in {"place", "capital", "state"}:
            return True
        if tree.lemma(k) in TERRITORY:
            return True
        if tree.tokens[k].pos == "PROPN" and k not in index.by_token and tree.prep_objects(i, "from"):
            return True  # "recaptured Ramadi from Islamic State": a place taken back from its holder
    return False


def _among_diplomats(tree: Tree, i: int) -> bool:
    """Whether an expulsion that names no one expelled ("expelling 35", "Washington's expulsions") sits
    in a sentence that names diplomats or a mission: it is of diplomats (not "expelled 300 Georgians")."""
    objects = tree.objects(i) + tree.of_objects([i])
    if any(tree.tokens[k].tag != "CD" for k in objects):
        return False
    if any(tree.words[k] in {"his", "her"} for k in tree.children(i, "poss")):
        return False  # "the authorities who ordered his expulsion": the one expelled, not who expelled
    sentence = tree.tokens[i].sentence
    return any(t.sentence == sentence and tree.lemma(t.i) in DIPLOMATS for t in tree.tokens)


# nouns of diplomats and their missions
DIPLOMATS = {
    "diplomat", "ambassador", "envoy", "embassy", "consulate", "attache", "attaché", "chargé", "charge",
    "consul", "legation",
}  # fmt: skip


def _crowd_code(tree: Tree, pattern: Pattern, subjects: list[int]) -> str:
    """A crowd's force is protest (CAMEO 14): protesters who storm, burn or fight riot (145), those who
    occupy or blockade obstruct (144), whatever verb the act has."""
    if not pattern.cameo.startswith(FORCE_ROOTS):
        return pattern.cameo
    # "protesters stormed", "thousands of opposition supporters stormed", "Trump supporters stormed"
    people = subjects + tree.of_objects(subjects)
    if not any(tree.lemma(k) in CROWDS or tree.lemma(k) in CROWD_NOUNS for k in people):
        return pattern.cameo
    return "144" if pattern.cameo.startswith(("191", "192")) else "145"


FORCE_ROOTS = ("17", "18", "19", "20")
# crowds besides those a place's people are named by (places.CROWDS): followers and the young
CROWD_NOUNS = FOLLOWERS | {"activist", "youth", "crowd", "marcher", "striker", "mob", "throng"}


# acts that oppose the one they name without a relation hint of their own: disapproval and criticism
# (110, 111: "regretted China's decision"), accusations (112), official complaints ("summoned Algeria's
# ambassador to protest", 114), rejections of a demand, plan or decision (120, 127); threats and
# sanctions say more than a position
OPPOSING_CODES = ("110", "111", "112", "114", "120", "127")
# targets the coder guessed rather than read in the act's phrase
GUESSED_TARGETS = {"target:sole-other-party", "target:place-of-act", "target:own-state-of-body"}


def _opposing(code: str) -> bool:
    return code.startswith(OPPOSING_CODES)


# nouns of a relation between states ("relations with Ecuador", "ties with Kenya")
TIES = {"relation", "tie", "relationship"}


def _speakers_ties(tree: Tree, pattern: Pattern, i: int, conditioned: bool = False) -> bool:
    """Whether a diplomatic act's subject is "relations/ties with X" (not "between A and B"), whose
    other party is whoever tells of them; under a stated condition, also ties or a recognition that
    name no other party ("any upgrade in relations would depend on Turkey's conduct, Shoukry said")."""
    relation = pattern.relation or ""
    if not (
        relation.startswith("diplomatic_relations") or (conditioned and relation.startswith("recognition"))
    ):
        return False
    if pattern.pos == "N":
        # "normalisation of relations with Turkey would require ...", "any restoration of ties with Quito":
        # an act noun of no one's, on ties with another, that a speaker tells of
        phrase = [i, *tree.of_objects([i])]
        phrase += [
            o for p in tree.children(i, "prep") if tree.lemma(p) == "in" for o in tree.children(p, "pobj")
        ]
        preps = {tree.lemma(p) for k in phrase for p in tree.children(k, "prep")}
        return ("with" in preps or conditioned) and "between" not in preps and not tree.children(i, "poss")
    for k in tree.children(i, "nsubjpass", "nsubj"):
        preps = {tree.lemma(p) for p in tree.children(k, "prep")}
        if tree.lemma(k) in TIES and "with" in preps and "between" not in preps:
            return True
        if tree.lemma(k) in TIES and not preps and _condition_subjects(tree, i):
            return True  # "relations could be resumed only if Nauru returned to ...": with Nauru
    return False


# verbs that announce what the speaker will do ("announced that Mandela would be freed")
ANNOUNCING = {"announce", "say", "declare", "tell", "state", "pledge", "promise", "confirm", "decide"}


def _announcer(tree: Tree, i: int) -> int | None:
    """The verb announcing passive verb ``i`` as a future act with no agent ("announced that Mandela
    would be freed", "will be lifted soon, the president told a cabinet meeting")."""
    token = tree.tokens[i]
    future = {tree.words[k] for k in tree.children(i, "aux")} & {"will", "would", "shall"}
    if token.dep != "ccomp" or not future:
        return None
    head = token.head
    return head if tree.lemma(head) in ANNOUNCING and tree.subjects(head)[0] else None


def _teller(tree: Tree, i: int) -> int | None:
    """The speech verb whose complement has act noun ``i`` as its subject ("Egypt said normalisation
    would require ...")."""
    verb = tree.tokens[i].head
    if tree.tokens[i].dep not in {"nsubj", "nsubjpass"} or tree.tokens[verb].dep != "ccomp":
        return None
    teller = tree.tokens[verb].head
    return teller if tree.lemma(teller) in TELLING else None


def _ties_on_terms(draft: Draft) -> bool:
    """Whether a draft is a state's own diplomatic relations that name no other party, put under terms
    ("will not restore ties until ..."): relations are with someone, and terms are set on the other side."""
    relation = draft.relation or draft.pattern.relation or ""
    return bool(draft.sources and draft.analysis.conditions and relation.startswith("diplomatic_relations"))


def _condition_subjects(tree: Tree, i: int) -> list[int]:
    """The subjects of the conditions a verb is put under ("could be restored only if Tehran ..."), or
    for an act noun, the ones its predicate names ("any upgrade would depend on Turkey's conduct",
    "normal relations would be possible only once Rwandan troops leave")."""
    found: list[int] = []
    verbs = [i]
    if tree.tokens[i].dep in {"nsubj", "nsubjpass"}:
        head = tree.tokens[i].head
        verbs.append(head)
        for on in conditioning_clause(tree, head):  # "depend on Turkey's conduct": Turkey, its owner
            found += [k for k in tree.subtree(on) if tree.tokens[k].dep in CONDITION_PARTY_DEPS]
    for verb in verbs:
        for c in tree.children(verb, "advcl"):
            marks = {tree.lemma(m) for m in tree.children(c, "mark")}
            only = any(tree.lemma(k) == "only" for k in tree.children(c, "advmod"))
            if marks & CONDITION_MARKS or (only and marks & {"after", "when"}):  # "only after Cambodia paid"
                for s in tree.children(c, "nsubj"):
                    found += [s, *tree.children(s, "amod", "compound", "poss")]  # "Rwandan troops"
    return found


# where a party to a condition is named inside it: "Turkey's conduct", "an apology from Ecuador"
CONDITION_PARTY_DEPS = {"poss", "pobj", "nsubj", "amod", "compound"}


def _travelled_for(tree: Tree, i: int) -> bool:
    """Whether act noun ``i`` is what a journey or a gathering was for ("flew to Venezuela for talks with
    Chavez", "sat down for talks")."""
    prep = tree.tokens[i].head
    return tree.lemma(prep) == "for" and tree.lemma(tree.tokens[prep].head) in TRAVEL_VERBS | GATHERING_VERBS


def _carried_out(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> bool:
    """A verb whose object is the act it carries out ("parliament approved the recognition of
    Palestine"): the act, done by the verb's subject, is the event, not an endorsement of it."""
    return any(
        drafts[k].source_note.startswith("source:light-verb") and drafts[k].sources
        for k in tree.children(draft.i, "dobj")
        if k in drafts
    )


def _reason_phrase(tree: Tree, draft: Draft) -> bool:
    """ "recalled its ambassador in protest", "in retaliation": a bare noun after "in" gives the reason
    for the act it hangs on, and is no event of its own ("in protest at the war" neither)."""
    token = tree.tokens[draft.i]
    if draft.pattern.pos != "N" or token.dep != "pobj" or tree.lemma(token.head) != "in":
        return False
    return not tree.children(draft.i, "det", "poss", "amod", "nummod", "compound")


def _told_in_passing(tokens: tuple[Token, ...], draft: Draft, a: Analysis) -> bool:
    """A relation restored or established that is only doubted or denied, presupposed, or the topic of
    another statement ("over the Gulf state's decision to normalise ties with Israel") is told of its
    actor alone: the other side's part is not reported."""
    if not (draft.pattern.relation or "").startswith("diplomatic_relations"):
        return False
    token = tokens[draft.i]
    of_noun = token.dep == "acl" and token.tag == "VB" and tokens[token.head].pos in {"NOUN", "PROPN"}
    return a.modality != "asserted" or draft.about or draft.presupposed or of_noun


def _breakaway(target: Actor | None) -> bool:
    """Whether a target is a state's breakaway region or republic, whose recognition is not the state's."""
    return target is not None and target.role in {"separatist region", "separatist republic"}


def _side(actor: Actor) -> tuple[str, str]:
    """The side an actor stands for in a joint act between states: a state, its government and its
    unsectored or elite people are one ("North Korea" and "Paek Nam Sun", its foreign minister); other
    bodies and IGOs their own."""
    if actor.country and not actor.code.startswith("IGO") and actor.sector in (None, "", "GOV", "ELI"):
        return actor.country, ""
    return party(actor)


def _two_parties(source: Actor, target: Actor) -> bool:
    """Whether an act is between two parties, not an actor and itself."""
    if source.code != target.code:
        return True
    return len(source.code) == 3 and bool(source.name and target.name and source.name != target.name)


def _draft_events(
    parsed: ParsedArticle,
    codebook: Codebook,
    sentence: Sentence,
    draft: Draft,
    code: str,
    a: Analysis,
    relation: str | None,
) -> list[Event]:
    """One event per source and target pair of ``draft``, coded ``code`` with factuality ``a``."""
    token = parsed.tokens[draft.i]
    entry = codebook.entry(code)
    counted = Event.is_counted(a.negated, a.modality)
    # An uncounted event keeps its hint: the ledger decides what it may say (a negated
    # recognition is evidence of non-recognition; a hypothetical one says nothing).
    detail = draft.detail
    if a.conditions:
        detail = "conditions: " + "; ".join(a.conditions)
    pairs: list[tuple[ActorRef, ActorRef | None]] = []
    if draft.targets:
        pairs = [(s, t) for s in draft.sources for t in draft.targets if _two_parties(s[0], t[0])]
    elif ("mutual" in draft.pattern.flags or draft.reciprocal) and len(draft.sources) > 1 and not draft.sided:
        # "their foreign ministers, Siazon and Paek, signed": between states, each state with the other once,
        # never a state with its own minister; "Mugabe and Tsvangirai met": two people of one state
        states = {s[0].country for s in draft.sources if s[0].country}
        across = len(states) > 1
        joined: dict[tuple[tuple[str, str], tuple[str, str]], tuple[ActorRef, ActorRef]] = {}
        for s in draft.sources:
            for t in draft.sources:
                if s is t or not _two_parties(s[0], t[0]) or (across and s[0].country == t[0].country):
                    continue
                key = (_side(s[0]), _side(t[0])) if across else (party(s[0]), party(t[0]))
                joined.setdefault(key, (s, t))
        pairs = list(joined.values())
    if not pairs:
        pairs = [(s, None) for s in draft.sources]
    coded: list[tuple[ActorRef, ActorRef | None, str, str | None]] = [(s, t, code, None) for s, t in pairs]
    converse = draft.pattern.converse
    # the other side of an interaction that happened (or is denied or doubted); one side's plan or
    # request is that side's alone
    one_sided = a.modality in {"intended", "requested", "conditional"}
    passing = _told_in_passing(parsed.tokens, draft, a)
    if converse and code == draft.pattern.cameo and not one_sided and not passing:
        # a meeting or talks with someone is theirs too; a visit is hosted by the one visited
        known = {(party(s[0]), party(t[0])) for s, t in pairs if t}
        coded += [
            (t, s, converse, f"converse-of:{code}")
            for s, t in pairs
            if t and t[0].sector != "CVL" and (party(t[0]), party(s[0])) not in known
        ]
    text = parsed.article.text
    day, basis, precision, date_note = draft.date
    quotes = {q.id: q for q in parsed.quotes}
    quote = next((q.id for q in parsed.quotes if q.start <= token.start < q.end), None)
    events = []
    for source, target, pair_code, converse_note in coded:
        target_actor = target[0] if target else None
        notes = [draft.source_note, source[1], *(a.notes), date_note]
        before = told_before(parsed.tokens, draft.i)
        if (basis == "publication" and past_perfect(parsed.tokens, draft.i)) or before:
            # "which had recognised Kosovo", "five months after severing them": before the story's act
            notes.append(PAST_PERFECT)
        if target:
            notes.insert(2, target[1])
        if converse_note:
            notes.append(converse_note)
        entry = codebook.entry(pair_code)
        pair_relation = relation
        if relation and target and target[1] in {"target:sole-other-party", "target:permitted"}:
            # a guessed party, or a mission let open (its opening is the state's report): the act is
            # coded, the ledger takes no relation on it
            pair_relation = None
            notes.append("relation:none:party-guessed")
        if relation and target and target[1] == "target:favoured-instead":
            # "cut ties with Taiwan in favour of Beijing": CAMEO codes the switch, but the story does not say
            # the recognition was given; the ledger waits until one is told
            pair_relation = None
            notes.append("relation:none:switch-inferred")
        if (
            relation is None
            and counted
            and target
            and _opposing(pair_code)
            and draft.pattern.frame is None  # a rejection or a charge, not a refusal to act
            and draft.statement is None
            and target[1] not in GUESSED_TARGETS
        ):
            # "accused Stockholm of harbouring militants", "rejected Spain's turnaround": a position
            # against the one named, as a condemnation is (never on a guessed party)
            pair_relation = "position:opposes"
        if relation and relation.startswith("recognition") and _breakaway(target_actor):
            # "recognised two separatist regions of Georgia as independent states": not Georgia
            pair_relation = None
            notes.append("relation:none:breakaway-entity-is-not-its-state")
        event = Event(
            id=_event_id(parsed, sentence, token.start, pair_code, source[0], target_actor),
            article_id=parsed.article.id,
            sentence=sentence.index,
            source=source[0],
            target=target_actor,
            cameo=entry.code,
            cameo_name=entry.name,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=_plover(entry.plover, draft.pattern, pair_code),
            negated=a.negated,
            modality=a.modality,
            counted=counted,
            date=day,
            date_basis=basis,
            date_precision=precision,
            evidence=Evidence(
                start=sentence.start,
                end=sentence.end,
                text=text[sentence.start : sentence.end],
                trigger=token.text,
                rule=draft.pattern.id,
                trigger_start=token.start,
                trigger_end=token.end,
                notes=tuple(notes),
            ),
            quote_id=(quote_id := source[2] or (target[2] if target else None) or quote),
            speaker=quotes[quote_id].speaker if quote_id in quotes else None,
            detail=detail,
            relation=pair_relation,
            relation_subject="target" if pair_relation and "targethosts" in draft.pattern.flags else "source",
            act=draft.act,
        )
        events.append(event)
    return events


def _event_id(
    parsed: ParsedArticle, sentence: Sentence, start: int, code: str, source: Actor, target: Actor | None
) -> str:
    target_code = target.code if target else None
    return content_id(parsed.article.id, sentence.index, start, code, source.code, target_code)


def _one_party(actor: Actor) -> tuple[str, str]:
    """A state and its government as one party; other sectors, IGOs and people of one state apart."""
    if actor.country and actor.sector == "GOV":
        return actor.country, ""
    return party(actor)


def _plover(crosswalk: Plover, pattern: Pattern, code: str) -> Plover:
    """The crosswalk's PLOVER coding, unless the pattern names the one PLOVER gives its act."""
    if pattern.plover is None or code != pattern.cameo:
        return crosswalk
    event, mode = pattern.plover
    return replace(crosswalk, event=event, mode=mode)


# roots of statements: said, asked, demanded, blamed, refused, warned
STATEMENT_ROOTS = ("01", "02", "10", "11", "12", "13")


def _said_in_passing(tree: Tree, draft: Draft, head: Draft) -> bool:
    """Whether ``draft`` is a statement set after another's by a participle ("..., warning that ...",
    "..., adding that ...") of the same speakers: it is addressed to whom the first was."""
    token = tree.tokens[draft.i]
    verbal = draft.code.startswith(STATEMENT_ROOTS)
    speakers = {a.code for a, _, _ in draft.sources} == {a.code for a, _, _ in head.sources}
    told = bool(head.targets) and not head.analysis.negated  # "did not condemn X, urging all sides": not to X
    # "defended Qatar against the isolation ..., calling the measures inhumane": what one calls something
    # is aimed at what its object names, not at whom the first statement was
    judging = "predicative" in draft.pattern.flags
    return token.dep == "advcl" and token.tag == "VBG" and verbal and speakers and told and not judging
