"""The quotes scorer (chancery.evaluate.quotes): matching, speaker accuracy and misses, on a fake pipeline."""

from __future__ import annotations

import json

import pytest

from chancery.errors import GoldError
from chancery.evaluate import evaluate as dispatch
from chancery.evaluate.quotes import evaluate, normalise, same_name
from chancery.records import Actor, ParsedArticle, Quote, Speaker

TEXT = '"We oppose it," Mao Ning said. Wang said that the talks would resume next week.'


class FakePipeline:
    """Returns fixed quotes for every article, so the scorer is tested without a model."""

    def __init__(self, quotes):
        self.quotes = quotes

    def parse(self, article):
        return ParsedArticle(article=article, quotes=tuple(self.quotes))


def quote(text, name=None, code=None, direct=True):
    start = TEXT.index(text)
    actor = Actor(text=name or "", code=code, country=code[:3]) if code else None
    speaker = Speaker(name=name, actor=actor) if name or actor else None
    return Quote(
        id=text, article_id="a", text=text, direct=direct, start=start, end=start + len(text), speaker=speaker
    )


def gold_file(tmp_path, quotes):
    path = tmp_path / "quotes.jsonl"
    case = {"id": "a", "proves": "test", "title": "t", "date": "2025-07-04", "text": TEXT, "quotes": quotes}
    path.write_text(json.dumps({"gold": "quotes", "about": "test"}) + "\n" + json.dumps(case) + "\n")
    return path


def gold(text, name=None, code=None, direct=True):
    return {
        "text": text,
        "direct": direct,
        "speaker": {"name": name, "role": None, "organization": None, "code": code},
    }


def test_texts_match_after_normalising_whitespace_and_edge_punctuation(tmp_path):
    path = gold_file(tmp_path, [gold("We  oppose it", "Mao Ning", "CHNGOV")])
    report = evaluate(path, FakePipeline([quote("We oppose it,", "Mao Ning", "CHNGOV")]))
    assert (report.matched, report.f1, report.speaker_accuracy) == (1, 1.0, 1.0)


def test_spans_overlapping_by_at_least_eight_tenths_of_the_longer_match(tmp_path):
    path = gold_file(tmp_path, [gold("the talks would resume next week", "Wang", direct=False)])
    near = quote("the talks would resume next", "Wang", direct=False)  # 27 of 32 characters
    far = quote("the talks would", "Wang", direct=False)  # under 0.8
    assert evaluate(path, FakePipeline([near])).matched == 1
    assert evaluate(path, FakePipeline([far])).matched == 0


def test_precision_recall_and_f1_count_missed_and_spurious_quotes(tmp_path):
    path = gold_file(
        tmp_path, [gold("We oppose it,", "Mao Ning"), gold("the talks would resume next week", "Wang")]
    )
    report = evaluate(path, FakePipeline([quote("We oppose it,", "Mao Ning"), quote("Wang said", "Wang")]))
    assert (report.gold, report.predicted, report.matched) == (2, 2, 1)
    assert report.precision == report.recall == report.f1 == 0.5
    assert [m.kind for m in report.misses] == ["missed", "spurious"]


def test_a_speaker_with_the_wrong_country_is_wrong_even_with_the_right_name(tmp_path):
    path = gold_file(tmp_path, [gold("We oppose it,", "Mao Ning", "CHNGOV")])
    report = evaluate(path, FakePipeline([quote("We oppose it,", "Mao Ning", "RUSGOV")]))
    assert report.speaker_accuracy == 0.0 and report.name_accuracy == 1.0
    assert report.misses[0].kind == "speaker"


def test_no_gold_code_scores_the_name_alone_and_no_speaker_matches_a_null_name(tmp_path):
    path = gold_file(tmp_path, [gold("We oppose it,", None)])
    assert evaluate(path, FakePipeline([quote("We oppose it,")])).speaker_accuracy == 1.0
    assert evaluate(path, FakePipeline([quote("We oppose it,", "Mao Ning")])).speaker_accuracy == 0.0


@pytest.mark.parametrize(
    ("gold_name", "found", "same"),
    [
        ("Mao Ning", "mao ning", True),
        ("Muttaqi", "Amir Khan Muttaqi", True),
        ("S. Jaishankar", "Subrahmanyam Jaishankar", True),
        ("Simon Harris", "Kamala Harris", False),
        (None, None, True),
        ("Mao Ning", None, False),
    ],
)
def test_names_agree_when_the_shorter_ones_words_are_all_in_the_longer(gold_name, found, same):
    assert same_name(gold_name, found) is same


def test_normalise_drops_marks_and_punctuation_at_the_ends_only():
    assert normalise(" “We oppose\n it,” ") == "We oppose it"
    assert normalise("the ‘interim’ government.") == "the ‘interim’ government"


def test_render_lists_the_figures_and_every_miss(tmp_path):
    path = gold_file(tmp_path, [gold("We oppose it,", "Mao Ning", "CHNGOV")])
    report = evaluate(path, FakePipeline([quote("We oppose it,", "Wang", "CHNGOV"), quote("Wang said")]))
    text = report.render()
    assert "F1" in text and "speaker accuracy" in text
    assert "speaker  a: We oppose it," in text and "spurious a: Wang said" in text
    assert report.to_dict()["misses"][0]["expected"] == "Mao Ning CHNGOV"


def test_the_gold_dispatch_sends_quotes_files_here(tmp_path):
    path = gold_file(tmp_path, [gold("We oppose it,", "Mao Ning")])
    assert dispatch(path, FakePipeline([quote("We oppose it,", "Mao Ning")])).to_dict()["kind"] == "quotes"


def test_a_case_without_text_is_a_gold_error_naming_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"gold": "quotes"}\n{"id": "x", "quotes": []}\n')
    with pytest.raises(GoldError, match=r"bad.jsonl:2"):
        evaluate(path, FakePipeline([]))
