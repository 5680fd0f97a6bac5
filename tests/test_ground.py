"""Whose ground (issue 16): control maps imported, strikes placed on them, bad input refused.

The frontline maps are made up for the tests (fixtures/ground/README.md): two controllers and a
contested strip 0.1 degrees wide, the front at 47.9–48.0°N on 2024-01-01 and at 48.4–48.5°N
from 2024-02-01. The Syria map, also made up, stands for a second war.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strikewatch.errors import ControlMapError
from strikewatch.ground import (
    ControlLayers,
    Spot,
    bundled_mapping,
    import_control_maps,
    mapping_from_yaml,
    with_ground,
)
from strikewatch.store import ControlMapRow, Store

FIXTURES = Path(__file__).parent / "fixtures" / "ground"
KM_PER_DEGREE_LAT = 110.574


@pytest.fixture()
def store(tmp_path):
    s = Store(str(tmp_path / "ground.db"))
    yield s
    s.close()


@pytest.fixture()
def frontline(store):
    import_control_maps(store, FIXTURES / "frontline", source="Test maps",
                        mapping=mapping_from_yaml(FIXTURES / "frontline.yaml"))
    return ControlLayers(store)


def ground_at(layers, lat, lon, day, precision="point"):
    return layers.grounds([Spot(lat=lat, lon=lon, day=day, precision=precision)])[0]


def test_dates_come_from_the_published_member_or_the_file_name(store, frontline):
    assert [e.map_date for e in frontline.by_source["Test maps"]] == [date(2024, 1, 1),
                                                                      date(2024, 2, 1)]


def test_strikes_on_each_side_get_their_controller_and_distance_to_the_front(frontline):
    north = ground_at(frontline, 49.0, 31.0, date(2024, 1, 15))
    south = ground_at(frontline, 47.0, 31.0, date(2024, 1, 15))
    strip = ground_at(frontline, 47.95, 31.0, date(2024, 1, 15))
    assert (north.controller, south.controller, strip.controller) == ("UA", "RU", "contested")
    assert north.front_km == pytest.approx(1.0 * KM_PER_DEGREE_LAT, rel=0.01)
    assert south.front_km == pytest.approx(0.9 * KM_PER_DEGREE_LAT, rel=0.01)
    assert strip.front_km == pytest.approx(0.05 * KM_PER_DEGREE_LAT, rel=0.05)
    assert not north.too_coarse


def test_a_strike_on_the_line_is_on_the_front_and_not_called_held(frontline):
    on_line = ground_at(frontline, 48.0, 31.0, date(2024, 1, 15))
    assert on_line.controller == "contested"  # the label listed first wins on an edge
    assert on_line.front_km == pytest.approx(0.0, abs=0.01)


def test_the_map_in_force_is_the_latest_on_or_before_the_strike(frontline):
    january = ground_at(frontline, 48.2, 31.0, date(2024, 1, 31))
    february = ground_at(frontline, 48.2, 31.0, date(2024, 2, 15))
    assert (january.controller, january.map_date) == ("UA", date(2024, 1, 1))
    assert (february.controller, february.map_date) == ("RU", date(2024, 2, 1))
    assert february.map_age_days == 14
    assert ground_at(frontline, 48.2, 31.0, date(2023, 12, 31)) is None  # before any map
    assert ground_at(frontline, 40.0, 31.0, date(2024, 1, 15)) is None  # off the map


def test_a_province_level_place_is_too_coarse_to_say(frontline):
    coarse = ground_at(frontline, 49.0, 31.0, date(2024, 1, 15), precision="admin1")
    assert coarse.too_coarse and coarse.controller is None and coarse.front_km is None
    assert coarse.source == "Test maps"


def test_a_second_war_syria_places_fall_on_the_made_up_map(store):
    import_control_maps(store, FIXTURES / "syria", source="Test Syria map",
                        mapping=mapping_from_yaml(FIXTURES / "syria.yaml"))
    layers = ControlLayers(store)
    day = date(2015, 10, 2)
    raqqa = ground_at(layers, 35.95283, 39.00788, day)
    idlib = ground_at(layers, 35.93, 36.63, day)
    latakia = ground_at(layers, 35.52, 35.79, day)  # no polygon: the default, government
    assert (raqqa.controller, idlib.controller, latakia.controller) == ("IS", "opposition", "SY")
    assert raqqa.map_age_days == 4


def test_exports_carry_ground_and_null_without_a_layer(store):
    record = {"id": "x", "date": "2024-01-15",
              "location": {"lat": 49.0, "lon": 31.0, "precision": "point"}}
    assert next(with_ground(store, [record]))["ground"] is None
    import_control_maps(store, FIXTURES / "frontline", source="Test maps",
                        mapping=mapping_from_yaml(FIXTURES / "frontline.yaml"))
    ground = next(with_ground(store, [record]))["ground"]
    assert ground["controller"] == "UA" and ground["map_date"] == "2024-01-01"
    assert set(ground) >= {"controller", "source", "map_date", "front_km", "too_coarse"}


# -- bad input: reported with file and feature, nothing imported changes --

def write_map(folder: Path, name: str, features: list[dict], **members) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"type": "FeatureCollection", **members, "features": features}))
    return path


def box_feature(side: str, w: float = 30, s: float = 46, e: float = 32, n: float = 50) -> dict:
    return {"type": "Feature", "properties": {"side": side},
            "geometry": {"type": "Polygon",
                         "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}}


def frontline_mapping():
    return mapping_from_yaml(FIXTURES / "frontline.yaml")


def test_a_file_without_a_date_is_refused(store, tmp_path):
    path = write_map(tmp_path / "m", "undated.geojson", [box_feature("red")])
    with pytest.raises(ControlMapError, match="undated.geojson: no date"):
        import_control_maps(store, path, source="T", mapping=frontline_mapping())


def test_points_and_unmapped_labels_are_named_by_feature(store, tmp_path):
    point = {"type": "Feature", "properties": {"side": "red"},
             "geometry": {"type": "Point", "coordinates": [31, 47]}}
    path = write_map(tmp_path / "m", "2024-03-01.geojson",
                     [box_feature("red"), point, box_feature("purple")])
    with pytest.raises(ControlMapError) as err:
        import_control_maps(store, path, source="T", mapping=frontline_mapping())
    assert "feature 1: geometry is 'Point', not a polygon" in str(err.value)
    assert "feature 2: label side='purple' is not in the mapping" in str(err.value)
    assert "2024-03-01.geojson" in str(err.value)


def test_an_invalid_ring_is_repaired_and_reported(store, tmp_path):
    bowtie = {"type": "Feature", "properties": {"side": "red"},
              "geometry": {"type": "Polygon",
                           "coordinates": [[[30, 46], [32, 48], [32, 46], [30, 48], [30, 46]]]}}
    path = write_map(tmp_path / "m", "2024-03-01.geojson", [bowtie])
    summary = import_control_maps(store, path, source="T", mapping=frontline_mapping())
    assert any("feature 0: invalid ring repaired (Self-intersection" in w
               for w in summary.warnings)
    layers = ControlLayers(store)
    assert ground_at(layers, 47.0, 30.5, date(2024, 3, 2)).controller == "RU"  # a lobe


def test_a_bad_file_in_a_folder_leaves_what_was_imported_unchanged(store, tmp_path):
    import_control_maps(store, FIXTURES / "frontline", source="Test maps",
                        mapping=frontline_mapping())
    folder = tmp_path / "more"
    write_map(folder, "2024-02-01.geojson", [box_feature("red")], published="2024-02-01")
    write_map(folder, "2024-03-01.geojson", [box_feature("purple")])
    with pytest.raises(ControlMapError, match="2024-03-01.geojson: feature 0"):
        import_control_maps(store, folder, source="Test maps", mapping=frontline_mapping())
    assert store.count(ControlMapRow) == 2
    still = ground_at(ControlLayers(store), 49.0, 31.0, date(2024, 2, 15))
    assert still.controller == "UA"  # the February map was not replaced by the all-red one


def test_a_mapping_with_an_empty_label_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("labels:\n  occupied: RU\n  unknown:\n")
    with pytest.raises(ControlMapError, match="labels without a controller: unknown"):
        mapping_from_yaml(bad)


def test_the_bundled_deepstate_mapping_reads():
    mapping = bundled_mapping("deepstate")
    assert mapping.controller("occupied") == "RU" and mapping.default_country == "UA"


# -- end to end: three DeepStateMap months, the Bellingcat incidents of those months --

def bellingcat_spots() -> list[tuple[str, Spot]]:
    spots = []
    for line in (FIXTURES / "bellingcat-2022-04-06.jsonl").read_text().splitlines():
        record = json.loads(line)
        for event in record["events"]:
            if event["lat"] is not None and event["date"]:
                spots.append((event["place"], Spot(lat=event["lat"], lon=event["lon"],
                                                   day=date.fromisoformat(event["date"]))))
    return spots


def test_deepstate_months_place_the_bellingcat_incidents(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = tmp_path / "ukraine.db"
    result = CliRunner().invoke(app, ["control", "import", str(FIXTURES / "deepstate"),
                                      "--source", "DeepStateMap", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 map(s) of DeepStateMap imported, 2022-04-03 to 2022-06-01" in result.output
    store = Store(str(db))
    spots = bellingcat_spots()
    grounds = ControlLayers(store).grounds([s for _, s in spots])
    by_place = {place: g for (place, _), g in zip(spots, grounds, strict=True)}
    assert all(g is not None for g in grounds)
    assert all(g.map_date.month == s.day.month for (_, s), g in zip(spots, grounds, strict=True))
    assert by_place["Kharkiv"].controller == "UA"  # held throughout, shelled from the north
    assert by_place["Lviv"].front_km > 400  # the far west
    assert by_place["Severodonetsk"].front_km < 10  # fought over street by street in June
    counts = {c: sum(g.controller == c for g in grounds) for c in ("UA", "RU", "contested")}
    assert counts["UA"] > counts["RU"] > 0
    assert sum(counts.values()) == len(grounds)
    store.close()


# -- claims against the ground --

def test_tally_counts_an_attackers_strikes_per_controller_with_the_coarse_apart(store):
    from strikewatch.ground.tally import held_line, tally_ground

    import_control_maps(store, FIXTURES / "frontline", source="Test maps",
                        mapping=frontline_mapping())

    def record(lat, precision="point", attacker="RU"):
        return {"id": f"{lat}-{precision}", "date": "2024-01-15", "grade": "weak",
                "attacker": {"country": attacker},
                "location": {"lat": lat, "lon": 31.0, "precision": precision}}

    incidents = [record(49.0), record(49.5), record(47.0), record(48.0), record(49.0, "admin1"),
                 record(30.0), record(49.0, attacker="UA")]
    tally = tally_ground(store, incidents, "RU")
    assert tally.held == {"UA": 2, "RU": 1, "contested": 1}
    assert (tally.too_coarse, tally.unmapped, tally.total) == (1, 1, 6)
    line = held_line(tally)
    assert "2 of 4 (50%) on UA-held ground" in line and "1 too coarse to say" in line


def founding_with_syria_map(tmp_path) -> Store:
    """A copy of the founding example's database with the made-up Syria map imported."""
    import sqlite3

    from founding_example import founding_run

    run = founding_run()
    assert run.exit_code == 0, run.output
    db = tmp_path / "mee.db"
    with sqlite3.connect(run.db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)  # the shared run stays without a control map
    store = Store(str(db))
    import_control_maps(store, FIXTURES / "syria", source="Test Syria map",
                        mapping=mapping_from_yaml(FIXTURES / "syria.yaml"))
    return store


def test_founding_example_briefing_sets_russian_strikes_against_a_syria_map(tmp_path):
    from strikewatch.brief import BriefOptions, build_brief, render_markdown

    store = founding_with_syria_map(tmp_path)
    brief = build_brief(store, BriefOptions(end=date(2015, 10, 2), days=7))
    russian = next(line for line in brief.ground if " RU incidents" in line)
    assert "on IS-held ground" in russian
    assert "too coarse to say" in russian  # the article's places are mostly provinces
    assert any(line.startswith("RU's own statements claim jihadist") for line in brief.ground)
    fallon = next(line for line in brief.ground if "Michael Fallon" in line)
    assert "share 0.05 (5%)" in fallon and "strikewatch:" in fallon and "IS-held" in fallon
    assert russian in render_markdown(brief)
    store.close()


def test_the_api_filters_incidents_by_who_held_the_ground(tmp_path):
    from fastapi.testclient import TestClient

    from strikewatch.api import API, ApiSettings, create_app

    store = founding_with_syria_map(tmp_path)
    client = TestClient(create_app(ApiSettings(), store=store))
    held = client.get(f"{API}/incidents", params={"controller": "IS"}).json()
    places = sorted(i["location"]["name"] for i in held["items"])
    assert held["total"] == 2 and places == ["Ar Raqqah", "Tabqa military airport"]
    assert all(i["ground"]["controller"] == "IS" for i in held["items"])
    every = client.get(f"{API}/incidents", params={"limit": 100}).json()["items"]
    coarse = [i for i in every if i["location"]["precision"] == "admin1"]
    assert coarse and all(i["ground"]["too_coarse"] for i in coarse)
    one = client.get(f"{API}/incidents/{held['items'][0]['id']}").json()
    assert one["ground"]["source"] == "Test Syria map"
    store.close()


def test_the_web_map_gets_the_control_layer_in_force_on_a_day(tmp_path):
    from fastapi.testclient import TestClient

    from strikewatch.api import API, ApiSettings, create_app

    store = Store(str(tmp_path / "layer.db"))
    import_control_maps(store, FIXTURES / "frontline", source="Test maps",
                        mapping=frontline_mapping())
    client = TestClient(create_app(ApiSettings(), store=store))
    layer = client.get(f"{API}/control/layer", params={"date": "2024-02-10"}).json()
    assert {f["properties"]["controller"] for f in layer["features"]} == {"UA", "RU", "contested"}
    assert {f["properties"]["map_date"] for f in layer["features"]} == {"2024-02-01"}
    before = client.get(f"{API}/control/layer", params={"date": "2023-12-31"}).json()
    assert before["features"] == []
    assert client.get(f"{API}/control/layer", params={"date": "soon"}).status_code == 422
    page = client.get("/map").text
    assert "/static/ground.js" in page and 'id="ground-layer"' in page
    store.close()


def test_the_claims_command_reads_the_periods_statements_once_with_a_map(tmp_path, monkeypatch):
    """`claims` with a control map loaded built its attacker's claims-vs-reports twice (once
    for its own lines, again in the ground section): a whole period's statements read twice."""
    from typer.testing import CliRunner

    import strikewatch.fuse as fuse
    from strikewatch.cli import app

    store = founding_with_syria_map(tmp_path)
    store.close()
    built = []
    real = fuse.claims_vs_reports

    def counted(*args, **kwargs):
        built.append(kwargs.get("attacker"))
        return real(*args, **kwargs)

    monkeypatch.setattr(fuse, "claims_vs_reports", counted)
    result = CliRunner().invoke(app, ["claims", "--attacker", "RU", "--from", "2015-09-26",
                                      "--to", "2015-10-02", "--db", str(tmp_path / "mee.db")])
    assert result.exit_code == 0, result.output
    assert "Whose ground:" in result.output and "IS-held" in result.output
    assert built == ["RU"]
