"""Temporal expressions: the golden table of expressions and publication dates, and invariants."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chancery.nlp.temporal import WEEKDAYS, resolve_expression

TABLE = Path(__file__).parents[2] / "golden" / "dates.tsv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


ROWS = _rows()


def _case_id(row: dict[str, str]) -> str:
    return f"{row['expression']}|{row['published']}|{row['tense']}"


# --- the table -------------------------------------------------------------------------------


def test_table_is_large_unique_and_says_what_each_row_proves():
    ids = [_case_id(row) for row in ROWS]
    assert len(ROWS) >= 60
    assert len(set(ids)) == len(ids), "two rows test the same case"
    assert all(row["proves"].strip() for row in ROWS)
    assert len({row["published"] for row in ROWS}) >= 8, "the table should vary the publication date"


@pytest.mark.parametrize("row", ROWS, ids=[_case_id(row) for row in ROWS])
def test_expression_table(row):
    published = None if row["published"] == "-" else row["published"]
    ref = resolve_expression(row["expression"], published, future=row["tense"] == "future")
    if row["value"] == "-":
        assert ref is None, f"{row['proves']}: got {ref}"
        return
    assert ref is not None, row["proves"]
    got = (ref.value, ref.precision, ref.basis, "yes" if ref.historical else "no")
    assert got == (row["value"], row["precision"], row["basis"], row["historical"]), row["proves"]
    assert ref.text == row["expression"]


# --- invariants over every publication date --------------------------------------------------

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
WEEKDAY_NAMES = st.sampled_from(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
)
MONTH_NAMES = st.sampled_from(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"]
)  # fmt: skip


def _resolved(text: str, published: date, future: bool = False) -> date:
    ref = resolve_expression(text, published.isoformat(), future=future)
    assert ref is not None, text
    return date.fromisoformat(ref.value)


@given(DAYS, WEEKDAY_NAMES)
def test_a_reported_weekday_is_the_latest_such_day_in_the_week_up_to_publication(published, name):
    day = _resolved(f"on {name}", published)
    assert day.weekday() == WEEKDAYS[name.lower()]
    assert timedelta(0) <= published - day <= timedelta(days=6)


@given(DAYS, WEEKDAY_NAMES)
def test_a_planned_weekday_is_within_the_week_after_publication(published, name):
    day = _resolved(f"on {name}", published, future=True)
    assert day.weekday() == WEEKDAYS[name.lower()]
    assert timedelta(days=1) <= day - published <= timedelta(days=7)


@given(DAYS, WEEKDAY_NAMES)
def test_last_weekday_is_never_the_publication_day(published, name):
    day = _resolved(f"last {name}", published)
    assert timedelta(days=1) <= published - day <= timedelta(days=7)


@given(DAYS, MONTH_NAMES, st.integers(1, 28), st.booleans())
def test_a_day_without_a_year_lands_within_a_year_on_the_side_the_tense_points(published, month, day, future):
    resolved = _resolved(f"{day} {month}", published, future=future)
    ahead = resolved - published
    if future:
        assert timedelta(days=-61) <= ahead < timedelta(days=366)
    else:
        assert timedelta(days=-366) < ahead <= timedelta(days=61)


@given(DAYS, DAYS)
def test_an_explicit_full_date_ignores_the_publication_date(written, published):
    text = f"{written.day} {written.strftime('%B')} {written.year}"
    assert _resolved(text, published) == written


@given(DAYS, st.integers(2, 99), st.sampled_from(["days", "weeks", "months", "years", "decades"]))
def test_durations_without_ago_are_never_dates(published, count, unit):
    assert resolve_expression(f"for {count} {unit}", published.isoformat()) is None
    assert resolve_expression(f"{count} {unit}", published.isoformat()) is None


@given(st.text(max_size=60), DAYS)
def test_any_text_resolves_or_gives_none_without_raising(text, published):
    ref = resolve_expression(text, published.isoformat())
    assert ref is None or ref.precision in ("day", "month", "year")
