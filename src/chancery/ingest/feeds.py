"""Feeds and sitemaps: RSS 2.0 (and 1.0), Atom, XML sitemaps and sitemap indexes → ``FeedItem`` records.

The XML is untrusted: it is parsed by lxml with entities left unresolved, no DTD loaded and no
network access, so a feed can neither expand entities nor make chancery fetch anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

from chancery.ingest.clean import normalise_date
from chancery.records import FeedItem

_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class FeedError(Exception):
    """A feed that is not one: malformed XML, or XML of another kind. The message is one line."""


@dataclass(frozen=True)
class Feed:
    """What one fetched feed or sitemap lists: article items, and (a sitemap index) more sitemaps."""

    url: str
    kind: str  # rss, atom, sitemap or sitemap-index
    items: tuple[FeedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()
    skipped: int = 0  # items that named no http(s) address


def parse_feed(data: bytes, url: str) -> Feed:
    """The items of an RSS, Atom or sitemap document fetched from ``url``; ``FeedError`` when it is none.

    Relative links are resolved against ``url`` (and Atom's ``xml:base``); an item's address loses
    its ``#fragment``. An item without an http(s) address is skipped and counted.
    """
    from lxml import etree  # imported here so that importing chancery.ingest stays cheap

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"malformed XML ({_one_line(str(exc))})") from None
    if root is None:
        raise FeedError("empty document, no XML")
    kind = _local(root)
    if kind in ("rss", "RDF"):
        return _rss(root, url)
    if kind == "feed":
        return _atom(root, url)
    if kind == "urlset":
        return _sitemap(root, url)
    if kind == "sitemapindex":
        found = [_text(child, "loc") for child in _children(root, "sitemap")]
        return Feed(url, "sitemap-index", sitemaps=tuple(_address(loc, url) for loc in found if loc))
    raise FeedError(f"not an RSS, Atom or sitemap document (its root element is <{kind}>)")


def _rss(root, url: str) -> Feed:
    items: list[FeedItem] = []
    skipped = 0
    for item in root.iter("{*}item"):
        guid_element = _child(item, "guid")
        guid = _text(item, "guid")
        link = _text(item, "link")
        # RSS 2.0: a guid is the item's address unless it says isPermaLink="false".
        if not link and guid and (guid_element.get("isPermaLink") or "true").lower() != "false":
            link = guid
        address = _address(link, url)
        if address is None:
            skipped += 1
            continue
        date = _rfc822_date(_text(item, "pubDate")) or normalise_date(_text(item, "date"))  # dc:date
        items.append(FeedItem(address, guid or None, _text(item, "title") or None, date, url))
    return Feed(url, "rss", tuple(items), skipped=skipped)


def _atom(root, url: str) -> Feed:
    base = urljoin(url, root.get(_XML_BASE) or "")
    items: list[FeedItem] = []
    skipped = 0
    for entry in _children(root, "entry"):
        entry_base = urljoin(base, entry.get(_XML_BASE) or "")
        links = _children(entry, "link")
        chosen = next((link for link in links if (link.get("rel") or "alternate") == "alternate"), None)
        address = _address(chosen.get("href") if chosen is not None else None, entry_base)
        if address is None:
            skipped += 1
            continue
        date = normalise_date(_text(entry, "published")) or normalise_date(_text(entry, "updated"))
        items.append(FeedItem(address, _text(entry, "id") or None, _text(entry, "title") or None, date, url))
    return Feed(url, "atom", tuple(items), skipped=skipped)


def _sitemap(root, url: str) -> Feed:
    items: list[FeedItem] = []
    skipped = 0
    for entry in _children(root, "url"):
        address = _address(_text(entry, "loc"), url)
        if address is None:
            skipped += 1
            continue
        items.append(FeedItem(address, None, None, normalise_date(_text(entry, "lastmod")), url))
    return Feed(url, "sitemap", tuple(items), skipped=skipped)


def page_address(link: str) -> str:
    """``link`` as chancery remembers it: scheme and host in lower case, no ``#fragment``."""
    parts = urlsplit(link.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _address(link: str | None, base: str) -> str | None:
    if not link or not link.strip():
        return None
    resolved = urljoin(base, link.strip())
    parts = urlsplit(resolved)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return page_address(resolved)


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str) -> list:
    return [child for child in element if _local(child) == name]


def _child(element, name: str):
    return next(iter(_children(element, name)), None)


def _text(element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


def _rfc822_date(value: str) -> str | None:
    """``YYYY-MM-DD`` of an RSS date (``Fri, 04 Jul 2025 09:30:00 +0000``), in the zone it was written."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return normalise_date(value)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
