"""Golden files whose every case must be coded exactly, not only on aggregate (see each file's "about").

The files also join the aggregate golden score; here every counted gold event of each case must be
found at root level with country-level actors, and nothing counted beyond them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.evaluate.events import code_cases, load_cases, match

EXACT = (
    "places_and_addressees.jsonl",
    "factuality_paths.jsonl",
    "parties_and_lists.jsonl",
    "domestic_actors.jsonl",
    "antecedents.jsonl",
    "undoing.jsonl",
    "adjuncts.jsonl",
    "wishes_and_owners.jsonl",
    "unions_and_spans.jsonl",
    "terms_and_missions.jsonl",
    "terms_and_returns.jsonl",
)
CASES = [case for name in EXACT for case in load_cases(Path(__file__).parent / "events" / name)]

# one worker codes every case once (make test: --dist loadgroup), not each worker all of them
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("exact-cases")]


@pytest.fixture(scope="module")
def coded(pipeline):
    return dict(zip((c.id for c in CASES), code_cases(CASES, pipeline), strict=True))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_counted_event_is_found_and_nothing_more_is_counted(case, coded):
    gold = [g for g in case.events if g.counted]
    found = [p for p in coded[case.id] if p.counted]
    _, missed, extra = match(gold, found, lambda cameo: cameo[:2])
    assert not missed and not extra, (case.proves, missed, extra)
