"""Speaker phrases: the name, role, organisation, actor and gender a subject phrase gives.

"Chinese Foreign Ministry spokesperson Mao Ning" gives a name, a role ("spokesperson"), an
organisation ("Foreign Ministry") and, through the actors stage's mentions inside it, an actor.
Names come from a person mention when there is one, else from the parse's PERSON entities.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chancery.records import Actor, Mention, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_NOUNS = _words(
    "spokesperson spokeswoman spokesman minister ambassador envoy president official secretary "
    "chancellor diplomat representative premier leader chief counsellor adviser advisor "
    "director commissioner negotiator spokespeople officials diplomats chairman chairwoman "
    "chair governor king queen emir prince sheikh mayor senator general commander taoiseach "
    "tanaiste pope sultan ayatollah"
)
# words that narrow a role noun: "foreign minister", "deputy prime minister", "special envoy"
ROLE_MODIFIERS = _words(
    "foreign prime deputy vice defence defense interior senior chief special acting interim "
    "permanent first assistant finance trade economy home justice security presidential press policy "
    "top supreme high state under"
)
ORG_HEADS = _words(
    "ministry office department embassy kremlin government commission council mission "
    "secretariat presidency cabinet agency consulate parliament house administration service"
)
ORG_MODIFIERS = _words(
    "news foreign defence defense interior state white home finance press presidential security "
    "information external justice"
)
TITLES = {"mr": "m", "mr.": "m", "sir": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "madam": "f"}
GENDERED_ROLES = {"spokeswoman": "f", "chairwoman": "f", "spokesman": "m", "chairman": "m", "queen": "f"}
PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None}
INDEFINITE = frozenset({"a", "an", "another", "one"})
# nouns the parse may tag as proper names but which never name a person
_NOT_NAMES = ROLE_NOUNS | ROLE_MODIFIERS | ORG_HEADS | {"foreign", "affairs", "state", "white"}
# a prepositional phrase with these heads leaves the phrase's speaker: "the envoy to Kabul"
_SPEAKER_PREPS = frozenset({"of", "for", "from"})


@dataclass(frozen=True)
class Subject:
    """What the subject phrase of a cue says about its speaker."""

    name: str | None = None
    role: str | None = None
    organization: str | None = None
    actor: Actor | None = None
    mention_id: str | None = None
    gender: str | None = None
    pronoun: str | None = None
    definite: bool = True  # False for "a spokesperson": a new, unnamed speaker
    refers_to: str | None = None  # the person mention a pronoun mention points at
    written: str | None = None  # the name as the phrase writes it ("Harris"), before any dictionary
    contextual: bool = False  # the actor was guessed from context, not named in the phrase


class PhraseReader:
    """Reads subject phrases of one article's parse."""

    def __init__(self, text: str, tokens: tuple[Token, ...], mentions: tuple[Mention, ...]):
        self.text = text
        self.tokens = tokens
        self.mentions = mentions
        self.by_id = {m.id: m for m in mentions}
        self.children: dict[int, list[int]] = {}
        for token in tokens:
            if token.head != token.i:
                self.children.setdefault(token.head, []).append(token.i)

    def describe(self, head: int) -> Subject:
        """Name, role, organisation, actor and gender read from the phrase headed by ``head``."""
        token = self.tokens[head]
        lower = token.text.lower()
        mentions = self._mentions_in(head)
        if token.pos == "PRON" and lower in PRONOUNS:
            pronoun = next((m for m in mentions if m.kind == "pronoun"), None)
            target = self.by_id.get(pronoun.refers_to) if pronoun and pronoun.refers_to else None
            if target is not None:
                return replace(self.from_mention(target), pronoun=lower, refers_to=target.id)
            return Subject(pronoun=lower, gender=PRONOUNS[lower])
        span = self._phrase(head)
        # an acronym ("PAP") is an organisation even where a dictionary took it for a person
        person = next((m for m in mentions if m.kind == "person" and not m.text.isupper()), None)
        if person is not None and person.refers_to in self.by_id:
            person = self.by_id[person.refers_to]  # a surname continuing a person named in full
        written = self._name(span, head)
        if person is not None and _other_person(written, person):
            mentions = [m for m in mentions if m is not person]
            person = None
        name = person.actor.name if person and person.actor.name else written
        role = self._role(span, head)
        actor = person.actor if person else self._actor(mentions)
        # "the ministry", "the spokesperson": a country no word of the phrase names is a guess
        contextual = (
            person is None
            and bool(mentions)
            and mentions[0].kind == "role"
            and not any(self._names_someone(i) for i in span)
        )
        dets = [
            self.tokens[c].text.lower() for c in self.children.get(head, ()) if self.tokens[c].dep == "det"
        ]
        organization = self._organization(span) or (person.actor.organization if person else None)
        if name and organization and organization.lower() in name.lower():
            organization = None  # the parse took a surname for an organisation
        if role and organization and organization.lower() in role:
            organization = None  # "State" of "Secretary of State" is part of the title
        return Subject(
            name=name,
            role=role or (person.actor.role if person else None),
            organization=organization,
            actor=actor,
            mention_id=person.id if person else None,
            gender=self._gender(span),
            definite=not (set(dets) & INDEFINITE),
            written=written,
            contextual=contextual,
        )

    def from_mention(self, mention: Mention) -> Subject:
        """What a mention's actor says about a speaker (for pronouns and "it said")."""
        actor = mention.actor
        return Subject(
            name=actor.name or (mention.text if mention.kind in ("person", "pronoun") else None),
            role=actor.role,
            organization=actor.organization,
            actor=actor,
            mention_id=mention.id,
        )

    def _phrase(self, head: int) -> list[int]:
        """Token indices of the subject phrase, without clauses or phrases about someone else."""
        out = [head]
        # "Deputy Prime Minister and Foreign Minister Ishaq Dar": titles joined by "and" are one
        # person's; names joined by "and" are two speakers, and the first one is kept
        titles = self.tokens[head].text.lower() in ROLE_NOUNS
        for child in self.children.get(head, ()):
            token = self.tokens[child]
            if token.dep in ("relcl", "acl", "advcl", "punct") or (
                token.dep in ("cc", "conj") and not titles
            ):
                continue
            if token.dep == "prep" and token.text.lower() not in _SPEAKER_PREPS:
                continue
            out.extend(self._phrase(child))
        return sorted(out)

    def _mentions_in(self, head: int) -> list[Mention]:
        phrase = self._phrase(head)  # sorted
        span, low, high = set(phrase), phrase[0], phrase[-1]
        inside = [
            m
            for m in self.mentions
            if m.kind != "place"
            and (
                m.head in span
                or (m.first <= high and low < m.last and any(i in span for i in range(m.first, m.last)))
            )
        ]  # "the embassy in Kabul said": a place in the phrase says where, not who speaks
        return sorted(inside, key=lambda m: (m.head != head, m.first))

    def _name(self, span: list[int], head: int) -> str | None:
        runs = _runs(
            [
                i
                for i in span
                if self.tokens[i].ent_type == "PERSON" and not self._title(i) and not _acronym(self.tokens[i])
            ]
        )
        head_ent = self.tokens[head].ent_type
        # a person's role in the phrase ("spokesperson Retno Marsudi", "Naledi Pandor, the foreign
        # minister") outweighs a tagger that took the name for an organisation
        titled = head_ent == "ORG" and any(self.tokens[i].text.lower() in ROLE_NOUNS for i in span)
        if not runs and self.tokens[head].pos == "PROPN" and (head_ent not in _PLACE_ENTS or titled):
            # an acronym ("PAP", "NATO") names an organisation, not a person
            chain = [
                i
                for i in span
                if i <= head and self.tokens[i].pos == "PROPN" and not _acronym(self.tokens[i])
            ]
            runs = [r for r in _runs(chain) if head in r]
        runs = [
            [i for i in r if self.tokens[i].text.lower() not in _NOT_NAMES and self.tokens[i].dep != "case"]
            for r in runs
        ]
        runs = [r for r in runs if r]
        if not runs:
            return None
        best = next((r for r in runs if head in r), runs[0])
        last = best[-1]
        while (
            last + 2 < len(self.tokens)
            and self.tokens[last + 1].text == "-"
            and not (self.tokens[last].whitespace or self.tokens[last + 1].whitespace)
        ):
            last += 2  # "Tien Chung-kwang": hyphenated given names
        best = [*best[:-1], last]
        return self.text[self.tokens[best[0]].start : self.tokens[best[-1]].end]

    def _role(self, span: list[int], head: int | None = None) -> str | None:
        # the head's own role first: "the chancellor's spokesperson" is a spokesperson
        order = sorted(range(len(span)), key=lambda n: span[n] != head)
        for n in order:
            i = span[n]
            if self.tokens[i].text.lower() not in ROLE_NOUNS or self.tokens[i].pos not in ("NOUN", "PROPN"):
                continue
            first = n
            while first > 0 and self.tokens[span[first - 1]].text.lower() in ROLE_MODIFIERS:
                first -= 1
            start, end = span[first], i
            # "secretary-general", "secretary of state": read on in the text, where the parse
            # may have hung the hyphen or "of" elsewhere
            while end + 2 < len(self.tokens) and self.tokens[end + 1].text in ("-", "of"):
                if self.tokens[end + 2].text.lower() not in ("general", "state", "defense", "defence"):
                    break
                end += 2
            words = [self.tokens[k].text.lower() for k in range(start, end + 1)]
            return " ".join(words).replace(" - ", "-")
        return None

    def _organization(self, span: list[int]) -> str | None:
        for n, i in enumerate(span):
            if self.tokens[i].text.lower() not in ORG_HEADS:
                continue
            first = n
            while first > 0 and self.tokens[span[first - 1]].text.lower() in ORG_MODIFIERS:
                first -= 1
            last = n
            # "Ministry of Foreign Affairs"
            of_name = n + 2 < len(span) and self.tokens[span[n + 1]].text == "of"
            if of_name and self.tokens[span[n + 2]].pos in ("PROPN", "ADJ"):
                last = n + 2
                while last + 1 < len(span) and self.tokens[span[last + 1]].pos == "PROPN":
                    last += 1
            phrase = self.text[self.tokens[span[first]].start : self.tokens[span[last]].end]
            return phrase.title() if phrase.islower() else phrase
        ents = _runs(
            [
                i
                for i in span
                if self.tokens[i].ent_type == "ORG" and self.tokens[i].pos not in ("DET", "PART")
            ]
        )
        if ents:
            run = ents[0]
            return self.text[self.tokens[run[0]].start : self.tokens[run[-1]].end]
        return None

    def _actor(self, mentions: list[Mention]) -> Actor | None:
        return mentions[0].actor if mentions else None

    def _names_someone(self, i: int) -> bool:
        """A place, people or proper name, as opposed to "the foreign ministry" capitalised."""
        token = self.tokens[i]
        if token.ent_type in ("GPE", "NORP"):
            return True
        return token.pos == "PROPN" and token.text.lower() not in _NOT_NAMES | ORG_MODIFIERS | ROLE_MODIFIERS

    def _gender(self, span: list[int]) -> str | None:
        for i in span:
            word = self.tokens[i].text.lower()
            if word in TITLES:
                return TITLES[word]
            if word in GENDERED_ROLES:
                return GENDERED_ROLES[word]
        return None

    def _title(self, i: int) -> bool:
        return self.tokens[i].text.lower().rstrip(".") in {t.rstrip(".") for t in TITLES} | {
            "dr",
            "president",
        }


_PLACE_ENTS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "DATE", "TIME"})


def _acronym(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper()


def _other_person(written: str | None, person: Mention) -> bool:
    """A person mention that matched only part of a fuller, different name ("Simon Harris" read as
    the dictionary's "Harris") names someone else: the written name wins."""
    if not written or not person.actor.name:
        return False
    different = written.lower() != person.actor.name.lower()
    return different and len(written.split()) > len(person.text.split())


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive token indices grouped into runs."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def same_person(name: str, earlier: str) -> bool:
    """ "Mao" or "Ms Mao" continues "Mao Ning"; a full name must match whole."""
    words = name.lower().split()
    known = earlier.lower().split()
    return words == known or (len(words) == 1 and words[0] in known)


def role_key(role: str) -> str:
    """The kind of a role, for matching "the spokesperson" to "spokeswoman Mao Ning"."""
    last = role.split()[-1]
    return "spokesperson" if last.startswith("spokes") else last.rstrip("s")
