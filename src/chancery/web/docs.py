"""/docs: the OpenAPI description (/openapi.json) written out as a page, with no script or CDN asset.

FastAPI's own /docs loads Swagger UI from a CDN at run time, which this server never does; this
page reads the same OpenAPI document and lists every operation with its parameters.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of an OpenAPI document: method, path, summary and parameters, in path order."""
    found = []
    for path, methods in sorted(spec.get("paths", {}).items()):
        for method, operation in methods.items():
            parameters = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                    "pattern": _pattern(p.get("schema", {})),
                }
                for p in operation.get("parameters", [])
            ]
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "parameters": parameters,
                    "body": "requestBody" in operation,
                    "anchor": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                }
            )
    return found


def _pattern(schema: dict[str, Any]) -> str:
    """The constraint a parameter's schema puts on its value, in a few words."""
    choices = schema.get("anyOf", [schema])
    for choice in choices:
        if "pattern" in choice:
            return f"matches {choice['pattern']}"
        if "minimum" in choice or "maximum" in choice:
            low, high = choice.get("minimum", "…"), choice.get("maximum", "…")
            return f"{choice.get('type', 'number')} from {low} to {high}"
        if choice.get("type") not in (None, "null", "string"):
            return str(choice["type"])
    return ""


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    context = {"operations": operations(request.app.openapi()), "title": request.app.title}
    return request.app.state.templates.TemplateResponse(request, "docs.html", context)
