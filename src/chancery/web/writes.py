"""The API's writes: store articles as ``chancery ingest`` does, or code them without storing.

Both need the bearer token, which is checked before the body is read.  The body is one article
or a list of them with the JSONL fields; if any of them is malformed, or (for storing) holds a
value the ledger would refuse (the limits ``chancery ingest`` applies on either backend), the whole
request is refused with 422 naming each problem, and nothing is stored.  A ledger this server may
not write (a read-only file) refuses every store with 403, before the body is read.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from chancery.ingest import read_record
from chancery.records import Article, CodedArticle, InputProblem
from chancery.web.security import require_token

router = APIRouter(dependencies=[Depends(require_token)])
WHERE = "POST /api/v1/articles"


class ArticleIn(BaseModel):
    """One article, with the fields of a JSONL input line; only ``text`` is required."""

    text: str = Field(description="The article text.")
    title: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD or an ISO 8601 timestamp.")
    url: str | None = None
    publisher: str | None = None
    id: str | int | None = Field(None, description="Your own id, kept for traceability.")


_ONE = ArticleIn.model_json_schema()
_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"oneOf": [_ONE, {"type": "array", "items": _ONE}]}}},
    }
}


def article_summary(article: Article) -> dict[str, Any]:
    """An article as listings show it: what identifies it, without its text."""
    row = article.to_dict()
    del row["text"]
    return row


async def _articles(request: Request, *, storing: bool = False) -> list[Article]:
    """The articles of the request body, every one valid (and, ``storing``, storable), or an HTTP
    error saying what is wrong."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the articles as JSON, with 'Content-Type: application/json'")
    raw = await request.body()
    try:
        decoded = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the body is not UTF-8 text (invalid byte at {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise HTTPException(
            400, f"the body is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    records = decoded if isinstance(decoded, list) else [decoded]
    if not records:
        raise HTTPException(422, "the body holds no article; send one object or a list of them")
    settings = request.app.state.settings
    read = [
        read_record(
            record,
            f"body[{index}]",
            max_chars=settings.max_chars,
            default_date=settings.date,
            max_line_chars=settings.max_line_chars,
        )
        for index, record in enumerate(records)
    ]
    if storing:  # a value the ledger refuses on either backend, refused before any coding
        ledger = request.app.state.ledger
        read = [
            InputProblem(item.source or item.id, reason)
            if isinstance(item, Article) and (reason := ledger.refusal(item))
            else item
            for item in read
        ]
    problems = [str(item) for item in read if isinstance(item, InputProblem)]
    if problems:
        raise HTTPException(422, "; ".join(problems) + "; nothing was stored")
    return [item for item in read if isinstance(item, Article)]


def _pipeline(request: Request) -> Any:
    state = request.app.state
    if state.pipeline is None:
        from chancery.pipeline import Pipeline

        # In-process coding: a web server thread starts no worker processes.
        state.pipeline = Pipeline.from_settings(state.settings.with_values({"workers": 1}))
    return state.pipeline


@router.post(
    "/articles",
    summary="Store articles as ingest does (needs the API token); storing one again changes nothing",
    status_code=201,
    openapi_extra=_BODY,
    responses={
        200: {"description": "Every article was already stored"},
        403: {"description": "No API token on the server, a wrong token, or a ledger read-only here"},
        422: {"description": "An article is malformed or holds a value the ledger refuses; nothing stored"},
    },
)
async def store_articles(request: Request) -> JSONResponse:
    ledger = request.app.state.ledger
    if ledger.read_only:
        raise HTTPException(
            403, f"the ledger at {ledger.url} is read-only here: this server serves reads only"
        )
    articles = await _articles(request, storing=True)
    return await run_in_threadpool(_store, request, articles)


def _store(request: Request, articles: list[Article]) -> JSONResponse:
    from chancery.pipeline import ingest_items

    state = request.app.state
    with state.coding:
        pipeline = _pipeline(request)
        known = {a.id for a in articles if state.ledger.article(a.id) is not None}
        report = ingest_items(pipeline, state.ledger, articles, inputs=[WHERE])
    failed = {problem.source for problem in report.problems}
    outcomes = [
        {
            "id": article.id,
            "title": article.title,
            "stored": article.id not in known and (article.source or article.id) not in failed,
            "already_stored": article.id in known,
        }
        for article in articles
    ]
    problems = [str(p) for p in report.problems]
    body = {
        "articles": outcomes,
        "problems": problems,
        "notes": [str(n) for n in report.notes],  # an article kept without coding, say
        "run": report.run.to_dict(),
    }
    if report.run.stored:
        return JSONResponse(body, status_code=201)
    if problems:  # refused after coding (a value of its events or quotes): nothing was stored
        return JSONResponse({"error": "; ".join(problems) + "; nothing was stored", **body}, status_code=422)
    return JSONResponse(body, status_code=200)


@router.post(
    "/code",
    summary="Code articles without storing them (needs the API token): events and quotes, as chancery code",
    openapi_extra=_BODY,
)
async def code(request: Request) -> dict[str, Any]:
    articles = await _articles(request)
    return await run_in_threadpool(_code, request, articles)


def _code(request: Request, articles: list[Article]) -> dict[str, Any]:
    with request.app.state.coding:
        results = _pipeline(request).code_batch(articles)
    coded = [r.summary() for r in results if isinstance(r, CodedArticle)]
    return {"articles": coded, "problems": [str(r) for r in results if isinstance(r, InputProblem)]}
