"""The JSON API under /api/v1: thin shells over ledger queries, records as the output contract has them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from chancery.ledger.counts import GROUPINGS
from chancery.web import params, writes
from chancery.web.params import (
    ActorCode,
    ArticleId,
    AsOf,
    Cameo,
    Counted,
    Cursor,
    Kind,
    Limit,
    Object,
    Since,
    Source,
    Speaker,
    Subject,
    Target,
    Until,
)

router = APIRouter(prefix="/api/v1", dependencies=[Depends(params.refuse_unknown_parameters)])


def ledger(request: Request) -> Any:
    return request.app.state.ledger


def _page(name: str, page: Any) -> dict[str, Any]:
    return {name: [item.to_dict() for item in page.items], "next": page.next}


@router.get("/events", summary="Stored events, with the CLI's filters, a page at a time")
def events(
    request: Request,
    source: Source = None,
    target: Target = None,
    actor: ActorCode = None,
    cameo: Cameo = None,
    since: Since = None,
    until: Until = None,
    counted: Counted = None,
    article_id: ArticleId = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = ledger(request).events_page(
        source=source,
        target=target,
        actor=actor,
        cameo=cameo,
        since=since,
        until=until,
        counted=counted,
        article_id=article_id,
        limit=limit,
        cursor=cursor,
    )
    return _page("events", page)


@router.get("/quotes", summary="Stored quotes with their speakers, a page at a time")
def quotes(
    request: Request,
    speaker: Speaker = None,
    actor: ActorCode = None,
    article_id: ArticleId = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = ledger(request).quotes_page(
        speaker=speaker, actor=actor, article_id=article_id, limit=limit, cursor=cursor
    )
    return _page("quotes", page)


@router.get("/relations", summary="Relation states with their evidence, as of a date, a page at a time")
def relations(
    request: Request,
    actor: ActorCode = None,
    subject: Subject = None,
    object: Object = None,
    kind: Kind = None,
    as_of: AsOf = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    page = ledger(request).relations_page(
        actor=actor, subject=subject, object=object, kind=kind, as_of=as_of, limit=limit, cursor=cursor
    )
    return _page("relations", page)


@router.get("/summary/{government}", summary="Who recognises a government as of a date, on what evidence")
def summary(
    request: Request,
    government: Annotated[str, Path(pattern=f"^{params.CODE_PATH}$", description="e.g. AFGGOV")],
    as_of: AsOf = None,
) -> dict[str, Any]:
    return ledger(request).recognition_summary(government, as_of)


@router.get("/articles", summary="Stored articles (without their text), by date, a page at a time")
def articles(request: Request, limit: Limit = 50, cursor: Cursor = None) -> dict[str, Any]:
    page = ledger(request).articles_page(limit=limit, cursor=cursor)
    return {"articles": [writes.article_summary(a) for a in page.items], "next": page.next}


@router.get(
    "/articles/{article_id}", summary="An article's text with every span: sentences, actors, quotes, events"
)
def article(
    request: Request, article_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")]
) -> dict[str, Any]:
    found = ledger(request).article_spans(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id} in this ledger")
    return found.to_dict()


@router.get("/search", summary="Articles matching every word, best first, with a marked snippet")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    return _page("articles", ledger(request).search(q, limit=limit, cursor=cursor))


@router.get("/counts", summary="Counted events per month, CAMEO code or root code")
def counts(
    request: Request,
    by: Annotated[str, Query(pattern="^(" + "|".join(GROUPINGS) + ")$", description="month, code or root")],
    source: Source = None,
    target: Target = None,
    actor: ActorCode = None,
    cameo: Cameo = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    found = ledger(request).event_counts(
        by, source=source, target=target, actor=actor, cameo=cameo, since=since, until=until
    )
    return {"by": by, "counts": found}


router.include_router(writes.router)
