"""Alerts on watch-lists (issue 15): one test per watch-list kind, on a Syrian, a Yemeni and a
Ukrainian report; an incident edited into and out of an area; a webhook that fails twice then
succeeds; bad watch-lists refused with the reason. Runs on SQLite and PostgreSQL (tests/pg.py)."""

from __future__ import annotations

import json
import re
import socketserver
import threading
import time
from dataclasses import replace
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer

import pytest
from pg import db_url, postgres  # noqa: F401  (fixtures)
from test_fuse import KHERSON, RU, document, put, strike

from strikewatch import review
from strikewatch.alerts import (
    add_watchlist,
    alerts,
    check_recent,
    check_webhook_target,
    deliver_due,
    parse_watchlist,
    read_yaml,
    remove_watchlist,
)
from strikewatch.alerts.delivery import backoff
from strikewatch.alerts.targets import ALLOW_INTERNAL_ENV
from strikewatch.errors import WatchlistError
from strikewatch.fuse import fuse_pending
from strikewatch.models import Actor, Place, Range
from strikewatch.store import Store, now

DAY = date(2019, 7, 22)
SYRIA_TEXT = ("Russian warplanes struck a hospital in Maarat al-Numan in Idlib province on "
              "Monday, killing at least 9 people, the Syrian Observatory for Human Rights said.")
YEMEN_TEXT = ("Saudi-led coalition air strikes hit a crowded market in Mastaba in Hajjah "
              "province, killing at least 97 civilians, local officials said.")
UKRAINE_TEXT = ("Russian artillery shelled a school in Kherson on Monday, killing 4 people, "
                "regional officials said.")
MAARAT = Place("Maarat al-Numan", 35.6433, 36.6739, "SY", "point", admin1="Idlib")
MASTABA = Place("Mastaba", 16.1875, 43.3147, "YE", "point", admin1="Hajjah")
COALITION = Actor("Saudi-led Coalition")


def _reports() -> list[tuple[str, str, object]]:
    """(doc id, text, its strike mention): an air strike in Syria and one in Yemen, shelling
    in Ukraine."""
    return [
        ("sy-1", SYRIA_TEXT, replace(strike(
            "sy-1", SYRIA_TEXT, "Russian warplanes struck", MAARAT, day=DAY,
            targets=(("civilian", "hospital"),), killed=Range(9, None)), event_type="air")),
        ("ye-1", YEMEN_TEXT, replace(strike(
            "ye-1", YEMEN_TEXT, "air strikes hit", MASTABA, attacker=COALITION, day=DAY,
            targets=(("civilian", None),), killed=Range(97, None)), event_type="air")),
        ("ua-1", UKRAINE_TEXT, replace(strike(
            "ua-1", UKRAINE_TEXT, "Russian artillery shelled", KHERSON, day=DAY,
            targets=(("civilian", None),), killed=Range(4, 4)), event_type="shelling")),
    ]


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store(db_url)
    yield s
    s.close()


def fuse_reports(store: Store) -> dict[str, str]:
    """Store and fuse the three reports; doc id -> its incident's id."""
    for doc_id, text, mention in _reports():
        put(store, document(doc_id, text, "Wire", DAY), [mention])
    fuse_pending(store)
    return {sm.mention.doc_id: sm.incident_id for sm in store.stored_mentions()}


def alerted(store: Store, name: str, incidents: dict[str, str]) -> set[str]:
    """The documents whose incidents the watch-list ``name`` raised an alert on (not withdrawn)."""
    by_incident = {iid: doc for doc, iid in incidents.items()}
    return {by_incident[a["incident_id"]] for a in alerts(store, watchlist=name, withdrawn=False)}


def watch(store: Store, name: str, **criteria) -> None:
    add_watchlist(store, parse_watchlist(name, criteria))


KINDS = [
    ("idlib", {"area": {"admin1": "Idlib Governorate", "country": "SY"}}, {"sy-1"}),
    ("hajjah", {"area": {"admin1": "Hajjah"}}, {"ye-1"}),
    ("near-kherson", {"area": {"lat": 46.70, "lon": 32.60, "radius_km": 15}}, {"ua-1"}),
    ("tihama-polygon", {"area": {"polygon": {"type": "Polygon", "coordinates": [
        [[42.8, 15.5], [43.8, 15.5], [43.8, 16.8], [42.8, 16.8], [42.8, 15.5]]]}}}, {"ye-1"}),
    ("russia", {"attacker": "RU"}, {"sy-1", "ua-1"}),
    ("coalition", {"attacker": "saudi-led coalition"}, {"ye-1"}),
    ("civilians", {"target": "civilian"}, {"sy-1", "ye-1", "ua-1"}),
    ("shelling", {"event_type": "shelling"}, {"ua-1"}),
    ("air-in-idlib", {"event_type": "air", "area": {"admin1": "Idlib"}}, {"sy-1"}),
    ("mass-casualty", {"min_fatalities": 50}, {"ye-1"}),
    ("facilities", {"facilities": ["hospital", "school"]}, {"sy-1", "ua-1"}),
    ("markets", {"facilities": "market, bakery"}, {"ye-1"}),
]


@pytest.mark.parametrize(("name", "criteria", "expected"), KINDS, ids=[k[0] for k in KINDS])
def test_each_watchlist_kind_alerts_on_the_incidents_it_describes(store, name, criteria,
                                                                   expected):
    watch(store, name, **criteria)
    incidents = fuse_reports(store)
    assert alerted(store, name, incidents) == expected
    first = alerts(store, watchlist=name)
    assert all(a["matched"] and a["delivery"] == "none" for a in first)


def test_an_alert_is_stored_once_per_incident_and_watchlist(store):
    watch(store, "russia", attacker="RU")
    fuse_reports(store)
    again = "Russian artillery shelled a school in Kherson on Monday, a second outlet said."
    put(store, document("ua-2", again, "Other", DAY), [replace(strike(
        "ua-2", again, "Russian artillery shelled", KHERSON, day=DAY), event_type="shelling")])
    fuse_pending(store)  # joins the Kherson incident, which is checked again
    assert len(alerts(store, watchlist="russia")) == 2


def test_an_incident_edited_into_and_out_of_an_area(store):
    watch(store, "near-kherson", area={"lat": 46.64, "lon": 32.62, "radius_km": 10})
    incidents = fuse_reports(store)
    syria = incidents["sy-1"]
    assert alerted(store, "near-kherson", incidents) == {"ua-1"}
    kherson = json.dumps({"name": "Kherson", "lat": KHERSON.lat, "lon": KHERSON.lon,
                          "country": "UA", "precision": "point", "admin1": "Kherson"})
    review.edit(store, syria, "location", kherson, analyst="olena", reason="misplaced")
    assert alerted(store, "near-kherson", incidents) == {"ua-1", "sy-1"}
    idlib = json.dumps({"name": "Maarat al-Numan", "lat": MAARAT.lat, "lon": MAARAT.lon,
                        "country": "SY", "precision": "point", "admin1": "Idlib"})
    review.edit(store, syria, "location", idlib, analyst="olena", reason="right first time")
    assert alerted(store, "near-kherson", incidents) == {"ua-1"}
    (kept,) = alerts(store, watchlist="near-kherson", incident_id=syria)
    assert kept["withdrawn_at"] is not None  # kept for the record


def test_a_toll_edited_past_the_threshold_and_a_rejection(store):
    watch(store, "ten-dead", min_fatalities=10)
    incidents = fuse_reports(store)
    assert alerted(store, "ten-dead", incidents) == {"ye-1"}
    review.edit(store, incidents["ua-1"], "fatalities", "12-14", analyst="olena",
                reason="the toll rose")
    assert alerted(store, "ten-dead", incidents) == {"ye-1", "ua-1"}
    review.reject(store, incidents["ye-1"], analyst="olena", reason="a duplicate wire copy")
    assert alerted(store, "ten-dead", incidents) == {"ua-1"}


class _FlakyReceiver(BaseHTTPRequestHandler):
    """Answers 503 twice, then 204, and keeps what it received."""

    calls: list[int] = []
    bodies: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.calls.append(1)
        if len(self.calls) <= 2:
            self.send_response(503)
        else:
            self.bodies.append(json.loads(body))
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def internal_webhooks(monkeypatch):
    """The test receivers listen on loopback, which only an explicit allowance lets through."""
    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")


@pytest.fixture
def receiver(internal_webhooks):
    _FlakyReceiver.calls, _FlakyReceiver.bodies = [], []
    server = HTTPServer(("127.0.0.1", 0), _FlakyReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", _FlakyReceiver
    server.shutdown()
    server.server_close()


def test_a_webhook_that_fails_twice_is_retried_with_backoff(store, receiver):
    url, seen = receiver
    add_watchlist(store, parse_watchlist("hospitals", {"facilities": ["hospital"]},
                                         {"webhook": url}))
    started = time.monotonic()
    fuse_reports(store)
    assert time.monotonic() - started < 30 and seen.calls == []  # fusion sends nothing
    t0 = now()
    assert deliver_due(store, at=t0) == 0
    assert deliver_due(store, at=t0 + backoff(1) - timedelta(seconds=1)) == 0  # not due yet
    assert len(seen.calls) == 1
    assert deliver_due(store, at=t0 + backoff(1)) == 0
    assert deliver_due(store, at=t0 + backoff(1) + backoff(2)) == 1
    (alert,) = alerts(store, watchlist="hospitals")
    assert alert["delivery"] == "sent" and alert["next_attempt_at"] is None
    assert [a["ok"] for a in alert["attempts"]] == [False, False, True]
    assert "503" in alert["attempts"][0]["error"]
    assert backoff(2) == 2 * backoff(1)
    (body,) = seen.bodies
    assert body["watchlist"] == "hospitals" and "hospital" in body["matched"][0]
    assert body["incident"]["location"]["admin1"] == "Idlib"
    assert deliver_due(store, at=t0 + timedelta(days=1)) == 0 and len(seen.calls) == 3


def test_a_dead_webhook_ends_failed_with_every_error_recorded(store, internal_webhooks):
    add_watchlist(store, parse_watchlist("all", {"target": "civilian"},
                                         {"webhook": "http://127.0.0.1:9/nobody"}))
    fuse_reports(store)
    at = now()
    for _ in range(10):
        deliver_due(store, at=at)
        at += timedelta(hours=1)
    assert {a["delivery"] for a in alerts(store)} == {"failed"}
    assert all(len(a["attempts"]) == 6 for a in alerts(store))


@pytest.mark.parametrize(("criteria", "reason"), [
    ({"attacker": "Martians"}, "unknown attacker 'Martians'"),
    ({"area": {"lat": 36.2, "lon": 37.1, "radius_km": -5}}, "radius_km must be positive"),
    ({"area": {"lat": 36.2, "lon": 37.1}}, "needs admin1, radius_km"),
    ({"area": {"polygon": {"type": "Polygon", "coordinates": [
        [[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}}}, "invalid polygon: Self-intersection"),
    ({"area": {"polygon": {"type": "Point", "coordinates": [1, 2]}}}, "Polygon or MultiPolygon"),
    ({"area": {"polygon": {"type": "Polygon"}}}, "not valid GeoJSON (KeyError: 'coordinates')"),
    ({"event_type": "naval"}, "event_type 'naval' is none of air, shelling, unknown"),
    ({"target": "hospital"}, "target 'hospital' is none of"),
    ({"min_fatalities": -1}, "min_fatalities must be a whole number"),
    ({"province": "Idlib"}, "unknown criterion 'province'"),
    ({}, "give at least one of"),
])
def test_bad_watchlists_are_refused_with_the_reason(criteria, reason):
    with pytest.raises(WatchlistError, match=re.escape(reason)):
        parse_watchlist("bad", criteria)


def test_bad_notify_and_duplicate_names_are_refused(store):
    with pytest.raises(WatchlistError, match="webhook must be an http"):
        parse_watchlist("x", {"attacker": "RU"}, {"webhook": "file:///etc/passwd"})
    with pytest.raises(WatchlistError, match="email must be an address or a list"):
        parse_watchlist("x", {"attacker": "RU"}, {"email": 5})
    with pytest.raises(WatchlistError, match="not a mail address"):
        parse_watchlist("x", {"attacker": "RU"}, {"email": ["desk"]})
    watch(store, "russia", attacker="RU")
    with pytest.raises(WatchlistError, match="exists already"):
        watch(store, "russia", attacker="SY")
    remove_watchlist(store, "russia")
    with pytest.raises(WatchlistError, match="no watch-list named 'russia'"):
        remove_watchlist(store, "russia")


def test_watchlists_from_yaml_name_the_bad_entry():
    good = read_yaml("watchlists:\n  - name: gaza\n    area: {admin1: Gaza, country: PS}\n"
                     "    notify: {email: [desk@example.org]}\n")
    assert good[0].criteria["area"]["admin1"] == "Gaza" and good[0].notify["email"]
    with pytest.raises(WatchlistError, match="#2: radius_km must be positive"):
        read_yaml("watchlists:\n  - {name: a, attacker: RU}\n"
                  "  - {name: b, area: {lat: 1, lon: 2, radius_km: 0}}\n")


# -- the API and the command line ---------------------------------------------------------------


def test_watchlists_over_the_api_need_an_analyst_and_alerts_are_listed(store):
    from fastapi.testclient import TestClient

    from strikewatch.api import ApiSettings, create_app
    from strikewatch.users import add_user

    reader = {"Authorization": f"Bearer {add_user(store, 'Reader', role='reader')}"}
    analyst = {"Authorization": f"Bearer {add_user(store, 'Analyst', role='analyst')}"}
    c = TestClient(create_app(ApiSettings(), store=store), raise_server_exceptions=False)
    body = {"name": "idlib", "criteria": {"area": {"admin1": "Idlib", "country": "SY"}}}
    assert c.post("/api/v1/watchlists", json=body).status_code == 401
    assert c.post("/api/v1/watchlists", json=body, headers=reader).status_code == 403
    assert c.post("/api/v1/watchlists", json=body, headers=analyst).status_code == 201
    assert c.post("/api/v1/watchlists", json=body, headers=analyst).status_code == 409
    bad = {"name": "far", "criteria": {"area": {"lat": 1, "lon": 2, "radius_km": -3}}}
    refused = c.post("/api/v1/watchlists", json=bad, headers=analyst)
    assert refused.status_code == 422 and "radius_km must be positive" in refused.text
    changed = dict(body, criteria={"attacker": "RU"})
    assert c.put("/api/v1/watchlists/idlib", json=changed,
                 headers=analyst).json()["criteria"] == {"attacker": "RU"}
    assert [w["name"] for w in items(c.get("/api/v1/watchlists", headers=analyst))] == ["idlib"]
    # a read, refused as a read: watch-lists hold webhook addresses
    denied = c.get("/api/v1/watchlists", headers=reader)
    assert denied.status_code == 403 and "reading watch-lists needs the admin or analyst role" in denied.text
    assert "reading watch-lists needs a token" in c.get("/api/v1/watchlists/idlib").text
    fuse_reports(store)
    listed = c.get("/api/v1/alerts?watchlist=idlib&limit=1", headers=reader).json()
    assert listed["total"] == 2 and len(listed["items"]) == 1 and listed["next_offset"] == 1
    assert c.get("/alerts").status_code == 200
    assert c.delete("/api/v1/watchlists/idlib", headers=analyst).status_code == 200
    assert c.delete("/api/v1/watchlists/idlib", headers=analyst).status_code == 404
    assert c.get("/api/v1/alerts", headers=reader).json()["total"] == 0


def items(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_watchlists_and_alerts_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "cli.db")
    Store(db).close()
    run = CliRunner().invoke
    ok = run(app, ["watchlist", "add", "kherson", "--near", "46.64,32.62", "--radius-km", "10",
                   "--db", db])
    assert ok.exit_code == 0, ok.output
    refused = run(app, ["watchlist", "add", "far", "--near", "1,2", "--radius-km", "-1",
                        "--db", db])
    assert refused.exit_code == 2 and "radius_km must be positive" in refused.output
    unknown = run(app, ["watchlist", "add", "who", "--attacker", "Martians", "--db", db])
    assert unknown.exit_code == 2 and "unknown attacker" in unknown.output
    (tmp_path / "lists.yaml").write_text(
        "watchlists:\n  - {name: schools, facilities: [school]}\n")
    imported = run(app, ["watchlist", "import", str(tmp_path / "lists.yaml"), "--db", db])
    assert imported.exit_code == 0, imported.output
    listed = run(app, ["watchlist", "list", "--db", db]).stdout.splitlines()
    assert [json.loads(line)["name"] for line in listed] == ["kherson", "schools"]
    assert run(app, ["alerts", "--db", db]).exit_code == 1  # none yet
    s = Store(db)
    fuse_reports(s)
    s.close()
    shown = run(app, ["alerts", "--db", db])
    assert shown.exit_code == 0
    assert {json.loads(line)["watchlist"] for line in shown.stdout.splitlines()} == {
        "kherson", "schools"}
    assert run(app, ["watchlist", "remove", "kherson", "--db", db]).exit_code == 0
    assert run(app, ["watchlist", "remove", "kherson", "--db", db]).exit_code == 2


class _SmtpSink(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) for smtplib to hand over one message, kept in ``messages``."""

    messages: list[str] = []

    def handle(self):
        self.wfile.write(b"220 sink ready\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                data = b"".join(iter(self.rfile.readline, b".\r\n"))
                self.messages.append(data.decode())
                self.wfile.write(b"250 kept\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


def test_an_alert_by_mail_reaches_a_local_smtp_server(store, monkeypatch):
    _SmtpSink.messages = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpSink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("STRIKEWATCH_SMTP", f"127.0.0.1:{server.server_address[1]}")
    try:
        add_watchlist(store, parse_watchlist("yemen-markets", {
            "area": {"admin1": "Hajjah", "country": "YE"}, "facilities": ["market"]},
            {"email": ["desk@example.org"]}))
        fuse_reports(store)
        assert deliver_due(store) == 1
    finally:
        server.shutdown()
        server.server_close()
    (message,) = _SmtpSink.messages
    assert "Subject: strikewatch alert (yemen-markets)" in message
    assert "To: desk@example.org" in message and "Mastaba" in message
    (alert,) = alerts(store, watchlist="yemen-markets")
    assert alert["delivery"] == "sent" and alert["attempts"][0]["channel"] == "email"


# -- a new watch-list looks back; deliveries outlive restarts; webhooks stay off internal hosts --


def test_a_new_watchlist_is_checked_against_the_last_days_incidents(store):
    """Watching Russian strikes from Thursday on raises the Syrian and the Ukrainian strikes
    of Monday at once; a look-back that ends before Monday, or of 0 days, raises nothing."""
    incidents = fuse_reports(store)
    russia = add_watchlist(store, parse_watchlist("russia", {"attacker": "RU"}))
    raised = check_recent(store, russia, today=DAY + timedelta(days=3))
    assert {c.what for c in raised} == {"raised"}
    assert alerted(store, "russia", incidents) == {"sy-1", "ua-1"}
    assert check_recent(store, russia, today=DAY + timedelta(days=3)) == []  # stored once
    late = add_watchlist(store, parse_watchlist("late", {"attacker": "RU"}))
    assert check_recent(store, late, today=DAY + timedelta(days=7)) == []  # Monday is 8 days back
    assert check_recent(store, late, days=0, today=DAY) == []
    assert len(check_recent(store, late, days=8, today=DAY + timedelta(days=7))) == 2
    with pytest.raises(WatchlistError, match="0 days or more"):
        check_recent(store, late, days=-1)


def test_the_api_checks_a_new_watchlist_over_the_chosen_days(store):
    from fastapi.testclient import TestClient

    from strikewatch.api import ApiSettings, create_app
    from strikewatch.users import add_user

    fuse_reports(store)
    analyst = {"Authorization": f"Bearer {add_user(store, 'Analyst', role='analyst')}"}
    c = TestClient(create_app(ApiSettings(), store=store))
    week = c.post("/api/v1/watchlists", headers=analyst,
                  json={"name": "yemen", "criteria": {"area": {"admin1": "Hajjah"}}})
    assert week.status_code == 201 and week.json()["look_back_days"] == 7
    assert week.json()["raised"] == 0  # the strikes of 2019 are not of the last week
    since_then = (now().date() - DAY).days + 1
    back = c.post("/api/v1/watchlists", headers=analyst, json={
        "name": "hajjah", "criteria": {"area": {"admin1": "Hajjah"}},
        "look_back_days": since_then})
    assert back.status_code == 201 and back.json()["raised"] == 1
    (alert,) = alerts(store, watchlist="hajjah")
    assert alert["matched"] == ["in Hajjah (YE)"]
    negative = c.post("/api/v1/watchlists", headers=analyst, json={
        "name": "x", "criteria": {"attacker": "RU"}, "look_back_days": -1})
    assert negative.status_code == 422


INTERNAL = [
    ("http://127.0.0.1:8080/hook", "127.0.0.1 (loopback)"),
    ("http://localhost/hook", "(loopback)"),
    ("http://[::1]/hook", "::1 (loopback)"),
    ("http://[::ffff:127.0.0.1]/hook", "(loopback)"),
    ("http://10.20.30.40/hook", "10.20.30.40 (private)"),
    ("https://192.168.1.5/hook", "192.168.1.5 (private)"),
    ("http://169.254.169.254/latest/meta-data", "169.254.169.254 (link-local)"),
    ("http://100.64.0.7/hook", "shared (carrier-grade NAT)"),
    ("http://0.0.0.0:8000/", "(unspecified)"),
]


@pytest.mark.parametrize(("url", "why"), INTERNAL, ids=[u for u, _ in INTERNAL])
def test_a_webhook_on_an_internal_address_is_refused_unless_allowed(store, monkeypatch, url,
                                                                    why):
    monkeypatch.delenv(ALLOW_INTERNAL_ENV, raising=False)
    w = parse_watchlist("hook", {"attacker": "RU"}, {"webhook": url})
    with pytest.raises(WatchlistError, match=re.escape(why) + ".*STRIKEWATCH_ALLOW_INTERNAL"):
        add_watchlist(store, w)
    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")
    assert add_watchlist(store, w).notify == {"webhook": url}


def test_a_public_webhook_is_accepted_and_an_unresolvable_one_refused(store, monkeypatch):
    monkeypatch.delenv(ALLOW_INTERNAL_ENV, raising=False)
    check_webhook_target("https://93.184.215.14/hooks/strikewatch")  # a literal public address
    with pytest.raises(WatchlistError, match="does not resolve"):
        check_webhook_target("https://no-such-host.invalid/hook")


def test_the_api_refuses_an_internal_webhook_with_the_reason(store, monkeypatch):
    from fastapi.testclient import TestClient

    from strikewatch.api import ApiSettings, create_app
    from strikewatch.users import add_user

    monkeypatch.delenv(ALLOW_INTERNAL_ENV, raising=False)
    analyst = {"Authorization": f"Bearer {add_user(store, 'Analyst', role='analyst')}"}
    c = TestClient(create_app(ApiSettings(), store=store))
    metadata = {"name": "m", "criteria": {"attacker": "RU"},
                "notify": {"webhook": "http://169.254.169.254/latest/meta-data"}}
    refused = c.post("/api/v1/watchlists", headers=analyst, json=metadata)
    assert refused.status_code == 422 and "link-local" in refused.json()["error"]
    assert c.get("/api/v1/watchlists", headers=analyst).json()["total"] == 0
    assert c.post("/api/v1/watchlists", headers=analyst,
                  json=dict(metadata, notify={})).status_code == 201
    put = c.put("/api/v1/watchlists/m", headers=analyst, json=metadata)
    assert put.status_code == 422 and "link-local" in put.json()["error"]


def test_a_send_to_an_address_no_longer_allowed_is_refused_and_recorded(store, monkeypatch):
    """Allowed when written, disallowed when sent (the configuration changed, or the name now
    points inside): the attempt fails with the reason and nothing is posted."""
    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")
    add_watchlist(store, parse_watchlist("hook", {"attacker": "RU"},
                                         {"webhook": "http://127.0.0.1:9/hook"}))
    fuse_reports(store)
    monkeypatch.delenv(ALLOW_INTERNAL_ENV)
    assert deliver_due(store) == 0
    for alert in alerts(store, watchlist="hook"):
        assert alert["delivery"] == "pending" and "(loopback)" in alert["last_error"]


class _RedirectingReceiver(BaseHTTPRequestHandler):
    calls: list[str] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        self.calls.append(self.path)
        self.send_response(302 if self.path == "/hook" else 204)
        self.send_header("Location", "/elsewhere")
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


def test_a_webhook_redirect_is_a_failure_not_followed(store, internal_webhooks):
    _RedirectingReceiver.calls = []
    server = HTTPServer(("127.0.0.1", 0), _RedirectingReceiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        add_watchlist(store, parse_watchlist("hook", {"attacker": "saudi-led coalition"}, {
            "webhook": f"http://127.0.0.1:{server.server_address[1]}/hook"}))
        fuse_reports(store)
        assert deliver_due(store) == 0
    finally:
        server.shutdown()
        server.server_close()
    assert _RedirectingReceiver.calls == ["/hook"]
    (alert,) = alerts(store, watchlist="hook")
    assert "302" in alert["last_error"] and alert["delivery"] == "pending"


def test_retries_outlive_a_restart(db_url, receiver):  # noqa: F811
    """The alerts table is the delivery queue: a sender that stops after a failure and a new
    one started later go on from the recorded attempts and next try."""
    url, seen = receiver
    first = Store(db_url)
    add_watchlist(first, parse_watchlist("hospitals", {"facilities": ["hospital"]},
                                         {"webhook": url}))
    fuse_reports(first)
    t0 = now()
    assert deliver_due(first, at=t0) == 0
    first.close()  # the process stops

    second = Store(db_url)
    (alert,) = alerts(second, watchlist="hospitals")
    assert alert["delivery"] == "pending" and "503" in alert["last_error"]
    assert alert["next_attempt_at"] == (t0 + backoff(1)).isoformat(timespec="seconds")
    assert deliver_due(second, at=t0 + backoff(1) - timedelta(seconds=1)) == 0
    assert deliver_due(second, at=t0 + backoff(1)) == 0
    assert deliver_due(second, at=t0 + backoff(1) + backoff(2)) == 1
    (alert,) = alerts(second, watchlist="hospitals")
    assert [a["ok"] for a in alert["attempts"]] == [False, False, True]
    assert len(seen.calls) == 3 and len(seen.bodies) == 1
    second.close()


class _SlowReceiver(BaseHTTPRequestHandler):
    calls: list[int] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        self.calls.append(1)
        time.sleep(0.5)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


def test_two_senders_never_send_one_alert_twice(store, internal_webhooks):
    """The server and the watcher both run a sender: each claims an alert before sending."""
    _SlowReceiver.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowReceiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        add_watchlist(store, parse_watchlist("yemen", {"area": {"admin1": "Hajjah"}}, {
            "webhook": f"http://127.0.0.1:{server.server_address[1]}/hook"}))
        fuse_reports(store)
        at = now()
        sent = []
        senders = [threading.Thread(target=lambda: sent.append(deliver_due(store, at=at)))
                   for _ in range(3)]
        for t in senders:
            t.start()
        for t in senders:
            t.join(30)
    finally:
        server.shutdown()
        server.server_close()
    assert sorted(sent) == [0, 0, 1] and len(_SlowReceiver.calls) == 1
    (alert,) = alerts(store, watchlist="yemen")
    assert alert["delivery"] == "sent" and len(alert["attempts"]) == 1


def test_the_command_line_looks_back_over_the_days_asked(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "look.db")
    s = Store(db)
    fuse_reports(s)
    s.close()
    run = CliRunner().invoke
    week = run(app, ["watchlist", "add", "russia", "--attacker", "RU", "--db", db])
    assert week.exit_code == 0
    assert "0 alert(s) on the incidents of the last 7 day(s)" in week.output
    days = (now().date() - DAY).days + 1
    back = run(app, ["watchlist", "add", "russia-since", "--attacker", "RU",
                     "--look-back-days", str(days), "--db", db])
    assert back.exit_code == 0
    assert f"2 alert(s) on the incidents of the last {days} day(s)" in back.output
    refused = run(app, ["watchlist", "add", "x", "--attacker", "RU", "--look-back-days", "-1",
                        "--db", db])
    assert refused.exit_code == 2
