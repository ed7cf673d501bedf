"""A reproducible benchmark corpus of news-style articles, written as .txt files.

The corpus is the project's own example articles (each once) plus generated wire stories up to a
word target. Generated stories are built from a seeded grammar over the actor dictionary's states,
capitals and people: datelined, dated, several paragraphs each, with reported speech, direct
quotes, recognition, support, condemnation, visits, sanctions and conditions, so every stage of
chancery has work to do. A story never repeats a sentence, and stories draw their casts from
about 200 states and their people, so there is little for a text cache to win. The same seed and
target always give the same files (their digest is reported).
"""

from __future__ import annotations

import csv
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "src" / "chancery" / "data" / "actors"
EXAMPLES = ROOT / "examples"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ROLES = ("foreign minister", "president", "prime minister", "defence minister", "trade minister")
SPOKES = ("a foreign ministry spokesperson", "a government spokesman", "a senior official", "the ministry")
TOPICS = (
    "the ceasefire", "the new trade agreement", "the border dispute", "the grain corridor",
    "the election results", "the naval exercises", "the refugee crisis", "the pipeline project",
    "the nuclear talks", "the fisheries accord", "the debt restructuring", "the peace plan",
)  # fmt: skip
CONDITIONS = (
    "form an inclusive government", "release political prisoners", "improve security",
    "hold free elections", "respect the rights of women", "stop cross-border attacks",
    "end its support for armed groups", "restore the constitution",
)  # fmt: skip


@dataclass(frozen=True)
class State:
    name: str
    demonym: str
    capital: str


def _states() -> list[State]:
    states = []
    with open(ACTORS / "countries.tsv", encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if len(row) >= 4 and row[1] and row[2] and row[3]:
                first = lambda cell: cell.split("|")[0]  # noqa: E731 - the canonical form
                states.append(State(first(row[1]), first(row[2]), first(row[3])))
    return states


def _people() -> list[tuple[str, str]]:
    """(name, role) of people in office, from the dictionary's people rows."""
    people = []
    with open(ACTORS / "people.tsv", encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if len(row) >= 7 and row[0] and not row[5] and row[6] and not row[6].startswith("former"):
                people.append((row[0], row[6]))
    return people


class Story:
    """One generated wire story; every choice comes from the shared seeded random source."""

    def __init__(self, rng: random.Random, states: list[State], people: list[tuple[str, str]]):
        self.rng = rng
        self.cast = rng.sample(states, 4)
        self.a = self.cast[0]  # the dateline's state
        self.people = people
        self.said: set[str] = set()
        self.month = rng.randrange(12)
        self.day = rng.randrange(1, 28)
        self.year = rng.choice((2019, 2021, 2022, 2023, 2024, 2025))

    def when(self) -> str:
        rng = self.rng
        return rng.choice(
            (
                f"on {rng.choice(WEEKDAYS)}",
                f"on {rng.randrange(1, 28)} {MONTHS[self.month]}",
                "last week",
                "earlier this month",
                f"in {MONTHS[(self.month - 1) % 12]}",
                "on Friday",
                "",
            )
        )

    def speaker(self, state: State) -> str:
        rng = self.rng
        if self.people and rng.random() < 0.3:
            name, role = rng.choice(self.people)
            return f"{role.capitalize()} {name}" if rng.random() < 0.5 else name
        return rng.choice(
            (
                f"{state.demonym} {rng.choice(ROLES)}",
                f"the {state.demonym} {rng.choice(ROLES)}",
                f"{rng.choice(SPOKES)} in {state.capital}",
                f"{state.name}'s {rng.choice(ROLES)}",
            )
        )

    def sentence(self) -> str:
        """A sentence not yet used in this story (the grammar is large enough that one is found)."""
        for _ in range(50):
            sentence = self._sentence()
            if sentence not in self.said:
                self.said.add(sentence)
                return sentence
        return sentence

    def _sentence(self) -> str:
        rng = self.rng
        a, b, c, d = rng.sample(self.cast, 4)
        topic = rng.choice(TOPICS)
        when = self.when()
        when = f" {when}" if when else ""
        condition = rng.choice(CONDITIONS)
        forms = (
            f"{a.name} formally recognised the government of {b.name}{when}, the first state to do so.",
            f"{c.name} backed {a.name}'s decision to recognise the authorities in {b.capital}.",
            f"{c.name} has not recognised the administration in {b.capital}, but it maintains ties with it.",
            f"{a.demonym} officials condemned the attack on {b.demonym} posts as a violation of {topic}.",
            f"The {a.demonym} {rng.choice(ROLES)} visited {b.capital}{when} for talks on {topic}.",
            f"{b.name} hosted a delegation from {a.name}{when} to discuss {topic}.",
            f"{a.name} urged {b.name} to {condition} before any talks resume.",
            f"{b.name} must first {condition}, {self.speaker(a)} said{when}.",
            f"{a.name} imposed sanctions on {b.demonym} banks{when} over {topic}.",
            f"{c.name} accused {a.name} of undermining {topic}.",
            f"{a.name} and {c.name} signed an agreement on {topic}{when}.",
            f"{b.name} rejected the proposal from {c.capital}, calling it unacceptable.",
            f"{a.name} recalled its ambassador from {b.capital}{when} in protest.",
            f"{c.name} hosts an ambassador appointed by the government in {b.capital}.",
            f"{a.name} threatened to expel {b.demonym} diplomats if {topic} collapses.",
            f"Thousands protested outside the {a.demonym} embassy in {c.capital}{when}.",
            f"{self.speaker(c)} said {c.name} would send humanitarian aid to {b.name}.",
            f"{a.name} offered to mediate between {b.name} and {c.name} on {topic}.",
            f"{b.name} denied that it had supplied weapons to rebels in {d.name}.",
            f"{a.name} and {b.name} agreed to restore diplomatic relations{when}.",
        )
        return rng.choice(forms)

    def quote(self) -> str:
        rng = self.rng
        a, b = rng.sample(self.cast, 2)
        words = rng.choice(
            (
                f"We respect the choice of the {b.demonym} people and will keep working with {b.capital}",
                f"Our position on {rng.choice(TOPICS)} has not changed",
                f"{b.name} must {rng.choice(CONDITIONS)} if it wants to be accepted",
                "Dialogue is the only way forward, and we are ready for it",
                f"This decision serves peace in the region and the interests of {a.name}",
            )
        )
        speaker = self.speaker(a)
        if rng.random() < 0.5:
            return f'"{words}," {speaker} said at a briefing {self.when() or "on Friday"}.'
        return f'{speaker[0].upper() + speaker[1:]} said: "{words}."'

    def text(self, target_words: int) -> str:
        rng = self.rng
        dateline = f"{self.a.capital.upper()}, {MONTHS[self.month]} {self.day} —"
        paragraphs = [f"{dateline} {self.sentence()} {self.sentence()}"]
        while sum(len(p.split()) for p in paragraphs) < target_words:
            parts = [self.sentence() for _ in range(rng.randrange(1, 4))]
            if rng.random() < 0.4:
                parts.insert(rng.randrange(len(parts) + 1), self.quote())
            paragraphs.append(" ".join(parts))
        title = f"Title: {self.a.name} and {self.cast[1].name}: {rng.choice(TOPICS)}"
        date = f"Date: {self.year}-{self.month + 1:02d}-{self.day:02d}"
        return f"{title}\n{date}\nPublisher: Benchmark Wire\n\n" + "\n\n".join(paragraphs) + "\n"


def build(folder: Path, words: int = 60_000, seed: int = 2026) -> dict:
    """Write the corpus into ``folder`` (emptied first); returns its size and digest."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    digest = hashlib.sha256()
    total = articles = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        total += _write(folder / f"example-{path.name}", text, digest)
        articles += 1
    rng = random.Random(seed)
    states, people = _states(), _people()
    while total < words:
        text = Story(rng, states, people).text(rng.randrange(150, 450))
        total += _write(folder / f"story-{articles:05d}.txt", text, digest)
        articles += 1
    return {"articles": articles, "words": total, "seed": seed, "digest": digest.hexdigest()[:16]}


def _write(path: Path, text: str, digest) -> int:
    path.write_text(text, encoding="utf-8")
    digest.update(text.encode("utf-8"))
    return len(text.split())


if __name__ == "__main__":
    import sys

    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/.corpus")))
