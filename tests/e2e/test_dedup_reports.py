"""Issue 6's done-when, end to end: three publishers' differently worded reports of one event (Nicaragua
breaking off relations with Israel, 11 October 2024) are one ledger event with three mentions and three
sources; a fourth report by one of the same publishers adds a mention but not a source; a later
article's background mention by month is a mention of the event, not a new one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_ledgers import bound, ingested, read_only

DEDUP = Path(__file__).resolve().parents[1] / "fixtures" / "relations" / "dedup"
THREE_PUBLISHERS = [
    DEDUP / "2024-10-11-meridian-nicaragua-breaks-with-israel.txt",
    DEDUP / "2024-10-12-harbour-managua-cuts-ties.txt",
    DEDUP / "2024-10-12-atlas-ortega-government-severs-relations.txt",
]
SAME_PUBLISHER_AGAIN = DEDUP / "2024-10-13-meridian-reactions-to-nicaraguan-break.txt"


@pytest.fixture(scope="module")
def _three_url(tmp_path_factory) -> str:
    return ingested(tmp_path_factory.mktemp("three"), *THREE_PUBLISHERS)


@pytest.fixture
def three_cli(run_cli, _three_url):
    """run_cli against a ledger holding the three publishers' reports, stored once by `chancery
    ingest` for the tests that only query it (a test that writes to it fails)."""
    with read_only(_three_url) as url:
        yield bound(run_cli, url)


def _ingest(run_cli, *paths: Path) -> None:
    result = run_cli("ingest", *map(str, paths), "--quiet")
    assert result.exit_code == 0, result.stderr


def _severances(run_cli) -> list[dict]:
    """The exported ledger events in which Nicaragua breaks off relations with Israel (CAMEO 161)."""
    result = run_cli("export", "ledger-events", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    merged = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert merged, "no ledger events exported"
    return [
        e
        for e in merged
        if e["source"]["country"] == "NIC"
        and e["target"]
        and e["target"]["country"] == "ISR"
        and e["cameo"] == "161"
    ]


def test_three_publishers_reports_of_one_event_are_one_ledger_event(three_cli):
    (event,) = _severances(three_cli)
    assert (event["mentions"], event["sources"], event["articles"]) == (3, 3, 3)
    assert event["date"] == "2024-10-11" and event["counted"] is True
    assert sorted(e["publisher"] for e in event["evidence"]) == [
        "Atlas News Service",
        "Harbour Post",
        "Meridian Wire",
    ]


def test_the_gdelt_export_has_one_row_for_the_event_with_its_counts(three_cli):
    result = three_cli("export", "gdelt", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    (row,) = [
        r
        for r in rows
        if (r["Actor1CountryCode"], r["Actor2CountryCode"], r["EventCode"]) == ("NIC", "ISR", "161")
    ]
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["SQLDATE"]) == (3, 3, 3, 20241011)


def test_a_fourth_report_from_a_publisher_already_counted_adds_a_mention_not_a_source(run_cli):
    _ingest(run_cli, *THREE_PUBLISHERS)
    _ingest(run_cli, SAME_PUBLISHER_AGAIN)
    (event,) = _severances(run_cli)
    assert (event["mentions"], event["sources"], event["articles"]) == (4, 3, 4)
    assert event["date"] == "2024-10-11"


def test_the_merged_reports_give_one_severance_backed_by_all_three_publishers(three_cli):
    result = three_cli("relations", "--actor", "NIC", "--kind", "diplomatic_relations", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (relation,) = json.loads(result.stdout)["relations"]
    assert (relation["kind"], relation["state"], relation["since"], relation["until"]) == (
        "diplomatic_relations",
        "severed",
        "2024-10-11",
        None,
    )
    assert relation["object"]["country"] == "ISR"
    assert len({e["article_id"] for e in relation["evidence"]}) == 3


TIMELINE = DEDUP.parent / "timeline"


def test_a_background_mention_by_month_is_a_mention_of_the_event_reported_on_the_day(run_cli):
    # The 2023 restoration article says Riyadh "cut ties with Tehran in January 2016".
    _ingest(
        run_cli,
        TIMELINE / "2016-01-03-saudi-arabia-severs-relations-with-iran.txt",
        TIMELINE / "2023-03-10-saudi-arabia-and-iran-restore-relations.txt",
    )
    result = run_cli("export", "ledger-events", "--format", "jsonl")
    merged = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    (event,) = [e for e in merged if any("January 2016" in x["text"] for x in e["evidence"])]
    assert event["date"] == "2016-01-03" and event["sources"] == 2
    texts = {x["text"] for x in event["evidence"]}
    # the first sentence's evidence is the story's, without the dateline ("RIYADH - ") before it
    assert "Saudi Arabia severed diplomatic relations with Iran on Sunday." in texts
