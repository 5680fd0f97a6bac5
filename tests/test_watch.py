"""``watch``: polling feeds and folders on a loopback server, restarts, backoff, bad files."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from strikewatch.errors import ConfigError
from strikewatch.store import DocumentRow, Store
from strikewatch.watch import MAX_BACKOFF, Watcher, WatchedSource, backoff, load_sources

# real-shaped wire sentences from two wars (written for these tests, not taken from a corpus)
KHARKIV = ("Russian missiles struck an apartment block in Kharkiv on Tuesday, killing three "
           "people, the regional governor Oleh Syniehubov said.")
IDLIB = ("Russian warplanes struck a market in Idlib on Wednesday, killing five civilians, "
         "the Syrian Observatory for Human Rights said.")
SANAA = ("Coalition aircraft bombed a fuel depot in Sanaa on Thursday, killing two guards, "
         "residents told Reuters.")


def _rss(entries: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, title, body) entries, all dated 2 March 2022."""
    items = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>https://news.example/{guid}</link>"
        f"<pubDate>Wed, 02 Mar 2022 08:00:00 GMT</pubDate><description>{body}</description></item>"
        for guid, title, body in entries)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
            f"<language>en</language>{items}</channel></rss>").encode()


class _Feeds(BaseHTTPRequestHandler):
    """Serves ``feeds[path]`` with an ETag per version; answers 304 to a matching
    If-None-Match; /down fails with 500 every time."""

    feeds: dict[str, bytes] = {}
    answers: list[tuple[str, int]] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/down":
            self._answer(500)
            self.send_error(500)
            return
        body = self.feeds[self.path]
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if self.headers.get("If-None-Match") == etag:
            self._answer(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._answer(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Wed, 02 Mar 2022 08:00:00 GMT")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, status: int) -> None:
        self.answers.append((self.path, status))

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture
def server():
    _Feeds.feeds = {"/wire": _rss([("k1", "Strike on Kharkiv", KHARKIV)]),
                    "/broken": b'<?xml version="1.0"?><rss><channel><item><title>cut off'}
    _Feeds.answers = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Feeds)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _Clock:
    """A frozen clock the test moves by hand (no sleeping)."""

    def __init__(self) -> None:
        self.at = datetime(2022, 3, 2, 9, 0)

    def __call__(self) -> datetime:
        return self.at


def _watcher(store: Store, base: str, clock: _Clock) -> Watcher:
    sources = [WatchedSource(name=name, location=f"{base}/{name}", is_folder=False,
                             interval=timedelta(minutes=5))
               for name in ("wire", "down", "broken")]
    return Watcher(store, sources, now=clock)


def _stored_ids(store: Store) -> list[str]:
    with store.sessions() as s:
        return sorted(s.scalars(DocumentRow.__table__.select().with_only_columns(DocumentRow.id)))


def test_watch_stores_each_new_item_once_across_cycles_and_restarts(tmp_path, server):
    store, clock = Store(str(tmp_path / "w.db")), _Clock()
    watcher = _watcher(store, server, clock)
    watcher.run(cycles=1, sleep=lambda _: None)
    assert len(_stored_ids(store)) == 1
    assert list(store.documents(unextracted=True)) == []  # extracted as it arrived
    assert len(store.incidents()) == 1  # and fused

    clock.at += timedelta(minutes=5)  # unchanged feed: a 304, nothing stored
    watcher.cycle()
    assert ("/wire", 304) in _Feeds.answers

    _Feeds.feeds["/wire"] = _rss([("k1", "Strike on Kharkiv", KHARKIV),
                                  ("s1", "Strike on Idlib market", IDLIB)])
    clock.at += timedelta(minutes=5)
    new = {p.name: p for p in watcher.cycle()}
    assert len(new["wire"].stored) == 1  # the repeated item is not stored again
    watcher.close()
    store.close()

    _Feeds.feeds["/wire"] = _rss([("s1", "Strike on Idlib market", IDLIB),
                                  ("y1", "Sanaa depot bombed", SANAA)])
    restarted = _watcher(Store(str(tmp_path / "w.db")), server, clock)
    clock.at += timedelta(minutes=5)
    restarted.run(cycles=1, sleep=lambda _: None)
    assert len(_stored_ids(restarted.store)) == 3  # each item once, none repeated
    wire = restarted.store.watched_source("wire")
    assert (wire.items_today, wire.items_total, wire.last_error) == (3, 3, None)
    restarted.close()


def test_a_watcher_stopped_before_extracting_finishes_the_item_on_restart(tmp_path, server,
                                                                         monkeypatch):
    """Stopped (Ctrl-C, a kill) between storing an item and extracting it: the restarted
    watcher extracts and fuses it, although the feed now only repeats that item."""
    import strikewatch.watch as watch_module

    def stopped(*_args, **_kwargs):
        raise KeyboardInterrupt

    store, clock = Store(str(tmp_path / "w.db")), _Clock()
    first = _watcher(store, server, clock)
    with monkeypatch.context() as patched:
        patched.setattr(watch_module, "process_pending", stopped)
        with pytest.raises(KeyboardInterrupt):
            first.cycle()
    first.close()
    assert len(_stored_ids(store)) == 1 and len(list(store.documents(unextracted=True))) == 1
    store.close()

    restarted = _watcher(Store(str(tmp_path / "w.db")), server, clock)
    restarted.run(cycles=1, sleep=lambda _: None)
    assert len(_stored_ids(restarted.store)) == 1  # the repeated item is not stored again
    assert list(restarted.store.documents(unextracted=True)) == []
    assert len(restarted.store.incidents()) == 1
    restarted.close()


def test_failing_and_malformed_sources_record_their_error_and_back_off(tmp_path, server):
    store, clock = Store(str(tmp_path / "w.db")), _Clock()
    watcher = _watcher(store, server, clock)
    watcher.cycle()
    down, broken = store.watched_source("down"), store.watched_source("broken")
    assert "HTTP 500" in down.last_error and down.last_success is None
    assert "broken feed" in broken.last_error
    assert down.next_poll == clock.at + timedelta(minutes=10)  # interval doubled
    clock.at += timedelta(minutes=5)
    polled = {p.name for p in watcher.cycle()}
    assert polled == {"wire"}  # the failing ones wait out their backoff
    clock.at += timedelta(minutes=5)
    watcher.cycle()
    assert store.watched_source("down").failures == 2
    assert store.watched_source("down").next_poll == clock.at + timedelta(minutes=20)
    assert store.watched_source("wire").failures == 0
    watcher.close()


def test_backoff_doubles_up_to_its_cap_and_never_below_the_interval():
    assert backoff(timedelta(minutes=5), 1) == timedelta(minutes=10)
    assert backoff(timedelta(minutes=5), 20) == MAX_BACKOFF
    assert backoff(timedelta(days=1), 3) == timedelta(days=1)


def test_a_watched_folder_reads_new_files_only_and_labels_their_outlet(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(f"Strike on Kharkiv\n\nKHARKIV, March 1 2022 - {KHARKIV}\n")
    store, clock = Store(str(tmp_path / "w.db")), _Clock()
    source = WatchedSource(name="inbox", location=str(inbox), is_folder=True,
                           interval=timedelta(minutes=1), outlet="Field notes", language="en")
    watcher = Watcher(store, [source], now=clock)
    assert len(watcher.poll(source).stored) == 1
    assert watcher.poll(source).stored == ()  # nothing newer: read again, still a duplicate
    (inbox / "b.txt").write_text(f"Idlib market hit\n\nIDLIB, March 2 2022 - {IDLIB}\n")
    assert len(watcher.poll(source).stored) == 1
    assert {d.source for d in store.documents()} == {"Field notes"}
    watcher.close()


@pytest.mark.parametrize(("body", "line", "reason"), [
    ("sources:\n  - url: http://a.example/feed\n    interval: 60\n    intervall: 5\n",
     4, "unknown key 'intervall'"),
    ("sources:\n  - url: ftp//a.example/feed\n    interval: 60\n", 2, "not an http(s) URL"),
    ("sources:\n  - feed: http://a.example/rss\n    interval: -30\n", 3, "at least 1"),
    ("sources:\n  - folder: /tmp\n", 2, "needs an interval"),
    ("sources:\n  - url: http://a.example/\n    folder: /tmp\n    interval: 5\n", 2,
     "exactly one of feed, url or folder"),
    ("sourcez: []\n", 1, "unknown key 'sourcez'"),
])
def test_a_bad_sources_file_is_refused_with_its_line_and_reason(tmp_path, body, line, reason):
    path = tmp_path / "sources.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as refused:
        load_sources(path)
    assert f"{path}:{line}:" in str(refused.value) and reason in str(refused.value)


def test_a_good_sources_file_reads_every_kind(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n"
                    "  - feed: https://www.aljazeera.com/xml/rss/all.xml\n    interval: 600\n"
                    "    outlet: Al Jazeera\n    language: en\n"
                    "  - name: drop\n    folder: ~/inbox\n    interval: 30\n")
    sources, delivery = load_sources(path)
    assert [(s.name, s.is_folder, s.interval.total_seconds()) for s in sources] == [
        ("https://www.aljazeera.com/xml/rss/all.xml", False, 600.0), ("drop", True, 30.0)]
    assert sources[0].outlet == "Al Jazeera" and delivery is None
    assert Path(sources[1].location).is_absolute()


def test_the_commands_watch_a_folder_show_its_status_and_refuse_a_bad_file(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    runner = CliRunner()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(f"Strike on Kharkiv\n\nKHARKIV, March 1 2022 - {KHARKIV}\n")
    good, bad, db = tmp_path / "s.yaml", tmp_path / "bad.yaml", str(tmp_path / "w.db")
    good.write_text(f"sources:\n  - name: inbox\n    folder: {inbox}\n    interval: 60\n")
    bad.write_text("sources:\n  - name: inbox\n    folder: /tmp\n    interval: 0\n")
    assert runner.invoke(app, ["watch", "--sources", str(good), "--once", "--db", db]).exit_code == 0
    status = runner.invoke(app, ["sources", "--db", db])
    assert status.exit_code == 0 and status.stdout.splitlines()[1].split("\t")[::3] == ["inbox", "1"]
    refused = runner.invoke(app, ["watch", "--sources", str(bad), "--once", "--db", db])
    assert refused.exit_code == 2 and f"{bad}:4: interval (seconds) must be at least 1" in refused.stderr


def test_the_sample_sources_file_is_valid():
    from strikewatch.deliver import load_delivery

    example = Path(__file__).parent.parent / "samples" / "sources.yaml"
    sources, _ = load_sources(example)
    assert {s.is_folder for s in sources} == {True, False}
    assert load_delivery(example).hour == 7


def test_one_watcher_also_delivers_the_briefing_once_its_hour_has_come(tmp_path, server):
    from zoneinfo import ZoneInfo

    from strikewatch.deliver import Deliverer, DeliveryConfig

    store, clock = Store(str(tmp_path / "w.db")), _Clock()  # 09:00 UTC, 11:00 in Kyiv
    out = tmp_path / "briefings"
    deliverer = Deliverer(store, DeliveryConfig(hour=12, timezone=ZoneInfo("Europe/Kyiv"),
                                                folder=out))
    watcher = Watcher(store, [WatchedSource(name="wire", location=f"{server}/wire",
                                            is_folder=False, interval=timedelta(minutes=30))],
                      now=clock, after_cycle=deliverer.tick_in_background)
    watcher.cycle()
    deliverer.wait(60)
    assert not out.exists() and len(_stored_ids(store)) == 1
    clock.at += timedelta(hours=1)
    watcher.cycle()
    deliverer.wait(60)  # the briefing is written on a thread of its own, as `watch` runs it
    assert [f.name for f in sorted(out.iterdir())] == [
        "briefing-2022-03-02-week.html", "briefing-2022-03-02.html", "briefing-2022-03-02.md"]
    watcher.close()


class _HeldHook(BaseHTTPRequestHandler):
    """A webhook receiver that holds each POST open until the test releases it."""

    arrived = threading.Event()
    release = threading.Event()

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        _HeldHook.arrived.set()
        _HeldHook.release.wait(30)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # keep test output quiet
        pass


def test_a_hanging_briefing_webhook_never_holds_up_the_next_cycle(tmp_path, server):
    from zoneinfo import ZoneInfo

    from strikewatch.deliver import Deliverer, DeliveryConfig

    _HeldHook.arrived.clear()
    _HeldHook.release.clear()
    hook = ThreadingHTTPServer(("127.0.0.1", 0), _HeldHook)
    hook.daemon_threads = True
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    store, clock = Store(str(tmp_path / "w.db")), _Clock()  # 09:00 UTC: 12:00 in Aden
    deliverer = Deliverer(store, DeliveryConfig(
        hour=12, timezone=ZoneInfo("Asia/Aden"), folder=tmp_path / "briefings",
        webhook=f"http://127.0.0.1:{hook.server_address[1]}/hook"))
    watcher = Watcher(store, [WatchedSource(name="wire", location=f"{server}/wire",
                                            is_folder=False, interval=timedelta(minutes=5))],
                      now=clock, after_cycle=deliverer.tick_in_background)
    try:
        watcher.cycle()
        assert _HeldHook.arrived.wait(30)  # the briefing is being posted, and held there
        _Feeds.feeds["/wire"] = _rss([("k1", "Strike on Kharkiv", KHARKIV),
                                      ("y1", "Sanaa depot bombed", SANAA)])
        clock.at += timedelta(minutes=5)
        (polled,) = watcher.cycle()
        assert len(polled.stored) == 1 and len(store.incidents()) == 2
        assert "webhook" not in store.last_delivery().outputs  # still held
        _HeldHook.release.set()
        deliverer.wait(30)
        assert store.last_delivery().outputs["webhook"] == "sent (attempt 1)"
    finally:
        _HeldHook.release.set()
        watcher.close()
        hook.shutdown()
        hook.server_close()
