"""Drafts: one trigger's clause before it becomes events, with its sources and targets."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chancery.clauses import ancestors
from chancery.coding.arguments import ACT_NOUNS, ENVOY_NOUNS, RULERS, ActorIndex, state_of
from chancery.coding.modality import IMPLICATION_VERBS, REACTING, WELCOMING, Analysis
from chancery.coding.patterns import Pattern
from chancery.coding.places import UNNAMED_MEMBERS, civilian_target, located_in
from chancery.coding.structure import ARGUMENT_PREPS, CIRCUMSTANCE_NOUNS, CLAUSAL_DEPS, PHASE_NOUNS, Tree
from chancery.records import Actor, Event

ActorRef = tuple[Actor, str, str | None]
# roots whose act is done to the place it is done in (or withdrawn from), when no one else is named
MISSION_NOUNS = {"embassy", "consulate", "mission", "legation"}
# verbs of doing what another did first ("followed Russia in recognising", "joining Spain and Ireland")
FOLLOWING = {"follow", "join", "emulate", "copy", "mirror", "echo"}
PLACED_ROOTS = ("07", "0873", "0874", "09", "14", "15", "16", "17", "18", "19", "20")
# relation kinds between two states: a recall or a break is from a state, never "in" a place
DIPLOMATIC_KINDS = ("representation", "diplomatic_relations", "recognition")
# verbs whose object is the one charged
CHARGING = {"accuse", "charge", "blame", "indict"}


# nouns for unnamed civilians, who are the civilian population of a place or state
@dataclass
class Draft:
    """One trigger's clause before it becomes events: pattern, arguments and modality."""

    i: int
    pattern: Pattern
    analysis: Analysis
    sources: list[ActorRef]
    source_note: str
    date: tuple[str | None, str, str, str]
    code: str = ""
    targets: list[ActorRef] = field(default_factory=list)
    relation: str | None = None
    detail: str | None = None
    act: str | None = None
    reciprocal: bool = (
        False  # coordinated sources acting on one another ("pledged to reopen their embassies")
    )
    sided: bool = (
        False  # coordinated sources act side by side on one named but unknown ("clashed with the bloc")
    )
    presupposed: bool = False  # copied from another's act by a presupposition ("the second to do so after X")
    about: bool = False  # another event is about this one ("welcomed Russia's decision to recognise ...")
    # a speech act recoded from the act it is about ("Cairo will raise its envoy": 032 about 050): that
    # act's code, and what the statement is (intent, threat or refusal); both become events
    act_code: str | None = None
    statement: str | None = None
    switched_from: list[ActorRef] = field(default_factory=list)  # "switched recognition to Beijing"
    # the sources who make the statement about the act, when only some of them speak ("the kingdom, the
    # UAE and Bahrain would restore ties, the Saudi minister said": the kingdom); empty: all of them
    speakers: list[ActorRef] = field(default_factory=list)
    suppressed: bool = False
    events: list[Event] = field(default_factory=list)


def elliptical_sources(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """Subjects of an elliptical "as did X" clause share the event ("Portugal recognised, as did Spain")."""
    found = []
    for clause in tree.children(draft.i, "advcl"):
        if tree.lemma(clause) == "do" and any(tree.lemma(k) == "as" for k in tree.children(clause, "mark")):
            subjects = [s for k in tree.children(clause, "nsubj") for s in tree.with_conjuncts(k)]
            known = {s[0].code for s in draft.sources}
            found.extend(a for a in index.resolve(subjects, draft.date[0]) if a[0].code not in known)
    return found


def governs_other(tree: Tree, drafts: dict[int, Draft], i: int) -> bool:
    """Whether another trigger sits in the clause or prepositional complement of token ``i``."""
    clauses = [k for k in tree.children(i, "xcomp", "ccomp", "prep")]
    coded = [d for d in drafts.values() if d.i != i and not d.analysis.background]  # purposes do not count
    return any(any(d.i in tree.subtree(c) for c in clauses) for d in coded)


def envoy_posts(tree: Tree, i: int) -> list[int]:
    """The envoy nouns that say who acts in clause ``i`` and where they serve: its subject and the subject's
    appositions ("Gil Artzyeli, Israel's ambassador to Chile, presented ..."), the role it acts in ("presented
    his credentials as Israel's ambassador to Chile") and what it became by the act ("..., becoming the first
    US ambassador to Myanmar in 22 years")."""
    nouns = [a for s in tree.subjects(i)[0] for a in (s, *tree.children(s, "appos"))]
    # "the credentials of Mohamed Al Khaja, the UAE's ambassador to Israel, were presented": whose they are
    held = [
        o
        for c in tree.children(i, "nsubjpass")
        for o in tree.prep_objects(c, "of") + tree.children(c, "poss")
    ]
    nouns += [a for o in held for a in (o, *tree.children(o, "appos"))]
    nouns += tree.prep_objects(i, "as")
    nouns += [
        a
        for k in tree.children(i, "advcl", "xcomp")
        if tree.lemma(k) == "become"
        for a in tree.children(k, "attr")
    ]
    return [k for k in nouns if tree.lemma(k) in ENVOY_NOUNS]


def envoy_owners(tree: Tree, i: int) -> list[int]:
    """Whose envoy the actor of clause ``i`` is, by the envoy nouns that describe it: "Israel's", "US"."""
    posts = [k for k in envoy_posts(tree, i) if k not in tree.subjects(i)[0] or tree.is_passive(i)]
    return [m for k in posts for m in tree.children(k, "poss", "compound", "amod", "nmod") if m < k]


def argument_tokens(tree: Tree, i: int) -> list[int]:
    """Objects, datives, prepositional objects and complement subjects of trigger ``i``."""
    found = tree.objects(i) + tree.datives(i)
    for clause in tree.children(i, "ccomp", "xcomp"):
        found.extend(tree.children(clause, "nsubj"))
    for prep in tree.children(i, "prep", "agent"):
        if tree.in_circumstance(i, prep):
            continue  # not "in solidarity with Riyadh"
        circumstance = tree.lemma(prep) == "in"
        found.extend(
            k
            for k in tree.children(prep, "pobj")
            if not (circumstance and tree.lemma(k) in CIRCUMSTANCE_NOUNS)
        )
    return found


# what a state declares of itself, whose recognition is the declarer's ("recognised the declaration of
# independence by ...")
DECLARATION_NOUNS = {
    "declaration", "act", "proclamation", "independence", "secession", "statehood", "sovereignty",
}  # fmt: skip


# prepositions of a place or a post that the parser may hang on a verb's object noun instead of the verb
OBJECT_NOUN_PREPS = {"from", "in", "to"}
# an envoy's post, which a return or a resumption is to, and which is "in" its host
POST_NOUNS = {"post", "posting", "duty", "function"}


def subject_phrase_objects(tree: Tree, draft: Draft, preposition: str) -> list[int]:
    """The objects of ``preposition`` in the subject of a mutual act whose subject is its object noun
    ("relations with Madrid would not normalise", "relations between Cuba and the United States resumed")."""
    if not {"subjobject", "mutual"} <= draft.pattern.flags:
        return []
    nouns = [k for k in tree.children(draft.i, "nsubj") if tree.lemma(k) in draft.pattern.objects]
    return [o for k in nouns for o in tree.prep_objects(k, preposition)]


def find_targets(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """The target actors, from the pattern's roles in order (the first role that names one wins)."""
    i = draft.i
    day = draft.date[0]
    source_codes = {s[0].code for s in draft.sources}
    for role in draft.pattern.targets:
        if role == "dobj":
            tokens = tree.objects(i)
            pronouns = tokens and all(tree.tokens[k].pos == "PRON" and not index.is_actor(k) for k in tokens)
            if pronouns and tree.tokens[i].dep == "advcl":
                # "expelled 18 Russian diplomats, accusing them of spying": them = the diplomats
                tokens = tree.objects(tree.tokens[i].head)
        elif role == "iobj":
            tokens = tree.datives(i)
        elif role.startswith("prep:"):
            tokens = tree.prep_objects(i, role[5:]) or subject_phrase_objects(tree, draft, role[5:])
            # "returned to his post in Cairo": where the post is
            tokens = [
                p
                for k in tokens
                for p in (tree.prep_objects(k, "in") if tree.lemma(k) in POST_NOUNS else [k])
            ]
            if not tokens and draft.pattern.objects and role[5:] in OBJECT_NOUN_PREPS:
                # "recalled Haiti's ambassador from Kingston", the place hung on the object the pattern names
                named = [k for k in tree.objects(i) if tree.lemma(k) in draft.pattern.objects]
                tokens = [o for k in named for o in tree.prep_objects(k, role[5:])]
            if role == "prep:into" and draft.pattern.converse:
                # "flew into Pyongyang", not "into exile in Nigeria", "into a safe haven"
                tokens = [k for k in tokens if k in index.by_token]
        elif role == "poss":
            tokens = tree.children(i, "poss")
        elif role == "agent":  # "was disappointed by the Solomons' decision": what did it
            tokens = tree.agent(i)
        elif role == "clauseobj":  # "told Zelensky in a phone call", "told Putin by telephone": the one told
            prep = tree.tokens[i].head
            verb = tree.tokens[prep].head if tree.tokens[i].dep == "pobj" else i
            hearers = tree.objects(verb) + tree.datives(verb) if verb != i else []
            tokens = [k for k in hearers if index.is_actor(k)] if len(tree.subjects(verb)[0]) < 2 else []
        elif role == "objclause":  # "withdrew the recognition it had extended to Taipei": told in its clause
            clauses = [c for o in tree.objects(i) for c in tree.children(o, "relcl", "acl")]
            tokens = [k for c in clauses for k in tree.datives(c) + tree.prep_objects(c, "to")]
        elif role == "modified":  # "a US-brokered ceasefire between Israel and Hezbollah": its parties
            noun = tree.tokens[i].head if tree.tokens[i].dep == "amod" else i
            tokens = tree.prep_objects(noun, "between")
            if not tokens and tree.tokens[noun].dep in {"dobj", "obj"}:
                tokens = tree.subjects(tree.tokens[noun].head)[0]  # "A and B signed an EU-brokered deal"
        elif role == "charged":  # "filed a case at the court accusing Israel of genocide": the accused
            hosts = [
                i,
                *tree.objects(i),
                *(o for p in tree.children(i, "prep") for o in tree.children(p, "pobj")),
            ]
            clauses = [
                k for h in hosts for k in tree.children(h, "advcl", "acl") if tree.lemma(k) in CHARGING
            ]
            tokens = [o for k in clauses for o in tree.objects(k)]
        elif role == "attended":  # "hosted a summit ... attended by X": the guests
            hosts = [i, *tree.objects(i)]
            clauses = [
                k for h in hosts for k in tree.children(h, "advcl", "acl") if tree.lemma(k) == "attend"
            ]
            tokens = [a for k in clauses for a in tree.agent(k)]
        elif role == "as":
            # "recognised the coalition as the legitimate representative of the Syrian people", "recognises
            # the Government of National Accord as Libya's government": the state the description names
            described = tree.prep_objects(i, "as")
            tokens = described + [o for k in described for o in tree.prep_objects(k, "of")]
        elif role == "post":
            # "presented his credentials to President Boric, becoming Israel's ambassador to Chile": when
            # the one received is no known actor, the state the envoy is posted to
            tokens = [o for k in envoy_posts(tree, i) for o in tree.prep_objects(k, "to")]
        elif role == "claimant":  # "recognised Moroccan sovereignty over X", "its claim to X": the claimant
            held = tree.objects(i) if draft.pattern.pos == "V" else tree.of_objects([i])
            claims = [k for k in held if tree.lemma(k) in draft.pattern.objects]
            tokens = [m for k in claims for m in tree.children(k, "poss", "amod", "compound")]
        elif role == "within":
            # whose the object is, the first state named inside it: "will not recognise the result of any
            # election organised by the de facto government in Honduras" (an object the pattern names),
            # "recognised the declaration of independence proclaimed by Kosovo's assembly" (a declaration)
            nouns = draft.pattern.objects or DECLARATION_NOUNS
            held = [k for k in tree.objects(i) if tree.lemma(k) in nouns]
            tokens = [k for o in held for k in tree.subtree(o) if k != o]
        elif role == "content":  # "Congo's accusation that its troops ...": the accused
            tokens = [s for k in tree.children(i, "acl", "ccomp") for s in tree.children(k, "nsubj")]
        elif role == "obj" and "mutual" in draft.pattern.flags and len(draft.sources) > 1:
            # "South Korea and Cuba established relations, a blow to North Korea": two coordinated
            # parties act on each other, never on an actor named elsewhere in the clause
            tokens = []
        elif role == "obj":
            # the first argument that names an actor: "expelled Iranian diplomats in response to ..."
            for token in argument_tokens(tree, i):
                head = tree.tokens[token].head
                if tree.tokens[head].pos == "ADP" and tree.lemma(head) not in ARGUMENT_PREPS - {"by"}:
                    continue
                phrase = tree.with_conjuncts(token)
                # "the ambassadors of Montenegro and Macedonia": each state the phrase's "of" names
                phrase += [c for k in phrase for c in tree.named_after(k, {"of", "from", "in", "to"})]
                actors = others(index, draft, phrase, "target:obj")
                if actors:
                    return actors
            tokens = []
        else:
            tokens = []
        actors = others(index, draft, tokens, f"target:{role}")
        if actors:
            return actors
    if "parties" in draft.pattern.flags:
        return parties(tree, index, draft)
    missions = [k for k in tree.subjects(i)[0] if tree.lemma(k) in MISSION_NOUNS]
    posted = [o for k in missions for c in tree.with_conjuncts(k) for o in tree.prep_objects(c, "in")]
    if posted and draft.pattern.cameo.startswith(("05", "16")):
        # "Qatar's embassy in Abu Dhabi resumed work": the mission's host
        actors = others(index, draft, posted, "target:host-of-mission")
        if actors:
            return actors
    there = [k for k in tree.children(i, "advmod") if tree.words[k] == "there"]
    if there and any(r.startswith("prep:in") or r == "obj" for r in draft.pattern.targets):
        # "restore relations with Havana and open an embassy there": the place or state named before
        before = [m for m in index.mentions if m.sentence == tree.tokens[i].sentence and m.last <= there[0]]
        for mention in reversed(before):
            actor = mention.actor_on(day)
            if actor.country and not same_actor(actor.code, source_codes):
                state = Actor(text=actor.text, code=actor.country, country=actor.country)
                return [(state, "target:there", None)]
    civilians = civilian_target(tree, index, draft)
    if civilians:
        return civilians
    done = draft.analysis.governed_by is None and not draft.analysis.intent  # not threatened or planned
    if draft.pattern.cameo.startswith("20") and draft.sources and done:
        # mass violence is done to civilians: those of the place named, else of the acting state
        country = located_in(tree, index, draft.i) or draft.sources[0][0].country
        if country:
            actor = Actor(text=country, code=country + "CVL", country=country, sector="CVL")
            return [(actor, "target:civilians-of-mass-violence", None)]
    diplomatic = (draft.pattern.relation or "").startswith(DIPLOMATIC_KINDS)
    if draft.pattern.cameo.startswith(PLACED_ROOTS) and not diplomatic:
        # aid, cuts, coercion and force done in a place are done to it ("reimposed blockades in the
        # West Bank", "suspended aid deliveries in Baghdad")
        country = located_in(tree, index, draft.i)
        if country and not same_actor(country, source_codes):
            return [(Actor(text=country, code=country, country=country), "target:place-of-act", None)]
    denial = draft.pattern.cameo.startswith("016")  # "denies arming the M23": aimed at an accuser, if any
    if draft.pattern.pos == "V" and draft.pattern.frame not in {"request", "demand"} and not denial:
        # "offered to hand over to Great Britain two nationals": the target sits in the complement
        # (not for appeals: "did not call on members to cut ties with Israel" asks the members);
        # "refused to let Germany re-export ...": an infinitive the parser hangs as an adverbial
        infinitives = [k for k in tree.children(i, "advcl") if "to" in tree.aux_words(k)]
        complements = tree.children(i, "xcomp", "ccomp") + infinitives
        for clause in complements:
            if tree.lemma(clause) in FOLLOWING:
                # "declined to follow Washington in recognising Guaido": the one followed is no target;
                # the act declined is the one after "in"
                acts = [c for p in tree.children(clause, "prep") for c in tree.children(p, "pcomp")]
                if not acts:
                    continue
                clause = acts[0]
            for token in argument_tokens(tree, clause):
                together = tree.with_conjuncts(token)  # "to deliver blows to the US and Israel"
                actors = others(index, draft, together, "target:complement-argument")
                if actors:
                    return actors
    return told(tree, index, draft)


# verbs of telling whose addressee an intention or undertaking is made to ("told the UN it would ...")
TELLING = {"tell", "inform", "assure", "notify", "promise", "pledge", "write", "signal"}


def told(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """An act said to someone, with no target of its own, is done toward the one told: "Baghdad told
    the United Nations it would allow inspectors to return" (Iraq → UN)."""
    node = draft.i
    for _ in range(2):
        token = tree.tokens[node]
        if token.dep != "ccomp" or token.head == node:
            return []
        node = token.head
        if tree.lemma(node) in TELLING:
            addressees = tree.children(node, "dobj", "dative")
            rule = "target:addressee-of-" + tree.lemma(node)
            return others(index, draft, addressees, rule, as_target=False)
    return []


def own_envoys(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether the envoys a state orders out are its own ("ordered its ambassadors home", "the
    country's envoys", "Israel's ambassador"): a recall, not an expulsion."""
    source_codes = {s[0].code for s in draft.sources}
    for envoy in tree.objects(draft.i):
        for owner in tree.children(envoy, "poss"):
            # "cut ties with Qatar, ordering its ambassador to leave": Qatar's (not "its own ambassador")
            own = "own" in {tree.lemma(k) for k in tree.children(envoy, "amod")}
            if tree.words[owner] in {"its", "their"} and _other_state_before(index, draft, owner) and not own:
                return False
            if tree.words[owner] in {"its", "their", "our"}:
                return True
            if tree.lemma(owner) in {"country", "nation", "government"}:
                return True  # "the country's ambassadors": the actor's own
            actors = index.resolve([owner], draft.date[0])
            if actors and all(same_actor(a[0].code, source_codes) for a in actors):
                return True
    return False


def _other_state_before(index: ActorIndex, draft: Draft, i: int) -> bool:
    """Whether a state other than the draft's sources is named in the sentence before token ``i``: an "its"
    after it may be that state's."""
    own = {s[0].country for s in draft.sources}
    sentence = index.tree.tokens[i].sentence
    return any(
        m.sentence == sentence
        and m.last <= i
        and m.kind not in {"person", "pronoun", "place", "role"}
        and m.actor.country
        and m.actor.country not in own
        for m in index.mentions
    )


def thanked_for(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """ "Kyiv thanked Ankara for its support": the support (Ankara's) goes to the one who thanks."""
    token = tree.tokens[draft.i]
    if draft.pattern.pos != "N" or token.dep != "pobj" or tree.lemma(token.head) != "for":
        return []
    if not any(tree.tokens[k].tag == "PRP$" for k in tree.children(draft.i, "poss")):
        return []
    verb = tree.tokens[token.head].head
    if not tree.children(verb, "dobj"):
        return []
    return others(index, draft, tree.subjects(verb)[0], "target:thanker", as_target=False)


# verbs by which the one addressed answers an appeal, offer, demand, threat or charge made to it
# ("Beijing rejected Australia's call for an inquiry", "the Taliban spurned US demands")
ANSWERING = {
    "reject", "dismiss", "accept", "heed", "answer", "ignore", "defy", "spurn", "rebuff", "refuse",
    "decline", "deny", "welcome", "consider", "study", "weigh", "respond", "agree", "comply", "resist",
    "brush", "shrug", "snub", "turn",
}  # fmt: skip
# roots whose act is addressed to someone: appeals, offers and intents, demands, charges, threats
ADDRESSED_ROOTS = ("02", "03", "10", "11", "13")


def answered_by(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """An appeal, offer or demand named as the thing another actor answers is addressed to that actor:
    "Beijing rejected Australia's call" (Australia → China), "agreed to Cairo's proposal"."""
    token = tree.tokens[draft.i]
    if draft.pattern.pos != "N" or not draft.pattern.cameo.startswith(ADDRESSED_ROOTS):
        return []
    verb = token.head
    if token.dep == "pobj" and tree.tokens[verb].dep == "prep":  # "responded to", "complied with"
        verb = tree.tokens[verb].head
    elif token.dep not in {"dobj", "nsubjpass"}:
        return []
    if tree.lemma(verb) not in ANSWERING:
        return []
    return others(index, draft, tree.subjects(verb)[0], "target:answerer", as_target=False)


# unowned nouns for a state's rulers, which a recognition or relation may be about ("the military
# authorities", "the new government", "the junta")
# unowned nouns for a seizure of power, which others back or condemn ("condemned the coup")
COUP_NOUNS = {"coup", "putsch", "overthrow", "takeover", "mutiny"}


# mentions that name a state a story may be about: its name, its capital, its places
STORY_KINDS = {"state", "capital", "place"}


def story_government(tree: Tree, index: ActorIndex, draft: Draft, home: str | None) -> list[ActorRef]:
    """ "NIAMEY - ... France did not recognise the military authorities": unnamed rulers a recognition
    is about are those of the state the story is told from, when the one recognising is another; so is
    an unowned coup that another backs or condemns ("ECOWAS condemned the overthrow": its plotters)."""
    recognition = (draft.pattern.relation or "").startswith("recognition")
    position = draft.pattern.cameo[:2] in {"05", "11", "12"} and (
        draft.pattern.relation or "position"
    ).startswith("position")
    if not home or not (recognition or position):
        return []
    nouns = RULERS if recognition else COUP_NOUNS
    objects = [k for k in tree.objects(draft.i) if tree.lemma(k) in nouns and not index.is_actor(k)]
    if not objects or tree.children(objects[0], "poss"):
        return []
    own = {a.country for a, _, _ in draft.sources}
    if home in own:
        return []  # "MOSCOW - Russia recognised the new authorities": whose, the words do not say
    # "ABUJA - ... the officers who seized power in Niger ... France does not recognise the authorities":
    # the state the story has named most, when that is not the dateline's, is the one it is about
    named = Counter(
        m.actor.country
        for m in index.mentions
        if m.head < draft.i and m.kind in STORY_KINDS and m.actor.country and m.actor.country not in own
    )
    subject = max(named, key=lambda c: (named[c], c == home), default=home)
    state = subject if named[subject] > named[home] else home
    text = tree.tokens[objects[0]].text
    sector = "GOV" if recognition else "MIL"
    return [
        (Actor(text=text, code=state + sector, country=state, sector=sector), "target:rulers-of-story", None)
    ]


def phrase_actors(tree: Tree, index: ActorIndex, i: int, day: str | None, preps: list[str]) -> list[ActorRef]:
    """The actors and places named anywhere in trigger ``i``'s phrases of ``preps`` ("to the foreign
    ministry in Jerusalem", "to the Yasukuni shrine in Tokyo")."""
    tokens = [k for prep in preps for o in tree.prep_objects(i, prep) for k in tree.subtree(o)]
    return index.resolve(tokens, day, as_target=True)


def visit_at_home(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether a visit's own "to" phrase names only places in the visitor's own state."""
    own = {actor.country for actor, _, _ in draft.sources}
    places = phrase_actors(tree, index, draft.i, draft.date[0], ["to"])
    return bool(places) and all(actor.country in own for actor, _, _ in places)


def parties(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """The subjects of the clause a mediation or visit sits in ("a deal brokered by China"), and the
    one they act with ("restored relations with Kenya following mediation by Qatar"). Not for a visit
    whose own phrase says where it went ("denounced Koizumi's visit to the Yasukuni shrine": a shrine at
    home, not a visit to those who denounce it)."""
    preps = [role[5:] for role in draft.pattern.targets if role.startswith("prep:")]
    if phrase_actors(tree, index, draft.i, draft.date[0], preps):
        return []
    node = draft.i
    for _ in range(4):
        token = tree.tokens[node]
        if token.head == node:
            return []
        node = token.head
        if tree.tokens[node].pos in {"VERB", "AUX"}:
            subjects = tree.subjects(node)[0] + tree.prep_objects(node, "with")
            rule = "target:parties-of-clause"
            return others(index, draft, subjects, rule, as_target=False)
    return []


def others(
    index: ActorIndex, draft: Draft, tokens: list[int], rule: str, as_target: bool = True
) -> list[ActorRef]:
    """The actors ``tokens`` name other than the draft's sources, each noted with ``rule``."""
    source_codes = {s[0].code for s in draft.sources}
    found = index.resolve(tokens, draft.date[0], as_target=as_target)
    # a person of the source's own state out of office ("opposition leader Raila Odinga", KEN) is someone
    # else than its government (KENGOV); a bare state name is the government again
    return [
        (a, rule, q)
        for a, note, q in found
        if not same_actor(a.code, source_codes)
        or (note.startswith("actor:person") and _someone_else(a, draft))
    ]


def _someone_else(person: Actor, draft: Draft) -> bool:
    """Whether a person of the sources' own state is another actor than they: anyone but the state itself
    by name ("Kenyatta and opposition leader Raila Odinga met", "Ukrainians protested against Prime Minister
    Yanukovych", "the ombudsman accused President Zuma"); not "Pakistan will upgrade its envoy, Dar said"."""
    if person.code in {a.code for a, _, _ in draft.sources}:
        return False
    return not any(note.startswith(STATE_ITSELF) and "+" not in note for _, note, _ in draft.sources)


# how a source names the state itself, not one of its people or bodies
STATE_ITSELF = (
    "actor:state-name", "actor:capital", "actor:seat", "actor:description", "actor:described-state",
    "actor:owned-state",
)  # fmt: skip


def same_actor(code: str, others: set[str]) -> bool:
    """A target naming the source again ("Syria" for "Syria's government") is no target."""
    for other in others:
        if code == other or (code[:3] == other[:3] and min(len(code), len(other)) == 3):
            return not code.startswith("IGO")
    return False


def depth(tree: Tree, i: int) -> int:
    """How many heads lie between token ``i`` and its sentence root."""
    depth = 0
    while tree.tokens[i].head != i and depth < 100:
        i = tree.tokens[i].head
        depth += 1
    return depth


def _implying(tree: Tree, i: int) -> int | None:
    """The predicate an act noun is the complement of when it says what another act means or counts
    as ("the visit did not amount to recognition", "should be seen as recognition"), else None."""
    token = tree.tokens[i]
    while token.dep == "conj" and token.head != i:  # "a legitimisation or recognition of the Taliban"
        i, token = token.head, tree.tokens[token.head]
    if token.dep == "dobj" and tree.lemma(token.head) in IMPLICATION_VERBS:
        return token.head  # "the step did not imply recognition"
    if token.dep != "pobj":
        return None
    prep = token.head
    holder = tree.tokens[prep].head
    if tree.lemma(prep) == "of" and tree.lemma(holder) == "short" and tree.tokens[holder].head != holder:
        return tree.tokens[holder].head  # "the move stops (falls) short of formal recognition"
    if tree.tokens[prep].dep != "prep" or tree.lemma(holder) not in IMPLICATION_VERBS:
        return None
    return holder


# verbs that report a speaker's own account of what their act was or was not
SAYING = {"say", "stress", "insist", "emphasise", "emphasize", "underline", "clarify", "add", "note", "state"}


def implied_agent(tree: Tree, i: int) -> tuple[list[int], str]:
    """The agent of such an act noun: the predicate's own "by" phrase, else its subject's agent."""
    holder = _implying(tree, i)
    if holder is None:
        return [], "nominal-without-agent"
    by = [
        o
        for p in tree.children(holder, "prep", "agent")
        if tree.lemma(p) == "by"
        for o in tree.children(p, "pobj")
    ]
    if by:
        return by, "implied:by-agent-of-" + tree.lemma(holder)
    for subject in tree.children(holder, "nsubj", "nsubjpass"):
        if tree.tokens[subject].tag in {"WDT", "WP"} and tree.tokens[holder].dep == "relcl":
            subject = tree.tokens[holder].head  # "..., a move that stops short of recognition"
        agents, _ = tree.noun_agent(subject, modifiers=False)
        if agents:
            return agents, "implied:agent-of-subject-of-" + tree.lemma(holder)
        if tree.tokens[subject].dep in {"appos", "npadvmod"} and tree.lemma(subject) in ACT_NOUNS:
            # "India upgraded its mission, a move that ...": the act the noun sums up is the clause's
            verb = subject
            while tree.tokens[verb].pos not in {"VERB", "AUX"} and tree.tokens[verb].head != verb:
                verb = tree.tokens[verb].head
            agents = tree.subjects(verb)[0] if verb != subject else []
            if agents:
                return agents, "implied:subject-of-act-summed-up"
    # "Oslo stressed that the meetings did not amount to recognition": whose meetings the speaker
    # says they were not, the speaker's own
    node = holder
    for _ in range(3):
        token = tree.tokens[node]
        if token.dep != "ccomp" or token.head == node:
            break
        node = token.head
        if tree.lemma(node) in SAYING:
            speakers = tree.subjects(node)[0]
            if speakers:
                return speakers, "implied:speaker-of-" + tree.lemma(holder)
    return [], "nominal-without-agent"


def implied_targets(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """The target of such an act: the other actor named in the subject's phrase ("China's acceptance
    of the credentials of a Taliban-appointed envoy does not amount to recognition")."""
    holder = _implying(tree, draft.i)
    if holder is None:
        return []
    source_codes = {s[0].code for s in draft.sources}
    for subject in tree.children(holder, "nsubj", "nsubjpass"):
        for node in tree.subtree(subject, stop=CLAUSAL_DEPS):
            mention = index.mention_at(node) if node in index.by_token else None
            if mention is None or mention.kind == "place":
                continue
            actor = mention.actor_on(draft.date[0])
            if not same_actor(actor.code, source_codes):
                return [(actor, "target:named-with-the-implying-act", None)]
    return []


def borrowed_targets(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> list[ActorRef]:
    """A diplomatic act naming no one takes the state of the diplomatic act beside it in its sentence:
    "Bolivia severed relations with Israel, while Chile and Colombia recalled their ambassadors",
    "Turkey recalled its ambassador to Israel but stopped short of cutting ties"."""
    if not (draft.pattern.relation or "").startswith(DIPLOMATIC_KINDS) or "mutual" in draft.pattern.flags:
        return []  # "the two sides would exchange ambassadors": each other, not a third state
    own = {s[0].code for s in draft.sources}
    linked = set(tree.with_conjuncts(draft.i)) | set(tree.with_conjuncts(tree.tokens[draft.i].head))
    coordinated = [
        d
        for d in drafts.values()
        if d is not draft and d.targets and d.i in linked and d.sources == draft.sources
    ]
    others = [
        d
        for d in drafts.values()
        if d is not draft
        and d.targets
        and (d.pattern.relation or "").startswith(DIPLOMATIC_KINDS)
        and tree.tokens[d.i].sentence == tree.tokens[draft.i].sentence
    ]
    # the same actor's coordinated act first ("withdraw its diplomats and end all aid to X"), then the
    # diplomatic act before it, then the nearest after it
    others.sort(key=lambda d: (d.i > draft.i, abs(d.i - draft.i)))
    others = coordinated + [d for d in others if d not in coordinated]
    if draft.pattern.id.startswith("recog.switch"):
        # a switch goes to whom a recognition beside it names ("Panama's switch of recognition to Beijing"),
        # never to the state a break leaves ("the latest to cut ties with Taiwan, it was switching")
        others = [d for d in others if d.pattern.relation == "recognition:recognized"]
    if joint_with(drafts, draft):
        draft.reciprocal = True  # "A and B would restore relations and appoint ambassadors": to each other
        return []
    for other in others:
        if other.i in tree.with_conjuncts(draft.i) and _opposite_ties(draft, other):
            continue  # "to sever ties and recognise the People's Republic": the break is with someone else
        theirs = [a for a, _, _ in other.sources]
        answered = (other.pattern.relation or "").startswith("recognition") and other not in coordinated
        answered = answered and not other.analysis.negated and draft.pattern.relation in BREAKS
        if answered and theirs and not any(same_actor(a.code, own) for a in theirs):
            # "Sweden recognised Palestine, and Israel recalled its ambassador": a break answering another
            # state's act is with that state, not with the one its act was about
            found = [(a, "target:answering", q) for a, _, q in other.sources]
        else:
            # another state's (a state has no diplomatic act with itself: "the ambassador appointed by the
            # ousted civilian government", beside the junta's envoy)
            states = {state_of(a) for a, _, _ in draft.sources}
            found = [
                (a, "target:beside", q)
                for a, _, q in other.targets
                if not same_actor(a.code, own) and state_of(a) not in states
            ]
        if found:
            return found
    return []


def _opposite_ties(one: Draft, other: Draft) -> bool:
    """Whether one draft breaks ties or recalls envoys and the other makes or grants them ("would not
    recognise Franco's government and ordered its ambassador home from Asunción" is one party's)."""
    if one.analysis.negated or other.analysis.negated:
        return False
    kinds = [d.pattern.relation or "" for d in (one, other)]
    made = [k in MADE_TIES for k in kinds]
    broken = [k in BREAKS or k == "recognition:withdrawn" for k in kinds]
    return (made[0] and broken[1]) or (broken[0] and made[1])


# relation states an act makes or grants (their opposites break or withdraw them)
MADE_TIES = {
    "recognition:recognized", "diplomatic_relations:active", "representation:hosts_ambassador",
    "representation:hosts_envoy",
}  # fmt: skip
# relation hints of acts that break or reduce ties, which may answer another state's act
BREAKS = {
    "representation:recalled", "representation:expelled", "diplomatic_relations:severed",
    "diplomatic_relations:suspended",
}  # fmt: skip


def joint_with(drafts: dict[int, Draft], draft: Draft) -> bool:
    """Whether ``draft``'s two or more sources also do a joint act together in its sentence."""
    own = {s[0].code for s in draft.sources}
    return len(own) > 1 and any(
        d is not draft and "mutual" in d.pattern.flags and {s[0].code for s in d.sources} == own
        for d in drafts.values()
    )


# the one-China question: a switch of recognition to one of these is a switch away from the other
ONE_CHINA = {"CHN": "TWN", "TWN": "CHN"}


def switched_from(index: ActorIndex, draft: Draft, away: Pattern | None) -> None:
    """ "Nauru switched recognition to Beijing": the switch away names no one, yet it is from Taipei.

    Sets ``draft.switched_from`` for the switch's second pattern (``also=``) to use as its target.
    """
    if away is None or away.relation != "recognition:withdrawn" or not draft.targets:
        return
    to = {t[0].country for t in draft.targets}
    if len(to) == 1 and (country := next(iter(to))) in ONE_CHINA:
        other = ONE_CHINA[country]
        actor = Actor(text=other, code=other, country=other)
        draft.switched_from = [(actor, "target:one-china-switch", None)]


# coercion (17) of a state's officials by unnamed members, no place named, is that state's doing ("soldiers
# detained the president"); not protests or attacks (crowds storm foreign embassies, gunmen hit foreigners)
DOMESTIC_ROOTS = ("17",)
OFFICIAL_SECTORS = {"GOV", "OPP", "LEG", "JUD", "ELI", "PTY"}


def members_of_target(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """ "Soldiers detained Guinean President Alpha Conde": unnamed members (no place named) who coerce a
    state's officials belong to that state."""
    if draft.sources or not draft.targets or not draft.code.startswith(DOMESTIC_ROOTS):
        return []
    subjects = tree.subjects(draft.i)[0]
    nouns = [k for k in subjects if not index.is_actor(k)]
    if not nouns:
        return []
    sector = UNNAMED_MEMBERS.get(tree.lemma(nouns[0]))  # police, soldiers, gunmen (civilians arrest no one)
    countries = {t[0].country for t in draft.targets}
    if sector is None or len(countries) != 1 or None in countries:
        return []
    if not all(t[0].sector in OFFICIAL_SECTORS for t in draft.targets):
        return []
    country = countries.pop()
    actor = Actor(text=tree.tokens[nouns[0]].text, code=country + sector, country=country, sector=sector)
    return [(actor, "actor:members-of-target-state", None)]


def reacting_party(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """ "Morocco regretted Algeria's decision to sever relations": a break that names no other state is
    with the one that reacts to it; "Kenya welcomed Somalia's decision to restore diplomatic relations":
    so is a restoration, with the one that welcomes it (who condemns a restoration is not its partner,
    nor who welcomes a break)."""
    breaking = (draft.relation or draft.pattern.relation) in BREAKS
    reacting = REACTING if breaking else WELCOMING
    for node in ancestors(tree.tokens, draft.i)[:4]:
        if tree.lemma(node) in reacting and tree.tokens[node].pos == "VERB":
            return others(index, draft, tree.subjects(node)[0], "target:reacting-party", as_target=False)
        if tree.tokens[node].pos in {"VERB", "AUX"} and tree.lemma(node) not in {"decide", "move"}:
            return []  # another clause's verb in between: not what was reacted to
    return []


def visiting_guest(tree: Tree, index: ActorIndex, draft: Draft, home: str | None) -> bool:
    """ "Jiang Zemin and visiting Russian President Boris Yeltsin said ...", "the visiting Indian prime
    minister": a visit told by a participle with no subject of its own is the guest's, to the place the
    story is told from (its dateline, else the place the sentence names). Sets the draft's parties."""
    token = tree.tokens[draft.i]
    if tree.lemma(draft.i) != "visit" or token.tag != "VBG" or draft.pattern.pos != "V":
        return False
    if tree.children(draft.i, "aux", "auxpass", "nsubj", "nsubjpass"):
        return False  # "Putin is visiting China", "Putin, visiting China, said"
    guests = [token.head] if token.dep == "amod" else tree.children(draft.i, "dobj")
    found = index.resolve(guests, draft.date[0])
    mentions = [index.mention_at(k) for k in guests]
    if not found or any(m is None or m.kind == "place" for m in mentions):
        return False  # "visiting Moscow": a place visited, the usual reading
    host = home or located_in(tree, index, draft.i) or _receiver(tree, index, draft, guests)
    if not host or any(actor.country == host for actor, _, _ in found):
        return False
    draft.sources = [(actor, "source:visiting-guest", q) for actor, _, q in found]
    draft.source_note = "source:visiting-guest"
    if token.dep == "xcomp" and draft.analysis.governed_by is not None:
        # "asked visiting Chinese Foreign Minister Wang Yi to ...": the guest is here, not asked to come
        draft.analysis.modality, draft.analysis.governed_by = "asserted", None
        draft.analysis.notes.append("modality:visiting-guest-is-here")
    draft.targets = [(Actor(text=host, code=host, country=host), "target:host-of-story", None)]
    return True


def _receiver(tree: Tree, index: ActorIndex, draft: Draft, guests: list[int]) -> str | None:
    """ "Rajapaksa asked visiting Chinese Foreign Minister Wang Yi to ...", "Chavez and visiting Iranian
    President Ahmadinejad pledged ...": with no dateline nor place, the guest is the guest of the one who
    receives him in the clause, the subject of the verb he hangs from (or the one he is coordinated with),
    when all of them are of one other state."""
    verb = next((k for k in ancestors(tree.tokens, draft.i) if tree.tokens[k].pos in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    guest_side = {r for g in guests for r in tree.with_conjuncts(g)} | set(guests)
    hosts = [k for k in tree.subjects(verb)[0] if k not in guest_side]
    for g in guests:
        if tree.tokens[g].dep == "conj":
            hosts += [k for k in tree.with_conjuncts(tree.tokens[g].head) if k not in guest_side]
    countries = {actor.country for actor, _, _ in index.resolve(hosts, draft.date[0]) if actor.country}
    return countries.pop() if len(countries) == 1 else None


PERMITTING = {"let", "allow", "permit", "authorise", "authorize"}


def permitting_host(tree: Tree, index: ActorIndex, draft: Draft) -> None:
    """ "Vilnius let Taiwan open a representative office": the host accepts the mission (050, the host's
    act toward the one sending it), when the text names the one letting; a host borrowed from an act beside
    ("recalled its ambassador from Beijing, after the Baltic state allowed ...") gives way to it."""
    permitter = _permitted_by(tree, draft.i)
    if permitter is None or not draft.sources or any(note != "target:beside" for _, note, _ in draft.targets):
        return
    # the one letting, named as such ("Vilnius let", "Vilnius allowing", "Vilnius's decision to let"),
    # never the subject of the clause above it
    named = tree.children(permitter, "nsubj") or [
        k for k in tree.children(permitter, "compound", "poss", "npadvmod") if k < permitter
    ]
    found, how = tree.subjects(permitter)
    if not named and "clause-head" not in how:
        named = found
    hosts = index.resolve(named, draft.date[0])
    if hosts and {state_of(a) for a, _, _ in hosts}.isdisjoint(state_of(a) for a, _, _ in draft.sources):
        # the state the opening makes is left to a report of the opening itself (no relation: events.py)
        draft.targets = [(a, "target:permitted", q) for a, _, q in draft.sources]
        draft.sources = [(a, "source:permitting-host", q) for a, _, q in hosts]


def _permitted_by(tree: Tree, i: int) -> int | None:
    """The verb of letting act ``i`` hangs from ("allowed Taiwan to open an office"), if any."""
    node = i
    for _ in range(2):
        token = tree.tokens[node]
        if token.dep not in {"xcomp", "ccomp"} or token.head == node:
            return None
        node = token.head
        if tree.lemma(node) in PERMITTING:
            return node
    return None


def talks_on_a_visit(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> list[ActorRef]:
    """Talks, a meeting or an agreement naming no one, told beside a visit by the same actor ("paid an
    official visit to Ecuador, holding two hours of talks with President Rodrigo Borja", a president the
    dictionary does not know; "arrived in Baghdad ..., signing two dozen agreements"): held with, or signed
    with, the visit's hosts."""
    if draft.targets or len(draft.sources) != 1 or not draft.code.startswith(("04", "057")):
        return []
    if draft.code.startswith(("042", "043")) or draft.analysis.negated:
        return []
    sentence = tree.tokens[draft.i].sentence
    own = {a.code for a, _, _ in draft.sources}
    for other in drafts.values():
        if other is draft or other.suppressed or not other.code.startswith("042") or not other.targets:
            continue
        if tree.tokens[other.i].sentence == sentence and own & {a.code for a, _, _ in other.sources}:
            return [(a, "target:host-of-visit", q) for a, _, q in other.targets]
    return []


def visit_place(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """A visit naming no "to" place is to the place its clause's act happens in, in another state than the
    visitor's: "landed in Addis Ababa for a three-day visit", "reopened his country's embassy in Addis Ababa
    on the last day of a three-day visit"; or to the one its apposition names ("his first to Ethiopia")."""
    if draft.pattern.pos != "N" or draft.pattern.converse != "043" or not draft.sources:
        return []
    if tree.prep_objects(draft.i, "to"):
        return []
    places = [o for a in tree.children(draft.i, "appos") for o in tree.prep_objects(a, "to")]
    verb = _clause_verb(tree, draft.i)
    if verb is not None and tree.lemma(verb) in HOSTING:
        return []  # "hosted Netanyahu at his palace during a surprise visit": the host is no visitor
    if verb is not None:
        held = [verb, *tree.objects(verb)]
        places += [o for h in held for p in ("in", "at") for o in tree.prep_objects(h, p) if o not in held]
    own = {actor.country for actor, _, _ in draft.sources}
    found = [
        (actor, "target:place-of-visit", q)
        for actor, note, q in index.resolve(places, draft.date[0], as_target=True)
        if actor.country and actor.country not in own and note.startswith(PLACE_NOTES)
    ]
    return found[:1]


# verbs whose subject receives a visit; how a place, not a person or body, names a state
HOSTING = {"host", "receive", "welcome", "greet", "entertain"}
PLACE_NOTES = ("actor:place", "actor:capital", "actor:state-name", "actor:seat")


def _clause_verb(tree: Tree, i: int) -> int | None:
    """The verb the phrase of noun ``i`` hangs on ("for a visit", "on the last day of a visit")."""
    node = i
    for _ in range(3):
        token = tree.tokens[node]
        if token.dep != "pobj":
            return None
        prep = token.head
        head = tree.tokens[prep].head
        if tree.tokens[head].pos in {"VERB", "AUX"}:
            return head
        if tree.lemma(prep) != "of" or tree.lemma(head) not in PHASE_NOUNS:
            return None
        node = head  # "at the end of a visit", "on the last day of a visit"
    return None


def visit_host(tree: Tree, draft: Draft, home: str | None) -> list[ActorRef]:
    """ "HAVANA - Lula laid a wreath ..., at the start of a two-day visit": a visit that names no place is
    to the state the story is told from, when the visitor is from elsewhere."""
    if draft.pattern.pos != "N" or draft.pattern.converse != "043" or not draft.sources or not home:
        return []
    if tree.prep_objects(draft.i, "to"):
        return []  # "his first visit to Russia" names its place, though not one the visitor is from
    visitors = [actor for actor, _, _ in draft.sources]
    if any(a.country == home or (not a.country and not a.code.startswith("IGO")) for a in visitors):
        return []
    return [(Actor(text=home, code=home, country=home), "target:host-of-story", None)]


def favoured_instead(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """ "El Salvador dropped Taiwan in favour of Beijing", "abandoned Taipei for Beijing": a break with one
    government for another is a switch, and the one favoured is recognised. "for" counts only between
    the two governments of China, where it can mean nothing else."""
    if not draft.code.startswith("16") or not draft.targets or draft.suppressed:
        return []
    favoured = [
        o
        for p in tree.children(draft.i, "prep")
        if tree.lemma(p) == "in"
        for f in tree.children(p, "pobj")
        if tree.lemma(f) in {"favour", "favor"}
        for q in tree.children(f, "prep")
        if tree.lemma(q) == "of"
        for o in tree.children(q, "pobj")
    ]
    dropped = {t[0].country for t in draft.targets}
    rival = {ONE_CHINA[c] for c in dropped if c in ONE_CHINA}
    if not favoured and rival:
        favoured = [
            o
            for p in tree.children(draft.i, "prep")
            if tree.lemma(p) == "for"
            for o in tree.children(p, "pobj")
        ]
    found = [
        (a, n, q)
        for a, n, q in index.resolve(favoured, draft.date[0])
        if a.country and a.country not in dropped
    ]
    if not favoured or not found or (rival and not all(a.country in rival for a, _, _ in found)):
        return []
    return [(a, "target:favoured-instead", q) for a, _, q in found]


# codes of a stand on another's act or on another actor (support, praise, criticism, rejection)
STAND_CODES = ("051", "052", "110", "111", "112", "120")


def shared_object(tree: Tree, drafts: dict[int, Draft], draft: Draft) -> list[ActorRef]:
    """ "China appreciated and welcomed Nauru's decision": a stand with no object of its own takes the
    target of the coordinated stand whose object it shares."""
    if not draft.code.startswith(STAND_CODES) or draft.pattern.pos != "V" or tree.objects(draft.i):
        return []
    own = {a.code for a, _, _ in draft.sources}
    for k in tree.children(draft.i, "conj"):
        other = drafts.get(k)
        stand = other is not None and other.targets and other.code.startswith(STAND_CODES)
        if stand and {a.code for a, _, _ in other.sources} == own:
            return [(a, "target:shared-object", q) for a, _, q in other.targets]
    return []


# how a recognition noun points back at one told before: "that recognition", "its recognition"
REFERRING = {"that", "this", "the", "such", "its", "their", "her", "his"}


def recognition_referred(
    tree: Tree, drafts: dict[int, Draft], draft: Draft, earlier: list[list[Draft]]
) -> Draft | None:
    """The recognition a withdrawal naming no one points back at ("Vanuatu recognised Taiwan in November;
    the new cabinet withdrew that recognition", "revoked the communique under which the country recognised
    Taiwan, withdrawing that recognition"): the nearest recognition told before it, in its sentence or the
    two before, by the withdrawing state when that state is named."""
    if draft.pattern.relation != "recognition:withdrawn" or draft.pattern.pos != "V":
        return None
    nouns = [k for k in tree.objects(draft.i) if tree.lemma(k) == "recognition"]
    if not nouns or any(
        tree.lemma(p) in {"of", "to", "from"} and tree.children(p, "pobj")
        for k in nouns
        for p in tree.children(k, "prep")
    ):
        return None
    if not any(tree.lemma(d) in REFERRING for k in nouns for d in tree.children(k, "det", "poss")):
        return None
    own = {state_of(a) for a, _, _ in draft.sources}
    for other in _recognitions_before(drafts, draft, earlier):
        theirs = {state_of(a) for a, _, _ in other.sources}
        # a holder named on one side only: the withdrawer's own ("the country recognised Taiwan" unnamed),
        # or the one state that held it ("the two Gulf states withdrew that recognition" names none)
        if (own and theirs and not own & theirs) or (not own and len(theirs) != 1):
            continue
        return other
    return None


def _recognitions_before(drafts: dict[int, Draft], draft: Draft, earlier: list[list[Draft]]):
    """The recognitions with a target told before ``draft``, nearest first: in its sentence, then in the
    two sentences before."""
    here = sorted((d for d in drafts.values() if d.i < draft.i), key=lambda d: -d.i)
    for group in [here, *(list(reversed(g)) for g in reversed(earlier[-2:]))]:
        for other in group:
            if other.pattern.relation == "recognition:recognized" and other.targets:
                yield other


# descriptions of a state just born ("the new state", "the young republic"), which a recognition names for
# the one whose independence the story told just before
NEW_STATE_NOUNS = {"state", "country", "nation", "republic"}
NEW_STATE_ADJECTIVES = {"new", "newest", "young", "fledgling", "newborn"}


def new_state_recognised(
    tree: Tree, drafts: dict[int, Draft], draft: Draft, earlier: list[list[Draft]]
) -> Draft | None:
    """The recognition told before that a recognition of "the new state" follows ("Costa Rica recognised
    Kosovo's independence on Sunday. On Monday the United States also extended recognition to the new
    state"): the nearest one, in its sentence or the two before, by another state."""
    if draft.pattern.relation != "recognition:recognized":
        return None
    named = tree.objects(draft.i) + tree.prep_objects(draft.i, "to") + tree.prep_objects(draft.i, "of")
    if not any(
        tree.lemma(k) in NEW_STATE_NOUNS
        and any(tree.lemma(a) in NEW_STATE_ADJECTIVES for a in tree.children(k, "amod"))
        and not tree.children(k, "prep", "appos", "compound")  # not "the new state of South Sudan"
        for k in named
    ):
        return None
    own = {state_of(a) for a, _, _ in draft.sources}
    return next(
        (
            d
            for d in _recognitions_before(drafts, draft, earlier)
            if not d.analysis.negated and not {state_of(a) for a, _, _ in d.targets} & own
        ),
        None,
    )
