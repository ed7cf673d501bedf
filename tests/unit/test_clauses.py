"""``date_for_clause``: which date expression dates the clause of an event's trigger."""

from __future__ import annotations

from chancery.clauses import date_for_clause
from chancery.records import DateRef, TextSpan, Token


def _trigger(parsed, word: str) -> tuple[int, int]:
    (token,) = [t for t in parsed.tokens if t.text == word]
    return (token.i, token.i + 1)


def _clause_date(parsed, word: str, sentence: int = 0) -> DateRef | None:
    return date_for_clause(parsed.dates, sentence, _trigger(parsed, word), parsed.tokens, parsed.publication)


def test_each_clause_takes_its_own_expression(parse):
    parsed = parse(
        "The foreign ministry said on Friday that the minister would visit on Monday.", date="2025-07-02"
    )
    assert _clause_date(parsed, "said").text == "Friday"
    assert _clause_date(parsed, "visit").text == "Monday"


def test_a_reported_clause_without_a_date_takes_the_reporting_clause_date(parse):
    parsed = parse("China said on Thursday that it welcomed the decision.", date="2025-07-05")
    ref = _clause_date(parsed, "welcomed")
    assert (ref.value, ref.basis) == ("2025-07-03", "relative")


def test_background_in_a_relative_clause_does_not_date_the_main_event(parse):
    parsed = parse(
        "The Taliban, who seized power in August 2021, welcomed the move on Thursday.", date="2025-07-05"
    )
    assert _clause_date(parsed, "welcomed").value == "2025-07-03"
    seized = _clause_date(parsed, "seized")
    assert (seized.value, seized.precision, seized.historical) == ("2021-08-01", "month", True)


def test_a_date_in_a_relative_clause_on_a_noun_above_dates_only_that_clause(parse):
    # "last week" is when Barbados took the step, not when Jamaica recognised Palestine (reported on the 24th)
    parsed = parse(
        "Jamaica has recognised the State of Palestine, Foreign Minister Kamina Johnson Smith said in a "
        "statement, following Barbados, which took the same step last week.",
        date="2024-04-24",
    )
    assert _clause_date(parsed, "recognised").basis == "publication"
    assert _clause_date(parsed, "took").text == "last week"


def _hand_parsed(words: list[tuple[str, int, str]]) -> tuple[str, tuple[Token, ...]]:
    """Text and tokens from (word, head, pos) triples, one sentence, single spaces."""
    tokens, offset = [], 0
    for i, (word, head, pos) in enumerate(words):
        tokens.append(Token(i, word, offset, offset + len(word), word.lower(), pos, "X", "dep", head, 0))
        offset += len(word) + 1
    return " ".join(word for word, _, _ in words), tuple(tokens)


def _span_of(text: str, word: str) -> TextSpan:
    return TextSpan(text.index(word), text.index(word) + len(word))


def test_in_one_clause_the_news_date_beats_a_closer_background_one():
    # "since 2021" hangs two steps below "restored", "on Friday" four steps below it
    text, tokens = _hand_parsed(
        [("Russia", 1, "PROPN"), ("restored", 1, "VERB"), ("ties", 1, "NOUN"), ("since", 1, "ADP"),
         ("2021", 3, "NUM"), ("at", 1, "ADP"), ("a", 7, "DET"), ("meeting", 5, "NOUN"),
         ("on", 7, "ADP"), ("Friday", 8, "PROPN")]
    )  # fmt: skip
    background = DateRef("2021-01-01", "year", "explicit", "2021", _span_of(text, "2021"), 0, historical=True)
    news = DateRef("2025-07-04", "day", "relative", "Friday", _span_of(text, "Friday"), 0)
    assert date_for_clause((background, news), 0, (1, 2), tokens, DateRef("2025-07-05")) == news


def test_a_subordinate_clause_date_does_not_date_the_main_verb(parse):
    parsed = parse("Russia agreed to send an ambassador next month.", date="2025-07-05")
    assert _clause_date(parsed, "send").value == "2025-08-01"
    assert _clause_date(parsed, "agreed") == parsed.publication


def test_no_expression_gives_the_publication_date(parse):
    parsed = parse("Russia recognised the government.\n\nChina did so yesterday.", date="2025-07-05")
    ref = _clause_date(parsed, "recognised")
    assert (ref.value, ref.basis) == ("2025-07-05", "publication")


def test_without_a_trigger_the_main_clause_date_wins(parse):
    parsed = parse("Envoys who met in 2019 said on Friday that ties were improving.", date="2025-07-05")
    ref = date_for_clause(parsed.dates, 0, None, parsed.tokens, parsed.publication)
    assert ref.text == "Friday"


def test_without_any_date_the_clause_has_none(parse):
    parsed = parse("Russia recognised the government.", date=None)
    assert _clause_date(parsed, "recognised") is None


def test_a_year_naming_what_is_acted_on_does_not_date_the_act(parse):
    text = "Sanchez said on Tuesday that Spain would recognise the borders of 1967."
    parsed = parse(text, date="2025-07-10")
    trigger = next(t.i for t in parsed.tokens if t.text == "recognise")
    ref = date_for_clause(parsed.dates, 0, (trigger, trigger + 1), parsed.tokens, parsed.publication)
    assert ref.value == "2025-07-08"  # Tuesday's statement, not 1967


def test_a_year_modifying_a_thing_in_the_clause_does_not_date_the_act(parse):
    # a false recognised state in truth-zzi's untouched timelines: "the 1967 lines" dated Spain's recognition
    text = "Sanchez said on Tuesday that Spain recognised Palestine within the 1967 lines."
    parsed = parse(text, date="2024-05-29")
    ref = _clause_date(parsed, "recognised")
    assert ref.value == "2024-05-28"  # Tuesday's, not 1967


def test_a_year_of_the_act_noun_itself_still_dates_it(parse):
    parsed = parse("Ghana's 2012 recognition of Kosovo was revoked on Monday.", date="2019-10-30")
    assert _clause_date(parsed, "recognition").value.startswith("2012")
