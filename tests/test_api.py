"""The REST API over the founding example: every endpoint, the filters, who may write, and
what bad input gets back (a JSON error with a clear message, never a stack trace)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from pg import db_url, postgres  # noqa: F401  (fixtures)
from webapp_support import FIXTURES, SAMPLE, build_founding_db, copy_db
from fixture_roles import fixture_ids

from strikewatch import pipeline
from strikewatch.api import API, ApiSettings, create_app
from strikewatch.cli import app as cli
from strikewatch.export import ACLED_COLUMNS
from strikewatch.fuse import fuse_pending
from strikewatch.store import ReviewRow, Store
from strikewatch.store import UserRow
from strikewatch.users import add_user


@pytest.fixture(scope="session")
def founding_db(tmp_path_factory):
    return build_founding_db(tmp_path_factory.mktemp("api") / "founding.db")


@pytest.fixture
def store(founding_db, tmp_path):
    s = Store(str(copy_db(founding_db, tmp_path / "copy.db")))
    yield s
    s.close()


@pytest.fixture
def tokens(store):
    return {role: add_user(store, f"{role.capitalize()} User", role=role)
            for role in ("reader", "analyst", "admin")}


CONFIRM = {"reason": "matches the MoD strike list"}


def client(store, **settings) -> TestClient:
    return TestClient(create_app(ApiSettings(**settings), store=store),
                      raise_server_exceptions=False)


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def items(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


# -- reading ----------------------------------------------------------------------------------


def test_openapi_lists_every_endpoint_under_v1(store):
    paths = client(store).get("/openapi.json").json()["paths"]
    expected = {"/documents", "/documents/{doc_id}", "/incidents", "/incidents/facets",
                "/incidents/{incident_id}", "/claims", "/claims/versus-reports", "/briefing",
                "/export", "/ingest", "/ingest/jsonl", "/reviews", "/review-queue", "/me",
                "/users", "/users/{name}/revoke", "/boundaries", "/control/layer",
                "/alerts", "/watchlists", "/watchlists/{name}", "/sources"} | {
                    f"/incidents/{{incident_id}}/{a}" for a in
                                            ("confirm", "reject", "edit", "merge", "split")}
    assert set(paths) == {API + p for p in expected}


def test_sources_lists_each_watched_sources_status(store):
    from datetime import datetime

    from strikewatch.store import WatchedSourceRow

    store.save_watched_source(WatchedSourceRow(
        name="wire", location="http://127.0.0.1:9/rss", failures=2, items_today=0,
        items_total=4, last_error="HTTP 500", last_error_at=datetime(2024, 6, 1, 5, 0)))
    [wire] = items(client(store).get(f"{API}/sources"))
    assert (wire["name"], wire["failures"], wire["last_error"], wire["last_success"]) == (
        "wire", 2, "HTTP 500", None)
    assert wire["last_error_at"] == "2024-06-01T05:00:00"


def test_incident_list_has_the_founding_examples_incidents_in_export_shape(store):
    body = client(store).get(f"{API}/incidents").json()
    assert body["total"] == len(body["items"]) >= 5
    places = {(i["location"]["name"], i["location"]["admin1"]) for i in body["items"]}
    assert {"Hama", "Homs", "Idlib"} <= {admin1 for _, admin1 in places}
    first = body["items"][0]
    assert set(first) >= {"id", "date", "date_precision", "attacker", "location", "targets",
                          "fatalities", "grade", "mention_count"}
    assert [i["date"] for i in body["items"]] == sorted(i["date"] for i in body["items"])


def test_pagination_pages_through_without_gaps(store):
    c = client(store)
    everything = [i["id"] for i in items(c.get(f"{API}/incidents"))]
    first = c.get(f"{API}/incidents?limit=3").json()
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    rest, offset = [], 3
    while offset is not None:
        page = c.get(f"{API}/incidents?limit=3&offset={offset}").json()
        rest += [i["id"] for i in page["items"]]
        offset = page["next_offset"]
    assert [i["id"] for i in first["items"]] + rest == everything


@pytest.mark.parametrize(("query", "check"), [
    ("region=Homs", lambda i: i["location"]["admin1"] == "Homs"),
    ("region=hOmS", lambda i: i["location"]["admin1"] == "Homs"),
    ("country=SY", lambda i: i["location"]["country"] == "SY"),
    ("attacker=SY", lambda i: i["attacker"]["country"] == "SY"),
    ("attacker=Russian Armed Forces", lambda i: i["attacker"]["country"] == "RU"),
    ("grade=confirmed", lambda i: i["grade"] == "confirmed"),
    ("grade=weak,contested", lambda i: i["grade"] in ("weak", "contested")),
    ("target=jihadist", lambda i: "jihadist" in {t["category"] for t in i["targets"]}),
    ("start=2015-10-01&end=2015-10-01", lambda i: i["date"] == "2015-10-01"),
    ("bbox=36.5,35.0,37.0,35.3", lambda i: i["location"]["name"] == "Hama"),
    ("event_type=air", lambda i: i["event_type"] == "air"),
])
def test_each_filter_keeps_only_matching_incidents(store, query, check):
    c = client(store)
    everything = items(c.get(f"{API}/incidents"))
    kept = items(c.get(f"{API}/incidents?{query}"))
    assert kept, f"{query} kept nothing"
    assert all(check(i) for i in kept)
    assert [i["id"] for i in kept] == [i["id"] for i in everything if check(i)]


def test_filters_combine(store):
    kept = items(client(store).get(f"{API}/incidents?region=Homs&attacker=RU&grade=weak"))
    assert kept and all(i["location"]["admin1"] == "Homs" and i["attacker"]["country"] == "RU"
                        and i["grade"] == "weak" for i in kept)


def test_sorting(store):
    c = client(store)
    newest = [i["date"] for i in items(c.get(f"{API}/incidents?sort=-date"))]
    assert newest == sorted(newest, reverse=True)
    by_place = [(i["location"]["country"], i["location"]["admin1"])
                for i in items(c.get(f"{API}/incidents?sort=country"))]
    assert by_place == sorted(by_place)


def test_one_incident_with_its_mentions_sentences_and_source_text(store):
    c = client(store)
    hama = items(c.get(f"{API}/incidents?region=Hama"))[0]
    inc = c.get(f"{API}/incidents/{hama['id']}").json()
    assert inc["mentions"] and inc["history"] == []
    (source,) = inc["sources_text"]
    assert source["doc_id"] == "mee-2015-10-02-russia-syria"
    for mention, mark in zip(inc["mentions"], source["highlights"], strict=True):
        assert source["text"][mark["start"]:mark["end"]] == mention["sentence"]
    assert "Hama" in inc["mentions"][0]["sentence"]
    missing = c.get(f"{API}/incidents/inc-nosuchthing")
    assert missing.status_code == 404 and "inc-nosuchthing" in missing.json()["error"]


def test_facets_offer_only_values_present(store):
    f = client(store).get(f"{API}/incidents/facets").json()
    assert f["countries"] == ["SY"]
    assert ["SY", "Hama"] in f["regions"]
    assert (f["first"], f["last"]) == ("2015-09-30", "2015-10-02")


def test_facets_offer_no_province_for_an_incident_placed_only_to_its_country(store):
    """An incident geocoded to the country alone has no province; the map's province filter
    used to offer it as "null (SY)"."""
    from sqlalchemy import update

    from strikewatch.store import IncidentRow

    with store.sessions() as s:
        s.execute(update(IncidentRow).where(IncidentRow.admin1 == "Hama").values(admin1=None))
        s.commit()
    f = client(store).get(f"{API}/incidents/facets").json()
    assert all(region for _country, region in f["regions"])
    assert ["SY", "Homs"] in f["regions"] and ["SY", "Hama"] not in f["regions"]


def test_documents_list_and_detail(store):
    c = client(store)
    (doc,) = items(c.get(f"{API}/documents"))
    assert doc["source"] == "Middle East Eye" and "text" not in doc
    detail = c.get(f"{API}/documents/{doc['id']}").json()
    assert detail["title"].startswith("Leaders call on Russia")
    assert all(detail["text"][s["start"]:s["end"]] == s["sentence"] for s in detail["strikes"])
    assert detail["claims"]
    assert c.get(f"{API}/documents/nope").status_code == 404
    assert items(c.get(f"{API}/documents?start=2016-01-01")) == []


def test_claims_and_their_filters(store):
    c = client(store)
    every = items(c.get(f"{API}/claims?limit=500"))
    assert len(every) >= 5 and all(x["doc_id"] == SAMPLE.stem for x in every)
    kind = every[0]["kind"]
    assert all(x["kind"] == kind for x in items(c.get(f"{API}/claims?kind={kind}")))
    fallon = items(c.get(f"{API}/claims?speaker=fallon"))
    assert fallon and all("fallon" in (x["speaker"] + (x["org"] or "")).lower() for x in fallon)
    assert items(c.get(f"{API}/claims?end=2015-01-01")) == []
    assert c.get(f"{API}/claims?kind=rumour").status_code == 400


def test_claims_versus_reports(store):
    body = client(store).get(
        f"{API}/claims/versus-reports?attacker=RU&start=2015-09-30&end=2015-10-02").json()
    assert body["attacker"] == "RU" and body["incidents"] >= 1
    assert body["lines"][0].startswith("RU, 2015-09-30 to 2015-10-02")


def test_briefing_of_a_period(store):
    c = client(store)
    brief = c.get(f"{API}/briefing?end=2015-10-02&days=3").json()
    assert (brief["start"], brief["end"]) == ("2015-09-30", "2015-10-02")
    assert len(brief["incidents"]) == c.get(f"{API}/incidents").json()["total"]
    page = c.get(f"{API}/briefing?end=2015-10-02&days=3&format=html")
    assert page.headers["content-type"].startswith("text/html") and "<svg" in page.text
    assert c.get(f"{API}/briefing?format=pdf").status_code == 400


def test_exports_in_the_three_formats(store):
    c = client(store)
    ids = {i["id"] for i in items(c.get(f"{API}/incidents"))}
    jsonl = c.get(f"{API}/export?format=jsonl")
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert {json.loads(line)["id"] for line in jsonl.text.splitlines()} == ids
    geo = c.get(f"{API}/export?format=geojson").json()
    assert {f["id"] for f in geo["features"]} == ids
    rows = list(csv.DictReader(io.StringIO(c.get(f"{API}/export?format=acled").text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == len(ids)
    claims = c.get(f"{API}/export?format=jsonl&what=claims").text.splitlines()
    assert len(claims) == c.get(f"{API}/claims").json()["total"]
    bad = c.get(f"{API}/export?format=geojson&what=claims")
    assert bad.status_code == 400 and "incidents only" in bad.json()["error"]


def test_pages_and_bundled_assets_are_served_with_no_outside_url(store):
    c = client(store)
    assert c.get("/", follow_redirects=False).headers["location"] == "/map"
    for page in ("/map", "/incident/x", "/review", "/briefing", "/audit", "/alerts", "/upload", "/users"):
        r = c.get(page)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "http://" not in r.text and "https://" not in r.text
        policy = r.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        assert "<script>" not in r.text and "<style>" not in r.text  # none inline
        for asset in ("/static/common.js", "/static/app.css"):
            assert asset in r.text
    assert "/static/leaflet/leaflet.js" in c.get("/map").text
    assert c.get("/static/leaflet/leaflet.js").status_code == 200
    layers = c.get(f"{API}/boundaries").json()["layers"]
    assert any(x["name"] == "admin0.geojson" for x in layers)
    geo = c.get(layers[0]["url"]).json()
    assert geo["type"] == "FeatureCollection"


def test_filters_that_read_json_columns_work_on_postgresql_too(db_url):  # noqa: F811
    store = Store(db_url)
    pipeline.ingest([str(SAMPLE)], store)
    pipeline.extract_pending(store)
    fuse_pending(store)
    token = add_user(store, "Analyst", role="analyst")
    c = client(store)
    everything = items(c.get(f"{API}/incidents"))
    jihadist = items(c.get(f"{API}/incidents?target=jihadist"))
    assert jihadist and [i["id"] for i in jihadist] == [
        i["id"] for i in everything if "jihadist" in {t["category"] for t in i["targets"]}]
    assert len(items(c.get(f"{API}/incidents?region=homs&attacker=RU"))) >= 2
    assert len(items(c.get(f"{API}/incidents?reviewed=false"))) == len(everything)
    c.post(f"{API}/incidents/{everything[0]['id']}/confirm", json=CONFIRM, headers=auth(token))
    assert [i["id"] for i in items(c.get(f"{API}/incidents?reviewed=true"))] == [
        everything[0]["id"]]
    store.close()


# -- access -----------------------------------------------------------------------------------


def test_a_write_without_a_token_is_401_and_with_a_reader_token_403(store, tokens):
    c = client(store)
    inc = items(c.get(f"{API}/incidents"))[0]["id"]
    url = f"{API}/incidents/{inc}/confirm"
    none = c.post(url, json=CONFIRM)
    assert none.status_code == 401 and none.headers["www-authenticate"] == "Bearer"
    assert "token" in none.json()["error"]
    reader = c.post(url, json=CONFIRM, headers=auth(tokens["reader"]))
    assert reader.status_code == 403 and "reader" in reader.json()["error"]
    assert c.post(url, json=CONFIRM, headers=auth("not-a-token")).status_code == 401
    assert c.post(url, json=CONFIRM, headers={"Authorization": "Basic abc"}).status_code == 401
    upload = c.post(f"{API}/ingest/jsonl", content=b"{}", headers=auth(tokens["reader"]))
    assert upload.status_code == 403
    assert c.post(f"{API}/ingest", files={"files": ("a.txt", b"x")}).status_code == 401
    assert store.reviews() == []


def test_reading_can_require_a_token(store, tokens):
    c = client(store, read_requires_token=True)
    assert c.get(f"{API}/incidents").status_code == 401
    assert c.get(f"{API}/incidents", headers=auth(tokens["reader"])).status_code == 200
    assert client(store).get(f"{API}/incidents").status_code == 200


def test_tokens_are_stored_hashed(store, tokens):
    with store.sessions() as s:
        rows = {r.role: r.token_hash for r in s.query(UserRow)}
    for role, token in tokens.items():
        assert rows[role] == hashlib.sha256(token.encode()).hexdigest() != token


def test_only_an_admin_creates_users(store, tokens):
    c = client(store)
    body = {"name": "Rania", "role": "analyst"}
    assert c.post(f"{API}/users", json=body, headers=auth(tokens["analyst"])).status_code == 403
    made = c.post(f"{API}/users", json=body, headers=auth(tokens["admin"]))
    assert made.status_code == 201
    me = c.get(f"{API}/me", headers=auth(made.json()["token"])).json()
    assert me == {"user": "Rania", "role": "analyst", "can_write": True}
    again = c.post(f"{API}/users", json=body, headers=auth(tokens["admin"]))
    assert again.status_code == 409 and "already exists" in again.json()["error"]


def test_only_an_admin_lists_users_and_sees_no_token(store, tokens):
    c = client(store)
    c.get(f"{API}/me", headers=auth(tokens["analyst"]))
    listed = c.get(f"{API}/users", headers=auth(tokens["admin"]))
    assert listed.status_code == 200, listed.text
    body = listed.json()
    by_name = {u["name"]: u for u in body["items"]}
    assert body["total"] == 3
    assert {n: u["role"] for n, u in by_name.items()} == {
        "Reader User": "reader", "Analyst User": "analyst", "Admin User": "admin"}
    assert set(by_name["Reader User"]) == {"name", "role", "active", "created_at",
                                           "last_used_at", "revoked_at", "revoked_by"}
    assert by_name["Analyst User"]["last_used_at"] and by_name["Reader User"]["last_used_at"] is None
    assert all(u["created_at"] and u["active"] for u in body["items"])
    with store.sessions() as s:
        hashes = [r.token_hash for r in s.query(UserRow)]
    assert not any(secret in listed.text for secret in [*tokens.values(), *hashes])
    for role in ("reader", "analyst"):
        refused = c.get(f"{API}/users", headers=auth(tokens[role]))
        assert refused.status_code == 403
        assert refused.json()["error"] == (f"user '{role.capitalize()} User' has role {role!r}; "
                                           "managing users needs the admin role")
    assert c.get(f"{API}/users").status_code == 401


def test_a_revoked_token_stops_working_at_once_and_the_user_stays_on_record(store, tokens):
    c = client(store)
    h = auth(tokens["analyst"])
    inc = items(c.get(f"{API}/review-queue"))[0]["id"]
    assert c.post(f"{API}/incidents/{inc}/confirm", json=CONFIRM, headers=h).status_code == 200
    refused = c.post(f"{API}/users/Analyst User/revoke", headers=h)
    assert refused.status_code == 403 and "admin role" in refused.json()["error"]
    done = c.post(f"{API}/users/Analyst%20User/revoke", headers=auth(tokens["admin"]))
    assert done.status_code == 200, done.text
    assert (done.json()["active"], done.json()["revoked_by"]) == (False, "Admin User")
    again = c.post(f"{API}/incidents/{inc}/reject", json=CONFIRM, headers=h)
    assert again.status_code == 401 and "revoked" in again.json()["error"]
    assert c.get(f"{API}/me", headers=h).status_code == 401
    listed = {u["name"]: u for u in c.get(f"{API}/users", headers=auth(tokens["admin"]))
              .json()["items"]}
    assert listed["Analyst User"]["revoked_at"] and not listed["Analyst User"]["active"]
    (entry,) = items(c.get(f"{API}/reviews?incident_id={inc}"))
    assert entry["analyst"] == "Analyst User"  # the audit log still names one known person
    twice = c.post(f"{API}/users/Analyst User/revoke", headers=auth(tokens["admin"]))
    assert twice.status_code == 422 and "already revoked" in twice.json()["error"]
    missing = c.post(f"{API}/users/Nobody/revoke", headers=auth(tokens["admin"]))
    assert missing.status_code == 404 and "no user named 'Nobody'" in missing.json()["error"]
    last = c.post(f"{API}/users/Admin User/revoke", headers=auth(tokens["admin"]))
    assert last.status_code == 422 and "last active admin" in last.json()["error"]
    reuse = c.post(f"{API}/users", json={"name": "Analyst User", "role": "analyst"},
                   headers=auth(tokens["admin"]))
    assert reuse.status_code == 409


# -- review -----------------------------------------------------------------------------------


def test_confirm_is_logged_under_the_token_users_name_and_leaves_the_queue(store, tokens):
    c = client(store)
    queue = items(c.get(f"{API}/review-queue"))
    assert queue and all(i["grade"] in ("weak", "contested") for i in queue)
    target = queue[0]["id"]
    done = c.post(f"{API}/incidents/{target}/confirm",
                  json={**CONFIRM, "analyst": "someone else"}, headers=auth(tokens["analyst"]))
    assert done.status_code == 200, done.text
    assert "grade" in done.json()["reviewed"]
    assert target not in {i["id"] for i in items(c.get(f"{API}/review-queue"))}
    (entry,) = items(c.get(f"{API}/reviews?incident_id={target}"))
    assert (entry["analyst"], entry["action"], entry["reason"]) == (
        "Analyst User", "confirm", CONFIRM["reason"])
    assert c.get(f"{API}/incidents/{target}").json()["history"][0]["analyst"] == "Analyst User"


def test_reject_edit_merge_split(store, tokens):
    c = client(store)
    h = auth(tokens["analyst"])
    homs = [i["id"] for i in items(c.get(f"{API}/incidents?region=Homs"))]
    assert len(homs) >= 2
    rejected = c.post(f"{API}/incidents/{homs[0]}/reject", json={"reason": "duplicate pin"},
                      headers=h).json()
    assert rejected["grade"] == "discounted"
    edited = c.post(f"{API}/incidents/{homs[1]}/edit",
                    json={"field": "fatalities", "value": "12-46", "reason": "SOHR update"},
                    headers=h).json()
    assert (edited["fatalities"]["min"], edited["fatalities"]["max"]) == (12, 46)
    merged = c.post(f"{API}/incidents/{homs[1]}/merge",
                    json={"absorb": homs[0], "reason": "same strike"}, headers=h)
    assert merged.status_code == 200, merged.text
    assert len(merged.json()["mentions"]) == 2
    assert c.get(f"{API}/incidents/{homs[0]}").status_code == 404
    mention = store.stored_mentions(incident_ids=[homs[1]])[0].id
    split = c.post(f"{API}/incidents/{homs[1]}/split",
                   json={"mention_ids": [mention], "reason": "two strikes"}, headers=h)
    assert split.status_code == 200, split.text
    assert split.json()["id"] != homs[1] and len(split.json()["mentions"]) == 1
    actions = [e["action"] for e in items(c.get(f"{API}/reviews?analyst=Analyst User"))]
    assert {"reject", "edit", "merge", "split"} <= set(actions)


def test_bad_review_requests_are_clear(store, tokens):
    c = client(store)
    h = auth(tokens["analyst"])
    inc = items(c.get(f"{API}/incidents"))[0]["id"]
    no_reason = c.post(f"{API}/incidents/{inc}/confirm", json={}, headers=h)
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["error"]
    bad_field = c.post(f"{API}/incidents/{inc}/edit",
                       json={"field": "colour", "value": "red", "reason": "x"}, headers=h)
    assert bad_field.status_code == 422 and "colour" in bad_field.json()["error"]
    bad_range = c.post(f"{API}/incidents/{inc}/edit",
                       json={"field": "fatalities", "value": "many", "reason": "x"}, headers=h)
    assert bad_range.status_code == 422
    assert c.post(f"{API}/incidents/inc-none/reject", json=CONFIRM,
                  headers=h).status_code == 404
    assert c.post(f"{API}/incidents/{inc}/merge", json={"absorb": "inc-none", "reason": "x"},
                  headers=h).status_code == 404
    assert store.reviews() == []


# -- ingest -----------------------------------------------------------------------------------


def test_post_json_lines_stores_extracts_and_fuses(store, tokens):
    c = client(store)
    before = c.get(f"{API}/incidents").json()["total"]
    body = (FIXTURES / "fakes-two-strikes.jsonl").read_bytes()
    r = c.post(f"{API}/ingest/jsonl", content=body, headers=auth(tokens["analyst"]))
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == fixture_ids(FIXTURES / "fakes-two-strikes.jsonl")
    assert out["extracted"]["documents"] == 2 and out["extracted"]["strikes"] >= 1
    assert c.get(f"{API}/incidents").json()["total"] > before
    aleppo = items(c.get(f"{API}/incidents?start=2016-07-27&end=2016-07-27"))
    assert aleppo and aleppo[0]["location"]["admin1"] == "Aleppo"
    again = c.post(f"{API}/ingest/jsonl", content=body, headers=auth(tokens["analyst"])).json()
    assert again["stored"] == [] and len(again["duplicates"]) == 2


def test_upload_files(store, tokens):
    c = client(store)
    text = SAMPLE.with_suffix(".txt").read_bytes()
    r = c.post(f"{API}/ingest?process=false&published=2015-10-02&source=Middle East Eye",
               files=[("files", ("mee-copy.txt", text, "text/plain")),
                      ("files", ("notes.docx", b"PK\x03\x04", "application/octet-stream"))],
               headers=auth(tokens["admin"]))
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["read"] == 1 and "extracted" not in out
    (rejected,) = out["rejected"]
    assert rejected["input"] == "notes.docx" and "/tmp" not in rejected["reason"]
    assert "mee-copy" in {d["id"] for d in items(c.get(f"{API}/documents"))}


def test_one_upload_of_stored_duplicate_and_broken_files(store, tokens):
    """One broken file never stops the batch: each file is stored, a duplicate or rejected."""
    c = client(store)
    r = c.post(f"{API}/ingest?process=false", headers=auth(tokens["analyst"]), files=[
        ("files", (SAMPLE.name, SAMPLE.read_bytes(), "text/html")),  # already stored
        ("files", ("broken.jsonl", b'{"id": "x", "text": \n', "application/x-ndjson")),
        ("files", ("fakes.jsonl", (FIXTURES / "fakes-two-strikes.jsonl").read_bytes(),
                   "application/x-ndjson")),
        ("files", ("scan.pdf", b"%PDF-1.4", "application/pdf"))])
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == fixture_ids(FIXTURES / "fakes-two-strikes.jsonl")
    assert len(out["duplicates"]) == 1 and out["duplicates"][0]["why"]
    assert [x["input"] for x in out["rejected"]] == ["broken.jsonl:1", "scan.pdf"]
    assert all(x["reason"] and "/tmp" not in x["reason"] for x in out["rejected"])


def test_an_upload_with_nothing_readable_lists_each_rejected_file(store, tokens):
    r = client(store).post(f"{API}/ingest", headers=auth(tokens["analyst"]), files=[
        ("files", ("notes.docx", b"PK\x03\x04", "application/octet-stream")),
        ("files", ("scan.pdf", b"%PDF-1.4", "application/pdf"))])
    assert r.status_code == 422
    body = r.json()
    assert body["error"].startswith("no article could be read")
    assert [x["input"] for x in body["rejected"]] == ["notes.docx", "scan.pdf"]


def test_malformed_json_lines(store, tokens):
    c = client(store)
    h = auth(tokens["analyst"])
    broken = c.post(f"{API}/ingest/jsonl", content=b'{"id": "a", "text": \n[1, 2]\n', headers=h)
    assert broken.status_code == 422
    message = broken.json()["error"]
    assert "posted.jsonl:1" in message and "malformed JSON" in message and "/tmp" not in message
    good = (FIXTURES / "fakes-two-strikes.jsonl").read_bytes().splitlines()[0]
    partly = c.post(f"{API}/ingest/jsonl?process=false", content=good + b"\n{oops\n", headers=h)
    assert partly.status_code == 200
    assert partly.json()["stored"] == fixture_ids(FIXTURES / "fakes-two-strikes.jsonl")[:1]
    assert partly.json()["rejected"][0]["input"] == "posted.jsonl:2"
    assert c.post(f"{API}/ingest/jsonl", content=b"  \n", headers=h).status_code == 422


def test_oversized_upload_is_refused(store, tokens):
    c = client(store, max_upload_bytes=2_000)
    h = auth(tokens["analyst"])
    big = c.post(f"{API}/ingest/jsonl", content=b"x" * 5_000, headers=h)
    assert big.status_code == 413 and "too large" in big.json()["error"]

    def chunked():  # no Content-Length: the limit is enforced while reading
        for _ in range(5):
            yield b"y" * 1_000

    streamed = c.post(f"{API}/ingest/jsonl", content=chunked(), headers=h)
    assert streamed.status_code == 413
    files = c.post(f"{API}/ingest", files={"files": ("a.txt", b"z" * 5_000)}, headers=h)
    assert files.status_code == 413
    assert store.count(ReviewRow) == 0 and len(list(store.documents())) == 1


# -- bad input and errors ----------------------------------------------------------------------


@pytest.mark.parametrize(("query", "status", "words"), [
    ("colour=red", 400, "unknown parameter 'colour'"),
    ("regoin=Homs", 400, "unknown parameter 'regoin'"),
    ("limit=501", 400, "limit must be between 1 and 500"),
    ("limit=0", 400, "limit must be between"),
    ("offset=-1", 400, "offset"),
    ("start=yesterday", 422, "start"),
    ("start=2015-10-02&end=2015-10-01", 400, "after"),
    ("grade=excellent", 400, "unknown grade 'excellent'"),
    ("target=tanks", 400, "unknown target category"),
    ("bbox=1,2,3", 400, "bbox"),
    ("bbox=40,30,35,36", 400, "west before east"),
    ("sort=colour", 400, "unknown sort"),
    ("reviewed=maybe", 422, "reviewed"),
    ("event_type=naval", 400, "unknown event type 'naval'"),
])
def test_bad_filters_are_refused_with_a_clear_message(store, query, status, words):
    r = client(store).get(f"{API}/incidents?{query}")
    assert r.status_code == status
    assert words in r.json()["error"]


def test_unknown_parameters_are_refused_on_other_endpoints_too(store):
    c = client(store)
    for path in ("/claims", "/documents", "/reviews", "/briefing", "/export", "/review-queue"):
        r = c.get(f"{API}{path}?nonsense=1")
        assert r.status_code == 400 and "nonsense" in r.json()["error"], path


def test_an_unexpected_failure_is_a_json_500_without_a_trace(store, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals at /srv/strikewatch/db.py line 12")

    monkeypatch.setattr(Store, "incident_page", broken)
    r = client(store).get(f"{API}/incidents")
    assert r.status_code == 500
    assert r.json() == {"error": "internal error; the server log has the details"}
    assert "Traceback" not in r.text and "secret" not in r.text


def test_unknown_endpoint_is_a_json_404(store):
    r = client(store).get(f"{API}/nothing-here")
    assert r.status_code == 404 and r.json()["error"]


# -- command line -------------------------------------------------------------------------------


def test_cli_user_add_prints_a_token_once_and_stores_its_hash(tmp_path):
    db = tmp_path / "users.db"
    result = CliRunner().invoke(cli, ["user", "add", "Rania Khalil", "--role", "analyst",
                                      "--db", str(db)])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    store = Store(str(db))
    c = TestClient(create_app(store=store))
    assert c.get(f"{API}/me", headers=auth(token)).json()["user"] == "Rania Khalil"
    bad = CliRunner().invoke(cli, ["user", "add", "X", "--role", "boss", "--db", str(db)])
    assert bad.exit_code == 2 and "unknown role" in bad.output


def test_cli_user_list_and_revoke(tmp_path):
    db = str(tmp_path / "users.db")
    run = CliRunner().invoke
    tokens = [run(cli, ["user", "add", name, "--role", role, "--db", db]).stdout.strip()
              for name, role in (("Amira Saleh", "admin"), ("Rania Khalil", "analyst"))]
    listed = run(cli, ["user", "list", "--db", db])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0].split("\t") == ["name", "role", "created (UTC)", "last used (UTC)", "status"]
    assert [ln.split("\t")[:2] for ln in lines[1:]] == [["Amira Saleh", "admin"],
                                                       ["Rania Khalil", "analyst"]]
    assert all(ln.endswith("\tactive") for ln in lines[1:])
    assert not any(t in listed.output for t in tokens)
    revoked = run(cli, ["user", "revoke", "Rania Khalil", "--by", "Amira Saleh", "--db", db])
    assert revoked.exit_code == 0, revoked.output
    assert "revoked" in revoked.output and "by Amira Saleh" in revoked.output
    after = run(cli, ["user", "list", "--db", db]).stdout.splitlines()
    assert "\trevoked " in after[2] and after[2].endswith("by Amira Saleh")
    store = Store(db)
    assert TestClient(create_app(store=store)).get(
        f"{API}/me", headers=auth(tokens[1])).status_code == 401
    store.close()
    unknown = run(cli, ["user", "revoke", "Nobody", "--by", "x", "--db", db])
    assert unknown.exit_code == 2 and "no user named 'Nobody'" in unknown.output
    Store(str(tmp_path / "empty.db")).close()  # a database with no user yet
    empty = run(cli, ["user", "list", "--db", str(tmp_path / "empty.db")])
    assert empty.exit_code == 1 and "strikewatch user add" in empty.output


def test_cli_serve_names_the_extra_when_it_is_missing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "pip install 'strikewatch[web]'" in result.output


def test_cli_serve_runs_the_app_on_the_given_address(tmp_path, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    Store(str(tmp_path / "s.db")).close()  # serve opens a database, it does not create one
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--port", "8123",
                                      "--read-token"])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.settings.read_requires_token is True
    assert "strikewatch user add" in result.output  # nobody can write yet: say how to fix it


def test_review_queue_items_carry_each_reports_sentences_and_figures(tmp_path):
    """A review card needs, per mention, the sentence(s) and the figures read from them; the
    queue and the one-incident answer give the same reports."""
    store = Store(str(build_founding_db(tmp_path / "f.db")))
    client = TestClient(create_app(ApiSettings(), store=store))
    queue = client.get(f"{API}/review-queue").json()["items"]
    assert queue and all(item["reports"] for item in queue)
    for item in queue:
        one = client.get(f"{API}/incidents/{item['id']}").json()
        assert one["reports"] == item["reports"]
        texts = {d["doc_id"]: d["text"] for d in one["sources_text"]}
        for report in item["reports"]:
            assert report["sentences"][0] in texts[report["doc_id"]]
            assert set(report) >= {"killed", "injured", "date", "attacker", "place_text",
                                   "outlet", "url"}
    tolls = [r["killed"] for item in queue for r in item["reports"] if r["killed"]["min"]]
    assert tolls == [{"min": 12, "max": None, "vague": False}]
    store.close()


def test_a_report_keeps_the_figures_and_words_of_its_own_sentence(tmp_path):
    """A Yemeni and a Gazan report of one strike each: the card's row for each mention gives
    its own toll, injured and civilian ranges, the date and place as that sentence wrote
    them, and its outlet and link, whatever the fused incident says."""
    from dataclasses import replace
    from datetime import date

    from test_fuse import document, put, strike

    from strikewatch.models import Actor, Casualties, Place, Range
    from strikewatch.web.queries import mention_reports

    yemen = ("Sanaa, 9 October. Coalition jets struck a wedding hall in Sanhan on Saturday, "
             "killing at least 21 people and wounding 40 to 50, health officials said.")
    gaza = ("Deir al-Balah, 9 June. An Israeli strike on the Nuseirat camp killed dozens of "
            "people, including 12 children, the Gaza civil defence said.")
    sanhan = Place("Sanhan", 15.23, 44.28, "YE", "point", admin1="Sanaa")
    nuseirat = Place("An Nuseirat", 31.45, 34.39, "PS", "point", admin1="Gaza")
    store = Store(str(tmp_path / "r.db"))
    ye = replace(strike("ye", yemen, "Coalition jets struck", sanhan, place_words="Sanhan",
                        attacker=Actor("Saudi-led Coalition"), day=date(2016, 10, 8)),
                 date_text="on Saturday", source="health officials",
                 casualties=Casualties(killed=Range(21, None), wounded=Range(40, 50)))
    ps = replace(strike("ps", gaza, "An Israeli strike", nuseirat,
                        place_words="the Nuseirat camp",
                        attacker=Actor("Israel Defense Forces", "IL"), day=date(2024, 6, 8)),
                 casualties=Casualties(killed=Range(24, None, vague=True),
                                       civilians_killed=Range(12, 12)))
    put(store, document("ye", yemen, "Wire A", date(2016, 10, 9)), [ye])
    put(store, document("ps", gaza, "Wire B", date(2024, 6, 9)), [ps])
    fuse_pending(store)
    by_doc = {r["doc_id"]: r for rows in mention_reports(
        store, [i.id for i in store.incidents()]).values() for r in rows}
    y, p = by_doc["ye"], by_doc["ps"]
    assert y["sentences"] == [yemen.split(". ", 1)[1]] and y["outlet"] == "Wire A"
    assert y["url"] == "https://example.org/ye" and y["published"] == "2016-10-09"
    assert y["killed"] == {"min": 21, "max": None, "vague": False}
    assert y["injured"] == {"min": 40, "max": 50, "vague": False}
    assert (y["date"], y["date_text"], y["place_text"], y["place"]) == (
        "2016-10-08", "on Saturday", "Sanhan", "Sanhan")
    assert y["reported_by"] == "health officials" and y["attacker"] == "Saudi-led Coalition"
    assert p["killed"]["vague"] and p["civilians_killed"] == {"min": 12, "max": 12,
                                                              "vague": False}
    assert p["place_text"] == "the Nuseirat camp" and p["place"] == "An Nuseirat"
    assert p["injured"] == {"min": None, "max": None, "vague": False}
    store.close()
