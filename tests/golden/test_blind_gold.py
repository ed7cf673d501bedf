"""The blind batches (tests/golden/blind/, issues 11 and 12): sentences and timelines written by helpers who
had not read the coder. Each was scored untouched when it arrived (tests/golden/blind/README.md records
those figures); from then on they are development sets, and these tests keep the coder from falling
below the floors recorded in floors.json, and the ledger from ever claiming a recognition their
timelines deny."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chancery.coding.codebook import Codebook
from chancery.evaluate.events import code_cases, load_cases, score
from chancery.evaluate.timelines import combined
from chancery.evaluate.timelines import evaluate as evaluate_timeline

pytestmark = pytest.mark.slow

BLIND = Path(__file__).parent / "blind"
FLOORS = json.loads((BLIND / "floors.json").read_text(encoding="utf-8"))
TIMELINES = sorted(BLIND.glob("*/timelines/*/expected.jsonl"))


@pytest.fixture(scope="module")
def timelines(pipeline):
    return combined([evaluate_timeline(path, pipeline) for path in TIMELINES], "blind timelines")


@pytest.mark.parametrize("batch", sorted(FLOORS["sentences"]))
def test_a_blind_batch_of_sentences_stays_above_its_floor(pipeline, batch):
    floor = FLOORS["sentences"][batch]
    cases = load_cases(BLIND / batch / "sentences.jsonl")
    report = score(cases, code_cases(cases, pipeline), Codebook.load(), batch)
    root = report.levels["root"]
    assert root.recall >= floor["root_recall"] and root.precision >= floor["root_precision"], report.render()
    assert report.must_not_count_violations <= floor["must_not_count_violations"], report.render()


# the two timeline tests share one worker, so the timelines are ingested once (make test: --dist loadgroup)
@pytest.mark.xdist_group("blind-timelines")
def test_the_blind_timelines_never_claim_a_recognition_they_deny(timelines):
    assert timelines.timelines >= 577
    assert timelines.false_recognitions == 0, timelines.render()


@pytest.mark.xdist_group("blind-timelines")
def test_the_blind_timelines_stay_above_their_floor(timelines):
    assert timelines.accuracy >= FLOORS["timelines"]["accuracy"], timelines.render()
