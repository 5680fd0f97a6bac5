"""A hostile article in a real browser (Debian's chromium through Playwright, the app served by
uvicorn on loopback): its url is ``javascript:…`` and its title, outlet and text hold script.
On no page, nor in the briefing, does any of it run or become a link, and every response the
browser receives carries the security headers.

The article is stored directly, as a database written before ingest checked urls would hold
it: what is shown must be safe whatever the store contains."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from datetime import date
from urllib.parse import urlparse

import pytest
from webapp_support import build_founding_db

from strikewatch import pipeline
from strikewatch.api import API, ApiSettings, create_app
from strikewatch.fuse import fuse_pending
from strikewatch.models import Document, Segment
from strikewatch.store import Store
from strikewatch.users import add_user

pytestmark = pytest.mark.browser

# Each payload, if it ever ran, marks the page's body (or opens a dialog).
MARK = "document.body.dataset.pwned='1'"
PAYLOAD = (f'<script>{MARK}</script><img src="/x" onerror="{MARK}">'
           f'<a href="javascript:{MARK}">x</a><svg onload="alert(1)">')
HOSTILE_URL = f"javascript:{MARK};alert(document.domain)"
# a Syrian report (the shape of the founding example's) and a Yemeni one, in one hostile page
TEXT = ("Russian warplanes struck the town of Talbiseh in Homs province on Wednesday, killing 17 "
        f"civilians, the Syrian Observatory for Human Rights said. {PAYLOAD}\n\n"
        "Saudi-led coalition aircraft bombed a market in Mastaba in Hajjah province on Tuesday, "
        "killing at least 97 people, a local health official said.")


def _hostile_store(path) -> Store:  # noqa: ANN001 - a pytest path
    store = Store(str(build_founding_db(path)))
    doc = Document(id="hostile-article", text=TEXT, segments=(Segment("body", 0, len(TEXT)),),
                   content_hash=hashlib.sha256(TEXT.encode()).hexdigest(),
                   source=f"Outlet {PAYLOAD}", url=HOSTILE_URL, title=f"Title {PAYLOAD}",
                   published=date(2015, 10, 8))
    store.add_documents([(doc, None)])
    pipeline.extract_pending(store)
    fuse_pending(store)
    return store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    import uvicorn

    store = _hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.db")
    token = add_user(store, "Leila Haddad", role="admin")
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(ApiSettings(), store=store), host="127.0.0.1",
                                       port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start on loopback")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "store": store, "token": token}
    uv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture
def watched(browser, hostile_server):
    """A page whose dialogs, errors (a refused inline script is one), requests elsewhere and
    responses are all recorded."""
    context = browser.new_context()
    page = context.new_page()
    seen = {"dialogs": [], "errors": [], "elsewhere": [], "responses": []}

    def guard(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            seen["elsewhere"].append(route.request.url)
            route.abort()

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.route("**/*", guard)
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: seen["responses"].append(r))
    yield page, seen
    context.close()


def _hostile_incident(server) -> str:  # noqa: ANN001
    import httpx

    items = httpx.get(server["url"] + API + "/incidents?limit=500", timeout=10).json()["items"]
    for item in items:
        record = httpx.get(f"{server['url']}{API}/incidents/{item['id']}", timeout=10).json()
        if any(m["doc_id"] == "hostile-article" for m in record["mentions"]):
            return item["id"]
    pytest.fail("extraction found no strike in the hostile article")


def _sign_in(page, server) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    page.goto(server["url"] + "/audit")
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    page.fill("#sw-token", server["token"])
    page.click("#sw-login")
    expect(page.locator("#sw-user")).to_contain_text("Leila Haddad")


def _assert_nothing_ran(page, seen) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    expect(page.locator("body[data-pwned]")).to_have_count(0)
    expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]')).to_have_count(0)
    assert seen["dialogs"] == [] and seen["elsewhere"] == []
    assert seen["errors"] == [], seen["errors"]


@pytest.mark.parametrize("path", ["/map", "/incident/{id}", "/review?incident={id}", "/review",
                                  "/audit", "/upload", "/users"])
def test_no_script_from_the_article_runs_on_any_page(watched, hostile_server, path):
    page, seen = watched
    incident = _hostile_incident(hostile_server)
    _sign_in(page, hostile_server)  # as an admin, who sees every page (users too)
    page.goto(hostile_server["url"] + path.format(id=incident))
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    if path.startswith("/incident/"):  # the article is shown, as text, without its link
        source = page.locator("article.source", has_text="Talbiseh")
        assert "<script>" in source.inner_text() and source.locator("a").count() == 0
    _assert_nothing_ran(page, seen)
    for response in seen["responses"]:
        assert response.headers.get("x-frame-options") == "DENY", response.url
        assert response.headers.get("x-content-type-options") == "nosniff", response.url
        assert "frame-ancestors 'none'" in response.headers.get("content-security-policy", "")


def test_no_script_runs_in_the_briefing_page_nor_in_the_briefing_itself(watched, hostile_server):
    page, seen = watched
    page.goto(hostile_server["url"] + "/briefing?end=2015-10-08")
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    frame = page.frame_locator("#brief")
    assert "Talbiseh" in frame.locator("body").inner_text(timeout=10_000)
    assert frame.locator('a[href^="javascript:" i]').count() == 0
    assert frame.locator("body[data-pwned]").count() == 0
    _assert_nothing_ran(page, seen)
    # the briefing opened on its own, from the app's origin
    response = page.goto(f"{hostile_server['url']}{API}/briefing?format=html&end=2015-10-08")
    assert "script-src" not in response.headers["content-security-policy"]
    assert "Talbiseh" in page.locator("body").inner_text()
    links = page.locator("a")
    for i in range(links.count()):
        assert links.nth(i).get_attribute("href").startswith("http"), links.nth(i)
    _assert_nothing_ran(page, seen)


@pytest.mark.parametrize(("path", "title"), [("/api/docs", ".swagger-ui .info .title"),
                                             ("/api/redoc", "h1")])
def test_the_api_docs_render_offline_under_their_policy(watched, hostile_server, path, title):
    """Swagger UI and ReDoc from the bundled assets: drawn with nothing fetched from elsewhere
    and nothing else refused by the page's policy (a refusal is a console error). ReDoc's
    bundle hard-codes one image, its maker's logo on a CDN: the policy refuses it before any
    request leaves, and ReDoc then leaves the logo out."""
    from playwright.sync_api import expect

    page, seen = watched
    page.goto(hostile_server["url"] + path)
    expect(page.locator(title).first).to_contain_text("strikewatch", timeout=15_000)
    refused_logo = [e for e in seen["errors"] if "https://cdn.redoc.ly/redoc/logo-mini.svg" in e]
    assert seen["elsewhere"] == [], seen["elsewhere"]
    assert [e for e in seen["errors"] if e not in refused_logo] == []
