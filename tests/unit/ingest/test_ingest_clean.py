"""ingest.clean: wire datelines (a data table), date normalisation and line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.ingest import Dateline, find_dateline, normalise_date, parse_dateline
from chancery.ingest.clean import normalise_text, too_long

TABLE = Path(__file__).parents[2] / "fixtures" / "ingest" / "datelines.tsv"


def _none(value: str) -> str | None:
    return None if value == "-" else value


def _cases() -> list:
    cases = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        text, default_date, place, publisher, day, body = line.split("\t")
        expected = (_none(place), _none(publisher), _none(day), _none(body))
        cases.append(pytest.param(text, _none(default_date), expected, id=f"line{number}"))
    return cases


def test_the_dateline_table_has_at_least_fifteen_datelines_and_five_non_datelines():
    expected = [case.values[2] for case in _cases()]
    assert sum(1 for e in expected if e[0] is not None) >= 15
    assert sum(1 for e in expected if e[0] is None) >= 5


@pytest.mark.parametrize(("text", "default_date", "expected"), _cases())
def test_parse_dateline_gives_place_publisher_date_and_where_the_body_starts(text, default_date, expected):
    place, publisher, day, body = expected
    found = parse_dateline(text, default_date=default_date)
    if place is None:
        assert found is None
        return
    assert isinstance(found, Dateline)
    assert (found.place, found.publisher, found.date) == (place, publisher, day)
    assert text[found.end :].startswith(body)


def test_a_dateline_must_open_the_text():
    assert parse_dateline("Officials said. MOSCOW (Reuters) - Russia moved first.") is None


def test_a_dateline_does_not_run_across_lines():
    assert parse_dateline("MOSCOW\n(Reuters) - Russia moved first.") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-04", "2025-07-04"),
        ("  2025-07-04 ", "2025-07-04"),
        ("2025-07-04T09:30:00Z", "2025-07-04"),
        ("2025-07-04T23:30:00+04:30", "2025-07-04"),  # the date as written, not moved to UTC
        ("2025-07-04 09:30", "2025-07-04"),
        ("2025-07-04T09:30:00.123456", "2025-07-04"),
        ("20250704", "2025-07-04"),
        ("2025-02-30", None),
        ("04/07/2025", None),
        ("July 4, 2025", None),
        ("2025", None),
        ("yesterday", None),
        ("", None),
        (20250704, None),
        (None, None),
    ],
)
def test_normalise_date_accepts_iso_dates_and_timestamps_only(value, expected):
    assert normalise_date(value) == expected


def test_normalise_text_turns_every_line_ending_into_a_newline_and_changes_nothing_else():
    assert normalise_text("a\r\nb\rc\n  d\t") == "a\nb\nc\n  d\t"


def test_too_long_names_the_length_and_the_limit():
    assert too_long("x" * 10, 10) is None
    assert too_long("x" * 1001, 1000) == (
        "text is 1,001 characters, over the limit of 1,000 (raise max_chars to read it)"
    )


def test_find_dateline_looks_past_a_byline_and_counts_end_from_the_start():
    text = "By Jane Doe and Ali Khan\n\nKABUL (AFP) - Envoys met on Friday."
    found = find_dateline(text)
    assert found is not None and (found.place, found.publisher) == ("KABUL", "AFP")
    assert text[found.end :] == "Envoys met on Friday."


def test_find_dateline_does_not_take_a_sentence_for_a_byline():
    assert find_dateline("By Friday the talks had ended.\nKABUL (AFP) - Envoys left.") is None


def test_a_dateline_keeps_the_state_written_after_its_place():
    found = parse_dateline("RAIPUR, India, April 6 (PTI) - Rebels ambushed a convoy.")
    assert found is not None and (found.place, found.region, found.full_place) == (
        "RAIPUR",
        "India",
        "RAIPUR, India",
    )
    bare = parse_dateline("MOSCOW, July 4 (Reuters) - The Kremlin said.")
    assert bare is not None and bare.region is None and bare.full_place == "MOSCOW"
