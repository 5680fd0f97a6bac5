"""What every route takes: the store, the caller's role from the bearer token, paging, the
incident filters, the refusal of unknown query parameters, and the write lock; and how a
page of results and a record are put into JSON."""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from ..store import IncidentFilter, Store
from ..users import WRITE_ROLES, User, user_for_token

API = "/api/v1"


# Dependencies are ``async`` because FastAPI runs a plain ``def`` dependency in the thread pool:
# five of them per request cost more than the indexed query itself. Only the token lookup
# touches the database, and it goes to the pool.


async def store_of(request: Request) -> Store:
    return request.app.state.store


def settings_of(request: Request):  # noqa: ANN201 - the app's ApiSettings
    return request.app.state.settings


async def _token_user(request: Request) -> User | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        return None
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "the Authorization header must be 'Bearer <token>'")
    user = await run_in_threadpool(user_for_token, request.app.state.store, token.strip())
    if user is None:
        raise HTTPException(401, "unknown or revoked token")
    return user


async def reader(request: Request) -> User | None:
    user = await _token_user(request)
    if user is None and settings_of(request).read_requires_token:
        raise HTTPException(401, "this server requires a token to read; "
                                 "send 'Authorization: Bearer <token>'")
    return user


async def _with_role(request: Request, doing: str, roles: frozenset[str]) -> User:
    """The caller, when a token names a user with one of ``roles``; else 401 or 403 saying
    what the request was for and how to get the right token."""
    user = await _token_user(request)
    if user is None:
        raise HTTPException(401, f"{doing} needs a token: send 'Authorization: Bearer <token>' "
                                 "(an admin creates one with 'strikewatch user add')")
    if user.role not in roles:
        raise HTTPException(403, f"user {user.name!r} has role {user.role!r}; "
                                 f"{doing} needs the {' or '.join(sorted(roles))} role")
    return user


async def writer(request: Request) -> User:
    return await _with_role(request, "writing", WRITE_ROLES)


async def watchlist_reader(request: Request) -> User:
    """Watch-lists hold webhook addresses, which may carry a secret: analysts only."""
    return await _with_role(request, "reading watch-lists", WRITE_ROLES)


async def admin(request: Request) -> User:
    return await _with_role(request, "managing users", frozenset({"admin"}))


def known_params(*names: str):
    """A query parameter the endpoint does not know is an error, not silently ignored: a
    misspelt filter would otherwise return everything and look like an answer."""
    allowed = frozenset(names)

    async def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise HTTPException(400, f"unknown parameter {', '.join(map(repr, unknown))}; "
                                     f"this endpoint takes: {', '.join(sorted(allowed)) or 'none'}")

    return Depends(check)


MAX_OFFSET = 1_000_000_000  # beyond any store; larger ones overflow a database's integers


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


async def page(request: Request, limit: int = Query(50, description="items per page"),
         offset: int = Query(0, description="items to skip")) -> Page:
    cap = settings_of(request).max_page_size
    if not 1 <= limit <= cap:
        raise HTTPException(400, f"limit must be between 1 and {cap}")
    if not 0 <= offset <= MAX_OFFSET:
        raise HTTPException(400, f"offset must be between 0 and {MAX_OFFSET}")
    return Page(limit, offset)


def paged(total: int, items: list[dict], p: Page) -> dict:
    following = p.offset + len(items)
    return {"total": total, "limit": p.limit, "offset": p.offset, "items": items,
            "next_offset": following if following < total else None}


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise HTTPException(400, "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat"
                            ) from None
    return west, south, east, north


INCIDENT_FILTERS = ("start", "end", "country", "region", "attacker", "target", "grade", "bbox",
                    "reviewed", "event_type")


async def incident_filter(
    start: Annotated[date | None, Query(description="first day (YYYY-MM-DD)")] = None,
    end: Annotated[date | None, Query(description="last day (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 of where")] = None,
    region: Annotated[str | None, Query(description="province/governorate (admin1)")] = None,
    attacker: Annotated[str | None, Query(description="ISO alpha-2 of a state's forces, "
                                                      "or a non-state force's name")] = None,
    target: Annotated[str | None, Query(description="target category")] = None,
    grade: Annotated[str | None, Query(description="grade, or grades separated by commas")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    reviewed: Annotated[bool | None, Query(description="touched by an analyst or not")] = None,
    event_type: Annotated[str | None, Query(description="air | shelling | unknown")] = None,
) -> IncidentFilter:
    grades = tuple(g.strip() for g in grade.split(",") if g.strip()) if grade else ()
    f = IncidentFilter(start=start, end=end, country=country, region=region, attacker=attacker,
                       target=target, grades=grades, bbox=_bbox(bbox), reviewed=reviewed,
                       event_type=event_type)
    problems = f.problems()
    if problems:
        raise HTTPException(400, "; ".join(problems))
    return f


async def write_lock_of(request: Request) -> threading.Lock:
    """One pipeline run or review at a time, whatever route starts it."""
    return request.app.state.write_lock


# Route parameters: module-level so that FastAPI can resolve them under postponed annotations.
Read = Annotated[User | None, Depends(reader)]
Write = Annotated[User, Depends(writer)]
WatchlistRead = Annotated[User, Depends(watchlist_reader)]
Admin = Annotated[User, Depends(admin)]
Db = Annotated[Store, Depends(store_of)]
Paging = Annotated[Page, Depends(page)]
Filter = Annotated[IncidentFilter, Depends(incident_filter)]
WriteLock = Annotated[threading.Lock, Depends(write_lock_of)]


def plain(value: Any) -> Any:
    """Records (dataclasses, Counters, tuples, dates) as JSON values. ``dataclasses.asdict``
    cannot be used: it rebuilds a Counter from its items, which counts the pairs."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k.isoformat() if isinstance(k, date) else k): plain(v)
                for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
