"""Quotes: direct quotes, reported speech, offsets, ids and dates, on short articles written for the tests."""

from __future__ import annotations

import pytest
from quote_helpers import one, quotes_of, span_of

from chancery.records import DateRef, content_id

# direct quotes


def test_speaker_after_a_straight_quote(parse):
    parsed = parse('"We firmly oppose any interference," Mao Ning said on Friday.')
    [quote] = quotes_of(parsed)
    assert quote.direct and quote.text == "We firmly oppose any interference,"
    assert quote.cue == "said" and quote.speaker.name == "Mao Ning"


def test_speaker_before_a_curly_quote_with_a_colon(parse):
    parsed = parse("Foreign Minister Wang Yi told reporters: “China will not accept this.”")
    [quote] = quotes_of(parsed)
    assert quote.text == "China will not accept this."
    assert quote.cue == "told" and quote.speaker.name == "Wang Yi"
    assert quote.speaker.role == "foreign minister"


def test_speaker_in_the_middle_gives_two_quotes_with_one_cue_and_speaker(parse):
    parsed = parse('"This is a historic day," Prime Minister Pedro Sánchez said, "and a just one."')
    first, second = quotes_of(parsed)
    assert (first.text, second.text) == ("This is a historic day,", "and a just one.")
    assert first.speaker == second.speaker and first.speaker.name == "Pedro Sánchez"
    assert first.cue == second.cue == "said"


def test_a_quote_of_several_sentences_is_one_quote_over_those_sentences(parse):
    parsed = parse('Jens Stoltenberg said: "I welcome the vote. It makes us safer. Hungary must follow."')
    [quote] = quotes_of(parsed)
    assert quote.text == "I welcome the vote. It makes us safer. Hungary must follow."
    assert len(quote.sentences) >= 2


def test_a_quote_over_two_paragraphs_is_one_quote_with_the_first_paragraphs_speaker(parse):
    text = '"We are ready," Maria Zakharova said. "We have always been ready.\n\n"And we will remain so."\n'
    parsed = parse(text)
    quotes = quotes_of(parsed)
    spanning = one(quotes, 'We have always been ready.\n\n"And we will remain so.')
    assert spanning.speaker.name == "Maria Zakharova"
    assert spanning.cue is None  # attributed by continuation, not by a cue of its own


def test_quotes_inside_quotes_stay_inside_the_outer_quote(parse):
    parsed = parse("“The so-called ‘interim government’ has no standing,” the minister said.")
    [quote] = quotes_of(parsed)
    assert quote.text == "The so-called ‘interim government’ has no standing,"


def test_scare_quotes_of_one_or_two_words_are_not_quotes(parse):
    parsed = parse('Beijing rejected the so-called "interim government" and its "envoy".')
    assert quotes_of(parsed) == ()


def test_a_one_word_reply_with_a_cue_is_a_quote(parse):
    parsed = parse('"No," the ambassador said when asked about the talks.')
    [quote] = quotes_of(parsed)
    assert quote.text == "No," and quote.speaker.role == "ambassador"


def test_a_partial_quote_after_described_as_has_the_describers_speaker(parse):
    parsed = parse("Sergei Lavrov described the vote as “a grave betrayal of trust”.")
    [quote] = quotes_of(parsed)
    assert quote.text == "a grave betrayal of trust" and quote.speaker.name == "Sergei Lavrov"


# reported speech


def test_said_that_reports_the_clause_without_that(parse):
    parsed = parse("Wang Wenbin said that Beijing hoped Afghanistan would build an inclusive government.")
    [quote] = quotes_of(parsed)
    assert not quote.direct
    assert quote.text == "Beijing hoped Afghanistan would build an inclusive government"
    assert quote.cue == "said" and quote.speaker.name == "Wang Wenbin"


def test_said_without_that_and_the_clause_before_the_cue(parse):
    parsed = parse("The embassy will stay open, Emmanuel Macron said on Sunday.")
    [quote] = quotes_of(parsed)
    assert quote.text == "The embassy will stay open" and quote.speaker.name == "Emmanuel Macron"


def test_according_to_at_the_start_or_the_end(parse):
    parsed = parse(
        "According to the Kremlin, talks will resume next week. The envoy left Kabul, according to diplomats."
    )
    first, second = quotes_of(parsed)
    assert (first.text, first.cue) == ("talks will resume next week", "according to")
    assert first.speaker.organization == "Kremlin"
    assert second.text == "The envoy left Kabul"


def test_told_reporters_reports_the_clause_and_not_the_reporters(parse):
    parsed = parse("Simon Harris told reporters on Tuesday that the decision sent a clear message.")
    [quote] = quotes_of(parsed)
    assert quote.text == "the decision sent a clear message"
    assert quote.cue == "told" and quote.speaker.name == "Simon Harris"


@pytest.mark.parametrize("verb", ["stated", "emphasised", "added", "noted", "stressed", "announced"])
def test_other_speech_verbs_report_their_clause(parse, verb):
    parsed = parse(f"Jaishankar {verb} that India was committed to the independence of Afghanistan.")
    [quote] = quotes_of(parsed)
    assert quote.text == "India was committed to the independence of Afghanistan"
    assert quote.cue == verb and quote.speaker.name.endswith("Jaishankar")  # the actors stage may add a name


def test_adding_that_reports_a_second_clause_for_the_same_speaker(parse):
    parsed = parse('"We oppose it," Mao Ning said, adding that China would keep its embassy open.')
    direct, reported = quotes_of(parsed)
    assert reported.text == "China would keep its embassy open" and reported.cue == "adding"
    assert reported.speaker.name == direct.speaker.name == "Mao Ning"


def test_a_partial_quote_inside_reported_speech_gives_both_quotes(parse):
    parsed = parse('Israel Katz said that Spain was "complicit in incitement" against Jews.')
    texts = {(q.text, q.direct) for q in quotes_of(parsed)}
    assert texts == {
        ('Spain was "complicit in incitement" against Jews', False),
        ("complicit in incitement", True),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The minister did not say that the embassy would close.",
        "The spokesperson declined to say whether the envoy had left.",
        "Officials would not say when the talks would resume.",
        "The minister is expected to announce that the embassy will reopen.",
        "She will say that ties are restored.",
    ],
)
def test_denials_questions_and_statements_not_yet_made_are_not_reported_speech(parse, text):
    assert quotes_of(parse(text)) == ()


def test_a_clause_reported_inside_another_is_part_of_it(parse):
    parsed = parse("Lavrov said Beijing had told Kabul that the embassy would reopen.")
    [quote] = quotes_of(parsed)
    assert quote.text == "Beijing had told Kabul that the embassy would reopen"


# offsets, ids and dates


def test_offsets_slice_the_text_and_ids_are_content_hashes(parse):
    text = (
        '"We oppose it," Mao Ning said. "It is wrong.\n\n"Very wrong," she added.\n\n'
        "According to the ministry, the envoy left. Wang said that talks would resume."
    )
    parsed = parse(text)
    quotes = quotes_of(parsed)
    assert len(quotes) == 4  # the second quote runs over the paragraph break
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.id == content_id(parsed.article.id, quote.start, quote.end)
        assert quote.article_id == parsed.article.id


def test_the_date_in_the_cues_sentence_dates_the_quote(parse):
    text = 'Mao Ning said on Friday that "the embassy will reopen on Monday".'
    parsed = parse(text, date="2025-07-06")
    friday = DateRef("2025-07-04", basis="relative", text="Friday", span=span_of(text, "Friday"), sentence=0)
    monday = DateRef("2025-07-07", basis="relative", text="Monday", span=span_of(text, "Monday"), sentence=0)
    for quote in quotes_of(parsed, dates=[monday, friday]):
        assert quote.date == "2025-07-04"  # Monday is inside the quoted words: what was said, not when


def test_historical_dates_and_quotes_without_a_date_fall_back_to_publication(parse):
    text = "Mao Ning said China had kept its embassy open since 2021."
    parsed = parse(text, date="2025-07-06")
    since = DateRef("2021-01-01", "year", "explicit", "2021", span_of(text, "2021"), 0, historical=True)
    [quote] = quotes_of(parsed, dates=[since])
    assert quote.date == "2025-07-06"


def test_a_pronoun_continuing_a_dated_speaker_takes_that_date(parse):
    text = (
        "China backed the move. "
        '"We respect the choice Russia has made," a foreign ministry spokesperson said at Friday\'s '
        'briefing. "China will keep talking to the Afghan side," she stated.'
    )
    parsed = parse(text, date="2025-07-05")
    first, second = quotes_of(parsed)
    assert second.speaker.rule == "pronoun"
    assert first.date == second.date == "2025-07-04"  # both were said at Friday's briefing


def test_a_new_named_speaker_without_a_date_is_dated_by_publication(parse):
    text = '"We respect the choice," Mao Ning said at Friday\'s briefing. "It changes nothing," Wang Yi said.'
    first, second = quotes_of(parse(text, date="2025-07-05"))
    assert (first.date, second.date) == ("2025-07-04", "2025-07-05")


# regressions found on the held-out gold articles (q14 to q25) and the example articles


def test_adding_that_finds_the_speech_verb_when_the_parse_hangs_it_inside_the_report(parse):
    text = (
        "The Israeli foreign ministry said in a statement that relations would not be harmed by the "
        "decision, adding that Israel would continue to defend its citizens."
    )
    quote = one(quotes_of(parse(text)), "Israel would continue to defend its citizens")
    assert quote.speaker is not None and quote.speaker.organization == "Foreign Ministry"


def test_a_wire_dateline_is_not_part_of_the_reported_clause(parse):
    parsed = parse("BOGOTÁ — Colombia will break off relations with Israel, President Gustavo Petro said.")
    [quote] = quotes_of(parsed)
    assert quote.text == "Colombia will break off relations with Israel"


def test_british_single_marks_give_direct_quotes_with_their_speaker(parse):
    text = "‘We will not recognise them,’ the foreign secretary, David Lammy, told MPs. ‘We stay shut.’"
    first, second = quotes_of(parse(text))
    assert (first.text, second.text) == ("We will not recognise them,", "We stay shut.")
    assert first.speaker.name == second.speaker.name == "David Lammy"


def test_a_cue_ending_the_paragraph_with_a_colon_attributes_the_next_paragraphs_quote(parse):
    parsed = parse('Mao Ning said on Friday:\n\n"We firmly oppose any official contact with Taiwan."\n')
    [quote] = quotes_of(parsed)
    assert quote.cue == "said" and quote.speaker.name == "Mao Ning"


def test_an_attribution_parsed_as_parenthetical_still_reports_its_clause(parse):
    [quote] = quotes_of(parse("The envoy left, the ministry said, without giving details."))
    assert quote.text == "The envoy left" and quote.speaker.organization == "Ministry"


def test_said_in_a_statement_that_reports_the_clause_hung_on_the_statement(parse):
    [quote] = quotes_of(
        parse("The Russian Foreign Ministry said in a statement that recognition would help trade.")
    )
    assert quote.text == "recognition would help trade" and quote.speaker.organization == "Foreign Ministry"


def test_according_to_at_the_end_of_a_reported_clause_leaves_the_clause(parse):
    quotes = quotes_of(
        parse("Xi told Blinken that the two sides had agreed on several points, according to state media.")
    )
    assert [q.text for q in quotes] == ["the two sides had agreed on several points"]


def test_a_claim_inside_a_relative_clause_without_its_own_subject_is_not_a_quote(parse):
    assert quotes_of(parse("It followed a balloon that Washington said was used for surveillance.")) == ()


def test_the_time_of_the_saying_is_not_part_of_the_reported_clause(parse):
    [quote] = quotes_of(
        parse("Pakistan said on Friday it would raise its representation in Kabul to ambassador.")
    )
    assert quote.text == "it would raise its representation in Kabul to ambassador"


def test_declaring_someone_persona_non_grata_is_a_verdict_not_reported_speech(parse):
    assert quotes_of(parse("Ecuador declared Mexico's ambassador, Raquel Serur, persona non grata.")) == ()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "“”",
        'He said "',
        '"Unclosed at the end of the text, she said',
        "’Stray closing marks’ and « odd guillemets",
        'She said: "A.\n\nB."\n\n"C',
        "According to",
        "Said that.",
        '"A," "B," "C," he said, "D."',
    ],
)
def test_odd_texts_give_well_formed_quotes_or_none(parse, text):
    parsed = parse(text)
    for quote in quotes_of(parsed):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert all(0 <= s < len(parsed.sentences) for s in quote.sentences)


def test_a_quote_continuing_a_speaker_takes_the_date_of_the_quote_it_continues(parse):
    text = '"We are ready," Mao Ning said on Friday. "We always were."'
    parsed = parse(text, date="2025-07-06")
    friday = DateRef("2025-07-04", basis="relative", text="Friday", span=span_of(text, "Friday"), sentence=0)
    continued = one(quotes_of(parsed, dates=[friday]), "We always were.")
    assert continued.cue is None and continued.date == "2025-07-04"


def test_that_tagged_as_a_pronoun_still_opens_the_reported_clause(parse):
    text = "Spokesman Lin Jian told a regular news briefing that both sides would keep in close contact."
    [quote] = quotes_of(parse(text))
    assert quote.text == "both sides would keep in close contact" and quote.speaker.name == "Lin Jian"


def test_quote_ids_are_unique_within_an_article(parse):
    text = (
        '"We oppose it," Mao Ning said. "It is wrong.\n\n"Very wrong," she added.\n\n'
        "According to the ministry, the envoy left. Wang said that talks would resume, according to Xinhua."
    )
    ids = [q.id for q in quotes_of(parse(text))]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "text",
    [
        'The envoy, who wrote the memoir "Years of Quiet Diplomacy in Kabul", left on Friday.',
        'The plan, known as "the road map for peace", failed within a year.',
        'Beijing calls the project the "Belt and Road Initiative".',
    ],
)
def test_titles_and_names_in_quotation_marks_are_not_quotes(parse, text):
    assert [q for q in quotes_of(parse(text)) if q.direct] == []


def test_a_quote_ending_in_a_nested_quote_after_a_closed_quote_is_kept(parse):
    text = '"We warned them," she said.\n\n"I told him, \'We will not accept this,\'" the envoy recalled.'
    quote = one(quotes_of(parse(text)), "I told him, 'We will not accept this,'")
    assert quote.cue == "recalled" and quote.speaker.role == "envoy"


# a grid of attribution patterns and names (found by generating articles from templates)

# (at the start of a sentence, inside one)
NAMES = [
    ("Penny Wong", "Penny Wong"),
    ("Hakan Fidan", "Hakan Fidan"),
    ("Mauro Vieira", "Mauro Vieira"),
    ("Spokesperson Retno Marsudi", "spokesperson Retno Marsudi"),
]
PATTERNS = [
    ('"We will not accept any interference," {s} said.', "We will not accept any interference,"),
    ('{s} said: "Dialogue is the only way forward."', "Dialogue is the only way forward."),
    ("{s} said that the talks had been useful.", "the talks had been useful"),
    ("The embassy would reopen next month, {s} said.", "The embassy would reopen next month"),
    ("Sanctions would not work, {s}, the foreign minister, said.", "Sanctions would not work"),
]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("pattern", "said"), PATTERNS)
def test_every_attribution_pattern_finds_its_quote_and_speaker(parse, name, pattern, said):
    text = pattern.format(s=name[0] if pattern.startswith("{s}") else name[1])
    [quote] = quotes_of(parse(text))
    assert quote.text == said
    assert quote.speaker is not None and quote.speaker.name.endswith(name[0].split()[-1])
