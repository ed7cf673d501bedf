"""Golden events: the coder reaches root-code F1 >= 0.90 and counts nothing it must not, over every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.coding.codebook import Codebook
from chancery.evaluate.events import code_cases, combined, load_cases, score

GOLD = sorted((Path(__file__).parent / "events").glob("*.jsonl"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(pipeline):
    codebook = Codebook.load()
    reports = []
    for path in GOLD:
        cases = load_cases(path)
        reports.append(score(cases, code_cases(cases, pipeline), codebook, path.name))
    return combined(reports)


def test_golden_files_exist():
    assert GOLD, "tests/golden/events/*.jsonl is empty: the golden cases are missing"


def test_root_code_f1_at_least_090(report):
    assert report.levels["root"].f1 >= 0.90, report.render()


def test_nothing_counted_in_must_not_count_cases(report):
    assert report.must_not_count_violations == 0, report.render()
