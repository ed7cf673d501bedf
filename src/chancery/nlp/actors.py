"""Actor mentions: states, capitals, places, demonyms, organisations, groups and people, by date.

Conventions (DESIGN.md "Actors and time"): a bare state or demonym ("China", "Chinese") is the country
(``CHN``, sector null); a capital or seat of power that acts ("Beijing said", "the Kremlin") is its
government (``CHNGOV``); a capital, region or city named as a place ("talks in Beijing", "visited
Moscow", "in Donetsk") is a place of its country (``CHN``, kind place: where, never who), and a
dateline or a modifier ("Washington-based") names nothing; a country with role nouns ("Chinese
Foreign Ministry", "Russian troops") is one mention in the nouns' sector (``CHNGOV``, ``RUSMIL``); a
person named with a role is their own mention, an actor of that organisation; later surnames, he/she
and "his/her country" refer back to the first mention (``refers_to``).

Mention kinds: state, demonym, capital (seats too), place, igo, group, role (a country or body with
role nouns, or a role resolved from context), person, pronoun.  Rules name what fired:
``state-name:<alias>``, ``demonym:<alias>``, ``capital-as-government:<alias>``,
``seat-of-power:<alias>``, ``place:<alias>``, ``igo:<org>``, ``group:<group>``,
``<prefix rule>+role:<noun>`` (or ``+shared-role:`` in "Chinese and Russian troops"),
``role:<noun>+of|for|in:<owner>``, ``role-context:<noun>``, ``person:<name>``, ``person-role:<role>``,
``person-coref:surname``, ``pronoun-coref``, ``pronoun-coref:country``, ``description-coref:<noun>``
("the kingdom", "the bloc": ``nlp.descriptions``), ``it-coref``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from chancery.nlp.descriptions import describe, regional
from chancery.nlp.dictionary import ActorDictionary, Entry
from chancery.nlp.home import home_state
from chancery.nlp.matching import Match, Text, capital_use, name_matches, place_elsewhere, role_matches
from chancery.nlp.people import (
    HEAD_ROLES,
    Found,
    context_actor,
    corefer,
    found_person,
    name_before,
    name_span,
    person_entry_found,
)
from chancery.nlp.role_phrases import (
    MODIFIERS,
    POSSESSIVE,
    PREFIX_KINDS,
    REGIONS,
    RULE_NAMES,
    SERIES,
    bare_found,
    body_name,
    compose_codes,
    determined,
    merge_roles,
    owned_in,
    place_found,
    same_state,
    seat_as_role,
)
from chancery.records import Article, DatedCode, Mention, Sentence, Token

__all__ = ["ActorDictionary", "find_mentions"]


def find_mentions(
    article: Article,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    dictionary: ActorDictionary,
    day: str | None,
) -> tuple[Mention, ...]:
    """Every actor mention in the article, resolved as of ``day`` (YYYY-MM-DD)."""
    text = Text(article.text, tokens, dictionary.home_country(article.place))
    found: list[Found] = []
    for sentence in sentences:
        found.extend(_Sentence(text, dictionary, sentence, found, day).run())
    found = corefer([_spelled_as_written(f, text) for f in found], text)
    found = regional(found, text)
    found += describe(found, text, day)
    found.sort(key=lambda f: (f.first, f.last))
    return tuple(f.mention(article.id, text, day) for f in found)


def _spelled_as_written(found: Found, text: Text) -> Found:
    """A person's name as the article spells it ("Tobias Billström"), when the dictionary's spelling
    differs only in accents or case ("Tobias Billstrom", from an ASCII source)."""
    if found.kind != "person" or not found.name or not found.spelled_by_text:
        return found
    tokens = text.tokens
    surface = text.raw[tokens[found.first].start : tokens[found.last - 1].end]
    if surface != found.name and _folded(surface) == _folded(found.name):
        return replace(found, name=surface)
    return found


# what an empire or a bloc holds, never the holder itself ("a British colony", "a Soviet satellite")
MEMBER_HOLDINGS = {
    "colony", "colonies", "satellite", "satellites", "protectorate", "protectorates", "possession",
    "possessions", "dominion", "dominions",
}  # fmt: skip
# what a state once held, which "the former Soviet republics" or "the former Serbian province" describes ("the
# Sahrawi republic" is a state of its own)
BYGONE_HOLDINGS = MEMBER_HOLDINGS | {
    "republic", "republics", "state", "states", "territory", "territories", "province", "provinces",
}  # fmt: skip

# letters that carry no combining mark to drop, spelled as ASCII sources spell them ("Radosław" as "Radoslaw")
UNMARKED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae"}
)


def _folded(name: str) -> str:
    unmarked = name.translate(UNMARKED)
    return "".join(c for c in unicodedata.normalize("NFKD", unmarked) if not unicodedata.combining(c)).lower()


class _Sentence:
    """Turns one sentence's dictionary matches into found mentions."""

    def __init__(self, text: Text, dictionary: ActorDictionary, sentence: Sentence, before: list[Found], day):
        self.titles: set[int] = set()  # the role words before a one-word name ("President Maduro")
        self.text = text
        self.day = day
        self.sentence = sentence
        self.before = before
        names = name_matches(dictionary, text, sentence.first, sentence.last)
        if any(m.last - m.first == 1 and m.entry.kind == "person" for m in names):
            titles = role_matches(dictionary, text, set(), sentence.first, sentence.last)
            self.titles = {i for m in titles for i in range(m.first, m.last)}
        names = [m for m in names if m.entry.kind != "person" or self._stands_alone(m, names)]
        taken = {i for m in names for i in range(m.first, m.last)}
        roles = role_matches(dictionary, text, taken, sentence.first, sentence.last)
        self.items = sorted(names + roles, key=lambda m: m.first)
        self.at = {m.first: m for m in self.items}
        self.taken = taken | {i for m in roles for i in range(m.first, m.last)}
        self.used: set[int] = set()
        self.out: list[Found] = []

    def run(self) -> list[Found]:
        for match in self.items:
            if match.first in self.used:
                continue
            self.used.add(match.first)
            kind = match.entry.kind
            if kind in PREFIX_KINDS:
                self._prefix(match)
            elif kind == "person":
                self.out.append(person_entry_found(match))
            elif kind == "role":
                self._role(match)
        return self.out

    def _stands_alone(self, match: Match, names: list[Match]) -> bool:
        """A bare surname ("Harris", "Dar") names the dictionary's person only after their full name,
        unless the data marks it as unambiguous on its own ("Putin")."""
        entry = match.entry
        if " " in entry.alias.strip():
            return True
        if self._inside_longer_name(match):
            return False  # "Eisenhower Mkaka", "Riyad al-Maliki": another person's name
        if "standalone" in entry.flags:
            return True
        if any(f.kind == "person" and f.name == entry.name for f in self.before):
            return True
        return any(m.first < match.first and m.entry.name == entry.name for m in names)

    def _inside_longer_name(self, match: Match) -> bool:
        """Whether a one-word name is part of a longer name the parser reads as one person: the same
        PERSON entity goes on after it, or began before it with another name word."""
        tokens = self.text.tokens
        after = match.last < len(tokens) and tokens[match.last].ent_iob == "I"
        if after and tokens[match.last].ent_type == "PERSON" and tokens[match.last].text[:1].isupper():
            return True
        if tokens[match.first].ent_iob != "I" or tokens[match.first].ent_type != "PERSON":
            return False
        j = match.first - 1
        while j >= 0 and tokens[j].ent_iob == "I" and not tokens[j].text[:1].isupper():
            j -= 1  # "al-", "bin", "de": the particles of a name
        # a title the dictionary knows as a role ("President Maduro") is no other name
        return (
            j >= 0
            and tokens[j].ent_type == "PERSON"
            and tokens[j].text[:1].isupper()
            and j not in self.titles
        )

    def _chain(self, match: Match) -> list[Match]:
        """The role nouns that follow a country or organisation ("Russia's foreign ministry spokesperson")."""
        j = match.last
        if self.text.lower(j) in POSSESSIVE:
            j += 1
        chain = []
        while True:
            while self.text.lower(j) in MODIFIERS and j not in self.at:
                j += 1
            j = self._past_noun_modifiers(j)
            role = self.at.get(j)
            if role is not None and role.entry.kind == "seat" and same_state(match.entry, role.entry):
                # "India's Ministry of External Affairs", "the US State Department spokesperson"
                role = Match(role.first, role.last, seat_as_role(role.entry))
            if role is None or role.entry.kind != "role":
                break
            chain.append(role)
            j = role.last
        # "the Pakistani general election": a role noun that only modifies another noun names no role
        while chain and self._modifies_noun(chain[-1]):
            chain.pop()
        return chain

    def _past_noun_modifiers(self, j: int) -> int:
        """ "Iranian oil exporters": skip up to two words that modify the role noun after them."""
        tokens = self.text.tokens
        k = j
        while k < min(j + 2, self.sentence.last) and k not in self.at:
            token = tokens[k]
            if token.pos not in ("NOUN", "ADJ") or token.dep not in ("compound", "amod") or token.head <= k:
                return j
            k += 1
        role = self.at.get(k)
        if k == j or role is None or role.entry.kind != "role":
            return j
        return k if all(role.first <= tokens[i].head < role.last for i in range(j, k)) else j

    def _modifies_noun(self, role: Match) -> bool:
        tokens = self.text.tokens
        last = tokens[role.last - 1]
        if last.dep not in ("compound", "amod", "nmod") or last.head <= last.i:
            return False
        governor = tokens[last.head]
        if governor.i in self.taken or governor.ent_type == "PERSON" or governor.pos == "PROPN":
            return False
        return governor.pos == "NOUN"

    def _prefix(self, match: Match) -> None:
        entry = match.entry
        if entry.kind == "demonym" and self._bygone(match):
            return
        chain = self._chain(match)
        if not chain and entry.kind == "demonym":
            chain = self._shared_chain(match)
            if chain:  # "Chinese and Russian troops": the shared noun gives "Chinese" its sector too
                self._emit_composed(match, chain, match.last, shared=True)
                return
        if entry.kind == "place" and not chain:
            if "compiled" in entry.flags:
                return  # Phoenix places give a dateline or a role ("police in Maiduguri") a state, no more
            if capital_use(match, self.text) != "modifier":  # "Gaza", "in Donetsk"; not "Geneva Conventions"
                self.out.append(place_found(match))
            return
        if entry.kind == "seat" and (capital := self._capital_of_named_state(entry)) is not None:
            match = Match(match.first, match.last, capital)
            entry = capital
        if entry.kind in ("capital", "seat") and not chain:
            use = capital_use(match, self.text)
            if use == "place" and entry.kind == "capital" and not place_elsewhere(match, self.text):
                self.out.append(place_found(match))  # "visited Moscow": where, never who
            if use != "acts":
                return
        if not chain:
            self.out.append(bare_found(match))
            return
        for role in chain:
            self.used.add(role.first)
        composed = self._emit_composed(match, chain, chain[-1].last)
        self._named(composed, chain[-1].last, chain)

    def _capital_of_named_state(self, seat: Entry) -> Entry | None:
        """ "Rwanda cut ties with Belgium, accusing Brussels of ...": a seat that is also a state's capital
        names the state when the article so far names that state and not the organisation."""
        state = next((f[len("capital-of:") :] for f in seat.flags if f.startswith("capital-of:")), None)
        if state is None:
            return None
        codes = {c.code for found in (*self.before, *self.out) for c in found.codes}
        if any(c.startswith(seat.codes[0].code) for c in codes) or not any(c[:3] == state for c in codes):
            return None
        return replace(seat, kind="capital", codes=(DatedCode(state + "GOV"),), name=None, flags=frozenset())

    def _bygone(self, match: Match) -> bool:
        """Whether a demonym tells what a place or a time once belonged to, not who acts: "the former Soviet
        republics", "the ex-Soviet neighbours", "post-Soviet history", "its Soviet-era air bases", "the
        former British colony of Kenya"; or is no demonym at all ("the Supreme Soviet", a council)."""
        text, first = self.text, match.first
        before = text.lower(first - 1)
        if before == "supreme":
            return True  # "the republic's Supreme Soviet": a council of whichever republic owns it
        if before == "-" and text.lower(first - 2) in {"ex", "post", "pre"}:
            return True
        if text.lower(match.last) == "-" and text.lower(match.last + 1) in {"era", "style"}:
            return True
        head = text.tokens[match.last - 1].head
        if head < match.last or not text.tokens[head].text.islower():
            return False  # "the Czech Republic", "Soviet leader Mikhail Gorbachev"
        if text.lower(head) in MEMBER_HOLDINGS:
            return True  # "a British colony", "a Soviet satellite"
        return before in {"former", "erstwhile"} and text.lower(head) in BYGONE_HOLDINGS

    def _shared_chain(self, match: Match) -> list[Match]:
        j = match.last
        while self.text.lower(j) in SERIES:
            j += 1
            nxt = self.at.get(j)
            if nxt is None or nxt.entry.kind not in ("demonym", "state"):
                return []
            chain = self._chain(nxt)
            if chain:
                return chain
            j = nxt.last
        return []

    def _emit_composed(self, prefix: Match, chain: list[Match], last: int, shared: bool = False) -> Found:
        entry = prefix.entry
        roles = [r.entry for r in chain]
        codes = compose_codes(entry, roles)
        role = next((r.role for r in reversed(roles) if r.role), None)
        organization = next((r.organization for r in reversed(roles) if r.organization), None)
        if organization is None and entry.kind in ("igo", "group", "seat"):
            organization = entry.name or entry.alias
        rule = f"{RULE_NAMES[entry.kind]}:{entry.slug}+{'shared-role' if shared else 'role'}:{roles[-1].slug}"
        found = Found(
            first=prefix.first,
            last=last,
            kind="role",
            rule=rule,
            codes=codes,
            role=role,
            organization=organization,
            gender=next((r.gender for r in reversed(roles) if r.gender), None),
            personal="title" in roles[-1].flags,
        )
        self.out.append(found)
        return found

    def _named(self, holder: Found, after: int, chain: list[Match], add_holder: bool = False) -> bool:
        """The person a role phrase introduces: "spokesperson Mao Ning" or "Mao Ning, a ... spokesperson".

        Adds the person (and first the role phrase itself when ``add_holder``); returns whether a
        person was found.
        """
        known = self.at.get(after)
        if known is None and self.text.lower(after) == ",":
            known = self.at.get(after + 1)  # "a ministry spokeswoman, Maria Zakharova, said"
        if known is not None and known.entry.kind == "person":
            self.used.add(known.first)
            if add_holder:
                self.out.append(holder)
            self.out.append(person_entry_found(known, holder=holder))
            holder.personal = False
            return True
        span = name_span(self.text, after, self.sentence.last, self.taken)
        if span is None and self.text.lower(after) == ",":
            span = name_span(self.text, after + 1, self.sentence.last, self.taken)
            if span is not None and self.text.lower(span[1]) != ",":
                span = None
        if span is None:
            span = name_before(self.text, holder.first, self.sentence.first, self.taken)
        if span is None:
            return False
        if add_holder:
            self.out.append(holder)
        self.out.append(found_person(self.text, span, holder, chain[-1].entry.slug))
        holder.personal = False
        return True

    def _role(self, match: Match) -> None:
        """A role phrase without a country: a titled person, or "the spokesperson" resolved from context."""
        if self._owned(match):
            return
        text = self.text
        chain = self._role_chain(match)
        last = chain[-1].last
        known = self.at.get(last)
        if known is not None and known.entry.kind == "person":
            return  # "President Trump": the person entry carries the role
        merged = merge_roles([r.entry for r in chain])
        if "context" not in merged.flags and "title" not in merged.flags:
            self._at_home(match, chain, merged)
            return
        if "abroad" in merged.flags:
            return  # "the new ambassador" may be the host's or the sender's: context cannot tell
        named = "title" in merged.flags and name_span(text, last, self.sentence.last, self.taken) is not None
        if named and self._titled_of(match, chain, merged):
            return
        head = named and (merged.role or "").lower() in HEAD_ROLES
        window = self.before + self.out
        owner = context_actor(merged, window, match.first, text, earlier_only=named, strict=head)
        if owner is None:
            if not head:
                self._at_home(match, chain, merged)
            return
        for role in chain:
            self.used.add(role.first)
        general = merged.organization is None or (
            owner.organization is not None and merged.organization.lower() in owner.organization.lower()
        )
        holder = Found(
            first=match.first,
            last=last,
            kind="role",
            rule=f"role-context:{merged.slug}",
            codes=owner.codes,
            role=merged.role,
            organization=owner.organization if general else merged.organization,
            gender=merged.gender,
            personal="title" in merged.flags,
        )
        if "title" in merged.flags and self._named(holder, last, chain, add_holder=True):
            return
        if "context" in merged.flags and determined(text, match.first):
            self.out.append(holder)

    def _at_home(self, match: Match, chain: list[Match], merged: Entry) -> None:
        """A state's own body named by its sector alone ("police fired tear gas", "opposition leader
        Raila Odinga"), resolved to the state the story is told from (``nlp.home``)."""
        home = home_state(self.text, self.sentence, self.items, self.before + self.out, chain, merged)
        if home is None:
            return
        for role in chain:
            self.used.add(role.first)
        holder = Found(
            first=match.first,
            last=chain[-1].last,
            kind="role",
            rule=f"role-home:{merged.slug}",
            codes=(DatedCode(home + merged.sector),),
            role=merged.role,
            organization=merged.organization,
            gender=merged.gender,
            personal="title" in merged.flags,
        )
        if "title" in merged.flags and self._named(holder, chain[-1].last, chain, add_holder=True):
            return
        self.out.append(holder)

    def _titled_of(self, match: Match, chain: list[Match], merged: Entry) -> bool:
        """ "King Hassan of Morocco", "President Putin of Russia": the state after the name."""
        span = name_span(self.text, chain[-1].last, self.sentence.last, self.taken)
        if span is None or self.text.lower(span[1]) != "of":
            return False
        k = span[1] + (2 if self.text.lower(span[1] + 1) == "the" else 1)
        owner = self.at.get(k)
        if owner is None or owner.entry.kind not in PREFIX_KINDS:
            return False
        self.used.update(r.first for r in chain)
        holder = Found(
            first=match.first,
            last=chain[-1].last,
            kind="role",
            rule=f"role:{merged.slug}+name+of:{owner.entry.slug}",
            codes=compose_codes(owner.entry, [r.entry for r in chain]),
            role=merged.role,
            organization=merged.organization or body_name(owner.entry),
            gender=merged.gender,
        )
        self.out.append(holder)
        self.out.append(found_person(self.text, span, holder, merged.slug))
        return True

    def _owned(self, match: Match) -> bool:
        """ "the spokesperson for the Taliban", "Foreign Minister of Pakistan", "officials in Beijing"."""
        entry, text = match.entry, self.text
        j = match.last
        link = text.lower(j)
        # only roles a person or body holds ("settlement of Russian immigrants" is no Russian role)
        if link not in ("of", "for", "in", "from") or not (entry.role or entry.organization):
            return False
        k = j + 2 if text.lower(j + 1) == "the" else j + 1
        if link in ("in", "from") and text.lower(k) in REGIONS:
            k += 1  # "breakaway regions in eastern Ukraine"
        owner = self.at.get(k)
        if owner is None or owner.entry.kind not in PREFIX_KINDS or owner.first in self.used:
            return False
        if link in ("in", "from") and not owned_in(entry, owner.entry, link):
            return False
        self.used.add(owner.first)
        chain = self._chain(owner)  # "a spokesman for the Pakistani military": the owner's own nouns
        for role in chain:
            self.used.add(role.first)
        roles = [r.entry for r in chain] + [entry]
        organization = next((r.organization for r in reversed(roles) if r.organization), None)
        composed = Found(
            first=match.first,
            last=chain[-1].last if chain else owner.last,
            kind="role",
            rule=f"role:{entry.slug}+{link}:{owner.entry.slug}",
            codes=compose_codes(owner.entry, roles),
            role=entry.role,
            organization=entry.organization or organization or body_name(owner.entry),
            gender=entry.gender,
            personal="title" in entry.flags,
        )
        self.out.append(composed)
        if not chain:
            self._share_owned_role(composed.last, entry)
        self._named(composed, composed.last, [match])
        return True

    def _share_owned_role(self, j: int, entry: Entry) -> None:
        """ "the foreign ministers of China, Pakistan and Afghanistan": each state listed holds the role."""
        while self.text.lower(j) in SERIES:
            j += 1
            nxt = self.at.get(j)
            if nxt is None or nxt.entry.kind not in ("state", "demonym") or nxt.first in self.used:
                return
            if self._chain(nxt):
                return  # "the President of France and Germany's chancellor": Germany has its own role
            self.used.add(nxt.first)
            found = Found(
                first=nxt.first,
                last=nxt.last,
                kind="role",
                rule=f"{RULE_NAMES[nxt.entry.kind]}:{nxt.entry.slug}+shared-role:{entry.slug}",
                codes=compose_codes(nxt.entry, [entry]),
                role=entry.role,
                organization=entry.organization,
            )
            self.out.append(found)
            j = nxt.last

    def _role_chain(self, match: Match) -> list[Match]:
        """Role nouns that follow one another ("ministry spokeswoman") read as one phrase."""
        chain = [match]
        while True:
            j = chain[-1].last
            if self.text.lower(j) in ("of", "for"):  # "a spokesperson for the foreign ministry"
                j += 2 if self.text.lower(j + 1) == "the" else 1
            nxt = self.at.get(j)
            if nxt is None or nxt.entry.kind != "role":
                return chain
            chain.append(nxt)
