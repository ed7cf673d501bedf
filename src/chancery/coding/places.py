"""Where an act is done, and whom it is done to when the text names no one: the places a sentence
names, the unnamed civilians, members and crowds of a place, and the state an untargeted act of a
state's own body is done to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chancery.clauses import ancestors
from chancery.coding.arguments import ActorIndex, state_of
from chancery.coding.structure import Tree
from chancery.records import Actor, Mention, Token

if TYPE_CHECKING:
    from chancery.coding.drafts import ActorRef, Draft

CIVILIAN_NOUNS = {
    "civilian", "people", "woman", "child", "resident", "villager", "worker", "student", "refugee",
    "protester", "demonstrator", "journalist", "citizen", "girl", "man", "family", "inhabitant",
    "schoolgirl", "schoolchild", "pupil", "tourist", "passenger", "pilgrim", "farmer", "teacher",
}  # fmt: skip
# roots of coercion and violence, whose unnamed victims belong to the place it is done in
FORCEFUL_ROOTS = ("17", "18", "19", "20")
# nouns for unnamed members of a state's forces or armed groups: they belong to the place they act in
UNNAMED_MEMBERS = {
    "police": "COP", "policeman": "COP", "policemen": "COP", "officer": "COP", "soldier": "MIL",
    "troop": "MIL", "insurgent": "REB", "militant": "REB", "guerrilla": "REB", "rebel": "REB",
    "gunman": "REB", "gunmen": "REB", "fighter": "REB", "separatist": "REB", "jihadist": "REB",
    "activist": "OPP", "dissident": "OPP",
}  # fmt: skip


def civilian_target(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """Unnamed civilians as the object ("killed hundreds of civilians", "banned women from ..."):
    the civilians of the place the sentence names, else of the acting state."""
    heads = tree.objects(draft.i)
    heads += tree.of_objects(heads)
    objects = [k for k in heads if tree.lemma(k) in CIVILIAN_NOUNS and not index.is_actor(k)]
    members = [k for k in heads if tree.lemma(k) in UNNAMED_MEMBERS and not index.is_actor(k)]
    if members and not objects and draft.sources and draft.pattern.cameo.startswith(FORCEFUL_ROOTS):
        # "killed 11 soldiers in Cauca", "arrested activists in Dhaka": members of the place's state
        sector = UNNAMED_MEMBERS[tree.lemma(members[0])]
        country = located_in(tree, index, draft.i)
        if not country and sector in {"OPP", "REB"}:
            country = draft.sources[0][0].country  # "police arrested 200 activists": at home
        if not country:
            return []
        text = tree.tokens[members[0]].text
        actor = Actor(text=text, code=country + sector, country=country, sector=sector)
        return [(actor, "target:unnamed-members-of-place", None)]
    if not objects or not draft.sources:
        return []
    owners = tree.children(objects[0], "poss")
    named = [m for k in owners if (m := index.mention_at(k)) is not None and m.actor.country]
    if named:
        country = named[0].actor_on(draft.date[0]).country  # "Iraq's civilians"
    elif owners and tree.words[owners[0]] in {"its", "their"}:
        country = draft.sources[0][0].country  # "urged its citizens to ...": the actor's own people
    else:
        country = located_in(tree, index, draft.i) or draft.sources[0][0].country
    if not country:
        return []
    actor = Actor(text=tree.tokens[objects[0]].text, code=country + "CVL", country=country, sector="CVL")
    return [(actor, "target:unnamed-civilians", None)]


LOCATING_PREPS = {"in", "throughout", "across", "outside", "near"}
# nouns for a place whose state a demonym before them names ("the southern Russian town of Beslan")
PLACE_NOUNS = {
    "town", "city", "village", "province", "region", "district", "capital", "port", "county", "state",
    "enclave", "island", "islands", "area", "valley", "camp", "base", "territory", "municipality",
    "jail", "prison", "coast", "waters", "airspace", "north", "south", "east", "west",
}  # fmt: skip


def located_in(tree: Tree, index: ActorIndex, i: int) -> str | None:
    """The country of the place act ``i`` is done in: the one its own phrase names ("seized power in
    Sierra Leone", "took power in Guinea"), else the first place its sentence names ("in Lima", "across
    Peru")."""
    own = _own_place(tree, index, i)
    if own is not None:
        return own
    sentence = tree.tokens[i].sentence
    for m in index.mentions:
        if m.sentence != sentence or not m.actor.country:
            continue
        head = tree.tokens[m.head]
        if _opens_sentence(tree, head.head) and tree.words[m.last] == ",":
            continue  # "In Ankara, the ministry condemned ...": where it was said, not done
        located = head.dep == "pobj" and tree.lemma(head.head) in LOCATING_PREPS
        if m.kind == "place" or located or _names_place_of(tree, head):
            return m.actor.country
    return None


def _own_place(tree: Tree, index: ActorIndex, i: int) -> str | None:
    """The country of a place named by a locating preposition on act ``i`` or on its object."""
    for holder in (i, *tree.objects(i)):
        for p in tree.children(holder, "prep"):
            if tree.lemma(p) not in LOCATING_PREPS:
                continue
            for o in tree.children(p, "pobj"):
                m = index.mention_at(o)
                if (
                    m is not None
                    and m.head == o
                    and m.actor.country
                    and m.kind in {"place", "state", "capital"}
                ):
                    return m.actor.country
    return None


def _names_place_of(tree: Tree, head: Token) -> bool:
    """Whether a state's name or demonym says whose an unknown place is: "in Beslan, Russia", "in the
    southern Russian town of Beslan", "in Ethiopia's Tigray region", "in Israeli jails"; not "in Syria's
    war" (no place) nor "in British Columbia" (a name of its own)."""
    place = tree.tokens[head.head]
    if head.dep == "appos":
        named = place.pos == "PROPN"  # "Beslan, Russia"
    else:  # "the Russian town of", not "British Columbia" nor "near the Syrian border"
        named = head.dep in {"amod", "compound", "poss"} and tree.lemma(place.i) in PLACE_NOUNS
    if not named:
        return False
    if place.dep == "pobj" and tree.lemma(place.head) == "of":  # "the town of Beslan, Russia"
        place = tree.tokens[tree.tokens[place.head].head]
    return place.dep == "pobj" and tree.lemma(place.head) in LOCATING_PREPS


# Roots of acts done to someone (yield, investigate, demand, disapprove, reject, protest, coerce,
# assault, fight, mass violence) that, when a state's own body does them to no one named, are done within
# its state or the place's: "police arrested dozens", "students rallied", "troops shelled rebel positions"
HOME_ROOTS = ("08", "09", "10", "11", "12", "14", "17", "18", "19", "20")
VIOLENT_ROOTS = ("18", "19", "20")


def home_target(tree: Tree, index: ActorIndex, draft: Draft) -> list[ActorRef]:
    """The state an untargeted act of a state's body is done to: that of the place the sentence says
    it was done in ("a U.S. drone strike in northern Yemen"), else the body's own ("police detained 40
    people", "the opposition staged a rally"). As ICEWS codes an unnamed target of a domestic act by
    its country, the target is the bare state: its people or its authorities, unnamed. Never for a
    state's whole self ("Russia criticised ..."), an organisation, or a relation hint that would make a
    state a party to its own relations ("the ministry condemned ...")."""
    if draft.targets or not draft.sources or not draft.code.startswith(HOME_ROOTS):
        return []
    if ("mutual" in draft.pattern.flags or draft.reciprocal) and len(draft.sources) > 1:
        return []  # "the army and the RSF clashed in Khartoum": with each other, wherever it was
    bodies = [actor for actor, _, _ in draft.sources]
    if any(not a.country or not a.sector or a.code.startswith(("IGO", "NGO")) for a in bodies):
        return []
    place = located_in(tree, index, draft.i)
    own = {a.country for a in bodies}
    if place is None and draft.code.startswith(VIOLENT_ROOTS) and _struck_thing(tree, draft.i):
        return []  # "Houthi forces fired missiles at a ship in the Red Sea": whose ship is not said
    state = place or (next(iter(own)) if len(own) == 1 else None)
    if state is None:
        return []
    if place is None and _other_states(tree, index, draft.i, state):
        return []  # "Iran will talk if Washington rules out strikes": aimed abroad as likely as at home
    if (draft.relation or draft.pattern.relation) and state in own:
        return []
    note = "target:place-of-act" if place else "target:own-state-of-body"
    return [(Actor(text=state, code=state, country=state), note, None)]


# verbs that tell of an act rather than wish it: their subjects may well be whom it was done to
TELLING = {
    "say", "tell", "announce", "state", "add", "report", "claim", "confirm", "note", "insist", "stress",
    "write", "declare", "explain", "warn", "allege", "accuse", "complain", "show", "reveal",
}  # fmt: skip
# codes whose acts are not done to anyone in particular, however many parties the sentence names
UNDIRECTED_CODES = ("011", "015", "0831", "0341")


def sole_other(
    tree: Tree, index: ActorIndex, draft: Draft, drafts: dict[int, Draft], relations: bool = False
) -> list[ActorRef]:
    """The target of an act whose phrase names none, when its sentence names one other party only
    ("Gunmen from al-Shabaab stormed a shopping mall in Nairobi", "North Korea denied any role in the
    sinking of the South Korean warship"), as event coders take the other actor of the sentence. An act
    with a relation hint takes one only when ``relations`` is set, and its event then carries no relation
    (the ledger takes none on a guess); a recognition never does."""
    hinted = draft.relation or draft.pattern.relation
    if (
        draft.targets
        or not draft.sources
        or (hinted and not relations)
        or (hinted or "").startswith("recognition")
    ):
        return []
    if "mutual" in draft.pattern.flags or draft.pattern.converse or draft.reciprocal:
        return []  # "India and Pakistan held talks": each other's, found when the events are built
    if draft.code.startswith(UNDIRECTED_CODES):
        return []  # declining comment, claiming responsibility, resigning: told of no one in particular
    if draft.analysis.governed_by is not None:
        return []  # "urged Hamas to free the hostages": the act asked for names its own parties or none
    own = {state_of(actor) for actor, _, _ in draft.sources}
    if len(own) > 1 or _names_unknown_party(tree, index, draft.i):
        return []
    sentence = tree.tokens[draft.i].sentence
    # those who wish or expect the act ("China wanted to see Kabul crack down on ...") are not whom it
    # is done to; those who tell of it ("Kyiv said missiles struck ...") or answer it by an act of their
    # own ("Kyiv accused Moscow of shelling ...") often are
    wishing = {
        k
        for verb in ancestors(tree.tokens, draft.i)
        if verb not in drafts and tree.tokens[verb].pos in {"VERB", "AUX"} and tree.lemma(verb) not in TELLING
        for subject in tree.children(verb, "nsubj", "nsubjpass")
        for k in tree.subtree(subject)
    }
    wishers = {state_of(m.actor) for k in wishing if (m := index.mention_at(k)) is not None}
    # what a denial denies names no accuser ("Rwanda, which denies arming the M23 rebels"): DESIGN aims a
    # denial at its accuser, or at no one
    denied = (
        {k for c in tree.children(draft.i, "xcomp", "ccomp", "pcomp") for k in tree.subtree(c)}
        if draft.code.startswith("016")
        else set()
    )
    others: dict[str, Mention] = {}
    for mention in index.mentions:
        party = state_of(mention.actor)
        if mention.sentence != sentence or not party or party in own | wishers or mention.head in denied:
            continue
        if mention.actor.code.startswith(("IGO", "NGO")) or mention.actor.country:
            others.setdefault(party, mention)
    if len(others) > 1:
        # "recalled its envoy over Spain's shift on Western Sahara": what a noun is about is no party
        others = {p: m for p, m in others.items() if not _topic_of_noun(tree, m.head)}
    if len(others) != 1:
        return []
    [mention] = others.values()
    return [(mention.actor_on(draft.date[0]), "target:sole-other-party", None)]


def _topic_of_noun(tree: Tree, k: int) -> bool:
    """Whether token ``k`` is what a noun is about or whom another act is done to ("Spain's shift on Western
    Sahara", "the alliance's air strikes on Serbia"): no party to the act whose target is sought."""
    token = tree.tokens[k]
    word = tree.lemma(token.head)
    if token.dep != "pobj" or word not in {"on", "over", "about", "regarding", "concerning"}:
        return False
    return tree.tokens[tree.tokens[token.head].head].pos == "NOUN"


# entity types of a name that stands for someone, though chancery's dictionaries may not know it
PARTY_ENTITIES = {"ORG", "PERSON", "NORP"}


def _names_unknown_party(tree: Tree, index: ActorIndex, i: int) -> bool:
    """Whether act ``i``'s object names a party chancery cannot resolve ("a group China blames for
    attacks", the East Turkestan Islamic Movement): its target is told, only not known, so not guessed."""
    objects = tree.objects(i)
    objects += [k for o in objects for k in (tree.tokens[o].head,) if tree.tokens[o].dep == "appos"]
    objects += [k for o in objects for k in tree.children(o, "appos")]
    return any(tree.tokens[k].ent_type in PARTY_ENTITIES and not index.is_actor(k) for k in objects)


def _other_states(tree: Tree, index: ActorIndex, i: int, state: str) -> bool:
    """Whether the sentence of token ``i`` names a state other than ``state`` (or an organisation)."""
    sentence = tree.tokens[i].sentence
    return any(
        m.sentence == sentence and (m.actor.country or m.actor.code[:3]) != state
        for m in index.mentions
        if m.actor.country or m.actor.code.startswith("IGO")
    )


def _struck_thing(tree: Tree, i: int) -> bool:
    """Whether force verb ``i`` names what it struck ("fired missiles at a ship", "bombed a convoy"):
    a thing whose owner the sentence does not give, where an untold target of fighting ("rebels attacked
    overnight", "clashes erupted") is fought at home."""
    if tree.tokens[i].pos != "VERB":
        return False
    struck = tree.objects(i) + [
        o for p in tree.children(i, "prep") if tree.lemma(p) in {"at", "on", "against", "upon"}
        for o in tree.children(p, "pobj")
    ]  # fmt: skip
    return bool(struck)


def _opens_sentence(tree: Tree, i: int) -> bool:
    """Whether token ``i`` is the first of its sentence."""
    return i == 0 or tree.tokens[i - 1].sentence != tree.tokens[i].sentence


def crowd_source(tree: Tree, index: ActorIndex, i: int, subjects: list[int]) -> list[ActorRef]:
    """Unnamed protesters ("thousands of students demonstrated in Lima"): the civilians of the place;
    unnamed police, insurgents or militants ("police in Dhaka arrested ..."): the place's."""
    nouns = [k for k in subjects if tree.tokens[k].pos in {"NOUN", "NUM", "PROPN"} and not index.is_actor(k)]
    if not nouns:
        return []
    country = located_in(tree, index, i)
    if country is None:
        return []
    sector = UNNAMED_MEMBERS.get(tree.lemma(nouns[0]), "CVL")
    actor = Actor(text=tree.tokens[nouns[0]].text, code=country + sector, country=country, sector=sector)
    return [(actor, "actor:crowd-of-place", None)]


def members_source(tree: Tree, index: ActorIndex, i: int, subjects: list[int]) -> list[ActorRef]:
    """Unnamed police, insurgents or militants, "the army", "security forces" or a crowd ("rioters
    torched shops in Honiara") acting in a named place belong to it (not soldiers: troops in a place
    are often a foreign army's, unless they seize power there: "soldiers seized power in Guinea")."""
    coup = tree.lemma(i) in OUSTING or any(tree.lemma(k) == "power" for k in tree.objects(i))
    found = [(k, _member_sector(tree, k, soldiers=coup)) for k in subjects if not index.is_actor(k)]
    found = [(k, sector) for k, sector in found if sector]
    if not found:
        return []
    k, sector = found[0]
    # soldiers take power where the act's own phrase says ("seized power in Sierra Leone"), whatever place
    # the sentence names first ("ministers meeting in Conakry demanded that the soldiers ...")
    country = _own_place(tree, index, i) if sector == "MIL" else located_in(tree, index, i)
    if country is None:
        return []
    actor = Actor(text=tree.tokens[k].text, code=country + sector, country=country, sector=sector)
    return [(actor, "actor:members-of-place", None)]


# unnamed crowds, whatever they do in a named place, are its people ("rioters torched shops in Honiara")
CROWDS = {
    "rioter": "CVL", "protester": "CVL", "protestor": "CVL", "demonstrator": "CVL", "mob": "CVL",
    "villager": "CVL", "resident": "CVL", "student": "EDU", "farmer": "AGR", "worker": "LAB",
}  # fmt: skip
# a state's forces named by their institution alone ("the army", "security forces")
INSTITUTIONS = {"army": "MIL", "military": "MIL"}
FORCE_KINDS = {"security": "COP", "police": "COP", "government": "MIL", "state": "COP"}


# verbs of a coup: soldiers who oust a government or seize power in a place are that state's own army
OUSTING = {"overthrow", "oust", "topple", "depose", "unseat"}


def _member_sector(tree: Tree, k: int, soldiers: bool = False) -> str | None:
    lemma = tree.lemma(k)
    if lemma == "force":  # "security forces", "government forces"
        kinds = [
            FORCE_KINDS[tree.lemma(m)]
            for m in tree.children(k, "compound", "amod")
            if tree.lemma(m) in FORCE_KINDS
        ]
        return kinds[0] if kinds else None
    if lemma in INSTITUTIONS:
        return INSTITUTIONS[lemma] if any(tree.lemma(d) == "the" for d in tree.children(k, "det")) else None
    sector = UNNAMED_MEMBERS.get(lemma) or CROWDS.get(lemma)
    return None if sector == "MIL" and not soldiers else sector


def fought_each_other(tree: Tree, index: ActorIndex, draft: Draft) -> bool:
    """Whether the coordinated sources of a fight fought one another: "Sudan's army and the Rapid
    Support Forces fought for control of Khartoum" (two subjects, each a noun of its own, and no foe
    named outside them), "Rwandan and Ugandan troops fought each other". "US and British troops fought in
    Helmand" names one side, and "the army and police fought the rebels" its foe."""
    if "combatants" not in draft.pattern.flags or len(draft.sources) < 2:
        return False
    if draft.reciprocal:
        return True
    own = {actor.code for actor, _, _ in draft.sources}
    named = tree.children(draft.i, "dobj") + [
        o for prep in ("with", "against", "on") for o in tree.prep_objects(draft.i, prep)
    ]
    for k in named:
        for j in tree.with_conjuncts(k):
            mention = index.mention_at(j)
            if mention is not None and mention.first <= j < mention.last and mention.actor.code not in own:
                return False  # "fought running battles with police": a foe of their own
    subjects = tree.subjects(draft.i)[0]
    return any(
        tree.tokens[k].dep == "conj"
        and tree.tokens[k].pos in {"NOUN", "PROPN"}
        and tree.tokens[tree.tokens[k].head].pos in {"NOUN", "PROPN"}
        for k in subjects
    )


# what a "with" phrase may name that is the act's means, never a party to it ("Japan and China established
# relations with the signing of a joint communique", "ended the feud with a handshake")
WITH_ACTS = frozenset(
    {"signing", "signature", "exchange", "ceremony", "handshake", "stroke", "communique", "communiqué",
     "declaration", "agreement", "accord", "treaty", "deal", "protocol", "memorandum", "announcement",
     "statement", "letter", "note", "visit", "meeting", "summit", "vote", "decision"}
)  # fmt: skip


def clashes_side_by_side(tree: Tree, draft: Draft) -> bool:
    """Whether the coordinated sources of a mutual act did it together to one the text names but chancery
    cannot ("Mali and Burkina Faso clashed with the regional bloc"), not to each other: a "with" phrase
    naming a party by a name or a definite noun (not "each other", not "with immediate effect")."""
    if "mutual" not in draft.pattern.flags or draft.targets or draft.reciprocal:
        return False
    return any(
        tree.words[k] not in {"other", "another"}
        and tree.lemma(k) not in WITH_ACTS
        and tree.tokens[k].tag != "VBG"
        and not _absolute(tree, k)
        and (
            tree.tokens[k].pos == "PROPN"
            or {"the", "its", "their"} & {tree.words[d] for d in tree.children(k, "det", "poss")}
        )
        for k in tree.prep_objects(draft.i, "with")
    )


def _absolute(tree: Tree, k: int) -> bool:
    """Whether "with" object ``k`` opens an absolute phrase, a circumstance and no party ("restored
    relations, with the sovereignty of the islands left aside", "with Norway acting as mediator")."""
    prep = tree.tokens[k].head
    if prep > 0 and tree.words[prep - 1] == ",":
        return True
    return any(
        tree.tokens[d].dep == "acl" and tree.tokens[d].tag in {"VBN", "VBG"}
        for d in tree.subtree(k)
        if d != k
    )


# verbs an expelled envoy is told to do, whose object is the state he must leave ("ordered to leave Somalia")
LEAVING = {"leave", "quit", "depart", "exit"}


def expelling_host(
    tree: Tree, index: ActorIndex, i: int, day: str | None, home: str | None
) -> list[ActorRef]:
    """Who expelled an envoy when the passive names no one ("Ethiopia's ambassador in Mogadishu was ordered
    to leave Somalia", "was expelled from Somalia", "was declared persona non grata"): the state he must
    leave or is sent from, else the one he is posted in, else the dateline's; never his own."""
    envoys = tree.objects(i)
    owners = {
        actor.country for k in envoys for p in tree.children(k, "poss", "compound", "amod")
        for actor, _, _ in index.resolve([p], day)
    }  # fmt: skip
    left = [
        o for c in tree.children(i, "xcomp", "ccomp") if tree.lemma(c) in LEAVING for o in tree.objects(c)
    ]
    posted = [
        o
        for k in envoys
        for p in tree.children(k, "prep")
        if tree.lemma(p) == "in"
        for o in tree.children(p, "pobj")
    ]
    for tokens, how in ((tree.prep_objects(i, "from"), "from"), (left, "left"), (posted, "posted-in")):
        states = [
            a
            for a in index.resolve(tokens, day, as_target=True)
            if a[0].country and a[0].country not in owners
        ]
        if states:
            actor = states[0][0]
            host = Actor(text=actor.text, code=actor.country + "GOV", country=actor.country, sector="GOV")
            return [(host, f"actor:expelling-host:{how}", None)]
    if home and owners and home not in owners:
        host = Actor(text=home, code=home + "GOV", country=home, sector="GOV")
        return [(host, "actor:expelling-host:dateline", None)]
    return []
