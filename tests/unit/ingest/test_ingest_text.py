"""ingest.text: title lines, header lines, Markdown headings and the dateline of plain-text articles."""

from __future__ import annotations

from chancery.ingest import read_text
from chancery.records import Article, InputProblem

BODY = "MOSCOW (Reuters) - Russia on Thursday accepted the credentials of the Taliban's ambassador."


def _article(raw: str, **options) -> Article:
    found = read_text(raw, "a.txt", **options)
    assert isinstance(found, Article), found
    return found


def test_first_line_followed_by_a_blank_line_is_the_title_and_not_part_of_the_text():
    article = _article(f"Russia recognises the Taliban government\n\n{BODY}\n")
    assert article.title == "Russia recognises the Taliban government"
    assert article.text == BODY


def test_without_a_blank_line_after_it_the_first_line_is_body_text():
    raw = f"Russia recognises the Taliban government\n{BODY}"
    article = _article(raw)
    assert article.title is None
    assert article.text == raw


def test_a_first_paragraph_ending_with_a_full_stop_is_not_taken_for_a_title():
    raw = f"{BODY}\n\nThe Kremlin said ties would deepen."
    article = _article(raw)
    assert article.title is None
    assert article.text == raw


def test_a_dateline_paragraph_is_not_taken_for_a_title_even_without_a_full_stop():
    raw = "KABUL (AFP) - Envoys met on Friday\n\nThey spoke for two hours."
    assert _article(raw).title is None


def test_a_line_longer_than_200_characters_is_not_a_title():
    first = "word " * 50
    assert _article(f"{first}\n\nBody text here.").title is None


def test_markdown_heading_marks_are_dropped_from_the_title():
    article = read_text(f"# Moscow and Kabul: a new chapter.\n\n{BODY}", "a.md", markdown=True)
    assert isinstance(article, Article)
    assert article.title == "Moscow and Kabul: a new chapter."
    assert article.text == BODY


def test_header_lines_after_the_title_give_date_publisher_and_url():
    raw = (
        "Russia recognises the Taliban government\n\n"
        "Date: 2025-07-03\nPublisher: Example Wire\nurl: https://example.org/a\n\n"
        f"{BODY}"
    )
    article = _article(raw)
    assert (article.title, article.date, article.date_basis) == (
        "Russia recognises the Taliban government",
        "2025-07-03",
        "input",
    )
    assert (article.publisher, article.url) == ("Example Wire", "https://example.org/a")
    assert article.text == BODY


def test_header_lines_may_follow_the_title_directly_or_open_the_file():
    direct = _article(f"A title\nDate: 2025-07-03\n\n{BODY}")
    top = _article(f"Date: 2025-07-03\n\n{BODY}")
    assert (direct.title, direct.date, direct.text) == ("A title", "2025-07-03", BODY)
    assert (top.title, top.date, top.text) == (None, "2025-07-03", BODY)


def test_a_header_date_may_be_a_timestamp():
    assert _article(f"Date: 2025-07-03T18:05:00+03:00\n\n{BODY}").date == "2025-07-03"


def test_a_bad_header_date_is_a_problem_that_says_what_to_write():
    found = read_text(f"Title\n\nDate: last Thursday\n\n{BODY}", "a.txt")
    assert found == InputProblem(
        "a.txt", "bad Date header 'last Thursday' (use YYYY-MM-DD or an ISO 8601 timestamp)"
    )


def test_lines_with_unknown_keys_are_body_text_not_headers():
    raw = f"Title\n\nNote: the envoy arrived on Friday.\n\n{BODY}"
    article = _article(raw)
    assert article.text.startswith("Note: the envoy arrived")
    assert article.date is None


def test_the_dateline_gives_place_and_publisher_and_stays_in_the_text():
    article = _article(f"Title\n\n{BODY}")
    assert (article.place, article.publisher) == ("MOSCOW", "Reuters")
    assert article.text.startswith("MOSCOW (Reuters) - ")


def test_a_header_publisher_wins_over_the_dateline_agency():
    assert _article(f"Publisher: Example Wire\n\n{BODY}").publisher == "Example Wire"


def test_a_dated_dateline_dates_the_article_when_no_header_does():
    article = _article("KABUL, 4 July 2025 (AFP) — Taliban officials hailed the decision.")
    assert (article.date, article.date_basis) == ("2025-07-04", "dateline")


def test_a_header_date_wins_over_the_dateline_date():
    article = _article("Date: 2025-07-05\n\nKABUL, 4 July 2025 (AFP) — Officials hailed it.")
    assert (article.date, article.date_basis) == ("2025-07-05", "input")


def test_the_default_date_applies_only_when_nothing_else_dates_the_article():
    undated = _article(BODY, default_date="2025-07-04")
    dated = _article(f"Date: 2025-07-03\n\n{BODY}", default_date="2025-07-04")
    assert (undated.date, undated.date_basis) == ("2025-07-04", "flag")
    assert (dated.date, dated.date_basis) == ("2025-07-03", "input")


def test_a_year_less_dateline_takes_its_year_from_the_default_date():
    article = _article("MOSCOW, July 3 (Reuters) - Russia moved first.", default_date="2025-07-04")
    assert (article.date, article.date_basis) == ("2025-07-03", "dateline")


def test_an_undated_article_without_default_date_has_no_date_and_no_basis():
    article = _article(BODY)
    assert (article.date, article.date_basis) == (None, None)


def test_line_endings_become_newlines_and_outer_blank_lines_go_but_inner_text_is_untouched():
    article = _article("\r\n\r\n  Title\r\n\r\nFirst  line,\r\n\r\n\tsecond line.  \r\n\r\n")
    assert article.title == "Title"
    assert article.text == "First  line,\n\n\tsecond line."


def test_a_title_with_nothing_after_it_is_a_problem():
    assert read_text("Title\n\nDate: 2025-07-04\n", "a.txt") == InputProblem(
        "a.txt", "no article text after the title and header lines"
    )


def test_whitespace_only_text_is_an_empty_problem():
    assert read_text(" \n\t\r\n", "a.txt") == InputProblem("a.txt", "empty: no article text")


def test_the_length_limit_applies_to_the_body():
    assert isinstance(read_text(f"Title\n\n{'x' * 50}", "a.txt", max_chars=50), Article)
    assert read_text("y" * 51, "a.txt", max_chars=50) == InputProblem(
        "a.txt", "text is 51 characters, over the limit of 50 (raise max_chars to read it)"
    )


def test_the_id_is_the_content_hash_of_the_body():
    article = _article(f"Title\n\n{BODY}")
    assert article.id == Article.make_id(BODY)
    assert article.source == "a.txt"


def test_a_byline_before_the_dateline_stays_in_the_text_and_the_dateline_still_counts():
    article = _article(f"Title\n\nBy Jane Doe\n\n{BODY}")
    assert article.text == f"By Jane Doe\n\n{BODY}"
    assert (article.place, article.publisher) == ("MOSCOW", "Reuters")
