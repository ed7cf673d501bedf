"""Full-text search of articles on SQLite (FTS5) and PostgreSQL (GIN): words, stems, ranks, snippets."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from standing_records import ARTICLES, store_all

from chancery.errors import QueryError
from chancery.ledger import Ledger, migrations, open_ledger, schema, search


@pytest.fixture
def stored(ledger):
    store_all(ledger)
    return ledger


def _titles(page):
    return [hit.title for hit in page.items]


def test_every_word_must_match_and_stems_match_other_forms(stored):
    # "recognises" finds "recognised"/"recognise"; "Taliban" narrows to the Afghan articles.
    found = _titles(stored.search("recognises Taliban"))
    assert set(found) == {
        "Pakistan keeps its distance",
        "Russia recognises the Taliban government",
        "China holds back its recognition",
    }
    assert _titles(stored.search("Armenia recognises")) == ["Armenia recognises Palestine"]
    assert _titles(stored.search("Armenia Taliban")) == []


def test_the_snippet_marks_the_matched_words(stored):
    [hit] = stored.search("credentials Xi").items
    marked = {hit.snippet[start:end].lower() for start, end in hit.matches}
    assert marked == {"credentials", "xi"}
    # The snippet is the article's own text around the matches (PostgreSQL starts at the first).
    assert hit.snippet.strip("…") in ARTICLES[3].article.text and "\ue000" not in hit.snippet


@pytest.mark.parametrize("text", ['"Taliban', "Taliban*", "(Taliban", "-Taliban", 'Taliban"):^'])
def test_quotes_and_operator_signs_are_not_syntax_and_never_an_error(stored, text):
    assert _titles(stored.search(text)) == _titles(stored.search("Taliban"))


def test_a_search_without_words_is_refused(stored):
    with pytest.raises(QueryError, match="no word to look for"):
        stored.search(" ?! ")


def test_search_pages_read_to_the_end_and_their_cursor_belongs_to_their_search(stored):
    every = _titles(stored.search("Taliban", limit=50))
    seen, cursor = [], None
    while True:
        page = stored.search("Taliban", limit=2, cursor=cursor)
        seen.extend(_titles(page))
        if not (cursor := page.next):
            break
    assert seen == every and len(every) == 5
    with pytest.raises(QueryError, match="belongs to another search"):
        stored.search("Kabul", limit=2, cursor=stored.search("Taliban", limit=2).next)


def test_migrating_a_ledger_of_the_first_version_indexes_the_articles_it_holds(ledger_url):
    url, schema_name = ledger_url
    with open_ledger(url, schema=schema_name) as ledger:
        engine = ledger.engine
    old = Ledger(sa.create_engine(engine.url, connect_args=_search_path(schema_name)), url, schema_name)
    with old.engine.begin() as conn:  # back to version 1: no search index, no mentions table
        search.uninstall(conn)
        schema.mentions.drop(conn)
        conn.execute(sa.delete(schema.schema_version).where(schema.schema_version.c.version > 1))
        conn.execute(
            sa.insert(schema.articles).values(id="old1", text="Tonga recognised Kosovo.", stored_at="x")
        )
    assert migrations.migrate(old.engine) == [v for v, _, _ in migrations.MIGRATIONS if v > 1]
    assert [
        hit.id for hit in old.search("Kosovo recognition").items
    ] == []  # all words: "recognition"≠"recognised"
    assert [hit.id for hit in old.search("Kosovo recognised").items] == ["old1"]
    old.close()


def _search_path(schema_name):
    return {"options": f"-csearch_path={schema_name}"} if schema_name else {}


def test_every_stored_article_is_found_by_its_title(stored):
    for coded in ARTICLES:
        assert coded.article.id in [hit.id for hit in stored.search(coded.article.title, limit=50).items]
