"""The read API: every endpoint gives the ledger's records as the output contract has them, pages read
to the end, and every malformed parameter is a 422 naming it."""

from __future__ import annotations

import pytest
from standing_records import ARTICLES, CHINA_HAS_NOT, RUSSIA_RECOGNISES


@pytest.fixture
def stored(shared_stored):
    """Every test here only reads: the standing ledger is stored once per backend for the module
    (each test still gets its own app), and a test that changed it would fail."""
    return shared_stored


def _all_pages(client, path, key, **query):
    """Every item of a listing read page by page, and how many pages."""
    items, pages, cursor = [], 0, None
    while True:
        answer = client.get(path, params={**query, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items.extend(body[key])
        pages += 1
        if not (cursor := body["next"]):
            return items, pages


def test_events_are_the_ledgers_records_in_their_contract_form(client, stored):
    body = client.get("/api/v1/events", params={"limit": 500}).json()
    assert body == {"events": [e.to_dict() for e in stored.events()], "next": None}
    first = body["events"][0]
    contract = {"id", "article_id", "sentence", "source", "target", "cameo", "cameo_name", "quad_class"}
    contract |= {"goldstein", "plover", "negated", "modality", "counted", "date", "date_basis", "evidence"}
    assert contract <= set(first) and {"text", "code", "country", "sector", "name"} <= set(first["source"])


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        ("/api/v1/events", "events", lambda ledger: [e.to_dict() for e in ledger.events()]),
        ("/api/v1/quotes", "quotes", lambda ledger: [q.to_dict() for q in ledger.quotes()]),
        ("/api/v1/articles", "articles", lambda ledger: [a.id for a in ledger.articles()]),
    ],
)
def test_listings_paged_one_by_one_reach_the_end_with_every_item_once(client, stored, path, key, expected):
    items, pages = _all_pages(client, path, key, limit=1)
    if key == "articles":
        items = [a["id"] for a in items]
    assert items == expected(stored)
    assert pages == len(items)


def test_relations_paged_reach_the_end_and_filter_as_the_cli(client, stored):
    items, pages = _all_pages(
        client, "/api/v1/relations", "relations", limit=2, actor="AFGGOV", as_of="2025-08-01"
    )
    expected = stored.relations(actor="AFGGOV", as_of="2025-08-01")
    assert sorted(map(repr, items)) == sorted(repr(r.to_dict()) for r in expected)
    assert pages == -(-len(expected) // 2)
    recognition = client.get("/api/v1/relations", params={"kind": "recognition", "subject": "RUS"}).json()
    assert [(r["subject"]["code"], r["state"], r["since"]) for r in recognition["relations"]] == [
        ("RUS", "recognized", "2025-07-03")
    ]


def test_event_filters_are_the_clis(client):
    def ids(**query):
        return [e["id"] for e in client.get("/api/v1/events", params=query).json()["events"]]

    assert ids(source="CHN", counted="true") == [
        ARTICLES[3].events[0].id
    ]  # not the refusal nor the condition
    assert ids(cameo="054", since="2025-07-01", until="2025-07-31") == [
        RUSSIA_RECOGNISES.events[0].id,
        CHINA_HAS_NOT.events[0].id,
    ]
    assert ids(article_id=CHINA_HAS_NOT.article.id) == [e.id for e in CHINA_HAS_NOT.events]
    assert ids(target="PSE") == [ARTICLES[6].events[0].id]


def test_quotes_by_speaker_and_by_actor(client):
    by_name = client.get("/api/v1/quotes", params={"speaker": "kabulov"}).json()["quotes"]
    assert [q["speaker"]["name"] for q in by_name] == ["Zamir Kabulov"]
    by_actor = client.get("/api/v1/quotes", params={"actor": "CHN"}).json()["quotes"]
    assert [q["text"] for q in by_actor] == ["Afghanistan should not be isolated,"]


def test_the_summary_is_the_clis_recognition_summary(client, stored):
    body = client.get("/api/v1/summary/AFGGOV", params={"as_of": "2025-08-01"}).json()
    assert body == stored.recognition_summary("AFGGOV", "2025-08-01")
    assert body["recognized_by_states"] == 1 and body["recognized_by"][0]["since"] == "2025-07-03"
    before = client.get("/api/v1/summary/AFGGOV", params={"as_of": "2025-06-01"}).json()
    assert before["recognized_by"] == [] and [e["subject"]["code"] for e in before["not_recognized_by"]] == [
        "PAK"
    ]


def test_an_article_comes_with_its_text_and_every_span(client, stored):
    body = client.get(f"/api/v1/articles/{CHINA_HAS_NOT.article.id}").json()
    assert body == stored.article_spans(CHINA_HAS_NOT.article.id).to_dict()
    text = body["article"]["text"]
    assert [text[m["span"]["start"] : m["span"]["end"]] for m in body["mentions"]][:2] == ["China", "Taliban"]
    assert [text[q["start"] : q["end"]] for q in body["quotes"]] == ["Afghanistan should not be isolated,"]
    assert {"index", "start", "end", "paragraph"} == set(body["sentences"][0])
    listed = client.get("/api/v1/articles", params={"limit": 1}).json()["articles"][0]
    assert "text" not in listed and listed["id"] == stored.articles()[0].id


def test_search_pages_to_the_end(client):
    hits, pages = _all_pages(client, "/api/v1/search", "articles", q="Taliban", limit=2)
    assert len(hits) == 5 and pages == 3
    assert all(hit["snippet"] and hit["matches"] for hit in hits)


def test_counts_by_month_and_code(client, stored):
    months = client.get("/api/v1/counts", params={"by": "month", "actor": "AFGGOV"}).json()
    assert months == {"by": "month", "counts": stored.event_counts("month", actor="AFGGOV")}
    codes = client.get("/api/v1/counts", params={"by": "code", "source": "RUS"}).json()["counts"]
    assert [(row["cameo"], row["events"]) for row in codes] == [("043", 1), ("054", 1)]


def test_an_unknown_article_is_404(client):
    answer = client.get("/api/v1/articles/0123456789abcdef")
    assert answer.status_code == 404
    assert answer.json() == {"error": "no article 0123456789abcdef in this ledger"}


@pytest.mark.parametrize(
    ("path", "query", "named"),
    [
        ("/api/v1/events", {"since": "2025-7-1"}, "query parameter 'since'"),
        ("/api/v1/events", {"until": "2025-02-30"}, "query parameter 'until': 2025-02-30 is not a day"),
        ("/api/v1/events", {"counted": "perhaps"}, "query parameter 'counted'"),
        ("/api/v1/events", {"cameo": "05a"}, "query parameter 'cameo'"),
        ("/api/v1/events", {"source": "RUS GOV"}, "query parameter 'source'"),
        ("/api/v1/events", {"limit": "0"}, "query parameter 'limit'"),
        ("/api/v1/events", {"limit": "501"}, "query parameter 'limit'"),
        ("/api/v1/events", {"actr": "RUS"}, "query parameter 'actr': unknown parameter"),
        ("/api/v1/events", {"cursor": "garbage"}, "cursor 'garbage' is not a cursor of the events listing"),
        ("/api/v1/relations", {"kind": "friendship"}, "query parameter 'kind'"),
        ("/api/v1/relations", {"as_of": "yesterday"}, "query parameter 'as_of'"),
        ("/api/v1/quotes", {"speaker": ""}, "query parameter 'speaker'"),
        ("/api/v1/summary/AFG-GOV", {}, "path parameter 'government'"),
        ("/api/v1/search", {}, "query parameter 'q': Field required"),
        ("/api/v1/search", {"q": "?!"}, "has no word to look for"),
        ("/api/v1/counts", {"by": "year"}, "query parameter 'by'"),
        ("/api/v1/articles/not-an-id", {}, "path parameter 'article_id'"),
    ],
)
def test_every_malformed_parameter_is_a_422_naming_it(client, path, query, named):
    answer = client.get(path, params=query)
    assert answer.status_code == 422, answer.text
    assert named in answer.json()["error"]


def test_a_cursor_of_another_listing_is_a_422(client):
    cursor = client.get("/api/v1/quotes", params={"limit": 1}).json()["next"]
    answer = client.get("/api/v1/events", params={"cursor": cursor})
    assert answer.status_code == 422 and "not a cursor of the events listing" in answer.json()["error"]


def test_unknown_paths_and_methods(client):
    assert client.get("/api/v1/nothing").status_code == 404
    assert client.delete("/api/v1/events").status_code == 405
    assert client.get("/api/v1/nothing").json() == {"error": "Not Found"}


def test_openapi_documents_every_endpoint_and_docs_lists_them_without_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "<script" not in page.text and "cdn" not in page.text.lower()
    assert "<code>GET /api/v1/relations</code>" in page.text and "as_of" in page.text
    paths = set(client.get("/openapi.json").json()["paths"])
    expected = {"/api/v1/events", "/api/v1/quotes", "/api/v1/relations", "/api/v1/summary/{government}"}
    expected |= {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/search", "/api/v1/counts"}
    expected |= {"/api/v1/code"}
    assert expected <= paths
