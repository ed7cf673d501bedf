"""Article pages fetched from the web: their bytes → an ``Article`` through the same HTML reader as files."""

from __future__ import annotations

from dataclasses import replace

from chancery.errors import InputError
from chancery.ingest.html import read_html
from chancery.ingest.sources import decode
from chancery.records import Article, FeedItem, InputProblem

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_page(
    data: bytes,
    item: FeedItem,
    *,
    content_type: str | None = None,
    max_chars: int = 200_000,
    max_line_chars: int = 100_000,
) -> Article | InputProblem:
    """The article on the page ``item`` names, as ``read_html`` reads an HTML file; its source is the
    item's address. What the page does not say (its address, title, date) the feed's item fills in,
    the date with basis ``feed``."""
    source = item.url
    media, _, parameters = (content_type or "text/html").partition(";")
    if media.strip().lower() not in _HTML_TYPES:
        return InputProblem(source, f"not an HTML page (served as {media.strip() or 'nothing'})")
    try:
        text = decode(data, html=True)
    except InputError as exc:
        charset = _charset(parameters)
        try:
            text = data.decode(charset) if charset else None
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is None:
            return InputProblem(source, str(exc))
    article = read_html(text, source, max_chars=max_chars, max_line_chars=max_line_chars)
    if isinstance(article, InputProblem):
        return article
    undated = article.date is None and item.date is not None
    return replace(
        article,
        url=article.url or item.url,
        title=article.title or item.title,
        date=item.date if undated else article.date,
        date_basis="feed" if undated else article.date_basis,
    )


def _charset(parameters: str) -> str | None:
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
