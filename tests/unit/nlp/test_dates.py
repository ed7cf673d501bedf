"""Dates: the publication date, finding dates in parsed text, and the date of an event's clause."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chancery.nlp.dates import find_dates, publication_date
from chancery.records import Article, DateRef, Token

# --- publication date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [("2025-07-04", "2025-07-04"), ("2025-07-04T23:10:00+04:30", "2025-07-04")],
    ids=["day", "timestamp keeps the written day"],
)
def test_publication_date_comes_from_the_article(given, expected):
    ref = publication_date(Article(id="a", text="x", date=given))
    assert ref == DateRef(value=expected, precision="day", basis="publication", text=given)


@pytest.mark.parametrize("given", [None, "", "4 July 2025", "2025-13-01"])
def test_publication_date_is_none_when_missing_or_not_iso(given):
    assert publication_date(Article(id="a", text="x", date=given)) is None


# --- finding dates without the model: the patterns alone -------------------------------------


def _bare_tokens(text: str) -> tuple[Token, ...]:
    """Tokens without entities or a parse (each its own head), split at spaces and punctuation."""
    import re

    return tuple(
        Token(i, m.group(), m.start(), m.end(), m.group(), "X", "X", "dep", i, 0)
        for i, m in enumerate(re.finditer(r"\w+(?:-\w+)*|[^\w\s]", text))
    )


def test_patterns_find_what_the_recogniser_missed():
    text = "Envoys met on Friday and again since 2021, then on 3 July and yesterday."
    tokens = _bare_tokens(text)
    published = DateRef("2025-07-05")
    found = find_dates(Article(id="a", text=text), tokens, (), published)
    assert [(d.text, d.value, d.historical) for d in found] == [
        ("Friday", "2025-07-04", False),
        ("2021", "2021-01-01", True),
        ("3 July", "2025-07-03", False),
        ("yesterday", "2025-07-04", False),
    ]


def test_patterns_leave_may_the_verb_and_march_the_noun_alone():
    text = "Talks may resume after the march on the embassy."
    found = find_dates(Article(id="a", text=text), _bare_tokens(text), (), DateRef("2025-07-05"))
    assert found == ()


def test_patterns_skip_words_inside_other_entities():
    text = "They praised the Good Friday Agreement on Friday."
    tokens = tuple(
        replace(t, ent_type="LAW", ent_iob="B" if t.text == "Good" else "I") if 3 <= t.i <= 5 else t
        for t in _bare_tokens(text)
    )
    found = find_dates(Article(id="a", text=text), tokens, (), DateRef("2025-07-05"))
    assert [(d.text, d.span.start) for d in found] == [("Friday", text.rindex("Friday"))]


# --- finding dates in parsed text ------------------------------------------------------------

ARTICLE = (
    "The spokesperson said at Friday's briefing that Beijing respects Afghan sovereignty.\n\n"
    "Russia has kept its embassy in Kabul open since the group's return to power in 2021. "
    "The 50-year-old minister, who served for three years, spoke of two decades of war. "
    "On 3 July, Moscow accepted the credentials of the new ambassador."
)


@pytest.fixture(scope="module")
def parsed(parse):
    return parse(ARTICLE, date="2025-07-05")


def test_spans_slice_the_text_exactly_and_name_their_sentence(parsed):
    assert parsed.dates, "the article has dates"
    for ref in parsed.dates:
        assert ref.span.slice(ARTICLE) == ref.text
        sentence = parsed.sentences[ref.sentence]
        assert sentence.start <= ref.span.start and ref.span.end <= sentence.end


def test_friday_briefing_in_saturday_paper_is_the_day_before(parsed):
    friday = [d for d in parsed.dates if d.text == "Friday"]
    assert [(d.value, d.precision, d.basis, d.sentence) for d in friday] == [
        ("2025-07-04", "day", "relative", 0)
    ]


def test_return_to_power_in_2021_is_background_at_year_precision(parsed):
    (ref,) = [d for d in parsed.dates if "2021" in d.text]
    assert (ref.value, ref.precision, ref.basis, ref.historical) == ("2021-01-01", "year", "explicit", True)


def test_ages_and_durations_are_not_dates(parsed):
    texts = {d.text for d in parsed.dates}
    assert not any(word in text for text in texts for word in ("year-old", "three years", "decades"))


def test_explicit_day_is_news_not_background(parsed):
    (ref,) = [d for d in parsed.dates if d.text.endswith("3 July")]
    assert (ref.value, ref.basis, ref.historical, ref.sentence) == ("2025-07-03", "explicit", False, 3)


def test_every_expression_is_found_once_in_text_order(parsed):
    assert [d.text for d in parsed.dates] == ["Friday", "2021", "3 July"]


def test_future_clause_reads_the_weekday_forwards(parse):
    text = "The foreign ministry said on Friday that the minister will visit Kabul on Monday."
    values = {d.text: d.value for d in parse(text, date="2025-07-02").dates}
    assert values == {"Friday": "2025-06-27", "Monday": "2025-07-07"}


def test_a_present_schedule_reads_forwards_but_a_present_reporting_verb_does_not(parse):
    schedule = parse("The council meets on Friday in Doha.", date="2025-07-02")
    reported = parse("Russia says it recognised the government on Friday.", date="2025-07-02")
    assert [d.value for d in schedule.dates] == ["2025-07-04"]
    assert [d.value for d in reported.dates] == ["2025-06-27"]


def test_expected_to_visit_is_future(parse):
    (ref,) = parse("The minister is expected to visit Kabul on Tuesday.", date="2025-07-04").dates
    assert ref.value == "2025-07-08"


def test_reported_past_perfect_is_news_but_plain_past_perfect_is_background(parse):
    reported = parse("The ministry said it had recalled its ambassador two days ago.", date="2025-07-05")
    plain = parse("By Friday, Russia had already recognised the new government.", date="2025-07-05")
    assert [(d.value, d.historical) for d in reported.dates] == [("2025-07-03", False)]
    assert [(d.value, d.historical) for d in plain.dates] == [("2025-07-04", True)]


def test_coming_to_power_weeks_ago_is_still_background(parse):
    text = "The Taliban, who regained control of Kabul in August, named a new envoy on Tuesday."
    dates = {d.text: (d.value, d.historical) for d in parse(text, date="2021-09-02").dates}
    assert dates == {"August": ("2021-08-01", True), "Tuesday": ("2021-08-31", False)}


def test_a_collapse_or_a_seizure_without_power_is_news(parse):
    text = "The collapse of the talks on Tuesday came after Iran seized a tanker on Monday."
    dates = {d.text: d.historical for d in parse(text, date="2025-07-05").dates}
    assert dates == {"Tuesday": False, "Monday": False}


def test_a_takeover_weeks_ago_is_background(parse):
    (ref,) = parse("Since the takeover in August, envoys have stayed away.", date="2021-09-20").dates
    assert (ref.value, ref.historical) == ("2021-08-01", True)


def test_without_a_publication_date_only_explicit_dates_resolve(parse):
    text = "Officials met yesterday to mark the agreement signed on 3 July 2025."
    assert [d.value for d in parse(text, date=None).dates] == ["2025-07-03"]
