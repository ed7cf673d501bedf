"""Which actor an argument token stands for: mentions, phrase search, pronouns and quoted first persons."""

from __future__ import annotations

from chancery.coding.structure import CHARGING_VERBS, CLAUSAL_DEPS, OBJECT_CONTROL, QUANTITY_NOUNS, Tree
from chancery.records import Actor, Mention, ParsedArticle, Quote

FIRST_PERSON = {"we", "i", "us", "our", "my"}
# words that make an argument an act rather than an actor ("Russia's decision to ...")
ACT_NOUNS = {
    "decision", "move", "step", "plan", "recognition", "choice", "announcement", "policy", "initiative",
    "effort", "action", "proposal", "offer", "call", "approach", "stance", "position", "gesture", "bid",
    "measure", "shift", "reversal", "u-turn", "turnaround", "about-turn", "switch",
}  # fmt: skip

# pronouns that stand for several actors: they never continue a single subject
PLURAL_PRONOUNS = frozenset({"they", "them", "both", "each", "all", "those", "these"})


# nouns that, owned by a pronoun, stand for the owner's state ("his country", "its government")
STATE_NOUNS = {"country", "nation", "state", "government", "administration", "authorities", "leadership"}
GOVERNMENT_NOUNS = {"government", "administration", "authorities", "leadership"}
# offices that, owned by a pronoun, stand for the owner's government ("its new envoy")
# plural nouns for the states of an organisation, each acting on its own ("EU states", "Arab League
# countries"); "NATO allies", "its EC partners" and "members" speak together, as the organisation; "most of
# its EC partners", "several members" are some of them
MEMBER_NOUNS = {"state", "country", "nation", "government", "capital"}
# the nouns for one who serves a state in another ("becoming Israel's first ambassador to Chile"), whose
# appointer is the state they serve ("an ambassador appointed by X")
ENVOY_NOUNS = {"ambassador", "envoy", "commissioner", "chargé", "charge", "representative", "nuncio"}
# verbs whose complement clause someone reports ("..., the foreign ministry said")
REPORTING = {
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "confirm",
    "declare",
    "insist",
    "stress",
    "write",
    "note",
}
# nouns that, as "the kingdom", "the Gulf state", "the island nation", stand for a state the story named
DESCRIBED_STATES = {
    "country", "nation", "state", "kingdom", "sultanate", "emirate", "republic", "monarchy", "principality",
    "island", "archipelago", "federation",
}  # fmt: skip
# words that make "members" some of an organisation's members, not the organisation ("most EU members")
SUBSET_WORDS = {
    "most", "many", "several", "some", "few", "other", "certain", "various", "numerous", "individual",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
}  # fmt: skip
# prepositions whose phrase tells what a verb's object is thanked, blamed or accused for
ADDRESSED_FOR = {"for", "of", "over", "including", "include", "regarding", "about"}
OFFICE_NOUNS = {"envoy", "ambassador", "minister", "president", "leader", "diplomat", "delegation"}
MILITARY_NOUNS = {"troops", "troop", "forces", "force", "army", "military", "soldier", "soldiers"}
# bare sector nouns ("the opposition", "the army") that a coordinated state's actor gives a country
SECTOR_NOUNS = {
    "opposition": "OPP", "army": "MIL", "military": "MIL", "rebel": "REB", "insurgent": "REB",
    "government": "GOV", "junta": "GOV", "parliament": "LEG", "police": "COP", "militia": "REB",
}  # fmt: skip
PERSONAL_POSSESSIVES = {"his", "her"}
IMPERSONAL_POSSESSIVES = {"its", "their"}
PERSONAL_KINDS = {"person", "role", "pronoun"}
# nouns for those who rule a state ("the new authorities in Bishkek", "the interim government in Kyrgyzstan")
RULERS = {
    "authority", "authorities", "government", "junta", "regime", "ruler", "rulers", "leadership",
    "administration",
}  # fmt: skip
# nouns for a polity that an "of" phrase names: "the former Soviet republic of Georgia" is Georgia, not the
# union its adjective recalls; "the kingdom of Jordan", "the emirate of Qatar"
POLITY_NOUNS = frozenset(
    {"republic", "kingdom", "emirate", "sultanate", "principality", "state", "country", "colony",
     "protectorate"}
)  # fmt: skip
# nouns for the others a state stands with or against: never the state that owns them ("Russia's allies")
OTHERS_NOUNS = frozenset(
    {"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary", "critic", "opponent",
     "detractor", "friend"}
)  # fmt: skip
# those who follow a leader or a party without being it ("supporters of President Trump")
FOLLOWERS = {"supporter", "loyalist", "follower", "partisan", "sympathiser", "sympathizer", "devotee"}

# "the three capitals", "all four countries": how many a number names, and the nouns it may count
GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
GROUP_NOUNS = {
    "side",
    "country",
    "nation",
    "neighbour",
    "neighbor",
    "capital",
    "state",
    "government",
    "member",
    "republic",
    "ally",
    "kingdom",
    "monarchy",
    "rival",
    "foe",
    "adversary",
    "enemy",
    "power",
    "partner",
}
# group nouns that count states, which a group of envoys may name but not one of people ("both governments")
COUNTED_STATES = GROUP_NOUNS - {"side", "member"}
# diplomatic posts whose place names the host state
POSTS = {
    "embassy", "consulate", "mission", "office", "representation", "ambassador", "envoy", "legation",
    "chargé", "charge", "representative", "delegation",
}  # fmt: skip

# second halves of hyphenated modifiers that make a mention a third party ("Russian-backed")
BACKING = {
    "backed", "led", "made", "brokered", "supported", "funded", "allied", "aligned", "sponsored", "installed",
    "imposed", "controlled", "armed", "trained", "occupied", "protected", "mediated", "facilitated", "hosted",
    "chaired", "supervised", "monitored",
}  # fmt: skip


def state_of(actor: Actor) -> str:
    """A state and all its bodies are one party (FRA for FRAGOV, FRAMIL); an IGO or a group is its code."""
    return actor.country or actor.code


def party(actor: Actor) -> tuple[str, str]:
    """Who an actor is: its code, and for a bare state code its name too, for two people of one
    state whose codes the day leaves bare ("Kenyatta met Odinga" in 2018: KEN and KEN)."""
    return actor.code, (actor.name or "") if len(actor.code) == 3 else ""


class ActorIndex:
    """Mentions keyed by token, and the article's quotes, to turn argument tokens into actors."""

    def __init__(self, parsed: ParsedArticle, tree: Tree):
        self.tree = tree
        self.quotes = parsed.quotes
        self.by_token: dict[int, Mention] = {}
        self.by_head: dict[int, list[Mention]] = {}
        self.mentions = sorted(parsed.mentions, key=lambda m: m.head)
        for mention in parsed.mentions:
            self.by_head.setdefault(mention.head, []).append(mention)
        # smaller mentions first so a token maps to its tightest mention
        for mention in sorted(parsed.mentions, key=lambda m: -(m.last - m.first)):
            for index in range(mention.first, mention.last):
                self.by_token[index] = mention
            self.by_token.setdefault(mention.head, mention)

    def mention_at(self, i: int) -> Mention | None:
        """The mention naming token ``i``, or the closest one inside its phrase (not its clauses)."""
        if i in self.by_token:
            return self.by_token[i]
        if named := self._polity_named(i):
            return named[0]
        frontier = [i]
        seen = {i}
        while frontier:
            following = []
            for node in frontier:
                for child in self.tree.children(node):
                    dep = self.tree.tokens[child].dep
                    # an apposition describes an unknown name ("Ana Ruiz, Santiago's new envoy"); else skip it
                    described = dep == "appos" and self.tree.tokens[node].pos == "PROPN"
                    if (
                        child in seen
                        or dep in CLAUSAL_DEPS
                        or (dep in {"conj", "cc", "appos", "punct"} and not described)
                    ):
                        continue
                    found = self.by_token.get(child)
                    if found is None and described:
                        found = self._appointer(child)  # "Bilal Karimi, the ambassador appointed by X"
                    # a place or a backer inside the phrase ("the summit in Sharm el-Sheikh", "Russian-backed
                    # regions in eastern Ukraine") says where or by whom, not who: look further; but an
                    # embassy's place names its host ("the work of its embassy in Damascus")
                    wanted = found is not None and not self._backer(found)
                    if wanted and (found.kind != "place" or self.posted_in(found)):
                        return found
                    seen.add(child)
                    following.append(child)
            frontier = sorted(following)
        # "diplomats appointed by the Taliban", "the credentials of an ambassador appointed by the Houthis"
        envoys = [k for k in sorted(seen) if k != i and self.tree.lemma(k) in ENVOY_NOUNS]
        return next(
            (m for k in [i, *envoys] if (m := self._appointer(k)) is not None), None
        ) or self._named_after_role(i)

    def _appointer(self, i: int) -> Mention | None:
        """The agent of a participle describing token ``i`` ("the ambassador appointed by X")."""
        for clause in self.tree.children(i, "acl"):
            for agent in self.tree.agent(clause):
                # "by the Houthi movement": the name may be the agent noun's compound (not "by the Italian
                # jurist X", a person described by a nationality)
                for k in [agent, *self.tree.children(agent, "compound")]:
                    if k in self.by_token:
                        return self.by_token[k]
        return None

    def _named_after_role(self, i: int) -> Mention | None:
        """ "opposition leader Raila Odinga" with the name parsed as an apposition of another word."""
        named = self.by_token.get(i + 1)
        if (
            named is not None
            and named.kind == "person"
            and named.first == i + 1
            and self.tree.tokens[i].pos == "NOUN"
            and self.tree.tokens[named.head].dep in {"appos", "conj"}
            and self.tree.tokens[named.head].head != i
        ):
            return named
        return None

    def _members_of(self, i: int, subset: bool = False) -> bool:
        """Whether token ``i`` names unnamed member states of an organisation ("EU states"), whose own
        acts ("EU states that have recognised Kosovo") are not the organisation's; ``subset`` when a
        quantity before it counts some of them ("most of their EC partners")."""
        token = self.tree.tokens[i]
        lemma = self.tree.lemma(i)
        # "members" alone speak as the organisation; "most EU members", "several members" are some of them
        some = lemma in {"member", "partner"} and (
            subset
            or any(self.tree.lemma(k) in SUBSET_WORDS for k in self.tree.children(i, "amod", "det", "nummod"))
        )
        if token.tag not in {"NNS", "NNPS"} or (lemma not in MEMBER_NOUNS and not some) or i in self.by_token:
            return False
        modifiers = {self.tree.lemma(k) for k in self.tree.children(i, "det", "predet", "amod")}
        counted = any(self.tree.tokens[k].tag == "CD" for k in self.tree.children(i, "nummod"))
        restricted = bool(self.tree.children(i, "relcl", "acl"))  # "the five EU states that have not ..."
        if "all" in modifiers or ("the" in modifiers and counted and not restricted):
            return False  # "the twelve member states of the European Community", "all EU states": the whole
        found = self.mention_at(i)
        return found is not None and found.kind == "igo"

    def _quantity_of(self, i: int) -> int:
        """ "a string of other EU members", "a number of EU states": the members the quantity counts."""
        if self.tree.lemma(i) not in QUANTITY_NOUNS:
            return i
        counted = [
            o
            for p in self.tree.children(i, "prep")
            if self.tree.lemma(p) == "of"
            for o in self.tree.children(p, "pobj")
        ]
        return counted[0] if counted else i

    def _polity_named(self, i: int) -> list[Mention]:
        """The states an "of" phrase names for a polity noun ("the former Soviet republic of Georgia", "the
        breakaway Yugoslav republics of Slovenia and Croatia"): those states, not the one its adjective
        recalls."""
        if i in self.by_token or self.tree.lemma(i) not in POLITY_NOUNS:
            return []
        return [
            self.by_token[k]
            for p in self.tree.children(i, "prep")
            if self.tree.lemma(p) == "of"
            for o in self.tree.children(p, "pobj")
            for k in self.tree.with_conjuncts(o)
            if k in self.by_token and self.by_token[k].kind == "state"
        ]

    def posted_in(self, place: Mention) -> bool:
        """Whether a place names where a mission is posted ("its embassy in Kabul") or whom rulers rule
        ("the interim government in Kyrgyzstan", "any government in Afghanistan")."""
        prep = self.tree.tokens[place.head].head
        if self.tree.tokens[place.head].dep != "pobj" or self.tree.lemma(prep) != "in":
            return False
        holder = self.tree.tokens[prep].head
        if self.tree.tokens[holder].dep == "acl" and self.tree.tokens[holder].tag == "VBN":
            # "the regime proclaimed in Sana'a", "a government formed in Aden": rulers set up there
            return self.tree.lemma(self.tree.tokens[holder].head) in RULERS
        return self.tree.lemma(holder) in POSTS | RULERS

    def is_actor(self, i: int) -> bool:
        return self.mention_at(i) is not None

    def is_polity(self, i: int) -> bool:
        """Whether token ``i`` names a state, government, body or person, not a place where things happen."""
        found = self.mention_at(i)
        return found is not None and found.kind != "place"

    def quote_at(self, char: int) -> Quote | None:
        for quote in self.quotes:
            if quote.start <= char < quote.end:
                return quote
        return None

    def _titled_person(self, mention: Mention, tokens: list[int]) -> bool:
        """Whether role ``mention`` is the title right before a person also among ``tokens``, of its state."""
        if mention.kind != "role" or mention.last >= len(self.tree.tokens):
            return False
        person = self.mention_at(mention.last)
        return (
            person is not None
            and person.kind == "person"
            and person.first == mention.last
            and person.actor.country == mention.actor.country
            and any(person.first <= k < person.last for k in tokens)
        )

    def resolve(
        self, tokens: list[int], day: str | None, as_target: bool = False
    ) -> list[tuple[Actor, str, str | None]]:
        """Actors for argument tokens, each with the rule that found it and a quote id if one was used."""
        if not tokens:
            return []
        found: list[tuple[Actor, str, str | None]] = []
        for i in tokens:
            token = self.tree.tokens[i]
            if self.tree.words[i] in FIRST_PERSON:
                quote = self.quote_at(token.start)
                if quote and quote.speaker and quote.speaker.actor:
                    found.append((quote.speaker.actor, "actor:quote-speaker", quote.id))
                    continue
            if token.tag in {"WDT", "WP"}:
                i = self._antecedent(i)  # "Cuba, which Mexico urged Washington to remove from ..."
            counted = self._quantity_of(i)
            if not as_target and (
                self._members_of(i) or (counted != i and self._members_of(counted, subset=True))
            ):
                continue  # "EU states that have recognised Kosovo": the members act, unnamed
            if self.tree.ranked(i) and i not in self.by_token:
                continue  # "the first member of the EU to do so" describes a state, not the EU
            owned = [k for k in self.tree.children(i, "poss") if self.tree.tokens[k].tag == "PRP$"]
            if as_target and token.dep == "conj" and owned and i not in self.by_token:
                continue  # "its recognition of a Palestinian state and its backing for South Africa": an act
            # a named owner only: "its neighbour" may be the neighbour the story names
            owned_by = [k for k in self.tree.children(i, "poss") if k in self.by_token] + [
                o
                for k in self.tree.children(i, "prep")
                if self.tree.lemma(k) == "of"
                for o in self.tree.children(k, "pobj")
                if o in self.by_token
            ]
            if i not in self.by_token and self.tree.lemma(i) in OTHERS_NOUNS and owned_by:
                # "Russia's allies", "the partners of Spain": others than their owner, named only by a
                # modifier of their own ("its European partners")
                beside = [
                    self.by_token[k] for k in self.tree.children(i, "amod", "compound") if k in self.by_token
                ]
                found.extend((m.actor_on(day), "actor:" + m.rule, None) for m in beside if m.kind != "place")
                continue
            if polities := self._polity_named(i):
                found.extend((m.actor_on(day), "actor:polity-of:" + m.rule, None) for m in polities)
                continue
            mention = self.mention_at(i)
            # a place is where something happens, never who acts; it is a target only when it is
            # the argument itself ("visited Moscow", "its embassy in Kabul"), not a circumstance
            # found in the phrase ("signed an agreement in Cairo")
            if mention is not None and mention.kind == "place":
                direct = mention.first <= i < mention.last or self.posted_in(mention)
                if not (as_target and direct):
                    continue
            if mention is not None and self._backer(mention):
                continue  # "Russian-backed separatists" are not Russia
            if mention is not None and len(self.by_head.get(mention.head, ())) > 1:
                # "Chinese and Russian warships": two composed mentions share the head noun
                for shared in self.by_head[mention.head]:
                    found.append((shared.actor_on(day), "actor:" + shared.rule, None))
            elif mention is not None and i not in self.by_token and self.tree.lemma(i) in FOLLOWERS:
                found.append((self._followers(token.text, mention.actor_on(day)), "actor:followers-of", None))
            elif mention is not None:
                told = (
                    self._reporters_state(i, day)
                    if mention.rule.startswith("description-coref:")
                    and self.tree.lemma(i) in GOVERNMENT_NOUNS
                    else []
                )
                if told and told[0][0].country != mention.actor_on(day).country:
                    # "Nicaragua broke with Taiwan, its foreign ministry saying the government recognised only
                    # one China": the government of the one who says so, not the state named last
                    found.extend(told)
                    continue
                if self._titled_person(mention, tokens):
                    continue  # "Sudan's military leader Abdel Fattah al-Burhan", split by the parser
                found.append((mention.actor_on(day), "actor:" + mention.rule, None))
                for other in self._modifier_mentions(i, mention):
                    if mention.kind == "person" and other.kind == "role":
                        continue  # "Pakistani President Pervez Musharraf": his title, not a second actor
                    found.append((other.actor_on(day), "actor:shared-head:" + other.rule, None))
                for other in self._coordinated_modifiers(mention, i):
                    found.append((other.actor_on(day), "actor:coordinated:" + other.rule, None))
            elif token.pos == "PRON" and token.dep.startswith("nsubj"):
                found.extend(self._speaker_of_clause(i, day))
            elif size := self._pair_word(i):
                # "after the two agreed a ceasefire", "both sides", "the three capitals": the last
                # coordinated group of that size named in the sentence, or else in the one before
                people = self.tree.lemma(i) not in COUNTED_STATES  # "the two", "both sides": Putin and Xi
                for back in (token.sentence, token.sentence - 1):
                    before = [m for m in self.mentions if m.sentence == back and m.last <= i]
                    group = self._plural(before, size, people)
                    if group:
                        break
                found.extend((m.actor_on(day), "actor:the-group", None) for m in group)
                if not group and size == 2:
                    # "Iraq recognised Kuwait, and the two governments agreed ...": the two states the
                    # sentence named before, when it named no others
                    group = self._the_two_named(i, people)
                    found.extend((m.actor_on(day), "actor:the-two-named", None) for m in group)
                if not group:  # "seven Latin American countries, among them Argentina, Chile and Peru"
                    found.extend(self._listed_members(i, day))
            else:
                found.extend(
                    self._listed_members(i, day)
                    or self._owner_state(i, day)
                    or self._government_of_clause(i, day)
                    or self._sector_beside(i, day)
                    or self._described_state(i, day)
                )
        if len(found) < 2:
            return found  # one actor (or none) has no twin nor bare state beside it to drop
        # one actor per code, but two people of one state stay two ("Kenyatta and Odinga met" in 2018,
        # when the day leaves both codes bare)
        unique: dict[tuple[str, str], tuple[Actor, str, str | None]] = {}
        for item in found:
            unique.setdefault(party(item[0]), item)
        # "Saudi King Salman": the king's government, not also the bare state his title names
        sectored = {code[:3] for code, _ in unique if len(code) > 3 and not code.startswith("IGO")}
        # (a person out of office stays: "President Kenyatta and opposition leader Raila Odinga met")
        return [
            item
            for (code, _), item in unique.items()
            if len(code) != 3 or code not in sectored or item[1].startswith("actor:person")
        ]

    @staticmethod
    def _followers(text: str, leader: Actor) -> Actor:
        """ "Supporters of President Trump", "opposition supporters", "Bolsonaro loyalists": the people who
        follow a leader or party are its country's people (its opposition's, when it is the opposition)."""
        country = leader.country
        if not country or leader.code.startswith("IGO"):
            return leader
        sector = "OPP" if leader.sector == "OPP" else "CVL"
        return Actor(text=text, code=country + sector, country=country, sector=sector)

    def _listed_members(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """The states an "among them" (or "including") phrase names for a group noun ("diplomats from seven
        Latin American countries, among them Argentina, Chile and Peru"), wherever the parser hangs it:
        on the noun, beside it, or under the first name it lists."""
        head = self.tree.tokens[i].head
        hosts = [i] + ([head] if self.tree.tokens[head].pos == "ADP" else [])
        phrases = [k for h in hosts for k in self.tree.children(h, "prep")]
        after = max(self.tree.subtree(i)) + 1
        while after < len(self.tree.tokens) and self.tree.words[after] == ",":
            after += 1
        if after < len(self.tree.tokens):
            phrases.append(after)
        found: list[tuple[Actor, str, str | None]] = []
        for among in dict.fromkeys(phrases):
            if self.tree.lemma(among) not in {"among", "including"}:
                continue
            listed = self.tree.children(among, "pobj")
            if self.tree.tokens[among].head in self.by_token:  # "among them" hung on "Peru"
                listed.append(self.tree.tokens[among].head)
            members = [self.by_token.get(m) for k in listed for m in self.tree.with_conjuncts(k)]
            for mention in members:
                if mention is not None and mention.kind not in PERSONAL_KINDS:
                    found.append((mention.actor_on(day), "actor:listed-member", None))
        return list(dict.fromkeys(found))

    def _sector_beside(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """ "Venezuela's government and the opposition", "the Syrian army and the rebels": a bare
        sector noun coordinated with a state's actor belongs to that state."""
        sector = SECTOR_NOUNS.get(self.tree.lemma(i))
        token = self.tree.tokens[i]
        if sector is None or not any(self.tree.lemma(k) == "the" for k in self.tree.children(i, "det")):
            return []
        head = token.head if token.dep == "conj" else i
        for k in self.tree.with_conjuncts(head):
            mention = self.by_token.get(k) if k != i else None
            if mention is None or mention.kind in {"place", "igo", "group"}:
                continue
            country = mention.actor_on(day).country
            if country and not mention.actor.code.startswith("IGO"):
                actor = Actor(text=token.text, code=country + sector, country=country, sector=sector)
                return [(actor, "actor:sector-beside:" + mention.rule, None)]
        return []

    def _owner_state(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """ "his country", "its government", or a bare possessive "its": the owner's state.

        "his"/"her" point back to the nearest person or office named before them in the
        sentence ("Malta's foreign minister said his country ..."), "its"/"their" to the nearest
        state or organisation, the clause subject first ("Turkey ... its ambassador").
        """
        token = self.tree.tokens[i]
        lemma = token.lemma.lower()
        if token.tag == "PRP$":
            owner, noun = token, None
        else:
            owners = [k for k in self.tree.children(i, "poss") if self.tree.tokens[k].tag in {"PRP$", "WP$"}]
            if not owners:
                return []
            owner = self.tree.tokens[owners[0]]
            # "his country" is a state, "its envoy" a government; any other owned thing ("criticism of
            # its conduct") stands for its owner
            noun = lemma if lemma in STATE_NOUNS | OFFICE_NOUNS | MILITARY_NOUNS else None
        word = owner.text.lower()
        if word == "whose":  # "the minister, whose government New Delhi does not recognise"
            antecedent = self.mention_at(self._antecedent(owner.i))
            if antecedent is None or antecedent.kind == "place":
                return []
            return self._state_of(antecedent.actor_on(day), noun, owner.text, token.text)
        if word not in PERSONAL_POSSESSIVES | IMPERSONAL_POSSESSIVES:
            return []
        addressee = self._addressee(owner.i)
        if addressee is not None:  # "thanked Türkiye for its support": its = Türkiye
            return self._state_of(addressee.actor_on(day), noun, owner.text, token.text)
        relative = self._relative_subject(owner.i) if word in IMPERSONAL_POSSESSIVES else None
        if relative is not None:  # "joining Argentina, which has also withdrawn its envoy": its = Argentina
            return self._state_of(relative.actor_on(day), noun, owner.text, token.text)
        before = [m for m in self.mentions if m.sentence == token.sentence and m.last <= owner.i]
        if word in PERSONAL_POSSESSIVES:
            chosen = [m for m in before if m.kind in PERSONAL_KINDS or m.actor.role]
        elif word == "their" and self._plural(before):
            # "recalled its ambassadors to Ireland and Norway over their decision": the coordinated pair
            group = self._plural(before)
            return [s for m in group for s in self._state_of(m.actor_on(day), noun, owner.text, token.text)]
        else:
            chosen = [m for m in before if m.kind not in PERSONAL_KINDS | {"place"}]
            if word == "their":  # with no pair named, "their" is a group's, not a single state's
                chosen = [m for m in chosen if m.kind in {"group", "igo", "demonym"}]
            # not the owner of a noun the pronoun sits under: in "Congo's accusation that its troops"
            # or "the Commission's criticism of its conduct", "its" is someone else's
            owners = {k for node in self._ancestors(owner.i) for k in self.tree.children(node, "poss")}
            chosen = [m for m in chosen if m.head not in owners] or chosen
            subjects = [m for m in chosen if self.tree.tokens[m.head].dep in {"nsubj", "nsubjpass"}]
            if self.tree.tokens[token.head if token.tag == "PRP$" else i].dep != "pobj":
                chosen = subjects or chosen  # deep in a phrase ("criticism of its conduct") the nearest
        if not chosen:
            return []
        return self._state_of(chosen[-1].actor_on(day), noun, owner.text, token.text)

    @staticmethod
    def _state_of(
        actor: Actor, noun: str | None, owner: str, text: str
    ) -> list[tuple[Actor, str, str | None]]:
        """The state (or its government, or its office holder) that an owned noun stands for."""
        word = owner.lower()
        if noun is None or actor.code.startswith("IGO") or not actor.country:
            return [(actor, "actor:possessive-antecedent:" + word, None)]
        sector = "MIL" if noun in MILITARY_NOUNS else "" if noun in STATE_NOUNS - GOVERNMENT_NOUNS else "GOV"
        state = Actor(
            text=f"{owner} {text}", code=actor.country + sector, country=actor.country, sector=sector or None
        )
        return [(state, f"actor:owned-state:{word}-{noun}", None)]

    def _government_of_clause(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """ "the authorities that emerged from the putsch in Niger", "the government set up in Kabul": a
        government word whose own clause names the state it governs."""
        words = GOVERNMENT_NOUNS | {"authority", "regime", "junta", "rulers", "ruler", "leaders"}
        if self.tree.lemma(i) not in words and self.tree.words[i] not in words:
            return []
        for clause in self.tree.children(i, "relcl", "acl"):
            for node in self.tree.subtree(clause):
                mention = self.by_token.get(node)
                if (
                    mention is not None
                    and mention.kind in {"place", "state", "capital"}
                    and mention.actor.country
                ):
                    country = mention.actor_on(day).country
                    actor = Actor(
                        text=self.tree.tokens[i].text, code=country + "GOV", country=country, sector="GOV"
                    )
                    return [(actor, "actor:government-of-clause", None)]
        return []

    def _addressee(self, owner: int) -> Mention | None:
        """The object of "thank/praise/blame X for its ...", "accused X of ..., including its ...":
        whom a possessive inside the "for"/"of"/"over" phrase of a verb with an actor object points to."""
        tree = self.tree
        for node in self._ancestors(owner):
            token = tree.tokens[node]
            if token.dep == "prep" and tree.lemma(node) in ADDRESSED_FOR:
                objects = tree.children(token.head, "dobj")
                charged = tree.tokens[token.head]
                if not objects and charged.dep == "dobj" and tree.lemma(charged.head) in CHARGING_VERBS:
                    objects = [token.head]  # "accusing the Irish government of policies including its ..."
                mention = self.mention_at(objects[0]) if len(objects) == 1 else None
                if mention is not None and mention.kind != "place":
                    return mention
                # "accusing X of pursuing policies, including its recognition of ...": the phrase hangs
                # on a noun of the charge; the verb above names whose
            if token.pos in {"VERB", "AUX"} and token.dep not in {"pcomp", "prep", "acl", "relcl"}:
                return None  # the clause the possessive stands in: its own subject decides
        return None

    def _relative_subject(self, i: int):
        """The named antecedent of the relative pronoun subject of the clause token ``i`` stands in."""
        verb = next((k for k in self._ancestors(i) if self.tree.tokens[k].pos in {"VERB", "AUX"}), None)
        if verb is None or self.tree.tokens[verb].dep != "relcl":
            return None
        if not any(self.tree.tokens[k].tag in {"WDT", "WP"} for k in self.tree.children(verb, "nsubj")):
            return None
        antecedent = self._antecedent(verb)
        found = self.by_token.get(antecedent)  # the antecedent itself names an actor
        plural = self.tree.tokens[antecedent].tag in {"NNS", "NNPS"} or bool(
            self.tree.children(antecedent, "conj")
        )
        if found is None or found.kind == "place" or plural != (self.tree.words[i] == "their"):
            return None  # "EU states that withheld recognition of its independence": its is not theirs
        return found

    def _ancestors(self, i: int) -> list[int]:
        """The heads above token ``i``, up to its sentence root."""
        found = []
        while self.tree.tokens[i].head != i and len(found) < 50:
            i = self.tree.tokens[i].head
            found.append(i)
        return found

    def earlier_other(self, i: int, others: set[str], day: str | None) -> list[tuple[Actor, str, str | None]]:
        """The nearest actor named before token ``i`` in its sentence that is none of ``others``."""
        sentence = self.tree.tokens[i].sentence
        for mention in reversed([m for m in self.mentions if m.sentence == sentence and m.last <= i]):
            actor = mention.actor_on(day)
            if mention.kind not in PERSONAL_KINDS | {"place"} and actor.code not in others:
                return [(actor, "actor:earlier-other", None)]
        return []

    def _pair_word(self, i: int) -> int:
        """How many "the two", "both", "the three capitals", "all four countries" name (0: none)."""
        lemma = self.tree.lemma(i)
        if lemma == "both":
            return 2
        if lemma in GROUP_SIZES and any(
            self.tree.lemma(k) in {"the", "all"} for k in self.tree.children(i, "det", "predet")
        ):
            return GROUP_SIZES[lemma]  # "the two", "all three" (not "killed two")
        if lemma not in GROUP_NOUNS:
            return 0
        counted = {self.tree.lemma(k) for k in self.tree.children(i, "nummod", "det", "predet")}
        sizes = [GROUP_SIZES.get(word, 2 if word == "both" else 0) for word in counted]
        return max(sizes, default=0)

    def _plural(self, before: list[Mention], size: int | None = None, people: bool = False) -> list[Mention]:
        """The last coordinated group of state or organisation mentions before a "their" (of ``size``)."""
        for mention in reversed(before):
            first = mention.head
            while self.tree.tokens[first].dep == "conj" and self.tree.tokens[first].head != first:
                first = self.tree.tokens[first].head  # the whole coordination, from its first member
            group = [self.by_token.get(k) for k in self.tree.with_conjuncts(first)]
            # coordinated places stand for their states ("from Madrid, Dublin and Oslo ... their
            # governments"); a counted group may be named through envoys ("expelled the ambassadors of
            # Montenegro and Macedonia, a day after the two neighbours recognised Kosovo"), and "the two"
            # or "both sides" through people ("both governments" not through the names beside their
            # envoys' titles)
            kept = PERSONAL_KINDS if size is None else {"pronoun"} if people else {"pronoun", "person"}
            group = [m for m in group if m is not None and m.kind not in kept]
            # a group of states names as many states as it counts ("the reopening of the Emirati embassy in
            # Doha and the Qatari embassy in Abu Dhabi": two posts in one host do not make it two countries)
            distinct = len({m.actor.country or m.actor.code for m in group}) == len(group)
            if len(group) > 1 and (size is None or (len(group) == size and distinct)):
                return group
        return []

    def _the_two_named(self, i: int, people: bool) -> list[Mention]:
        """The only two states named before token ``i`` in its sentence, one mention each (for "the two
        governments"), or none."""
        sentence = self.tree.tokens[i].sentence
        kept = {"pronoun", "place"} | ({"role"} if not people else set())
        named: dict[str, Mention] = {}
        for m in self.mentions:
            if m.sentence == sentence and m.last <= i and m.kind not in kept and m.actor.country:
                named.setdefault(m.actor.country, m)
        return list(named.values()) if len(named) == 2 else []

    def _antecedent(self, i: int) -> int:
        """The noun a relative pronoun stands for: the head of its relative clause."""
        node = i
        for _ in range(8):
            token = self.tree.tokens[node]
            if token.dep == "relcl":
                return token.head
            if token.head == node:
                break
            node = token.head
        return i

    def _backer(self, mention: Mention) -> bool:
        """A mention inside a compound like "Russian-backed" or "US-led" names a third party."""
        tokens = self.tree.tokens
        after = mention.last
        if after + 1 < len(tokens) and tokens[after].text == "-":
            # "Sudan's army-led government": the owner named before "'s" governs; only the role leads
            owned = any(tokens[k].text in {"'s", "'"} for k in range(mention.first, after))
            return tokens[after + 1].text.lower() in BACKING and not owned
        return False

    def _modifier_mentions(self, i: int, mention: Mention) -> list[Mention]:
        """ "Chinese and Russian warships": other mentions modifying the same head noun."""
        found = []
        for modifier in self.tree.children(i, "amod", "compound", "nmod"):
            for node in self.tree.with_conjuncts(modifier):
                other = self.by_token.get(node)
                if other is not None and other is not mention and other not in found:
                    found.append(other)
        return found

    def _coordinated_modifiers(self, mention: Mention, i: int) -> list[Mention]:
        """ "Chinese and Russian warships": a modifier mention's conjuncts name actors too."""
        if mention.first <= i < mention.last:
            return []
        found = []
        for node in self.tree.with_conjuncts(mention.head):
            other = self.by_token.get(node)
            if other is not None and other is not mention:
                found.append(other)
        return found

    def _described_state(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """ "The kingdom will not establish relations with Israel, Saudi Arabia's foreign ministry said": a
        subject "the kingdom" (the country, the Gulf state, the island nation) that no earlier mention
        stands for is the state of the one who reports its clause, named after it."""
        if self.tree.lemma(i) not in DESCRIBED_STATES:
            return []
        return self._reporters_state(i, day)

    def _reporters_state(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """The state of the one who reports the clause whose subject is "the <noun>" at ``i`` (see
        ``_described_state``), or nothing when no single state reports it."""
        tree, token = self.tree, self.tree.tokens[i]
        if (
            token.dep not in {"nsubj", "nsubjpass"}
            or not any(tree.lemma(k) == "the" for k in tree.children(i, "det"))
            or tree.children(i, "poss", "prep", "relcl", "acl")
        ):
            return []
        verb = tree.tokens[token.head]
        if verb.dep not in {"ccomp", "parataxis"} or tree.lemma(verb.head) not in REPORTING:
            return []  # "seven years after the kingdom cut ties": no one reports it, the kingdom is unnamed
        tellers = tree.children(verb.head, "nsubj")
        mentions = [self.mention_at(k) for k in tellers]
        countries = {
            m.actor_on(day).country
            for m in mentions
            if m is not None and m.actor.country and not m.actor.code.startswith("IGO")
        }
        if not countries and tree.tokens[verb.head].dep == "advcl":
            # "Nicaragua broke with Taiwan, its foreign ministry saying ...": an absolute clause whose teller
            # is owned by "its", the main clause's subject
            owned = [
                k for t in tellers for k in tree.children(t, "poss") if tree.lemma(k) in {"its", "their"}
            ]
            main = tree.children(tree.tokens[verb.head].head, "nsubj") if owned else []
            found = [self.mention_at(k) for k in main]
            countries = {m.actor_on(day).country for m in found if m is not None and m.actor.country}
        if len(countries) != 1:
            return []
        country = countries.pop()
        sector = "GOV" if token.lemma.lower() in GOVERNMENT_NOUNS else None
        state = Actor(text=token.text, code=country + (sector or ""), country=country, sector=sector)
        return [(state, "actor:described-state:" + token.lemma.lower(), None)]

    def _speaker_of_clause(self, i: int, day: str | None) -> list[tuple[Actor, str, str | None]]:
        """A pronoun subject with no mention borrows the subject of the verb reporting its clause; a plural
        one ("they", "both", "each") only a plural subject ("Serbia and Montenegro said they ...")."""
        plural = self.tree.words[i] in PLURAL_PRONOUNS
        node = self.tree.tokens[i].head
        if self.tree.tokens[node].dep == "relcl":
            return self._subject_of_relative(i, node, day)
        complement = True  # whether the pronoun's clause is, so far, a complement of the clauses above
        for _ in range(8):
            token = self.tree.tokens[node]
            if token.head == node:
                return []
            if token.dep not in {"ccomp", "xcomp", "conj", "advcl", "acl", "dobj", "pobj", "prep"}:
                return []
            node = token.head  # up through "said (that) it ...", "denied reports that it ..."
            subjects = self.tree.children(node, "nsubj")
            controlled = token.dep == "xcomp" and self.tree.lemma(node) in OBJECT_CONTROL
            if complement and controlled and not self.tree.is_passive(node):
                # "prompting Kyiv to announce that it ...": the one prompted says it, not the prompter
                subjects = self.tree.children(node, "dobj") or subjects
            complement &= token.dep in {"ccomp", "xcomp"}
            for subject in subjects:
                mentions = [self.mention_at(s) for s in self.tree.with_conjuncts(subject)]
                found = [(m.actor_on(day), "actor:pronoun-reporting-subject", None) for m in mentions if m]
                if not found and self._pair_word(subject):
                    # "after the three governments announced they would recognise": the group they stand for
                    found = [
                        (actor, "actor:pronoun-reporting-subject:the-group", None)
                        for actor, _, _ in self.resolve([subject], day)
                    ]
                several = len(found) > 1 or self.tree.tokens[subject].tag in {"NNS", "NNPS"}  # "rebels"
                if plural and not several:
                    return []  # "Belgrade expelled their envoys after they recognised Kosovo": not Belgrade
                if found:
                    return found
        return []

    def _subject_of_relative(
        self, i: int, clause: int, day: str | None
    ) -> list[tuple[Actor, str, str | None]]:
        """ "Bahrain restored the ties it cut in 2016": a pronoun subject of a relative clause on the main
        verb's object is the main verb's subject, when no other party is named between them ("criticised
        Iran over the missiles it fired" may mean either)."""
        noun = self.tree.tokens[clause].head
        if self.tree.tokens[noun].dep not in {"dobj", "obj"} or self.tree.words[i] in PLURAL_PRONOUNS:
            return []
        for subject in self.tree.children(self.tree.tokens[noun].head, "nsubj"):
            between = [m for m in self.mentions if subject < m.head < i and m.kind not in PERSONAL_KINDS]
            mention = self.mention_at(subject)
            if mention is not None and not between:
                return [(mention.actor_on(day), "actor:pronoun-main-subject", None)]
        return []
