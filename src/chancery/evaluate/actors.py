"""Score actor resolution against a gold file: code (as of the case's date), name and role per mention.

Gold mentions ``{"text", "code", "name"?, "role"?}`` are listed in text order: each stands for the
first whole-word occurrence of its text at or after the end of the previous gold mention
(``"at": k`` picks the k-th occurrence in the whole text instead, for nested or repeated texts).
It is right when a predicted mention has exactly that span, its actor
has the gold code and, where the gold gives them, the same name and role.  ``"code": null`` says the
text names no actor there: it is right when no predicted mention overlaps it.

Accuracy = right gold mentions / gold mentions.  Precision = predicted mentions that match a non-null
gold mention / predicted mentions in the same cases (gold files list every mention they expect).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery.errors import GoldError
from chancery.evaluate.gold_file import gold_article
from chancery.records import Mention


@dataclass(frozen=True)
class GoldMention:
    """One gold mention: where it is and what it should resolve to (``code`` None: no actor)."""

    text: str
    start: int
    end: int
    code: str | None
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Case:
    """One gold sentence or article: its id, what it proves, text, date and mentions."""

    id: str
    proves: str
    text: str
    date: str | None
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True)
class Miss:
    """A gold mention the pipeline got wrong, or a predicted mention no gold mention expects."""

    case: str
    kind: str  # wrong | missed | spurious | extra
    text: str
    expected: str
    found: str


@dataclass
class ActorReport:
    """Accuracy over gold mentions and precision over predicted ones, with every miss."""

    cases: int = 0
    gold: int = 0
    right: int = 0
    predicted: int = 0
    predicted_right: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "actors",
            "cases": self.cases,
            "gold": self.gold,
            "right": self.right,
            "accuracy": round(self.accuracy, 4),
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "misses": [vars(m) for m in self.misses],
        }

    def render(self) -> str:
        lines = [
            f"actors: {self.cases} cases, {self.gold} gold mentions, {self.predicted} predicted",
            f"  accuracy  {self.accuracy:.3f} ({self.right}/{self.gold})",
            f"  precision {self.precision:.3f} ({self.predicted_right}/{self.predicted})",
        ]
        for miss in self.misses:
            lines.append(
                f"  {miss.kind:8} {miss.case}: {miss.text!r} gold {miss.expected}; found {miss.found}"
            )
        return "\n".join(lines)


def evaluate(path: Path, pipeline: Any) -> ActorReport:
    """Parse every gold case in ``path`` with ``pipeline`` and score its actor mentions."""
    report = ActorReport()
    for case in read_gold(path):
        article = gold_article(case.text, case.date, case.id)
        score_case(report, case, pipeline.parse(article).mentions)
    return report


def read_gold(path: Path) -> list[Case]:
    """The cases of an actors gold file (the first line is its header)."""
    cases = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 or not line.strip():
                continue
            try:
                raw = json.loads(line)
                case = parse_case(raw)
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise GoldError(
                    f"{path}:{number}: an actors case needs id, proves, text, date and mentions whose "
                    f"texts occur in the text ({exc})"
                ) from exc
            if case.id in seen:
                raise GoldError(f"{path}:{number}: duplicate case id {case.id!r}; give each case its own id")
            seen.add(case.id)
            cases.append(case)
    return cases


def parse_case(raw: dict[str, Any]) -> Case:
    """One gold case from its JSON object, each gold mention placed in the text."""
    text = raw["text"]
    cursor = 0
    mentions = []
    for gold in raw["mentions"]:
        surface = gold["text"]
        places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
        places = places[gold["at"] :] if "at" in gold else [p for p in places if p >= cursor]
        if not places:
            raise ValueError(f"{surface!r} does not occur where case {raw['id']!r} lists it")
        start = places[0]
        cursor = start + len(surface)
        mentions.append(
            GoldMention(
                surface, start, start + len(surface), gold["code"], gold.get("name"), gold.get("role")
            )
        )
    return Case(raw["id"], raw["proves"], text, raw.get("date"), tuple(mentions))


def score_case(report: ActorReport, case: Case, found: tuple[Mention, ...]) -> None:
    """Add one case's right and wrong mentions to ``report``."""
    report.cases += 1
    report.gold += len(case.mentions)
    report.predicted += len(found)
    by_span = {(m.span.start, m.span.end): m for m in found}
    expected_spans = set()
    for gold in case.mentions:
        expected_spans.add((gold.start, gold.end))
        if gold.code is None:
            clash = [m for m in found if m.span.start < gold.end and gold.start < m.span.end]
            if clash:
                report.misses.append(Miss(case.id, "spurious", gold.text, "no actor", _describe(clash[0])))
            else:
                report.right += 1
            continue
        mention = by_span.get((gold.start, gold.end))
        if mention is None:
            report.misses.append(Miss(case.id, "missed", gold.text, _expect(gold), "nothing"))
        elif _agrees(gold, mention):
            report.right += 1
            report.predicted_right += 1
        else:
            report.misses.append(Miss(case.id, "wrong", gold.text, _expect(gold), _describe(mention)))
    for mention in found:
        if (mention.span.start, mention.span.end) not in expected_spans:
            report.misses.append(Miss(case.id, "extra", mention.text, "not in gold", _describe(mention)))


def _agrees(gold: GoldMention, mention: Mention) -> bool:
    actor = mention.actor
    if actor.code != gold.code:
        return False
    if gold.name is not None and actor.name != gold.name:
        return False
    return gold.role is None or actor.role == gold.role


def _expect(gold: GoldMention) -> str:
    extra = "".join(f" {k}={v}" for k, v in (("name", gold.name), ("role", gold.role)) if v)
    return f"{gold.code}{extra}"


def _describe(mention: Mention) -> str:
    actor = mention.actor
    extra = "".join(f" {k}={v}" for k, v in (("name", actor.name), ("role", actor.role)) if v)
    return f"{actor.code}{extra} [{mention.rule}]"
