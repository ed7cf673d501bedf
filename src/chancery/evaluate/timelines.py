"""Score the ledger's relation states against timeline gold: dispatches in a folder, as-of checks.

A timeline gold file is ``expected.jsonl`` beside the dispatches (``*.txt``, ``*.html``, ``*.jsonl``)
it is about.  The dispatches are ingested into a fresh SQLite ledger, then each check asks that
ledger for the states valid on a date, as ``chancery relations --as-of`` does:

- a *state check* names one pair: ``{"as_of", "subject", "object", "kind", "state"}`` (``state: null``:
  the ledger must hold no state of that kind between them);
- a *set check* names every subject in a state: ``{"as_of", "object", "kind", "state", "subjects"}``.

Actors compare at country level (``evaluate.events.same_actor``).  A check of a single-valued kind
(recognition, diplomatic relations) is right only when the ledger holds exactly the expected state;
for the other kinds the expected state must be among those held.  A ``recognized`` state the gold
denies (an extra subject in a recognition set check, or a state check expecting anything else) is
counted apart as a false recognition: the one error the ledger must never make.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery.errors import GoldError
from chancery.evaluate.events import same_actor
from chancery.evaluate.gold_file import records
from chancery.records import Relation

KINDS = {
    "recognition": {"recognized", "not_recognized", "withdrawn"},
    "diplomatic_relations": {"active", "suspended", "severed"},
    "representation": {"hosts_ambassador", "hosts_envoy", "expelled", "recalled"},
    "position": {"supports", "opposes"},
    "condition": {"conditional"},
}
SINGLE_VALUED = {"recognition", "diplomatic_relations"}
DISPATCH_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class Check:
    """One as-of expectation about the ledger built from a timeline's dispatches."""

    id: str
    as_of: str
    kind: str
    object: str
    state: str | None
    subject: str | None = None
    subjects: tuple[str, ...] | None = None
    proves: str = ""


@dataclass
class TimelineReport:
    """Checks right and wrong over one or more timelines, and the false recognitions among them."""

    path: str
    timelines: int = 0
    dispatches: int = 0
    checks: int = 0
    right: int = 0
    false_recognitions: int = 0
    problems: list[str] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.checks if self.checks else 0.0

    def add(self, other: TimelineReport) -> None:
        self.timelines += other.timelines
        self.dispatches += other.dispatches
        self.checks += other.checks
        self.right += other.right
        self.false_recognitions += other.false_recognitions
        self.problems.extend(other.problems)
        self.wrong.extend(other.wrong)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": "timeline",
            "path": self.path,
            "timelines": self.timelines,
            "dispatches": self.dispatches,
            "checks": self.checks,
            "right": self.right,
            "accuracy": round(self.accuracy, 4),
            "false_recognitions": self.false_recognitions,
            "problems": self.problems,
            "wrong": self.wrong,
        }

    def render(self) -> str:
        lines = [
            f"timelines: {self.timelines}, {self.dispatches} dispatches, {self.checks} as-of checks",
            f"  right     {self.accuracy:.3f} ({self.right}/{self.checks})",
            f"  false recognized states: {self.false_recognitions}",
        ]
        lines += [f"  problem  {p}" for p in self.problems]
        for w in self.wrong:
            lines.append(
                f"  wrong  {w['id']} as of {w['as_of']}: {w['question']}: expected {w['expected']}, "
                f"got {w['got']}"
            )
        return "\n".join(lines)


def load_checks(path: Path) -> list[Check]:
    """The checks of a timeline gold file; raises GoldError naming the bad line."""
    checks = []
    for number, raw in records(path, "check"):
        try:
            check = Check(
                id=raw["id"],
                as_of=raw["as_of"],
                kind=raw["kind"],
                object=raw["object"],
                state=raw["state"],
                subject=raw.get("subject"),
                subjects=tuple(raw["subjects"]) if "subjects" in raw else None,
                proves=raw.get("proves", ""),
            )
        except (KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: bad check ({exc}); see chancery.evaluate.timelines") from exc
        if check.kind not in KINDS or (check.state is not None and check.state not in KINDS[check.kind]):
            raise GoldError(f"{path}:{number}: unknown kind or state {check.kind}/{check.state}")
        if (check.subject is None) == (check.subjects is None):
            raise GoldError(f"{path}:{number}: a check names either 'subject' or 'subjects'")
        if check.subjects is not None and check.state is None:
            raise GoldError(f"{path}:{number}: a set check needs a state")
        checks.append(check)
    return checks


def party(actor: Any) -> str:
    """A relation party at the level checks compare: its country, or its code for an IGO."""
    return actor.country or actor.code


def judge(check: Check, states: list[Relation]) -> tuple[bool, int, str]:
    """Whether ``states`` valid on the check's date satisfy it: (right, false recognitions, what was held)."""
    mine = [r for r in states if r.kind == check.kind and same_actor(check.object, party(r.object))]
    if check.subjects is not None:
        found = sorted({party(r.subject) for r in mine if r.state == check.state})
        expected = list(check.subjects)
        extra = [s for s in found if not any(same_actor(e, s) for e in expected)]
        missing = [e for e in expected if not any(same_actor(e, s) for s in found)]
        false = len(extra) if check.state == "recognized" else 0
        return not extra and not missing, false, json.dumps(found)
    held = sorted({r.state for r in mine if same_actor(check.subject, party(r.subject))})
    if check.state is None:
        right = not held
    elif check.kind in SINGLE_VALUED:
        right = held == [check.state]
    else:
        right = check.state in held
    false = int("recognized" in held and check.state != "recognized")
    return right, false, json.dumps(held)


def evaluate(path: Path, pipeline: Any) -> TimelineReport:
    """Ingest the dispatches beside ``path`` into a new ledger and judge each check on it."""
    from chancery.ledger import open_ledger  # late: only timeline scoring needs a ledger
    from chancery.pipeline import ingest

    checks = load_checks(path)
    dispatches = sorted(
        str(p) for p in path.parent.iterdir() if p.suffix in DISPATCH_SUFFIXES and p.name != path.name
    )
    if not dispatches:
        raise GoldError(f"{path}: no dispatches beside it (*.txt, *.html, *.jsonl)")
    report = TimelineReport(path=str(path), timelines=1, dispatches=len(dispatches), checks=len(checks))
    with tempfile.TemporaryDirectory() as tmp, open_ledger(f"sqlite:///{tmp}/timeline.db") as ledger:
        outcome = ingest(pipeline, ledger, dispatches)
        report.problems.extend(str(p) for p in outcome.problems)
        for check in checks:
            right, false, got = judge(check, ledger.relations(kind=check.kind, as_of=check.as_of))
            report.right += right
            report.false_recognitions += false
            if not right:
                question = (
                    f"{check.subject} {check.kind} {check.object}"
                    if check.subject
                    else f"who is {check.state} ({check.kind}) toward {check.object}"
                )
                expected = json.dumps(check.state if check.subject else list(check.subjects or ()))
                report.wrong.append(
                    {
                        "id": check.id,
                        "as_of": check.as_of,
                        "question": question,
                        "expected": expected,
                        "got": got,
                    }
                )
    return report


def combined(reports: list[TimelineReport], name: str) -> TimelineReport:
    """Several timelines' reports summed into one."""
    total = TimelineReport(path=name)
    for report in reports:
        total.add(report)
    return total
