"""The dashboard in a real browser, over the examples: the Taliban government's standing, evidence one
click away, the network, keyboard use, phone width; nothing fetched from outside, no console error."""

from __future__ import annotations

import json
import urllib.request

import pytest
from watching import Watch, new_page

pytestmark = pytest.mark.browser

RUSSIA_SINCE = "2025-07-03"


def _json(server, path):
    with urllib.request.urlopen(server + path, timeout=10) as answer:
        return json.load(answer)


def _recognisers(page):
    """(state code, since, evidence sentences) of each row of the 'Recognises it' table."""
    rows = page.locator("section[aria-labelledby=recognised] tbody tr")
    found = []
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td")
        if cells.count() < 3:
            found.append(("none", rows.nth(index).inner_text().strip(), []))
            continue
        evidence = cells.nth(2).locator("ul.evidence a").all_inner_texts()
        found.append((cells.nth(0).locator("a").inner_text(), cells.nth(1).inner_text(), evidence))
    return found


def test_as_of_august_2025_russia_recognises_the_taliban_government_since_july_3(page, server):
    page.goto(f"{server}/standing/AFGGOV?as_of=2025-08-01")
    assert "recognised by 1 state as of 2025-08-01 (RUS)" in page.locator("#summary").inner_text()
    [(who, since, evidence)] = _recognisers(page)
    assert (who, since) == ("RUS", RUSSIA_SINCE)
    # The evidence is the examples' own sentence saying Russia recognised the Taliban government.
    assert any("Russia" in sentence and "recognise" in sentence for sentence in evidence)
    api = _json(server, "/api/v1/summary/AFGGOV?as_of=2025-08-01")["recognized_by"][0]
    assert evidence == [item["text"] for item in api["evidence"]]


def test_as_of_june_2025_no_state_recognises_it_picked_with_the_date_field(page, server):
    page.goto(f"{server}/standing/AFGGOV?as_of=2025-08-01")
    page.fill("#as_of", "2025-06-01")
    page.press("#as_of", "Enter")  # the form submits from the keyboard
    page.wait_for_url("**as_of=2025-06-01")
    assert "recognised by 0 states as of 2025-06-01" in page.locator("#summary").inner_text()
    assert _recognisers(page) == [("none", "None on this date.", [])]


def test_clicking_a_relations_evidence_opens_the_article_with_it_highlighted(page, server):
    page.goto(f"{server}/standing/AFGGOV?as_of=2025-08-01")
    link = page.locator("section[aria-labelledby=recognised] ul.evidence a").first
    sentence = link.inner_text()
    link.click()
    page.wait_for_url("**/articles/**event=**")
    highlighted = "".join(page.locator("article.text .selected").all_text_contents())
    assert " ".join(highlighted.split()) == " ".join(sentence.split())
    assert page.locator("#selected").is_visible()
    assert "054 Grant diplomatic recognition" in page.locator("#selected").inner_text()


def test_the_network_draws_every_party_and_an_edge_opens_its_evidence(page, server):
    page.goto(f"{server}/network?as_of=2025-08-01")
    relations = _json(server, "/network.json?as_of=2025-08-01")["relations"]
    nodes = set(page.locator("svg.network a.node text").all_text_contents())
    assert {"AFG", "RUS", "CHN", "PAK", "PSE"} <= nodes
    assert page.locator("svg.network a.edge").count() == len(relations)
    # Click where a reader would: on the line itself, halfway along it.
    x, y = page.evaluate("""() => {
        const line = document.querySelector('svg.network a.edge path');
        line.scrollIntoView();
        const middle = line.getPointAtLength(line.getTotalLength() / 2).matrixTransform(line.getScreenCTM());
        return [middle.x, middle.y]; }""")
    page.mouse.click(x, y)
    page.wait_for_url("**#rel-0")
    assert page.url.endswith("#rel-0")
    row = page.locator("tr#rel-0")
    assert row.is_visible() and row.locator("ul.evidence a").count() >= 1


def test_the_standing_page_is_usable_by_keyboard(page, server):
    page.goto(f"{server}/standing/AFGGOV?as_of=2025-08-01")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(40):  # on through the header and the form to the first evidence link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('ul.evidence') !== null"):
            break
    else:
        raise AssertionError("no evidence link was reached by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/**event=**")


def test_pages_are_readable_at_phone_width(phone, server):
    for path in ("/", "/standing/AFGGOV?as_of=2025-08-01", "/network?as_of=2025-08-01", "/actors/RUS"):
        phone.goto(server + path)
        # Nothing wider than the screen but the tables and charts, which scroll in their own box.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 391, path
        assert phone.locator("h1").is_visible()


def test_every_kind_of_page_loads_without_error(page, server):
    article = _json(server, "/api/v1/articles?limit=1")["articles"][0]["id"]
    for path in ("/", f"/articles/{article}", "/actors/CHN", "/search?q=recognise+Taliban", "/docs"):
        answer = page.goto(server + path)
        assert answer.status == 200, path
        assert page.locator("h1").count() == 1


def test_the_watch_counts_requests_to_other_hosts(browser, server):
    # The check the other tests rely on, shown to catch: a page asking for another host's image.
    watch = Watch()
    context, opened = new_page(browser, watch)
    opened.goto(f"{server}/")
    opened.evaluate("""() => new Promise(done => {
        const image = new Image(); image.onerror = done; image.onload = done;
        image.src = 'http://assets.example.invalid/logo.png'; })""")
    context.close()
    assert watch.outside == ["http://assets.example.invalid/logo.png"]
