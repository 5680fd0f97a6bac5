"""The morning briefing: its arithmetic over plain incidents, the Yemen ranking against a direct
count of the table, and the founding example end to end."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from founding_example import founding_run
from typer.testing import CliRunner

from strikewatch import brief
from strikewatch.cli import app
from strikewatch.geo import load_gazetteer
from strikewatch.imports import import_yemen_data_project
from strikewatch.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "brief"
YDP = FIXTURES / "ydp-2016-07-08.csv"
MAPPING = Path(__file__).parent.parent / "src/strikewatch/data/imports/yemen-data-project.yaml"


def inc(id_, day, admin1, *, grade="weak", fmin=None, fmax=None, cmin=None, cmax=None,
        attacker="RU", targets=(), mentions=()):
    return {"id": id_, "date": day, "date_precision": "day",
            "attacker": {"name": None, "country": attacker},
            "location": {"name": admin1, "admin1": admin1, "country": "SY", "lat": 35.0,
                         "lon": 37.0, "precision": "admin1", "geonameid": None},
            "targets": list(targets),
            "fatalities": {"min": fmin, "max": fmax, "civilians_min": cmin, "civilians_max": cmax},
            "grade": grade, "mentions": list(mentions)}


def mention(source, claimed=False):
    return {"doc_id": "d", "url": "https://example.org/a", "source": source,
            "sentence": f"{source} said a strike hit the town.", "start": 0, "end": 10,
            "claimed_by_attacker": claimed}


def test_ranges_add_up_and_stay_open_when_one_is_open():
    assert brief.tally([(5, 8), (2, 2)]).text() == "7–10"
    assert brief.tally([(12, None), (3, 3)]).text() == "at least 15"
    t = brief.tally([(None, None), (4, 4)])
    assert (t.text(), t.unknown) == ("4", 1)
    assert brief.tally([(None, None)]).text() == "no figure"


def test_summary_counts_regions_against_the_previous_period_and_lists_contested_first():
    incidents = [
        inc("a", "2015-10-01", "Hama", fmin=2, fmax=4, mentions=[mention("SOHR")]),
        inc("b", "2015-10-02", "Hama", grade="contested", cmin=1, cmax=1,
            targets=[{"name": "IS", "category": "jihadist"}],
            mentions=[mention("SOHR"), mention("SANA")]),
        inc("c", "2015-10-02", "Homs", grade="confirmed",
            targets=[{"name": "IS", "category": "jihadist"}],
            mentions=[mention("Russian defence ministry", claimed=True)]),
        inc("d", "2015-09-26", "Homs"),  # the previous period
        inc("e", "2015-09-25", "Idlib"),
        inc("f", "2015-08-01", "Idlib"),  # outside both periods and the chart
    ]
    b = brief.summarise(incidents, start=date(2015, 9, 30), end=date(2015, 10, 3), days=4)
    assert len(b.incidents) == 3 and b.previous_incidents == 1
    assert [(r.name, r.incidents, r.change) for r in b.regions] == [("Hama", 2, 2),
                                                                     ("Homs", 1, 0)]
    assert b.fatalities.text() == "2–4" and b.fatalities.unknown == 2
    assert b.civilians.text() == "1"
    assert [i["id"] for i in brief.listed_incidents(b, 10)] == ["b", "c", "a"]
    rows = {(r.attacker, r.category): (r.reported, r.claimed) for r in b.targets}
    assert rows[("RU", "jihadist")] == (1, 1)  # one reported, one only the attacker claims
    assert rows[("RU", "unknown")] == (1, 0)
    assert b.sources == Counter({"SOHR": 2, "SANA": 1, "Russian defence ministry": 1})
    assert sum(sum(c.values()) for _, c in b.daily) == 5  # the chart's 28 days hold a–e


def test_previous_period_region_appears_with_its_drop():
    b = brief.summarise([inc("a", "2015-10-01", "Hama"), inc("d", "2015-09-30", "Idlib")],
                        start=date(2015, 10, 1), end=date(2015, 10, 1), days=1)
    assert [(r.name, r.incidents, r.change) for r in b.regions] == [("Hama", 1, 1),
                                                                     ("Idlib", 0, -1)]


def test_html_is_self_contained_with_map_and_chart():
    incidents = [inc("a", "2015-10-01", "Hama", fmin=12, fmax=None,
                     mentions=[mention("SOHR")])]
    b = brief.summarise(incidents, start=date(2015, 10, 1), end=date(2015, 10, 1), days=1)
    page = brief.render_html(b)
    assert '<svg id="map"' in page and '<svg id="daily-chart"' in page
    assert page.count('class="incident"') == 1 and 'class="admin1"' in page
    assert not re.search(r'(src|href)="(https?:)?//(?!example\.org)', page)
    assert "<script" not in page
    assert "#:~:text=SOHR%20said%20a%20strike" in page  # a link to the sentence


@pytest.fixture(scope="module")
def yemen_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("yemen") / "ydp.db"
    import_yemen_data_project(YDP, Store(str(db)), gazetteer=load_gazetteer())
    return db


def direct_count(start: date, end: date) -> Counter:
    """Raids per governorate straight from the table, named as the mapping file names them."""
    names = {k.casefold(): v["name"] for k, v in
             yaml.safe_load(MAPPING.read_text())["governorates"].items()}
    counts: Counter = Counter()
    with open(YDP, encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.strptime(row["Date"], "%d/%m/%Y").date()
            if start <= day <= end:
                counts[names[row["Governorate"].strip().casefold()]] += 1
    return counts


def test_yemen_week_ranks_governorates_as_the_table_counts_them(yemen_db):
    result = CliRunner().invoke(app, ["brief", "--db", str(yemen_db), "--days", "7",
                                      "--date", "2016-08-15", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    where = result.output.split("## Where")[1].split("## Whom")[0]
    table = [line.split("|")[1:-1] for line in where.splitlines() if line.startswith("| ")][1:]
    shown = [(cells[0].strip(), int(cells[2])) for cells in table if int(cells[2])]
    expected = direct_count(date(2016, 8, 9), date(2016, 8, 15))
    assert len(shown) == min(12, len(expected))
    assert all(expected[name] == n for name, n in shown)
    assert [n for _, n in shown] == [n for _, n in expected.most_common(len(shown))]
    assert shown[0] == ("Sa'dah", 44)
    assert f"- {sum(expected.values())} incidents " in result.output
    previous = direct_count(date(2016, 8, 2), date(2016, 8, 8))
    changes = {cells[0].strip(): cells[3].strip() for cells in table}
    delta = expected["Sa'dah"] - previous["Sa'dah"]
    assert changes["Sa'dah"] == (f"+{delta}" if delta > 0 else str(delta))


def test_brief_of_an_empty_database_says_so(tmp_path):
    Store(str(tmp_path / "empty.db")).close()  # brief reads a database, it never creates one
    result = CliRunner().invoke(app, ["brief", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1 and "no dated incident" in result.output


def test_founding_example_run_ends_with_the_briefing():
    run = founding_run()
    assert run.exit_code == 0, run.output
    out = run.output.split("Where: incidents by first-level region")[1]
    for place in ("Hama", "Homs", "Idlib", "Aleppo"):
        assert place in out
    assert "Raqqa" in out and "Tabqa" in out
    assert re.search(r"^│ RU ", out, re.M)
    assert "Syrian Observatory for Human Rights" in out
    assert "Michael Fallon" in out and "share 0.05" in out  # the UK's "one in 20"
    assert "joint statement (3)" in out  # "the statement" later is the six governments'
    page = run.briefing.read_text(encoding="utf-8")
    assert page.count('class="incident"') >= 5 and "Fallon" in page


@pytest.mark.browser
def test_pdf_comes_from_the_html(tmp_path):
    if brief.chromium() is None:
        pytest.skip("/usr/bin/chromium is absent: run scripts/ensure-chromium.sh")
    b = brief.summarise([inc("a", "2015-10-01", "Hama", mentions=[mention("SOHR")])],
                        start=date(2015, 10, 1), end=date(2015, 10, 1), days=1)
    out = tmp_path / "brief.pdf"
    brief.render(b, "pdf", out)
    assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 5000


def test_briefing_counts_air_strikes_and_shelling_apart():
    incidents = [dict(inc("a", "2015-10-01", "Hama", fmin=4, fmax=4), event_type="air"),
                 dict(inc("b", "2015-10-01", "Idlib", fmin=2, fmax=3), event_type="air"),
                 dict(inc("c", "2015-10-01", "Aleppo", fmin=7, fmax=7), event_type="shelling"),
                 inc("d", "2015-10-01", "Homs")]
    b = brief.summarise(incidents, start=date(2015, 10, 1), end=date(2015, 10, 1), days=1)
    assert [(k, n, t.text()) for k, n, t in b.event_types] == [
        ("air", 2, "6–7"), ("shelling", 1, "7"), ("unknown", 1, "no figure")]
    assert ("by type: air/drone strikes 2 (killed 6–7); shelling/artillery/missile attacks 1 "
            "(killed 7); delivery not reported 1") in brief.render_markdown(b)


def _told(doc_id: str, sentence: str) -> dict:
    return {"doc_id": doc_id, "url": "https://example.org/a", "source": "SOHR",
            "sentence": sentence, "start": 0, "end": 10, "claimed_by_attacker": False}


@pytest.mark.parametrize(("sentence", "where", "attackers"), [
    # Syria: one strike, two attackers, an incident each
    ("Russian and Syrian government jets struck Idlib, killing at least 25 people.", "Idlib",
     ("RU", "SY")),
    # Yemen: the coalition and its ally in one raid
    ("Saudi and Emirati jets struck a market in Saada, killing at least 25 people.", "Saada",
     ("SA", "AE")),
])
def test_a_joint_strike_s_dead_are_counted_once(sentence, where, attackers):
    joint = [inc(x, "2015-10-01", where, fmin=25, attacker=a, mentions=[_told("d", sentence)])
             for x, a in zip("ab", attackers)]
    b = brief.summarise(joint, start=date(2015, 10, 1), end=date(2015, 10, 1), days=1)
    assert len(b.incidents) == 2
    assert b.fatalities.text() == "at least 25"
    assert [r.fatalities.text() for r in b.regions] == ["at least 25"]


def test_two_strikes_with_the_same_toll_told_apart_are_both_counted():
    apart = [inc("a", "2015-10-01", "Idlib", fmin=3, fmax=3, attacker="RU",
                 mentions=[_told("d", "Russian jets struck Ariha, killing three.")]),
             inc("b", "2015-10-01", "Idlib", fmin=3, fmax=3, attacker="SY",
                 mentions=[_told("d", "Regime helicopters bombed Saraqib, killing three.")])]
    b = brief.summarise(apart, start=date(2015, 10, 1), end=date(2015, 10, 1), days=1)
    assert b.fatalities.text() == "6"
