"""Compile the places of PETRARCH's Phoenix country dictionary (MIT) into ``places_phoenix.tsv``.

Run offline when a source changes:
``python src/chancery/data/actors/build_places.py ../shared/data/phoenix ../shared/data/cameo``.

Phoenix.Countries opens each state's block with its header (``INDIA_  [IND]``) and the synonyms TABARI
reads as that state: other names and spellings, and the cities, regions and landmarks in it
(``+SRINAGAR_``, ``+RAIPUR_``, ``+WEST_JAVA_``). chancery reads them as places of that state: where
something happens, never who acts ("police in Srinagar" are India's; a "RAIPUR -" dateline is India).
The runtime takes a compiled place only where the parser calls it a place (GPE, LOC or FAC) and it is
written as a name, so a word that is also a place ("Mobile", "Split") stays a word.

Filters, each counted in the report:
- a name chancery already knows (a state or its names, demonym, capital, place, organisation, group,
  person, role or non-actor) is left to the hand-kept or compiled table that has it;
- a synonym two states share is dropped from both;
- one-word names that are English words (PETRARCH2's verb dictionary, Phoenix's agent nouns, the valence
  lexicon) and names shorter than four letters are dropped;
- demonyms and adjectives of nationality (``RWANDAN``, ``SIERRA LEONEAN``, ``-ESE``, ``-ISH``) are dropped:
  they name people, not places;
- landmarks ("Tahrir Square" is in Cairo and in Baghdad) are dropped;
- names with brackets, digits or other marks TABARI uses for its own syntax are dropped.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from build_phoenix import read_lexicon  # noqa: E402  (a sibling build script, run from this folder)

HEADER = re.compile(r"^([A-Z][A-Z_'.\-()]*_)\s+\[([A-Z]{3})\]\s*$")
NAME = re.compile(r"^[A-Z][A-Z' .\-]*[A-Z]$")
NATIONALITY = re.compile(r"(ESE|ISH|IAN|EAN|ANS|ERS|IANS)$")
# a landmark's name is no place of one state alone ("Tahrir Square" is in Cairo and in Baghdad)
LANDMARK = re.compile(
    r" (SQUARE|STREET|AVENUE|PALACE|BRIDGE|MOSQUE|CHURCH|TEMPLE|AIRPORT|HOTEL|STADIUM|PARK)$"
)


def compile_places(countries: str, known: set[str], words: set[str], codes: set[str]) -> tuple[list, Counter]:
    """(alias, iso3, Phoenix line) for every kept synonym, and the count of each filter."""
    report: Counter = Counter()
    owners: dict[str, set[str]] = {}
    lines: dict[str, int] = {}
    state = None
    for number, line in enumerate(countries.splitlines(), 1):
        header = HEADER.match(line)
        if header:
            state = header.group(2) if header.group(2) in codes else None
            continue
        if not line.startswith("+") or state is None:
            if line.strip() and not line.startswith("#"):
                state = None  # the synonyms end where the state's people begin
            continue
        name = line[1:].strip().strip("_").replace("_", " ").strip()
        report["synonyms read"] += 1
        name = name.removeprefix("THE ")  # "THE_US": an article starts no name chancery matches
        if not NAME.match(name) or len(name.replace(" ", "")) < 4:
            report["not written as a place name"] += 1
            continue
        owners.setdefault(name, set()).add(state)
        lines.setdefault(name, number)
    kept = []
    for name, states in owners.items():
        lower = fold(name)
        if len(states) > 1:
            report["shared by two states"] += 1
        elif lower in known:
            report["already known to chancery"] += 1
        elif " " not in lower and lower in words:
            report["an English word"] += 1
        elif NATIONALITY.search(name) and len(name) >= 7:
            report["a demonym or nationality"] += 1
        elif LANDMARK.search(name):
            report["a landmark"] += 1
        else:
            kept.append((name.title().replace("'S", "'s"), next(iter(states)), lines[name]))
    report["places kept"] = len(kept)
    return sorted(kept, key=lambda row: (row[1], row[0])), report


def fold(name: str) -> str:
    """A name lowercased without accents ("Åland Islands" is Phoenix's "ALAND ISLANDS")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


def known_names(actors: Path, names: set[str]) -> set[str]:
    """Every alias chancery's other actor tables hold, folded: ``names`` (the states, places,
    organisations, roles and non-actors build_phoenix.read_lexicon reads) and the groups and people."""
    known = {fold(name) for name in names}
    for file in ("groups.tsv", "groups_ethnic.tsv", "groups_phoenix.tsv", "people.tsv", "people_phoenix.tsv"):
        for row in _rows(actors / file):
            known.add(fold(row[0]))
            if len(row) > 1:
                known.update(fold(a.rstrip("*")) for a in row[1].split("|") if a)
    return known


def _rows(path: Path) -> list[list[str]]:
    return [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def render(places: list) -> str:
    lines = [
        "# GENERATED by build_places.py from Phoenix.Countries (openeventdata/petrarch2, MIT): the cities,\n",
        "# regions and landmarks TABARI lists as synonyms of a state. Do not edit: rerun the script.\n",
        "# alias\tiso3\tsource (Phoenix.Countries line)\n",
    ]
    lines += [f"{alias}\t{iso3}\tPhoenix.Countries:{number}\n" for alias, iso3, number in places]
    return "".join(lines)


def build(phoenix: Path, cameo: Path, actors: Path = HERE) -> tuple[str, Counter]:
    """The text of places_phoenix.tsv and the build report."""
    read = lambda p: p.read_text(encoding="utf-8", errors="replace")  # noqa: E731
    lexicon, codes, _people, _groups = read_lexicon(
        actors, read(cameo / "PETRARCH_CAMEO.2.0.verbs.txt"), read(phoenix / "Phoenix.agents.txt")
    )
    words = set(lexicon.words) | {
        row[0].lower() for row in _rows(actors.parent / "lexicon" / "valence.tsv") if " " not in row[0]
    }
    places, report = compile_places(
        read(phoenix / "Phoenix.Countries.actors.txt"), known_names(actors, lexicon.names), words, codes
    )
    return render(places), report


def main(argv: list[str]) -> int:
    phoenix = Path(argv[1]) if len(argv) > 1 else HERE.parents[4] / "shared" / "data" / "phoenix"
    cameo = Path(argv[2]) if len(argv) > 2 else phoenix.parent / "cameo"
    text, report = build(phoenix, cameo)
    (HERE / "places_phoenix.tsv").write_text(text, encoding="utf-8")
    for what, count in report.most_common():
        sys.stderr.write(f"{count:6}  {what}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
