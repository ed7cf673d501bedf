"""ingest.html: main text, title, date and site name from a handwritten page through trafilatura."""

from __future__ import annotations

from chancery.ingest import decode, read_html
from chancery.records import Article, InputProblem

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Riyadh and Tehran agree to reopen embassies | Example Wire</title>
<meta property="og:title" content="Riyadh and Tehran agree to reopen embassies">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2023-03-10T16:40:00+03:00">
<link rel="canonical" href="https://example.org/world/saudi-iran-ties">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Riyadh and Tehran agree to reopen embassies</h1>
<p>BEIJING (Example Wire) - Saudi Arabia and Iran agreed on Friday to restore diplomatic relations
and reopen their embassies within two months, ending a rupture that began in 2016.</p>
<p>The agreement was announced in Beijing after several days of talks hosted by China, and a joint
statement said both sides would respect each other's sovereignty.</p>
</article>
<aside><h2>Most read</h2><ul><li>Unrelated story one</li><li>Unrelated story two</li></ul></aside>
<footer>Copyright Example Wire. All rights reserved.</footer>
</body></html>
"""


def _page(head: str, paragraphs: str) -> str:
    return f"<html><head>{head}</head><body><article>{paragraphs}</article></body></html>"


def test_html_gives_main_text_title_date_and_site_without_the_page_furniture():
    article = read_html(PAGE, "page.html")
    assert isinstance(article, Article), article
    assert article.title == "Riyadh and Tehran agree to reopen embassies"
    assert (article.date, article.date_basis) == ("2023-03-10", "metadata")
    assert article.publisher == "Example Wire"
    assert article.url == "https://example.org/world/saudi-iran-ties"
    assert article.text.startswith("BEIJING (Example Wire) - Saudi Arabia and Iran agreed")
    assert "reopen their embassies" in article.text
    for furniture in ("Home", "Most read", "Unrelated story", "Copyright"):
        assert furniture not in article.text
    assert article.place == "BEIJING"
    assert article.id == Article.make_id(article.text)


def test_a_date_in_the_text_is_not_taken_for_the_publication_date():
    paragraphs = (
        "<h1>Envoys meet</h1><p>Envoys said the meeting of 3 March 2023 in Baghdad had prepared the "
        "ground for a later agreement, and both delegations returned home to report.</p>"
        "<p>Officials said further rounds would follow in the coming weeks, without giving dates.</p>"
    )
    article = read_html(_page("<title>Envoys meet</title>", paragraphs), "p.html")
    assert isinstance(article, Article), article
    assert (article.date, article.date_basis) == (None, None)


def test_without_metadata_date_the_default_date_is_a_flag():
    paragraphs = (
        "<p>Ministers from both countries met in Beijing and agreed to exchange ambassadors, "
        "according to a statement released by the host government after the talks.</p>"
    )
    article = read_html(_page("<title>Talks</title>", paragraphs), "p.html", default_date="2023-03-11")
    assert isinstance(article, Article), article
    assert (article.date, article.date_basis) == ("2023-03-11", "flag")


def test_a_page_without_article_text_is_a_problem():
    found = read_html("<html><head><title>Nothing</title></head><body></body></html>", "empty.html")
    assert found == InputProblem("empty.html", "no article text found in HTML")


def test_the_length_limit_applies_to_the_extracted_text():
    found = read_html(PAGE, "page.html", max_chars=100)
    assert isinstance(found, InputProblem)
    assert found.reason.startswith("text is ") and found.reason.endswith(
        "over the limit of 100 (raise max_chars to read it)"
    )


def test_a_page_that_declares_a_legacy_charset_is_decoded_with_it():
    raw = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 talks</p></body></html>'
    assert "Café talks" in decode(raw.encode("cp1252"), html=True)


def test_a_parser_failure_is_a_one_line_problem_not_an_exception(monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("tree too deep\nat node 9000")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    assert read_html(PAGE, "page.html") == InputProblem(
        "page.html", "HTML could not be parsed (ValueError: tree too deep at node 9000)"
    )


_FRAMED = """<html><head><title>Talks in Doha</title></head><body><article>
<h1>Talks in Doha</h1>
<p>Officials from several countries met in Doha on Monday to discuss trade and shipping routes.</p>
<p>The meeting ended without a joint statement, delegates said, and another round is planned.</p>
{hidden}
</article></body></html>"""


def test_text_in_a_comment_after_an_unclosed_iframe_is_never_article_text():
    """Issue 15: after an unclosed <iframe>, a comment's text was coded as an event."""
    page = _FRAMED.format(
        hidden='<iframe src="https://example.org/embed">\n<!-- Russia recognised the Taliban government. -->'
    )
    article = read_html(page, "framed.html")
    assert isinstance(article, Article)
    assert "Russia" not in article.text and "<!--" not in article.text
    assert article.text.startswith("Officials from several countries met in Doha")


def test_an_unclosed_comment_hides_the_rest_of_the_page_and_a_closed_one_only_itself():
    closed = read_html(
        _FRAMED.format(hidden="<!-- Moscow expelled the envoy. --><p>Talks resume in May.</p>"), "a"
    )
    unclosed = read_html(_FRAMED.format(hidden="<!-- Moscow expelled the envoy. <p>Talks resume.</p>"), "b")
    assert "Moscow" not in closed.text and "Talks resume in May." in closed.text
    assert "Moscow" not in unclosed.text and "Talks resume" not in unclosed.text


def test_a_comment_opener_inside_a_script_hides_nothing_and_the_script_metadata_is_kept():
    page = PAGE.replace(
        "</head>",
        '<script>var marker = "<!--";</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-10"}</script>'
        "</head>",
    )
    article = read_html(page, "scripted.html")
    assert "Saudi Arabia and Iran agreed on Friday" in article.text
    assert article.date == "2023-03-10"
