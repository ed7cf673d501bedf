"""People in an article: names after roles, who an unnamed spokesperson speaks for, surnames and pronouns."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

from chancery.nlp.dictionary import Entry, slugify
from chancery.nlp.matching import Match, Text, head_of
from chancery.records import Actor, DatedCode, Mention, TextSpan, content_id

# Lowercase particles inside names ("Mohammed bin Salman", "Ursula von der Leyen").
PARTICLES = frozenset({"bin", "bint", "al", "el", "de", "da", "van", "von", "der", "la", "le", "ibn", "abu"})
# Capitalised words after a title that are not names ("spokesperson Monday" never happens, "on Monday" does).
NOT_NAMES = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name) if n) | {
    "the",
    "this",
    "that",
}
PRONOUNS = {"he": "m", "she": "f"}
POSSESSIVES = {"his": "m", "her": "f"}
EPITHETS = frozenset({"former", "veteran", "longtime", "senior", "top", "new", "outgoing", "incoming"})
WINDOW = 3  # sentences back in which a pronoun or an unnamed role looks for its antecedent


@dataclass
class Found:
    """A mention being built: token range, codes and what the text said of role and organisation."""

    first: int
    last: int
    kind: str
    rule: str
    codes: tuple[DatedCode, ...]
    role: str | None = None
    organization: str | None = None
    name: str | None = None
    gender: str | None = None
    refers_to: Found | None = None
    fallback: tuple[DatedCode, ...] = ()  # used when no code is valid on the day (a person out of office)
    terms: tuple[tuple[str | None, str | None], ...] = ()
    personal: bool = False  # an unnamed singular role ("the spokesperson") a pronoun may continue
    spelled_by_text: bool = False  # a compiled name in ASCII: the article's accents are kept

    def code_on(self, day: str | None) -> str:
        for dated in self.codes:
            if dated.valid_on(day):
                return dated.code
        for dated in self.fallback:
            if dated.valid_on(day):
                return dated.code
        last = (self.fallback or self.codes)[-1].code
        if _is_org(last):
            return last
        ends = [d.end for d in self.codes if d.end]
        starts = [d.start for d in self.codes if d.start]
        known = bool(day) and not any(day >= end for end in ends if end >= DATA_END)
        former = bool(day) and bool(starts) and day >= min(starts)  # held office before the day
        if self.kind == "person" and not self.fallback and known and former:
            # a known person out of office on the day, while the dictionary still knew its offices: one
            # of the country's elite (TABARI's ELI), not its government, nor the bare state ("Kibaki and
            # Odinga met" is two parties); after the data's last day nobody knows, and the state stays
            return last[:3] + "ELI"
        return last[:3]

    def office_on(self, day: str | None) -> tuple[str | None, str | None]:
        """The role and organisation a person held on ``day`` (people carry one per term)."""
        for dated, term in zip(self.codes, self.terms, strict=False):
            if dated.valid_on(day):
                return term
        return self.role, self.organization

    def mention(self, article_id: str, text: Text, day: str | None) -> Mention:
        tokens = text.tokens
        start, end = tokens[self.first].start, tokens[self.last - 1].end
        surface = text.raw[start:end]
        code = self.code_on(day)
        role, organization = self.office_on(day) if self.terms else (self.role, self.organization)
        if self.terms and self.role:
            role = self.role  # the article's own words for the role win over the table's
        org = _is_org(code)
        actor = Actor(
            text=surface,
            code=code,
            country=None if org else code[:3],
            sector=None if org else (code[3:6] or None),
            name=self.name,
            role=role,
            organization=organization,
        )
        return Mention(
            id=self.id(article_id, text),
            span=TextSpan(start, end),
            text=surface,
            sentence=tokens[self.first].sentence,
            first=self.first,
            last=self.last,
            head=head_of(self.first, self.last, tokens),
            actor=actor,
            rule=self.rule,
            codes=self.codes,
            kind=self.kind,
            refers_to=self.refers_to.id(article_id, text) if self.refers_to else None,
        )

    def id(self, article_id: str, text: Text) -> str:
        return content_id(
            article_id, text.tokens[self.first].start, text.tokens[self.last - 1].end, "mention"
        )


def _is_org(code: str) -> bool:
    return code.startswith(("IGO", "NGO", "IMG", "MNC"))


def person_entry_found(match: Match, holder: Found | None = None) -> Found:
    """A person from the dictionary ("Sergei Lavrov"), with the role phrase before it if any."""
    entry: Entry = match.entry
    return Found(
        first=match.first,
        last=match.last,
        kind="person",
        rule=f"person:{entry.slug}",
        codes=entry.codes,
        role=holder.role if holder else None,
        organization=holder.organization if holder else None,
        name=entry.name,
        gender=entry.gender,
        fallback=holder.codes if holder else (),
        terms=entry.terms,
        spelled_by_text=bool({"compiled", "listed"} & entry.flags),
    )


def found_person(text: Text, span: tuple[int, int], holder: Found, role_slug: str) -> Found:
    """A person the text introduces with a role ("spokesperson Mao Ning"): the role phrase's actor, named."""
    first, last = span
    name = text.raw[text.tokens[first].start : text.tokens[last - 1].end]
    return replace(
        holder,
        first=first,
        last=last,
        kind="person",
        rule=f"person-role:{_role_rule(holder, role_slug)}",
        name=name,
        refers_to=None,
        personal=False,
    )


def _role_rule(holder: Found, role_slug: str) -> str:
    return slugify(holder.role) if holder.role else role_slug


def _name_token(text: Text, i: int, taken: set[int]) -> bool:
    token = text.tokens[i]
    if i in taken or token.ent_type in ("DATE", "TIME"):
        return False
    word = token.text
    return word[:1].isupper() and word.isalpha() and word.lower() not in NOT_NAMES and token.pos == "PROPN"


def name_span(text: Text, first: int, limit: int, taken: set[int]) -> tuple[int, int] | None:
    """The person's name that starts at token ``first`` ("Mao Ning", "Mohammed bin Salman"), if any."""
    j = first
    tokens = text.tokens
    while j < limit and j - first < 5 and _continues_name(text, first, j, limit, taken):
        j += 1
    while j > first and not tokens[j - 1].text[:1].isupper():
        j -= 1
    return (first, j) if j > first else None


def _continues_name(text: Text, first: int, j: int, limit: int, taken: set[int]) -> bool:
    if _name_token(text, j, taken):
        return True
    if j == first or j + 1 >= limit:
        return False
    token = text.tokens[j]
    if token.text.lower() in PARTICLES:
        return _name_token(text, j + 1, taken)
    # "Amir-Abdollahian": a hyphen inside a name, with no space on either side
    return token.text == "-" and not text.tokens[j - 1].whitespace


def name_before(text: Text, first: int, limit: int, taken: set[int]) -> tuple[int, int] | None:
    """The name in "Mao Ning, a Chinese foreign ministry spokesperson," ending before ``first``."""
    j = first - 1
    while text.lower(j) in EPITHETS:  # "Karimi, a former deputy spokesman for the Taliban,"
        j -= 1
    if text.lower(j) in ("a", "an", "the"):
        j -= 1
    if text.lower(j) != ",":
        return None
    end = j
    start = end
    while start - 1 >= limit and _name_token(text, start - 1, taken) and end - start < 4:
        start -= 1
    if start == end:
        return None
    # only a name that opens its clause; "officials in Kabul, a ..." is no appositive
    if start > limit and text.lower(start - 1) not in (",", "said", "and", "by", "with"):
        return None
    return (start, end)


# the last day of the compiled Phoenix data: an open term ends there (build_phoenix.py)
DATA_END = "2014-01-30"
# verbs an unnamed body tells of its state's act with ("..., the government said")
TELLING = {"say", "announce", "state", "confirm", "tell", "add"}


# a named head of state or government of no stated country is not guessed from the sentence before
# (a minister is: "Honduras established ties with China. Foreign Minister Eduardo Reina signed ...")
HEAD_ROLES = {"president", "prime minister", "premier", "king", "queen", "emir", "chancellor", "sultan"}


def context_actor(
    role: Entry, before: list[Found], at: int, text: Text, earlier_only: bool = False, strict: bool = False
) -> Found | None:
    """Whom an unnamed role ("the spokesperson") speaks for: the nearest compatible organisation, if clear.

    ``earlier_only`` leaves out the role's own sentence: in "Moroccan diplomats met President Obama"
    the president is the other party, not the one named before him.
    """
    sentence = text.tokens[at].sentence
    if earlier_only:
        # "Malawi will open an embassy in Jerusalem, Foreign Minister Eisenhower Mkaka said": a titled
        # person who tells of a state's act, in the clause before, speaks for that state
        own = [f for f in before if f.first < at and text.tokens[f.first].sentence == sentence]
        teller = _teller_of([f for f in own if not text.in_quote(f.first)], at, text)
        if teller is not None:
            return _owner(teller, role)
    local = local_dateline(before, at, text)
    if local is not None and role.organization and not earlier_only:
        # "In Beijing, the foreign ministry said ...": a sentence opened by a place names whose
        # ministry speaks, as a dateline does for a whole story
        return _owner(local, role)
    window = [
        f
        for f in before
        if f.first < at
        and sentence - WINDOW <= text.tokens[f.first].sentence <= sentence - earlier_only
        and f.kind not in ("pronoun", "place")  # "talks in Kabul" says where, not whose
        and not text.in_quote(f.first)  # a state named inside a quote is who the speaker talks about
    ]
    if not window:
        return None
    teller = _told_by(window, at, text)  # the teller's own body, whatever was named before
    if teller is not None:
        return _owner(teller, role)
    # "A spokesperson for X said ... The spokesperson added": the same role again
    again = [f for f in window if role.role and f.role == role.role and f.kind == "role"]
    if again:
        return _owner(again[-1], role)
    if role.organization:
        same = [f for f in window if f.organization == role.organization]
        if same:
            return _owner(same[-1], role)
    told = _teller_of(window, at, text)
    if told is not None:
        return _owner(told, role)
    # a state ministry's unnamed official in a datelined wire story speaks for the dateline's state
    # when the story names it ("BEIJING - ... a foreign ministry spokesperson said")
    home = [f for f in window if text.home and _key(f) == text.home and not _is_org(f.codes[0].code)]
    if home and role.organization and "ministry" in role.organization.lower():
        return _owner(home[-1], role)
    # bodies a spokesperson or "the government" can belong to: ministries, seats, groups, IGOs;
    # not a person ("the Afghan envoy") and not a bare state
    bodies = [f for f in window if _is_body(f)]
    if bodies and (len({_key(f) for f in bodies}) == 1 or text.lower(at - 1) in ("its", "their")):
        return _owner(bodies[-1], role)  # "its spokeswoman": the organisation named last
    if len({_key(f) for f in window}) == 1:
        return _owner(window[-1], role)
    if strict:
        return None  # "President Oscar Arias" after a sentence about Taiwan: not Taiwan's president
    return _previous_subject(before, at, text, role)


def _teller_of(window: list[Found], at: int, text: Text) -> Found | None:
    """ "El Salvador has ended its relationship with Taipei, the government said": the unnamed body that
    tells of a state's act, in the clause it reports, is that state's (not the state named last)."""
    tokens = text.tokens
    head = head_of(at, at + 1, tokens)
    while tokens[head].dep in ("compound", "amod") and tokens[head].head != head:
        head = tokens[head].head
    verb = tokens[head].head
    if tokens[head].dep != "nsubj" or tokens[verb].lemma.lower() not in TELLING:
        return None
    reported = {k for k in range(verb) if tokens[k].head == verb and tokens[k].dep == "ccomp" and k < head}
    for f in reversed(window):
        phrase = head_of(f.first, f.last, tokens)
        subject = tokens[phrase].dep == "nsubj" and tokens[phrase].head in reported
        if f.kind in ("state", "capital") and subject:
            return f
    return None


def _told_by(window: list[Found], at: int, text: Text) -> Found | None:
    """ "The Honduran foreign ministry said the government recognised only one China": the unnamed body
    that acts in the clause a state's body reports is the teller's (not the state named last)."""
    tokens = text.tokens
    head = head_of(at, at + 1, tokens)
    while tokens[head].dep in ("compound", "amod") and tokens[head].head != head:
        head = tokens[head].head
    verb = tokens[head].head
    if tokens[head].dep != "nsubj" or tokens[verb].dep != "ccomp" or tokens[verb].head == verb:
        return None
    teller = tokens[verb].head
    if tokens[teller].lemma.lower() not in TELLING:
        return None
    for f in reversed(window):
        phrase = head_of(f.first, f.last, tokens)
        if tokens[phrase].dep == "nsubj" and tokens[phrase].head == teller and f.codes:
            return f
    return None


def _subject(text: Text, i: int) -> bool:
    """Whether token ``i`` is a subject, or a conjunct of one ("India and Pakistan traded ...")."""
    token = text.tokens[i]
    while token.dep == "conj" and token.head != token.i:
        token = text.tokens[token.head]
    return token.dep in ("nsubj", "nsubjpass")


def _previous_subject(before: list[Found], at: int, text: Text, role: Entry) -> Found | None:
    """The state or person the previous sentence was about (its subject), if it had one.

    "Honduras established ties with China. Foreign Minister Eduardo Reina signed ...": the minister
    is the subject's. Subjects of the role's own sentence are not used ("Lavrov met Foreign Minister X").
    """
    sentence = text.tokens[at].sentence
    for back in range(sentence - 1, max(sentence - WINDOW, -1), -1):
        subjects = [
            f
            for f in before
            if text.tokens[f.first].sentence == back
            and f.kind != "place"
            and _subject(text, head_of(f.first, f.last, text.tokens))
            and not text.in_quote(f.first)
        ]
        if subjects:
            return _owner(subjects[-1], role) if len({_key(f) for f in subjects}) == 1 else None
    return None


def _is_body(found: Found) -> bool:
    """An organisation a role can belong to: a seat, group, IGO or a ministry-like role phrase."""
    if found.kind in ("capital", "group", "igo"):
        return True
    return found.kind == "role" and found.role is None and found.organization is not None


def _key(found: Found) -> str:
    code = found.codes[0].code
    return code if _is_org(code) else code[:3]


def local_dateline(before: list[Found], at: int, text: Text) -> Found | None:
    """The capital or state a sentence opens with ("In Beijing, ...", "In Kabul, ..."), if any."""
    sentence = text.tokens[at].sentence
    first = at
    while first > 0 and text.tokens[first - 1].sentence == sentence:
        first -= 1
    if text.lower(first) != "in":
        return None
    for found in before:
        opening = found.first == first + 1 and text.lower(found.last) == ","
        if opening and found.kind in ("place", "capital", "state") and not _is_org(found.codes[0].code):
            return found
    return None


def _owner(found: Found, role: Entry) -> Found:
    code = found.codes[0].code
    # a group's or an IGO's codes carry over whole (with their dates); so do a person's to someone who
    # speaks for them; anyone else belongs to the country in the role's sector
    if (
        found.kind in ("group", "igo")
        or _is_org(code)
        or (found.kind == "person" and "inherit" in role.flags)
    ):
        codes = found.codes
    else:
        sector = (
            role.sector if role.sector and "inherit" not in role.flags else code[3:6] or role.sector or "GOV"
        )
        codes = (DatedCode(code[:3] + (sector or "")),)
    return Found(
        first=found.first,
        last=found.last,
        kind=found.kind,
        rule=found.rule,
        codes=codes,
        organization=found.organization,
    )


def corefer(found: list[Found], text: Text) -> list[Found]:
    """Link later names, surnames and he/she to the first mention of the same person."""
    found = sorted(found, key=lambda f: f.first)
    firsts: dict[str, Found] = {}
    for f in found:
        if f.kind == "person":
            key = f.name or ""
            if key in firsts:
                f.refers_to = firsts[key]
            else:
                firsts[key] = f
    covered = {i for f in found for i in range(f.first, f.last)}
    # the people a later word may continue, by that word (in article order)
    by_surname: dict[str, list[Found]] = {}
    for f in found:
        if f.kind == "person" and f.name and f.refers_to is None:
            for surname in _surnames(f.name):
                by_surname.setdefault(surname, []).append(f)
    extra: list[Found] = []
    for i, token in enumerate(text.tokens):
        if i in covered:
            continue
        word = token.text
        person = _surname(by_surname, text, i) if word[:1].isupper() else None
        if person is not None:
            extra.append(_again(person, i, i + 1, "person", "person-coref:surname"))
            continue
        lower = word.lower()
        if lower not in PRONOUNS and lower not in POSSESSIVES:
            continue
        gender = PRONOUNS.get(lower)
        if gender:
            antecedent = _antecedent(found + extra, text, i, gender, covered)
            if antecedent is not None:
                extra.append(_again(antecedent, i, i + 1, "pronoun", "pronoun-coref"))
        elif lower in POSSESSIVES and text.lower(i + 1) == "country" and i + 1 not in covered:
            country = _their_country(found + extra, text, i, covered)
            if country is not None:
                extra.append(country)
    return found + extra


def _their_country(found: list[Found], text: Text, i: int, covered: set[int]) -> Found | None:
    """ "Lavrov said his country would respond", "Egypt's foreign minister voiced his country's support":
    the state of the person (or the named role) "his" or "her" refers to."""
    person = _antecedent(found, text, i, POSSESSIVES[text.lower(i)], covered)
    if person is None or not (person.kind == "person" or person.personal):
        return None
    codes = tuple(replace(c, code=c.code[:3]) for c in person.codes if not _is_org(c.code))
    if not codes:
        return None
    country = _again(person, i, i + 2, "pronoun", "pronoun-coref:country")
    return replace(country, codes=codes, name=None, role=None, organization=None, terms=(), fallback=())


def _again(person: Found, first: int, last: int, kind: str, rule: str) -> Found:
    root = person.refers_to or person
    return replace(root, first=first, last=last, kind=kind, rule=rule, refers_to=root)


def _surname(by_surname: dict[str, list[Found]], text: Text, i: int) -> Found | None:
    """The one person named before token ``i`` whose surname it is, if there is exactly one."""
    word = text.tokens[i].text
    if len(word) < 3 or text.tokens[i].pos != "PROPN":
        return None
    matches = {f.name: f for f in by_surname.get(word, ()) if f.first < i}
    return next(iter(matches.values())) if len(matches) == 1 else None


def _surnames(name: str) -> tuple[str, ...]:
    """The words that may stand for a person later: the last name, or the first of two ("Mao" of Mao Ning)."""
    words = name.replace("-", " ").split()
    return (words[-1], words[0]) if len(words) == 2 else (words[-1],)


def _antecedent(found: list[Found], text: Text, i: int, gender: str, covered: set[int]) -> Found | None:
    sentence = text.tokens[i].sentence
    people = [
        f
        for f in found
        if (f.kind in ("person", "pronoun") or f.personal)
        and f.first < i
        and sentence - WINDOW <= text.tokens[f.first].sentence <= sentence
        and (f.gender in (None, gender))
    ]
    if not people:
        return None
    latest = max(people, key=lambda f: f.first)
    root = latest.refers_to or latest
    rivals = {
        id(f.refers_to or f)
        for f in people
        if text.tokens[f.first].sentence == text.tokens[latest.first].sentence
    }
    # two people in the antecedent's sentence: "he" is not clear enough to resolve
    if len(rivals) > 1:
        return None
    # someone named in between whom the dictionary does not know ("Barcena said ... she said")
    if any(text.tokens[j].ent_type == "PERSON" and j not in covered for j in range(latest.last, i)):
        return None
    return root
