"""One read path: the briefing, the exports, the API's lists and the web pages select incidents
through ``IncidentFilter`` and name their fields through ``store.incident_summary``, so that a
filter (``attacker=unknown`` among them) and a field mean one thing wherever they are read."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from pg import db_url, postgres  # noqa: F401 - fixtures

from strikewatch.api import API, ApiSettings, create_app
from strikewatch.brief import BriefOptions, build_brief
from strikewatch.errors import ExportError
from strikewatch.export import export_lines
from strikewatch.fuse import fuse_pending, incident_records
from strikewatch.models import Actor, Casualties, Document, Place, Range, Segment, Span, StrikeMention
from strikewatch.store import IncidentFilter, Store

DAY = date(2016, 9, 6)
# Syria: an aid group's report that names no attacker (fakes-dev shape)
MEDICS = ("Five medics were killed and a nurse critically wounded when an air strike hit a "
          "clinic in a village near Syria's second city Aleppo late Tuesday, the aid group that "
          "supports it said.")
# Syria: activists' report of a Russian strike
KHAN_TUMAN = ("Russian jets bombed a medical center in the town of Khan Tuman in southern rural "
              "Aleppo earlier on Wednesday, killing 15 members of medical staff, activists in the "
              "town reported.")
# Sudan: a non-state force named as the attacker
EL_FASHER = ("A drone strike by the Rapid Support Forces hit the main market in El Fasher on "
             "Saturday, killing at least 20 people, local activists said.")

ALEPPO = Place("Aleppo", 36.2021, 37.1343, "SY", "point", admin1="Aleppo", geonameid=170063)
KHAN_TUMAN_PLACE = Place("Khan Tuman", 36.1, 37.05, "SY", "point", admin1="Aleppo",
                         admin2="Jabal Saman")
FASHER = Place("El Fasher", 13.6279, 25.3494, "SD", "point", admin1="North Darfur")
RSF = Actor("Rapid Support Forces", None)
RU = Actor("Russian Armed Forces", "RU")


def _report(store: Store, doc_id: str, text: str, place: Place, attacker: Actor | None,
            day: date, killed: int) -> None:
    doc = Document(id=doc_id, text=text, segments=(Segment("body", 0, len(text)),),
                   content_hash=hashlib.sha256(text.encode()).hexdigest(), source="wire",
                   url=f"https://example.org/{doc_id}", published=day)
    store.add_documents([(doc, None)])
    at = text.index(place.name)
    store.replace_mentions(doc_id, [StrikeMention(
        doc_id=doc_id, sentence=Span(0, len(text), text), place_text=place.name,
        place_span=Span(at, at + len(place.name), place.name), attacker=attacker, date=day,
        date_precision="day", place=place,
        casualties=Casualties(killed=Range(killed, killed)), source="activists")], [])


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store(db_url)
    _report(s, "medics", MEDICS, ALEPPO, None, DAY, 5)
    _report(s, "khan-tuman", KHAN_TUMAN, KHAN_TUMAN_PLACE, RU, date(2016, 8, 3), 15)
    _report(s, "el-fasher", EL_FASHER, FASHER, RSF, date(2016, 9, 3), 20)
    fuse_pending(s)
    yield s
    s.close()


def _ids_by_attacker(store: Store) -> dict[str, str]:
    return {r["mentions"][0]["doc_id"]: r["id"] for r in incident_records(store)}


@pytest.mark.parametrize(("attacker", "doc_id"), [
    ("unknown", "medics"), ("Unknown", "medics"), ("ru", "khan-tuman"), ("RU", "khan-tuman"),
    ("rapid support forces", "el-fasher")])
def test_an_attacker_filter_selects_the_same_incidents_everywhere(store, attacker, doc_id):
    wanted = [_ids_by_attacker(store)[doc_id]]
    api = TestClient(create_app(ApiSettings(), store=store))
    listed = api.get(f"{API}/incidents", params={"attacker": attacker}).json()["items"]
    exported = api.get(f"{API}/export", params={"attacker": attacker}).text.splitlines()
    lines = "".join(export_lines(store, fmt="jsonl", what="incidents",
                                 where=IncidentFilter(attacker=attacker))).splitlines()
    briefed = build_brief(store, BriefOptions(attacker=attacker, days=60)).incidents
    assert [i["id"] for i in listed] == wanted
    assert [json.loads(x)["id"] for x in exported] == wanted
    assert [json.loads(x)["id"] for x in lines] == wanted
    assert [i["id"] for i in briefed] == wanted


def test_a_list_summary_is_the_export_record_without_its_mentions(store):
    """The list page's summaries and the export's records come from one function: the same
    fields with the same values (admin2, origin and ground included), mentions counted, not
    listed."""
    from strikewatch.ground import with_ground

    api = TestClient(create_app(ApiSettings(), store=store))
    listed = {i["id"]: i for i in api.get(f"{API}/incidents").json()["items"]}
    records = list(with_ground(store, incident_records(store)))
    assert len(records) == len(listed) == 3
    for record in records:
        summary = listed[record["id"]]
        assert summary.pop("mention_count") == len(record.pop("mentions"))
        record.pop("sources")
        assert summary == record
    tuman = next(r for r in records if r["location"]["name"] == "Khan Tuman")
    assert tuman["location"]["admin2"] == "Jabal Saman" and tuman["origin"] == "text"


def test_filters_of_an_export_narrow_incidents_only(store):
    with pytest.raises(ExportError, match="narrow incidents only"):
        list(export_lines(store, fmt="jsonl", what="documents",
                          where=IncidentFilter(attacker="unknown")))
    api = TestClient(create_app(ApiSettings(), store=store), raise_server_exceptions=False)
    r = api.get(f"{API}/export", params={"what": "claims", "attacker": "RU"})
    assert r.status_code == 400 and "narrow incidents only" in r.json()["error"]
