"""Batch inputs: partitions cover every line once, number lines as the file does, and read as code reads."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chancery.batch.inputs import Partition, plan, read_partition
from chancery.ingest import read_inputs
from chancery.records import Article, InputProblem
from chancery.settings import Settings

SETTINGS = Settings()


def record(n: int) -> str:
    return json.dumps(
        {"text": f"Story number {n}: Spain recognised the State of Palestine.", "date": "2024-05-28"}
    )


def read_all(parts) -> list:
    return [item for part in parts for item in read_partition(part, SETTINGS)]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50])
def test_jsonl_partitions_read_every_record_once_with_its_line_number(tmp_path, size):
    lines = [record(1), "", "{broken", record(4), record(5), "   ", record(7)]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines))  # no newline after the last line
    parts = list(plan([str(path)], size))
    assert all(isinstance(p, Partition) for p in parts)
    assert sum(p.records for p in parts) == 7
    assert [p.first_line for p in parts] == list(range(1, 8, size))
    got = read_all(parts)
    whole = list(read_inputs([str(path)]))  # how chancery code reads the same file
    assert [(type(x), x.source) for x in got] == [(type(x), x.source) for x in whole]
    assert [x.id for x in got if isinstance(x, Article)] == [x.id for x in whole if isinstance(x, Article)]
    assert [x.source for x in got if isinstance(x, InputProblem)] == [f"{path}:3"]


def test_gzipped_jsonl_partitions_skip_to_their_lines(tmp_path):
    path = tmp_path / "more.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write("\n".join(record(n) for n in range(1, 11)) + "\n")
    parts = list(plan([str(path)], 4))
    assert [(p.start, p.stop, p.first_line) for p in parts] == [(0, 4, 1), (4, 8, 5), (8, 10, 9)]
    got = read_all(parts)
    assert [a.source for a in got] == [f"{path}:{n}" for n in range(1, 11)]
    assert [a.text.split(":")[0] for a in got] == [f"Story number {n}" for n in range(1, 11)]


def test_parquet_partitions_read_rows_across_row_groups_and_refuse_bad_rows(tmp_path):
    path = tmp_path / "rest.parquet"
    rows = [
        {"text": f"Story number {n}: Nauru cut its ties with Taiwan.", "title": None} for n in range(1, 10)
    ]
    rows[5]["text"] = ""  # row 6
    table = pa.Table.from_pylist(rows).append_column("date", pa.array([None] * 9, pa.date32()))
    pq.write_table(table, path, row_group_size=2)
    parts = list(plan([str(path)], 4))
    assert [(p.start, p.stop) for p in parts] == [(0, 4), (4, 8), (8, 9)]
    got = read_all(parts)
    assert [x.source for x in got] == [f"{path}:{n}" for n in range(1, 10)]
    assert isinstance(got[5], InputProblem) and got[5].reason == 'field "text" is empty'
    assert sum(isinstance(x, Article) for x in got) == 8


def test_a_parquet_date_column_is_read_as_the_jsonl_date(tmp_path):
    import datetime

    path = tmp_path / "dated.parquet"
    pq.write_table(
        pa.Table.from_pylist(
            [{"text": "Mali expelled the French ambassador.", "date": datetime.date(2022, 1, 31)}]
        ),
        path,
    )
    [article] = read_all(plan([str(path)], 10))
    assert article.date == "2022-01-31"


def test_inputs_that_are_not_batch_inputs_are_one_line_each_and_the_rest_goes_on(tmp_path):
    (tmp_path / "notes.txt").write_text("a text file")
    (tmp_path / "empty.jsonl").write_text("\n \n")
    (tmp_path / "fake.parquet").write_text("not parquet")
    good = tmp_path / "good.jsonl"
    good.write_text(record(1) + "\n")
    names = ["notes.txt", "nothing-*.jsonl", "empty.jsonl", "fake.parquet", "missing.jsonl", "good.jsonl"]
    found = list(plan([str(tmp_path / name) for name in names], 10))
    problems = [str(p) for p in found if isinstance(p, InputProblem)]
    assert problems[0].endswith(
        "notes.txt: not a .jsonl, .jsonl.gz or .parquet file (what chancery batch reads)"
    )
    assert problems[1].endswith("nothing-*.jsonl: no file matches this pattern")
    assert problems[2].endswith("empty.jsonl: empty: no article text")
    assert "fake.parquet: cannot be read as parquet" in problems[3]
    assert problems[4].endswith("missing.jsonl: no such file or directory")
    assert [p.path for p in found if isinstance(p, Partition)] == [str(good)]


def test_a_partition_is_named_by_its_file_and_range_alone(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(record(n) for n in range(6)) + "\n")
    first = [p.id for p in plan([str(path)], 3)]
    assert first == [p.id for p in plan([str(path)], 3)]  # the same names on every run
    assert len(set(first)) == 2 and set(first).isdisjoint(p.id for p in plan([str(path)], 2))
