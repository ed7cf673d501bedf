"""Rendering: json keeps the payload, jsonl/csv give one row per record, tables show the key columns."""

from __future__ import annotations

import csv
import io
import json

import pytest

from chancery.render import flatten, render_json_pieces, render_rows

EVENT = {
    "id": "e1",
    "date": "2025-07-03",
    "source": {"text": "Russia", "code": "RUS", "country": "RUS", "sector": None, "name": None},
    "target": {"text": "Taliban", "code": "AFGGOV", "country": "AFG", "sector": "GOV", "name": None},
    "cameo": "054",
    "cameo_name": "Grant diplomatic recognition",
    "plover": {"event": "COOPERATE", "mode": None, "context": "diplomatic"},
    "modality": "asserted",
    "negated": False,
    "counted": True,
    "evidence": {
        "start": 0,
        "end": 5,
        "text": "Russia",
        "trigger": "recognised",
        "rule": "recognise.v",
        "notes": [],
    },
}


def test_json_is_the_payload_unchanged():
    payload = {"events": [EVENT]}
    assert json.loads(render_rows("json", payload)) == payload


def test_jsonl_has_one_object_per_row():
    lines = render_rows("jsonl", {"events": [EVENT, EVENT]}).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["e1", "e1"]


def test_csv_flattens_nested_fields_into_dotted_columns():
    rows = list(csv.DictReader(io.StringIO(render_rows("csv", {"events": [EVENT]}))))
    assert rows[0]["source.code"] == "RUS"
    assert rows[0]["target.country"] == "AFG"
    assert rows[0]["evidence.notes"] == "[]"


def test_table_shows_actors_code_and_trigger():
    table = render_rows("table", {"events": [EVENT]}, kind="events")
    for expected in ("RUS", "AFGGOV", "054", "recognised", "recognise.v"):
        assert expected in table


def test_empty_table_says_so():
    assert "(no relations)" in render_rows("table", {"relations": []}, kind="relations")


def test_flatten_keeps_scalars_and_joins_paths():
    assert flatten({"a": {"b": 1, "c": [1, 2]}, "d": None}) == {"a.b": 1, "a.c": "[1, 2]", "d": None}


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_in_pieces_is_the_same_text_as_json_at_once(count):
    items = [
        {"id": f"a{i}", "title": "Zakharova: “no”\nnew line", "events": [{"code": "054", "n": i}], "x": None}
        for i in range(count)
    ]
    pieces = list(render_json_pieces("articles", iter(items)))
    assert len(pieces) == count + 1  # one piece per item as it arrives, then the close
    assert "".join(pieces) == render_rows("json", {"articles": items}) + "\n"
