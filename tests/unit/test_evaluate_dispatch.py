"""`chancery eval` dispatch: a gold file's kind comes from its header, and events files are also totalled."""

from __future__ import annotations

import json

import pytest

from chancery.errors import GoldError
from chancery.evaluate import evaluate_all, gold_kind


def _write(path, header, *cases):
    path.write_text("\n".join(json.dumps(x) for x in (header, *cases)) + "\n", encoding="utf-8")
    return path


def _event(source, negated):
    return {"source": source, "target": "PSE", "cameo": "054", "negated": negated, "modality": "asserted",
            "counted": not negated}  # fmt: skip


RECOGNITION = {
    "id": "t-1",
    "proves": "a plain recognition is coded 054",
    "text": "Spain formally recognised the State of Palestine on Tuesday.",
    "date": "2024-05-28",
    "events": [
        {
            "source": "ESP",
            "target": "PSE",
            "cameo": "054",
            "negated": False,
            "modality": "asserted",
            "counted": True,
        }
    ],
}
NOTHING = {
    "id": "t-2",
    "proves": "a negated recognition counts nothing",
    "text": "Germany has not recognised the State of Palestine.",
    "date": "2024-05-28",
    "events": [
        {
            "source": "DEU",
            "target": "PSE",
            "cameo": "054",
            "negated": True,
            "modality": "asserted",
            "counted": False,
        }
    ],
}


@pytest.mark.parametrize(
    ("first_line", "kind"),
    [('{"gold": "actors"}', "actors"), ('{"gold": "quotes"}', "quotes"), ("[", "plover_gsr")],
)
def test_kind_comes_from_the_first_line(tmp_path, first_line, kind):
    path = tmp_path / "gold.jsonl"
    path.write_text(first_line + "\n", encoding="utf-8")
    assert gold_kind(path) == kind


@pytest.mark.parametrize("first_line", ["not json", '{"gold": "poems"}', '"events"'])
def test_a_bad_header_names_the_file_and_line(tmp_path, first_line):
    path = tmp_path / "gold.jsonl"
    path.write_text(first_line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=rf"{path.name}:1: "):
        gold_kind(path)


def test_several_events_files_get_a_total(tmp_path, pipeline):
    header = {"gold": "events", "about": "test"}
    one = _write(tmp_path / "one.jsonl", header, RECOGNITION)
    two = _write(tmp_path / "two.jsonl", header, NOTHING)
    reports = evaluate_all([one, two], pipeline)
    assert list(reports) == [str(one), str(two), "all 2 events files"]
    total = reports["all 2 events files"].to_dict()
    parts = [reports[str(p)].to_dict() for p in (one, two)]
    assert total["levels"]["root"]["tp"] == sum(p["levels"]["root"]["tp"] for p in parts)
