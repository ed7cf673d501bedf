"""Score coded events against the project's golden event files (``tests/golden/events/*.jsonl``).

Events match within a case on (source, target, code) with actors compared at country level
(the first three letters; IGO codes whole), greedily, at three levels: root code (two
digits), full code, and PLOVER event (through the codebook's crosswalk).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery.coding.codebook import Codebook
from chancery.errors import GoldError
from chancery.evaluate.gold_file import gold_article, records
from chancery.records import Event

LEVELS = ("root", "full", "plover")


@dataclass(frozen=True)
class GoldEvent:
    """One expected (or predicted) event reduced to what is scored."""

    source: str
    target: str | None
    cameo: str
    counted: bool = True
    modality: str = "asserted"
    negated: bool = False


@dataclass(frozen=True)
class Case:
    """One gold sentence (or two) with the events it must yield."""

    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    proves: str = ""


def actor_key(code: str | None) -> str | None:
    """Country-level actor: the first three letters, or the whole code for IGOs."""
    if not code:
        return None
    return code if code.startswith("IGO") else code[:3]


def same_actor(gold: str | None, predicted: str | None) -> bool:
    """Actors match at country level; IGO codes at organisation level.

    Coders spell IGO codes at different depths (``IGOARL`` or ``IGOMEAARL`` for the Arab League,
    ``IGOUNO`` or ``IGOUNOIAE`` for a UN agency), so two IGO codes match when one is a prefix of
    the other or they end in the same organisation code.
    """
    a, b = actor_key(gold), actor_key(predicted)
    if a is None or b is None or not (a.startswith("IGO") and b.startswith("IGO")):
        return a == b
    return a.startswith(b) or b.startswith(a) or (len(a) > 3 and len(b) > 3 and a[-3:] == b[-3:])


@dataclass
class Tally:
    """True positives, false positives and false negatives at one level."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def match(
    gold: Iterable[GoldEvent], predicted: Iterable[GoldEvent], code: Callable[[str], Any]
) -> tuple[list[tuple[GoldEvent, GoldEvent]], list[GoldEvent], list[GoldEvent]]:
    """Greedy one-to-one matching on actors and ``code(cameo)``: (pairs, missed gold, spurious)."""
    pool = list(predicted)
    pairs, missed = [], []
    for g in gold:
        found = next(
            (
                p
                for p in pool
                if code(p.cameo) == code(g.cameo)
                and same_actor(g.source, p.source)
                and same_actor(g.target, p.target)
            ),
            None,
        )
        if found is None:
            missed.append(g)
        else:
            pool.remove(found)
            pairs.append((g, found))
    return pairs, missed, pool


@dataclass
class EventReport:
    """Figures for a golden events file: P/R/F1 per level, per root code, must-not-count and misses."""

    path: str
    cases: int = 0
    levels: dict[str, Tally] = field(default_factory=lambda: {level: Tally() for level in LEVELS})
    per_root: dict[str, Tally] = field(default_factory=dict)
    must_not_count_cases: int = 0
    must_not_count_violations: int = 0
    modality_agreement: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": "events",
            "path": self.path,
            "cases": self.cases,
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "per_root": {k: v.to_dict() for k, v in sorted(self.per_root.items())},
            "must_not_count": {
                "cases": self.must_not_count_cases,
                "counted_violations": self.must_not_count_violations,
            },
            "modality_agreement": {
                "agree": self.modality_agreement[0],
                "matched": self.modality_agreement[1],
            },
            "misses": self.misses,
        }

    def render(self) -> str:
        lines = [f"{self.path}: {self.cases} cases"]
        lines.append(f"{'level':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for level, t in self.levels.items():
            lines.append(
                f"{level:8} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:5} {t.fp:5} {t.fn:5}"
            )
        lines.append(
            f"must-not-count: {self.must_not_count_violations} counted events in "
            f"{self.must_not_count_cases} cases that must count none beyond gold"
        )
        agree, total = self.modality_agreement
        lines.append(f"negation/modality/counted agree on {agree} of {total} matched events")
        lines.append("per root code (gold, predicted):")
        for root, t in sorted(self.per_root.items()):
            figures = f"P {t.precision:5.2f}  R {t.recall:5.2f}  F1 {t.f1:5.2f}"
            lines.append(f"  {root}  {figures}  tp {t.tp} fp {t.fp} fn {t.fn}")
        if self.misses:
            lines.append("misses (root level):")
            for miss in self.misses:
                lines.append(f"  {miss['case']}: {miss['kind']} {miss['event']}")
        return "\n".join(lines)


def load_cases(path: Path) -> list[Case]:
    """The cases of a golden events file; raises GoldError naming the bad line."""
    cases = []
    for number, raw in records(path, "case"):
        try:
            events = tuple(
                GoldEvent(
                    source=e["source"],
                    target=e.get("target"),
                    cameo=e["cameo"],
                    counted=e.get("counted", True),
                    modality=e.get("modality", "asserted"),
                    negated=e.get("negated", False),
                )
                for e in raw["events"]
            )
            cases.append(Case(raw["id"], raw["text"], raw.get("date"), events, raw.get("proves", "")))
        except (KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: bad case ({exc}); see the golden format in DESIGN") from exc
    return cases


def predicted(event: Event) -> GoldEvent:
    """A coded event reduced to its scored fields."""
    return GoldEvent(
        source=event.source.code,
        target=event.target.code if event.target else None,
        cameo=event.cameo,
        counted=event.counted,
        modality=event.modality,
        negated=event.negated,
    )


def score(
    cases: list[Case], predictions: list[list[GoldEvent]], codebook: Codebook, path: str = ""
) -> EventReport:
    """Score ``predictions`` (one list per case) against ``cases``."""
    report = EventReport(path=path, cases=len(cases))

    def key_for(level: str) -> Callable[[str], str]:
        if level == "root":
            return lambda cameo: cameo[:2]
        if level == "full":
            return lambda cameo: cameo
        return codebook.plover_event

    for case, predicted_events in zip(cases, predictions, strict=True):
        for level in LEVELS:
            gold = list(case.events)
            pred = list(predicted_events)
            if level == "plover":
                gold = [g for g in gold if codebook.plover_event(g.cameo)]
                pred = [p for p in pred if codebook.plover_event(p.cameo)]
            pairs, missed, spurious = match(gold, pred, key_for(level))
            tally = report.levels[level]
            tally.tp += len(pairs)
            tally.fn += len(missed)
            tally.fp += len(spurious)
            if level == "root":
                _per_root(report, pairs, missed, spurious)
                report.misses.extend(_misses(case.id, missed, "missed"))
                report.misses.extend(_misses(case.id, spurious, "spurious"))
            if level == "full":
                for g, p in pairs:
                    report.modality_agreement[1] += 1
                    same = (g.counted, g.modality, g.negated) == (p.counted, p.modality, p.negated)
                    report.modality_agreement[0] += same
        if not case.events or any(not g.counted for g in case.events):
            report.must_not_count_cases += 1
            counted_gold = [g for g in case.events if g.counted]
            counted_pred = [p for p in predicted_events if p.counted]
            _, _, extra = match(counted_gold, counted_pred, key_for("root"))
            report.must_not_count_violations += len(extra)
            report.misses.extend(_misses(case.id, extra, "counted-but-must-not"))
    return report


def _per_root(report: EventReport, pairs, missed, spurious) -> None:
    for g, _ in pairs:
        report.per_root.setdefault(g.cameo[:2], Tally()).tp += 1
    for g in missed:
        report.per_root.setdefault(g.cameo[:2], Tally()).fn += 1
    for p in spurious:
        report.per_root.setdefault(p.cameo[:2], Tally()).fp += 1


def _misses(case_id: str, events: list[GoldEvent], kind: str) -> list[dict[str, Any]]:
    return [
        {"case": case_id, "kind": kind, "event": f"{e.source}->{e.target} {e.cameo} {e.modality}"}
        for e in events
    ]


def code_cases(cases: list[Case], pipeline: Any) -> list[list[GoldEvent]]:
    """Run the pipeline over each case's text and reduce its events for scoring."""
    articles = [gold_article(c.text, c.date) for c in cases]
    return [[predicted(e) for e in coded.events] for coded in pipeline.code_many(articles)]


def evaluate(path: Path, pipeline: Any) -> EventReport:
    """Score ``pipeline`` on the golden events file at ``path``."""
    cases = load_cases(path)
    return score(cases, code_cases(cases, pipeline), Codebook.load(), str(path))


def combined(reports: list[EventReport], name: str | None = None) -> EventReport:
    """Several files' reports summed into one (for the golden test across all files)."""
    total = EventReport(path=name or "+".join(r.path for r in reports))
    for r in reports:
        total.cases += r.cases
        for level in LEVELS:
            for attr in ("tp", "fp", "fn"):
                setattr(
                    total.levels[level],
                    attr,
                    getattr(total.levels[level], attr) + getattr(r.levels[level], attr),
                )
        for root, t in r.per_root.items():
            mine = total.per_root.setdefault(root, Tally())
            mine.tp, mine.fp, mine.fn = mine.tp + t.tp, mine.fp + t.fp, mine.fn + t.fn
        total.must_not_count_cases += r.must_not_count_cases
        total.must_not_count_violations += r.must_not_count_violations
        total.modality_agreement[0] += r.modality_agreement[0]
        total.modality_agreement[1] += r.modality_agreement[1]
        total.misses.extend(r.misses)
    return total


def miss_kinds(report: EventReport) -> Counter:
    """How often each kind of miss occurs (kind and code root)."""
    return Counter(f"{m['kind']} {m['event'].split()[1][:2]}" for m in report.misses)
