"""Ingest on real inputs: the MEE page and text, FA-KES lines and feeds, and broken copies of them.

Fixtures and their provenance: tests/fixtures/ingest/README.md.
"""

from __future__ import annotations

import io
import json
import logging
import shutil
import sys
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikewatch.ingest import IngestOptions, content_hash, read_inputs
from strikewatch.models import Document, Rejection
from strikewatch.syndication import SyndicationIndex, minhash_signature

from fixture_roles import fixture_ids, ids_sharing, repeated_id, role

FIX = Path(__file__).parent / "fixtures" / "ingest"
SAMPLES = Path(__file__).parent.parent / "samples"  # the bundled founding example
MEE = "mee-2015-10-02-russia-syria"
CAPTION = (
    "An image grab from a video released by the Homs Media Center on Wednesday after Russian "
    "and Syrian government airstrikes in Homs province (AFP)"
)
FURNITURE = (
    "Skip to main content",
    "Stay informed with MEE's newsletters",
    "Sign up",
    "Explainers",
    "republishing this content",
    "Read more",
)


def fixture(name: str) -> Path:
    """A file of tests/fixtures/ingest, or the bundled founding example the fixtures derive from."""
    return FIX / name if (FIX / name).exists() else SAMPLES / name


def _first_item_link(feed: Path) -> str:
    """The link of a feed's first item, as the file writes it."""
    return ElementTree.parse(feed).getroot().find("./channel/item/link").text.strip()


def read(*names: str, **options) -> list[Document | Rejection]:
    return list(read_inputs([str(fixture(n)) for n in names], IngestOptions(**options)))


def one_doc(name: str, **options) -> Document:
    (item,) = read(name, **options)
    assert isinstance(item, Document), item
    return item


def one_rejection(name: str, **options) -> Rejection:
    (item,) = read(name, **options)
    assert isinstance(item, Rejection), item
    return item


def segment_texts(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.segments if kind in (None, s.kind)]


def assert_well_formed(doc: Document) -> None:
    """The invariants every stage downstream relies on."""
    assert doc.text == "\n\n".join(segment_texts(doc))
    assert all(s.end > s.start for s in doc.segments)
    assert doc.content_hash == content_hash(doc.text)


# ---------------------------------------------------------------------------------- HTML


def test_mee_page_keeps_article_and_caption_and_drops_furniture():
    doc = one_doc(f"{MEE}.html")
    assert_well_formed(doc)
    assert doc.id == MEE
    assert doc.title == "Leaders call on Russia to halt Syrian airstrikes against civilians, rebels"
    assert doc.source == "Middle East Eye"
    assert doc.published == date(2015, 10, 2) and doc.published_from == "metadata"
    assert doc.url.endswith("/news/leaders-call-russia-halt-syrian-airstrikes-against-civilians-rebels")
    assert doc.language == "en"
    assert doc.byline and "MEE" in doc.byline
    assert segment_texts(doc, "caption") == [CAPTION]
    assert segment_texts(doc, "standfirst") == [
        "As Moscow maintains that it targets only IS and other militant groups, Syrian officials "
        "signal they will join UN talks"
    ]
    body = segment_texts(doc, "body")
    assert len(body) == 25
    assert body[0].startswith("In a rare joint statement, leaders of France, Germany, Qatar")
    assert body[-1].endswith("The stakes are very high.”")
    for furniture in FURNITURE:
        assert furniture not in doc.text
    assert [s.kind for s in doc.segments[:3]] == ["title", "standfirst", "caption"]


def test_truncated_page_keeps_the_paragraphs_before_the_cut():
    doc = one_doc("mee-truncated.html")
    assert_well_formed(doc)
    body = segment_texts(doc, "body")
    assert len(body) == 4
    assert body[-1].startswith("German Chancellor Angela Merkel")
    assert doc.published == date(2015, 10, 2)


def test_truncated_page_with_no_article_text_is_rejected():
    rejection = one_rejection("mee-truncated-in-nav.html")
    assert "truncated HTML" in rejection.reason
    assert rejection.reason.startswith(str(FIX / "mee-truncated-in-nav.html"))


def test_page_that_is_all_furniture_is_rejected():
    assert "no article text" in one_rejection("mee-furniture-only.html").reason


def test_french_page_is_a_document_with_its_language():
    doc = one_doc("mee-2015-10-02-french-translation.html")
    assert doc.language == "fr"
    assert doc.source == "Middle East Eye édition française"
    assert "Aller au contenu principal" not in doc.text
    assert segment_texts(doc, "body")[0].startswith("Dans une rare déclaration commune")


# ---------------------------------------------------------------------------------- text


def test_mee_text_file_title_standfirst_caption_and_no_furniture():
    doc = one_doc(f"{MEE}.txt", published=date(2015, 10, 2), source="Middle East Eye")
    assert_well_formed(doc)
    assert doc.title == "Leaders call on Russia to halt Syrian airstrikes against civilians, rebels"
    assert segment_texts(doc, "caption") == [CAPTION]
    assert segment_texts(doc, "standfirst")[0].startswith("As Moscow maintains")
    assert doc.published == date(2015, 10, 2) and doc.published_from == "option"
    assert doc.source == "Middle East Eye"
    for furniture in FURNITURE:
        assert furniture not in doc.text
    html = one_doc(f"{MEE}.html")
    assert segment_texts(doc, "body") == segment_texts(html, "body")


def test_text_file_without_date_or_outlet_leaves_them_empty():
    doc = one_doc(f"{MEE}.txt")
    assert doc.published is None and doc.published_from is None and doc.source is None


def test_text_dateline_beats_the_published_option():
    doc = one_doc("syndication-reuters.txt", published=date(2013, 8, 17))
    assert doc.published == date(2013, 8, 22) and doc.published_from == "dateline"


def test_cp1252_file_is_decoded_and_its_encoding_recorded():
    doc = one_doc("mee-cp1252.txt")
    assert doc.encoding == "cp1252"
    assert "Russia’s military intervention" in doc.text
    assert doc.text == one_doc(f"{MEE}.txt").text
    assert one_doc(f"{MEE}.txt").encoding is None


def test_a_dateline_in_the_text_outranks_the_given_date(tmp_path):
    """A Sputnik article of FA-KES prints 28.04.2017 glued to furniture; the dataset says
    otherwise."""
    row = {"id": "sputnik", "title": "Kurdish SDF Kills 23 Daesh Militants",
           "published": "2017-05-09", "source": "sputnik",
           "text": "Kurdish SDF Kills 23 Daesh Militants as Part of Operation to Liberate al-Tabqa "
                   "REUTERS Rodi Said Middle East 1730 28.04.2017Get short URL Topic Battle "
                   "Against Daesh in Syria (180) 0 54 The Kurdish-led Syrian Democratic Forces "
                   "(SDF) killed 23 Daesh members on Friday."}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(row) + "\n")
    (doc,) = read_inputs([str(path)], IngestOptions())
    assert (doc.published, doc.published_from) == (date(2017, 4, 28), "dateline")


@pytest.mark.parametrize(("text", "given"), [
    ("Latest from the Special Monitoring Mission to Ukraine, based on information received as "
     "of 19:30, 28 March 2018\nWoman killed in Horlivka in shelling by Ukrainian troops",
     "2018-03-25"),
    ("Yemen: Humanitarian update as of 10 April 2018\nCoalition air strikes kill six in Saada",
     "2018-04-02"),
])
def test_a_reports_cut_off_does_not_beat_the_items_own_date(tmp_path, text, given):
    """A headline list that carries a report's title keeps the item's date: "as of ..." is
    when the report's count was made, not the day of the item."""
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "h", "title": "", "text": text, "published": given}) + "\n")
    (doc,) = read_inputs([str(path)], IngestOptions())
    assert doc.published == date.fromisoformat(given) and doc.published_from != "dateline"


# ---------------------------------------------------------------------------------- JSON Lines


def test_jsonl_slice_yields_every_line_including_the_repeat():
    items = read("fakes-slice.jsonl")
    assert all(isinstance(i, Document) for i in items)
    assert len(items) == 15
    ids = [d.id for d in items]
    assert ids == fixture_ids(FIX / "fakes-slice.jsonl")  # every line, in order, its own id
    repeated = repeated_id(FIX / "fakes-slice.jsonl")
    assert ids.count(repeated) == 2
    first, again = (d for d in items if d.id == repeated)
    assert first.content_hash == again.content_hash
    doc = items[0]
    assert_well_formed(doc)
    assert doc.title == "Syria attack symptoms consistent with nerve agent use WHO"
    assert [s.kind for s in doc.segments] == ["title", "body"]
    assert segment_texts(doc, "body")[0].startswith("Wed 05 Apr 2017 Syria attack symptoms")
    assert doc.source == "nna" and doc.language == "en"
    assert doc.origin == f"{FIX / 'fakes-slice.jsonl'}:1"


def test_jsonl_dateline_and_input_date():
    by_id = {d.id: d for d in read("fakes-slice.jsonl")}
    # the dataset says 2015-02-16; the article's own dateline says Sunday 1 Feb 2015
    assert by_id[role(FIX / "fakes-slice.jsonl", "dateline_before_dataset_date")["id"]] \
        .published_from == "dateline"
    sana = by_id[role(FIX / "fakes-slice.jsonl", "sana_dateline")["id"]]
    assert sana.published == date(2016, 10, 6) and sana.published_from == "dateline"


def test_malformed_json_line_is_rejected_by_number_and_the_rest_go_on():
    items = read("malformed.jsonl")
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].origin == f"{FIX / 'malformed.jsonl'}:2"
    assert "malformed JSON line" in items[1].reason and "malformed.jsonl:2" in items[1].reason
    assert items[2].id == json.loads((FIX / "malformed.jsonl").read_text().splitlines()[2])["id"]


def test_binary_jsonl_is_one_rejection_not_one_per_line(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_bytes((FIX / "mee-gzipped.html").read_bytes())
    (item,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(item, Rejection) and "binary content" in item.reason


def test_json_array_file_is_one_clear_rejection(tmp_path):
    path = tmp_path / "articles.json"
    lines = (FIX / "fakes-slice.jsonl").read_text().splitlines()[:2]
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n")
    (item,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(item, Rejection) and "JSON array, not JSON Lines" in item.reason


def test_jsonl_line_without_text_is_rejected(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "mee-2015-10-02-russia-syria", "events": []}\n')
    (item,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(item, Rejection) and "no 'text'" in item.reason and "'content'" in item.reason


def test_jsonl_fields_are_read_under_the_names_other_tools_give_them(tmp_path):
    """A scraper's, a feed converter's and a news API's lines, each in its own field names."""
    lines = [
        {"article_id": "s1", "headline": "Strike on a market", "maintext": "Warplanes struck a "
         "market in Maarat al-Numan on Monday.", "date_publish": "2019-07-22 08:00:00",
         "source_domain": "news.example.org", "authors": ["A. Writer", "B. Writer"]},
        {"link": "https://wire.example.org/2", "title": "Drone strike in Marib", "content": "A "
         "drone strike on a camp in Marib killed three people.", "pubDate":
         "Sun, 21 Mar 2021 10:00:00 GMT", "publisher": "Example Wire"},
        {"url": "https://api.example.org/3", "title": "Shelling in Kherson", "body": "Shelling of "
         "Kherson killed two people.", "publishedAt": "2023-05-05T09:00:00Z",
         "source": {"id": None, "name": "Example Times"}},
    ]
    path = tmp_path / "other-tools.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    docs = list(read_inputs([str(path)], IngestOptions(detect_language=False)))
    assert [(d.title, d.published, d.source) for d in docs] == [
        ("Strike on a market", date(2019, 7, 22), "news.example.org"),
        ("Drone strike in Marib", date(2021, 3, 21), "Example Wire"),
        ("Shelling in Kherson", date(2023, 5, 5), "Example Times")]
    assert docs[0].id == "s1" and docs[0].byline == "A. Writer, B. Writer"
    assert docs[1].url == "https://wire.example.org/2" and "Marib" in docs[1].text


def test_jsonl_field_of_the_wrong_shape_is_named_as_written(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "b1", "body": 17}\n'
                    '{"id": "b2", "text": "Shelling hit Kherson.", "link": "javascript:alert(1)"}\n')
    body, link = read_inputs([str(path)], IngestOptions())
    assert isinstance(body, Rejection) and "'body' must be text, not a number" in body.reason
    assert isinstance(link, Rejection) and "'link' must be an http(s) address" in link.reason


# ---------------------------------------------------------------------------------- feeds


def test_rss_entries_with_full_content_captions_and_summary_only():
    items = read("reuters-world.rss")
    assert len(items) == 4 and all(isinstance(i, Document) for i in items)
    first = items[0]
    assert_well_formed(first)
    assert first.source == "Reuters World News"
    assert first.title == "Assads forces bombard Damascus suburbs after gas attack: activists"
    assert first.published == date(2013, 8, 17) and first.published_from == "metadata"
    assert first.url == _first_item_link(FIX / "reuters-world.rss")
    assert first.id.startswith("feed-") and first.id != items[1].id
    assert segment_texts(first, "caption") == [
        "Assads forces bombard Damascus suburbs after gas attack: activists (Reuters)"
    ]
    assert "Rockets fired from multiple launchers" in first.text
    summary_only = items[3]
    assert summary_only.title == "France seeks U.N. resolution on Syria chemical arms."
    assert "France" in segment_texts(summary_only, "body")[0]
    assert first.language == "en"


def test_atom_entries():
    items = read("alarabiya-middle-east.atom")
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    doc = items[0]
    assert doc.source == "Al Arabiya English - Middle East"
    assert doc.published == date(2014, 8, 17)
    assert doc.byline == "Staff writer"
    assert doc.title.startswith("Islamic State executed 700 people")
    assert len(doc.text) > 3000


def test_feed_ids_are_stable_across_reads():
    assert [d.id for d in read("reuters-world.rss")] == [d.id for d in read("reuters-world.rss")]


_SHORT_ITEMS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Front feed</title>
<item><title>Kharkiv</title><description>Civilian homes hit by artillery.</description>
<link>https://feed.example.org/1</link><pubDate>Fri, 24 May 2024 10:00:00 GMT</pubDate></item>
<item><title>Rafah</title><description>Tents struck near the coast.</description>
<link>https://feed.example.org/2</link><pubDate>Fri, 24 May 2024 11:00:00 GMT</pubDate></item>
<item><title>Explosions reported in Kherson</title>
<link>https://feed.example.org/3</link><pubDate>Fri, 24 May 2024 12:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_a_feed_item_s_short_description_is_its_report(tmp_path):
    """A one-line item of a front-line feed (Ukraine, Gaza) is a whole report; so is an item
    that is only its title, its article behind the link (test_known_faults_6 has more)."""
    path = tmp_path / "front.rss"
    path.write_text(_SHORT_ITEMS)
    items = list(read_inputs([str(path)], IngestOptions()))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Document"]
    assert [i.title for i in items] == ["Kharkiv", "Rafah", "Explosions reported in Kherson"]


def test_broken_feed_is_rejected():
    (rejection,) = read("broken.rss")
    assert isinstance(rejection, Rejection) and "broken feed" in rejection.reason


# ---------------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.txt", "empty file"),
        ("mee-gzipped.html", "binary content"),
        ("air-raids-sample.csv", "unsupported file kind '.csv'"),
    ],
)
def test_bad_files_are_rejected_with_a_specific_reason(name, words):
    rejection = one_rejection(name)
    assert words in rejection.reason
    assert rejection.origin == str(FIX / name)
    assert "\n" not in rejection.reason


def test_missing_path_and_oversized_file_are_rejected():
    (missing,) = list(read_inputs([str(FIX / "nope.html")], IngestOptions()))
    assert "no such file" in missing.reason
    assert "too large" in one_rejection(f"{MEE}.html", max_bytes=1000).reason


def test_one_bad_file_never_stops_the_batch():
    items = read("empty.txt", f"{MEE}.html", "mee-gzipped.html", "malformed.jsonl", f"{MEE}.txt")
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Rejection", "Document", "Rejection", "Document", "Rejection", "Document",
                     "Document"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".html", ".txt", ".jsonl", ".rss", ""]))
def test_arbitrary_bytes_never_raise_nor_hit_an_unexpected_error(tmp_path, caplog, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    with caplog.at_level(logging.ERROR, logger="strikewatch.ingest"):
        items = list(read_inputs([str(path)], IngestOptions()))
    assert all(isinstance(i, Document | Rejection) for i in items)
    assert not caplog.records, caplog.records[0].getMessage()


# ---------------------------------------------------------------------------------- folders, stdin


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    shutil.copy(fixture(f"{MEE}.html"), tmp_path / "b" / "deeper" / "page.html")
    shutil.copy(FIX / "alarabiya-middle-east.atom", tmp_path / "a.atom")
    shutil.copy(fixture(f"{MEE}.txt"), tmp_path / ".cache" / "hidden.txt")
    shutil.copy(FIX / "empty.txt", tmp_path / "b" / "empty.txt")
    items = list(read_inputs([str(tmp_path)], IngestOptions()))
    origins = [Path(i.origin).name for i in items]
    assert origins == ["a.atom#entry-1", "a.atom#entry-2", "page.html", "empty.txt"]


@pytest.mark.parametrize(
    ("name", "kind_check"),
    [
        (f"{MEE}.html", lambda d: d.source == "Middle East Eye"),
        (f"{MEE}.txt", lambda d: d.title.startswith("Leaders call on Russia")),
        ("fakes-slice.jsonl", lambda d: d.id == fixture_ids(FIX / "fakes-slice.jsonl")[0]),
        ("reuters-world.rss", lambda d: d.source == "Reuters World News"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, name, kind_check):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(fixture(name).read_bytes())))
    items = list(read_inputs(["-"], IngestOptions(source="Middle East Eye")))
    assert isinstance(items[0], Document) and kind_check(items[0])
    assert items[0].origin.startswith("<stdin>")


def test_stdin_jsonl_keeps_line_numbers(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((FIX / "malformed.jsonl").read_bytes())))
    items = list(read_inputs(["-"], IngestOptions()))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].origin == "<stdin>:2"


# ---------------------------------------------------------------------------------- URLs


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {}
    hits: dict[str, int] = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/flaky" and self.hits[self.path] == 1:
            self.send_error(503)
            return
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/trickle":
            self._trickle()
            return
        if self.path == "/trickle-status":
            for byte in b"HTTP/1.1 200 OK\r\n" * 20:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
            return
        if self.path not in self.routes:
            self.send_error(404)
            return
        content_type, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self):
        """A page sent one byte at a time, each well within the read timeout: only an overall
        deadline stops it (a real one sent a byte every 5 s; here every 0.2 s for 60 s)."""
        body = self.routes["/news/mee"][1]
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for i in range(300):
            self.wfile.write(body[i : i + 1])
            self.wfile.flush()
            time.sleep(0.2)

    def log_message(self, *args):  # keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """The client hanging up on /big and /slow is the point of those tests, not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def server():
    html = (fixture(f"{MEE}.html")).read_bytes()
    _Handler.routes = {
        "/news/mee": ("text/html; charset=utf-8", html),
        "/feed": ("application/rss+xml", (FIX / "reuters-world.rss").read_bytes()),
        "/plain": ("text/plain; charset=windows-1252", (FIX / "mee-cp1252.txt").read_bytes()),
        "/flaky": ("text/html", html),
        "/slow": ("text/html", html),
        "/big": ("text/html", html * 20),
        "/image": ("image/png", b"\x89PNG\r\n\x1a\n"),
    }
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str, **options) -> list[Document | Rejection]:
    return list(read_inputs([url], IngestOptions(**options)))


def test_url_html_page(server):
    (doc,) = fetch(f"{server}/news/mee")
    assert doc.id.startswith("url-") and doc.origin == f"{server}/news/mee"
    assert doc.source == "Middle East Eye" and CAPTION in doc.text
    assert doc.url.startswith("https://www.middleeasteye.net/news/")  # the canonical link
    assert fetch(f"{server}/news/mee")[0].id == doc.id


def test_url_feed_and_plain_text_by_content_type(server):
    feed = fetch(f"{server}/feed")
    assert len(feed) == 4 and feed[0].source == "Reuters World News"
    (text,) = fetch(f"{server}/plain")
    assert text.encoding == "windows-1252" and "Russia’s military" in text.text


def test_url_retries_a_5xx(server):
    (doc,) = fetch(f"{server}/flaky", retries=1)
    assert isinstance(doc, Document) and _Handler.hits["/flaky"] == 2


def test_url_failures_become_rejections(server):
    (missing,) = fetch(f"{server}/missing")
    assert "HTTP 404" in missing.reason
    (big,) = fetch(f"{server}/big", max_bytes=50_000)
    assert "too large" in big.reason
    (slow,) = fetch(f"{server}/slow", timeout=0.2, retries=0)
    assert "Timeout" in slow.reason
    (image,) = fetch(f"{server}/image")
    assert "unsupported content type 'image/png'" in image.reason


def test_a_server_trickling_bytes_is_cut_off_at_the_deadline(server):
    started = time.monotonic()
    (trickled,) = fetch(f"{server}/trickle", timeout=2.0, deadline=1.5, retries=2)
    assert isinstance(trickled, Rejection)
    assert "deadline" in trickled.reason and trickled.reason.startswith(f"{server}/trickle")
    assert time.monotonic() - started < 5


def test_a_server_trickling_its_status_line_is_cut_off_at_the_deadline(server):
    started = time.monotonic()
    (trickled,) = fetch(f"{server}/trickle-status", timeout=2.0, deadline=1.5, retries=2)
    assert isinstance(trickled, Rejection) and "deadline" in trickled.reason
    assert time.monotonic() - started < 5


def test_unreachable_host_is_rejected_after_retries():
    (refused,) = fetch("http://127.0.0.1:9/article", retries=0, timeout=1.0)
    assert isinstance(refused, Rejection) and "ConnectError" in refused.reason


# ---------------------------------------------------------------------------------- near-duplicates


def test_republished_wire_copy_is_found_and_a_different_story_is_not():
    docs = {d.id: d for d in read("syndication-reuters.txt", "syndication-republished.txt",
                                  "syndication-other-story.txt")}
    index = SyndicationIndex()
    index.add("syndication-reuters", minhash_signature(docs["syndication-reuters"].text))
    assert index.find(minhash_signature(docs["syndication-republished"].text)) == "syndication-reuters"
    assert index.find(minhash_signature(docs["syndication-other-story"].text)) is None


def test_real_near_duplicates_in_fakes_and_the_earliest_copy_wins():
    docs = {d.id: d for d in read("fakes-slice.jsonl")}
    # Jordan Times printed the same AFP story twice under one title (one with a "BEIRUT"
    # dateline, first in the file): the slice's only pair of ids sharing a title
    [(earlier, later)] = ids_sharing(FIX / "fakes-slice.jsonl", "title")
    index = SyndicationIndex.from_signatures(
        (i, minhash_signature(d.text)) for i, d in docs.items() if i != later
    )
    assert index.find(minhash_signature(docs[later].text)) == earlier
    # an exact repeat finds itself; a different story of the slice finds nothing else
    repeated = repeated_id(FIX / "fakes-slice.jsonl")
    assert index.find(minhash_signature(docs[repeated].text)) == repeated
    story = fixture_ids(FIX / "fakes-slice.jsonl")[0]
    lone = SyndicationIndex.from_signatures(
        (i, minhash_signature(d.text)) for i, d in docs.items() if i != story
    )
    assert lone.find(minhash_signature(docs[story].text)) is None


def test_signature_is_compact_stable_and_checked():
    text = one_doc(f"{MEE}.txt").text
    signature = minhash_signature(text)
    assert len(signature) == 257 and signature == minhash_signature(text)
    assert minhash_signature(" ".join(text.split())) == signature  # whitespace does not matter
    with pytest.raises(ValueError, match="not a strikewatch MinHash"):
        SyndicationIndex().add("x", signature[:-4])


# Short items: feed lines, coders' notes and captions written in the shape such reports take.
@pytest.mark.parametrize("text", [
    "Kharkiv tram depot struck.",                                   # Ukraine, a caption
    "Strike on Kyiv TV tower",                                      # Ukraine, a headline
    "Novoselivka Druha\n\nCivilian homes hit by artillery.",        # Ukraine, title + note
    "Kindergarten #109 in Kyiv District, Kharkiv damaged.",
    "Jisr al-Shughur market struck, Idlib.",                        # Syria
    "Sirte port hit by air strikes.",                               # Libya
])
def test_short_english_item_is_read_as_english(text):
    from strikewatch.ingest import detect_language

    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "language"), [
    ("Frappe sur une école à Kharkiv", "fr"),
    ("Raketenangriff auf Kiew: drei Tote", "de"),
    ("Bombardeo en Alepo deja tres muertos", "es"),
    ("Удар по Харкову", "uk"),
])
def test_short_item_in_another_language_keeps_its_language(text, language):
    from strikewatch.ingest import detect_language

    assert detect_language(text) == language
