"""The actors gold scorer on hand-made cases and mentions: placement, null codes, name/role, precision."""

from __future__ import annotations

import json

import pytest

from chancery.errors import GoldError
from chancery.evaluate.actors import ActorReport, parse_case, read_gold, score_case
from chancery.records import Actor, Mention, TextSpan


def mention(text: str, start: int, code: str, name: str | None = None, role: str | None = None) -> Mention:
    return Mention(
        id=f"m{start}",
        span=TextSpan(start, start + len(text)),
        text=text,
        sentence=0,
        first=0,
        last=1,
        head=0,
        actor=Actor(text=text, code=code, name=name, role=role),
        rule="test",
    )


def case(text: str, mentions: list[dict]) -> dict:
    return {"id": "c", "proves": "p", "text": text, "date": "2025-07-04", "mentions": mentions}


def test_gold_mentions_are_placed_in_text_order_after_the_previous_one():
    gold = parse_case(
        case(
            "Washington said talks in Washington failed.",
            [
                {"text": "Washington", "code": "USAGOV"},
                {"text": "Washington", "code": None},
            ],
        )
    )
    assert [(m.start, m.code) for m in gold.mentions] == [(0, "USAGOV"), (25, None)]


def test_at_picks_an_occurrence_in_the_whole_text():
    gold = parse_case(case("The South China Sea, China said.", [{"text": "China", "code": "CHN", "at": 1}]))
    assert gold.mentions[0].start == 21


def test_a_gold_text_missing_from_the_case_is_an_error_naming_the_case(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [{"gold": "actors"}, case("China said.", [{"text": "Russia", "code": "RUS"}])]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:2"):
        read_gold(path)


def test_right_wrong_missed_and_null_mentions_are_counted():
    text = "China and Russia met in Washington."
    gold = parse_case(
        case(
            text,
            [
                {"text": "China", "code": "CHN"},
                {"text": "Russia", "code": "RUS"},
                {"text": "Washington", "code": None},
            ],
        )
    )
    report = ActorReport()
    score_case(report, gold, (mention("China", 0, "CHN"), mention("Russia", 10, "RUSGOV")))
    assert (report.gold, report.right, report.predicted, report.predicted_right) == (3, 2, 2, 1)
    assert [m.kind for m in report.misses] == ["wrong"]


def test_a_null_gold_mention_is_wrong_when_any_prediction_overlaps_it():
    gold = parse_case(case("Talks in Washington ended.", [{"text": "Washington", "code": None}]))
    report = ActorReport()
    score_case(report, gold, (mention("Washington", 9, "USAGOV"),))
    assert (report.right, report.precision) == (0, 0.0)
    assert [m.kind for m in report.misses] == ["spurious"]  # reported once, not again as an extra


def test_name_and_role_must_agree_when_the_gold_gives_them():
    gold = parse_case(
        case(
            "Mao Ning spoke.",
            [{"text": "Mao Ning", "code": "CHNGOV", "name": "Mao Ning", "role": "spokesperson"}],
        )
    )
    report = ActorReport()
    score_case(report, gold, (mention("Mao Ning", 0, "CHNGOV", name="Mao Ning", role="minister"),))
    assert report.right == 0
    report = ActorReport()
    score_case(report, gold, (mention("Mao Ning", 0, "CHNGOV", name="Mao Ning", role="spokesperson"),))
    assert report.right == 1
    assert report.accuracy == 1.0
