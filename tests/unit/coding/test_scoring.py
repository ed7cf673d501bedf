"""The events and PLOVER-GSR scorers: greedy matching at country level, levels, must-not-count, misses."""

from __future__ import annotations

import json

import pytest

from chancery.coding.codebook import Codebook
from chancery.errors import GoldError
from chancery.evaluate import events as scorer
from chancery.evaluate import plover_gsr
from chancery.evaluate.events import Case, GoldEvent, load_cases, same_actor, score


@pytest.fixture(scope="module")
def codebook():
    return Codebook.load()


def test_actors_match_at_country_level_and_igos_at_organisation_level():
    assert same_actor("RUSGOV", "RUS") and same_actor(None, None)
    assert not same_actor("RUS", "UKR") and not same_actor("RUS", None)
    assert same_actor("IGOUNO", "IGOUNOIAE") and same_actor("IGOARL", "IGOMEAARL")
    assert not same_actor("IGOUNO", "IGOEUREEC")


def test_levels_score_root_full_and_plover(codebook):
    case = Case("c1", "t", None, (GoldEvent("RUS", "AFGGOV", "054"),))
    report = score([case], [[GoldEvent("RUSGOV", "AFG", "051")]], codebook)
    assert (report.levels["root"].tp, report.levels["full"].tp, report.levels["plover"].tp) == (1, 0, 1)
    assert report.levels["full"].fp == 1 and report.levels["full"].fn == 1


def test_greedy_matching_is_one_to_one(codebook):
    case = Case("c1", "t", None, (GoldEvent("RUS", "AFG", "054"),))
    twice = [GoldEvent("RUS", "AFG", "054"), GoldEvent("RUS", "AFG", "054")]
    tally = score([case], [twice], codebook).levels["full"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)


def test_counted_prediction_in_a_must_not_count_case_is_a_violation(codebook):
    empty = Case("c1", "Would Beijing follow?", None, ())
    uncounted = Case(
        "c2", "t", None, (GoldEvent("CHN", "AFG", "054", counted=False, modality="hypothetical"),)
    )
    predicted = [[GoldEvent("CHN", "AFG", "054")], [GoldEvent("CHN", "AFG", "054", counted=False)]]
    report = score([empty, uncounted], predicted, codebook)
    assert report.must_not_count_cases == 2
    assert report.must_not_count_violations == 1
    assert {m["kind"] for m in report.misses} >= {"counted-but-must-not"}


def test_golden_file_loads_and_bad_lines_name_their_number(tmp_path):
    path = tmp_path / "g.jsonl"
    case = {
        "id": "x-1",
        "text": "A.",
        "date": "2025-01-01",
        "events": [{"source": "RUS", "target": None, "cameo": "010"}],
    }
    path.write_text(json.dumps({"gold": "events"}) + "\n" + json.dumps(case) + "\n{bad\n")
    with pytest.raises(GoldError, match=":3:"):
        load_cases(path)
    path.write_text(json.dumps({"gold": "events"}) + "\n" + json.dumps(case) + "\n")
    assert load_cases(path)[0].events == (GoldEvent("RUS", None, "010"),)


def test_report_renders_and_serialises(codebook):
    case = Case("c1", "t", None, (GoldEvent("RUS", "AFG", "054"),))
    report = score([case], [[]], codebook, "gold.jsonl")
    assert report.to_dict()["levels"]["root"]["fn"] == 1
    assert "missed RUS->AFG 054" in report.render()
    assert scorer.miss_kinds(report)["missed 05"] == 1


def test_gsr_labels_and_country_codes_are_mapped(tmp_path):
    entries = [
        {"id": "D", "event": "DOCUMENT"},
        {"id": "x", "text": "Tokyo demanded ...", "event": "DEMAND", "date": "2000-01-01",
         "source": [{"code": "JAP"}], "target": [{"code": "USA", "sector": "GOV"}]},
    ]  # fmt: skip
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(entries))
    cases = plover_gsr.load_cases(path)
    assert [c.events for c in cases] == [(plover_gsr.Triple("JPN", "USA", "REQUEST"),)]


def test_gsr_target_is_free_when_gold_names_none():
    case = plover_gsr.GsrCase("x", "t", None, (plover_gsr.Triple("USA", None, "AGREE"),))
    report = plover_gsr.score([case], [[plover_gsr.Triple("USA", "JOR", "AGREE")]])
    assert (report.actors.tp, report.actors.fp) == (1, 0)
    missed = plover_gsr.score([case], [[plover_gsr.Triple("JOR", None, "AGREE")]])
    assert missed.miss_kinds()["AGREE found, actors differ"] == 1


def test_gsr_domestic_event_leaves_the_target_free(tmp_path):
    police, civilians = {"code": "EGY", "sector": "COP"}, {"code": "EGY", "sector": "CVL"}
    entry = {"id": "x", "text": "Police fired ...", "event": "COERCE"}
    entries = [{**entry, "source": [police], "target": [civilians]}]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(entries))
    assert plover_gsr.load_cases(path)[0].events == (plover_gsr.Triple("EGY", None, "COERCE"),)
