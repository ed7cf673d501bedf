"""The actors gold set: its format and coverage, and the pipeline's accuracy on it (at least 0.95)."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from chancery.evaluate import evaluate, gold_kind
from chancery.evaluate.actors import read_gold
from chancery.records import Article

GOLD = Path(__file__).parents[2] / "golden" / "actors.jsonl"


@pytest.fixture(scope="module")
def raw():
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:] if line.strip()]


@pytest.fixture(scope="module")
def report(pipeline):
    return evaluate(GOLD, pipeline)


def test_the_gold_file_is_an_actors_file_of_at_least_200_mentions_with_unique_ids(raw):
    assert gold_kind(GOLD) == "actors"
    assert sum(len(case["mentions"]) for case in raw) >= 200
    assert len({case["id"] for case in raw}) == len(raw)
    assert all(case["proves"].strip() and case["date"] for case in raw)


def test_every_gold_mention_is_found_in_its_text():
    cases = read_gold(GOLD)  # raises GoldError naming the case if a mention's text is not where listed
    assert all(case.text[m.start : m.end] == m.text for case in cases for m in case.mentions)


def test_the_gold_covers_every_bullet_of_the_issue(raw):
    ids = {case["id"] for case in raw}
    bullets = ("state-", "demonym", "capital-", "seat", "sector-", "igo-", "taliban-", "person-", "compound-")
    for prefix in bullets:
        assert any(i.startswith(prefix) for i in ids), prefix
    traps = ("georgia", "jordan", "turkey", "chad", "niger", "washington", "congo", "korea")
    for trap in traps:
        assert any(i.startswith(f"trap-{trap}") for i in ids), trap
    codes = {m["code"] for case in raw for m in case["mentions"]}
    assert {"AFGREB", "AFGGOV", "CHNGOV", "RUSMIL", "AFGREF", "PAKCOP", "IGOUNO", "IGOEUREEC", None} <= codes


def test_the_same_taliban_sentence_changes_code_with_its_date(raw):
    by_id = {case["id"]: case for case in raw}
    early, late = by_id["taliban-2019"], by_id["taliban-2024"]
    assert early["text"] == late["text"]
    assert early["mentions"][0]["code"] == "AFGREB"
    assert late["mentions"][0]["code"] == "AFGGOV"


def test_the_pipeline_resolves_at_least_95_percent_of_gold_mentions(report):
    assert report.accuracy >= 0.95, report.render()


def test_the_report_renders_its_figures_and_misses(report):
    figures = report.to_dict()
    assert figures["kind"] == "actors"
    assert figures["gold"] >= 200
    assert f"accuracy  {report.accuracy:.3f}" in report.render()


def test_every_gold_parse_gives_disjoint_mentions_on_token_boundaries(pipeline):
    cases = read_gold(GOLD)
    articles = [Article(id=Article.make_id(c.text), text=c.text, date=c.date) for c in cases]
    for parsed in pipeline.parse_many(articles):
        mentions = parsed.mentions
        ids = {m.id for m in mentions}
        assert len(ids) == len(mentions)
        for before, after in pairwise(mentions):
            assert before.span.end <= after.span.start, (before.text, after.text)
        for mention in mentions:
            tokens = parsed.tokens
            assert (tokens[mention.first].start, tokens[mention.last - 1].end) == (
                mention.span.start,
                mention.span.end,
            )
            assert mention.refers_to is None or mention.refers_to in ids
