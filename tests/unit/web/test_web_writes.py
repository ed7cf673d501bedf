"""Writes: the bearer token is checked first, a bad or oversized body stores nothing, and posting an
article stores it as ingest does, once."""

from __future__ import annotations

import pytest
from apps import TOKEN, settings
from fastapi.testclient import TestClient
from standing_records import ARTICLES

from chancery.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORY = {
    "text": "MOSCOW (Reuters) - Russia recognised the Taliban government on Thursday, its ministry said.",
    "title": "Russia recognises the Taliban",
    "date": "2025-07-03",
    "publisher": "Reuters",
}


@pytest.fixture
def writer(stored, pipeline):
    """A client of an app with an API token, limited to 4,000-byte bodies, coding with the real model."""
    app = create_app(settings(api_token=TOKEN, max_request_bytes=4000), ledger=stored, pipeline=pipeline)
    with TestClient(app) as client:
        yield client


@pytest.fixture
def guarded(stored):
    """A client of an app with an API token and no model: every write it accepts would fail to code."""
    with TestClient(create_app(settings(api_token=TOKEN, max_request_bytes=4000), ledger=stored)) as client:
        yield client


def _articles(ledger) -> int:
    return ledger.counts()["articles"]


@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/code"])
def test_without_a_token_set_on_the_server_writes_are_refused(client, stored, path):
    answer = client.post(path, json=STORY, headers=AUTH)
    assert answer.status_code == 403
    assert "start it with CHANCERY_API_TOKEN" in answer.json()["error"]
    assert _articles(stored) == len(ARTICLES)


@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/code"])
@pytest.mark.parametrize(
    ("headers", "status", "says"),
    [
        ({}, 401, "send the header 'Authorization: Bearer TOKEN'"),
        ({"Authorization": f"Basic {TOKEN}"}, 401, "send the header"),
        ({"Authorization": "Bearer "}, 401, "send the header"),
        ({"Authorization": "Bearer wrong-token"}, 403, "not this server's API token"),
        ({"Authorization": f"Bearer {TOKEN}x"}, 403, "not this server's API token"),
    ],
)
def test_a_missing_or_wrong_token_is_refused_before_the_body_is_read(
    guarded, stored, path, headers, status, says
):
    # The body is not even JSON: the token is checked first, so the answer is about the token.
    answer = guarded.post(path, content=b"{not json", headers={**headers, "Content-Type": "application/json"})
    assert answer.status_code == status and says in answer.json()["error"]
    if status == 401:
        assert answer.headers["www-authenticate"] == "Bearer"
    assert _articles(stored) == len(ARTICLES)


@pytest.mark.parametrize(
    ("body", "headers", "status", "says"),
    [
        (b"{not json", {}, 400, "the body is not JSON: Expecting property name"),
        (b"\xff\xfe", {}, 400, "not UTF-8"),
        (b"[]", {}, 422, "the body holds no article"),
        (b'{"title": "no text"}', {}, 422, 'body[0]: no "text" field'),
        (b'[{"text": "Fine."}, {"text": ""}]', {}, 422, 'body[1]: field "text" is empty; nothing was stored'),
        (b'{"text": "Dated badly.", "date": "yesterday"}', {}, 422, "body[0]: bad date 'yesterday'"),
        (b'{"text": "A number title.", "title": 7}', {}, 422, 'field "title" must be a string'),
        (b'"just a string"', {}, 422, "not a JSON object (found str)"),
        (b'{"text": "Plain."}', {"Content-Type": "text/plain"}, 415, "Content-Type: application/json"),
    ],
)
def test_a_malformed_body_is_refused_by_name_and_stores_nothing(guarded, stored, body, headers, status, says):
    sent = {"Content-Type": "application/json", **AUTH, **headers}
    answer = guarded.post("/api/v1/articles", content=body, headers=sent)
    assert answer.status_code == status, answer.text
    assert says in answer.json()["error"]
    assert _articles(stored) == len(ARTICLES)


def test_an_oversized_body_is_413_whether_declared_or_streamed_and_stores_nothing(guarded, stored):
    big = {"text": "Envoys met again. " * 400}  # about 7,000 bytes against a limit of 4,000
    answer = guarded.post("/api/v1/articles", json=big, headers=AUTH)
    assert (
        answer.status_code == 413 and "larger than this server accepts (4000 bytes)" in answer.json()["error"]
    )

    def chunks():  # no Content-Length: the size is only known by reading
        for _ in range(10):
            yield b" " * 500

    streamed = guarded.post(
        "/api/v1/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert _articles(stored) == len(ARTICLES)


def test_posting_an_article_stores_it_once_as_ingest_does(writer, stored, pipeline):
    first = writer.post("/api/v1/articles", json=STORY, headers=AUTH)
    assert first.status_code == 201, first.text
    [outcome] = first.json()["articles"]
    assert outcome["stored"] is True and outcome["already_stored"] is False
    assert first.json()["run"]["inputs"] == ["POST /api/v1/articles"] and first.json()["run"]["stored"] == 1
    coded = pipeline.code(stored.article(outcome["id"]))
    assert coded.events and {e.id for e in stored.events(article_id=outcome["id"])} == {
        e.id for e in coded.events
    }
    again = writer.post("/api/v1/articles", json=[STORY], headers=AUTH)
    assert again.status_code == 200
    assert again.json()["articles"][0] == {**outcome, "stored": False, "already_stored": True}
    assert _articles(stored) == len(ARTICLES) + 1


def test_code_returns_what_chancery_code_prints_and_stores_nothing(writer, stored, pipeline):
    answer = writer.post("/api/v1/code", json=[STORY, {**STORY, "date": "2025-07-04"}], headers=AUTH)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [a["date"] for a in body["articles"]] == ["2025-07-03", "2025-07-04"]
    recognitions = [e for e in body["articles"][0]["events"] if e["cameo"] == "054"]
    assert [(e["source"]["code"][:3], e["target"]["code"], e["counted"]) for e in recognitions] == [
        ("RUS", "AFGGOV", True)
    ]
    assert set(body["articles"][0]) == {"id", "title", "date", "publisher", "language", "events", "quotes"}
    assert _articles(stored) == len(ARTICLES)
