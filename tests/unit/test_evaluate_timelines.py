"""Timeline gold: checks load strictly, and each is judged against the states valid on its date."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chancery.errors import GoldError
from chancery.evaluate.timelines import Check, evaluate, judge, load_checks
from chancery.records import Actor, Relation

TIMELINE = Path(__file__).resolve().parents[1] / "fixtures" / "relations" / "timeline"


def _state(subject: str, object_: str, kind: str, state: str) -> Relation:
    def actor(code: str) -> Actor:
        return Actor(text=code, code=code, country=None if code.startswith("IGO") else code[:3])

    return Relation(
        subject=actor(subject), object=actor(object_), kind=kind, state=state, since=None, until=None
    )


def _set(state: str, subjects: list[str], kind: str = "recognition") -> Check:
    return Check(id="c", as_of="2025-08-01", kind=kind, object="AFG", state=state, subjects=tuple(subjects))


def _pair(subject: str, state: str | None, kind: str = "recognition") -> Check:
    return Check(id="c", as_of="2025-08-01", kind=kind, object="AFG", state=state, subject=subject)


def test_a_set_check_needs_exactly_the_expected_subjects():
    held = [_state("RUSGOV", "AFGGOV", "recognition", "recognized")]
    assert judge(_set("recognized", ["RUS"]), held)[:2] == (True, 0)
    assert judge(_set("recognized", ["RUS", "CHN"]), held)[:2] == (False, 0)


def test_an_extra_recognising_state_is_a_false_recognition():
    held = [
        _state("RUS", "AFGGOV", "recognition", "recognized"),
        _state("CHN", "AFG", "recognition", "recognized"),
    ]
    assert judge(_set("recognized", ["RUS"]), held)[:2] == (False, 1)
    assert judge(_pair("CHN", "not_recognized"), held)[:2] == (False, 1)
    assert judge(_pair("CHN", None), held)[:2] == (False, 1)


def test_a_single_valued_kind_must_hold_only_the_expected_state():
    held = [
        _state("CHN", "AFG", "recognition", "recognized"),
        _state("CHN", "AFG", "recognition", "not_recognized"),
    ]
    assert judge(_pair("CHN", "not_recognized"), held)[0] is False


def test_other_kinds_need_the_expected_state_among_those_held():
    held = [_state("CHN", "AFG", "position", "supports"), _state("CHN", "AFG", "position", "opposes")]
    assert judge(_pair("CHN", "opposes", kind="position"), held)[0] is True
    assert judge(_pair("CHN", None, kind="position"), held)[0] is False


def test_states_of_other_objects_or_kinds_do_not_answer_a_check():
    held = [_state("CHN", "PAK", "recognition", "recognized"), _state("CHN", "AFG", "position", "supports")]
    assert judge(_pair("CHN", None), held)[0] is True
    assert judge(_set("recognized", []), held)[:2] == (True, 0)


def _gold(path: Path, *checks: dict) -> Path:
    lines = [{"gold": "timeline", "about": "test"}, *checks]
    path.write_text("\n".join(json.dumps(c) for c in lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "check, reason",
    [
        ({"id": "x", "as_of": "2025-01-01", "object": "AFG", "kind": "friendship", "state": "x",
          "subject": "RUS"}, "unknown kind"),
        ({"id": "x", "as_of": "2025-01-01", "object": "AFG", "kind": "recognition", "state": "active",
          "subject": "RUS"}, "unknown kind or state"),
        ({"id": "x", "as_of": "2025-01-01", "object": "AFG", "kind": "recognition", "state": "recognized"},
         "either 'subject' or 'subjects'"),
        ({"id": "x", "as_of": "2025-01-01", "object": "AFG", "kind": "recognition", "state": None,
          "subjects": []}, "needs a state"),
        ({"as_of": "2025-01-01"}, "bad check"),
    ],
)  # fmt: skip
def test_a_bad_check_is_refused_naming_its_line(tmp_path, check, reason):
    path = _gold(tmp_path / "expected.jsonl", check)
    with pytest.raises(GoldError, match=rf"expected.jsonl:2: .*{reason}"):
        load_checks(path)


@pytest.mark.slow
def test_a_timeline_is_ingested_and_judged_on_its_dates(tmp_path, pipeline):
    for name in (
        "2025-07-03-russia-recognises-taliban-government.txt",
        "2025-07-04-china-backs-russian-decision.txt",
    ):
        shutil.copy(TIMELINE / name, tmp_path / name)
    gold = _gold(
        tmp_path / "expected.jsonl",
        {"id": "before", "as_of": "2025-06-01", "object": "AFG", "kind": "recognition", "state": "recognized",
         "subjects": []},
        {"id": "after", "as_of": "2025-08-01", "object": "AFG", "kind": "recognition", "state": "recognized",
         "subjects": ["RUS"]},
        {"id": "china", "as_of": "2025-08-01", "subject": "CHN", "object": "AFG", "kind": "recognition",
         "state": "recognized"},
    )  # fmt: skip
    report = evaluate(gold, pipeline)
    assert (report.dispatches, report.checks, report.right) == (2, 3, 2)
    assert [w["id"] for w in report.wrong] == ["china"]
    assert report.false_recognitions == 0
