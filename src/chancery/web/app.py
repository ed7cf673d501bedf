"""The web application: ``create_app(settings)`` builds it over one ledger, for a server or a test."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from chancery import __version__
from chancery.errors import ChanceryError, QueryError
from chancery.settings import Settings
from chancery.web import api, dashboard, docs
from chancery.web.security import BodyLimit

HERE = Path(__file__).parent


def create_app(settings: Settings, *, ledger: Any = None, pipeline: Any = None) -> FastAPI:
    """The API and dashboard over ``ledger`` (opened from ``settings.db`` when not given).

    ``pipeline`` codes the articles that writes send (built from the settings on the first
    write when not given, so a read-only server never loads the model).  A ledger opened here
    is opened as the CLI's queries open one: a missing ledger is a ``LedgerError`` (nothing is
    created) and one this process cannot write is read; it is closed when the application stops.
    """
    owned = ledger is None
    if owned:
        from chancery.ledger import open_ledger

        ledger = open_ledger(settings.db, date_window=settings.date_window, create=False)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            ledger.close()

    app = FastAPI(
        title="chancery",
        version=__version__,
        summary="An evidence-backed ledger of international relations: events, quotes and relation states.",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's would load Swagger UI from a CDN: see docs.py
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.ledger = ledger
    app.state.pipeline = pipeline
    app.state.coding = threading.Lock()  # one article coded at a time: the model is not shared across threads
    app.state.templates = Jinja2Templates(directory=HERE / "templates")  # autoescapes .html
    app.include_router(api.router)
    app.include_router(dashboard.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    _error_handlers(app)
    return app


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path.endswith(".json") or path.startswith("/static/"))


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None, **extra: Any):
    if _wants_html(request):
        page = request.app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
        page.headers.update(headers or {})
        return page
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [_problem(error) for error in exc.errors()]
        return _error(request, 422, "; ".join(problems), problems=problems)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(ChanceryError)
    async def unavailable(request: Request, exc: ChanceryError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), headers=exc.headers)


def _problem(error: dict[str, Any]) -> str:
    """One line naming the parameter: ``query parameter 'as_of': ...``."""
    place, *path = error.get("loc", ()) or ("request",)
    where = {"query": "query parameter", "path": "path parameter", "body": "body"}.get(str(place), str(place))
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where} {name!r}: {message}" if name else f"{where}: {message}"
