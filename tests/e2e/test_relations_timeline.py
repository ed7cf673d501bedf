"""Issue 6's done-when, end to end: articles written for the project over ten years go in through
``chancery ingest``; ``chancery relations --as-of`` must give every state and interval before,
between and after the reports (cases in ``tests/fixtures/relations/expected.jsonl``), the JSON must
follow DESIGN.md, and every relation must be backed by a sentence stored with its article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from shared_ledgers import bound, ingested, read_only

from chancery.ledger import open_ledger
from chancery.ledger.schema import sentences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "relations"
TIMELINE = FIXTURES / "timeline"
CASES = [json.loads(line) for line in (FIXTURES / "expected.jsonl").read_text().splitlines() if line.strip()]
RELATION_FIELDS = {"subject", "object", "kind", "state", "since", "until", "detail", "evidence"}
ACTOR_FIELDS = {"text", "code", "country", "sector", "name"}
# The kinds and states of DESIGN.md's output contract, written out so the contract, not the code, is the test.
DESIGN_STATES = {
    "recognition": {"recognized", "not_recognized", "withdrawn"},
    "diplomatic_relations": {"active", "suspended", "severed"},
    "representation": {"hosts_ambassador", "hosts_envoy", "expelled", "recalled"},
    "position": {"supports", "opposes"},
    "condition": {"conditional"},
}


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory) -> str:
    """One ledger per module for the timeline articles, stored by `chancery ingest`."""
    return ingested(tmp_path_factory.mktemp("timeline"), TIMELINE)


@pytest.fixture
def ledger_cli(run_cli, timeline_db):
    """run_cli against the ledger holding the timeline articles (queries only: the ledger is shared,
    and a test that writes to it fails)."""
    with read_only(timeline_db) as url:
        yield bound(run_cli, url)


def _relations(run_cli, *args: str) -> list[dict]:
    result = run_cli("relations", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["relations"]


def _country(actor: dict) -> str:
    return actor["country"] or actor["code"]


def _key(subject: str, object: str, kind: str, state: str, since: str | None, until: str | None):
    return (subject, object, kind, state, since, until)


@pytest.mark.parametrize(
    "case", CASES, ids=lambda c: f"{c.get('actor', 'all')}-{c.get('kind', 'any')}-{c['as_of']}"
)
def test_states_as_of_dates_before_between_and_after_the_reports(ledger_cli, case):
    args = ["--as-of", case["as_of"]]
    for option in ("actor", "kind"):
        if option in case:
            args += [f"--{option}", case[option]]
    found = _relations(ledger_cli, *args)
    got = {
        _key(_country(r["subject"]), _country(r["object"]), r["kind"], r["state"], r["since"], r["until"]): r
        for r in found
    }
    assert len(got) == len(found), f"the same state is listed twice: {sorted(got)}"
    expected = {
        _key(e["subject"], e["object"], e["kind"], e["state"], e["since"], e["until"]): e
        for e in case["expect"]
    }
    assert set(got) == set(expected), case["proves"]
    for key, wanted in expected.items():
        detail = (got[key]["detail"] or "").lower()
        for part in wanted.get("detail_has", ()):
            assert part.lower() in detail, f"{case['proves']}: detail {got[key]['detail']!r} lacks {part!r}"


def test_the_severed_state_ends_on_the_day_the_restored_one_starts(ledger_cli):
    timeline = _relations(ledger_cli, "--actor", "SAU", "--kind", "diplomatic_relations")
    saudi_to_iran = sorted(
        (r for r in timeline if _country(r["subject"]) == "SAU" and _country(r["object"]) == "IRN"),
        key=lambda r: r["since"],
    )
    assert [r["state"] for r in saudi_to_iran] == ["severed", "active"]
    severed, restored = saudi_to_iran
    assert severed["until"] == restored["since"] == "2023-03-10"
    assert restored["until"] is None


def _summary(run_cli, *args: str) -> dict:
    result = run_cli("relations", "--summary", "AFGGOV", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_summary_after_russias_recognition_names_russia_and_not_china(ledger_cli):
    summary = _summary(ledger_cli, "--as-of", "2025-08-01")
    assert summary["recognized_by_states"] == 1
    assert [e["subject"]["country"] for e in summary["recognized_by"]] == ["RUS"]
    assert summary["recognized_by"][0]["since"] == "2025-07-03"
    assert [e["subject"]["country"] for e in summary["not_recognized_by"]] == ["CHN"]
    assert "(RUS)" in summary["summary"] and "CHN" in summary["summary"]


def test_summary_before_russias_recognition_names_no_state(ledger_cli):
    summary = _summary(ledger_cli, "--as-of", "2025-07-02")
    assert summary["recognized_by_states"] == 0 and summary["recognized_by"] == []
    assert [e["subject"]["country"] for e in summary["not_recognized_by"]] == ["CHN"]


def test_a_negated_recognition_sentence_is_evidence_of_not_recognized(ledger_cli):
    on_kabul = _relations(ledger_cli, "--actor", "AFG", "--kind", "recognition", "--as-of", "2025-08-01")
    (refusal,) = [r for r in on_kabul if r["subject"]["country"] == "CHN"]
    assert refusal["state"] == "not_recognized"
    texts = [e["text"] for e in refusal["evidence"]]
    assert "China has not recognised the Taliban government." in texts


def test_relations_json_follows_the_design(ledger_cli):
    found = _relations(ledger_cli)
    assert {r["kind"] for r in found} == set(DESIGN_STATES)  # the articles give every kind
    for relation in found:
        assert set(relation) >= RELATION_FIELDS
        assert set(relation["subject"]) >= ACTOR_FIELDS and set(relation["object"]) >= ACTOR_FIELDS
        assert relation["state"] in DESIGN_STATES[relation["kind"]]
        assert relation["since"] is None or relation["until"] is None or relation["since"] < relation["until"]
        if relation["kind"] in ("position", "condition"):
            assert relation["detail"], f"a {relation['kind']} must name its act or conditions"
        assert relation["evidence"], relation
        for item in relation["evidence"]:
            assert {"article_id", "text"} <= set(item) and item["text"]
            assert item.get("event_id") or item.get("quote_id"), item


def test_every_relation_has_evidence_that_is_a_stored_sentence_of_its_article(ledger_cli):
    found = _relations(ledger_cli)
    with open_ledger(ledger_cli.db) as ledger:
        with ledger.engine.connect() as conn:
            stored = {
                (row.article_id, row.text): (row.start, row.end) for row in conn.execute(sa.select(sentences))
            }
        texts = {a.id: a.text for a in ledger.articles()}
    assert len(texts) == len(list(TIMELINE.glob("*.txt")))
    for relation in found:
        backed = [
            e
            for e in relation["evidence"]
            if (e["article_id"], e["text"]) in stored
            and texts[e["article_id"]][slice(*stored[e["article_id"], e["text"]])] == e["text"]
        ]
        assert backed, (
            f"no evidence of {relation['subject']['code']} {relation['state']} is a stored sentence"
        )
