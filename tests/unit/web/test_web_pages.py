"""Dashboard pages: each renders from one ledger query, and its JSON twin returns that query's records."""

from __future__ import annotations

import re

import pytest
from apps import settings
from fastapi.testclient import TestClient
from standing_records import CHINA_HAS_NOT, RUSSIA_RECOGNISES, store_all

from chancery.web import create_app


@pytest.fixture
def stored(shared_stored):
    """The tests here read the standing ledger, stored once per backend for the module (each test
    still gets its own app), and fail if they changed it; the two that store an article of their
    own use ``own_client`` over a ledger of their own."""
    return shared_stored


@pytest.fixture
def own_stored(ledger):
    store_all(ledger)
    return ledger


@pytest.fixture
def own_client(own_stored):
    with TestClient(create_app(settings(), ledger=own_stored)) as test_client:
        yield test_client


def _text(html: str) -> str:
    """The page's visible text, roughly: tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/standing/AFGGOV?as_of=2025-08-01",
        "/network?as_of=2025-08-01",
        f"/articles/{CHINA_HAS_NOT.article.id}",
        "/actors/CHNGOV",
        "/search?q=Taliban",
    ],
)
def test_every_page_has_a_json_twin_and_links_to_it(client, path):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    route, _, query = path.partition("?")
    twin = ("/index" if route == "/" else route) + ".json" + (f"?{query}" if query else "")
    assert f'href="{twin.replace("&", "&amp;")}"' in page.text
    answer = client.get(twin)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"


def test_the_standing_page_and_its_twin_come_from_the_same_standing(client, stored):
    assert (
        client.get("/standing/AFGGOV.json?as_of=2025-08-01").json()
        == stored.standing("AFGGOV", "2025-08-01").to_dict()
    )
    text = _text(client.get("/standing/AFGGOV?as_of=2025-08-01").text)
    assert "AFGGOV is recognised by 1 state as of 2025-08-01 (RUS)" in text
    recognises = text.split("Recognises it")[1].split("Explicitly does not")[0]
    assert "RUSGOV" in recognises and "2025-07-03" in recognises
    assert RUSSIA_RECOGNISES.article.text.split(" Moscow")[0] in recognises
    early = _text(client.get("/standing/AFGGOV?as_of=2025-06-01").text)
    assert "recognised by 0 states" in early and "None on this date." in early.split("Explicitly")[0]


def test_evidence_links_open_the_article_with_the_event_selected(client):
    html = client.get("/standing/AFGGOV?as_of=2025-08-01").text
    event = RUSSIA_RECOGNISES.events[0]
    link = f"/articles/{event.article_id}?event={event.id}#selected"
    assert f'href="{link}"' in html
    article = client.get(link.split("#")[0]).text
    text = article.split('<article class="text">')[1].split("</article>")[0]
    selected = re.search(r'<span class="([^"]*selected[^"]*)"[^>]*>([^<]*)</span>', text)
    assert selected and "Russia" in selected.group(2)
    assert "054 Grant diplomatic recognition" in _text(article.split('id="selected"')[1])


def test_the_network_draws_a_node_per_party_and_an_arrow_per_state(client, stored):
    found = stored.relations(as_of="2025-08-01")
    html = client.get("/network?as_of=2025-08-01").text
    assert html.count('class="edge ') == len(found)
    nodes = re.findall(r'<a href="/actors/(\w+)" class="node">', html)
    assert nodes == ["AFG", "ARM", "CHN", "PAK", "PSE", "RUS"]
    assert all(f'id="rel-{i}"' in html for i in range(len(found)))


def test_the_actor_page_counts_its_events_and_lists_its_peoples_quotes(client):
    text = _text(client.get("/actors/CHNGOV").text)
    assert "Afghanistan should not be isolated," in text and "Mao Ning" in text
    body = client.get("/actors/CHNGOV.json").json()
    assert body["by_code"] == [{"cameo": "043", "cameo_name": "Host a visit", "events": 1}]
    assert len(body["events"]) == 3 and body["next"] is None


def test_text_from_the_ledger_is_escaped(own_client, own_stored):
    from ledger_factory import coded

    own_stored.store(coded("<script>alert(1)</script> Kabul hosted envoys.", title="<b>Bold</b> title"))
    page = own_client.get("/").text
    assert "<b>Bold</b>" not in page and "&lt;b&gt;Bold&lt;/b&gt;" in page


def test_the_article_page_and_api_name_the_language_it_was_found_in(own_client, own_stored):
    from dataclasses import replace

    from ledger_factory import coded

    french = coded("La Russie a reconnu le gouvernement des talibans.", date="2025-07-04")
    french = replace(french, article=replace(french.article, language="fr"))
    own_stored.store(french)
    page = _text(own_client.get(f"/articles/{french.article.id}").text)
    assert "written in French (fr)" in page and "No event was coded in this article. chancery codes" in page
    assert own_client.get(f"/api/v1/articles/{french.article.id}").json()["article"]["language"] == "fr"
    english = _text(own_client.get(f"/articles/{CHINA_HAS_NOT.article.id}").text)
    assert "written in" not in english  # its language was not recorded: nothing is claimed


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/articles/0123456789abcdef", 404, "no article 0123456789abcdef"),
        (f"/articles/{CHINA_HAS_NOT.article.id}?event=nosuchevent", 404, "has no event nosuchevent"),
        ("/standing/AFGGOV?as_of=2025-02-30", 422, "2025-02-30 is not a day of the calendar"),
        ("/network?colour=red", 422, "unknown parameter"),
        ("/no/such/page", 404, "Not Found"),
    ],
)
def test_errors_on_pages_are_pages_saying_what_is_wrong(client, path, status, says):
    answer = client.get(path)
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html") and says in answer.text


def test_a_network_too_large_to_draw_goes_on_over_further_pages(client, stored, monkeypatch):
    from chancery.web import dashboard

    monkeypatch.setattr(dashboard, "NETWORK_EDGES", 2)
    drawn, path = 0, "/network?as_of=2025-08-01"
    while path:
        html = client.get(path).text
        drawn += html.count('class="edge ')
        found = re.search(r'<a href="([^"]+)" rel="next">', html)
        path = found.group(1).replace("&amp;", "&") if found else None
    assert drawn == len(stored.relations(as_of="2025-08-01")) > 2
