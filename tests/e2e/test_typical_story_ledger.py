"""The wire story chancery is judged on, end to end: every fact an analyst reads in it reaches the ledger.

The article (tests/fixtures/typical/) is our own wording of the typical input: China backs Russia's
recognition of the Taliban, has not recognised them itself, keeps ties, hosts their ambassador, is
quoted twice by an unnamed spokesperson at Friday's briefing, and sets conditions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_ledgers import bound, ingested, read_only

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "typical"


@pytest.fixture(scope="module")
def _typical_url(tmp_path_factory) -> str:
    return ingested(tmp_path_factory.mktemp("typical"), ARTICLE)


@pytest.fixture
def ledger_cli(run_cli, _typical_url):
    """run_cli against the ledger `chancery ingest` made of the article, once for this module's
    tests, which only query it (checked after each)."""
    with read_only(_typical_url) as url:
        yield bound(run_cli, url)


def _json(run_cli, *args):
    result = run_cli(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _states(run_cli):
    found = _json(run_cli, "relations")["relations"]
    return {(r["subject"]["country"], r["kind"], r["state"], r["object"]["country"]): r for r in found}


def test_russias_recognition_is_found_inside_chinas_support(ledger_cli):
    events = _json(ledger_cli, "events", "--cameo", "054")["events"]
    [russia] = [e for e in events if e["source"]["country"] == "RUS"]
    assert russia["target"]["code"] == "AFGGOV" and russia["counted"]
    support = [e for e in _json(ledger_cli, "events", "--cameo", "051")["events"]]
    [china] = [e for e in support if e["source"]["country"] == "CHN" and e["target"]["country"] == "RUS"]
    assert china["act"] == russia["id"] and "054" in china["detail"]


def test_chinas_non_recognition_is_not_counted_as_a_recognition(ledger_cli):
    events = _json(ledger_cli, "events", "--cameo", "054", "--source", "CHN")["events"]
    assert events and all(e["negated"] and not e["counted"] for e in events)
    summary = _json(ledger_cli, "relations", "--summary", "AFGGOV")
    assert [r["subject"]["country"] for r in summary["recognized_by"]] == ["RUS"]
    assert [r["subject"]["country"] for r in summary["not_recognized_by"]] == ["CHN"]


def test_ties_envoy_position_and_conditions_are_relations(ledger_cli):
    states = _states(ledger_cli)
    assert ("CHN", "diplomatic_relations", "active", "AFG") in states
    assert ("CHN", "representation", "hosts_ambassador", "AFG") in states
    assert ("CHN", "position", "supports", "RUS") in states
    condition = states[("CHN", "condition", "conditional", "AFG")]
    for wanted in ("reform", "improve security", "neighbours"):
        assert wanted in condition["detail"]
    for relation in states.values():
        assert relation["evidence"] and all(e["text"] for e in relation["evidence"])


def test_both_quotes_have_the_spokesperson_and_fridays_date(ledger_cli):
    quotes = [q for q in _json(ledger_cli, "quotes")["quotes"] if q["direct"]]
    assert len(quotes) == 2
    for quote in quotes:
        speaker = quote["speaker"]
        assert (speaker["role"], speaker["organization"]) == ("spokesperson", "Foreign Ministry")
        assert speaker["actor"]["code"] == "CHNGOV"
        assert quote["date"] == "2025-07-04"  # the article is dated Saturday 5 July; the briefing was Friday
