"""Imports of coded data: the Yemen Data Project table and ACLED CSV, round-tripped."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from strikewatch.errors import MalformedInput
from strikewatch.export import ACLED_COLUMNS, export_lines
from strikewatch.geo import load_gazetteer
from strikewatch.imports import (
    ACLED,
    YEMEN_DATA_PROJECT,
    import_acled,
    import_yemen_data_project,
    source_records,
)
from strikewatch.models import Place
from strikewatch.store import IncidentRow, Store

FIXTURES = Path(__file__).parent / "fixtures" / "brief"
YDP = FIXTURES / "ydp-2016-07-08.csv"
MAPPING = Path(__file__).parent.parent / "src/strikewatch/data/imports/yemen-data-project.yaml"


# The governorates' names in Natural Earth, which draws the boundaries the map uses.
BOUNDARY_NAMES = {"Sa'dah": "Sa`dah", "Ta'izz": "Ta`izz", "Sanaa": "Sana'a",
                  "Hajjah": "Hajjah", "Ma'rib": "Ma'rib", "Hudaydah": "Al Hudaydah",
                  "Amanat Al Asimah": "Amanat Al Asimah", "Al Jawf": "Al Jawf",
                  "Bayda'": "Al Bayda'", "Omran": "Amran", "Lahij": "Lahij", "Shabwah": "Shabwah",
                  "Aden": "`Adan", "Ibb": "Ibb", "Ad Dali'": "Al Dali'", "Dhamar": "Dhamar",
                  "Abyan": "Abyan", "Al Mahwit": "Al Mahwit", "Raymah": "Raymah",
                  "Hadramawt": "Hadramawt", "Al Mahrah": "Al Mahrah"}
BOUNDARIES = json.loads((Path(__file__).parent.parent / "src/strikewatch/data/boundaries"
                         / "admin1-YE.geojson").read_text())["features"]


def inside(loc: dict, region: str, km: float = 0) -> bool:
    """Is the point in the Natural Earth polygon of ``region`` (or within ``km`` of it)?
    Ray casting; the tolerance covers simplified coastlines and district seats on a border."""
    feature = next(f for f in BOUNDARIES if f["properties"]["name"] == region)
    x, y = loc["lon"], loc["lat"]
    tol = km / 111.0
    for dx, dy in ((0, 0), (tol, 0), (-tol, 0), (0, tol), (0, -tol)) if km else ((0, 0),):
        px, py = x + dx, y + dy
        for poly in feature["geometry"]["coordinates"]:
            ring, hit = poly[0], False
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
                if (y1 > py) != (y2 > py) and px < (x2 - x1) * (py - y1) / (y2 - y1) + x1:
                    hit = not hit
            if hit:
                return True
    return False


def ydp_rows(path: Path = YDP) -> list[dict]:
    with open(path, encoding="cp1252", newline="") as f:
        return [{k.strip(): v.strip() for k, v in r.items() if k} for r in csv.DictReader(f)]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "imports.db"))


def incidents(store: Store) -> dict[str, dict]:
    return {json.loads(line)["id"]: json.loads(line)
            for line in export_lines(store, fmt="jsonl", what="incidents")}


def test_yemen_rows_become_incidents_in_their_governorate(store, gazetteer):
    summary = import_yemen_data_project(YDP, store, gazetteer=gazetteer)
    rows = ydp_rows()
    assert summary.read == len(rows) == 926 and summary.stored == 926 and not summary.skipped
    got = incidents(store)
    names = {k.casefold(): v["name"] for k, v in
             yaml.safe_load(MAPPING.read_text())["governorates"].items()}
    for row in rows:
        inc = got[f"ydp-{row['Incident ID']}"]
        d, m, y = row["Date"].split("/")
        assert inc["date"] == f"{y}-{m}-{d}"
        assert inc["attacker"]["country"] == "SA"
        assert inc["location"]["admin1"] == names[row["Governorate"].casefold()]
        assert inc["fatalities"]["civilians_min"] == int(row["Fatalities"])
    # Baqim district: placed by name, as a district, inside Sa'dah's boundary (Natural Earth)
    baqim = next(got[f"ydp-{r['Incident ID']}"] for r in rows
                 if r["District"] == "Baqim" and r["Area"] == "-")
    assert baqim["location"]["precision"] == "admin2"
    assert inside(baqim["location"], "Sa`dah")
    # most raids are placed finer than their governorate, and every one inside it
    assert summary.precision["admin2"] + summary.precision["point"] > 0.8 * summary.stored
    outside = [i["id"] for i in got.values() if i["location"]["precision"] != "admin1"
               and not inside(i["location"], BOUNDARY_NAMES[i["location"]["admin1"]], km=15)]
    assert len(outside) < 0.02 * len(got), outside[:10]


class NoPlaces:
    """A gazetteer that knows no place: every raid falls back to its governorate's capital."""

    def resolve(self, name, **_kw):
        return "unresolved"


def test_unplaceable_names_fall_back_to_the_governorate(store):
    import_yemen_data_project(YDP, store, gazetteer=NoPlaces())
    got = incidents(store)
    precisions = Counter(i["location"]["precision"] for i in got.values())
    assert precisions == {"admin1": 926}
    saada = [i for i in got.values() if i["location"]["admin1"] == "Sa'dah"]
    assert saada and all(i["location"]["lat"] == 16.94 for i in saada)


def test_a_homonym_in_another_governorate_is_not_accepted(store):
    class Elsewhere:
        def resolve(self, name, **_kw):
            return Place(name=name, lat=12.8, lon=45.0, country="YE", precision="point",
                         admin1="Aden")

    import_yemen_data_project(YDP, store, gazetteer=Elsewhere())
    got = incidents(store)
    assert all(i["location"]["precision"] == "admin1" for i in got.values()
               if i["location"]["admin1"] != "Aden")


def test_reimport_replaces_and_keeps_reviewed_incidents(store, gazetteer):
    import_yemen_data_project(YDP, store, gazetteer=gazetteer)
    with store.sessions.begin() as s:
        row = s.get(IncidentRow, "ydp-7873")
        row.grade, row.reviewed = "confirmed", {"grade": "confirmed"}
    again = import_yemen_data_project(YDP, store, gazetteer=gazetteer)
    assert again.stored == 925 and again.skipped == [("ydp-7873", "reviewed by an analyst; "
                                                                   "left as reviewed")]
    assert len(incidents(store)) == 926
    assert incidents(store)["ydp-7873"]["grade"] == "confirmed"
    assert source_records(store, ["ydp-7873"])["ydp-7873"][0] == YEMEN_DATA_PROJECT


def test_bad_rows_are_skipped_with_a_reason(store, gazetteer, tmp_path):
    lines = YDP.read_bytes().splitlines()
    broken = lines[1].replace(b"01/07/2016", b"2016-07-01")
    unknown = lines[2].replace(b",Sanaa,", b",Atlantis,", 1)
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\n".join([lines[0], broken, unknown, lines[3]]) + b"\n")
    summary = import_yemen_data_project(path, store, gazetteer=gazetteer)
    assert summary.stored == 1
    reasons = [why for _, why in summary.skipped]
    assert any("not dd/mm/yyyy" in r for r in reasons)
    assert any("unknown governorate 'Atlantis'" in r for r in reasons)


def test_a_table_that_is_not_the_expected_one_is_refused(store, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(MalformedInput, match="missing columns"):
        import_yemen_data_project(path, store, gazetteer=NoPlaces())
    with pytest.raises(MalformedInput, match="missing columns"):
        import_acled(path, store)


def test_acled_round_trip_gives_the_same_rows(tmp_path, gazetteer):
    """Import an export, export again: the same rows, in ACLED's columns and order."""
    first = Store(str(tmp_path / "first.db"))
    import_yemen_data_project(YDP, first, gazetteer=gazetteer)
    exported = "".join(export_lines(first, fmt="acled", what="incidents"))
    rows = list(csv.reader(io.StringIO(exported)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 927
    path = tmp_path / "acled.csv"
    path.write_text(exported, encoding="utf-8")

    second = Store(str(tmp_path / "second.db"))
    summary = import_acled(path, second)
    assert summary.stored == 926 and not summary.skipped
    again = "".join(export_lines(second, fmt="acled", what="incidents"))
    assert sorted(again.splitlines()) == sorted(exported.splitlines())
    # and what strikewatch read from the rows is what the first store had
    a, b = incidents(first), incidents(second)
    for inc in a.values():
        twin = b[f"acled-YE-{inc['id']}"]
        assert twin["date"] == inc["date"] and twin["attacker"]["country"] == "SA"
        assert twin["location"]["admin1"] == inc["location"]["admin1"]
        assert twin["location"]["lat"] == inc["location"]["lat"]
        assert twin["location"]["precision"] == inc["location"]["precision"]
        assert twin["fatalities"]["min"] == inc["fatalities"]["min"]
        # ACLED's inter codes tell civilians (7) from armed groups (2), no finer
        coarse = {"infrastructure": "civilian", "jihadist": "rebel", "kurdish": "rebel"}
        assert {t["category"] for t in twin["targets"]} <= {
            coarse.get(t["category"], t["category"]) for t in inc["targets"]}
        assert twin["grade"] == inc["grade"]
    assert {o for o, _ in source_records(second).values()} == {ACLED}


def test_acled_rows_that_are_not_strikes_are_skipped(store, tmp_path):
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(event_id_cnty="SYR1", event_date="2016-08-01", event_type="Battles",
               sub_event_type="Armed clash", country="Syria")
    strike = dict(row, event_id_cnty="SYR2", event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)",
                  event_date="01 August 2016", time_precision="1", location="Saraqib",
                  admin1="Idlib", latitude="35.8646", longitude="36.8008", geo_precision="1",
                  fatalities="4", civilian_targeting="Civilian targeting", inter2="7",
                  actor2="Civilians (Syria)")
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
    w.writeheader()
    w.writerows([row, strike])
    path = tmp_path / "acled.csv"
    path.write_text(buf.getvalue())
    summary = import_acled(path, store)
    assert summary.stored == 1 and summary.skipped == [("SYR1", "not a strike: Battles / "
                                                                "Armed clash")]
    inc = incidents(store)["acled-SYR2"]
    assert inc["date"] == "2016-08-01" and inc["date_precision"] == "day"
    assert inc["attacker"]["country"] == "RU" and inc["location"]["country"] == "SY"
    assert inc["location"]["precision"] == "point"
    assert inc["fatalities"]["min"] == 4 and inc["fatalities"]["max"] is None
    assert {t["category"] for t in inc["targets"]} == {"civilian"}


def test_acled_round_trip_of_text_incidents_keeps_type_admin2_scale_and_timestamp(tmp_path):
    """Strikes read from text, exported as ACLED rows, imported back: what the row carries
    (sub-event type, admin2, source scale, timestamp, fatalities, place) survives both ways."""
    import hashlib
    from datetime import date

    from strikewatch.fuse import fuse_pending
    from strikewatch.models import Actor, Casualties, Document, Range, Segment, Span, StrikeMention

    text = ("Saudi-led coalition jets struck a market in Saada on Tuesday, killing 12 people. "
            "Houthi rockets hit Marib city on Tuesday, killing 3 civilians.")
    places = {"Saada": Place("Saada", 16.9402, 43.7639, "YE", "point", admin1="Sa'dah",
                             admin2="Sa'dah city"),
              "Marib": Place("Marib", 15.4627, 45.3220, "YE", "point", admin1="Ma'rib",
                             admin2="Marib city")}
    first = Store(str(tmp_path / "first.db"))
    doc = Document("ye-1", text, (Segment("body", 0, len(text)),),
                   hashlib.sha256(text.encode()).hexdigest(), source="Reuters",
                   published=date(2016, 8, 16))
    first.add_documents([(doc, None)])
    mentions = []
    for name, attacker, kind, killed in (("Saada", Actor("Saudi-led coalition", "SA"), "air", 12),
                                         ("Marib", Actor("Houthis"), "shelling", 3)):
        at = text.index(name)
        start = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) > 0 else 0
        end = text.index(".", at) + 1
        mentions.append(StrikeMention(
            "ye-1", Span(start, end, text[start:end]), name, Span(at, at + len(name), name),
            attacker, date=date(2016, 8, 16), date_precision="day", place=places[name],
            casualties=Casualties(killed=Range(killed, killed)), event_type=kind))
    first.replace_mentions("ye-1", mentions, [])
    fuse_pending(first)
    exported = "".join(export_lines(first, fmt="acled", what="incidents"))
    rows = {r["location"]: r for r in csv.DictReader(io.StringIO(exported))}
    assert rows["Saada"]["sub_event_type"] == "Air/drone strike"
    assert rows["Marib"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows["Marib"]["admin2"] == "Marib city" and rows["Saada"]["source_scale"] == "International"
    assert all(r["timestamp"].isdigit() for r in rows.values())

    path = tmp_path / "acled.csv"
    path.write_text(exported, encoding="utf-8")
    # back in through the command line, as a user would
    from typer.testing import CliRunner

    from strikewatch.cli import app

    runner, db = CliRunner(), str(tmp_path / "second.db")
    imported = runner.invoke(app, ["import", str(path), "--format", "acled", "--db", db])
    assert imported.exit_code == 0, imported.output
    again = runner.invoke(app, ["export", "--format", "acled", "--db", db])
    assert again.exit_code == 0, again.output
    assert sorted(again.stdout.splitlines()) == sorted(exported.splitlines())
    second = Store(db)
    back = {inc["location"]["name"]: inc for inc in incidents(second).values()}
    assert back["Marib"]["event_type"] == "shelling" and back["Saada"]["event_type"] == "air"
    assert back["Marib"]["location"]["admin2"] == "Marib city"
    assert back["Saada"]["fatalities"]["min"] == 12 and back["Saada"]["date"] == "2016-08-16"


@pytest.mark.parametrize(("iso2", "region"), [
    ("NG", "Western Africa"), ("ML", "Western Africa"), ("BF", "Western Africa"),  # the Sahel
    ("CD", "Middle Africa"), ("MM", "Southeast Asia"), ("AF", "South Asia"),
    ("PK", "South Asia"), ("AZ", "Caucasus and Central Asia"), ("SD", "Northern Africa"),
    ("SY", "Middle East"), ("UA", "Europe"),
])
def test_every_war_s_country_has_its_acled_region(iso2, region):
    """An ACLED-compatible row of a strike in Nigeria or Myanmar had an empty region."""
    from strikewatch.imports import acled_region

    assert acled_region(iso2) == region
