"""The analysts' pages in a real browser (Debian's chromium, headless, through Playwright) against
the app served by uvicorn on loopback. Every request for a host other than this server is
blocked and recorded, so the pages are shown to work with no network at all."""

from __future__ import annotations

import re
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from webapp_support import FIXTURES, SAMPLE, build_founding_db
from fixture_roles import fixture_ids

from strikewatch.api import API, ApiSettings, create_app
from strikewatch.store import Store
from strikewatch.users import add_user

ANALYST = "Leila Haddad"
ADMIN = "Amira Saleh"

pytestmark = pytest.mark.browser


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(store: Store):
    """``store``'s app served on 127.0.0.1 by uvicorn in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(ApiSettings(), store=store), host="127.0.0.1",
                            port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start on loopback")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The founding example served on loopback; yields its base URL, the store, an analyst's
    token and an admin's."""
    db = build_founding_db(tmp_path_factory.mktemp("webapp") / "founding.db")
    store = Store(str(db))
    token = add_user(store, ANALYST, role="analyst")
    admin_token = add_user(store, ADMIN, role="admin")
    with serving(store) as url:
        yield {"url": url, "store": store, "token": token, "admin_token": admin_token}
    store.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.blocked = []
    page.errors = []

    def guard(route):
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    assert page.blocked == [], f"the page asked the network for {page.blocked}"
    assert page.errors == [], page.errors
    context.close()


def api(server, path: str) -> dict:
    return httpx.get(server["url"] + API + path, timeout=10).json()


def open_page(page, server, path: str) -> None:
    page.goto(server["url"] + path)
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)


def test_map_shows_the_founding_examples_incidents_over_bundled_boundaries(page, server):
    open_page(page, server, "/map")
    incidents = api(server, "/incidents?limit=500")["items"]
    assert len(incidents) >= 5
    rows = page.locator("#incidents tbody tr")
    assert rows.count() == len(incidents)
    assert set(page.locator("#incidents td.region").all_inner_texts()) >= {"Hama", "Homs"}
    placed = sum(1 for i in incidents if i["location"]["lat"] is not None)
    assert page.locator("#map").get_attribute("data-markers") == str(placed)
    # boundaries are drawn after the incidents; Playwright's locators, not page-side eval
    # (which the pages' Content-Security-Policy forbids)
    expect(page.locator(".leaflet-overlay-pane path").nth(30)).to_be_attached(timeout=10_000)
    box = page.locator("#map").bounding_box()
    assert box["width"] > 600 and box["height"] > 400
    assert page.locator(".leaflet-tile").count() == 0  # no tile server


def test_filter_by_province(page, server):
    open_page(page, server, "/map")
    page.select_option("select[name=region]", "Homs")
    page.click("#filters button[type=submit]")
    expected = api(server, "/incidents?region=Homs")["total"]
    expect(page.locator("#incidents tbody tr")).to_have_count(expected, timeout=10_000)
    regions = page.locator("#incidents td.region").all_inner_texts()
    assert expected >= 2 and regions == ["Homs"] * expected
    assert "region=Homs" in page.url
    assert page.locator("#map").get_attribute("data-markers") == str(expected)


def test_timeline_slider_shows_the_days_up_to_the_chosen_one(page, server):
    open_page(page, server, "/map")
    everything = page.locator("#incidents tbody tr").count()
    page.locator("#timeline").fill("0")
    first_day = api(server, "/incidents?sort=date&limit=1")["items"][0]["date"]
    on_first_day = api(server, f"/incidents?start={first_day}&end={first_day}")["total"]
    assert page.locator("#incidents tbody tr").count() == on_first_day < everything
    assert first_day in page.locator("#timeline-label").inner_text()


def test_open_an_incident_and_read_its_sources_side_by_side(page, server):
    open_page(page, server, "/map?region=Hama")
    page.locator("#incidents tbody tr a").first.click()
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    assert "/incident/inc-" in page.url
    incident = api(server, "/incidents/" + page.url.rsplit("/", 1)[1])
    sources = page.locator("article.source")
    assert sources.count() == len(incident["sources_text"]) >= 1
    assert "Middle East Eye" in sources.first.inner_text()
    marks = page.locator("article.source mark").all_inner_texts()
    assert marks == [m["sentence"] for m in incident["mentions"]]
    assert "Hama" in marks[0]
    assert "Hama" in page.locator("h1").inner_text()


def test_confirm_in_the_review_queue_then_find_it_in_the_audit_log(page, server):
    open_page(page, server, "/review")
    page.fill("#sw-token", server["token"])
    page.click("#sw-login")
    expect(page.locator("#sw-user")).to_contain_text(ANALYST)
    card = page.locator("#queue section.card").first
    incident_id = card.get_attribute("data-id")
    card.locator("input[name=reason]").fill("matches the ministry's strike list")
    card.locator("button[data-action=confirm]").click()
    card.locator(".result.ok").wait_for(timeout=10_000)
    assert card.get_attribute("data-done") == "confirm"

    open_page(page, server, "/review")
    ids = [c.get_attribute("data-id") for c in page.locator("#queue section.card").all()]
    assert ids and incident_id not in ids

    open_page(page, server, "/audit")
    row = page.locator("#log tbody tr", has_text=incident_id)
    assert row.count() == 1
    assert row.locator("td.analyst").inner_text() == ANALYST
    assert row.locator("td.action").inner_text() == "confirm"
    assert "matches the ministry's strike list" in row.inner_text()


def test_review_without_signing_in_says_why(page, server):
    open_page(page, server, "/review")
    card = page.locator("#queue section.card").first
    card.locator("input[name=reason]").fill("checked")
    card.locator("button[data-action=reject]").click()
    card.locator(".result.error").wait_for(timeout=10_000)
    assert "token" in card.locator(".result").inner_text()
    page.errors.clear()  # the browser logs the refused request (401) as a console error


def sign_in(page, token: str, name: str) -> None:
    """Sign in as ``name``; a signed-in user is offered only "Sign out", so switch through it."""
    if page.locator("#sw-logout").is_visible():
        page.click("#sw-logout")
    page.fill("#sw-token", token)
    page.click("#sw-login")
    expect(page.locator("#sw-user")).to_contain_text(name)


def test_upload_files_and_see_what_was_stored_the_duplicates_and_each_rejected_file(
        page, server, tmp_path):
    broken = tmp_path / "notes.docx"
    broken.write_bytes(b"PK\x03\x04 not an article")
    open_page(page, server, "/upload")
    sign_in(page, server["token"], ANALYST)
    page.set_input_files("input[name=files]", [str(SAMPLE), str(broken),
                                              str(FIXTURES / "fakes-two-strikes.jsonl")])
    page.click("#upload button[type=submit]")
    expect(page.locator("#status")).to_have_text("Done.", timeout=60_000)
    stored = [li.get_attribute("data-id") for li in page.locator("#stored li").all()]
    assert stored == fixture_ids(FIXTURES / "fakes-two-strikes.jsonl")
    assert page.locator("#duplicates td.id").all_inner_texts() == [SAMPLE.stem]
    assert page.locator("#rejected td.input").all_inner_texts() == ["notes.docx"]
    assert page.locator("#rejected td.reason").inner_text().strip()
    assert re.search(r"Incidents: [1-9]\d* new, \d+ updated\.$",
                     page.locator("#summary").inner_text())  # extracted and fused
    aleppo = api(server, "/incidents?start=2016-07-27&end=2016-07-27")["items"]
    assert aleppo and {i["id"] for i in aleppo} <= set(page.locator("#created a").all_inner_texts())


def test_an_upload_with_nothing_readable_lists_the_file_and_why(page, server, tmp_path):
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4")
    open_page(page, server, "/upload")
    sign_in(page, server["token"], ANALYST)
    page.set_input_files("input[name=files]", str(broken))
    page.click("#upload button[type=submit]")
    expect(page.locator("#status")).to_contain_text("no article could be read", timeout=10_000)
    assert page.locator("#rejected td.input").all_inner_texts() == ["scan.pdf"]
    page.errors.clear()  # the browser logs the refused request (422) as a console error


def test_admin_adds_a_user_then_revokes_them_and_their_token_stops_working(page, server):
    open_page(page, server, "/users")
    sign_in(page, server["token"], ANALYST)
    expect(page.locator("#status")).to_contain_text("managing users needs the admin role")
    assert page.locator("#admin").is_hidden()
    sign_in(page, server["admin_token"], ADMIN)
    expect(page.locator("#users tbody tr")).to_have_count(2)
    assert page.locator("#users td.token, #users td.hash").count() == 0
    page.fill("#add-user input[name=name]", "Omar Nasser")
    page.select_option("#add-user select[name=role]", "reader")
    page.click("#add-user button[type=submit]")
    token = page.locator("#new-token").inner_text()
    row = page.locator("#users tbody tr[data-name='Omar Nasser']")
    expect(row.locator("td.role")).to_have_text("reader")
    assert token not in page.locator("#users").inner_text()
    me = httpx.get(server["url"] + API + "/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["user"] == "Omar Nasser"
    row.locator("button[data-action=revoke]").click()
    expect(row.locator("button[data-action=revoke]")).to_contain_text("Really revoke")
    row.locator("button[data-action=revoke]").click()
    expect(row.locator("td.status")).to_contain_text("revoked", timeout=10_000)
    assert row.locator("td.status").inner_text().endswith(f"by {ADMIN}")
    assert row.locator("button").count() == 0
    refused = httpx.get(server["url"] + API + "/me",
                        headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401 and "revoked" in refused.json()["error"]
    page.errors.clear()  # the analyst's refused request (403) is logged as a console error


def test_merge_then_split_the_reports_off_again_in_the_review_page(page, server):
    queue = api(server, "/review-queue?region=Homs")["items"]
    assert len(queue) >= 2
    keep, absorb = queue[0]["id"], queue[1]["id"]
    open_page(page, server, "/review")
    sign_in(page, server["token"], ANALYST)
    card = page.locator(f"#queue section.card[data-id='{keep}']")
    assert card.locator("button[data-action=choose-split]").is_disabled()  # one report
    card.locator("input[name=reason]").fill("the same strike on Homs")
    card.locator("input[name=absorb]").fill(absorb)
    card.locator("button[data-action=merge]").click()
    card.locator(".result.ok").wait_for(timeout=10_000)
    card.locator(".result a", has_text="review it again").click()
    page.wait_for_selector("body[data-ready=true]", timeout=15_000)
    assert page.url.endswith(f"/review?incident={keep}")

    card = page.locator(f"#queue section.card[data-id='{keep}']")
    card.locator("button[data-action=choose-split]").click()
    reports = card.locator("fieldset.split input[name=mention]")
    expect(reports).to_have_count(2)
    moved = int(reports.first.get_attribute("value"))
    reports.first.check()
    card.locator("input[name=reason]").fill("two raids on Homs after all")
    card.locator("button[data-action=split]").click()
    card.locator(".result.ok").wait_for(timeout=10_000)
    assert card.get_attribute("data-done") == "split"
    new_id = card.locator(".result a").inner_text()
    assert new_id != keep
    new = api(server, f"/incidents/{new_id}")
    assert [h["mention_id"] for d in new["sources_text"] for h in d["highlights"]] == [moved]
    assert len(api(server, f"/incidents/{keep}")["mentions"]) == 1
    splits = api(server, f"/reviews?action=split&incident_id={keep}")["items"]
    assert [(r["analyst"], r["new_value"]) for r in splits] == [(ANALYST, new_id)]


def test_the_briefing_page_lists_the_watched_sources_and_a_failing_one_stands_out(page, server):
    from datetime import datetime

    from strikewatch.store import WatchedSourceRow

    store = server["store"]
    store.save_watched_source(WatchedSourceRow(
        name="Kyiv Independent", location="https://kyivindependent.example/rss", failures=0,
        items_today=0, items_total=12, last_success=datetime(2024, 6, 1, 5, 0)))
    store.save_watched_source(WatchedSourceRow(
        name="SANA", location="https://sana.example/rss", failures=3, items_today=0,
        items_total=0, last_error="HTTP 503 (after 1 attempts)",
        last_error_at=datetime(2024, 6, 1, 5, 5)))
    open_page(page, server, "/briefing")
    expect(page.locator("#sources tbody tr")).to_have_count(2)
    failing = page.locator("#sources tr.failing")
    expect(failing).to_have_count(1)
    expect(failing.locator("td.error-text")).to_contain_text("2024-06-01 05:05 HTTP 503")
    expect(page.locator("#sources tr[data-name='Kyiv Independent']")).to_contain_text(
        "2024-06-01 05:00")
    assert page.locator("#sources-none").is_hidden()


def map_view(page) -> tuple[float, float, int]:
    lat, lon, zoom = page.locator("#map").get_attribute("data-view").split(",")
    return float(lat), float(lon), int(zoom)


def click_zoom_out(page, times: int) -> None:
    for _ in range(times):
        zoom = map_view(page)[2]
        page.click(".leaflet-control-zoom-out")
        expect(page.locator("#map")).not_to_have_attribute("data-view", re.compile(rf",{zoom}$"))


def test_map_clusters_split_on_zoom_with_a_legend_place_names_popups_and_counts(
        page, server, tmp_path):
    """The map an analyst keeps open. Screenshots for review are saved in this test's pytest
    tmp_path (``<basetemp>/test_map_clusters_split_on_zo0/map-*.png``; pass ``--basetemp`` to
    pytest to choose where): the overview, the zoomed-out clusters, the split markers with a
    popup, and the view after a province filter."""
    open_page(page, server, "/map")
    incidents = api(server, "/incidents?limit=500")["items"]
    placed = [i for i in incidents if i["location"]["lat"] is not None]
    legend = page.locator("#legend")
    for word in ("confirmed", "weak", "contested", "air", "shelling", "cluster"):
        expect(legend).to_contain_text(word)
    assert int(page.locator("#map").get_attribute("data-places")) > 0
    expect(page.locator(".sw-place").first).to_be_visible()
    page.screenshot(path=tmp_path / "map-overview.png")

    # from afar the incidents gather into clusters whose counts add up to every placed one
    click_zoom_out(page, 3)
    clusters = page.locator(".sw-cluster:not(.swatch-cluster)")
    expect(clusters.first).to_be_visible()
    counts = [int(t) for t in clusters.all_inner_texts()]
    singles = int(page.locator("#map").get_attribute("data-singles"))
    assert sum(counts) + singles == len(placed) and max(counts) > 1
    page.screenshot(path=tmp_path / "map-clusters.png")

    # each click on a cluster zooms in until every incident is its own marker, even the ones
    # geocoded to the same city centroid
    for _ in range(8):
        if clusters.count() == 0:
            break
        zoom = map_view(page)[2]
        clusters.first.click()
        expect(page.locator("#map")).not_to_have_attribute("data-view", re.compile(rf",{zoom}$"))
    assert clusters.count() == 0
    circles = page.locator(".leaflet-marker-pane ~ .leaflet-overlay-pane path.leaflet-interactive,"
                           " .leaflet-overlay-pane path.leaflet-interactive")
    assert circles.count() >= 2

    # a popup gives date, event type, attacker, toll, grade and the incident's link
    circles.first.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    text = popup.inner_text()
    assert re.search(r"20\d\d-\d\d-\d\d", text) and "killed:" in text
    assert re.search(r"\b(air|shelling|unknown)\b", text)
    assert re.search(r"\b(confirmed|fair|weak|contested|discounted)\b", text)
    link = popup.locator("a").get_attribute("href")
    assert re.fullmatch(r"/incident/[^/]+", link)
    page.wait_for_timeout(300)  # the popup fades in
    page.screenshot(path=tmp_path / "map-split-popup.png")

    # a province filter zooms the map to its incidents; the count above the table follows
    options = page.locator("select[name=region] option").all_inner_texts()
    assert not any(o.startswith("null") for o in options)
    page.select_option("select[name=region]", "Homs")
    page.click("#filters button[type=submit]")
    homs = api(server, "/incidents?region=Homs")["items"]
    expect(page.locator("#status")).to_have_attribute("data-count", str(len(homs)))
    expect(page.locator("#status")).to_contain_text(f"{len(homs)} incidents")
    lat, lon, _zoom = map_view(page)
    assert abs(lat - homs[0]["location"]["lat"]) < 0.5 and abs(lon - homs[0]["location"]["lon"]) < 0.5
    page.screenshot(path=tmp_path / "map-filtered.png")


def test_the_count_above_the_table_follows_the_timeline(page, server):
    open_page(page, server, "/map")
    total = api(server, "/incidents")["total"]
    expect(page.locator("#status")).to_have_text(f"{total} incidents")
    page.locator("#timeline").fill("0")
    rows = page.locator("#incidents tbody tr").count()
    assert rows < total
    expect(page.locator("#status")).to_have_attribute("data-count", str(rows))
    expect(page.locator("#status")).to_contain_text(f"{rows} of {total} incidents")


def test_a_signed_in_analyst_is_offered_sign_out_not_sign_in(page, server):
    open_page(page, server, "/map")
    expect(page.locator("#sw-login")).to_be_visible()
    expect(page.locator("#sw-logout")).to_be_hidden()
    sign_in(page, server["token"], ANALYST)
    expect(page.locator("#sw-login")).to_be_hidden()
    expect(page.locator("#sw-token")).to_be_hidden()
    expect(page.locator("#sw-logout")).to_be_visible()
    page.click("#sw-logout")
    expect(page.locator("#sw-login")).to_be_visible()


def test_review_cards_show_each_reports_sentences_figures_and_outlet(page, server, tmp_path):
    """A review card lists every report of the incident: its outlet linked to the article,
    the sentence(s) it was read from and the figures read from them (killed, injured, date,
    attacker, place as written). Screenshot: ``review-cards.png`` in this test's tmp_path."""
    queue = api(server, "/review-queue?limit=200")["items"]
    with_toll = next(i for i in queue if any(r["killed"]["min"] for r in i["reports"]))
    report = next(r for r in with_toll["reports"] if r["killed"]["min"])
    open_page(page, server, "/review")
    cards = page.locator("#queue section.card")
    expect(cards).to_have_count(len(queue))
    for card, item in zip(cards.all(), queue, strict=True):
        expect(card.locator("tr.report")).to_have_count(len(item["reports"]))
    row = page.locator(f"section.card[data-id='{with_toll['id']}'] "
                       f"tr.report[data-mention='{report['mention_id']}']")
    assert row.locator("td.sentences q").first.inner_text() == report["sentences"][0]
    assert row.locator("td.killed").inner_text().startswith(f"{report['killed']['min']}–")
    assert row.locator("td.injured").inner_text() == "–"
    assert report["date"] in row.locator("td.date").inner_text()
    place = row.locator("td.place").inner_text()
    assert report["place_text"] in place and report["place"] in place
    assert row.locator("td.attacker").inner_text().startswith(report["attacker"])
    link = row.locator("td.outlet a")
    assert link.inner_text() == report["outlet"] and link.get_attribute("href") == report["url"]
    assert "according to" in row.locator("td.sentences").inner_text()
    page.screenshot(path=tmp_path / "review-cards.png", full_page=True)

    # one incident reviewed on its own shows the same reports
    open_page(page, server, f"/review?incident={with_toll['id']}")
    expect(page.locator("section.card tr.report")).to_have_count(len(with_toll["reports"]))


def week_of(day: str) -> tuple[str, str]:
    from datetime import date, timedelta

    return (date.fromisoformat(day) - timedelta(days=6)).isoformat(), day


def test_density_by_week_follows_the_timeline_and_the_filters(page, server, tmp_path):
    """The density view counts the placed incidents of the week up to the timeline's day on a
    grid, replaces the markers and the legend's marker rows, and recounts when the slider or a
    filter moves. Screenshots: ``density-*.png`` in this test's tmp_path."""
    incidents = api(server, "/incidents?limit=500")["items"]
    placed = [i for i in incidents if i["location"]["lat"] is not None and i["date"]]
    days = sorted({i["date"] for i in incidents if i["date"]})

    def in_week(items, day):
        first, last = week_of(day)
        return [i for i in items if first <= i["date"] <= last]

    open_page(page, server, "/map")
    page.check("#density")
    mapped = page.locator("#map")
    expect(mapped).to_have_attribute("data-density-count", str(len(in_week(placed, days[-1]))))
    assert mapped.get_attribute("data-density-week") == "/".join(week_of(days[-1]))
    cells = int(mapped.get_attribute("data-density-cells"))
    assert 0 < cells == page.locator("path.sw-density-cell").count()
    expect(page.locator(".leaflet-overlay-pane path.leaflet-interactive:not(.sw-density-cell)")
           ).to_have_count(0)
    expect(page.locator(".sw-cluster:not(.swatch-cluster)")).to_have_count(0)
    expect(page.locator("#legend")).to_contain_text("Incidents per cell")
    most = int(mapped.get_attribute("data-density-most"))
    expect(page.locator(".legend-density").first).to_have_text("1 incident")
    expect(page.locator(".legend-density").last).to_have_text(
        f"{most} incident{'' if most == 1 else 's'}")
    expect(page.locator("#legend-markers")).to_be_hidden()
    page.screenshot(path=tmp_path / "density-week.png")

    page.locator("#timeline").fill("0")  # the week up to the first day
    expect(mapped).to_have_attribute("data-density-week", "/".join(week_of(days[0])))
    assert mapped.get_attribute("data-density-count") == str(len(in_week(placed, days[0])))

    page.select_option("select[name=region]", "Homs")
    page.click("#filters button[type=submit]")
    homs = [i for i in placed if i["location"]["admin1"] == "Homs"]
    homs_last = max(i["date"] for i in homs)
    expect(mapped).to_have_attribute("data-density-week", "/".join(week_of(homs_last)))
    assert mapped.get_attribute("data-density-count") == str(len(in_week(homs, homs_last)))
    page.screenshot(path=tmp_path / "density-filtered.png")

    page.uncheck("#density")
    expect(page.locator("path.sw-density-cell")).to_have_count(0)
    expect(page.locator("#legend-markers")).to_be_visible()
    expect(page.locator("#legend")).to_contain_text("confirmed")


@pytest.fixture(scope="module")
def syria_ground_server(tmp_path_factory):
    """The founding example with the made-up Syria control map (fixtures/ground) imported."""
    from strikewatch.ground import import_control_maps, mapping_from_yaml

    ground = Path(__file__).parent / "fixtures" / "ground"
    store = Store(str(build_founding_db(tmp_path_factory.mktemp("ground") / "ground.db")))
    import_control_maps(store, ground / "syria", source="Test Syria map",
                        mapping=mapping_from_yaml(ground / "syria.yaml"))
    with serving(store) as url:
        yield {"url": url, "store": store}
    store.close()


def test_the_legend_explains_the_colours_by_ground(page, syria_ground_server, tmp_path):
    """Coloured by who held the ground, the legend names each controller the incidents fell
    under and the places no map answers for, instead of the grades. Screenshot:
    ``ground-legend.png`` in this test's tmp_path."""
    server = syria_ground_server
    grounds = [i["ground"] for i in api(server, "/incidents?limit=500")["items"]]
    controllers = {g["controller"] for g in grounds if g and not g["too_coarse"]}
    open_page(page, server, "/map")
    legend = page.locator("#legend")
    expect(legend).to_contain_text("Grade")
    page.check("#ground-colours")
    expect(legend).to_contain_text("Ground")
    rows = legend.locator(".legend-ground")
    expected = sorted(controllers) + (["place too coarse to say"]
                                      if any(g and g["too_coarse"] for g in grounds) else [])
    expected += ["no control map covers it"] if any(g is None for g in grounds) else []
    expect(rows).to_have_text(expected)
    assert "IS" in controllers
    expect(legend.locator(".legend-grade")).to_have_count(0)
    page.screenshot(path=tmp_path / "ground-legend.png")
    page.uncheck("#ground-colours")
    expect(legend.locator(".legend-grade")).to_have_count(5)


def test_the_alerts_page_says_when_a_failing_webhook_is_tried_next_and_why(
        page, server, tmp_path, monkeypatch):
    """A watch-list created now looks back over the incidents of its window; its dead webhook
    is recorded, and the alerts page shows the state, the next try and the last error.
    Screenshot: ``alerts.png`` in this test's tmp_path."""
    from datetime import date

    from strikewatch.alerts import add_watchlist, check_recent, deliver_due, parse_watchlist
    from strikewatch.alerts.targets import ALLOW_INTERNAL_ENV

    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")  # the dead receiver is on loopback
    store = server["store"]
    w = add_watchlist(store, parse_watchlist("raqqa-dead-hook", {"area": {
        "admin1": "Ar-Raqqah", "country": "SY"}}, {"webhook": "http://127.0.0.1:9/hook"}))
    raised = check_recent(store, w, days=30, today=date(2015, 10, 5))
    assert raised
    deliver_due(store)
    open_page(page, server, "/alerts")
    rows = page.locator("#alerts tbody tr", has_text="raqqa-dead-hook")
    expect(rows).to_have_count(len(raised))
    cell = rows.first.locator("td.delivery")
    expect(cell).to_contain_text("pending (1 attempt)")
    expect(cell.locator(".next-try")).to_contain_text("next try 20")
    expect(cell.locator(".error-text")).to_contain_text("URLError")
    page.screenshot(path=tmp_path / "alerts.png", full_page=True)
