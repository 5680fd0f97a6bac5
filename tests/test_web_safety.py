"""Output and deployment safety (issue 13): only http(s) links are rendered, every response
carries the security headers, the docs work offline, request bodies are capped before they are
read, odd paging and dates are a 4xx, and a team server is private by default."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from webapp_support import build_founding_db, copy_db

from strikewatch import brief
from strikewatch.api import API, ApiSettings, create_app, exposure_problem
from strikewatch.cli import app as cli
from strikewatch.store import Store
from strikewatch.users import add_user

# a Syrian and a Yemeni report, each as a hostile page would give it
SYRIA = ("Russian warplanes struck the town of Talbiseh in Homs province on Wednesday, "
         "killing 17 civilians, the Syrian Observatory for Human Rights said.")
YEMEN = ("Saudi-led coalition aircraft bombed a market in Mastaba in Hajjah province, killing "
         "at least 97 people, a local health official said.")
HOSTILE_URLS = ("javascript:alert(document.cookie)", " JavaScript:alert(1)", "java\tscript:x()",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                "//evil.example/x", "http://", "file:///etc/passwd")


@pytest.fixture(scope="module")
def founding_db(tmp_path_factory):
    return build_founding_db(tmp_path_factory.mktemp("safety") / "founding.db")


@pytest.fixture
def store(founding_db, tmp_path):
    s = Store(str(copy_db(founding_db, tmp_path / "copy.db")))
    yield s
    s.close()


def client(store, **settings) -> TestClient:
    return TestClient(create_app(ApiSettings(**settings), store=store),
                      raise_server_exceptions=False)


# -- links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_an_http_address_is_a_web_url(url):
    assert brief.web_url(url) is None


@pytest.mark.parametrize("url", ["https://www.middleeasteye.net/news/russia-strikes-syria",
                                 "http://www.sabanews.net/en/news/431112.htm",
                                 "HTTPS://www.aljazeera.com/news/2016/3/15/yemen-market"])
def test_an_http_address_stays_as_the_publisher_gave_it(url):
    assert brief.web_url(url) == url


def _hostile_brief(url: str) -> brief.Brief:
    """A briefing whose every source gives a hostile address and markup in its text."""
    script = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">'
    mentions = [{"doc_id": "d", "url": url, "source": f"SOHR {script}",
                 "sentence": f"{SYRIA} [click](javascript:alert(1)) <{url}>", "start": 0,
                 "end": 10, "claimed_by_attacker": False},
                {"doc_id": "y", "url": url, "source": "Saba", "sentence": YEMEN, "start": 0,
                 "end": 10, "claimed_by_attacker": False}]
    incident = {"id": "inc-1", "date": "2016-03-15", "date_precision": "day",
                "attacker": {"name": f"coalition {script}", "country": None},
                "location": {"name": f"Mastaba {script}", "admin1": "Hajjah", "country": "YE",
                             "lat": 16.0, "lon": 43.2, "precision": "point", "geonameid": None},
                "targets": [{"name": script, "category": "civilian"}],
                "fatalities": {"min": 97, "max": 97, "civilians_min": None,
                               "civilians_max": None},
                "grade": "fair", "mentions": mentions}
    claim = brief.ClaimLine(f"spokesman {script}", None, "military", "denial", None, "",
                            f"{YEMEN} {script}", url, "Saba")
    return brief.summarise([incident], start=date(2016, 3, 15), end=date(2016, 3, 15), days=1,
                           claims=[claim])


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_hostile_address_never_becomes_a_link_in_the_briefing(url):
    b = _hostile_brief(url)
    page = brief.render_html(b)
    assert re.findall(r'href="([^"]*)"', page) == []
    assert "<script>" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
    markdown = brief.render_markdown(b)
    assert "](" not in markdown.replace("\\](", "")  # no Markdown link at all
    assert not re.search(r"(?<!\\)[<\[]", markdown)  # no raw HTML, autolink or link text


def test_an_http_address_is_a_link_to_the_sentence_in_html_and_markdown():
    b = _hostile_brief("https://www.aljazeera.com/news/2016/3/15/yemen-market-(1)")
    hrefs = re.findall(r'href="([^"]*)"', brief.render_html(b))
    assert hrefs and all(h.startswith("https://www.aljazeera.com/news/2016/3/15/") for h in hrefs)
    links = re.findall(r"(?<!\\)\]\((\S+)\)$", brief.render_markdown(b), re.M)
    assert links and all(link.startswith("https://www.aljazeera.com/") and " " not in link
                         and "(" not in link for link in links)


def test_the_briefing_file_carries_a_policy_that_allows_its_style_and_no_script(tmp_path):
    out = tmp_path / "brief.html"
    brief.render(_hostile_brief("https://example.org/a"), "html", out)
    page = out.read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert policy and "default-src 'none'" in policy[1] and "script" not in policy[1]
    style = re.search(r"<style>(.*?)</style>", page, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy[1]
    assert " style=" not in page  # no inline style attribute: the policy would refuse it


# -- headers --------------------------------------------------------------------------------------


def _assert_safe_headers(r) -> None:  # noqa: ANN001 - a response
    h = r.headers
    assert h["x-frame-options"] == "DENY", r.url
    assert h["x-content-type-options"] == "nosniff", r.url
    assert h["referrer-policy"] == "no-referrer", r.url
    policy = h["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy, r.url
    assert "'unsafe-eval'" not in policy and not re.search(r"script-src[^;]*unsafe-inline", policy)


def test_every_response_carries_the_security_headers(store):
    c = client(store)
    token = add_user(store, "Analyst", role="analyst")
    incident = c.get(f"{API}/incidents?limit=1").json()["items"][0]["id"]
    responses = [c.get(path) for path in (
        "/map", "/briefing", "/review", "/audit", "/alerts", "/upload", "/users", f"/incident/{incident}",
        "/static/common.js", "/static/app.css", "/static/leaflet/leaflet.js",
        "/boundaries/admin0.geojson", "/openapi.json", "/api/docs", "/api/redoc",
        "/api/docs-assets/swagger-ui-bundle.js", f"{API}/incidents", f"{API}/incidents/facets",
        f"{API}/incidents/{incident}", f"{API}/briefing?format=html",
        f"{API}/briefing?format=markdown", f"{API}/export?format=geojson", "/nothing-here",
        f"{API}/incidents?offset=-1")]
    responses.append(c.post(f"{API}/incidents/{incident}/reject", json={"reason": "x"}))
    responses.append(c.post(f"{API}/ingest/jsonl", content=b"{}", headers={
        "Authorization": f"Bearer {token}", "Content-Length": "999999999"}))
    assert {r.status_code for r in responses} >= {200, 400, 401, 404, 413}
    for r in responses:
        _assert_safe_headers(r)


def test_the_briefing_served_by_the_api_runs_no_script(store):
    r = client(store).get(f"{API}/briefing?format=html")
    policy = r.headers["content-security-policy"]
    assert r.status_code == 200 and "script-src" not in policy and "default-src 'none'" in policy
    assert brief.BRIEF_STYLE_HASH in policy


def test_the_api_docs_work_offline_from_bundled_assets(store):
    c = client(store)
    for page in ("/api/docs", "/api/redoc"):
        r = c.get(page)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert not re.search(r"https?://", r.text), page  # no CDN, no fonts from elsewhere
        assert "<script>" not in r.text  # no inline script
        for asset in re.findall(r'(?:src|href)="([^"]+)"', r.text):
            got = c.get(asset)
            assert got.status_code == 200 and got.content, asset
    assert "SwaggerUIBundle" in c.get("/api/docs-assets/swagger-ui-bundle.js").text
    assert 'validatorUrl: null' in c.get("/static/docs.js").text


# -- request bodies -------------------------------------------------------------------------------


def _send_unread(app, path: str, headers: dict[str, str]) -> tuple[int, bool]:
    """POST with the given headers through the ASGI app, with a body that records whether the
    app ever asked for it; returns the status and whether the body was read."""
    read = []
    messages = []

    async def receive():
        read.append(True)
        return {"type": "http.request", "body": b"x" * 1000, "more_body": False}

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
             "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    with ThreadPoolExecutor(1) as pool:  # its own loop: Playwright may run one in this thread
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    return messages[0]["status"], bool(read)


def test_a_large_body_is_refused_before_it_is_read(store):
    app = create_app(ApiSettings(), store=store)
    token = add_user(store, "Analyst", role="analyst")
    huge = {"Content-Length": str(200_000_000), "Content-Type": "application/x-ndjson"}
    # unauthenticated: refused for want of a token, not a byte read
    assert _send_unread(app, f"{API}/ingest/jsonl", huge) == (401, False)
    assert _send_unread(app, f"{API}/ingest", huge) == (401, False)
    # a writer's upload over the upload cap, and any other endpoint over the small cap
    assert _send_unread(app, f"{API}/ingest/jsonl",
                        {**huge, "Authorization": f"Bearer {token}"}) == (413, False)
    two_mb = {"Content-Length": str(2_000_000), "Content-Type": "application/json"}
    assert _send_unread(app, f"{API}/incidents/x/reject", two_mb) == (413, False)
    assert _send_unread(app, f"{API}/users", two_mb) == (413, False)


def test_a_chunked_body_without_a_token_stops_at_the_small_cap(store):
    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"z" * 100_000

    r = client(store, max_body_bytes=500_000).post(f"{API}/ingest/jsonl", content=chunks())
    assert r.status_code == 401 and "token" in r.json()["error"]
    assert len(list(store.documents())) == 1


# -- odd parameters -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [
    f"/incidents?offset={10 ** 30}", f"/incidents?limit={10 ** 30}", "/incidents?offset=-1",
    f"/claims?offset={2 ** 63}", f"/documents?offset={10 ** 12}", f"/reviews?offset={10 ** 20}",
    f"/review-queue?offset={10 ** 19}", "/incidents?bbox=nan,nan,nan,nan",
    "/incidents?bbox=1,2,3", "/incidents?bbox=inf,0,0,0", "/incidents?start=0000-01-01",
    "/incidents?grade=best", "/briefing?end=0001-01-01", "/briefing?end=0001-01-20&days=7",
    f"/briefing?days={10 ** 30}", "/export?format=pdf"])
def test_odd_paging_filters_and_dates_are_a_4xx_never_a_500(store, query):
    r = client(store).get(API + query)
    assert 400 <= r.status_code < 500 and r.json()["error"], (query, r.text)


# -- private by default ---------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_serves_without_a_token(host):
    assert exposure_problem(host, read_token=False, public_read=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "strikewatch.lan"])
def test_another_address_needs_a_read_token_or_public_read(host):
    problem = exposure_problem(host, read_token=False, public_read=False)
    assert problem and "--read-token" in problem and "--public-read" in problem
    assert exposure_problem(host, read_token=True, public_read=False) is None
    assert exposure_problem(host, read_token=False, public_read=True) is None


def test_serve_on_every_interface_without_a_token_is_refused(tmp_path):
    db = tmp_path / "team.db"
    Store(str(db)).close()
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--read-token" in result.output and "0.0.0.0" in result.output
