"""HTML pages: main text, title, date and site name through trafilatura."""

from __future__ import annotations

import codecs
import re

from chancery.ingest.clean import build_article, normalise_date, normalise_text, too_long
from chancery.records import Article, InputProblem

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
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


def read_html(
    raw: str, source: str, *, max_chars: int = 200_000, default_date: str | None = None
) -> Article | InputProblem:
    """One article from an HTML page; an ``InputProblem`` when it holds no article text."""
    import trafilatura  # imported here so that importing chancery.ingest stays cheap

    try:
        document = trafilatura.bare_extraction(
            raw,
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
    if reason := too_long(text, max_chars):
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
