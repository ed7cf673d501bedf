"""Dictionary matches over tokens: longest alias at each token, then the traps that veto a match."""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass

from chancery.nlp.dictionary import ActorDictionary, AliasIndex, Entry, first_word, normalise
from chancery.records import Token

# Prepositions and verbs after which a capital is a place, not a government ("talks in Washington").
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "from",
        "into",
        "near",
        "outside",
        "inside",
        "via",
        "across",
        "around",
        "through",
        "throughout",
        "within",
        "based",
    }
)
# "flew to Ankara" is a place, "talk to Kabul" a government: "to" and "toward" need a motion verb
DIRECTIONAL = frozenset({"to", "toward", "towards"})
MOTION = frozenset(
    {
        "visit",
        "arrive",
        "reach",
        "leave",
        "travel",
        "fly",
        "return",
        "land",
        "tour",
        "enter",
        "depart",
        "go",
        "come",
        "move",
        "send",
        "deport",
        "head",
        "flee",
        "sail",
        "drive",
        "relocate",
    }
)
# Georgia the US state: the cities that precede it in "Atlanta, Georgia", and words that follow it.
GEORGIA_CITIES = frozenset(
    {"atlanta", "savannah", "augusta", "macon", "athens", "columbus", "marietta", "albany", "valdosta"}
)
GEORGIA_US_NEXT = frozenset(
    {"senator", "governor", "republican", "republicans", "democrat", "democrats", "bulldogs", "voters"}
)
# Capitals whose names also belong to other places ("Victoria", "Kingston"): as places they give no country.
AMBIGUOUS_PLACES = frozenset({"victoria", "kingston", "georgetown", "san jose", "san juan"})
# "East Jerusalem", "occupied Jerusalem": a contested part whose country the dictionary cannot give
CONTESTED_BEFORE = frozenset({"east", "occupied"})
# "Paris, Texas", "Moscow, Idaho", "Athens, Ohio": a city named after a capital, in a US state
US_STATES = frozenset(
    {
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
        "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana",
        "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana",
        "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
        "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina",
        "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
        "wisconsin", "wyoming",
    }
)  # fmt: skip
# states whose names are also given names ("Israel Katz", "Jordan Bardella", "Chad Smith")
GIVEN_NAMES = frozenset({"israel", "jordan", "chad", "georgia"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
DATELINE_NEXT = frozenset({"(", ",", "-", "—", "–", ":"})
MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m)


@dataclass(frozen=True)
class Match:
    """An entry found at tokens ``[first, last)``."""

    first: int
    last: int
    entry: Entry


class Text:
    """An article's tokens with the normalised text and the token boundaries matches must respect."""

    def __init__(self, text: str, tokens: tuple[Token, ...], home: str | None = None):
        self.raw = text
        self.home = home  # the dateline's country: whose unnamed officials a wire story quotes
        self.norm = normalise(text)
        self.tokens = tokens
        self.token_ending = {t.end: t.i for t in tokens}
        self.ends = [t.end for t in tokens]  # in order, as tokens follow one another
        self.words = [self.norm[t.start : t.end] for t in tokens]  # each token normalised
        self.keys = [_key(word) for word in self.words]
        self.quoted = _quoted(text, tokens)
        self._starts: dict[AliasIndex, list[int]] = {}

    def match_starts(self, index: AliasIndex) -> list[int]:
        """The tokens, in order, whose first word starts some entry of ``index`` (found once per index)."""
        starts = self._starts.get(index)
        if starts is None:
            groups = index.groups
            starts = self._starts[index] = [i for i, key in enumerate(self.keys) if key in groups]
        return starts

    def in_quote(self, i: int) -> bool:
        """Whether token ``i`` lies inside quotation marks (words a speaker uses, not the narrator's)."""
        return i in self.quoted

    def lower(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""


def _key(word: str) -> str | None:
    """``first_word`` of a normalised token; most tokens are one run of word characters already."""
    return word if word.isalnum() else first_word(word)


def _quoted(text: str, tokens: tuple[Token, ...]) -> set[int]:
    inside, quoted = False, set()
    for token in tokens:
        if token.text in ("“", "”", '"', "«", "»"):
            # a paragraph break closes an open quote, as it does in news copy
            inside = token.text in ("“", "«") or (token.text == '"' and not inside)
            continue
        if "\n\n" in token.text:
            inside = False
        elif inside:
            quoted.add(token.i)
    return quoted


def scan(text: Text, index: AliasIndex, skip: set[int], first: int, last: int) -> list[Match]:
    """Longest-first matches of ``index`` entries over tokens ``[first, last)`` not in ``skip``."""
    matches = []
    starts = text.match_starts(index)
    i = first  # tokens before i are inside the last match
    for k in range(bisect_left(starts, first), len(starts)):
        j = starts[k]
        if j >= last:
            break
        if j < i or j in skip:
            continue
        found = _match_at(text, index.groups[text.keys[j]], j, last, skip)
        if found is not None:
            matches.append(found)
            i = found.last
    return matches


def _match_at(
    text: Text, group: tuple[int, dict[str, tuple[Entry, ...]]], i: int, last: int, skip: set[int]
) -> Match | None:
    """The first entry of the longest key that matches at token ``i`` and ends where a token ends."""
    longest, by_key = group
    start = text.tokens[i].start
    ends = text.ends
    for end in reversed(ends[i : bisect_right(ends, start + longest, i)]):
        stop = text.token_ending[end]
        if stop >= last:
            continue
        surface = text.norm[start:end]
        candidates = by_key.get(surface, ())
        if not candidates and "-" in surface:
            # "Kim Dae-jung", "Abdel-Fattah": a person's name hyphened where the dictionary spaces it
            candidates = tuple(e for e in by_key.get(surface.replace("-", " "), ()) if e.kind == "person")
        for entry in candidates:
            if skip and any(k in skip for k in range(i, stop + 1)):
                continue
            if not _case_ok(entry, text.raw[start:end]):
                continue
            return Match(i, stop + 1, entry)
    return None


def _case_ok(entry: Entry, surface: str) -> bool:
    if entry.kind == "role":
        return True
    if entry.exact_case:
        # headlines in capitals still match; "us" the pronoun never does
        return normalise(surface) == entry.key and surface.upper() == surface
    # a proper name starts with a capital: "turkey" the bird and "chad" the verb stay out;
    # aliases written in lower case ("al-Shabaab", "new Syrian authorities") match as written or capitalised
    return entry.alias[:1].islower() or not surface[:1].isalpha() or surface[:1].isupper()


def vetoed(match: Match, text: Text, matched: _Words) -> str | None:
    """Why a name match names no actor here (a person's name, a US state, a dateline), or None."""
    entry = match.entry
    if entry.kind == "nonactor":
        return "nonactor"
    if "compiled" in entry.flags and entry.kind == "place" and not _read_as_place(match, text):
        return "not-a-place-here"
    if entry.kind in ("state", "capital", "place", "demonym", "seat") and _inside_person(
        match, text, matched
    ):
        return "person-name"
    if entry.kind == "state" and _given_name(match, text, matched):
        return "person-name"
    if entry.codes and entry.codes[0].code == "GEO" and _us_georgia(match, text):
        return "us-state"
    if entry.kind in ("state", "capital", "place", "seat") and _dateline(match, text):
        return "dateline"
    if entry.kind in ("state", "demonym", "capital") and _stance_or_ethnicity(match, text):
        return "stance-or-ethnicity"
    if entry.kind == "igo" and _national_body(match, text, matched):
        return "national-body"
    return None


def _national_body(match: Match, text: Text, matched: _Words) -> bool:
    """An organisation's generic body name used of a state's own body: "Sudan's Defence and Security
    Council", "the Russian Security Council", "Kenya's National Assembly", not "the African Union's Peace
    and Security Council" nor "the UN Security Council" (one name of its own)."""
    words = {text.lower(k) for k in range(match.first, match.last)}
    if not words <= BODY_WORDS:
        return False  # "NATO", "the African Union": a name of its own, whoever is named before it
    before = text.lower(match.first - 1)
    if before == "and" and text.tokens[match.first - 2].text[:1].isupper():
        return True  # "Defence and Security Council": a longer name the dictionary does not hold
    end = match.first - 1 if before in POSSESSIVES else match.first
    owner = next((m for m in matched.names if m.last == end), None)
    return owner is not None and owner.entry.kind in ("state", "demonym")


def _read_as_place(match: Match, text: Text) -> bool:
    """A compiled place ("Srinagar", "Raipur") is one only where it is written as a name and the parser
    reads a place: "Male", "Split" or "Cork" may be words or people."""
    tokens = text.tokens[match.first : match.last]
    return all(t.text[:1].isupper() for t in tokens if t.text[:1].isalpha()) and any(
        t.ent_type in PLACE_ENTITIES for t in tokens
    )


def _stance_or_ethnicity(match: Match, text: Text) -> bool:
    """ "pro-Iranian militias", "anti-Syria journalist", "ethnic Albanians": not that state acting."""
    before = text.lower(match.first - 1)
    if before == "-" and text.lower(match.first - 2) in ("pro", "anti"):
        return True
    return before == "ethnic" and match.entry.kind == "demonym"


def capital_use(match: Match, text: Text) -> str:
    """How a capital or seat is used: ``"acts"`` (a government), ``"place"`` ("talks in Doha", "visited
    Moscow") or ``"modifier"`` ("a Washington correspondent", "Washington-based", "Washington state")."""
    tokens = text.tokens
    head = head_of(match.first, match.last, tokens)
    token = tokens[head]
    while token.dep == "conj" and token.head != token.i:
        token = tokens[token.head]
    governor = tokens[token.head]
    if token.dep == "pobj" and normalise(governor.text) in LOCATIVE:
        return "place"
    if token.dep == "pobj" and normalise(governor.text) in DIRECTIONAL:
        verb = tokens[governor.head]
        if verb.lemma.lower() in MOTION:
            return "place"
    if token.dep == "dobj" and governor.lemma.lower() in MOTION:
        return "place"
    after = text.lower(match.last) + text.lower(match.last + 1)
    if after in ("-based", "-born"):
        return "modifier"
    # "a Washington correspondent": a modifier of some other noun is a place, but no event's
    if token.dep in ("compound", "nmod", "amod") and governor.i > token.i and governor.pos == "NOUN":
        return "modifier"
    # "Santiago Pena", "Washington Post": a capital's name inside another name names no government
    if token.dep in ("compound", "nmod") and governor.i == token.i + 1 and governor.pos == "PROPN":
        return "modifier"
    return "acts"


def place_elsewhere(match: Match, text: Text) -> bool:
    """A capital's name used for some other place ("Victoria", "Athens, Georgia", "Paris, Texas") or a
    contested part of it ("East Jerusalem")."""
    if match.entry.key in AMBIGUOUS_PLACES or text.lower(match.first - 1) in CONTESTED_BEFORE:
        return True
    if text.lower(match.last) != ",":
        return False
    state = text.lower(match.last + 1)
    if state == match.entry.key:
        return False  # "After talks in Washington, Washington imposed ...": the next clause's subject
    if state in ("new", "north", "south", "west", "rhode"):
        state += " " + text.lower(match.last + 2)
    if state == "georgia":
        return match.entry.key in GEORGIA_CITIES
    return state in US_STATES


def head_of(first: int, last: int, tokens: tuple[Token, ...]) -> int:
    """The token of ``[first, last)`` whose syntactic head lies outside the span."""
    for i in range(last - 1, first - 1, -1):
        if not first <= tokens[i].head < last or tokens[i].head == i:
            return i
    return last - 1


def _inside_person(match: Match, text: Text, matched: Container[int]) -> bool:
    """The match is part of a longer PERSON entity ("Michael Jordan", "Chad Smith")."""
    tokens = text.tokens
    if any(tokens[i].ent_type != "PERSON" for i in range(match.first, match.last)):
        return False
    neighbours = []
    if tokens[match.first].ent_iob == "I":
        neighbours.append(match.first - 1)
    if match.last < len(tokens) and tokens[match.last].ent_iob == "I":
        neighbours.append(match.last)
    return any(i not in matched and tokens[i].pos == "PROPN" for i in neighbours)


def _given_name(match: Match, text: Text, matched: Container[int]) -> bool:
    """ "Israel Katz", "Chad Daniels": a state's name that is also a given name, before a surname."""
    if match.entry.key not in GIVEN_NAMES:
        return False
    after = match.last
    if after >= len(text.tokens) or after in matched:
        return False
    token = text.tokens[after]
    # a surname: a capitalised proper noun on the same line ("Jordan Valley" is no actor either)
    if token.ent_type in ("DATE", "TIME", "GPE", "NORP") or text.lower(after) in MONTHS:
        return False  # "Israel Sunday said", "Jordan Amman ..." name no person
    return token.pos == "PROPN" and token.text[:1].isupper() and token.text.isalpha()


def _us_georgia(match: Match, text: Text) -> bool:
    before = text.lower(match.first - 1)
    if before == "," and text.lower(match.first - 2) in GEORGIA_CITIES:
        return True
    if before == "of" and text.lower(match.first - 2) == "state":
        return True
    after = text.lower(match.last)
    if after in GEORGIA_US_NEXT or (after == "'s" and text.lower(match.last + 1) in GEORGIA_US_NEXT):
        return True
    return after == "," and text.lower(match.last + 1) in ("u.s.", "us", "usa")


def _starts(tokens: tuple[Token, ...], i: int) -> bool:
    return i == 0 or tokens[i - 1].sentence != tokens[i].sentence


def _dateline(match: Match, text: Text) -> bool:
    """ "MOSCOW (Reuters) -", "Kabul (PEN):", "Moscow, July 4 -", "Beijing, China -": the place filed from."""
    tokens = text.tokens
    at_start = match.first == 0 or tokens[match.first - 1].sentence != tokens[match.first].sentence
    if not at_start and text.lower(match.first - 1) == "/":
        # "OTTAWA/NEW DELHI, Sept 19 (NDP) -": a dateline of two cities, each the place filed from
        k = match.first - 1
        while k > 0 and (tokens[k - 1].text.isupper() or text.lower(k - 1) == "/") and not _starts(tokens, k):
            k -= 1
        at_start = _starts(tokens, k) and tokens[k].text.isupper()
    if not at_start:
        # "BEIJING, China -": the country that follows the dateline's city
        second = match.first >= 2 and text.lower(match.first - 1) == "," and _starts(tokens, match.first - 2)
        return second and text.lower(match.last) in ("-", "—", "–", "(")
    surface = text.raw[tokens[match.first].start : tokens[match.last - 1].end]
    after = text.lower(match.last)
    if surface.isupper() and len(surface) > 3 and after in DATELINE_NEXT:
        return True
    if surface.isupper() and after == "/":
        return True  # the first of two cities ("OTTAWA/NEW DELHI, ...")
    if after == "(":
        return True
    if after != ",":
        return False
    # a comma, then a date or a country, then the dash or bracket that ends the dateline
    for j in range(match.last + 1, min(match.last + 6, len(tokens))):
        if text.lower(j) in MONTHS:
            return True
        if tokens[j].pos in ("VERB", "AUX") or (j == match.last + 1 and tokens[j].pos == "ADP"):
            return False  # "Russia, on July 3, became the first ...": a date set off, not a dateline
        if text.lower(j) in ("-", "—", "–", "("):
            return True
    return False


def name_matches(dictionary: ActorDictionary, text: Text, first: int, last: int) -> list[Match]:
    """Name matches of a sentence, with vetoed ones dropped (they still block shorter names)."""
    found = scan(text, dictionary.name_index, set(), first, last)
    # a neighbour that is itself a name or a role word ("Jordan Foreign Minister") is no given name; a
    # surname that names someone only after their full name ("Jordan Peters") is no name of its own yet
    names = [m for m in found if not _lone_surname(m)]
    matched = _Words(text, dictionary.role_index, names, first, last)
    return [m for m in found if vetoed(m, text, matched) is None]


def _lone_surname(match: Match) -> bool:
    entry = match.entry
    return entry.kind == "person" and " " not in entry.key and "standalone" not in entry.flags


POSSESSIVES = ("'s", "’s")
# the words of an organisation's body names that states' own bodies bear too ("Security Council", "General
# Assembly", "Human Rights Council"): such a name is the organisation's only when no state owns it
BODY_WORDS = {
    "security",
    "council",
    "general",
    "assembly",
    "human",
    "rights",
    "peace",
    "and",
    "defence",
    "defense",
}


class _Words:
    """The tokens of a sentence's name matches and role words, as a container of token indices.

    Few vetoes ask about them, so the role words are scanned for only when one does.
    """

    def __init__(self, text: Text, roles: AliasIndex, names: list[Match], first: int, last: int):
        self.text, self.roles, self.names, self.first, self.last = text, roles, names, first, last
        self.tokens: set[int] | None = None

    def __contains__(self, i: object) -> bool:
        if self.tokens is None:
            words = self.names + scan(self.text, self.roles, set(), self.first, self.last)
            self.tokens = {k for m in words for k in range(m.first, m.last)}
        return i in self.tokens


def role_matches(
    dictionary: ActorDictionary, text: Text, taken: set[int], first: int, last: int
) -> list[Match]:
    """Role-noun matches over the tokens no name claimed."""
    return scan(text, dictionary.role_index, taken, first, last)
