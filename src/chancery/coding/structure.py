"""Dependency-parse helpers on Token records: arguments, passives, coordination and control chains."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from operator import attrgetter
from typing import Any

from chancery.coding.repairs import repaired
from chancery.records import Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
LIST_MARKS = {":", "-", "—", "–"}  # what opens a list of the members a counted plural names
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
# nouns of a quantity of things ("a string of EU members", "among a handful of states that ...")
QUANTITY_NOUNS = {
    "string", "number", "handful", "majority", "host", "series", "dozen", "raft", "slew", "clutch", "group",
    "most", "many", "some", "several", "half",
}  # fmt: skip
# verbs whose "of" phrase is a charge against their object ("accused Doha of supporting terrorism")
CHARGING_VERBS = {"accuse", "charge", "suspect", "blame", "indict", "convict"}
# verbs whose object, not subject, controls their infinitive ("urged Russia to recognise")
OBJECT_CONTROL = {
    "urge", "ask", "call", "press", "pressure", "push", "encourage", "invite", "persuade", "force",
    "compel", "allow", "permit", "request", "exhort", "implore", "advise", "instruct", "order", "lobby",
    "expect", "want", "appeal", "tell", "help", "warn", "beseech", "prompt", "lead", "cause", "spur",
    "drive", "oblige", "require", "authorize", "authorise", "enable", "demand",
}  # fmt: skip
# prepositions that introduce an argument rather than a circumstance
ARGUMENT_PREPS = {"into", "of", "for", "on", "against", "with", "to", "from", "by", "between", "as", "about"}
# verbs whose subject is the author of their object ("signed decrees recognising ...")
AUTHORING_VERBS = {
    "sign", "issue", "adopt", "pass", "publish", "release", "announce", "enact", "approve", "back",
    "support", "sponsor", "table", "vote", "endorse", "send", "write",
}  # fmt: skip
# ranks that make "the Nth country (to V)" a description of the state that did it
RANKS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "latest", "last", "next", "only", "late", "sole", "newest",
}  # fmt: skip
# nouns that stand for the states they are said of ("the only country that", "among the countries that")
DESCRIBED_NOUNS = {
    "country", "state", "nation", "government", "capital", "member", "one", "ally", "neighbour", "democracy",
    "leader", "power", "economy", "monarchy",
}  # fmt: skip
# nouns whose "of" names who does them, not what they are done to ("the mediation of Qatar's emir")
AGENT_OF_NOUNS = {"mediation", "sponsorship", "patronage"}
# people ranked by their office ("became the first U.S. secretary of state to visit Cuba")
OFFICE_NOUNS = {
    "minister", "secretary", "president", "premier", "chancellor", "king", "queen", "monarch", "pope", "emir",
    "prince", "head", "dignitary", "politician", "statesman",
}  # fmt: skip
DESCRIBED_NOUNS |= OFFICE_NOUNS
OBJECT_CONTROL_NOUNS = {"call", "appeal", "plea", "request", "demand", "invitation", "pressure", "ultimatum"}
# nouns of intending whose "of" gerund is their holder's act ("has no intention of recognising"); each
# governs it as an intention (governors.tsv), so it is never told as done
INTENTION_NOUNS = {"intention", "intent", "plan"}
# clauses that hang their own event off a noun or verb and stop upward searches
CLAUSAL_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis"}
# nouns of when and where, whose phrase holds no argument
SETTING_NOUNS = {"day", "week", "month", "year", "night", "morning", "evening", "sideline", "margin", "eve"}
# conjunctions of time a parser may take for prepositions of a time phrase ("a day after both recognised")
TIME_CONJUNCTIONS = {"after", "before", "since", "until", "when", "as"}
# how the parser hangs a verb's "home" inside its object ("ordered its ambassador in Dublin home")
HOME_DEPS = {"advmod", "pobj", "npadvmod"}
# nouns of a journey or gathering that "on" sets its subject upon: "on a visit to", "on the sidelines of"
JOURNEY_NOUNS = {"visit", "trip", "tour", "mission", "sideline", "stopover"}
# the heads through which a nominalisation's agent is lent ("expressed support for")
LIGHT_VERBS = {
    "express", "voice", "extend", "offer", "give", "grant", "announce", "pledge", "declare", "reiterate",
    "reaffirm", "show", "lend", "throw", "issue", "make", "pay", "hold", "launch", "conduct", "stage",
    "signal", "convey", "send", "deliver", "register", "renew", "confirm", "accord", "provide", "have",
    "complete", "begin", "start", "speed", "accelerate", "order", "carry", "mount", "undertake",
    "weigh", "consider", "mull", "study", "discuss", "plan", "propose", "seek",
    "approve", "ratify", "authorise", "authorize",  # "parliament approved the recognition of Palestine"
    "wrap", "conclude", "end", "finish",  # "Lula, wrapping up a state visit to China"
}  # fmt: skip


def _remembered(method: Callable[[Tree, int], Any]) -> Callable[[Tree, int], Any]:
    """Keep a tree query's answer for each token, as the rules ask the same ones many times over.

    The tokens never change, so an answer depends on the token alone. A list is handed out as a
    fresh copy each time, so callers may extend it. The answers live and die with the tree.
    """
    name = method.__name__

    @wraps(method)
    def remembered(tree: Tree, i: int) -> Any:
        key = (name, i)
        answers = tree._answers
        answer = answers.get(key)
        if answer is None:
            answer = answers[key] = method(tree, i)
        return answer[:] if answer.__class__ is list else answer

    return remembered


# nouns of a part of an event in time ("at the end of a visit", "at the start of talks")
PHASE_NOUNS = {
    "end", "start", "beginning", "close", "conclusion", "outset", "course", "middle", "sidelines",
    "day", "leg", "stop",
}  # fmt: skip
# nouns of "in X with Y" circumstances, whose Y is no partner of the act ("in solidarity with Riyadh")
CIRCUMSTANCE_NOUNS = {
    "solidarity", "coordination", "concert", "line", "keeping", "tandem", "parallel", "sympathy", "step",
    "consultation", "cooperation", "collaboration", "alliance", "league", "conjunction", "accordance",
}  # fmt: skip
# verbs whose "in solidarity with X" is the act itself, toward X
STANDING = {"stand", "remain", "stay", "be", "express", "voice", "show", "declare", "reaffirm", "pledge"}
# prepositions of a verb whose object carries the verb's "with" partner
WITH_HOSTS = frozenset({"to", "into", "by", "via", "over"})
# nouns of amounts, whose "in" phrase says what the amount is of ("$5 billion in aid")
AMOUNTS = {
    "million", "billion", "trillion", "thousand", "dollar", "euro", "pound", "yuan", "yen", "tonne", "ton",
}  # fmt: skip


# verbs whose object the parser may take for the subject of their infinitive ("allowed X to run Y")
PERMITTING = {"allow", "let", "permit", "enable", "authorise", "authorize"}
# verbs of a free relative that names the object ("what it called", "what it described as")
NAMING_VERBS = {"call", "describe", "term", "brand", "label", "characterise", "characterize", "dub"}
# nouns that count the people of their "of" phrase ("hundreds of Vietnamese protested")
QUANTITIES = {"hundred", "thousand", "dozen", "million", "score", "ten", "crowd", "group", "number"}


class Tree:
    """Children and argument lookups over one article's tokens."""

    def __init__(self, tokens: tuple[Token, ...]):
        tokens = repaired(tokens)
        self.tokens = tokens
        # each token's lemma and word in lower case, and its dep, read once: the rules ask for them constantly
        # (map over attrgetter: no Python frame per token, which the Tree of a long article feels)
        self.lemmas = list(map(str.lower, map(attrgetter("lemma"), tokens)))
        self.words = list(map(str.lower, map(attrgetter("text"), tokens)))
        self._deps = list(map(attrgetter("dep"), tokens))
        self._children: list[list[int]] = [[] for _ in tokens]
        children = self._children
        for i, head in zip(map(attrgetter("i"), tokens), map(attrgetter("head"), tokens), strict=True):
            if head != i:
                children[head].append(i)
        self._answers: dict[tuple[str, int], Any] = {}  # see _remembered

    def children(self, i: int, *deps: str) -> list[int]:
        """Children of token ``i``, optionally only those with one of ``deps``."""
        kids = self._children[i]
        if not kids or not deps:
            return list(kids)
        found = []  # a plain loop: the rules call this one most, and a comprehension costs a call more
        dep_of = self._deps
        for k in kids:
            if dep_of[k] in deps:
                found.append(k)
        return found

    def lemma(self, i: int) -> str:
        return self.lemmas[i]

    def subtree(self, i: int, stop: Iterable[str] = ()) -> list[int]:
        """Token ``i`` and its descendants, not entering children whose dep is in ``stop``."""
        kids = self._children[i]
        if not kids:
            return [i]  # a leaf, as most tokens are
        stop = stop if isinstance(stop, (set, frozenset)) else set(stop)
        dep_of, children = self._deps, self._children
        found, todo = [], [i]
        while todo:
            node = todo.pop()
            found.append(node)
            for k in children[node]:
                if dep_of[k] not in stop:
                    todo.append(k)
        found.sort()
        return found

    def with_conjuncts(self, i: int) -> list[int]:
        """Token ``i`` and every token coordinated with it ("Russia and China").

        A list the parser hangs as an apposition ("Saudi Arabia, the UAE, Bahrain and Egypt")
        counts too, when the apposition itself heads a coordination.
        """
        if not self._children[i]:
            return [i]  # a leaf has no conjuncts
        found, todo = [], [i]
        while todo:
            node = todo.pop()
            found.append(node)
            for k in self._children[node]:
                dep = self._deps[k]
                if dep == "conj" or (dep == "appos" and self.children(k, "conj")):
                    todo.append(k)
        found.sort()
        return found

    @_remembered
    def is_passive(self, i: int) -> bool:
        # also a participle set off after its clause with its own agent ("signed a declaration on
        # Wednesday, brokered by Erdogan"): the agent is its subject
        participle = self.tokens[i].tag == "VBN" and self.tokens[i].dep in {"acl", "relcl", "advcl"}
        return bool(self.children(i, "auxpass", *PASSIVE_SUBJECT_DEPS)) or (
            participle and bool(self.children(i, "agent"))
            if self.tokens[i].dep == "advcl"
            else participle and bool(self.agent(i))
        )

    @_remembered
    def agent(self, i: int) -> list[int]:
        """The "by" agent of a passive verb or a nominalisation ("recognised by Russia")."""
        found = []
        hosts = [i]
        if self.children(i, "auxpass"):  # "declared persona non grata by Estonia": the parser's attachment
            hosts += self.children(i, "oprd", "dobj")
        for child in [c for host in hosts for c in self.children(host, "agent", "prep")]:
            if any(self.lemma(k) in {"not", "never"} for k in self.children(child, "neg", "advmod")):
                continue  # "recognised by 100 countries, but not by Serbia, Russia or China"
            if self.lemma(child) == "by":
                for pobj in self.children(child, "pobj"):
                    found.extend(self.listed_members(pobj) or self.with_conjuncts(pobj))
        return found

    def members(self, noun: int) -> list[int]:
        """A subject with its conjuncts, the members a counted plural lists, or the states a plural role
        names ("the foreign ministers of Greece and Macedonia": both)."""
        listed = self.listed_members(noun)
        if listed:
            return listed
        found = self.with_conjuncts(noun)
        if self.lemma(noun) in QUANTITIES or self.tokens[noun].tag == "CD":
            # "hundreds of Vietnamese", "thousands of Kurds and Arabs": the people counted
            return found + [c for o in self.prep_objects(noun, "of") for c in self.with_conjuncts(o)]
        if self.tokens[noun].tag == "NNS":
            found += self.named_after(noun, {"of"})
        return found

    def named_after(self, noun: int, preps: set[str]) -> list[int]:
        """The conjuncts after the first of a noun's prepositional object ("the ambassadors of Montenegro
        and Macedonia": Macedonia), which the parser leaves out of the phrase's actor."""
        return [
            c
            for p in self.children(noun, "prep")
            if self.lemma(p) in preps
            for o in self.children(p, "pobj")
            for c in self.with_conjuncts(o)[1:]
        ]

    def listed_members(self, noun: int) -> list[int]:
        """ "by five EU members: Spain, Greece and Cyprus", "five EU members - Spain, Greece - ...": the names
        a counted plural announces after a colon or dash (which the parser may hang elsewhere)."""
        if not self.children(noun, "nummod") or self.tokens[noun].tag != "NNS":
            return []
        # "five EU members: Spain, ...", "five EU members - Spain, Greece and Cyprus - still do not ..."
        listed = [k for k in self.children(noun, "appos") if k > 0 and self.words[k - 1] in LIST_MARKS]
        if listed:
            return self.with_conjuncts(listed[0])
        end = max(self.subtree(noun)) + 1
        if end + 1 >= len(self.tokens) or self.words[end] != ":":
            return []
        if self.tokens[end + 1].sentence != self.tokens[noun].sentence:
            return []
        return self.with_conjuncts(end + 1)

    @_remembered
    def participle_patients(self, i: int) -> list[int]:
        """What a passive participle set beside a clause acts on: that clause's subject ("the ambassador flew
        out of Seoul, recalled by his government"), when the participle names its doer."""
        token = self.tokens[i]
        if token.dep != "advcl" or token.tag != "VBN" or not self.children(i, "agent"):
            return []
        if self.children(i, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, *OBJECT_DEPS):
            return []
        return self.children(token.head, "nsubj")

    @_remembered
    def objects(self, i: int) -> list[int]:
        """The direct objects of verb ``i`` (its patient: the passive subject when passive)."""
        heads = self.children(i, *OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) if self.is_passive(i) else []
        heads = heads or self.children(i, *OBJECT_DEPS)
        if not heads and self.tokens[i].dep in {"acl"} and self.tokens[i].tag == "VBN":
            heads = [self.tokens[i].head]  # "the government recognised by Russia"
        heads = heads or self.participle_patients(i)
        if not heads and self.tokens[i].dep == "relcl" and self.children(i, *SUBJECT_DEPS):
            heads = [self.tokens[i].head]  # "a step Israel condemned": the head noun is the object
        if not heads or [self.lemma(k) for k in heads] == ["what"]:
            # "praised what he called a courageous decision": "what" may hang on the trigger itself
            heads = self._what_it_called(i, heads) or heads
        if not heads and self.lemma(i) in PERMITTING:
            # "allowed a Taliban-appointed envoy to run the embassy", parsed as a clause: its subject
            heads = [
                s
                for c in self.children(i, "ccomp")
                if "to" in self.aux_words(c)
                for s in self.children(c, "nsubj")
            ]
        found = []
        for head in heads:
            found.extend(self.with_conjuncts(head))
        return found

    def _made_so(self, verb: int) -> bool:
        """Whether the small clause "X the third state to V" of verb ``verb`` hangs on a "made"/"making" that
        tells a done act ("signed the treaty, making the UAE the third ..."), not a plan ("will appoint
        an ambassador, making Rome the first ...", "a deal that makes the Gulf state the third ...")."""
        make = self.tokens[verb].head
        if self.lemma(make) != "make":
            return True
        if self.tokens[make].tag == "VBD":
            return True
        host = self.tokens[make].head
        if self.lemma(host) in {"say", "announce", "tell", "state", "declare", "confirm"}:
            return (
                False  # "will appoint an ambassador, Tajani said, making Rome the first ...": what was said
            )
        auxes = self.children(host, "aux", "auxpass")
        past = (self.tokens[host].tag == "VBD" and not auxes) or (
            self.tokens[host].tag == "VBN" and bool(auxes) and all(self.tokens[a].tag == "VBD" for a in auxes)
        )  # "signed the accord", "the accord was signed", not "will appoint"
        return self.tokens[make].tag == "VBG" and past

    def _what_it_called(self, i: int, own: Sequence[int] = ()) -> list[int]:
        """ "criticised what it called China's coercive measures", "condemned what it described as
        Turkey's hostile decision": the object is what the free relative names (its "what" is the
        naming clause's object, or ``own``, the trigger's own)."""
        found = []
        for clause in self.children(i, "ccomp"):
            whats = [k for k in self.children(clause, "dobj") if self.lemma(k) == "what"] or list(own)
            if not whats or self.lemma(clause) not in NAMING_VERBS:
                continue
            found += self.children(clause, "oprd", "xcomp")
            found += [
                o
                for p in self.children(clause, "prep")
                if self.lemma(p) == "as"
                for o in self.children(p, "pobj")
            ]
        return found

    def of_objects(self, heads: list[int]) -> list[int]:
        """What the "of" phrases of ``heads`` name ("the release of X", "the first of the conditions")."""
        return [
            o
            for k in heads
            for p in self.children(k, "prep")
            if self.lemma(p) == "of"
            for o in self.children(p, "pobj")
        ]

    @_remembered
    def datives(self, i: int) -> list[int]:
        found = []
        for head in self.children(i, "dative", "iobj"):
            if self.tokens[head].pos == "ADP":
                for pobj in self.children(head, "pobj"):
                    found.extend(self.with_conjuncts(pobj))
            else:
                found.extend(self.with_conjuncts(head))
        return found

    def prep_objects(self, i: int, preposition: str) -> list[int]:
        """Objects of ``preposition`` attached to ``i`` or to its objects ("ties with Kabul")."""
        found = []
        hosts = [i]
        patients = self.children(i, *OBJECT_DEPS, "dative", *PASSIVE_SUBJECT_DEPS) + self.participle_patients(
            i
        )
        for k in patients:
            hosts.extend(self.with_conjuncts(k))  # "sent tents and food to Afghanistan"
            amount = self.lemma(k) in AMOUNTS or self.tokens[k].tag == "CD"
            for prep in self.children(k, "prep"):  # "signed a memorandum of understanding with X"
                # "pledged $5 billion in assistance to Afghanistan": an amount's "in" names what it is
                kinds = {"of", "in"} if amount else {"of"}
                hosts.extend(self.children(prep, "pobj") if self.lemma(prep) in kinds else [])
        if self.tokens[i].pos in {"NOUN", "PROPN"}:  # "pledge of assistance to Kabul"
            for prep in self.children(i, "prep"):
                hosts.extend(self.children(prep, "pobj") if self.lemma(prep) == "of" else [])
                if (
                    preposition == "with" and self.lemma(prep) == "in"
                ):  # "release of prisoners in a swap with X"
                    hosts.extend(self.children(prep, "pobj"))
            hosts.extend(self.agent(i))  # "a visit by the minister to Damascus": the parser's attachment
            if preposition in {"to", "with", "for"} and self.tokens[i].dep in {"dobj", "obj"}:
                # "slammed the arms sale to Taiwan", "expressed solidarity with Mexico": the parser
                # hangs the noun's phrase on its verb
                hosts.append(self.tokens[i].head)
        elif preposition == "with":
            for prep in self.children(i, "prep", "agent"):
                # "return to talks with Washington"; "spoke by telephone with Zelensky", "over the phone
                # with", "via video link with": the parser hangs the partner on the means
                hosts.extend(self.children(prep, "pobj") if self.lemma(prep) in WITH_HOSTS else [])
        if preposition in {"of", "from"}:  # "pulled its diplomats out of Beijing", "away from"
            hosts.extend(
                p for p in self.children(i, "prep", "prt", "advmod") if self.lemma(p) in {"out", "away"}
            )
        on_object: list[int] = []
        for host in hosts:
            for child in self.children(host, "prep", "prt", "dative", "agent"):
                if self.in_circumstance(host, child):
                    continue  # "cut ties in solidarity with Riyadh": not Riyadh, the one stood by
                if self.lemma(child) == preposition:
                    for pobj in self.children(child, "pobj", "pcomp"):
                        if self.children(pobj, "nsubj") or self._absolute(child, pobj):
                            continue  # "with X blaming Y", ", with the flag raised over ...": a clause
                        (on_object if host != i else found).extend(self.with_conjuncts(pobj))
                    if host != i and on_object:
                        break  # an object's first such phrase is its own
        # "downgraded ties with Iran in solidarity with Saudi Arabia": the object's own phrase first
        if on_object and self.tokens[i].pos in {"VERB", "AUX"}:
            return on_object
        return found + on_object

    def in_circumstance(self, host: int, prep: int) -> bool:
        """Whether "with" phrase ``prep`` completes a circumstance the parser hung beside it on ``host``: "in
        solidarity with", "in coordination with", "in line with" (the one stood by, worked with or followed,
        not the act's partner)."""
        if self.lemma(prep) != "with" or prep < 2 or self.lemma(host) in STANDING:
            return False  # "stood in solidarity with Lithuania": the standing is the act, with Lithuania
        noun = prep - 1
        before = self.tokens[noun]
        return (
            before.dep == "pobj"
            and self.lemma(noun) in CIRCUMSTANCE_NOUNS
            and self.lemma(before.head) == "in"
        )

    def _absolute(self, prep: int, pobj: int) -> bool:
        """Whether ``prep`` opens an absolute phrase set off by a comma (", with the Cuban flag raised
        over the embassy"): a circumstance, where "a deal with the group led by X" names a partner."""
        if prep == 0 or self.words[prep - 1] != ",":
            return False
        return any(self.tokens[k].tag in {"VBN", "VBG"} for k in self.children(pobj, "acl"))

    def argument_lemmas(self, i: int) -> set[str]:
        """Lemmas heading the trigger's arguments, with their modifiers, for pattern object checks."""
        lemmas = set()
        heads = self.children(i, *OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, "dative", "prt", "acomp", "npadvmod")
        token = self.tokens[i]
        if token.dep == "acl" and token.tag == "VBN" and self.tokens[token.head].dep == "pobj":
            heads.append(token.head)  # "under a declaration signed in Manama": the noun is the object
        elif token.dep == "acl" and token.tag == "VBN" and self.children(i, "agent"):
            heads.append(token.head)  # "a strike called by workers": the noun a participle's doer acts on
        heads += self.participle_patients(i)
        relative = [k for k in self.children(i) if self.tokens[k].tag in {"WDT", "WP", "WRB"}]
        if token.dep == "relcl" and not heads and not relative and self.children(i, *SUBJECT_DEPS):
            # "restored the ties it cut in 2016" (no relative pronoun): the head noun is the object
            heads.append(token.head)
        passive = self.is_passive(i)
        for prep in self.children(i, "prep", "agent"):
            if passive and self.lemma(prep) == "by":
                continue  # "a lunch hosted by the ambassador": the agent is no object
            if self.lemma(prep) in ARGUMENT_PREPS:  # not "over the war", "in Gaza"
                for pobj in self.children(prep, "pobj", "pcomp"):
                    if self.lemma(pobj) in SETTING_NOUNS or self.tokens[pobj].ent_type in {"DATE", "TIME"}:
                        continue  # "on the third day of the conference", "on the sidelines of the summit"
                    if self.lemma(prep) == "by" and self.tokens[pobj].tag == "VBG":
                        continue  # "retaliated by expelling Moscow's envoy": the means is an act of its own
                    # "accusing him of links to an espionage network": the whole phrase counts
                    lemmas.update(self.lemma(k) for k in self.subtree(pobj, stop=CLAUSAL_DEPS - {"pcomp"}))
                    heads.append(pobj)
        for clause in self.children(i, "ccomp", "xcomp"):
            heads.extend(self.children(clause, "nsubj"))  # "allowed inspectors to return"
            if not self.children(clause, "aux", "mark", "auxpass"):
                heads.append(clause)  # a small clause the parser made a verb: "declared X persona non grata"
        for head in list(heads):
            if (
                self.tokens[head].text.lower() in {"it", "him", "her", "them"}
                and self.tokens[head].dep in OBJECT_DEPS
            ):
                heads.extend(self._earlier_object(head))  # "reopened its embassy, years after closing it"
        for head in heads:
            for node in self.with_conjuncts(head):
                lemmas.add(self.tokens[node].text.lower())
                # the whole object phrase ("part of a military aid programme"), not its clauses nor
                # its circumstances ("a boycott of Israeli goods over the war": the war is no object)
                for k in self._phrase(node) + self._named_as(node):
                    lemmas.add(self.lemma(k))
        if any(self.words[k] == "grata" for k in self.subtree(i, stop=CLAUSAL_DEPS)):
            # "declared four employees of the Iranian embassy in Baku persona non grata": the parser hangs
            # the phrase anywhere in the object
            lemmas.add("grata")
        return lemmas

    def _earlier_object(self, pronoun: int) -> list[int]:
        """The object noun an "it" takes up: the last object before it in its sentence."""
        sentence = self.tokens[pronoun].sentence
        for k in range(pronoun - 1, -1, -1):
            token = self.tokens[k]
            if token.sentence != sentence:
                break
            if token.dep in OBJECT_DEPS and token.pos in {"NOUN", "PROPN"}:
                return [k]
        return []

    def _named_as(self, i: int) -> list[int]:
        """The phrase of what a name is said to be by its apposition ("expelled Heather Hodges, the US
        ambassador": an ambassador expelled), none for a common noun's ("the deal, a blow to Kyiv")."""
        if self.tokens[i].pos != "PROPN":
            return []
        return [k for a in self.children(i, "appos") for k in self._phrase(a)]

    def _phrase(self, i: int) -> list[int]:
        found, todo = [], [i]
        while todo:
            node = todo.pop()
            found.append(node)
            for k in self._children[node]:
                token = self.tokens[k]
                if token.dep in CLAUSAL_DEPS or token.dep in {"appos", "punct", "cc"}:
                    continue
                if token.dep == "prep" and self.lemma(k) not in ARGUMENT_PREPS:
                    continue
                todo.append(k)
        return found

    def modifier_lemmas(self, i: int) -> set[str]:
        """Lemmas modifying a noun ("humanitarian aid", "switch of recognition")."""
        lemmas = {self.lemma(k) for k in self.children(i, "compound", "amod", "nmod")}
        for prep in self.children(i, "prep"):
            if self.lemma(prep) in {"of", "in"}:  # "upgrade of relations", "an upturn in ties"
                for k in self.children(prep, "pobj"):
                    lemmas.add(self.lemma(k))
                    lemmas.update(self.lemma(n) for n in self._named_as(k))  # "expulsion of X, the envoy"
        return lemmas

    def particles(self, i: int) -> set[str]:
        """Particles and prepositions of ``i`` ("call on"), except those of a date ("on Sunday")."""
        found = {
            self.lemma(k)
            for k in self.children(i, "advmod")
            if self.lemma(k) in {"back", "off", "out", "away", "down", "home"}
        }
        for k in self.children(i, "prt", "prep"):
            objects = self.children(k, "pobj")
            if objects and all(self.tokens[o].ent_type in {"DATE", "TIME"} for o in objects):
                continue
            if self.lemma(k) == "on" and objects and all(self.lemma(o) in JOURNEY_NOUNS for o in objects):
                continue  # "called ... on a visit": where, not whom ("called on X")
            found.add(self.lemma(k))
        held = self.children(i, "dobj") + [p for p in self.children(i, "prep") if self.lemma(p) == "in"]
        for obj in held:
            # "ordered its ambassador home", "ordered its ambassador in Dublin home": the parser hangs the
            # verb's "home" on its object, or takes it for the object of the object's (or the verb's) "in"
            if any(
                self.words[k] == "home"
                and (
                    self.tokens[k].dep in HOME_DEPS
                    # "ordered its ambassadors in Oslo and Dublin home": taken for a third place
                    or (self.tokens[k].dep == "conj" and not self.children(k, "det", "poss"))
                )
                for k in self.subtree(obj)
            ):
                found.add("home")
            envoy = any(self.tokens[k].dep == "compound" for k in self.children(obj))
            if self.words[obj] == "home" and envoy:
                found.add("home")  # "send Russia's ambassador home", parsed as one noun "ambassador home"
        for clause in self.children(i, "advcl", "oprd", "acomp", "xcomp"):
            # "dismissed the package as illegitimate": the parser hangs "as" on the predicate
            found.update(
                self.lemma(k)
                for k in self.children(clause, "advmod", "mark", "prep")
                if self.lemma(k) == "as"
            )
        return found

    def aux_words(self, i: int) -> set[str]:
        """The lowercased auxiliaries of ``i`` ("to", "will", "would")."""
        return {self.words[k] for k in self.children(i, "aux")}

    def subjects(self, i: int) -> tuple[list[int], str]:
        """The subject(s) of verb ``i`` and how they were found (a note for the evidence).

        Passive verbs take their "by" agent; verbs without a subject borrow one along
        coordination, control, relative and adnominal clauses.
        """
        seen = set()
        node = i
        how = "subject"
        came_by = None  # the dependency of the clause we climbed from
        while node not in seen:
            seen.add(node)
            token = self.tokens[node]
            if token.dep == "amod" and node == i and i > 0 and self.words[i - 1] == "-":
                named = [k for k in self.children(node, "npadvmod", "compound", "nmod") if k < i]
                if named:  # "a US-brokered ceasefire": the name before the hyphen did it
                    return named, "hyphened-agent"
            if self.is_passive(node) and came_by == "conj":
                shared = self.children(node, *PASSIVE_SUBJECT_DEPS)
                if shared:  # "was indicted by the court and will resign": the one indicted resigns
                    found = [r for k in shared for r in self.with_conjuncts(k)]
                    return found, how + ":shared-passive-subject"
            if self.is_passive(node):
                agent = self.agent(node)
                if agent:
                    return agent, how + ":passive-agent"
                if node == i:
                    return [], "passive-without-agent"
                raised = self.children(node, *PASSIVE_SUBJECT_DEPS)
                if raised:  # "X is expected to visit", "X is said to be weighing"
                    return [r for k in raised for r in self.with_conjuncts(k)], how + ":raised-subject"
            else:
                subjects = self.children(node, *SUBJECT_DEPS) or [
                    k  # "Nauru switched ...": a sentence-initial name the parser took for an adverb
                    for k in self.children(node, "npadvmod", "advmod")
                    if k < node and self.tokens[k].pos == "PROPN" and k == min(self.subtree(node))
                ]
                if subjects and self.ranked_after(node):
                    subjects = []  # "became the first country after Russia to recognise": Russia went before
                if subjects and token.dep == "relcl" and self.tokens[subjects[0]].tag in {"WDT", "WP"}:
                    described = self._described(token.head, node)  # "Ghana became the only country that ..."
                    if described:
                        return described, how + ":relative-pronoun:described"
                    # not a name coordinated after the pronoun with a relative clause of its own: in
                    # "Poland and Canada, which recognised it on Monday, and Russia, which did so later",
                    # Russia is no antecedent of the first ("members that have yet to, among them X" is)
                    before = [
                        k
                        for k in self.with_conjuncts(token.head)
                        if k < subjects[0] or not self.children(k, "relcl")
                    ]
                    return before, how + ":relative-pronoun"
                if subjects:
                    found = []
                    for subject in subjects:
                        # "making the UAE the third Arab state to recognise Israel": the small clause's
                        # own subject is who the ranked noun describes
                        small = self.children(subject, "nsubj") if self.ranked(subject) else []
                        named = small if small and self._made_so(node) else []
                        for k in named or [subject]:
                            found.extend(self.members(k))
                    return found, how
            head = token.head
            if head == node:
                return [], "no-subject"
            if token.dep == "xcomp" and self.lemma(head) in OBJECT_CONTROL and self.is_passive(head):
                controllers = self.children(head, *PASSIVE_SUBJECT_DEPS)  # "Hamas was urged by Egypt to ..."
                if controllers:
                    return [c for k in controllers for c in self.with_conjuncts(k)], "object-control:passive"
            # "ordered the ambassador to leave, accusing Kigali of ...": a participle set off after the
            # infinitive tells what the one ordering did, not the one ordered
            aside = came_by == "participle"
            # "called on Thailand and Cambodia on Thursday to cease hostilities": an infinitive the parser
            # hangs as an adverbial after a date is the complement all the same
            hung = token.dep == "advcl" and "to" in self.aux_words(node)
            hung = hung and bool(self.prep_objects(head, "on"))
            if (
                (token.dep == "xcomp" or hung)
                and self.lemma(head) in OBJECT_CONTROL
                and not self.is_passive(head)
                and not aside
            ):
                controllers = self.children(head, "dobj") or self.prep_objects(head, "on")
                if self.lemma(head) in {"appeal", "plead"}:  # "appealed to the EU to lift ..."
                    controllers = controllers or self.prep_objects(head, "to")
                controllers = controllers or self.prep_objects(head, "upon")
                if controllers:
                    return [c for k in controllers for c in self.with_conjuncts(k)], "object-control"
            reduced = token.dep == "acl" and node == i and self.tokens[head].dep == "ROOT"
            if reduced and token.tag in {"VBN", "VBD"} and not self.children(node, "dobj", "agent"):
                # "Hundreds of Vietnamese protested outside the embassy": a sentence with no verb of its
                # own but this one, which the parser hung on its subject as a reduced relative
                return self.members(head), how + ":root-noun"
            if token.dep == "acl" and self.tokens[head].pos in {"NOUN", "PROPN"}:
                if self.lemma(head) in OBJECT_CONTROL_NOUNS:  # "Kabul's call on Moscow to recognise"
                    controllers = self.prep_objects(head, "on") or self.prep_objects(head, "to")
                    if controllers:
                        return controllers, "object-control"
                if token.tag == "VBG" and node > 0 and self.words[node - 1] == ",":
                    # "Kerry, visiting Kiev on Tuesday, accused ...": a participle set off by commas
                    # tells what the one it follows was doing
                    return self.with_conjuncts(head), "participle-apposition"
                owners = self.children(head, "poss") or self.agent(head) or self._of_owner(head)
                if owners:
                    return owners, "possessive-agent"
                carrier = self._light_verb_of(head)
                if carrier is None and self.tokens[head].dep == "attr":
                    carrier = self.tokens[head].head  # "became the first country to recognise"
                authored = self.lemma(self.tokens[head].head) in AUTHORING_VERBS
                authored = authored and self.tokens[head].dep in {"dobj", "obj"}
                voted = self.tokens[head].dep == "pobj" and self.lemma(self.tokens[head].head) == "for"
                if carrier is None and token.tag == "VBG" and voted:
                    holder = self.tokens[self.tokens[head].head].head  # "voted for a motion calling on ..."
                    if self.lemma(holder) in AUTHORING_VERBS:
                        carrier = holder
                if carrier is None and token.tag == "VBG" and authored:
                    carrier = self.tokens[head].head  # "signed decrees recognising ..."
                if carrier is not None:
                    node = carrier
                    how = "carrier-verb"
                    continue
                return [], "nominal-without-agent"
            if token.dep == "relcl":
                infinitive = "to" in self.aux_words(node)
                if infinitive and self.tokens[head].dep == "attr":
                    node = self.tokens[head].head  # "Russia became the first country to recognise ..."
                    how = "predicate-noun"
                    continue
                if (
                    infinitive
                    and self.ranked(head)
                    and self.tokens[head].dep == "appos"
                    and self.lemma(head) in OFFICE_NOUNS
                ):
                    # "talks with Muttaqi, the first Taliban foreign minister to visit India": Muttaqi
                    return self.with_conjuncts(self.tokens[head].head), "described-apposition:office"
                if infinitive and self.ranked(head) and self.tokens[head].dep in {"appos", "npadvmod"}:
                    # "Sweden recognised Palestine, the first EU member to do so": the clause's subject
                    anchor = self.tokens[head].head
                    while (
                        self.tokens[anchor].pos not in {"VERB", "AUX"} and self.tokens[anchor].head != anchor
                    ):
                        anchor = self.tokens[anchor].head
                    node = anchor
                    how = "described-apposition"
                    continue
                return self.with_conjuncts(head), "relative-clause"
            if token.dep == "advcl" and self.children(node, "mark"):
                # "after both recognised Kosovo": a finite clause has a subject of its own, here hung
                # under its conjunction by the parser; it never borrows the main clause's
                hung = [k for m in self.children(node, "mark") for k in self.children(m, "pobj", "nsubj")]
                if hung:
                    hung = [h for k in hung for h in self.with_conjuncts(k)]
                    return hung, how + ":subject-under-conjunction"
                if token.tag in {"VBD", "VBZ", "VBP"}:
                    return [], "finite-clause-without-subject"
            if (
                token.dep == "advcl"
                and token.tag in {"VBD", "VBZ", "VBP"}
                and not self.children(node, "nsubj")
            ):
                # "..., a day after both of its neighbours recognised Kosovo": the conjunction and the subject
                # hung under the time phrase; a finite clause never borrows the main clause's subject
                timed = [
                    p
                    for k in self.children(node, "npadvmod")
                    for p in self.children(k, "prep")
                    if self.lemma(p) in TIME_CONJUNCTIONS
                ]
                if timed:
                    hung = [
                        h for p in timed for o in self.children(p, "pobj") for h in self.with_conjuncts(o)
                    ]
                    return hung, how + ":subject-under-time-phrase"
            if token.dep in {"advcl", "acl"} and token.tag == "VBG" and self.tokens[head].dep in SUBJECT_DEPS:
                # "Lula, wrapping up a state visit to China, called ...": a participle the parser hung
                # on the subject it describes
                return self.with_conjuncts(head), how + ":participle-of-subject"
            if token.dep in {"xcomp", "conj", "ccomp", "advcl", "acomp"}:
                came_by = token.dep
                if token.dep == "advcl" and token.tag == "VBG" and node > 0 and self.words[node - 1] == ",":
                    came_by = "participle"
                node = head
                how = {"xcomp": "control", "conj": "coordination"}.get(token.dep, "clause-head")
                continue
            if token.dep == "pcomp" and self.lemma(head) in {"for", "of"}:
                blamed = self.children(self.tokens[head].head, "dobj")
                if blamed:  # "criticised Hungary for blocking ...": the one criticised did it
                    return [b for k in blamed for b in self.with_conjuncts(k)], "object-of-reproach"
            if token.dep in {"pcomp", "prep"} and self.tokens[head].pos in {"ADP", "SCONJ", "VERB", "AUX"}:
                node = head  # "after cutting ties", "responded by breaking off ties"
                how = "clause-head"
                continue
            if token.dep == "prep" and self.lemma(head) in {"short", "far"}:
                # "stopped short of recognising", "could go as far as severing ties"
                node = self.tokens[head].head
                how = "clause-head"
                continue
            if token.dep == "prep" and self.lemma(node) == "of" and self.lemma(head) in INTENTION_NOUNS:
                # "has no intention of dropping Taipei": the act of whoever holds the intention
                owners, owned = self.noun_agent(head, modifiers=False)
                if owners:
                    return owners, "intention-holder:" + owned
            return [], "no-subject"
        return [], "no-subject"

    def ranked_after(self, verb: int) -> bool:
        """An infinitive "after X to V" under a ranked noun ("the first country after Russia to recognise"),
        parsed as a clause with X for subject."""
        token = self.tokens[verb]
        marks = [k for k in self.children(verb, "mark") if self.lemma(k) in {"after", "besides", "like"}]
        if not marks or not self.aux_words(verb) & {"to"} or token.head == verb:
            return False
        return any(self.ranked(k) for k in self.children(token.head, "attr"))

    def ranked(self, noun: int) -> bool:
        """ "the first country", "the only western EU member", "the latest state": a ranked description."""
        if self.lemma(noun) not in DESCRIBED_NOUNS:
            return False
        modifiers = self.children(noun, "amod", "advmod", "det", "compound")
        # "the fourth Caribbean nation", "the second Pacific ally": the parser hangs the rank on the
        # modifier beside it
        modifiers += [k for m in modifiers for k in self.children(m, "amod", "advmod")]
        return any(self.lemma(k) in RANKS or self.words[k] in RANKS for k in modifiers)

    def _of_owner(self, noun: int) -> list[int]:
        """ "the decision of Ghana to recognise": the "of" object of an act noun, when it is a name."""
        if self.lemma(noun) not in {
            "decision",
            "move",
            "bid",
            "plan",
            "step",
            "choice",
            "attempt",
            "refusal",
        }:
            return []
        found = [
            o for p in self.children(noun, "prep") if self.lemma(p) == "of" for o in self.children(p, "pobj")
        ]
        return [k for o in found if self.tokens[o].pos == "PROPN" for k in self.with_conjuncts(o)]

    def _described(self, noun: int, clause: int | None = None) -> list[int]:
        """Who a descriptive noun is said of: "X became the only country that ...", "X were among the
        countries that ...", "leaving X as the only country that ..." (empty when it names no one)."""
        token = self.tokens[noun]
        if self.lemma(noun) not in DESCRIBED_NOUNS | QUANTITY_NOUNS | {"one"}:
            return []
        head = token.head
        if token.dep == "attr":  # "became / was / remains the only country that"
            return [s for k in self.children(head, "nsubj", "nsubjpass") for s in self.with_conjuncts(k)]
        if token.dep == "pobj" and self.lemma(head) == "among":  # "X and Y were among countries that"
            verb = self.tokens[head].head
            return [s for k in self.children(verb, "nsubj", "nsubjpass") for s in self.with_conjuncts(k)]
        if token.dep == "pobj" and self.lemma(head) == "as":  # "leaving Pakistan as the only country that"
            verb = self.tokens[head].head
            return [s for k in self.children(verb, "dobj") for s in self.with_conjuncts(k)]
        if token.dep == "appos":  # "Pakistan, the only country that still recognised them"
            return self.with_conjuncts(head)
        whole = self.tokens[head].head
        if token.dep == "pobj" and self.lemma(head) == "of" and self.lemma(whole) in {"one"} | QUANTITY_NOUNS:
            # "Honduras is one of 14 countries that maintain ties", "X and Y were among a string of
            # governments that recognised Y on Monday"; not a past one of many ("Pakistan was one of three
            # countries that recognised the Taliban's first government in the 1990s": history, not now)
            history = clause is not None and self.tokens[clause].tag == "VBD" and self.lemma(whole) == "one"
            return [] if history else self._described(whole)
        return []

    def past_dateline(self, subjects: list[int]) -> list[int]:
        """The real subjects when the parser took a wire dateline for one ("DOHA, Jan 5 — Qatar and
        Saudi Arabia restored ..."): the names after the dash that hang inside it."""
        for subject in subjects:
            token = self.tokens[subject]
            start = token.i  # "KUWAIT CITY": a dateline of several words
            while start > 0 and self.tokens[start - 1].dep == "compound" and self.words[start - 1].isalpha():
                if not self.tokens[start - 1].text.isupper():
                    break
                start -= 1
            first = start == 0 or self.tokens[start - 1].sentence != token.sentence
            if not (first and token.text.isupper() and len(token.text) > 2):
                continue
            nodes = self.subtree(subject)
            dashes = [k for k in nodes if self.tokens[k].text in {"—", "–", "--", "-"}]
            if not dashes:
                # "RIYADH, March 5 - Saudi Arabia, the UAE and Bahrain recalled ...": the dash and the
                # names after it hang on the date, between the dateline and the verb
                nodes = list(range(subject, token.head)) if token.head > subject else []
                dashes = [k for k in nodes if self.tokens[k].text in {"—", "–", "--", "-"}]
            if not dashes:
                continue
            after = [k for k in nodes if k > dashes[0] and self.tokens[k].head < dashes[0]]
            return [c for k in after if self.tokens[k].pos == "PROPN" for c in self.with_conjuncts(k)]
        return []

    def _light_verb_of(self, noun: int) -> int | None:
        token = self.tokens[noun]
        if token.dep in {"dobj", "obj"} and self.lemma(token.head) in LIGHT_VERBS:
            return token.head
        return None

    def noun_agent(self, i: int, pronouns: bool = True, modifiers: bool = True) -> tuple[list[int], str]:
        """The agent of a nominalisation: possessor, "by" phrase, modifier or light-verb subject.

        With ``pronouns`` false a possessive pronoun is passed over, so "his country's support"
        can be resolved through the light verb's subject instead; with ``modifiers`` false a
        modifier that names no one ("a phone call") is passed over too.
        """
        owners = [k for k in self.children(i, "poss") if pronouns or self.tokens[k].tag != "PRP$"]
        if owners and all(self.tokens[k].tag == "WP$" for k in owners):
            # "Australia, whose recognition of Palestine was announced on Sunday": the relative's noun
            clause = self.tokens[i].head
            while self.tokens[clause].dep not in {"relcl", "ROOT"} and self.tokens[clause].head != clause:
                clause = self.tokens[clause].head
            if self.tokens[clause].dep == "relcl":
                return self.with_conjuncts(self.tokens[clause].head), "possessive-agent:relative"
        if owners:
            return [o for k in owners for o in self.with_conjuncts(k)], "possessive-agent"
        agent = self.agent(i)
        if agent:
            return agent, "by-agent"
        if self.lemma(i) in AGENT_OF_NOUNS:
            # "under the mediation of Qatar's emir", "under the auspices of the African Union"
            found = [
                o for p in self.children(i, "prep") if self.lemma(p) == "of" for o in self.children(p, "pobj")
            ]
            if found:
                return [k for o in found for k in self.with_conjuncts(o)], "of-agent"
        light = self._light_verb_of(i)
        if light is not None:
            subjects, how = self.subjects(light)
            return subjects, "light-verb:" + how
        if self.tokens[i].dep == "pobj":
            prep = self.tokens[i].head
            owner = self.tokens[prep].head
            if self.lemma(owner) == "responsibility":  # "claimed responsibility for the attack"
                verb = self.tokens[owner].head
                return self.subjects(verb)[0], "responsibility-claimant"
        found = self.children(i, "compound", "amod", "nmod") if modifiers else []
        if found:
            # "the US and British air strikes": each coordinated modifier names an agent
            return [k for f in found for k in self.with_conjuncts(f)], "modifier-agent"
        return self.clause_subject(i, {"during", "in", "at", "on"})

    def clause_subject(self, i: int, preps: set[str]) -> tuple[list[int], str]:
        """The subject of the clause a noun's circumstance phrase hangs on ("During a phone call with X,
        Biden urged ...": Biden), for the prepositions ``preps``; "at the end of a visit" hangs on it
        through its phase noun. A phrase set off by commas after a subject describes that subject
        ("Verhofstadt, on a visit to Kigali, apologised")."""
        if self.tokens[i].dep == "pobj" and self.lemma(self.tokens[i].head) == "of":
            phase = self.tokens[self.tokens[i].head].head
            if self.lemma(phase) in PHASE_NOUNS and self.tokens[phase].dep == "pobj":
                i = phase  # "at the end of a week-long visit"
        if self.tokens[i].dep == "pobj" and self.lemma(self.tokens[i].head) in preps:
            prep = self.tokens[i].head
            verb = self.tokens[prep].head
            if self.tokens[verb].pos in {"VERB", "AUX"}:
                return self.subjects(verb)[0], "clause-subject"
            described = self.tokens[verb].dep in SUBJECT_DEPS and self.tokens[verb].pos in {"PROPN", "NOUN"}
            if described and prep > verb and self.words[prep - 1] == ",":
                return self.with_conjuncts(verb), "clause-subject:described"
        return [], "nominal-without-agent"
