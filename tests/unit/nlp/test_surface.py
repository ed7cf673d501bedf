"""The parse surface (issue 11): pasted emphasis and headline capitals are neutralised for the parser,
while every offset still points into the article's own text."""

from __future__ import annotations

import pytest

from chancery.nlp.dictionary import ActorDictionary
from chancery.nlp.surface import surface


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("The envoy, *Bilal Karimi*, arrived.", "The envoy,  Bilal Karimi , arrived."),
        ("**BREAKING** Talks resume", "  BREAKING   Talks resume"),
        ("She _said_ no.", "She  said  no."),
        ("snake_case and 2*3*4 stay", "snake_case and 2*3*4 stay"),
    ],
)
def test_emphasis_markers_become_spaces_of_the_same_length(dictionary, text, parsed):
    assert surface(text, dictionary).text == parsed


def test_a_title_case_line_keeps_names_and_lowers_the_rest(dictionary):
    found = surface("Burkina Faso Expels Three French Diplomats\nOuagadougou said on Friday ...", dictionary)
    assert found.text.startswith("Burkina Faso expels three French diplomats\n")
    assert found.breaks == (len("Burkina Faso Expels Three French Diplomats"),)


def test_ordinary_sentences_and_capital_headlines_are_left_alone(dictionary):
    for text in ("China recognised the Taliban.", "CHINA SAYS IT OPPOSES SANCTIONS", "A Short Line"):
        found = surface(text, dictionary)
        assert (found.text, found.breaks) == (text, ())


def test_the_surface_always_has_the_text_s_length(dictionary):
    text = "**Nauru Cuts Ties With Taiwan**\n\n_Kiribati_ followed *suit*."
    assert len(surface(text, dictionary).text) == len(text)


@pytest.mark.slow
def test_a_subhead_is_its_own_sentence_and_evidence_slices_the_original(code):
    text = (
        "Beijing Keeps Diplomatic Ties With Kabul\nChina has not recognised *the Taliban*, a spokesman said."
    )
    coded = code(text)
    ties = next(e for e in coded.events if e.cameo == "050")
    assert ties.evidence.text == "Beijing Keeps Diplomatic Ties With Kabul"
    recognition = next(e for e in coded.events if e.cameo == "054")
    assert recognition.negated and recognition.target.code == "AFGGOV"
    assert text[recognition.evidence.start : recognition.evidence.end] == recognition.evidence.text


@pytest.mark.parametrize(
    "text, place, story",
    [
        ("NAIROBI, March 9 (Reuters) - Police fired tear gas.", "NAIROBI", "Police fired tear gas."),
        ("Envoy recalled\nSUVA - Fiji expelled the envoy.", "SUVA", "Fiji expelled the envoy."),
        ("BEIJING: China said so.", "BEIJING", "China said so."),
    ],
)
def test_a_dateline_at_the_article_s_place_is_blanked_and_the_story_kept(dictionary, text, place, story):
    found = surface(text, dictionary, place)
    start = text.index(story)
    assert len(found.text) == len(text) and found.text[start:] == story
    line = text.rfind("\n", 0, start) + 1
    assert found.text[line:start].strip() == ""  # the dateline, blanked
    assert line in found.breaks  # and parsed apart from the story
    assert found.text[:line] == text[:line]


def test_a_place_named_inside_the_story_or_without_a_separator_is_no_dateline(dictionary):
    for text in ("Talks opened in NAIROBI - and ended.", "NAIROBI police fired tear gas."):
        assert surface(text, dictionary, "NAIROBI").text == text
