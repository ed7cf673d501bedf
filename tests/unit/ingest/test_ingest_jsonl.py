"""ingest.jsonl: good lines, every kind of bad line (with its line number), dates and timestamps."""

from __future__ import annotations

import json

import pytest

from chancery.ingest import read_inputs, read_jsonl_line
from chancery.records import Article, InputProblem

TEXT = "ISLAMABAD (PEN) : Pakistan welcomed the resumption of talks between Kabul and Moscow."


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_full_line_fills_every_article_field(tmp_path):
    record = {
        "id": "wire-17",
        "text": TEXT,
        "title": "Pakistan welcomes talks",
        "date": "2025-07-05",
        "url": "https://example.org/pk",
        "publisher": "Example Wire",
    }
    path = _write(tmp_path, [json.dumps(record)])
    [article] = read_inputs([str(path)])
    assert article == Article(
        id=Article.make_id(TEXT),
        text=TEXT,
        title="Pakistan welcomes talks",
        date="2025-07-05",
        publisher="Example Wire",
        url="https://example.org/pk",
        place="ISLAMABAD",
        source=f"{path}:1",
        date_basis="input",
        external_id="wire-17",
    )


def test_only_text_is_required_and_the_dateline_fills_place_and_publisher(tmp_path):
    [article] = read_inputs([str(_write(tmp_path, [json.dumps({"text": TEXT})]))])
    assert isinstance(article, Article)
    assert (article.title, article.date, article.external_id) == (None, None, None)
    assert (article.place, article.publisher) == ("ISLAMABAD", "PEN")


def test_a_numeric_id_is_kept_as_text():
    article = read_jsonl_line(json.dumps({"id": 17, "text": TEXT}), "f.jsonl:1")
    assert isinstance(article, Article) and article.external_id == "17"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2025-07-05", "2025-07-05"),
        ("2025-07-05T21:15:00Z", "2025-07-05"),
        ("2025-07-05T01:00+05:00", "2025-07-05"),
    ],
)
def test_dates_and_iso_timestamps_become_the_calendar_date(date, expected):
    article = read_jsonl_line(json.dumps({"text": TEXT, "date": date}), "f.jsonl:1")
    assert isinstance(article, Article)
    assert (article.date, article.date_basis) == (expected, "input")


def test_a_malformed_line_is_one_problem_with_its_line_number_and_the_other_lines_are_read(tmp_path):
    lines = [
        json.dumps({"text": "First article text."}),
        "",
        '{"text": "broken',
        json.dumps({"text": "Third."}),
    ]
    path = _write(tmp_path, lines)
    found = list(read_inputs([str(path)]))
    assert [type(item).__name__ for item in found] == ["Article", "InputProblem", "Article"]
    assert found[1] == InputProblem(f"{path}:3", "not valid JSON (Unterminated string starting at column 10)")
    assert str(found[1]) == f"{path}:3: not valid JSON (Unterminated string starting at column 10)"
    assert [found[0].source, found[2].source] == [f"{path}:1", f"{path}:4"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"title": "No text"}', 'no "text" field (every line needs the article text)'),
        ('{"text": "   "}', 'field "text" is empty'),
        ('{"text": 42}', 'field "text" must be a string, not int'),
        ('{"text": "Body.", "title": ["a"]}', 'field "title" must be a string, not list'),
        ('["a", "list"]', "not a JSON object (found list)"),
        (
            '{"text": "Body.", "date": "05/07/2025"}',
            "bad date '05/07/2025' (use YYYY-MM-DD or an ISO 8601 timestamp)",
        ),
        (
            '{"text": "Body.", "date": 20250705}',
            "bad date 20250705 (use YYYY-MM-DD or an ISO 8601 timestamp)",
        ),
        (
            '{"text": "Body.", "date": "2025-02-30"}',
            "bad date '2025-02-30' (use YYYY-MM-DD or an ISO 8601 timestamp)",
        ),
    ],
)
def test_each_bad_line_gives_one_problem_naming_the_reason(line, reason):
    assert read_jsonl_line(line, "f.jsonl:7") == InputProblem("f.jsonl:7", reason)


def test_a_text_over_the_limit_is_a_problem_for_that_line_only(tmp_path):
    path = _write(tmp_path, [json.dumps({"text": "x" * 30}), json.dumps({"text": "short"})])
    found = list(read_inputs([str(path)], max_chars=20))
    assert found[0] == InputProblem(
        f"{path}:1", "text is 30 characters, over the limit of 20 (raise max_chars to read it)"
    )
    assert isinstance(found[1], Article)


def test_an_undecodable_line_is_a_problem_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": "fine"}).encode() + b"\n")
    found = list(read_inputs([str(path)]))
    assert found[0] == InputProblem(f"{path}:1", "not UTF-8 text (invalid byte at column 14)")
    assert isinstance(found[1], Article) and found[1].text == "fine"


def test_a_jsonl_file_with_only_blank_lines_is_one_empty_problem(tmp_path):
    path = _write(tmp_path, ["", "   "])
    assert list(read_inputs([str(path)])) == [InputProblem(str(path), "empty: no article text")]


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"text": "One."}).encode() + b"\r\n" + b'{"text": "Two."}\r\n'
    )
    assert [a.text for a in read_inputs([str(path)])] == ["One.", "Two."]


def test_the_default_date_flags_undated_lines_and_leaves_dated_ones(tmp_path):
    lines = [json.dumps({"text": "Undated."}), json.dumps({"text": "Dated.", "date": "2025-07-01"})]
    found = list(read_inputs([str(_write(tmp_path, lines))], default_date="2025-07-04"))
    assert [(a.date, a.date_basis) for a in found] == [("2025-07-04", "flag"), ("2025-07-01", "input")]
