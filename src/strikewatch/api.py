"""The web application: the REST API under ``/api/v1`` and the analysts' pages, over one store.

Analysts share one database; this app is how they read it together and how their reviews
reach it with their names on them. Routes only parse and check input, call the stage
functions (``pipeline``, ``fuse``, ``review``, ``brief``, ``export``), the store's incident
queries (``Store.incident_page``) or the other paged queries of ``web.queries``, and turn named
errors into JSON errors. Nothing here decides what an event is.

Access: reads are open unless ``read_requires_token`` (``strikewatch serve`` insists on it off
loopback unless ``--public-read``); every write (ingest, review) needs a bearer token of an
analyst or admin (``strikewatch user add``), and the review audit log records that user's name,
never a name the client sends. Errors are always ``{"error": "<one line>"}`` with a status
code; a stack trace never reaches a client.

The pages are static files (``web/pages``, ``web/static``) that call the API; Leaflet, the
boundaries and the API docs' Swagger UI and ReDoc are bundled, so the app needs no network at
all. Every response carries a Content-Security-Policy and the anti-framing, no-sniffing and
no-referrer headers; every request body is capped before it is read.
"""

from __future__ import annotations

import ipaddress
import logging
import tempfile
import threading
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path, PurePath
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import pipeline
from .brief import BRIEF_POLICY, BRIEF_STYLE_HASH
from .errors import InputError, ReviewError, StoreError, StrikewatchError, UserError, UserExists
from .ingest import IngestOptions
from .models import CLAIM_KINDS, SPEAKER_ROLES
from .store import INCIDENT_SORTS, IncidentFilter, Store
from .users import User, add_user, revoke_user, user_for_token, user_named, users
from .web import queries
from .web.queries import ClaimFilter

log = logging.getLogger("strikewatch.api")

WEB = Path(__file__).with_name("web")
BOUNDARIES = Path(__file__).with_name("data") / "boundaries"
API = "/api/v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiSettings:
    """How the server behaves; the CLI's ``serve`` fills it from its options."""

    db: str | None = None
    read_requires_token: bool = False
    max_upload_bytes: int = 20_000_000  # one ingest request, all files together
    max_body_bytes: int = 1_000_000  # any other request (a review, a new user)
    max_page_size: int = 500  # a page of incidents, claims, documents or reviews
    process_ingest: bool = True  # extract and fuse what an ingest stored, before answering


# -- errors -------------------------------------------------------------------------------------


class ErrorBody(BaseModel):
    """Every error answer: one line a user understands, and details where there are some."""

    model_config = ConfigDict(extra="allow")
    error: str


# The error answers every endpoint may give, declared in the schema so that a client (and the
# fuzz test) knows them: 401/403 on a missing or weak token, 413 on a body over the cap.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": why} for status, why in (
        (400, "a parameter the endpoint does not know or cannot use"),
        (401, "no token, or an unknown or revoked one, where one is needed"),
        (403, "the token's role may not do this"),
        (404, "no such incident, document, user or page"),
        (409, "a user of that name exists"),
        (413, "the request body is over the cap"),
        (422, "the body or a parameter is invalid, or nothing in it could be read"),
        (503, "the database is unavailable"))}


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.detail, dict) and "error" in exc.detail:  # a message with details
            extra = {k: v for k, v in exc.detail.items() if k != "error"}
            return _error(exc.status_code, exc.detail["error"], **extra)
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page or endpoint"
        return _error(exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "body"))
            problems.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return _error(422, "invalid request: " + "; ".join(problems), problems=problems)

    @app.exception_handler(ReviewError)
    async def review_error(_request: Request, exc: ReviewError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(UserError)
    async def user_error(_request: Request, exc: UserError) -> JSONResponse:
        return _error(409 if isinstance(exc, UserExists) else 422, str(exc))

    @app.exception_handler(InputError)
    async def input_error(_request: Request, exc: InputError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return _error(503, "the database is unavailable")

    @app.exception_handler(StrikewatchError)
    async def other_error(_request: Request, exc: StrikewatchError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected failure on %s %s", request.method, request.url.path,
                  exc_info=exc)
        return _error(500, "internal error; the server log has the details")


class BodyLimit:
    """Refuse a request body over its endpoint's cap before the app reads it: the declared
    Content-Length first, then the bytes as they arrive (a chunked body declares none).

    Only the ingest endpoints take large bodies (``upload_limit``), and only from a writer:
    an ingest without a writer's token is held to ``body_limit`` like every other request,
    so that unauthenticated 200 MB posts are refused before a byte of them is read."""

    def __init__(self, app, *, upload_limit: int, body_limit: int,  # noqa: ANN001 - ASGI app
                 upload_prefix: str) -> None:
        self.app, self.upload_limit, self.body_limit = app, upload_limit, body_limit
        self.upload_prefix = upload_prefix

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001 - ASGI
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        declared = headers.get(b"content-length", b"")
        declared = int(declared) if declared.isdigit() else None
        limit, why = await self._limit(scope, headers, declared)
        if declared is not None and declared > limit:
            await _refuse(send, 401 if why else 413, why or self._message(declared, limit))
            return
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(401 if why else 413, why or self._message(seen, limit))
            return message

        await self.app(scope, counted, send)

    async def _limit(self, scope, headers: dict, declared: int | None) -> tuple[int, str | None]:  # noqa: ANN001
        """The cap for this request, and why a larger body is refused when the cause is the
        missing token rather than the size."""
        small = min(self.body_limit, self.upload_limit)
        if not scope["path"].startswith(self.upload_prefix):
            return small, None
        if declared is not None and declared <= small:
            return small, None  # small enough: the endpoint checks the token itself
        if await _writer_token(scope["app"].state.store, headers.get(b"authorization", b"")):
            return self.upload_limit, None
        return small, ("writing needs a token of an analyst or admin: send "
                       "'Authorization: Bearer <token>'")

    @staticmethod
    def _message(size: int, limit: int) -> str:
        return f"request too large ({size} bytes > {limit}); split it into smaller requests"


async def _writer_token(store: Store, header: bytes) -> bool:
    scheme, _, token = header.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    user = await run_in_threadpool(user_for_token, store, token.strip())
    return user is not None and user.can_write


async def _refuse(send, status: int, message: str) -> None:  # noqa: ANN001 - ASGI
    body = JSONResponse({"error": message}).body
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# Every response: no other site may frame a page (clickjacking), no browser may sniff an
# article's text into script, and no link followed to a publisher tells it which incident an
# analyst was reading. A response without its own Content-Security-Policy (the API's JSON, the
# static files) gets one that allows nothing at all.
SECURITY_HEADERS = (("x-frame-options", "DENY"), ("x-content-type-options", "nosniff"),
                    ("referrer-policy", "no-referrer"),
                    ("cross-origin-opener-policy", "same-origin"),
                    ("content-security-policy", "default-src 'none'; frame-ancestors 'none'; "
                                                "base-uri 'none'; form-action 'none'"))


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response that does not set its own."""

    def __init__(self, app) -> None:  # noqa: ANN001 - ASGI app
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001 - ASGI
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message) -> None:  # noqa: ANN001 - ASGI
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


# -- dependencies ---------------------------------------------------------------------------------


# Dependencies are ``async`` because FastAPI runs a plain ``def`` dependency in the thread pool:
# five of them per request cost more than the indexed query itself. Only the token lookup
# touches the database, and it goes to the pool.


async def _store(request: Request) -> Store:
    return request.app.state.store


def _settings(request: Request) -> ApiSettings:
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
    if user is None and _settings(request).read_requires_token:
        raise HTTPException(401, "this server requires a token to read; "
                                 "send 'Authorization: Bearer <token>'")
    return user


async def writer(request: Request) -> User:
    user = await _token_user(request)
    if user is None:
        raise HTTPException(401, "writing needs a token: send 'Authorization: Bearer <token>' "
                                 "(an admin creates one with 'strikewatch user add')")
    if not user.can_write:
        raise HTTPException(403, f"user {user.name!r} has role {user.role!r}; "
                                 "writing needs the analyst or admin role")
    return user


async def admin(request: Request) -> User:
    user = await _token_user(request)
    if user is None:
        raise HTTPException(401, "managing users needs an admin's token: send "
                                 "'Authorization: Bearer <token>'")
    if user.role != "admin":
        raise HTTPException(403, f"user {user.name!r} has role {user.role!r}; "
                                 "managing users needs the admin role")
    return user


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
    cap = _settings(request).max_page_size
    if not 1 <= limit <= cap:
        raise HTTPException(400, f"limit must be between 1 and {cap}")
    if not 0 <= offset <= MAX_OFFSET:
        raise HTTPException(400, f"offset must be between 0 and {MAX_OFFSET}")
    return Page(limit, offset)


def _paged(total: int, items: list[dict], p: Page) -> dict:
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


# Route parameters: module-level so that FastAPI can resolve them under postponed annotations.
Read = Annotated[User | None, Depends(reader)]
Write = Annotated[User, Depends(writer)]
Admin = Annotated[User, Depends(admin)]
Db = Annotated[Store, Depends(_store)]
Paging = Annotated[Page, Depends(page)]
Filter = Annotated[IncidentFilter, Depends(incident_filter)]


# -- request bodies (pydantic only at this boundary) ----------------------------------------------


class Reason(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="goes into the audit log")


class ConfirmBody(Reason):
    grade: str | None = Field(None, description="pin another grade than the computed one")


class EditBody(Reason):
    field: str = Field(description="date, date_precision, attacker, location, targets, "
                                   "fatalities, civilians, event_type, grade, grade_reason")
    value: Any = Field(description="the typed form (e.g. '12-46', 'RU', "
                                   "'rebel:Free Syrian Army') or the stored JSON value")


class MergeBody(Reason):
    absorb: str = Field(description="the incident whose mentions join this one; it is deleted")


class SplitBody(Reason):
    mention_ids: list[int] = Field(min_length=1, description="mentions that form a new incident")


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: str = Field(description="reader | analyst | admin")


def _user_record(u: User) -> dict:
    """What an admin sees of a user: never the token, nor its hash."""
    def when(t):  # noqa: ANN001, ANN202 - a datetime or None
        return t.isoformat(timespec="seconds") if t else None

    return {"name": u.name, "role": u.role, "active": u.active,
            "created_at": when(u.created_at), "last_used_at": when(u.last_used_at),
            "revoked_at": when(u.revoked_at), "revoked_by": u.revoked_by}


# -- the application ------------------------------------------------------------------------------


def create_app(settings: ApiSettings | None = None, *, store: Store | None = None) -> FastAPI:
    """The app over ``store`` (or the database ``settings.db`` names, migrated to head)."""
    settings = settings or ApiSettings()
    app = FastAPI(title="strikewatch", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", responses=ERROR_RESPONSES,
                  description="Airstrikes and the claims made about them, from the news: "
                              "incidents with their sources, claims, briefings, review.")
    app.state.store = store or Store(settings.db)
    app.state.settings = settings
    app.state.write_lock = threading.Lock()  # one pipeline run or review at a time
    _install_error_handlers(app)
    app.add_middleware(BodyLimit, upload_limit=settings.max_upload_bytes,
                       body_limit=settings.max_body_bytes, upload_prefix=f"{API}/ingest")
    app.add_middleware(SecurityHeaders)  # outermost: the refusals above get the headers too
    _api_routes(app)
    _page_routes(app)
    _alert_routes(app)
    _docs_routes(app)
    return app


def _api_routes(app: FastAPI) -> None:  # noqa: C901 - one place lists every endpoint
    @app.get(f"{API}/me", tags=["access"],
             dependencies=[known_params()])
    def me(user: Read) -> dict:
        """Who the token belongs to (``null`` without a token) and what they may do."""
        if user is None:
            return {"user": None, "role": None, "can_write": False}
        return {"user": user.name, "role": user.role, "can_write": user.can_write}

    @app.post(f"{API}/users", tags=["access"], status_code=201)
    def create_user(body: NewUser, _admin: Admin, store: Db) -> dict:
        """Create a user; the token is in this answer only and is stored hashed."""
        token = add_user(store, body.name, role=body.role)
        return {"user": body.name, "role": body.role, "token": token}

    @app.get(f"{API}/users", tags=["access"], dependencies=[known_params()])
    def list_users(_admin: Admin, store: Db) -> dict:
        """Every user with role, creation, last use and revocation; no token or hash."""
        everyone = [_user_record(u) for u in users(store)]
        return {"total": len(everyone), "items": everyone}

    @app.post(f"{API}/users/{{name}}/revoke", tags=["access"], dependencies=[known_params()])
    def revoke(name: str, user: Admin, store: Db) -> dict:
        """The user's token stops working at once; the row stays, marked revoked by you."""
        if user_named(store, name) is None:
            raise HTTPException(404, f"no user named {name!r}")
        return _user_record(revoke_user(store, name, by=user.name))

    # documents
    @app.get(f"{API}/documents", tags=["documents"],
             dependencies=[known_params("start", "end", "source", "limit", "offset")])
    def documents(_u: Read, store: Db, p: Paging, start: date | None = None,
                  end: date | None = None, source: str | None = None) -> dict:
        """Stored articles, newest first, without their text."""
        total, items = queries.document_page(store, start=start, end=end, source=source,
                                             limit=p.limit, offset=p.offset)
        return _paged(total, items, p)

    @app.get(f"{API}/documents/{{doc_id}}", tags=["documents"], dependencies=[known_params()])
    def document(doc_id: str, _u: Read, store: Db) -> dict:
        """One article: text, segments, and the strike and claim sentences found in it."""
        found = queries.document_detail(store, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return found

    # incidents
    @app.get(f"{API}/incidents", tags=["incidents"], dependencies=[known_params(
        *INCIDENT_FILTERS, "controller", "sort", "limit", "offset")])
    def incidents(_u: Read, store: Db, f: Filter, p: Paging,
                  sort: Annotated[str, Query(description="date | fatalities | grade | country "
                                             "| updated; prefix '-' for descending")] = "date",
                  controller: Annotated[str | None, Query(description=(
                      "who held the ground on the control map in force (RU, UA, contested, "
                      "as the imported maps' mapping names them)"))] = None,
                  ) -> JSONResponse:
        """Incident summaries (the export's fields, with ``mention_count`` instead of the
        mentions), filtered, sorted and paged."""
        key = sort.removeprefix("-")
        if key not in INCIDENT_SORTS:
            raise HTTPException(400, f"unknown sort {sort!r}: one of "
                                     f"{', '.join(INCIDENT_SORTS)} (prefix - to reverse)")
        total, items = _incident_page_with_ground(store, f, controller, sort=key,
                                                  descending=sort.startswith("-"),
                                                  limit=p.limit, offset=p.offset)
        return JSONResponse(_paged(total, items, p))

    @app.get(f"{API}/incidents/facets", tags=["incidents"], dependencies=[known_params()])
    def facets(_u: Read, store: Db) -> dict:
        """The countries, regions and attackers present, and the date span, for filters."""
        return queries.incident_facets(store)

    @app.get(f"{API}/incidents/{{incident_id}}", tags=["incidents"],
             dependencies=[known_params()])
    def incident(incident_id: str, _u: Read, store: Db) -> dict:
        """One incident as exported (every mention with its sentence), the full text of each
        source with the reporting sentences' offsets, and its review history."""
        from .fuse import incident_records

        found = incident_records(store, ids=[incident_id])
        if not found:
            raise HTTPException(404, f"no incident {incident_id!r}")
        record = _with_ground(store, found[0])
        record["sources_text"] = queries.sources_of(store, incident_id)
        record["reports"] = queries.mention_reports(store, [incident_id])[incident_id]
        record["history"] = queries.review_page(store, incident_id=incident_id,
                                                limit=1000)[1]
        return record

    @app.get(f"{API}/review-queue", tags=["review"],
             dependencies=[known_params(*INCIDENT_FILTERS, "limit", "offset")])
    def review_queue(_u: Read, store: Db, f: Filter, p: Paging) -> JSONResponse:
        """Weak and contested incidents no analyst has reviewed yet, oldest first, each with
        its ``reports``: per mention the sentences, the figures read from them and the outlet."""
        f = replace(f, grades=f.grades or ("weak", "contested"),
                    reviewed=False if f.reviewed is None else f.reviewed)
        total, items = store.incident_page(f, limit=p.limit, offset=p.offset)
        reports = queries.mention_reports(store, [i["id"] for i in items])
        for item in items:
            item["reports"] = reports.get(item["id"], [])
        return JSONResponse(_paged(total, items, p))

    # claims
    @app.get(f"{API}/claims", tags=["claims"], dependencies=[known_params(
        "start", "end", "attacker", "kind", "role", "speaker", "doc_id", "limit", "offset")])
    def claims(_u: Read, store: Db, p: Paging, start: date | None = None,
               end: date | None = None, attacker: str | None = None, kind: str | None = None,
               role: str | None = None, speaker: str | None = None,
               doc_id: str | None = None) -> dict:
        """Attributed statements (who said what about which attacker), by article date."""
        if kind is not None and kind not in CLAIM_KINDS:
            raise HTTPException(400, f"unknown claim kind {kind!r}: one of {', '.join(CLAIM_KINDS)}")
        if role is not None and role not in SPEAKER_ROLES:
            raise HTTPException(400, f"unknown role {role!r}: one of {', '.join(SPEAKER_ROLES)}")
        if start and end and start > end:
            raise HTTPException(400, f"start {start} is after end {end}")
        f = ClaimFilter(start=start, end=end, attacker=attacker, kind=kind, role=role,
                        speaker=speaker, doc_id=doc_id)
        total, items = queries.claim_page(store, f, limit=p.limit, offset=p.offset)
        return _paged(total, items, p)

    @app.get(f"{API}/claims/versus-reports", tags=["claims"],
             dependencies=[known_params("attacker", "start", "end")])
    def claims_versus_reports(_u: Read, store: Db, attacker: str, start: date,
                              end: date) -> dict:
        """What an attacker says it hits against what independent sources report was hit."""
        from .fuse import claims_vs_reports

        if start > end:
            raise HTTPException(400, f"start {start} is after end {end}")
        report = claims_vs_reports(store, attacker=attacker, start=start, end=end)
        return {**_plain(report), "lines": report.lines()}

    # briefing
    @app.get(f"{API}/briefing", tags=["briefing"], response_model=None,
             dependencies=[known_params("end", "days", "country", "attacker", "format")])
    def briefing(_u: Read, store: Db,
                 end: Annotated[date | None, Query(description="last day briefed (default: "
                                                   "the latest dated incident)")] = None,
                 days: Annotated[int, Query(ge=1, le=366, description="length of the period")] = 7,
                 country: str | None = None, attacker: str | None = None,
                 format: Annotated[str, Query(description="json | html | markdown")] = "json",  # noqa: A002
                 ) -> JSONResponse | HTMLResponse | PlainTextResponse:
        """The briefing data of a period, compared with the period before; ``html`` is the
        self-contained page (inline SVG map and chart) the briefing command writes."""
        from .brief import BriefOptions, build_brief, render_html, render_markdown

        if format not in ("json", "html", "markdown"):
            raise HTTPException(400, f"unknown format {format!r}: json, html or markdown")
        brief = build_brief(store, BriefOptions(end=end, days=days, country=country,
                                                attacker=attacker))
        if format == "html":
            return HTMLResponse(render_html(brief), headers={
                "Content-Security-Policy": BRIEF_POLICY + "; frame-ancestors 'none'"})
        if format == "markdown":
            return PlainTextResponse(render_markdown(brief), media_type="text/markdown")
        return JSONResponse({"title": brief.title, **_plain(brief)})

    @app.get(f"{API}/sources", tags=["sources"], dependencies=[known_params()])
    def watched_sources(_u: Read, store: Db) -> dict:
        """Each watched source's status (``strikewatch watch``): last success, last error,
        items today, next poll; times are UTC."""
        rows = [_source_record(r) for r in store.watched_sources()]
        return {"total": len(rows), "items": rows}

    # exports
    media = {"jsonl": "application/x-ndjson", "geojson": "application/geo+json",
             "acled": "text/csv"}
    suffix = {"jsonl": "jsonl", "geojson": "geojson", "acled": "csv"}

    @app.get(f"{API}/export", tags=["exports"], dependencies=[known_params(
        "format", "what", *INCIDENT_FILTERS)], response_class=StreamingResponse)
    def export(_u: Read, store: Db, f: Filter,
               format: Annotated[str, Query(description="jsonl | geojson | acled")] = "jsonl",  # noqa: A002
               what: Annotated[str, Query(description="incidents | claims | documents")] = "incidents",
               ) -> StreamingResponse:
        """The store in an interchange format (docs/formats.md), streamed; the incident
        filters of ``/incidents`` narrow an export of incidents."""
        from .export import export_lines

        chunks = export_lines(store, fmt=format, what=what,
                              where=None if f == IncidentFilter() else f)
        first = next(chunks, "")  # raises the ExportError of a bad choice before streaming
        name = f"strikewatch-{what}.{suffix[format]}"

        def body():
            yield first
            yield from chunks

        return StreamingResponse(body(), media_type=media[format], headers={
            "Content-Disposition": f'attachment; filename="{name}"'})

    # ingest
    def _run_ingest(store: Store, paths: list[str], options: IngestOptions,
                    process: bool) -> dict:
        with app.state.write_lock:
            summary = pipeline.ingest(paths, store, options=options)
            out: dict[str, Any] = {
                "read": summary.read, "stored": summary.stored,
                "duplicates": [{"id": i, "why": w} for i, w in summary.duplicates],
                "syndicated": [{"id": i, "copy_of": c} for i, c in summary.syndicated],
                "renamed": [{"id": i, "stored_as": n} for i, n in summary.renamed],
                "rejected": [{"input": _public_origin(r.origin, paths), "reason":
                              _public_origin(r.reason, paths)} for r in summary.rejected],
            }
            if summary.nothing_read:
                reasons = "; ".join(r["reason"] for r in out["rejected"]) or "nothing to read"
                raise HTTPException(422, {"error": f"no article could be read: {reasons}",
                                          "rejected": out["rejected"]})
            if process and app.state.settings.process_ingest and summary.stored:
                extracted, fused = pipeline.process_pending(store, ids=summary.stored)
                out["extracted"] = {"documents": extracted.documents,
                                    "strikes": extracted.strikes, "claims": extracted.claims}
                out["fused"] = {"created": fused.created, "updated": fused.updated,
                                "set_aside": len(fused.set_aside)}
        return out

    @app.post(f"{API}/ingest", tags=["ingest"], dependencies=[known_params(
        "published", "source", "process")])
    def ingest_files(user: Write, store: Db,
                     files: Annotated[list[UploadFile], File(description="HTML, text, JSON "
                                                             "Lines or RSS/Atom files")],
                     published: date | None = None, source: str | None = None,
                     process: bool = True) -> dict:
        """Store uploaded articles (each new one once), then extract and fuse them."""
        with tempfile.TemporaryDirectory(prefix="strikewatch-upload-") as tmp:
            paths = []
            for i, upload in enumerate(files):
                name = PurePath(upload.filename or f"upload-{i}.txt").name or f"upload-{i}.txt"
                target = Path(tmp) / f"{i:03d}" / name
                target.parent.mkdir()
                with target.open("wb") as fh:
                    while chunk := upload.file.read(1 << 20):
                        fh.write(chunk)
                paths.append(str(target))
            out = _run_ingest(store, paths, IngestOptions(published=published, source=source),
                              process)
        log.info("%s ingested %d files", user.name, len(paths))
        return out

    @app.post(f"{API}/ingest/jsonl", tags=["ingest"],
              dependencies=[known_params("source", "process")],
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/x-ndjson": {"schema": {"type": "string"}}}}})
    async def ingest_jsonl(request: Request, user: Write, store: Db,
                           source: str | None = None, process: bool = True) -> JSONResponse:
        """Store articles posted as JSON Lines: one {"id", "title", "text", "published",
        "source", "url"} object per line; a malformed line is rejected by number."""
        body = await request.body()
        if not body.strip():
            raise HTTPException(422, "empty body: post one JSON object per line")
        with tempfile.TemporaryDirectory(prefix="strikewatch-upload-") as tmp:
            path = Path(tmp) / "posted.jsonl"
            path.write_bytes(body)
            out = await run_in_threadpool(_run_ingest, store, [str(path)],
                                          IngestOptions(source=source), process)
        log.info("%s posted %d JSON lines", user.name, out["read"])
        return JSONResponse(out)

    # review
    def _review(store: Store, incident_id: str, action) -> dict:  # noqa: ANN001
        from .fuse import incident_records

        if not queries.known_incident(store, incident_id):
            raise HTTPException(404, f"no incident {incident_id!r}")
        with app.state.write_lock:
            result = action()
        return incident_records(store, ids=[result.id])[0]

    @app.post(f"{API}/incidents/{{incident_id}}/confirm", tags=["review"])
    def confirm(incident_id: str, body: ConfirmBody, user: Write, store: Db) -> dict:
        """The analyst checked the incident: its grade (or the one given) is pinned."""
        from . import review

        return _review(store, incident_id, lambda: review.confirm(
            store, incident_id, analyst=user.name, reason=body.reason, grade=body.grade))

    @app.post(f"{API}/incidents/{{incident_id}}/reject", tags=["review"])
    def reject(incident_id: str, body: Reason, user: Write, store: Db) -> dict:
        """Discount the incident; it stays, with the reason, for the record."""
        from . import review

        return _review(store, incident_id, lambda: review.reject(
            store, incident_id, analyst=user.name, reason=body.reason))

    @app.post(f"{API}/incidents/{{incident_id}}/edit", tags=["review"])
    def edit(incident_id: str, body: EditBody, user: Write, store: Db) -> dict:
        """Set one field; fusion never overwrites it afterwards."""
        from . import review

        return _review(store, incident_id, lambda: review.edit(
            store, incident_id, body.field, body.value, analyst=user.name, reason=body.reason))

    @app.post(f"{API}/incidents/{{incident_id}}/merge", tags=["review"])
    def merge(incident_id: str, body: MergeBody, user: Write, store: Db) -> dict:
        """``absorb`` is the same strike: its mentions join this incident, which is re-graded."""
        from . import review

        if not queries.known_incident(store, body.absorb):
            raise HTTPException(404, f"no incident {body.absorb!r}")
        return _review(store, incident_id, lambda: review.merge(
            store, incident_id, body.absorb, analyst=user.name, reason=body.reason))

    @app.post(f"{API}/incidents/{{incident_id}}/split", tags=["review"])
    def split(incident_id: str, body: SplitBody, user: Write, store: Db) -> dict:
        """The given mentions report another strike: they become a new incident (returned)."""
        from . import review

        return _review(store, incident_id, lambda: review.split(
            store, incident_id, body.mention_ids, analyst=user.name, reason=body.reason))

    @app.get(f"{API}/reviews", tags=["review"], dependencies=[known_params(
        "incident_id", "analyst", "action", "limit", "offset")])
    def reviews(_u: Read, store: Db, p: Paging, incident_id: str | None = None,
                analyst: str | None = None, action: str | None = None) -> dict:
        """The audit log, newest first: who changed what, when, and why."""
        total, items = queries.review_page(store, incident_id=incident_id, analyst=analyst,
                                           action=action, limit=p.limit, offset=p.offset)
        return _paged(total, items, p)

    @app.get(f"{API}/control/layer", tags=["map"],
             dependencies=[known_params("date", "source")])
    def control_layer(_u: Read, store: Db,
                      day: Annotated[date, Query(alias="date", description="the day (YYYY-MM-DD)")],
                      source: Annotated[str | None, Query(description="one source only")] = None,
                      ) -> dict:
        """Who held the ground on a day: each source's control map in force (GeoJSON areas
        with controller, source and map date), simplified to about 500 m for drawing."""
        from .ground.listing import layer_geojson

        return layer_geojson(store, day, source)

    @app.get(f"{API}/boundaries", tags=["map"], dependencies=[known_params()])
    def boundaries(_u: Read) -> dict:
        """The bundled boundary layers (GeoJSON under /boundaries/) the map draws."""
        return {"layers": [{"name": n, "url": f"/boundaries/{n}"} for n in boundary_files()]}


def _incident_page_with_ground(store: Store, f: IncidentFilter, controller: str | None,
                               **page_args: Any) -> tuple[int, list[dict]]:
    """The incident list with each incident's ground and the ``controller`` filter (issue 16)."""
    from .ground.listing import incident_page_with_ground

    return incident_page_with_ground(store, f, controller, **page_args)


def _with_ground(store: Store, record: dict) -> dict:
    """One incident record with its ``ground`` (null when no control map covers it)."""
    from .ground import with_ground

    return next(with_ground(store, [record]))


def _plain(value: Any) -> Any:
    """Records (dataclasses, Counters, tuples, dates) as JSON values. ``dataclasses.asdict``
    cannot be used: it rebuilds a Counter from its items, which counts the pairs."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k.isoformat() if isinstance(k, date) else k): _plain(v)
                for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _public_origin(text: str, paths: list[str]) -> str:
    """Rejection reasons name the server's temporary file; a client knows its own name."""
    for p in paths:
        text = text.replace(p, PurePath(p).name)
    return text


# The pages may load nothing from anywhere but this server: the browser itself then enforces
# that the app works offline, and injected markup in an ingested article cannot run script.
# No inline script or style; the one inline style sheet allowed is the briefing's (by its
# hash), which the briefing page shows in a frame that inherits this policy.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; "
               f"style-src 'self' {BRIEF_STYLE_HASH}; img-src 'self' data:; "
               "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; "
               "frame-ancestors 'none'")
# Swagger UI and ReDoc build their styles in the browser (inline style elements): the docs
# pages allow inline style, never inline or foreign script.
DOCS_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
               "worker-src 'self' blob:; base-uri 'none'; form-action 'none'; "
               "frame-ancestors 'none'")


# -- watch-lists and alerts (issue 15) --------------------------------------------------------


class WatchlistBody(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    criteria: dict = Field(description="area ({admin1, country} | {lat, lon, radius_km} | "
                                       "{polygon}), attacker, target, event_type, "
                                       "min_fatalities, facilities: every one given must hold")
    notify: dict = Field(default_factory=dict, description="webhook URL and/or email list")


class NewWatchlistBody(WatchlistBody):
    look_back_days: int = Field(
        7, ge=0, le=3660, description="on creation, check the incidents that struck in the "
        "last N days, today included (0: only what is fused or reviewed from now on)")


def _watchlist_record(w) -> dict:  # noqa: ANN001 - an alerts.Watchlist
    return {"name": w.name, "criteria": w.criteria, "notify": w.notify}


def _alert_routes(app: FastAPI) -> None:
    """Watch-lists are managed by analysts and admins (their criteria and webhook addresses
    are not for readers); alerts are read like incidents. A bad watch-list is a 422 with the
    reason; a name taken or missing a 409 or 404."""
    from . import alerts as al
    from .errors import WatchlistError

    def checked(body: WatchlistBody):  # noqa: ANN202 - an alerts.Watchlist
        try:
            return al.parse_watchlist(body.name, body.criteria, body.notify)
        except WatchlistError as exc:
            raise HTTPException(422, str(exc)) from None

    def named(store: Store, name: str):  # noqa: ANN202 - an alerts.Watchlist
        found = [w for w in al.watchlists(store) if w.name == name]
        if not found:
            raise HTTPException(404, f"no watch-list named {name!r}")
        return found[0]

    @app.get(f"{API}/watchlists", tags=["alerts"], dependencies=[known_params()])
    def list_watchlists(_u: Write, store: Db) -> dict:
        """Every watch-list: its criteria and where its alerts go."""
        items = [_watchlist_record(w) for w in al.watchlists(store)]
        return {"total": len(items), "items": items}

    @app.post(f"{API}/watchlists", tags=["alerts"], status_code=201)
    def create_watchlist(body: NewWatchlistBody, user: Write, store: Db) -> dict:
        """Add a watch-list and check it against the incidents of the last ``look_back_days``
        (``raised``: the alerts that raised); incidents fused or reviewed from now on are
        checked as they come. A webhook on an internal address is a 422."""
        w = checked(body)
        if "webhook" in w.notify:
            try:
                al.check_webhook_target(w.notify["webhook"])
            except WatchlistError as exc:
                raise HTTPException(422, str(exc)) from None
        try:
            added = al.add_watchlist(store, w, by=user.name)
        except WatchlistError as exc:
            raise HTTPException(409, str(exc)) from None
        raised = al.check_recent(store, added, days=body.look_back_days)
        return {**_watchlist_record(added), "look_back_days": body.look_back_days,
                "raised": len(raised)}

    @app.get(f"{API}/watchlists/{{name}}", tags=["alerts"], dependencies=[known_params()])
    def get_watchlist(name: str, _u: Write, store: Db) -> dict:
        return _watchlist_record(named(store, name))

    @app.put(f"{API}/watchlists/{{name}}", tags=["alerts"], dependencies=[known_params()])
    def put_watchlist(name: str, body: WatchlistBody, _u: Write, store: Db) -> dict:
        """Replace a watch-list's criteria and notify (the name in the body must be ``name``)."""
        if body.name != name:
            raise HTTPException(422, "a watch-list keeps its name: remove it and add another")
        named(store, name)
        try:
            return _watchlist_record(al.replace_watchlist(store, name, checked(body)))
        except WatchlistError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.delete(f"{API}/watchlists/{{name}}", tags=["alerts"], dependencies=[known_params()])
    def delete_watchlist(name: str, _u: Write, store: Db) -> dict:
        """Remove a watch-list and its alerts."""
        named(store, name)
        al.remove_watchlist(store, name)
        return {"removed": name}

    @app.get(f"{API}/alerts", tags=["alerts"], dependencies=[known_params(
        "watchlist", "incident_id", "active", "limit", "offset")])
    def list_alerts(_u: Read, store: Db, p: Paging, watchlist: str | None = None,
                    incident_id: str | None = None, active: bool = False) -> dict:
        """Alerts newest first: the watch-list, the incident, why it matched, whether it was
        withdrawn (an edit took the incident out) and how its sending went."""
        where = {"watchlist": watchlist, "incident_id": incident_id, "withdrawn": not active}
        items = al.alerts(store, **where, limit=p.limit, offset=p.offset)
        return _paged(al.count_alerts(store, **where), items, p)

    app.get("/alerts", include_in_schema=False)(
        _html_page(WEB / "pages" / "alerts.html", PAGE_POLICY))


def _page_routes(app: FastAPI) -> None:
    pages = WEB / "pages"
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    if BOUNDARIES.is_dir():
        app.mount("/boundaries", StaticFiles(directory=BOUNDARIES), name="boundaries")

    def html(name: str):
        return _html_page(pages / name, PAGE_POLICY)

    app.get("/", include_in_schema=False)(lambda: RedirectResponse("/map"))
    for route, name in (("/map", "map.html"), ("/briefing", "briefing.html"),
                        ("/review", "review.html"), ("/audit", "audit.html"),
                        ("/upload", "upload.html"), ("/users", "users.html"),
                        ("/incident/{incident_id}", "incident.html")):
        app.get(route, include_in_schema=False)(html(name))


def _html_page(path: Path, policy: str):
    def serve() -> FileResponse:
        return FileResponse(path, media_type="text/html",
                            headers={"Content-Security-Policy": policy})
    return serve


def _docs_routes(app: FastAPI) -> None:
    """Swagger UI at /api/docs and ReDoc at /api/redoc, from the copies the fastapi-offline
    package ships: the docs work offline and put no third party's script on the origin that
    holds the readers' tokens."""
    from importlib.resources import files

    assets = Path(str(files("fastapi_offline") / "static"))
    app.mount("/api/docs-assets", StaticFiles(directory=assets), name="docs-assets")
    app.get("/api/docs", include_in_schema=False)(
        _html_page(WEB / "pages" / "docs.html", DOCS_POLICY))
    app.get("/api/redoc", include_in_schema=False)(
        _html_page(WEB / "pages" / "redoc.html", DOCS_POLICY))


def exposure_problem(host: str, *, read_token: bool, public_read: bool) -> str | None:
    """Why serving on ``host`` as configured would expose the reads, or None. Full texts and
    the audit log are readable by anyone who reaches the server unless reading needs a token:
    on a loopback address that is only this machine, anywhere else the team's whole network."""
    if read_token or public_read or _is_loopback(host):
        return None
    return (f"{host} is reachable from other machines, and without --read-token anyone there "
            "reads every article and the audit log: add --read-token (readers then sign in with "
            "a token from 'strikewatch user add NAME --role reader'), or --public-read if the "
            "data is meant to be public")


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def boundary_files() -> list[str]:
    """The bundled boundary layers the map draws (country outlines, then provinces)."""
    if not BOUNDARIES.is_dir():
        return []
    return sorted(p.name for p in BOUNDARIES.glob("*.geojson"))


def _source_record(row) -> dict:  # noqa: ANN001 - a WatchedSourceRow
    def when(t) -> str | None:  # noqa: ANN001 - a datetime or None
        return t.isoformat() if t else None

    return {"name": row.name, "location": row.location, "last_success": when(row.last_success),
            "last_error": row.last_error, "last_error_at": when(row.last_error_at),
            "failures": row.failures,
            "items_today": row.items_on(datetime.now(UTC).date()),
            "items_day": row.items_day.isoformat() if row.items_day else None,
            "items_total": row.items_total, "next_poll": when(row.next_poll)}
