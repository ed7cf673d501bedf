"""HTML pages: main text, title, date and site name through trafilatura."""

from __future__ import annotations

import codecs
import re

from chancery.ingest.clean import build_article, normalise_date, normalise_text, text_refusal
from chancery.records import Article, InputProblem

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
# Markup whose text a reader never sees, matched left to right as an HTML tokenizer meets it: a
# comment (to its end, or to the end of the page when unclosed), or an element whose content is
# raw text (iframe and kin: to its end tag, or to the end of the page). Scripts and styles are
# matched only so that a "<!--" inside them is not taken for a comment; they are kept, as their
# JSON-LD metadata gives dates and publishers.
_UNSEEN = re.compile(
    r"<!--(?:-?>|.*?--!?>|.*\Z)"
    r"|<(?P<keep>script|style)\b[^<>]*>.*?(?:</(?P=keep)\s*>|\Z)"
    r"|<(?P<drop>iframe|noembed|noframes|xmp)\b[^<>]*>.*?(?:</(?P=drop)\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
# Only what the page's own metadata says: htmldate's extensive search would take the first date
# in the text, which in news is usually the date of the event, not of publication.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    """The codec named by the page's ``<meta charset>``, if Python knows it."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None


def without_unseen_text(raw: str) -> str:
    """``raw`` without comments and raw-text elements, whose text must never reach an article.

    lxml keeps an unclosed ``<iframe>``'s content, comments included, as text; HTML's own parser
    would show none of it.
    """
    return _UNSEEN.sub(lambda match: match[0] if match["keep"] else "", raw)


def read_html(
    raw: str,
    source: str,
    *,
    max_chars: int = 200_000,
    default_date: str | None = None,
    max_line_chars: int | None = None,
) -> Article | InputProblem:
    """One article from an HTML page; an ``InputProblem`` when it holds no article text."""
    import trafilatura  # imported here so that importing chancery.ingest stays cheap

    try:
        document = trafilatura.bare_extraction(
            without_unseen_text(raw),
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser on untrusted markup: any failure is a bad input
        detail = " ".join(str(exc).split())  # the reason must stay one line
        return InputProblem(source, f"HTML could not be parsed ({type(exc).__name__}: {detail})")
    text = normalise_text(getattr(document, "text", None) or "").strip()
    title = (getattr(document, "title", None) or "").strip() or None
    # trafilatura repeats the page's <h1> as the first line; the body starts after it.
    if title and text.split("\n", 1)[0].strip() == title:
        text = text[len(text.split("\n", 1)[0]) :].strip()
    if not text:
        return InputProblem(source, "no article text found in HTML")
    if reason := text_refusal(text, max_chars, max_line_chars):
        return InputProblem(source, reason)
    date_value = normalise_date(getattr(document, "date", None))
    return build_article(
        text,
        source,
        default_date=default_date,
        title=title,
        date_value=date_value,
        date_basis="metadata" if date_value else None,
        publisher=getattr(document, "sitename", None),
        url=getattr(document, "url", None),
    )
