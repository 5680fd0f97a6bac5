"""An NGO's incident page gives one incident: the page's own date, the finest place it names
(a neighbourhood the gazetteer lacks is coded to its town), and the toll of its summary, never
the toll of its background paragraphs (another day's strike, a running total)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_extract import document

from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.store import Store

PAGES = Path(__file__).parent / "fixtures" / "pages"


def _incidents(tmp_path, page: str) -> list[dict]:
    """ingest → extract → fuse → export of one page."""
    store = Store(str(tmp_path / "pages.db"))
    summary = pipeline.ingest([str(PAGES / page)], store)
    assert len(summary.stored) == 1
    pipeline.process_pending(store, ids=summary.stored)
    return [json.loads(line) for line in export_lines(store, fmt="jsonl", what="incidents")]


@pytest.mark.parametrize(("page", "day", "town", "country", "attacker", "killed", "civilians",
                          "precision"), [
    # "killing at least seven civilians, including three children" in the Al Zahra neighbourhood
    # (a neighbourhood is a point of its town: the annotation guide's geo_precision)
    ("gaza-incident-page.html", "2023-10-19", "Gaza", "PS", "IL", (7, None), (7, None), "point"),
    # "killing nine civilians, among them four children" in the Al Hasaba district of Sanaa
    # (a district is coded to the town as a part of it: ACLED's 2)
    ("yemen-incident-page.html", "2016-03-03", "Sanaa", "YE", "SA", (9, 9), (9, 9), "admin2"),
])
def test_an_incident_page_gives_one_incident_with_its_date_place_and_summary_toll(
        tmp_path, page, day, town, country, attacker, killed, civilians, precision):
    (incident,) = _incidents(tmp_path, page)
    assert incident["date"] == day
    assert incident["attacker"]["country"] == attacker
    location = incident["location"]
    assert (location["name"], location["country"]) == (town, country)
    assert location["precision"] == precision
    fatalities = incident["fatalities"]
    assert (fatalities["min"], fatalities["max"]) == killed
    assert (fatalities["civilians_min"], fatalities["civilians_max"]) == civilians


def _strikes(extractor, text: str) -> list[tuple]:
    found = extractor.extract(document(text, "2016-02-16")).strikes
    return [(m.attacker.code if m.attacker else None, m.place_text, m.casualties.killed.min) for m in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Tuesday, an Israeli airstrike hit a house in the Shejaiya neighbourhood of Gaza City, killing "
     "five people. Witnesses said Israeli jets struck the house in Gaza City before dawn.",
     [("IL", "Shejaiya neighbourhood", 5)]),
    ("Russian air strikes hit the Sukkari district of Aleppo on Monday, killing 8 civilians. Activists "
     "said Russian jets struck a market in Aleppo at noon.",
     [("RU", "Sukkari district", 8)]),
])
def test_a_town_said_again_is_the_strike_on_its_part(extractor, text, expected):
    assert _strikes(extractor, text) == expected


def test_a_town_with_two_parts_struck_that_day_stays_its_own(extractor):
    # which part the third sentence means the text does not say: it is not merged into either
    text = ("Israeli strikes hit the Shejaiya neighbourhood of Gaza City on Tuesday, killing five. Another "
            "Israeli strike hit the Rimal neighbourhood of Gaza City on Tuesday. Israeli jets also struck "
            "Gaza City on Tuesday.")
    assert {p for _, p, _ in _strikes(extractor, text)} == {
        "Shejaiya neighbourhood", "Rimal neighbourhood", "Gaza City"}
