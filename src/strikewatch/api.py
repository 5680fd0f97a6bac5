"""The web application: the REST API under ``/api/v1`` and the analysts' pages, over one store.

Analysts share one database; this app is how they read it together and how their reviews
reach it with their names on them. The routes are in ``routes`` (one router per resource);
this module builds the app around them: settings, error answers, body caps, security
headers and the pages. Nothing here decides what an event is.

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
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from .brief import BRIEF_STYLE_HASH
from .errors import InputError, ReviewError, StoreError, StrikewatchError, UserError, UserExists
from .routes import ROUTERS
from .routes.deps import API
from .routes.map import BOUNDARIES
from .store import Store
from .users import user_for_token

log = logging.getLogger("strikewatch.api")

WEB = Path(__file__).with_name("web")


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
    for router in ROUTERS:
        app.include_router(router)
    _page_routes(app)
    _docs_routes(app)
    return app


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
                        ("/alerts", "alerts.html"),
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
