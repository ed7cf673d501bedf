"""Compile dated people and armed groups from PETRARCH's Phoenix actor dictionaries (MIT).

Run offline when a source changes:
``python src/chancery/data/actors/build_phoenix.py ../shared/data/phoenix``.
It writes ``people_phoenix.tsv`` (people.tsv's columns) and ``groups_phoenix.tsv`` (groups.tsv's),
which the dictionary loads after the hand-kept files; a hand-kept entry sharing a name wins.

- People come from Phoenix.Countries (the CountryInfo leaders) and Phoenix.International (IGO
  officials): an entry is a person when Phoenix marks it so (a CountryInfo / IGOrulers / NGO_Actors
  comment) or dates its codes. Each dated code is one term; an undated code of a person holds from
  their last dated term on (TABARI's default code); codes keep country + first sector (``EGYGOV``),
  IGO codes whole (``IGOUNO``). Two-digit years below 30 are 20xx. An open term ends on 2014-01-30,
  the day the data was made: after it Phoenix cannot say who holds an office (a president elected
  later would stay an "elite" forever), and an unresolved name codes nothing rather than wrongly.
- Filters, each counted: a name that is a state, demonym, capital, place, organisation, role or
  common word is no person; leading titles are stripped ("PRESIDENT_HOSNI_MUBARAK" -> Hosni Mubarak);
  an alias two people share is dropped from both; a person people.tsv already has is left to it.
- A lone surname is kept as an alias only when one person has it, nobody has it as a given name and
  it names nothing else ("Paris", "Caesar" the word): it then resolves after the full name in the
  same article, never alone (no ``*``: Phoenix says nothing of who is known by surname alone, and
  "Caesar Act" or "Hassan" are not its people). One-word names (monarchs, organisations in
  Phoenix.International's NGO lists) and codes with neither a state nor an IGO are no person.
- An entry with no codes of its own takes those of the next coded entry when both end in the same word
  (TABARI lists spellings of one person as entries before the codes: "BORIS_YELTSIN_", "YELTSIN",
  then "RUSSIAN_PRESIDENT_YELTSIN" and its terms); one that does not stays codeless and is dropped.
- Groups come from Phoenix.MilNonState: codes keep the country (a known state or IMG/IGO) with REB
  unless Phoenix gives another CAMEO sector; one-word aliases that are common words are dropped.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
PEOPLE_HEADER = "name\taliases\tgender\tcode\tstart\tend\trole\torganisation\tsource"
GROUPS_HEADER = "name\taliases\tcodes\tsource"
PERSON_MARKS = ("CountryInfo", "IGOrulers", "NGO_Actors")
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "ELI", "LEG", "JUD", "COP", "SPY", "BUS", "MED", "CVL", "EDU",
    "HLH", "LAB", "REL", "NGO", "IGO", "UAF", "INS", "SEP", "CRM", "HRI", "REF", "AGR", "ENV", "MOD",
    "RAD",
}  # fmt: skip
# words a person's name never consists of alone, beyond the roles, places and states chancery knows
COMMON = {
    "the", "of", "and", "al", "el", "bin", "ibn", "abu", "de", "la", "van", "von", "der", "da", "do",
    "new", "old", "general", "minister", "former", "acting", "interim", "deputy", "chief", "head",
    "king", "queen", "prince", "sheikh", "emir", "sultan", "lord", "sir", "mr", "mrs", "dr", "saint",
}  # fmt: skip
TITLES = {"president", "prime", "minister", "premier", "king", "queen", "prince", "general", "gen",
          "chancellor", "secretary", "foreign", "defense", "defence", "vice", "sheikh", "emir", "sultan",
          "dr", "mr", "mrs", "sir", "lord", "chairman", "leader", "former", "un", "u.n.", "secretary-general",
          "ambassador", "senator", "governor", "mayor", "colonel", "col", "lt", "marshal",
          "ayatollah"}  # fmt: skip
# CountryInfo.140130.txt, which Phoenix.Countries was generated from (its header): the data's last day
SOURCE_DATE = "2014-01-30"
LOWER = {
    "al",
    "el",
    "bin",
    "ibn",
    "de",
    "da",
    "van",
    "von",
    "der",
    "la",
    "du",
    "of",
    "the",
    "for",
    "and",
    "in",
}
# TABARI dates are YYMMDD; some later entries are written YYYYMMDD ("[LBYGOV 19690901-20110823]")
_D = r"(\d{6}|\d{8})"
_DATE = re.compile(rf"^(?:{_D}-{_D}|>{_D}|<{_D})$")


@dataclass
class Record:
    """One TABARI actor entry: its written name, ``+`` aliases, codes (code, start, end) and comment."""

    line: int
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    comment: str = ""
    bad_dates: int = 0


def read_actors(text: str) -> list[Record]:
    """The entries of a TABARI ``.actors`` file."""
    records: list[Record] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", body)
        head = re.sub(r"\[[^\]]*\]", "", body).strip()
        if raw[:1].isspace() and not head:
            target = records[-1] if records else None
        elif head.startswith("+") and records:
            records[-1].aliases.append(head[1:].strip())
            target = records[-1]
        elif head and not raw[:1].isspace():
            records.append(Record(number, head, comment=comment.strip()))
            target = records[-1]
        else:
            target = None
        for cell in codes if target else ():
            _add_code(target, cell)
    return _grouped(records)


def _grouped(records: list[Record]) -> list[Record]:
    """TABARI's grouping: entries with no codes of their own take those of the next coded entry, as
    spellings of one person ("BORIS_YELTSIN_ ... PRESIDENT_YELTSIN" before RUSSIAN_PRESIDENT_YELTSIN's
    codes), when the two end in the same word; otherwise (an unrelated next entry: DAVID_CAMERON_ before
    ALAN_JOHNSON_) they stay codeless and are dropped."""
    kept: list[Record] = []
    waiting: list[Record] = []
    for record in records:
        if not record.codes:
            waiting.append(record)
            continue
        last = _last_word(record.name)
        for early in waiting:
            if _last_word(early.name) == last:
                record.aliases.extend([early.name, *early.aliases])
            else:
                kept.append(early)
        waiting = []
        kept.append(record)
    return kept + waiting


def _last_word(name: str) -> str:
    words = re.findall(r"[A-Z0-9'.-]+", name.upper().replace("_", " "))
    return words[-1].strip("'.-") if words else ""


def _add_code(record: Record, cell: str) -> None:
    parts = cell.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return  # "[---]", "[~MED]"
    start = end = None
    if len(parts) > 1:
        match = _DATE.match(parts[1])
        if not match:
            record.bad_dates += 1
            return
        first, last, after, before = match.groups()
        start, end = _day(first or after), _day(last or before)
    record.codes.append((parts[0], start, end))


def _day(yymmdd: str | None) -> str | None:
    """TABARI's YYMMDD as an ISO date (years below 30 are 20xx), or a YYYYMMDD one."""
    if not yymmdd:
        return None
    if len(yymmdd) == 8:
        return f"{yymmdd[:4]}-{yymmdd[4:6]}-{yymmdd[6:8]}"
    year = int(yymmdd[:2])
    return f"{2000 + year if year < 30 else 1900 + year}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def spelled(phrase: str) -> str:
    """A Phoenix phrase as written in text: "HOSNI_MUBARAK_" -> "Hosni Mubarak"."""
    words = [w for w in phrase.strip().strip("_").replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0]) <= 6 and words[0].isupper():
        return words[0]  # "UNITA", "ETA": an acronym, matched letter for letter
    return " ".join(
        _capital(w) if n == 0 or w.lower() not in LOWER else w.lower() for n, w in enumerate(words)
    )


def _capital(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


@dataclass
class Lexicon:
    """What a person's name must not be: states, places, organisations, roles, common words."""

    names: set[str]  # normalised multi- or single-word names of other things
    words: set[str]  # common words

    def is_other(self, alias: str) -> bool:
        key = alias.lower()
        return key in self.names or (" " not in key and key in self.words)


def strip_titles(alias: str) -> str:
    words = alias.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


@dataclass
class Report:
    people: int = 0
    terms: int = 0
    groups: int = 0
    filtered: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"people compiled: {self.people} ({self.terms} terms)", f"groups compiled: {self.groups}"]
        return out + [f"filtered ({reason}): {n}" for reason, n in sorted(self.filtered.items())]


def _person_name_ok(name: str, lexicon: Lexicon) -> str | None:
    """None when ``name`` can be a person's, else the reason it cannot."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z'.\- ]+", name):
        return "not a name (digits or symbols)"
    if " " not in name:
        return "one word (a monarch's or an organisation's name: not safely a person)"
    if lexicon.is_other(name):
        return "a state, place, organisation or role"
    words = name.lower().split()
    if all(w in lexicon.words or w in COMMON for w in words):
        return "common words"
    return None


def compile_people(
    sources: list[tuple[str, str]], lexicon: Lexicon, states: set[str], hand: set[str], report
):
    """(name, aliases, terms, source) per person, filtered; ``hand`` holds people.tsv's aliases."""
    people = []
    for label, text in sources:
        for record in read_actors(text):
            report.filtered["dates Phoenix wrote wrongly (term dropped)"] += record.bad_dates
            dated = any(start or end for _, start, end in record.codes)
            if not (dated or any(mark in record.comment for mark in PERSON_MARKS)):
                continue  # a country, a city or an institution
            name = strip_titles(spelled(record.name.split(",")[0]))
            reason = _person_name_ok(name, lexicon)
            if reason:
                report.filtered[reason] += 1
                continue
            terms = _terms(record.codes, states)
            if not terms:
                report.filtered["no code with a country or IGO"] += 1
                continue
            aliases = [name]
            for alias in (strip_titles(spelled(a)) for a in record.aliases):
                if alias and alias not in aliases and not _person_name_ok(alias, lexicon) and " " in alias:
                    aliases.append(alias)
                elif alias and " " not in alias and alias[:1].isupper():
                    aliases.append(alias + "*")  # "+MADURO", "+PRESIDENT_MADURO": Phoenix's own lone name
            if {a.lower() for a in aliases} & hand:
                report.filtered["in people.tsv (hand-kept wins)"] += 1
                continue
            people.append((name, aliases, terms, f"Phoenix.{label}:{record.line}"))
    return _unique(people, lexicon, hand, report)


def _terms(codes, states: set[str]) -> list[tuple[str, str | None, str | None]]:
    # an open term ends when the data does: after it Phoenix cannot say who holds an office
    dated = [(c, s, e or SOURCE_DATE) for c, s, e in codes if s or e]
    last_end = max((e for _, _, e in dated if e), default=None)
    undated = [(c, last_end if dated else None, SOURCE_DATE) for c, s, e in codes if not (s or e)]
    terms = []
    for code, start, end in dated + undated[:1]:
        code = code if code.startswith("IGO") else code[:6]
        if not code.startswith("IGO") and (code[:3] not in states or code[3:6] not in SECTORS | {""}):
            continue  # "MNC", "NGOCVL": a company or a movement, no state's or IGO's person
        if (code, start, end) not in terms:
            terms.append((code, start, end))
    return sorted(terms, key=lambda t: (t[1] or "", t[2] or "9999", t[0]))


def _unique(people, lexicon: Lexicon, hand: set[str], report: Report):
    """Drop aliases two people share; add each surname, marked ``*`` when it names one person only."""
    owners: Counter = Counter(a for _, aliases, _, _ in people for a in {a.lower() for a in aliases})
    lone = {a.lower().rstrip("*") for _, aliases, _, _ in people for a in aliases if a.endswith("*")}
    surnames: Counter = Counter(name.split()[-1].lower() for name, _, _, _ in people)
    surnames.update(h.split()[-1] for h in hand)
    given = {name.split()[0].lower() for name, _, _, _ in people} | {h.split()[0] for h in hand}
    result = []
    for name, aliases, terms, source in people:
        if owners[name.lower()] > 1:
            report.filtered["name two Phoenix people share"] += 1
            continue
        kept = [a for a in aliases if owners[a.lower()] == 1 and not a.endswith("*")]
        report.filtered["alias two Phoenix people share"] += sum(
            owners[a.lower()] > 1 for a in aliases if not a.endswith("*")
        )
        surnames_of = {a.split()[-1].lower(): a.split()[-1] for a in aliases if " " in a}
        for alias in (a for a in aliases if a.endswith("*")):
            word = surnames_of.get(alias[:-1].lower())  # their surname, spelled as in their full name
            if word is None:
                report.filtered["lone name that is not their surname"] += 1
                continue
            alias = word + "*"
            english = {word.lower(), word.lower().removesuffix("s")} & lexicon.words
            if owners[alias.lower()] > 1 or word.lower() in given | COMMON | hand or len(word) < 4 or english:
                report.filtered["lone name two people share, a given name or a hand-kept one"] += 1
            elif lexicon.is_other(word):
                report.filtered["lone name that is a state, place, organisation, role or word"] += 1
            elif alias not in kept:
                kept.append(alias)  # Phoenix's own lone name for them ("+MADURO"): it names them alone
        surname = name.split()[-1]
        unique = surnames[surname.lower()] == 1 and surname.lower() not in given | COMMON
        if (
            " " in name
            and len(surname) > 2
            and surname not in kept
            and unique
            and not lexicon.is_other(surname)
            and surname.lower() not in lone
        ):
            kept.append(surname)  # no "*": only an alias of Phoenix's own says who is known by it alone
        result.append((name, kept, terms, source))
    report.people = len(result)
    report.terms = sum(len(t) for _, _, t, _ in result)
    return sorted(result, key=lambda p: (p[0], p[3]))


def compile_groups(text: str, lexicon: Lexicon, states: set[str], hand: set[str], report: Report):
    """(name, aliases, codes, source) per armed or non-state group of Phoenix.MilNonState."""
    groups = []
    seen: set[str] = set()
    for record in read_actors(text):
        name = spelled(re.sub(r"\([^)]*\)", "", record.name))
        acronyms = re.findall(r"\(([A-Z][A-Z0-9\-]{2,})\)", record.name)
        codes = sorted({_group_code(c, states) for c, _, _ in record.codes} - {None})
        if not codes:
            report.filtered["group code with no known country"] += 1
            continue
        aliases = []
        for alias in [name, *acronyms, *(spelled(re.sub(r"\([^)]*\)", "", a)) for a in record.aliases)]:
            if not alias or alias in aliases:
                continue
            if lexicon.is_other(alias) or (" " not in alias and alias.lower() in lexicon.words):
                report.filtered["group alias that is a common word or another name"] += 1
                continue
            aliases.append(alias)
        if not aliases:
            continue
        if {a.lower() for a in aliases} & hand or name.lower() in seen:
            report.filtered["in groups.tsv or listed twice"] += 1
            continue
        seen.add(name.lower())
        groups.append((aliases[0], aliases, codes, f"Phoenix.MilNonState:{record.line}"))
    report.groups = len(groups)
    return sorted(groups)


def _group_code(code: str, states: set[str]) -> str | None:
    country, sector = code[:3], code[3:6]
    if country not in states and country not in {"IMG", "IGO"}:
        return None
    return country + (sector if sector in SECTORS else "REB")


def read_lexicon(actors: Path, verbs: str, agents: str) -> tuple[Lexicon, set[str], set[str], set[str]]:
    """What the filters read: chancery's own tables, PETRARCH's English words, Phoenix role nouns."""
    names: set[str] = set()
    codes: set[str] = set()
    for line in _lines(actors / "states.tsv"):
        cells = line.split("\t")
        codes.add(cells[0])
        names.add(cells[2].lower())
    for file, column in (("places.tsv", 0), ("nonactors.tsv", 0), ("roles.tsv", 0), ("roles_phoenix.tsv", 0)):
        names.update(line.split("\t")[column].lower() for line in _lines(actors / file))
    for line in _lines(actors / "organizations.tsv"):
        # "@Brussels(BEL)": a seat, and the capital it also is
        names.update(a.lstrip("@").partition("(")[0].lower() for a in line.split("\t")[2].split("|"))
    words = {w.lower() for w in re.findall(r"\b[A-Z][A-Z']{2,}\b", verbs)}
    words |= {w.lower() for w in re.findall(r"\b[A-Z][A-Z']{2,}\b", agents)}
    words |= {n for n in names if " " not in n}
    hand_people = {
        a.rstrip("*").lower()
        for line in _lines(actors / "people.tsv")
        for a in line.split("\t")[1].split("|")
        if a
    } | {line.split("\t")[0].lower() for line in _lines(actors / "people.tsv")}
    hand_groups = {
        a.lower() for line in _lines(actors / "groups.tsv") for a in line.split("\t")[1].split("|")
    }
    hand_groups |= {
        a.lower() for line in _lines(actors / "groups_ethnic.tsv") for a in line.split("\t")[1].split("|")
    }
    return Lexicon(names, words), codes, hand_people, hand_groups


def _lines(path: Path) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def render_people(people) -> str:
    lines = [
        "# GENERATED by build_phoenix.py from Phoenix.Countries and Phoenix.International\n",
        "# (openeventdata/petrarch2, MIT). Do not edit: rerun the script. Columns as in people.tsv;\n",
        "# source = Phoenix file:line.\n",
        "# " + PEOPLE_HEADER + "\n",
    ]
    for name, aliases, terms, source in people:
        for n, (code, start, end) in enumerate(terms):
            alias_cell = "|".join(aliases) if n == 0 else ""
            lines.append(f"{name}\t{alias_cell}\t\t{code}\t{start or ''}\t{end or ''}\t\t\t{source}\n")
    return "".join(lines)


def render_groups(groups) -> str:
    lines = [
        "# GENERATED by build_phoenix.py from Phoenix.MilNonState (openeventdata/petrarch2, MIT).\n",
        "# Do not edit: rerun the script. Columns as in groups.tsv; source = Phoenix file:line.\n",
        "# " + GROUPS_HEADER + "\n",
    ]
    lines += [
        f"{name}\t{'|'.join(aliases)}\t{';'.join(codes)}\t{source}\n"
        for name, aliases, codes, source in groups
    ]
    return "".join(lines)


def build(phoenix: Path, cameo: Path, actors: Path = HERE) -> tuple[str, str, Report]:
    """The texts of people_phoenix.tsv and groups_phoenix.tsv, and the build report."""
    read = lambda p: p.read_text(encoding="utf-8", errors="replace")  # noqa: E731
    lexicon, codes, hand_people, hand_groups = read_lexicon(
        actors, read(cameo / "PETRARCH_CAMEO.2.0.verbs.txt"), read(phoenix / "Phoenix.agents.txt")
    )
    report = Report()
    sources = [(f, read(phoenix / f"Phoenix.{f}.actors.txt")) for f in ("Countries", "International")]
    people = compile_people(sources, lexicon, codes, hand_people, report)
    groups = compile_groups(
        read(phoenix / "Phoenix.MilNonState.actors.txt"), lexicon, codes, hand_groups, report
    )
    return render_people(people), render_groups(groups), report


if __name__ == "__main__":
    shared = Path(sys.argv[1])
    people_text, groups_text, report = build(shared, shared.parent / "cameo")
    (HERE / "people_phoenix.tsv").write_text(people_text, encoding="utf-8")
    (HERE / "groups_phoenix.tsv").write_text(groups_text, encoding="utf-8")
    print("\n".join(report.lines()))
