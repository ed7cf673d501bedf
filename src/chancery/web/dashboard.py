"""The dashboard's pages, each with a JSON twin (``PATH.json``) built from the same ledger query.

A page function returns a ``Shown``: ``data``, the records the query gave (the twin's body), and
``context``, what the template writes out (built by ``views`` from the same records).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from chancery.records import RELATION_KINDS
from chancery.web import params, views
from chancery.web.params import AsOf, Cursor, Kind
from chancery.web.writes import article_summary

router = APIRouter(dependencies=[Depends(params.refuse_unknown_parameters)])
CodePath = Annotated[str, Path(pattern=f"^{params.CODE_PATH}$", description="An actor code, e.g. AFGGOV")]
NETWORK_EDGES = 300  # more arrows than this are not readable on one circle: the rest on further pages


@dataclass(frozen=True)
class Shown:
    """A page's records (its JSON twin) and the template's context built from them."""

    data: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)


def twin(path: str, template: str) -> Callable[[Callable[..., Shown]], Callable[..., Shown]]:
    """Register a page function at ``path`` (HTML, rendered with ``template``) and ``path.json``."""

    def register(page: Callable[..., Shown]) -> Callable[..., Shown]:
        @functools.wraps(page)
        def as_html(*args: Any, **kwargs: Any) -> HTMLResponse:
            request: Request = kwargs["request"]
            shown = page(*args, **kwargs)
            query = f"?{request.url.query}" if request.url.query else ""
            json_path = "/index.json" if request.url.path == "/" else f"{request.url.path}.json"
            context = {**shown.context, "json_href": json_path + query}
            return request.app.state.templates.TemplateResponse(request, template, context)

        @functools.wraps(page)
        def as_json(*args: Any, **kwargs: Any) -> dict[str, Any]:
            return page(*args, **kwargs).data

        name = page.__name__
        router.add_api_route(f"{path}.json" if path != "/" else "/index.json", as_json, name=f"{name}_json",
                             response_model=None, summary=f"The {name} page's records")  # fmt: skip
        router.add_api_route(path, as_html, name=name, response_model=None, response_class=HTMLResponse,
                             include_in_schema=False)  # fmt: skip
        return page

    return register


def _ledger(request: Request) -> Any:
    return request.app.state.ledger


@twin("/", "index.html")
def index(request: Request, cursor: Cursor = None) -> Shown:
    page = _ledger(request).articles_page(limit=50, cursor=cursor)
    articles = [article_summary(a) for a in page.items]
    governments = sorted({r.object.code for r in _ledger(request).relations(kind="recognition")})
    rows = [{**a, "href": views.article_href(a["id"])} for a in articles]
    next_href = f"/?cursor={page.next}" if page.next else None
    return Shown(
        {"articles": articles, "next": page.next, "governments": governments},
        {"articles": rows, "next_href": next_href, "governments": governments},
    )


@twin("/standing/{code}", "standing.html")
def standing(request: Request, code: CodePath, as_of: AsOf = None) -> Shown:
    found = _ledger(request).standing(code, as_of)
    recognition = found.recognition
    context = {
        "government": found.government,
        "as_of": as_of or "",
        "summary": recognition["summary"],
        "recognized": views.recognition_rows(recognition["recognized_by"]),
        "not_recognized": views.recognition_rows(recognition["not_recognized_by"]),
        "withdrawn": views.recognition_rows(recognition["withdrawn_by"]),
        "hosts_its_envoys": [views.relation_row(r) for r in found.hosts_its_envoys],
        "envoys_it_hosts": [views.relation_row(r, party_role="object") for r in found.envoys_it_hosts],
        "conditions": [views.relation_row(r) for r in found.conditions],
        "chart": views.timeline_chart(found.timeline, as_of),
        "network_href": f"/network?actor={found.government}" + (f"&as_of={as_of}" if as_of else ""),
    }
    return Shown(found.to_dict(), context)


@twin("/network", "network.html")
def network(
    request: Request,
    as_of: AsOf = None,
    kind: Kind = None,
    actor: params.ActorCode = None,
    cursor: Cursor = None,
) -> Shown:
    page = _ledger(request).relations_page(
        as_of=as_of, kind=kind, actor=actor, limit=NETWORK_EDGES, cursor=cursor
    )
    found = list(page.items)
    more = {"as_of": as_of, "kind": kind, "actor": actor, "cursor": page.next}
    context = {
        **views.network(found),
        "as_of": as_of or "",
        "kind": kind or "",
        "actor": actor or "",
        "shown": len(found),
        "kind_options": [{"value": k, "selected": k == kind} for k in RELATION_KINDS],
        "next_href": f"/network?{urlencode({k: v for k, v in more.items() if v})}" if page.next else None,
    }
    return Shown({"as_of": as_of, "relations": [r.to_dict() for r in found], "next": page.next}, context)


@twin("/articles/{article_id}", "article.html")
def article(
    request: Request,
    article_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")],
    event: Annotated[
        str | None, Query(pattern=r"^[0-9A-Za-z_-]{1,64}$", description="The selected event")
    ] = None,
) -> Shown:
    spans = _ledger(request).article_spans(article_id)
    if spans is None:
        raise HTTPException(404, f"no article {article_id} in this ledger")
    selected = next((e for e in spans.events if e.id == event), None)
    if event is not None and selected is None:
        raise HTTPException(404, f"article {article_id} has no event {event}")
    context = {
        "article": spans.article.to_dict(),
        "language": views.language_label(spans.article.language),
        "english": spans.article.language in (None, "en"),
        "text": views.article_text(spans, selected),
        "events": [views.event_row(e, event) for e in spans.events],
        "selected": views.event_details(selected) if selected else None,
        "quotes": [{**views.quote_row(q), "id": q.id} for q in spans.quotes],
    }
    return Shown(spans.to_dict(), context)


@twin("/actors/{code}", "actor.html")
def actor(request: Request, code: CodePath, cursor: Cursor = None) -> Shown:
    ledger = _ledger(request)
    by_month = ledger.event_counts("month", actor=code)
    by_code = ledger.event_counts("code", actor=code)
    events = ledger.events_page(actor=code, limit=50, cursor=cursor)
    quotes = ledger.quotes_page(actor=code, limit=50)
    data = {
        "actor": code.upper(),
        "by_month": by_month,
        "by_code": by_code,
        "events": [e.to_dict() for e in events.items],
        "next": events.next,
        "quotes": [q.to_dict() for q in quotes.items],
    }
    context = {
        "actor": code.upper(),
        "chart": views.columns(by_month, "month", f"Counted events of {code.upper()} by month"),
        "by_code": by_code,
        "events": [views.event_row(e) for e in events.items],
        "next_href": f"/actors/{code}?cursor={events.next}" if events.next else None,
        "quotes": [views.quote_row(q) for q in quotes.items],
        "standing_href": f"/standing/{code.upper()}",
    }
    return Shown(data, context)


@twin("/search", "search.html")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
    cursor: Cursor = None,
) -> Shown:
    page = _ledger(request).search(q, limit=20, cursor=cursor)
    hits = []
    for hit in page.items:
        cuts = [0, *(n for match in hit.matches for n in match), len(hit.snippet)]
        # Alternate unmarked and marked stretches of the snippet, starting unmarked.
        parts = [
            {"text": hit.snippet[a:b], "marked": index % 2 == 1}
            for index, (a, b) in enumerate(itertools.pairwise(cuts))
        ]
        hits.append({**hit.to_dict(), "href": views.article_href(hit.id), "parts": parts})
    next_href = f"/search?{urlencode({'q': q, 'cursor': page.next})}" if page.next else None
    return Shown(
        {"articles": [h.to_dict() for h in page.items], "next": page.next},
        {"q": q, "hits": hits, "next_href": next_href},
    )
