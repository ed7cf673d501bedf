"""The actor dictionary: data files under ``chancery/data/actors`` read into a first-word index."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources

from chancery.errors import ChanceryError
from chancery.records import DatedCode

DATA = "data/actors"
# When two entries share an alias, the first kind here wins ("Vatican" is a name before a demonym).
KIND_ORDER = ("nonactor", "person", "group", "igo", "seat", "capital", "place", "state", "demonym", "role")
_WORD = re.compile(r"\w+")
_ACRONYM = re.compile(r"[A-Z0-9.\-&]*[A-Z][A-Z0-9.\-&]*")


class DictionaryError(ChanceryError):
    """An actor data file is missing or malformed."""


@dataclass(frozen=True)
class Entry:
    """One alias of one dictionary entry, with what it resolves to."""

    alias: str  # as written in the data file
    key: str  # normalised form matched against normalised article text
    kind: str  # see KIND_ORDER
    slug: str  # names the entry in ``Mention.rule``, e.g. "china"
    codes: tuple[DatedCode, ...] = ()
    exact_case: bool = False  # acronyms ("US", "WHO") must match letter for letter
    sector: str | None = None  # role nouns: the CAMEO sector they give
    role: str | None = None
    organization: str | None = None
    name: str | None = None  # canonical name of a person, group or organisation
    flags: frozenset[str] = frozenset()
    gender: str | None = None
    terms: tuple[tuple[str | None, str | None], ...] = ()  # people: (role, organisation) per code


def normalise(text: str) -> str:
    """Lowercase, accents and curly quotes folded, whitespace as spaces; same length as ``text``."""
    return text.translate(_FOLDS)


def _fold(char: str) -> str:
    """One character of ``normalise``: a single character, so offsets stay those of the original."""
    folded = unicodedata.normalize("NFD", char)[0].lower()
    if char in "’‘`´":
        folded = "'"
    elif char.isspace():
        folded = " "
    return folded if len(folded) == 1 else char


class _FoldTable(dict):
    """The ``str.translate`` table of ``normalise``: code point → ``_fold`` of it, filled on first use.

    At most ``limit`` characters are kept; rarer ones beyond that are folded afresh each time.
    """

    limit = 4096

    def __missing__(self, code: int) -> str:
        folded = _fold(chr(code))
        if len(self) < self.limit:
            self[code] = folded
        return folded


_FOLDS = _FoldTable()


def first_word(normalised: str) -> str | None:
    """The index key of a normalised alias or token: its first run of word characters."""
    match = _WORD.search(normalised)
    return match.group(0) if match else None


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")


def parse_codes(cell: str, default_start: str = "", default_end: str = "") -> tuple[DatedCode, ...]:
    """``AFGREB@..2021-08-15;AFGGOV@2021-08-15..`` → dated codes (a bare code is open both ways)."""
    codes = []
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        code, _, bounds = part.partition("@")
        start, _, end = bounds.partition("..")
        codes.append(DatedCode(code, start or default_start or None, end or default_end or None))
    return tuple(codes)


class AliasIndex:
    """A first-word index regrouped for matching at a token.

    For each first word: the length of its longest entry key, and for each whole key its entries
    in the index's order.  At a token, only the text up to each later token's end can match, so
    one dict lookup per such end replaces comparing every entry.
    """

    def __init__(self, index: dict[str, tuple[Entry, ...]]):
        self.groups: dict[str, tuple[int, dict[str, tuple[Entry, ...]]]] = {}
        for word, entries in index.items():
            by_key: dict[str, list[Entry]] = {}
            for entry in entries:
                by_key.setdefault(entry.key, []).append(entry)
            longest = max(len(key) for key in by_key)
            self.groups[word] = (longest, {key: tuple(group) for key, group in by_key.items()})


@dataclass(frozen=True)
class ActorDictionary:
    """The actor dictionary: names (states, capitals, places, IGOs, groups, people) and role nouns."""

    names: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    roles: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    # ``names`` and ``roles`` regrouped for matching; derived, so never given
    name_index: AliasIndex = field(init=False, repr=False, compare=False)
    role_index: AliasIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name_index", AliasIndex(self.names))
        object.__setattr__(self, "role_index", AliasIndex(self.roles))

    @classmethod
    def load(cls) -> ActorDictionary:
        """Read every data file under ``chancery/data/actors``."""
        roles = [*_roles()]
        # role nouns flagged "name" ("National Security Council") must beat a name inside them
        named = [e for e in roles if "name" in e.flags]
        others = [*_states(), *_places(), *_organizations(), *_groups(), *_nonactors(), *named]
        taken = {e.key for e in others} | {e.key for e in roles}
        entries = [*others, *_unique_surnames(_people(), taken)]
        return cls(names=_index(entries), roles=_index(roles))

    def entries(self) -> list[Entry]:
        """Every name entry (one per alias), in no particular order."""
        return [e for group in self.names.values() for e in group]

    def home_country(self, place: str | None) -> str | None:
        """The country of a dateline place ("BEIJING" → "CHN", "PESHAWAR" → "PAK", "RAIPUR, India" → "IND"):
        a state, a capital or another place the dictionary knows, or the state written after the place."""
        whole = normalise(place or "").strip()
        # "RAIPUR, India": the place if known, else the state or region written after it
        for key in (whole, *reversed([part.strip() for part in whole.split(",")][1:])):
            for entry in self.names.get(first_word(key) or "", ()):
                if entry.key == key and entry.kind in ("state", "capital", "place") and entry.codes:
                    return entry.codes[0].code[:3]
        return None


def _index(entries: list[Entry]) -> dict[str, tuple[Entry, ...]]:
    index: dict[str, list[Entry]] = {}
    for entry in entries:
        key = first_word(entry.key)
        if key:
            index.setdefault(key, []).append(entry)
    # longest alias first, so a scan takes the longest match at each token
    return {
        k: tuple(sorted(v, key=lambda e: (-len(e.key), KIND_ORDER.index(e.kind)))) for k, v in index.items()
    }


def _rows(name: str, width: int) -> list[list[str]]:
    try:
        text = resources.files("chancery").joinpath(f"{DATA}/{name}").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DictionaryError(
            f"actor data file {DATA}/{name} is missing; reinstall chancery or restore it from git"
        ) from exc
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > width:
            raise DictionaryError(f"{DATA}/{name}:{number}: expected at most {width} tab-separated cells")
        rows.append(cells + [""] * (width - len(cells)))
    return rows


def _entry(alias: str, kind: str, slug: str, **fields) -> Entry:
    return Entry(
        alias=alias,
        key=normalise(alias),
        kind=kind,
        slug=slug,
        exact_case=bool(_ACRONYM.fullmatch(alias)),
        **fields,
    )


def _states() -> list[Entry]:
    entries = []
    for iso3, kind, alias, sector in _rows("states.tsv", 4):
        kind = "state" if kind == "name" else kind
        entries.append(_entry(alias, kind, slugify(alias), codes=(DatedCode(iso3 + sector),)))
    return entries


def _places() -> list[Entry]:
    """Regions and cities that are not capitals ("Donetsk", "Gaza"): the state they lie in. The hand-kept
    ones first; the compiled ones (Phoenix's synonyms of a state, built by build_places.py) count only
    where the parser reads a place, and give a dateline or a role its state, never a place of their own."""
    hand = [
        _entry(alias, "place", slugify(alias), codes=(DatedCode(iso3),))
        for alias, iso3, _note in _rows("places.tsv", 3)
    ]
    # build_places.py leaves out every name the hand-kept tables have
    compiled = [
        _entry(alias, "place", slugify(alias), flags=frozenset({"compiled"}), codes=(DatedCode(iso3),))
        for alias, iso3, _source in _rows("places_phoenix.tsv", 3)
    ]
    return hand + compiled


def _organizations() -> list[Entry]:
    entries = []
    for code, name, aliases in _rows("organizations.tsv", 3):
        for alias in filter(None, aliases.split("|")):
            # "@Brussels": a seat, which names the organisation only when it acts
            kind = "seat" if alias.startswith("@") else "igo"
            alias, _, capital_of = alias.lstrip("@").rstrip(")").partition("(")
            flags = frozenset({"capital-of:" + capital_of}) if capital_of else frozenset()
            entries.append(
                _entry(alias, kind, slugify(name), codes=(DatedCode(code),), name=name, flags=flags)
            )
    return entries


# hand-kept files first: the compiled ones (built by data/actors/build_phoenix.py) leave out what they name
GROUP_FILES = ("groups.tsv", "groups_ethnic.tsv", "groups_phoenix.tsv")
PEOPLE_FILES = ("people.tsv", "people_offices.tsv", "people_phoenix.tsv")
COMPILED_PEOPLE = "people_phoenix.tsv"  # spelled in ASCII by its source
# every office holder of a period, not picked one by one: a lone surname there ("Friday", "English", "Meta")
# names its person only after the full name, even when no one else answers to it
LISTED_PEOPLE = "people_offices.tsv"


def _groups() -> list[Entry]:
    entries = []
    for name, aliases, codes, _source in (row for file in GROUP_FILES for row in _rows(file, 4)):
        dated = parse_codes(codes)
        for alias in filter(None, aliases.split("|")):
            entries.append(_entry(alias, "group", slugify(name), codes=dated, name=name))
    return entries


def _people() -> list[Entry]:
    rows: dict[str, list[list[str]]] = {}
    compiled: set[str] = set()
    listed: set[str] = set()
    for file in PEOPLE_FILES:
        for row in _rows(file, 9):
            rows.setdefault(row[0], []).append(row)
            if file == COMPILED_PEOPLE and len(rows[row[0]]) == 1:
                compiled.add(row[0])  # spelled in ASCII by its source: the article's spelling wins
            if file == LISTED_PEOPLE and len(rows[row[0]]) == 1:
                listed.add(row[0])
    entries = []
    for name, terms in rows.items():
        aliases = [a for row in terms for a in row[1].split("|") if a]
        # one file's "Maduro*" stands alone where another's plain "Maduro" would not: the star wins
        starred = {a[:-1] for a in aliases if a.endswith("*")}
        aliases = list(dict.fromkeys(a for a in aliases if a not in starred))
        codes = tuple(DatedCode(r[3], r[4] or None, r[5] or None) for r in terms)
        latest = terms[-1]
        slug = slugify(name)  # once per person: 18,000 compiled people
        for alias in aliases:
            # "Putin*": a single word that names the person even before their full name
            standalone = alias.endswith("*")
            alias = alias.rstrip("*")
            flags = {"standalone"} if standalone else set()
            flags |= {"compiled"} if name in compiled else set()
            flags |= {"listed"} if name in listed else set()
            entries.append(
                _entry(
                    alias,
                    "person",
                    slug,
                    flags=frozenset(flags),
                    codes=codes,
                    name=name,
                    role=latest[6] or None,
                    organization=latest[7] or None,
                    gender=latest[2] or None,
                    terms=tuple((r[6] or None, r[7] or None) for r in terms),
                )
            )
    return entries


def _unique_surnames(people: list[Entry], taken: set[str]) -> list[Entry]:
    """People whose single-word alias stands alone: starred ones, and those of the hand-kept list whose
    word no other person (hand-kept or compiled) answers to and that names nothing else ("Guaido",
    "Smotrich"; not "Harris", two people; not "Saar", a region); a listed person's lone word that names
    something else, or someone else too, is no alias of theirs."""
    owners: dict[str, set[str]] = {}
    for e in people:
        if " " not in e.key:
            owners.setdefault(e.key, set()).add(e.slug)
        if e.name:  # the surname of a full name, alias or not ("Rene Harris" is a Harris too)
            owners.setdefault(normalise(e.name).rsplit(" ", 1)[-1], set()).add(e.slug)
    out = []
    for e in people:
        listed = "listed" in e.flags and "standalone" not in e.flags
        if " " not in e.key and listed and (e.key in taken or len(owners[e.key]) > 1):
            # "Montenegro" of Luís Montenegro names a state, "González" several people: no alias of theirs
            continue
        lone = " " not in e.key and not {"compiled", "listed", "standalone"} & e.flags
        if lone and len(owners[e.key]) == 1 and e.key not in taken and e.key[:1].isalpha():
            e = replace(e, flags=e.flags | {"standalone"})
        out.append(e)
    return out


def _nonactors() -> list[Entry]:
    return [_entry(alias, "nonactor", slugify(alias)) for alias, _why in _rows("nonactors.tsv", 2)]


def _roles() -> list[Entry]:
    hand = {}
    for alias, sector, role, organization, flags in _rows("roles.tsv", 5):
        words = frozenset(flags.split())
        gender = "f" if "f" in words else "m" if "m" in words else None
        hand[normalise(alias)] = Entry(
            alias=alias,
            key=normalise(alias),
            kind="role",
            slug=slugify(alias),
            sector=sector,
            role=role or None,
            organization=organization or None,
            flags=words,
            gender=gender,
        )
    mined = {}
    for alias, sector in _rows("roles_phoenix.tsv", 2):
        key = normalise(alias)
        if key in hand:
            continue
        # "interim president" is a president: the hand entry for its last word gives role and flags
        word = hand.get(key.rsplit(" ", 1)[-1])
        mined[key] = Entry(
            alias=alias,
            key=key,
            kind="role",
            slug=slugify(alias),
            sector=sector,
            role=word.role if word else None,
            organization=word.organization if word else None,
            flags=word.flags - {"context"} if word else frozenset(),
            gender=word.gender if word else None,
        )
    return [*hand.values(), *mined.values()]
