"""The server opens the ledger as the CLI's queries do (issue 15's rules): a missing ledger is one line
and nothing is created, a ledger it may only read serves every read and refuses every write, and an
article the ledger would refuse on either backend is a 422 naming why, with nothing stored."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from apps import TOKEN, settings
from fastapi.testclient import TestClient
from ledger_factory import coded
from only_reading import only_reading
from standing_records import ARTICLES

from chancery.errors import LedgerError
from chancery.ledger import open_ledger
from chancery.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_serving_a_missing_ledger_is_one_line_and_creates_nothing(tmp_path):
    missing = tmp_path / "mistyped.db"
    with pytest.raises(LedgerError, match=r"no ledger at .*mistyped.db \(nothing was created\)"):
        create_app(settings(db=f"sqlite:///{missing}"))
    done = subprocess.run(
        [sys.executable, "-m", "chancery", "serve", "--db", f"sqlite:///{missing}", "--port", "0"],
        env={"PATH": "/usr/bin:/bin", "CHANCERY_CONFIG": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("chancery: error: no ledger at ") and "`chancery ingest` creates one" in line
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_a_ledger_that_may_only_be_read_serves_reads_and_refuses_writes(stored, ledger_url, monkeypatch):
    url, schema_name = ledger_url
    expected = stored.relations(actor="AFGGOV", as_of="2025-08-01")
    with (
        only_reading(url, schema_name, monkeypatch) as reader_url,
        open_ledger(reader_url, schema=schema_name, create=False) as reader,
        TestClient(create_app(settings(api_token=TOKEN), ledger=reader)) as client,
    ):
        assert reader.read_only
        found = client.get("/api/v1/relations", params={"actor": "AFGGOV", "as_of": "2025-08-01"})
        assert found.status_code == 200 and found.json()["relations"] == [r.to_dict() for r in expected]
        assert client.get("/standing/AFGGOV", params={"as_of": "2025-08-01"}).status_code == 200
        assert client.get("/api/v1/search", params={"q": "Taliban"}).json()["articles"]
        refused = client.post("/api/v1/articles", json={"text": "Qatar recognised Kabul."}, headers=AUTH)
        assert refused.status_code == 403 and "read-only here" in refused.json()["error"]
    assert stored.counts()["articles"] == len(ARTICLES)


@pytest.fixture
def guarded(stored):
    """A client of an app with an API token and no model: an article must be refused before coding."""
    with TestClient(create_app(settings(api_token=TOKEN), ledger=stored)) as client:
        yield client


@pytest.mark.parametrize(
    ("refused", "says"),
    [
        ({"id": "x" * 10_000}, "articles.external_id is 10,000 characters, over the ledger's limit of 200"),
        ({"publisher": "P" * 201}, "articles.publisher is 201 characters, over the ledger's limit of 200"),
        ({"title": "A\u0000title"}, 'field "title"'),
        ({"text": "Envoys met \ud800 again."}, "surrogate"),
    ],
)
def test_an_article_the_ledger_would_refuse_is_422_naming_why_and_nothing_is_stored(
    guarded, stored, refused, says
):
    # The first article is fine: one refused article refuses the request, so neither is stored.
    body = [{"text": "Oslo recognised Palestine."}, {"text": "Envoys met again in Doha.", **refused}]
    sent = json.dumps(body)  # ASCII, escapes and all: a lone surrogate arrives as JSON can carry it
    headers = {**AUTH, "Content-Type": "application/json"}
    answer = guarded.post("/api/v1/articles", content=sent, headers=headers)
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error.startswith("body[1]: ") and says in error and error.endswith("nothing was stored")
    assert stored.counts()["articles"] == len(ARTICLES)


class _CodesALongSpeakerName:
    """A stand-in pipeline whose coding gives a quote with a speaker name over the ledger's limit:
    a value the ledger refuses that only coding reveals."""

    def __init__(self, settings):
        self.settings = settings

    def code_stream(self, items):
        for article in items:
            made = coded(article.text, quotes=({"text": article.text, "name": "N" * 300},))
            assert made.article.id == article.id
            yield article, replace(made, article=article)


def test_an_article_refused_after_coding_is_422_and_nothing_is_stored(stored):
    app = create_app(settings(api_token=TOKEN), ledger=stored, pipeline=_CodesALongSpeakerName(settings()))
    with TestClient(app) as client:
        answer = client.post("/api/v1/articles", json={"text": "Envoys met again in Doha."}, headers=AUTH)
    assert answer.status_code == 422, answer.text
    assert "quotes.speaker_name is 300 characters, over the ledger's limit of 200" in answer.json()["error"]
    assert answer.json()["articles"][0]["stored"] is False
    assert stored.counts()["articles"] == len(ARTICLES)
