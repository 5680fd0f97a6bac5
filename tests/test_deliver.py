"""The delivered briefing: on the hour (frozen clock), by mail and webhook, what changed."""

from __future__ import annotations

import json
import re
import socketserver
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from strikewatch import pipeline
from strikewatch.deliver import (
    RETRY_FIRST,
    DeliveryConfig,
    Deliverer,
    SmtpConfig,
    changes_since,
    is_due,
    load_delivery,
)
from strikewatch.errors import ConfigError
from strikewatch.ingest import IngestOptions
from strikewatch.models import Incident
from strikewatch.store import Store, WatchedSourceRow

# real-shaped reports from three wars (written for these tests, not taken from a corpus)
KHARKIV = ("Strike on Kharkiv\n\nKHARKIV, March 1 2022 - Russian missiles struck an apartment "
           "block in Kharkiv on Tuesday, killing three people, the regional governor said.\n")
IDLIB = ("Idlib market hit\n\nIDLIB, March 2 2022 - Russian warplanes struck a market in Idlib "
         "on Wednesday, killing five civilians, the Syrian Observatory for Human Rights said.\n")
SANAA = ("Sanaa depot bombed\n\nSANAA, March 3 2022 - Coalition aircraft bombed a fuel depot in "
         "Sanaa on Thursday, killing two guards, residents told Reuters.\n")


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to take one message over loopback: each DATA lands in ``received``."""

    received: list[str] = []

    def handle(self) -> None:
        self._say("220 localhost test smtp")
        while line := self.rfile.readline().decode():
            verb = line[:4].upper()
            if verb == "DATA":
                self._say("354 go ahead")
                self.received.append(self._data())
                self._say("250 queued")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:  # EHLO, MAIL, RCPT, RSET, NOOP
                self._say("250 ok")

    def _data(self) -> str:
        lines = []
        while (line := self.rfile.readline().decode()) not in (".\r\n", ""):
            lines.append(line)
        return "".join(lines)

    def _say(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())


class _Hook(BaseHTTPRequestHandler):
    """A webhook receiver that fails its first ``failures`` posts with 503."""

    posts: list[dict] = []
    failures = 0

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if _Hook.failures:
            _Hook.failures -= 1
            self.send_error(503)
            return
        self.posts.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def _serve(server) -> int:  # noqa: ANN001
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


@pytest.fixture
def receivers():
    _Smtp.received, _Hook.posts, _Hook.failures = [], [], 0
    smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    hook = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    yield _serve(smtp), _serve(hook)
    for server in (smtp, hook):
        server.shutdown()
        server.server_close()


def _add(store: Store, tmp_path: Path, name: str, text: str) -> Incident:
    """The incident the report became."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text)
    summary = pipeline.ingest([str(path)], store, options=IngestOptions())
    pipeline.process_pending(store, ids=summary.stored)
    [incident_id] = store.incidents_of_documents(summary.stored)
    return store.incident(incident_id)


def _source(store: Store, name: str, items: int) -> None:
    store.save_watched_source(WatchedSourceRow(name=name, location=f"http://{name}.example/",
                                               failures=0, items_today=0, items_total=items))


def _config(tmp_path: Path, smtp_port: int, hook_port: int) -> DeliveryConfig:
    return DeliveryConfig(
        hour=7, timezone=ZoneInfo("Europe/Kyiv"), folder=tmp_path / "out",
        smtp=SmtpConfig(host="127.0.0.1", port=smtp_port, sender="sw@localhost",
                        to=("desk@localhost",)),
        webhook=f"http://127.0.0.1:{hook_port}/hook")


def test_the_briefing_is_delivered_at_the_hour_and_leads_with_what_changed(tmp_path, receivers):
    store = Store(str(tmp_path / "d.db"))
    kharkiv = _add(store, tmp_path, "kharkiv", KHARKIV)
    idlib = _add(store, tmp_path, "idlib", IDLIB)
    _source(store, "wire", 2)
    _source(store, "quiet", 1)
    deliverer = Deliverer(store, _config(tmp_path, *receivers))

    # 07:00 in Kyiv is 05:00 UTC in March
    assert deliverer.tick(datetime(2022, 3, 4, 4, 59)) is None
    assert not (tmp_path / "out").exists()
    assert deliverer.tick(datetime(2022, 3, 4, 5, 0)) is not None
    assert (tmp_path / "out" / "briefing-2022-03-04.md").exists()
    assert deliverer.tick(datetime(2022, 3, 4, 5, 30)) is None  # once a day
    assert len(_Smtp.received) == 1 and len(_Hook.posts) == 1

    sanaa = _add(store, tmp_path, "sanaa", SANAA)  # a new incident
    store.review_incident(kharkiv.id, action="edit", analyst="ana", reason="governor update",
                          changes={"fatalities": {"min": 4, "max": 4, "vague": False}})
    store.review_incident(idlib.id, action="edit", analyst="ana", reason="denied by Moscow",
                          changes={"grade": "contested"})
    _source(store, "wire", 3)  # "quiet" brought nothing since
    assert sanaa.grade != "contested"

    assert deliverer.tick(datetime(2022, 3, 5, 5, 1)) is not None
    text = (tmp_path / "out" / "briefing-2022-03-05.md").read_text()
    changed = text.split("\n\n")[1].splitlines()
    assert changed == [
        f"- new incident {sanaa.id}",
        f"- toll revised for {kharkiv.id}: 3 → 4",
        f"- newly contested: {idlib.id}",
        f"- grade changed by review for {idlib.id}: {idlib.grade} → contested",
        "- source went silent: quiet (no new item since the last briefing)",
    ]
    assert "What changed since the last briefing" in _Smtp.received[-1]
    assert f"new incident {sanaa.id}" in _Hook.posts[-1]["markdown"]
    assert (tmp_path / "out" / "briefing-2022-03-05.html").read_text().count(sanaa.id) >= 1


def test_a_failing_webhook_is_retried_with_backoff_and_recorded(tmp_path, receivers):
    store = Store(str(tmp_path / "d.db"))
    _add(store, tmp_path, "idlib", IDLIB)
    _Hook.failures = 2
    deliverer = Deliverer(store, _config(tmp_path, *receivers))
    at = datetime(2022, 3, 4, 5, 0)
    delivery = deliverer.tick(at)
    assert "failed (attempt 1)" in store.last_delivery().outputs["webhook"]
    assert store.last_delivery().outputs["smtp"] == "sent (attempt 1)"  # the mail went anyway
    deliverer.tick(at + RETRY_FIRST - timedelta(seconds=1))  # not yet: nothing posted
    assert "attempt 1" in store.last_delivery().outputs["webhook"]
    deliverer.tick(at + RETRY_FIRST)
    assert "failed (attempt 2)" in store.last_delivery().outputs["webhook"]
    deliverer.tick(at + RETRY_FIRST * 3)  # waited twice as long the second time
    assert store.last_delivery().outputs["webhook"] == "sent (attempt 3)"
    assert store.last_delivery().id == delivery and len(_Hook.posts) == 1


def test_due_follows_the_time_zone_and_the_last_delivery():
    config = DeliveryConfig(hour=8, timezone=ZoneInfo("Asia/Damascus"), folder=Path("."))
    # 08:00 in Damascus is 05:00 UTC (UTC+3)
    assert not is_due(config, None, datetime(2024, 6, 1, 4, 59))
    assert is_due(config, None, datetime(2024, 6, 1, 5, 0))
    assert not is_due(config, datetime(2024, 6, 1, 5, 0), datetime(2024, 6, 1, 23, 0))
    assert is_due(config, datetime(2024, 6, 1, 5, 0), datetime(2024, 6, 2, 5, 0))


def test_the_first_briefing_says_there_is_nothing_to_compare():
    now = {"incidents": {"a": {"toll": [1, 1], "grade": "weak", "grade_reviewed": False}},
           "sources": {}}
    assert changes_since(None, now).lines() == [
        "- first delivered briefing: nothing earlier to compare with"]
    assert changes_since(now, now).lines() == ["- nothing changed since the last briefing"]


@pytest.mark.parametrize(("body", "line", "reason"), [
    ("delivery:\n  hour: 7\n  timezone: Mars/Olympus\n  folder: out\n", 3, "unknown time zone"),
    ("delivery:\n  hour: 25\n  timezone: UTC\n  folder: out\n", 2, "not a time of day"),
    ("delivery:\n  hour: 7\n  timezone: UTC\n  folder: out\n  webhook:\n    url: hook\n", 6,
     "not an http(s) URL"),
    ("delivery:\n  hour: 7\n  timezone: UTC\n  folder: out\n  smtp:\n    host: x\n"
     "    port: -1\n    sender: a@b\n    to: [c@d]\n", 7, "at least 1"),
    ("delivery:\n  hour: 7\n  timezone: UTC\n  folder: out\n  formats: [docx]\n", 5,
     "unknown format 'docx'"),
])
def test_a_bad_delivery_file_is_refused_with_its_line_and_reason(tmp_path, body, line, reason):
    path = tmp_path / "delivery.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as refused:
        load_delivery(path)
    assert f"{path}:{line}:" in str(refused.value) and reason in str(refused.value)


def test_a_briefing_that_cannot_be_written_is_tried_again_later_without_raising(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    deliverer = Deliverer(store, DeliveryConfig(hour=6, timezone=ZoneInfo("Africa/Khartoum"),
                                                folder=blocked))
    at = datetime(2023, 5, 1, 4, 0)  # 06:00 in Khartoum (UTC+2)
    assert deliverer.tick(at) is None and store.last_delivery() is None
    blocked.unlink()
    assert deliverer.tick(at + RETRY_FIRST / 2) is None  # waiting out its backoff
    assert deliverer.tick(at + RETRY_FIRST) is not None
    assert (blocked / "briefing-2023-05-01.md").exists()


def test_a_sources_file_without_a_delivery_section_is_named(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - folder: /tmp\n    interval: 60\n")
    with pytest.raises(ConfigError, match="without a 'delivery:' section"):
        load_delivery(path)


@pytest.mark.browser
def test_the_day_and_the_week_are_delivered_as_markdown_html_and_pdf(tmp_path):
    from strikewatch.brief import chromium

    if chromium() is None:
        pytest.skip("/usr/bin/chromium is absent: run scripts/ensure-chromium.sh")
    store = Store(str(tmp_path / "d.db"))
    _add(store, tmp_path, "kharkiv", KHARKIV)
    _add(store, tmp_path, "idlib", IDLIB)
    config = DeliveryConfig(hour=6, timezone=ZoneInfo("Asia/Aden"), folder=tmp_path / "out",
                            formats=("markdown", "html", "pdf"))
    assert Deliverer(store, config).tick(datetime(2022, 3, 4, 3, 0)) is not None  # 06:00 Aden
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "briefing-2022-03-04-week.html", "briefing-2022-03-04-week.pdf",
        "briefing-2022-03-04.html", "briefing-2022-03-04.md", "briefing-2022-03-04.pdf"]
    titles = re.findall(r"^# (.+)$", (out / "briefing-2022-03-04.md").read_text(), re.M)
    assert titles == ["Strikes, 2022-03-02", "Strikes, 2022-02-24 to 2022-03-02"]
    for pdf in out.glob("*.pdf"):
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000


def test_the_deliver_command_writes_now_then_says_how_the_last_one_fared(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "d.db")
    store = Store(db)
    _add(store, tmp_path, "sanaa", SANAA)
    store.close()
    config = tmp_path / "delivery.yaml"
    config.write_text(f"delivery:\n  hour: 0\n  timezone: Asia/Aden\n  folder: {tmp_path}/out\n"
                      "  webhook:\n    url: http://127.0.0.1:9/nobody\n")
    run = CliRunner().invoke
    now = run(app, ["deliver", "--config", str(config), "--now", "--db", db])
    assert now.exit_code == 0, now.output
    assert "webhook: failed (attempt 1)" in now.stdout
    assert (tmp_path / "out").is_dir() and any((tmp_path / "out").glob("briefing-*.md"))
    again = run(app, ["deliver", "--config", str(config), "--db", db])
    assert again.exit_code == 1
    assert "not due yet: the last briefing was delivered at" in again.stdout
    assert "webhook: failed (attempt 1)" in again.stdout  # the failure stays on record
