"""The quotation-mark state machine: which stretches of text are direct quotes (no model needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chancery.nlp.quote_marks import paragraph_spans, quoted_stretches


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quoted_stretches(text)]


def test_straight_marks_give_the_text_inside_them():
    assert texts('"We oppose it," she said.') == ["We oppose it,"]


def test_curly_marks_and_guillemets_open_and_close():
    assert texts("“We oppose it,” she said. «Never,» he said.") == ["We oppose it,", "Never,"]


def test_a_speaker_in_the_middle_splits_the_quote_in_two_stretches():
    assert texts('"This is wrong," she said, "and we will say so."') == [
        "This is wrong,",
        "and we will say so.",
    ]


def test_single_marks_inside_double_marks_stay_part_of_the_quote():
    text = "“The so-called ‘interim government’ has no standing,” he said. \"It's 'illegal'.\""
    assert texts(text) == ["The so-called ‘interim government’ has no standing,", "It's 'illegal'."]


def test_a_quote_left_open_continues_when_the_next_paragraph_opens_with_a_mark():
    text = '"We are ready.\n\n"We have always been ready," she said.\n\nShe left.'
    [stretch] = quoted_stretches(text)
    assert text[stretch.start : stretch.end] == 'We are ready.\n\n"We have always been ready,'
    assert stretch.paragraphs == (0, 1)
    assert stretch.closed


def test_a_quote_left_open_ends_with_its_paragraph_when_the_next_does_not_open_one():
    text = '"We are ready, she said.\n\nThe talks resume on Monday, "officials" said.'
    stretches = quoted_stretches(text)
    assert text[stretches[0].start : stretches[0].end] == "We are ready, she said."
    assert not stretches[0].closed
    assert texts(text)[1] == "officials"


def test_curly_quotes_over_three_paragraphs_are_one_stretch():
    text = "“One.\n\n“Two.\n\n“Three,” he said."
    [stretch] = quoted_stretches(text)
    assert stretch.paragraphs == (0, 1, 2)
    assert text[stretch.start : stretch.end].endswith("Three,")


def test_a_stray_closing_mark_opens_nothing():
    assert texts("It ended” there. “Then this,” he said.") == ["Then this,"]


def test_lines_are_paragraphs_when_the_text_has_no_blank_line():
    text = 'First line "opens\n"Second line closes," he said.\nThird.'
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        'First line "opens',
        '"Second line closes," he said.',
        "Third.",
    ]
    [stretch] = quoted_stretches(text)
    assert stretch.paragraphs == (0, 1)


def test_an_opening_straight_mark_after_a_space_restarts_a_stray_quote():
    # the first mark never closes before another clearly opening one in the same paragraph
    assert texts('A 12" pipe, he said "it leaked," and left.') == ["it leaked,"]


def test_an_article_opening_with_curly_single_marks_quotes_with_them_and_nests_doubles():
    text = "‘We oppose China’s move and call it “illegal”,’ she said. ‘The states’ rights matter.’"
    assert texts(text) == ["We oppose China’s move and call it “illegal”,", "The states’ rights matter."]


def test_apostrophes_open_nothing_in_an_article_quoting_with_double_marks():
    assert texts("China’s envoy said: “It’s the states’ call.”") == ["It’s the states’ call."]


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"“”‘’'")), max_size=80))
def test_stretches_are_ordered_disjoint_trimmed_and_inside_the_text(text):
    previous_end = -1
    for stretch in quoted_stretches(text):
        assert 0 <= stretch.open_mark < stretch.start < stretch.end <= len(text)
        assert stretch.start >= previous_end
        inside = text[stretch.start : stretch.end]
        assert inside == inside.strip() and inside
        previous_end = stretch.end
