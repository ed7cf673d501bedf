"""Full-text search of stored articles: an FTS5 table on SQLite, a GIN text index on PostgreSQL.

Both match every word of the query, stemmed as English (Porter on SQLite, the ``english`` text
search configuration on PostgreSQL), in the title or the text, and rank the matches (bm25;
``ts_rank``).  The query is read as plain words: quotes, operators and punctuation carry no
syntax, so no input can make the search fail.  One difference remains: PostgreSQL leaves out
stop words ("the", "or"), so a query of stop words alone finds nothing there, while SQLite looks
for them like any word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from chancery.errors import QueryError
from chancery.ledger import pages, schema
from chancery.records import Record

A = schema.articles
_WORD = re.compile(r"\w+")
# Private-use characters mark the matched words in a snippet: they cannot occur in stored text
# that the marks would be confused with, and the marks are turned into offsets before leaving here.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.S)
_SNIPPET_WORDS = 32
# The indexed text on PostgreSQL: the search must use this very expression for the index to serve it.
_PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || text)"

_SQLITE_INSTALL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "article_id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; END",
    # Articles stored before this index existed.
    "INSERT INTO articles_fts (article_id, title, text) SELECT id, coalesce(title, ''), text FROM articles",
)
_POSTGRES_INSTALL = (
    f"CREATE INDEX IF NOT EXISTS ix_articles_search ON articles USING gin (({_PG_DOCUMENT}))",
)


@dataclass(frozen=True)
class SearchHit(Record):
    """An article that matches a search: what identifies it, and a snippet with the matches marked."""

    id: str
    title: str | None
    date: str | None
    publisher: str | None
    url: str | None
    snippet: str
    matches: tuple[tuple[int, int], ...] = ()  # [start, end) offsets of the matched words in ``snippet``


def install(conn: sa.Connection) -> None:
    """Create the search index of this backend, kept up to date on every stored article from now on."""
    for statement in _SQLITE_INSTALL if conn.dialect.name == "sqlite" else _POSTGRES_INSTALL:
        conn.exec_driver_sql(statement)


def uninstall(conn: sa.Connection) -> None:
    """Drop the search index of this backend (and on SQLite the triggers that feed it)."""
    if conn.dialect.name == "sqlite":
        for name in ("articles_fts_insert", "articles_fts_delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_search")


def words(text: str) -> list[str]:
    """The words a search looks for."""
    return _WORD.findall(text)


def search_page(conn: sa.Connection, text: str, *, limit: int, cursor: str | None = None) -> pages.Page:
    """A page of the articles matching every word of ``text``, best first (ties by id)."""
    found_words = words(text)
    if not found_words:
        raise QueryError(f"search {text!r} has no word to look for; give at least one word")
    if limit < 1:
        raise QueryError(f"limit must be at least 1, not {limit}")
    wanted = " ".join(found_words)
    after = pages.decode("search", cursor)
    if after is not None and after[0] != wanted:
        raise QueryError(
            f"cursor {cursor[:40]!r} belongs to another search; start again without a cursor"  # type: ignore[index]
        )
    offset = after[1] if after else 0
    select = _sqlite_search(found_words) if conn.dialect.name == "sqlite" else _postgres_search(wanted)
    found = conn.execute(select.limit(limit + 1).offset(offset)).mappings().all()
    hits = [_hit(row) for row in found[:limit]]
    more = len(found) > limit
    return pages.Page(tuple(hits), pages.encode("search", (wanted, offset + limit)) if more else None)


def _sqlite_search(found_words: list[str]) -> sa.Select:
    fts = sa.table("articles_fts", sa.column("article_id"))
    # Each word quoted: FTS5 then reads it as a plain term, whatever it is.
    match = " ".join('"' + word.replace('"', '""') + '"' for word in found_words)
    rank = sa.literal_column("bm25(articles_fts, 0.0, 2.0, 1.0)")  # title words weigh twice
    snippet = sa.func.snippet(sa.literal_column("articles_fts"), -1, _OPEN, _CLOSE, "…", _SNIPPET_WORDS)
    return (
        sa.select(A.c.id, A.c.title, A.c.date, A.c.publisher, A.c.url, snippet.label("snippet"))
        .select_from(fts.join(A, A.c.id == fts.c.article_id))
        .where(sa.literal_column("articles_fts").op("MATCH")(match))
        .order_by(rank, A.c.id)  # bm25: lower is better
    )


def _postgres_search(wanted: str) -> sa.Select:
    document = sa.literal_column(_PG_DOCUMENT)
    wanted_query = sa.func.plainto_tsquery(sa.literal_column("'english'"), wanted)
    options = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={_SNIPPET_WORDS}, MinWords=12"
    snippet = sa.func.ts_headline(sa.literal_column("'english'"), A.c.text, wanted_query, options)
    return (
        sa.select(A.c.id, A.c.title, A.c.date, A.c.publisher, A.c.url, snippet.label("snippet"))
        .where(document.op("@@")(wanted_query))
        .order_by(sa.func.ts_rank(document, wanted_query).desc(), A.c.id)
    )


def _hit(row: sa.RowMapping) -> SearchHit:
    marked = row["snippet"] or ""
    plain, matches, position = [], [], 0
    for piece in _MARKED.split(marked):
        # split with one group alternates: text outside marks, then a matched word, and so on.
        if len(plain) % 2:
            matches.append((position, position + len(piece)))
        plain.append(piece)
        position += len(piece)
    return SearchHit(
        id=row["id"],
        title=row["title"],
        date=row["date"],
        publisher=row["publisher"],
        url=row["url"],
        snippet="".join(plain),
        matches=tuple(matches),
    )
