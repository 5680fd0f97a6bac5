"""No bad input loses a good one: the corpus of tests/fixtures/bad, mixed with real articles.

``expected.yaml`` lists every input of the corpus (a line of ``mixed.jsonl`` or a file of
``files/``) with what must become of it: rejected with words of its reason, or stored (the
good articles, and inputs that are hostile but storable as text: script in a field is data,
made harmless where it is shown). The large inputs (a 50 MB page, a 12 MB JSON line,
100,000 nested divs, a gzip bomb) are generated into a temporary folder by the tests.
Provenance of the articles: tests/fixtures/bad/README.md.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from pg import db_url, postgres  # noqa: F401  (fixtures)

from strikewatch import pipeline
from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.models import Document, Rejection
from strikewatch.store import RejectionRow, Store

BAD = Path(__file__).parent / "fixtures" / "bad"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))["inputs"]
SAMPLE = Path(__file__).parent.parent / "samples" / "mee-2015-10-02-russia-syria.html"
ARTICLE = (BAD / "files" / "utf16-bom.html").read_bytes().decode("utf-16")  # a real page


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, str]:
    """The inputs too large to commit, each with words of the reason it must be rejected for."""
    folder = tmp_path_factory.mktemp("generated")
    cases = {
        "fifty-megabytes.html": (ARTICLE.replace("</article>", "<p>" + "padding " * 6_600_000
                                                 + "</p></article>").encode(), "file too large"),
        "nested-divs.html": (("<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000
                              + "</body></html>").encode(), "nested more than 255"),
        "gzip-bomb.html": (_gzip_of_zeros(100), "binary content (gzip-compressed data)"),
        "long-line.jsonl": (b'{"id": "long", "text": "' + b"a" * 12_000_000 + b'"}\n',
                            "line too large"),
    }
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    assert (folder / "fifty-megabytes.html").stat().st_size > 50_000_000
    # a JSON Lines file is rejected line by line, so its one line is the input named
    return {str(folder / name) + (":1" if name.endswith(".jsonl") else ""): reason
            for name, (_, reason) in cases.items()}


def expected_origin(key: str) -> str:
    return str(BAD / key)


def test_the_corpus_holds_at_least_sixty_bad_inputs_of_every_class(generated):
    rejected = [e for e in EXPECTED.values() if "rejected" in e]
    assert len(rejected) + len(generated) >= 60
    classes = {e["class"] for e in EXPECTED.values()}
    for needed in ("non-string url", "non-string language", "non-string title",
                   "number over 4,300 digits", "deep nesting", "lone surrogate", "empty",
                   "binary", "UTF-16", "invalid UTF-8", "billion laughs", "XXE", "NUL bytes",
                   "right-to-left override", "script payload", "zero time (Go)",
                   "zero time (RSS pubDate)", "zero time (meta published_time)"):
        assert needed in classes, needed


def test_every_good_article_is_stored_and_every_bad_one_rejected_alone(db_url, generated,  # noqa: F811
                                                                         caplog):
    store = Store(db_url)
    sources = [str(BAD / "mixed.jsonl"), str(BAD / "files"),
               *(origin.removesuffix(":1") for origin in generated), str(SAMPLE)]
    with caplog.at_level(logging.WARNING):
        summary = pipeline.ingest(sources, store)
    reasons = {r.origin: r.reason for r in summary.rejected}
    for key, expected in EXPECTED.items():
        origin = expected_origin(key)
        if "rejected" in expected:
            assert origin in reasons, f"{key} ({expected['class']}) was not rejected"
            assert expected["rejected"] in reasons[origin], (key, reasons[origin])
    for path, words in generated.items():
        assert words in reasons[path], (path, reasons.get(path))
    assert len(summary.rejected) == len(generated) + sum("rejected" in e for e in EXPECTED.values())
    assert not any("unexpected" in r.reason or "Traceback" in r.reason for r in summary.rejected)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    docs = {d.origin: d for d in store.documents()}
    for key, expected in EXPECTED.items():
        if "stored" in expected:
            check_stored(key, expected, docs)
    assert any(o == str(SAMPLE) for o in docs)  # the founding example, after all the bad ones
    assert store.count(RejectionRow) == len(summary.rejected)
    store.close()


def check_stored(key: str, expected: dict, docs: dict[str, Document]) -> None:
    origin = expected_origin(key)
    doc = docs.get(origin) or docs.get(origin + "#entry-1")
    assert doc is not None, f"{key} ({expected['class']}) was not stored"
    today = date.today()
    for field, value in expected["stored"].items():
        if field == "published_window":
            assert doc.published is None or date(1900, 1, 1) <= doc.published <= today + timedelta(366)
        elif field == "url_web_or_none":
            assert doc.url is None or doc.url.startswith(("http://", "https://"))
        elif field == "id_of_the_line":  # a good article keeps the id it was given
            number = int(key.rsplit(":", 1)[1])
            line = (BAD / "mixed.jsonl").read_text(encoding="utf-8").splitlines()[number - 1]
            assert doc.id == json.loads(line)["id"]
        elif field == "text_lacks":
            assert value not in doc.text
        elif field == "text":
            assert value in doc.text
        else:
            assert getattr(doc, field) == value, (key, field, getattr(doc, field))


def test_a_zero_time_never_reaches_fusion():
    """The dates Go and .NET write for "no date" are dropped at ingest."""
    for key in ("files/zero-date.rss", "files/zero-date.html"):
        (doc,) = read_inputs([str(BAD / key)], IngestOptions())
        assert doc.published is None or doc.published.year >= 1900


@pytest.mark.parametrize("precision", ["day", "week", "month"])
def test_stored_dates_at_the_calendars_ends_do_not_stop_fusion(db_url, precision):  # noqa: F811
    """Rows an older version stored with year 1 or 9999 (the founding example's strikes,
    re-dated) fuse, and so does a real strike reported after them."""
    from dataclasses import replace as change

    from test_fuse import MEE, MEE_ID, OCT2, document, mee_strikes, put

    from strikewatch.fuse import fuse_pending

    store = Store(db_url)
    strikes = mee_strikes()
    odd = [change(m, date=day, date_precision=precision)
           for m, day in zip(strikes[:4], (date.min, date.min, date.max, date.max), strict=True)]
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), odd + strikes[4:])
    report = fuse_pending(store)
    assert report.mentions == len(strikes)
    assert {i.date for i in store.incidents()} >= {date.min, date.max}
    store.close()


# -- the same corpus through the web app's upload -------------------------------------------------


def test_the_api_reports_each_bad_line_and_stores_the_rest(tmp_path):
    from fastapi.testclient import TestClient

    from strikewatch.api import API, ApiSettings, create_app
    from strikewatch.users import add_user

    store = Store(str(tmp_path / "team.db"))
    token = add_user(store, "Amira Saleh", role="analyst")
    client = TestClient(create_app(ApiSettings(process_ingest=False), store=store),
                        raise_server_exceptions=False)
    answer = client.post(f"{API}/ingest/jsonl", content=(BAD / "mixed.jsonl").read_bytes(),
                         headers={"Authorization": f"Bearer {token}",
                                  "Content-Type": "application/x-ndjson"})
    assert answer.status_code == 200, answer.text[:500]
    body = answer.json()
    lines = {k.split(":")[1]: e for k, e in EXPECTED.items() if k.startswith("mixed.jsonl:")}
    rejected = {r["input"].rsplit(":", 1)[1]: r["reason"] for r in body["rejected"]}
    assert set(rejected) == {n for n, e in lines.items() if "rejected" in e}
    for number, reason in rejected.items():
        assert lines[number]["rejected"] in reason
    assert len(body["stored"]) == sum("stored" in e for e in lines.values())
    store.close()


# -- a gzip bomb over HTTP --------------------------------------------------------------------------


def _gzip_of_zeros(megabytes: int) -> bytes:
    """A gzip stream of that many megabytes of zeros, built a megabyte at a time."""
    import zlib

    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * 1_000_000
    return b"".join(deflate.compress(block) for _ in range(megabytes)) + deflate.flush()


class _Bomb(BaseHTTPRequestHandler):
    body = b""  # set by the test: 200 KB on the wire, 200 MB inside

    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        try:
            self.wfile.write(self.body)
        except ConnectionError:
            pass  # the client hanging up is the point

    def log_message(self, *args):
        pass


@pytest.mark.slow
def test_a_gzip_bomb_over_http_is_cut_off_at_the_size_limit():
    import resource

    _Bomb.body = _gzip_of_zeros(200)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bomb)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/bomb"
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        (item,) = read_inputs([url], IngestOptions(max_bytes=10_000_000))
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(item, Rejection) and "too large" in item.reason
    assert grown_mb < 40  # the 10 MB allowed and a bounded step, never the 200 MB inside
