"""Query parameters shared by the API and the pages: the CLI's filters, each checked where it enters.

A parameter that is malformed, or not one the route takes (a misspelt filter would otherwise
be ignored and return everything), is refused with 422 naming the parameter.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator

from chancery.records import RELATION_KINDS

MAX_LIMIT = 500


def _calendar_day(value: str | None) -> str | None:
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a day of the calendar") from None
    return value


_DAY = r"^\d{4}-\d{2}-\d{2}$"
_CODE = r"^[A-Za-z0-9]{1,20}$"
CODE_PATH = "[A-Za-z0-9]{1,20}"  # an actor code in a path

Since = Annotated[
    str | None, Query(pattern=_DAY, description="Earliest date, YYYY-MM-DD."), AfterValidator(_calendar_day)
]
Until = Annotated[
    str | None, Query(pattern=_DAY, description="Latest date, YYYY-MM-DD."), AfterValidator(_calendar_day)
]
AsOf = Annotated[
    str | None,
    Query(pattern=_DAY, description="Only states valid on this date, YYYY-MM-DD."),
    AfterValidator(_calendar_day),
]
Source = Annotated[str | None, Query(pattern=_CODE, description="Source actor code prefix, e.g. CHN.")]
Target = Annotated[str | None, Query(pattern=_CODE, description="Target actor code prefix, e.g. AFG.")]
ActorCode = Annotated[
    str | None,
    Query(pattern=_CODE, description="Actor code prefix, as source or target (subject or object)."),
]
Subject = Annotated[str | None, Query(pattern=_CODE, description="Subject actor code prefix.")]
Object = Annotated[str | None, Query(pattern=_CODE, description="Object actor code prefix.")]
Cameo = Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix, e.g. 05 or 054.")]
Counted = Annotated[bool | None, Query(description="true: only counted events; false: only uncounted.")]
Kind = Annotated[
    str | None,
    Query(
        pattern="^(" + "|".join(RELATION_KINDS) + ")$",
        description="Relation kind: " + ", ".join(RELATION_KINDS),
    ),
]
Speaker = Annotated[
    str | None, Query(min_length=1, max_length=200, description="Part of the speaker's name.")
]
ArticleId = Annotated[str | None, Query(pattern=r"^[0-9a-f]{1,64}$", description="Only this article's.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1 to {MAX_LIMIT}).")]
Cursor = Annotated[str | None, Query(max_length=2000, description="The 'next' value of the previous page.")]


def refuse_unknown_parameters(request: Request) -> None:
    """A dependency: 422 for a query parameter the route does not take."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": f"unknown parameter; this one takes: {', '.join(sorted(known)) or 'none'}",
                    "type": "unknown_parameter",
                }
                for name in unknown
            ]
        )


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route takes, its dependencies' included."""
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names
