"""Score coded events against the PLOVER gold standard (``PLOVER_GSR_CAMEO.txt``, PLOVER 0.5b1 labels).

Each entry is one sentence with one event: a PLOVER event type, source and target actor lists.
Gold labels from PLOVER 0.5b1 are mapped to today's names (DEMAND→REQUEST, DISAPPROVE→ACCUSE,
FIGHT→ASSAULT; INVESTIGATE, which has no category of its own now, → ACCUSE, where the crosswalk
puts CAMEO 09). Actors compare at country level (three letters; ``JAP`` and other non-ISO codes
are mapped). A predicted event is scored when it is counted: a stated intention is itself an asserted
03 event (PLOVER AGREE) and the act it is about, intended, is not scored again. PLOVER codes an
interaction once, so the converse chancery adds (a visit's host, the other side of a meeting) is not
scored either. Its PLOVER event comes from the CAMEO→PLOVER crosswalk.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery.errors import GoldError
from chancery.evaluate.events import Tally
from chancery.evaluate.gold_file import gold_article
from chancery.records import Event

LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# the gold set's non-ISO country codes (CAMEO/Phoenix habits) mapped to ISO 3166-1 alpha-3
COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU", "UK": "GBR"}
SCORED_MODALITIES = {"asserted"}


@dataclass(frozen=True)
class Triple:
    """A (source, target, PLOVER event) at country level; target None when the event names none."""

    source: str | None
    target: str | None
    event: str


@dataclass(frozen=True)
class GsrCase:
    """One gold sentence and its events."""

    id: str
    text: str
    date: str | None
    events: tuple[Triple, ...]


def country(code: str | None) -> str | None:
    """Country-level code: international organisations as "IGO", other codes by their first three letters."""
    if not code or not isinstance(code, str):
        return None
    code = code.strip().upper()
    if code[:3] in {"IGO", "NGO"}:
        return "IGO"  # the gold set codes Amnesty and the Red Cross as IGO
    return COUNTRIES.get(code[:3], code[:3])


def load_cases(path: Path) -> list[GsrCase]:
    """The gold sentences, without the DOCUMENT entries."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a readable PLOVER gold JSON array ({exc})") from exc
    cases = []
    for entry in entries:
        if entry.get("event") == "DOCUMENT" or "text" not in entry:
            continue
        event = LABELS.get(entry["event"], entry["event"])
        sources = _actors(entry.get("source")) or [None]
        targets = _actors(entry.get("target")) or [None]
        # a domestic event (source and target in one country) cannot be told apart from its actors at
        # country level, so its target is left free, as when the gold names none
        triples = tuple(
            dict.fromkeys(Triple(s, None if t == s else t, event) for s in sources for t in targets)
        )
        cases.append(GsrCase(entry["id"], entry["text"], entry.get("date"), triples))
    return cases


def _actors(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    found = []
    for actor in value:
        code = country(actor.get("code")) if isinstance(actor, dict) else None
        if code and code not in found:
            found.append(code)
    return found


def triples(events: tuple[Event, ...]) -> list[Triple]:
    """The scored events of one coded article as triples (01 statements have no PLOVER event)."""
    found = []
    for event in events:
        if event.negated or not event.plover.event or event.modality not in SCORED_MODALITIES:
            continue
        if any(note.startswith("converse-of:") for note in event.evidence.notes):
            continue  # the other side of one interaction, which PLOVER codes once
        target = country(event.target.code) if event.target else None
        found.append(Triple(country(event.source.code), target, event.plover.event))
    return found


@dataclass
class GsrReport:
    """PLOVER-event P/R/F1 with country-matched actors, event-only figures and the misses."""

    path: str
    cases: int = 0
    actors: Tally = field(default_factory=Tally)
    events_only: Tally = field(default_factory=Tally)
    per_event: dict[str, Tally] = field(default_factory=dict)
    misses: list[dict[str, str]] = field(default_factory=list)

    def miss_kinds(self) -> Counter:
        return Counter(m["kind"] for m in self.misses)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": "plover_gsr",
            "path": self.path,
            "cases": self.cases,
            "plover_event_with_actors": self.actors.to_dict(),
            "plover_event_only": self.events_only.to_dict(),
            "per_event": {k: v.to_dict() for k, v in sorted(self.per_event.items())},
            "miss_kinds": dict(self.miss_kinds().most_common()),
            "misses": self.misses,
        }

    def render(self) -> str:
        a, e = self.actors, self.events_only
        lines = [
            f"{self.path}: {self.cases} sentences (PLOVER 0.5b1 labels mapped to current PLOVER)",
            f"PLOVER event, actors at country level: P {a.precision:.3f}  R {a.recall:.3f}  F1 {a.f1:.3f}"
            f"  (tp {a.tp} fp {a.fp} fn {a.fn})",
            f"PLOVER event only (per sentence):       P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}",
            "per event type (actors matched):",
        ]
        for name, t in sorted(self.per_event.items()):
            figures = f"P {t.precision:5.2f}  R {t.recall:5.2f}  F1 {t.f1:5.2f}"
            lines.append(f"  {name:10} {figures}  tp {t.tp} fp {t.fp} fn {t.fn}")
        lines.append("most common miss kinds:")
        for kind, count in self.miss_kinds().most_common(10):
            lines.append(f"  {count:4}  {kind}")
        return "\n".join(lines)


def score(cases: list[GsrCase], predicted: list[list[Triple]], path: str = "") -> GsrReport:
    """Score predicted triples (one list per case) against the gold cases."""
    report = GsrReport(path=path, cases=len(cases))
    for case, pred in zip(cases, predicted, strict=True):
        pool = list(pred)
        for gold in case.events:
            found = next((p for p in pool if _same(gold, p)), None)
            tally = report.per_event.setdefault(gold.event, Tally())
            if found is None:
                report.actors.fn += 1
                tally.fn += 1
                report.misses.append({"case": case.id, "kind": _miss_kind(gold, pred), "text": case.text})
            else:
                pool.remove(found)
                report.actors.tp += 1
                tally.tp += 1
        for spurious in pool:
            report.actors.fp += 1
            report.per_event.setdefault(spurious.event, Tally()).fp += 1
            report.misses.append({"case": case.id, "kind": f"spurious {spurious.event}", "text": case.text})
        gold_types = {g.event for g in case.events}
        pred_types = {p.event for p in pred}
        report.events_only.tp += len(gold_types & pred_types)
        report.events_only.fn += len(gold_types - pred_types)
        report.events_only.fp += len(pred_types - gold_types)
    return report


def _same(gold: Triple, pred: Triple) -> bool:
    return (
        gold.event == pred.event
        and gold.source == pred.source
        and (gold.target is None or gold.target == pred.target)
    )


def _miss_kind(gold: Triple, pred: list[Triple]) -> str:
    if any(p.event == gold.event for p in pred):
        return f"{gold.event} found, actors differ"
    if pred:
        return f"{gold.event} coded as {sorted({p.event for p in pred})[0]}"
    return f"{gold.event} not coded"


def evaluate(path: Path, pipeline: Any) -> GsrReport:
    """Score ``pipeline`` on the PLOVER gold standard at ``path``."""
    cases = load_cases(path)
    articles = [gold_article(c.text, c.date) for c in cases]
    predicted = [triples(coded.events) for coded in pipeline.code_many(articles)]
    return score(cases, predicted, str(path))
