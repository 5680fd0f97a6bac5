"""Fusion, grading and the claims-versus-reports query.

The logic tests build strike mentions by hand from real sentences (the founding example and
two FA-KES reports of the Atareb market strike, see fixtures/fuse/README.md), so that each rule
is tested apart from extraction; ``test_end_to_end_*`` runs the real pipeline on the articles.
Every store test runs on SQLite and on PostgreSQL (tests/pg.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fixture_roles import fixture_rows, role
from pg import db_url, postgres  # noqa: F401  (fixtures)

from strikewatch.export import acled_row, geojson
from strikewatch.fuse import (
    FuseSettings,
    claims_vs_reports,
    fuse_pending,
    incident_records,
    place_relation,
    retry_set_aside,
)
from strikewatch.models import (
    Actor,
    Casualties,
    ClaimMention,
    Document,
    Place,
    Range,
    Segment,
    Span,
    StrikeMention,
    Target,
)
from strikewatch.store import IncidentFilter, Store

FIXTURES = Path(__file__).parent / "fixtures" / "fuse"
SAMPLES = Path(__file__).parent.parent / "samples"  # the bundled founding example
MEE = (SAMPLES / "mee-2015-10-02-russia-syria.txt").read_text(encoding="utf-8")
# two outlets' reports of one strike, in the file's order: Al-Ahram's, then TRT World's
AHRAM, TRT = fixture_rows(FIXTURES / "fakes-atareb-2017-11-13.jsonl")

RU = Actor("Russian Armed Forces", "RU")
SY = Actor("Syrian Government Forces", "SY")
HAMA = Place("Hama", 35.1318, 36.7578, "SY", "admin1", admin1="Hama", geonameid=170017)
HOMS = Place("Homs", 34.7268, 36.7234, "SY", "admin1", admin1="Homs", geonameid=169577)
IDLIB = Place("Idlib", 35.9306, 36.6339, "SY", "admin1", admin1="Idlib", geonameid=169389)
ALEPPO = Place("Aleppo", 36.2021, 37.1343, "SY", "admin1", admin1="Aleppo", geonameid=170063)
RAQQA = Place("Raqqa", 35.9528, 39.0079, "SY", "point", admin1="Ar-Raqqah", geonameid=163915)
TABQA = Place("Tabqa military airport", 35.7547, 38.5667, "SY", "point", admin1="Ar-Raqqah")
ATAREB = Place("Al Atarib", 36.1389, 36.83, "SY", "point", admin1="Aleppo", geonameid=173234)
SYRIA = Place("Syria", 35.0, 38.0, "SY", "country")


def sentence(text: str, words: str) -> Span:
    """The sentence of a real article holding ``words`` (its offsets in the text)."""
    at = text.index(words)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def strike(doc_id: str, text: str, words: str, place: Place | None, *, attacker=RU,
           day: date | None = None, precision="day", place_words: str | None = None,
           targets=(), killed=Range(), civilians=Range(), source=None, claimed=False,
           site=None):
    span = sentence(text, words)
    pw = place_words or (place.name if place else None)
    pstart = text.find(pw, span.start) if pw else -1
    return StrikeMention(
        doc_id=doc_id, sentence=span, place_text=pw,
        place_span=Span(pstart, pstart + len(pw), pw) if pw and pstart >= 0 else None,
        attacker=attacker, date=day, date_precision=precision if day else None, place=place,
        targets=tuple(Target(c, n) for c, n in targets),
        casualties=Casualties(killed=killed, civilians_killed=civilians), source=source,
        claimed_by_attacker=claimed, site=site)


def document(doc_id: str, text: str, outlet: str, published: date, *, copy_of=None) -> Document:
    return Document(id=doc_id, text=text, segments=(Segment("body", 0, len(text)),),
                    content_hash=hashlib.sha256(text.encode()).hexdigest(), source=outlet,
                    url=f"https://example.org/{doc_id}", published=published,
                    near_duplicate_of=copy_of)


def put(store: Store, doc: Document, strikes, claims=()) -> None:
    if doc.id not in store.known_documents():
        store.add_documents([(doc, None)])
    store.replace_mentions(doc.id, list(strikes), list(claims))


# -- the founding example, mentions by hand ------------------------------------------------------

MEE_ID = "mee-2015-10-02-russia-syria"
OCT1, OCT2 = date(2015, 10, 1), date(2015, 10, 2)
JOINT = "joint statement of France, Germany, Qatar, Turkey, the UK and the US"


def mee_strikes() -> list[StrikeMention]:
    thursday = "Russian attacks on the Syrian provinces of Hama, Homs and Idlib on Thursday"
    mod = "Russia's defence ministry in Moscow also said strikes were carried out"
    sohr = "at least 12 IS members were killed when Russian warplanes hit Raqqa"
    both = (("rebel", None), ("civilian", None))
    return [
        strike(MEE_ID, MEE, thursday, HAMA, day=OCT1, targets=both, source=JOINT),
        strike(MEE_ID, MEE, thursday, HOMS, day=OCT1, targets=both, source=JOINT),
        strike(MEE_ID, MEE, thursday, IDLIB, day=OCT1, targets=both, source=JOINT),
        strike(MEE_ID, MEE, mod, IDLIB, day=OCT2, source="Russia's defence ministry",
               claimed=True),
        strike(MEE_ID, MEE, mod, ALEPPO, day=OCT2, source="Russia's defence ministry",
               claimed=True),
        strike(MEE_ID, MEE, sohr, RAQQA, day=OCT2, targets=(("jihadist", "Islamic State"),),
               killed=Range(12, None), civilians=Range(0, 0),
               source="Syrian Observatory for Human Rights"),
        strike(MEE_ID, MEE, sohr, TABQA, day=OCT2, place_words="Tabqa",
               targets=(("jihadist", "Islamic State"),),
               source="Syrian Observatory for Human Rights"),
        # "Russia began bombing on Wednesday": no place; a country-level report with no date
        strike(MEE_ID, MEE, "Moscow insists the strikes it began in Syria", SYRIA,
               place_words="Syria", day=None),
    ]


def mee_claims() -> list[ClaimMention]:
    moscow = sentence(MEE, "Moscow insists the strikes it began in Syria")
    fallon = sentence(MEE, "only one in 20 Russian air strikes")
    return [ClaimMention(MEE_ID, moscow, "Moscow", "target", org="Government of Russia",
                         role="belligerent", about="RU"),
            ClaimMention(MEE_ID, fallon, "Michael Fallon", "statistic",
                         org="UK Ministry of Defence", role="government", about="RU",
                         numbers=(("share", 0.05),))]


def atareb_strikes() -> list[list[StrikeMention]]:
    ahram_day = trt_day = date(2017, 11, 13)
    return [
        [strike(AHRAM["id"], AHRAM["text"], "three air strikes hit the market in Atareb", ATAREB,
                attacker=None, day=ahram_day, place_words="Atareb", killed=Range(61, None),
                targets=(("infrastructure", "market"),),
                source="British-based Syrian Observatory for Human Rights"),
         strike(AHRAM["id"], AHRAM["text"], "Jihadist rebels blamed Russian warplanes", None,
                day=ahram_day, source="Jihadist rebels")],
        [strike(TRT["id"], TRT["text"], "Three strikes hit the northwestern town of Atareb",
                ATAREB, attacker=SY, day=trt_day, place_words="Atareb", killed=Range(61, None),
                civilians=Range(53, None), targets=(("civilian", None), ("infrastructure", "market")),
                source="Syrian Observatory for Human Rights (SOHR)")],
    ]


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store(db_url)
    yield s
    s.close()


def load_founding_example(store: Store) -> None:
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), mee_strikes(), mee_claims())
    (ahram, _), (trt,) = atareb_strikes()[0], atareb_strikes()[1]
    put(store, document(AHRAM["id"], AHRAM["text"], "ahram", date(2017, 11, 14)), [ahram])
    put(store, document(TRT["id"], TRT["text"], "trt", date(2017, 11, 14)), [trt])


def fused_founding_store(db: str) -> Store:
    """A store (open: the caller closes it) holding the founding example and the Atareb
    reports, fused, as the review and command-line tests start from."""
    s = Store(db)
    load_founding_example(s)
    fuse_pending(s)
    return s


def by_place(records: list[dict]) -> dict[str, dict]:
    out = {r["location"]["name"]: r for r in records}
    assert len(out) == len(records), [r["location"]["name"] for r in records]
    return out


def test_founding_example_and_same_story_from_two_outlets(store):
    load_founding_example(store)
    report = fuse_pending(store)
    assert report.mentions == 10
    assert [why for _, why in report.set_aside] == [  # "the strikes it began in Syria"
        "no date: the report gives no day, week or month"]
    inc = by_place(incident_records(store))
    assert set(inc) == {"Hama", "Homs", "Idlib", "Aleppo", "Raqqa", "Tabqa military airport",
                        "Al Atarib"}
    # Idlib: the six governments' statement (Thursday) and Russia's own ministry (reported
    # on Friday, a day's tolerance) are one strike, acknowledged by the attacker
    idlib = inc["Idlib"]
    assert len(idlib["mentions"]) == 2
    assert idlib["grade"] == "confirmed"
    assert "Ministry of Defence of Russia" in idlib["grade_reason"]
    assert idlib["sources"] == [JOINT, "Ministry of Defence of Russia"]
    assert inc["Aleppo"]["grade"] == "confirmed"
    assert [inc[p]["grade"] for p in ("Hama", "Homs")] == ["weak", "weak"]
    assert inc["Hama"]["grade_reason"].startswith("Weak: a single source (joint statement")
    raqqa = inc["Raqqa"]
    assert raqqa["fatalities"] == {"min": 12, "max": None, "vague": False, "civilians_min": 0,
                                   "civilians_max": 0}
    assert raqqa["attacker"] == {"name": "Russian Armed Forces", "country": "RU"}
    assert [t["category"] for t in raqqa["targets"]] == ["jihadist"]
    # Tabqa airport is 50 km from Raqqa: another strike, not the same one
    assert len(inc["Tabqa military airport"]["mentions"]) == 1
    # Atareb: two outlets quoting the Syrian Observatory are one source
    atareb = inc["Al Atarib"]
    assert len(atareb["mentions"]) == 2
    assert {m["doc_id"] for m in atareb["mentions"]} == {AHRAM["id"], TRT["id"]}
    assert atareb["sources"] == ["Syrian Observatory for Human Rights"]
    assert atareb["grade"] == "weak"
    assert atareb["attacker"]["country"] == "SY"
    assert atareb["fatalities"]["min"] == 61 and atareb["fatalities"]["civilians_min"] == 53


def test_two_outlets_disagreeing_on_the_attacker_are_contested(store):
    load_founding_example(store)
    fuse_pending(store)
    ahram_rebels = atareb_strikes()[0][1]
    # the rebels' accusation, placed: now a second account of who struck Atareb
    placed = StrikeMention(**{**{f: getattr(ahram_rebels, f) for f in StrikeMention.__slots__},
                              "place": ATAREB})
    ahram_sohr = atareb_strikes()[0][0]
    put(store, document(AHRAM["id"], AHRAM["text"], "ahram", date(2017, 11, 14)),
        [ahram_sohr, placed])
    fuse_pending(store)
    atareb = by_place(incident_records(store))["Al Atarib"]
    assert len(atareb["mentions"]) == 3
    assert atareb["grade"] == "contested"
    assert "RU according to" in atareb["grade_reason"]
    assert "SY according to Syrian Observatory" in atareb["grade_reason"]


def test_export_follows_formats_md(store):
    load_founding_example(store)
    fuse_pending(store)
    record = by_place(incident_records(store))["Raqqa"]
    assert list(record)[:10] == ["id", "date", "date_precision", "attacker", "location",
                                 "targets", "fatalities", "event_type", "grade", "grade_reason"]
    assert set(record["location"]) == {"name", "admin1", "admin2", "country", "lat", "lon",
                                       "precision", "geonameid"}
    assert set(record["fatalities"]) == {"min", "max", "vague", "civilians_min", "civilians_max"}
    assert record["event_type"] in ("air", "shelling", "unknown")
    assert record["date"] == "2015-10-02" and record["date_precision"] == "day"
    (m,) = record["mentions"]
    assert {"doc_id", "url", "source", "sentence", "start", "end",
            "claimed_by_attacker"} <= set(m)
    assert MEE[m["start"]:m["end"]] == m["sentence"]
    assert "Russian warplanes hit Raqqa" in m["sentence"]
    json.dumps(record)  # JSON-ready as it is


def test_claims_against_reports(store):
    load_founding_example(store)
    fuse_pending(store)
    report = claims_vs_reports(store, attacker="RU", start=date(2015, 9, 30),
                               end=date(2015, 10, 7))
    claimed = {t.category: t for t in report.claimed}
    reported = {t.category: t for t in report.reported}
    assert "jihadist" in claimed and "Moscow" in claimed["jihadist"].sources
    assert "Islamic State" in claimed["jihadist"].names
    assert reported["rebel"].count == 3 and set(reported["rebel"].places) == {"Hama", "Homs", "Idlib"}
    assert reported["civilian"].count == 3
    assert reported["jihadist"].count == 2
    assert reported["jihadist"].sources == ("Syrian Observatory for Human Rights",)
    assert set(reported["jihadist"].places) == {"Ar-Raqqah"}
    (stat,) = report.statistics
    assert stat.speaker == "Michael Fallon" and stat.numbers == (("share", 0.05),)
    assert report.share_reported("jihadist") == (2, 5)
    text = "\n".join(report.lines())
    assert "2 of 5 incidents with a reported target hit jihadist groups (40%)" in text
    # the period is a filter: Atareb (2017) is not in it
    assert report.incidents == 6


# -- rules, with hand-built mentions ----------------------------------------------------------

SOHR = "Syrian Observatory for Human Rights"


def test_syndicated_copies_count_as_one_source(store):
    text = AHRAM["text"]
    words = "three air strikes hit the market in Atareb"
    day = date(2017, 11, 13)
    put(store, document("wire-1", text, "Reuters", day), [
        strike("wire-1", text, words, ATAREB, day=day, place_words="Atareb")])
    put(store, document("wire-2", text + " ", "ahram", day, copy_of="wire-1"), [
        strike("wire-2", text, words, ATAREB, day=day, place_words="Atareb")])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert len(inc["mentions"]) == 2
    assert inc["grade"] == "weak"
    assert "1 syndicated copy" in inc["grade_reason"]
    # an independent outlet's own report makes it fair
    put(store, document("trt", TRT["text"], "trt", day), [
        strike("trt", TRT["text"], "Three strikes hit the northwestern town", ATAREB,
               day=day, place_words="Atareb")])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["grade"] == "fair" and len(inc["sources"]) == 2


def test_one_story_naming_two_attackers_reports_two_strikes(store):
    caption = "after Russian and Syrian government airstrikes in Homs province"
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), [
        strike(MEE_ID, MEE, caption, HOMS, day=date(2015, 9, 30), place_words="Homs"),
        strike(MEE_ID, MEE, caption, HOMS, attacker=SY, day=date(2015, 9, 30),
               place_words="Homs")])
    fuse_pending(store)
    records = incident_records(store)
    assert sorted(r["attacker"]["country"] for r in records) == ["RU", "SY"]
    assert all(r["grade"] == "weak" for r in records)


def test_one_story_naming_two_days_reports_two_strikes(store):
    caption = "after Russian and Syrian government airstrikes in Homs province"
    thursday = "Russian attacks on the Syrian provinces of Hama, Homs and Idlib on Thursday"
    wednesday = StrikeMention(**{**{f: getattr(strike(MEE_ID, MEE, caption, HOMS,
                                                      day=date(2015, 9, 30), place_words="Homs"), f)
                                    for f in StrikeMention.__slots__}, "date_text": "on Wednesday"})
    on_thursday = StrikeMention(**{**{f: getattr(strike(MEE_ID, MEE, thursday, HOMS, day=OCT1), f)
                                      for f in StrikeMention.__slots__}, "date_text": "on Thursday"})
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), [wednesday, on_thursday])
    fuse_pending(store)
    assert sorted(r["date"] for r in incident_records(store)) == ["2015-09-30", "2015-10-01"]
    # another outlet's report of Homs on the Wednesday, a day off, still joins one of them
    put(store, document("other", TRT["text"], "trt", OCT2), [
        strike("other", TRT["text"], "Three strikes hit", HOMS, day=date(2015, 9, 30),
               place_words="Atareb", source="activists")])
    fuse_pending(store)
    counts = sorted((r["date"], len(r["mentions"])) for r in incident_records(store))
    assert counts == [("2015-09-30", 2), ("2015-10-01", 1)]


def test_vague_mentions_attach_to_nothing(store):
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), [
        strike(MEE_ID, MEE, "Russian attacks on the Syrian provinces", HAMA, day=OCT1),
        strike(MEE_ID, MEE, "five percent of the strikes had attacked", SYRIA, day=OCT2,
               place_words="Syria"),
        strike(MEE_ID, MEE, "Moscow insists the strikes it began", HAMA, day=None,
               place_words="Syria")])
    report = fuse_pending(store)
    assert len(incident_records(store)) == 1
    assert sorted(why.split(":")[0] for _, why in report.set_aside) == [
        "country-level place", "no date"]
    (inc,) = incident_records(store)
    assert len(inc["mentions"]) == 1
    # set aside for good: the next run does not look at them again
    assert fuse_pending(store).mentions == 0


def test_a_province_report_between_two_towns_attaches_to_neither(store):
    text = TRT["text"]
    day = date(2017, 11, 13)
    urum = Place("Urum al-Kubra", 36.1575, 36.9275, "SY", "point", admin1="Aleppo")
    put(store, document("a", text, "trt", day), [
        strike("a", text, "Three strikes hit the northwestern town", ATAREB, day=day,
               place_words="Atareb")])
    put(store, document("b", AHRAM["text"], "ahram", day), [
        strike("b", AHRAM["text"], "three air strikes hit the market", urum, day=day,
               place_words="Atareb")])
    fuse_pending(store)
    assert len(incident_records(store)) == 2  # 9 km apart: two towns
    put(store, document(MEE_ID, MEE, "Middle East Eye", day), [
        strike(MEE_ID, MEE, "strikes were carried out on Aleppo", ALEPPO, day=day,
               place_words="Aleppo")])
    report = fuse_pending(store)
    # it is in neither, but not lost: an incident of its own, naming the two it may be
    assert not report.set_aside and len(report.apart) == 1
    records = incident_records(store)
    assert len(records) == 3 and all(len(r["mentions"]) == 1 for r in records)
    (province,) = [r for r in records if r["location"]["name"] == "Aleppo"]
    towns = sorted(r["id"] for r in records if r is not province)
    assert province["grade"] == "weak"
    assert f"may be the same strike as {towns[0]} or {towns[1]}" in province["grade_reason"]


def test_a_province_report_joins_the_one_strike_it_contains(store):
    day = date(2017, 11, 13)
    put(store, document("a", TRT["text"], "trt", day), [
        strike("a", TRT["text"], "Three strikes hit the northwestern town", ATAREB, day=day,
               place_words="Atareb", source=SOHR)])
    put(store, document(MEE_ID, MEE, "Middle East Eye", day), [
        strike(MEE_ID, MEE, "strikes were carried out on Aleppo", ALEPPO,
               day=date(2017, 11, 14), place_words="Aleppo", source="activists")])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["location"]["name"] == "Al Atarib"  # the finer place wins
    assert inc["date"] == "2017-11-13" and inc["grade"] == "fair"


def test_one_sentence_naming_a_town_and_its_province_is_one_pin(store):
    day = date(2017, 11, 13)
    words = "Atareb is in the west of Aleppo province"
    put(store, document("a", TRT["text"], "trt", day), [
        strike("a", TRT["text"], words, ATAREB, day=day, place_words="Atareb"),
        strike("a", TRT["text"], words, ALEPPO, day=day, place_words="Aleppo"),
        strike("a", TRT["text"], words, ATAREB, day=day, place_words="Atareb")])
    report = fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["location"]["name"] == "Al Atarib" and len(inc["mentions"]) == 1
    assert sorted(why.split(":")[0] for _, why in report.set_aside) == ["contained", "repeated"]


@pytest.mark.parametrize(("other_day", "precision", "same"), [
    (date(2015, 10, 2), "day", True),
    (date(2015, 10, 4), "day", False),
    (date(2015, 10, 4), "week", True),
    (date(2015, 10, 20), "month", True),
    (date(2015, 11, 2), "month", False),
])
def test_dates_within_their_precision(store, other_day, precision, same):
    put(store, document("a", MEE, "Middle East Eye", OCT2), [
        strike("a", MEE, "Russian attacks on the Syrian provinces", HAMA, day=OCT1)])
    put(store, document("b", MEE, "other", OCT2), [
        strike("b", MEE, "Russian attacks on the Syrian provinces", HAMA, day=other_day,
               precision=precision, source="activists")])
    fuse_pending(store)
    assert len(incident_records(store)) == (1 if same else 2)


def test_fatalities_lowest_credible_figure_and_the_spread(store):
    day = date(2017, 11, 13)
    words = "Three strikes hit the northwestern town"
    sources = [("a", SOHR, Range(61, None)), ("a2", SOHR, Range(53, None)),
               ("b", "Syria Civil Defence", Range(70, 75)), ("c", "activists", Range(46, None))]
    for doc_id, src, killed in sources:
        put(store, document(doc_id, TRT["text"], doc_id, day), [
            strike(doc_id, TRT["text"], words, ATAREB, day=day, place_words="Atareb",
                   killed=killed, source=src)])
    fuse_pending(store)
    (inc,) = incident_records(store)
    # the Observatory's toll rose from 53 to 61: its latest figure counts, once
    assert inc["fatalities"]["min"] == 46 and inc["fatalities"]["max"] == 75
    assert inc["grade"] == "fair" and len(inc["sources"]) == 3


def test_target_disagreement_is_contested(store):
    day = date(2017, 11, 13)
    put(store, document("mod", TRT["text"], "Sputnik", day), [
        strike("mod", TRT["text"], "Three strikes hit the northwestern town", ATAREB, day=day,
               place_words="Atareb", targets=(("jihadist", "terrorists"),),
               source="Russian defence ministry", claimed=True)])
    put(store, document("sohr", AHRAM["text"], "ahram", day), [
        strike("sohr", AHRAM["text"], "three air strikes hit the market", ATAREB, day=day,
               place_words="Atareb", targets=(("infrastructure", "market"),), source=SOHR)])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["grade"] == "contested"
    assert "what was hit" in inc["grade_reason"]
    assert "Ministry of Defence of Russia: jihadist" in inc["grade_reason"]


def test_fusion_is_incremental(store):
    load_founding_example(store)
    first = fuse_pending(store)
    before = {i.id: i for i in store.incidents()}
    stamps = dict(_updated_at(store))
    # tomorrow's report of the Raqqa strike, by another outlet quoting the Observatory
    text = TRT["text"]
    put(store, document("next-day", text, "trt", date(2015, 10, 3)), [
        strike("next-day", text, "Three strikes hit the northwestern town", RAQQA,
               day=OCT2, place_words="Atareb", killed=Range(15, 15), source="activists")])
    report = fuse_pending(store)
    assert report.mentions == 1 and report.attached == 1 and not report.created
    raqqa_id = next(i for i, inc in before.items() if inc.place.name == "Raqqa")
    assert report.updated == [raqqa_id]
    after = dict(_updated_at(store))
    assert [i for i in after if after[i] != stamps[i]] == [raqqa_id]
    assert store.incident(raqqa_id).fatalities == Range(12, 15)
    assert set(after) == set(before) and first.created


def _updated_at(store: Store):
    from sqlalchemy import select

    from strikewatch.store import IncidentRow

    with store.sessions() as s:
        return s.execute(select(IncidentRow.id, IncidentRow.updated_at)).all()


def test_incident_ids_are_stable_across_runs(tmp_path):
    ids = []
    for n in (1, 2):
        s = fused_founding_store(str(tmp_path / f"run{n}.db"))
        ids.append(sorted(i.id for i in s.incidents()))
        s.close()
    assert ids[0] == ids[1] and len(ids[0]) == 7


def test_place_relation():
    s = FuseSettings.default()
    assert place_relation(RAQQA, RAQQA, s) == 0
    assert place_relation(ATAREB, ALEPPO, s) == 1
    assert place_relation(ALEPPO, ATAREB, s) == 1
    assert place_relation(RAQQA, TABQA, s) is None  # 45 km apart
    assert place_relation(HAMA, HOMS, s) is None
    hamah = Place("Hamah Governorate", 35.2, 36.8, "SY", "admin1", admin1="Hamah")
    assert place_relation(HAMA, hamah, s) == 0
    northwest = Place("the northwest", 35.93, 36.63, "SY", "region")
    assert place_relation(northwest, ATAREB, s) == 1
    assert place_relation(northwest, RAQQA, s) is None
    assert place_relation(SYRIA, HAMA, s) is None


# -- end to end: the real articles through ingest, extraction, geocoding and fusion ------------


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The founding example and the Atareb pair, ingested and extracted once (SQLite)."""
    pytest.importorskip("strikewatch.extract", reason="extraction not in this tree yet")
    from strikewatch import pipeline
    from strikewatch.ingest import IngestOptions

    path = tmp_path_factory.mktemp("e2e") / "strikewatch.db"
    store = Store(str(path))
    pipeline.ingest([str(SAMPLES / "mee-2015-10-02-russia-syria.txt")], store,
                    options=IngestOptions(published=OCT2, source="Middle East Eye"))
    pipeline.ingest([str(FIXTURES / "fakes-atareb-2017-11-13.jsonl")], store)
    pipeline.extract_pending(store)
    fuse_pending(store)
    yield store
    store.close()


def test_end_to_end_founding_example(extracted):
    records = [r for r in incident_records(extracted) if r["date"] < "2016"]
    assert all(r["attacker"]["country"] in ("RU", "SY") for r in records)
    by = {(r["location"]["admin1"], r["attacker"]["country"], r["date"]): r for r in records}
    # Idlib on Thursday: the six governments' statement and Russia's defence ministry
    idlib = by[("Idlib", "RU", "2015-10-01")]
    assert idlib["grade"] == "confirmed"
    assert "Ministry of Defence of Russia" in idlib["sources"]
    assert by[("Aleppo", "RU", "2015-10-02")]["grade"] == "confirmed"
    raqqa = [r for r in records if r["location"]["admin1"] == "Ar-Raqqah"]
    assert len(raqqa) == 2  # Raqqa and the Tabqa airport, 45 km apart
    assert {r["fatalities"]["min"] for r in raqqa} == {12, None}
    assert all(r["sources"] == ["Syrian Observatory for Human Rights"] for r in raqqa)
    # the caption's Wednesday strikes (Russian and Syrian) are not Thursday's
    assert ("Homs", "SY", "2015-09-30") in by and ("Homs", "RU", "2015-10-01") in by
    # every mention is in exactly one incident or set aside with a reason
    n_mentions = sum(len(r["mentions"]) for r in incident_records(extracted))
    assert n_mentions + _set_aside(extracted) == len(extracted.strike_mentions())


def test_end_to_end_same_story_from_two_outlets(extracted):
    # one incident holds both outlets' reports of the Atareb market strike (TRT's sentence
    # also names Russia as the other possible attacker: one story naming two attackers is
    # kept as two strikes, as the founding example's caption requires)
    (atareb,) = [r for r in incident_records(extracted)
                 if r["location"]["name"].startswith("Al At") and len(r["mentions"]) > 1]
    assert {m["doc_id"] for m in atareb["mentions"]} == {AHRAM["id"], TRT["id"]}
    assert atareb["sources"].count("Syrian Observatory for Human Rights") == 1
    # the rebels blamed Russian warplanes, the Observatory could not tell Syrian government
    # aircraft from Russia's: competing claims of responsibility, which the primer grades
    # contested (Russian and Syrian aircraft "often contested")
    assert atareb["grade"] == "contested", atareb["grade_reason"]
    why = atareb["grade_reason"]
    assert "RU according to" in why and "SY according to" in why, why
    # TRT's "kill dozens of civilians" (24) is the lowest credible figure of the two reports
    assert atareb["fatalities"]["min"] == 24 and atareb["fatalities"]["civilians_min"] == 24
    # the province named around the town in the same sentence is no second pin
    assert not [r for r in incident_records(extracted)
                if r["date"] > "2016" and r["location"]["precision"] == "admin1"]
    report = claims_vs_reports(extracted, attacker="RU", start=date(2015, 9, 30),
                               end=date(2015, 10, 7))
    assert any(t.category == "jihadist" and "Ar-Raqqah" in t.places for t in report.reported)
    assert any(st.speaker == "Michael Fallon" for st in report.statistics)


def _set_aside(store: Store) -> int:
    from sqlalchemy import func, select

    from strikewatch.store import StrikeRow

    with store.sessions() as s:
        return s.scalar(select(func.count()).where(StrikeRow.fuse_note.is_not(None)))


def test_export_command_writes_formats_md_jsonl_with_mentions(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "export.db")
    s = fused_founding_store(db)
    s.close()
    r = CliRunner().invoke(app, ["export", "--format", "jsonl", "--db", db])
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(records) == 7
    contract = {"id", "date", "date_precision", "attacker", "location", "targets",
                "fatalities", "grade", "mentions"}
    for rec in records:
        assert contract <= set(rec)
        assert rec["grade"] in ("confirmed", "fair", "weak", "contested", "discounted")
        assert rec["mentions"] and all(
            {"doc_id", "url", "source", "sentence", "start", "end", "claimed_by_attacker"}
            <= set(m) for m in rec["mentions"])
    assert sum(len(rec["mentions"]) for rec in records) == 9


KALASEH = ("Air strikes killed 13 people on Thursday when warplanes hit several rebel-held "
           "districts including al-Kalaseh Bustan al-Qasr and al-Sakhour civil defense official "
           "Ibrahim Abu al-Laith told Reuters from Aleppo.")  # from an FA-KES article (October 2016)


def test_places_one_story_tells_apart_stay_apart_at_one_point(store):
    """Neighbourhoods the gazetteer lacks are placed at their city; the story still reports
    one strike on each, so they must not fuse into one incident because they share a point."""
    aleppo_city = Place("Aleppo", 36.2021, 37.1343, "SY", "point", admin1="Aleppo")
    day = date(2016, 10, 13)
    mentions = [strike("reuters-kalaseh", KALASEH, "Air strikes killed 13", aleppo_city,
                       attacker=SY, day=day, place_words=name)
                for name in ("al-Kalaseh", "Bustan al-Qasr", "al-Sakhour")]
    put(store, document("reuters-kalaseh", KALASEH, "reuters", day), mentions)
    report = fuse_pending(store)
    assert len(report.created) == 3
    assert not report.set_aside


# Four FA-KES sentences (fakes-dev, CC BY 4.0, see fixtures/fuse/README.md): one story naming two
# attackers at Aleppo, two that name none, one Russian. The days are set by hand to one day.
SANA = ('SANA said Russian and government planes targeted "terrorist" positions in the citys '
        "south as an AFP journalist in Aleppo said intense air strikes and artillery fire could "
        "be heard.")  # from an FA-KES article
MEDICS = ("Five medics were killed and a nurse critically wounded when an air strike hit a "
          "clinic in a village near Syrias second city Aleppo late Tuesday the aid group that "
          "supports it said.")  # from an FA-KES article
MARJEH = ("At least 12 civilians were killed by airstrikes in the rebel-held east Aleppo district "
          "of Marjeh on Monday bringing the number killed in 24 hours of bombardment on the "
          "battleground city to 45.")  # from an FA-KES article
KHAN_TUMAN = ("Russian jets bombed a medical center in the town of Khan Tuman in southern rural "
              "Aleppo earlier on Wednesday killing 15 members of medical staff activists in the "
              "town reported.")  # from an FA-KES article
ALEPPO_CITY = Place("Aleppo", 36.2021, 37.1343, "SY", "point", admin1="Aleppo", geonameid=170063)


def _russian_and_government_at_aleppo(store, day):
    put(store, document("sana", SANA, "afp", day), [
        strike("sana", SANA, "SANA said", ALEPPO_CITY, attacker=RU, day=day, source="SANA",
               place_words="Aleppo"),
        strike("sana", SANA, "SANA said", ALEPPO_CITY, attacker=SY, day=day, source="SANA",
               place_words="Aleppo")])
    fuse_pending(store)
    return {r["attacker"]["country"]: r["id"] for r in incident_records(store)}


def test_a_report_fitting_several_incidents_stands_apart_and_is_not_lost(store):
    """No attacker named, at Aleppo, on a day with a Russian and a government strike there:
    the report is neither, so it is an incident of its own (attacker as reported, graded no
    better than weak, naming both); a second such report joins it, a Russian one does not."""
    day = date(2016, 9, 6)
    by_attacker = _russian_and_government_at_aleppo(store, day)
    put(store, document("medics", MEDICS, "afp", day), [
        strike("medics", MEDICS, "Five medics", ALEPPO_CITY, attacker=None, day=day,
               killed=Range(5, 5), source="aid group", place_words="Aleppo")])
    report = fuse_pending(store)
    assert not report.set_aside and len(report.created) == 1
    apart = incident_records(store, ids=report.created)[0]
    assert apart["attacker"] == {"name": "unknown", "country": None} and apart["grade"] == "weak"
    assert apart["fatalities"]["min"] == 5
    # readers see the guide's "unknown": ACLED's unidentified group, and a filter that finds it
    row = acled_row(apart)
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group", 2)
    _, page = store.incident_page(IncidentFilter(attacker="Unknown"))
    assert [i["id"] for i in page] == report.created
    assert page[0]["attacker"] == apart["attacker"]
    assert (f"may be the same strike as {' or '.join(sorted(by_attacker.values()))} ("
            in apart["grade_reason"])
    # the Russian and government incidents are as they were: the report vouches for neither
    for iid in by_attacker.values():
        (rec,) = incident_records(store, ids=[iid])
        assert [m["doc_id"] for m in rec["mentions"]] == ["sana"]

    put(store, document("marjeh", MARJEH, "aljazeera", day), [
        strike("marjeh", MARJEH, "At least 12 civilians", ALEPPO_CITY, attacker=None, day=day,
               killed=Range(12, None), source="activists", place_words="Aleppo")])
    put(store, document("khan", KHAN_TUMAN, "zaman", day), [
        strike("khan", KHAN_TUMAN, "Russian jets bombed", ALEPPO_CITY, attacker=RU, day=day,
               place_words="Aleppo")])
    report = fuse_pending(store)
    assert not report.created and not report.set_aside
    (apart,) = incident_records(store, ids=[apart["id"]])
    assert sorted(m["doc_id"] for m in apart["mentions"]) == ["marjeh", "medics"]
    assert apart["grade"] == "weak" and "2 independent sources" in apart["grade_reason"]
    (ru,) = incident_records(store, ids=[by_attacker["RU"]])
    assert sorted(m["doc_id"] for m in ru["mentions"]) == ["khan", "sana"]


def test_a_report_fitting_one_incident_and_one_standing_apart_is_that_incidents(store):
    """The incident standing apart is no strike of its own: a report that cannot be the
    government strike (its story reports that one apart) is the Russian one."""
    day = date(2016, 9, 6)
    by_attacker = _russian_and_government_at_aleppo(store, day)
    put(store, document("medics", MEDICS, "afp", day), [
        strike("medics", MEDICS, "Five medics", ALEPPO_CITY, attacker=None, day=day,
               place_words="Aleppo")])
    (apart_id,) = fuse_pending(store).created
    # a story that reports the government strike at "Marjeh" and an unattributed one at
    # "Aleppo": the latter is not the government strike the same story tells apart
    put(store, document("marjeh", MARJEH, "aljazeera", day), [
        strike("marjeh", MARJEH, "At least 12 civilians", ALEPPO_CITY, attacker=SY, day=day,
               place_words="Marjeh"),
        strike("marjeh", MARJEH, "bringing the number killed", ALEPPO_CITY, attacker=None,
               day=day, place_words="Aleppo")])
    report = fuse_pending(store)
    assert not report.created and not report.apart
    (ru,) = incident_records(store, ids=[by_attacker["RU"]])
    (sy,) = incident_records(store, ids=[by_attacker["SY"]])
    assert sorted(m["doc_id"] for m in ru["mentions"]) == ["marjeh", "sana"]
    assert sorted(m["doc_id"] for m in sy["mentions"]) == ["marjeh", "sana"]
    assert len(incident_records(store, ids=[apart_id])[0]["mentions"]) == 1


def test_a_report_standing_apart_survives_reextraction_and_review(store):
    from strikewatch import review

    day = date(2016, 9, 6)
    by_attacker = _russian_and_government_at_aleppo(store, day)
    medics = strike("medics", MEDICS, "Five medics", ALEPPO_CITY, attacker=None, day=day,
                    killed=Range(5, 5), place_words="Aleppo")
    put(store, document("medics", MEDICS, "afp", day), [medics])
    (apart_id,) = fuse_pending(store).created
    before = incident_records(store, ids=[apart_id])[0]
    # the document extracted again: its mention goes back to the same incident, note and all
    store.replace_mentions("medics", [medics], [])
    report = fuse_pending(store)
    assert report.relinked == 1 and not report.created
    assert incident_records(store, ids=[apart_id])[0]["grade_reason"] == before["grade_reason"]
    # an analyst who can tell merges the government incident into it: the note keeps only
    # the Russian incident, and the grade is still no better than weak
    review.merge(store, apart_id, by_attacker["SY"], analyst="ana", reason="same clinic")
    (rec,) = incident_records(store, ids=[apart_id])
    assert rec["grade"] == "weak"
    assert f"may be the same strike as {by_attacker['RU']} (" in rec["grade_reason"]
    # and then it into the Russian one: the Russian incident carries no such note
    review.merge(store, by_attacker["RU"], apart_id, analyst="ana", reason="same clinic")
    (ru,) = incident_records(store, ids=[by_attacker["RU"]])
    assert "may be the same strike" not in ru["grade_reason"]
    assert len(ru["mentions"]) == 3


def test_retry_gives_set_aside_mentions_another_pass(store):
    """A database fused by a version that set reports fitting several incidents aside: the
    retry makes them stand apart; a mention still too vague is set aside again."""
    day = date(2016, 9, 6)
    _russian_and_government_at_aleppo(store, day)
    put(store, document("medics", MEDICS, "afp", day), [
        strike("medics", MEDICS, "Five medics", ALEPPO_CITY, attacker=None, day=day,
               place_words="Aleppo"),
        strike("medics", MEDICS, "the aid group", ALEPPO_CITY, attacker=None, day=None,
               place_words="Aleppo")])
    old = [(m.id, "ambiguous: fits 2 incidents equally (…)" if m.mention.date
            else "no date: the report gives no day, week or month")
           for m in store.unfused_mentions()]
    store.save_fusion(notes=old)
    assert fuse_pending(store).mentions == 0  # a note is final for the ordinary run
    report = retry_set_aside(store, reason="no date")
    assert report.mentions == 1 and not report.created and len(report.set_aside) == 1
    report = retry_set_aside(store)
    assert report.mentions == 2 and len(report.created) == 1 and len(report.apart) == 1
    assert [why.split(":")[0] for _, why in report.set_aside] == ["no date"]
    assert "stand apart" in str(report)


# -- a story's summary at a coarse place and the finer strikes it sums up ------------------------

SUMMARIES = FIXTURES / "fakes-summaries.jsonl"  # reports that sum up their strikes
US = Actor("United States", "US")
TADUF = Place("Tādif", 36.34814, 37.5309, "SY", "point", admin1="Aleppo", geonameid=163811)
DARET_IZZA = Place("Dārat ‘Izzah", 36.28247, 36.85216, "SY", "point", admin1="Aleppo",
                   geonameid=170857)
IDLIB_CITY = Place("Idlib", 35.93062, 36.63393, "SY", "point", admin1="Idlib", geonameid=169389)
NORTHWEST = Place("northwest", 35.93062, 36.63393, "SY", "region", admin1="Idlib")


def store_mentions(store: Store, doc_id: str) -> list[StrikeMention]:
    return [m.mention for m in store.stored_mentions() if m.mention.doc_id == doc_id]


def test_a_province_summary_goes_with_the_villages_it_sums_up(store):
    """'Thirteen civilians … were killed in aerial attacks … on the northern province of
    Aleppo', then five at Taduf and eight at Daret Izza: two strikes, not three, and 13 dead."""
    doc = role(SUMMARIES, "province_summary_then_villages")
    day, text = date(2015, 7, 15), doc["text"]
    put(store, document(doc["id"], text, "jordantimes", day), [
        strike(doc["id"], text, "Thirteen civilians among them seven children", ALEPPO,
               attacker=SY, day=day, place_words="Aleppo", killed=Range(13, 13),
               civilians=Range(13, 13), source="a monitoring group"),
        strike(doc["id"], text, "dropped a barrel bomb on the village of Taduf", TADUF,
               attacker=SY, day=day, place_words="Taduf", killed=Range(5, 5),
               source="the Syrian Observatory for Human Rights"),
        strike(doc["id"], text, "regime warplanes struck the village of Daret Izza", DARET_IZZA,
               attacker=SY, day=day, place_words="Daret Izza", killed=Range(8, 8),
               civilians=Range(8, 8))])
    report = fuse_pending(store)
    records = incident_records(store)
    assert sorted(r["location"]["name"] for r in records) == ["Dārat ‘Izzah", "Tādif"]
    assert not report.set_aside  # every sentence stays in the export, with its incident
    assert sum(len(r["mentions"]) for r in records) == 3
    # the province's 13 is the villages' 5 and 8: counted once, not again at either village
    assert sorted(r["fatalities"]["min"] for r in records) == [5, 8]
    (taduf,) = [r for r in records if r["location"]["name"] == "Tādif"]
    assert sorted("Thirteen civilians" in m["sentence"] for m in taduf["mentions"]) == [
        False, True]
    # nor are its 13 civilians Taduf's, where five were killed
    assert taduf["fatalities"]["civilians_min"] is None
    # a syndicated copy fused later joins the same two strikes, the summary no bar to it
    copy = document("copy", text, "other outlet", day, copy_of=doc["id"])
    put(store, copy, [replace(m, doc_id="copy") for m in store_mentions(store, doc["id"])])
    fuse_pending(store)
    records = incident_records(store)
    assert sorted(len(r["mentions"]) for r in records) == [2, 4]
    assert sorted(r["fatalities"]["min"] for r in records) == [5, 8]


def test_a_region_report_goes_with_its_own_storys_strike_not_another_storys(store):
    """'Airstrikes carried out by the United States … in northwestern Syria have killed 11
    civilians', then 'US aircraft hit a residential building in the city of Idlib': one strike
    at Idlib with 11 dead, not a join with another story's strikes in Aleppo province."""
    pentagon = role(SUMMARIES, "pentagon_province_report")
    put(store, document(pentagon["id"], pentagon["text"], "ahram", date(2014, 9, 23)), [
        strike(pentagon["id"], pentagon["text"], "the Pentagon confirmed eight US strikes",
               ALEPPO, attacker=US, day=date(2014, 9, 23), place_words="Aleppo province",
               source="the Pentagon", claimed=True)])
    fuse_pending(store)
    doc = role(SUMMARIES, "region_report_then_its_city")
    day, text = date(2014, 9, 24), doc["text"]
    put(store, document(doc["id"], text, "sputnik", day), [
        strike(doc["id"], text, "Airstrikes carried out by the United States", NORTHWEST,
               attacker=US, day=day, place_words="northwestern Syria", killed=Range(11, 11),
               civilians=Range(11, 11), source="Al Jazeera"),
        strike(doc["id"], text, "hit a residential building in the city of Idlib", IDLIB_CITY,
               attacker=US, day=day, place_words="Idlib", source="Al Jazeera")])
    fuse_pending(store)
    inc = {r["location"]["admin1"]: r for r in incident_records(store)}
    assert sorted(inc) == ["Aleppo", "Idlib"]
    assert [m["doc_id"] for m in inc["Aleppo"]["mentions"]] == [pentagon["id"]]
    assert len(inc["Idlib"]["mentions"]) == 2
    # the story gives the Idlib strike no toll of its own: the region's 11 is its toll
    assert inc["Idlib"]["fatalities"]["min"] == 11


def test_the_attackers_claim_is_no_summary_of_a_witness_report(store):
    """In the founding example a security source's 'Russian air attacks also targeted the Army
    of Conquest … in the northwest' and the ministry's 'strikes were carried out on Aleppo' are
    two accounts of two strikes (the gold has both), not a region report and its detail."""
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), [
        strike(MEE_ID, MEE, "targeted the Army of Conquest", NORTHWEST, day=OCT2,
               place_words="the northwest", targets=(("rebel", "Army of Conquest"),),
               source="A security source"),
        strike(MEE_ID, MEE, "strikes were carried out on Aleppo", ALEPPO, day=OCT2,
               place_words="Aleppo", source="Russia's defence ministry", claimed=True)])
    fuse_pending(store)
    assert sorted(r["location"]["name"] for r in incident_records(store)) == [
        "Aleppo", "northwest"]


def test_a_summary_dated_in_words_goes_with_its_detail_dated_by_inference(store):
    """'53 civilians … perished early Sunday morning when Russian air strikes hit … a village
    … in eastern Syria', then 'the strikes hit the village of Al-Shafah in Deir az-Zour
    province', undated and so given the article's Monday: one strike, in Deir ez-Zor."""
    doc = role(SUMMARIES, "summary_dated_in_words")
    text, sunday, monday = doc["text"], date(2017, 11, 26), date(2017, 11, 27)
    east = Place("eastern Syria", 35.93036, 39.96548, "SY", "region")
    deir = Place("Deir ez-Zor", 35.33588, 40.14084, "SY", "admin1", admin1="Deir ez-Zor",
                 geonameid=170794)
    put(store, document(doc["id"], text, "alaraby", monday), [
        replace(strike(doc["id"], text, "perished early Sunday morning", east, day=sunday,
                       place_words="eastern Syria", killed=Range(53, None),
                       civilians=Range(53, None), source="a monitor"),
                date_text="early Sunday morning"),
        strike(doc["id"], text, "the strikes hit the village of Al-Shafah", deir, day=monday,
               place_words="Al-Shafah", source="The Britain-based Syrian Observatory for "
                                               "Human Rights")])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["location"]["admin1"] == "Deir ez-Zor" and inc["fatalities"]["min"] == 53
    assert len(inc["mentions"]) == 2


# -- event type and vague tolls (issue 12) --------------------------------------------------------

UA = Actor("Russian Armed Forces", "RU")
KHERSON = Place("Kherson", 46.6354, 32.6169, "UA", "point", admin1="Kherson",
                admin2="Khersonskyi raion", geonameid=706448)
KHERSON_TEXT = ("Russian artillery shelled a market in Kherson on Monday, killing dozens of "
                "people, regional officials said. Ukrainian officials said the shelling of "
                "Kherson killed at least 30 people.")


def test_incident_event_type_and_vague_toll_from_its_mentions(store):
    day = date(2023, 11, 6)
    shelled = replace(strike("k1", KHERSON_TEXT, "Russian artillery shelled", KHERSON, day=day,
                             attacker=UA, killed=Range(24, None, vague=True)),
                      event_type="shelling")
    put(store, document("k1", KHERSON_TEXT, "Ukrinform", day), [shelled])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["event_type"] == "shelling"
    assert inc["fatalities"]["min"] == 24 and inc["fatalities"]["vague"] is True
    assert inc["location"]["admin2"] == "Khersonskyi raion"
    # a second outlet states a figure: the toll is no longer a vague word's floor
    stated = replace(strike("k2", KHERSON_TEXT, "Ukrainian officials said", KHERSON, day=day,
                            attacker=UA, killed=Range(30, None)), event_type="unknown")
    put(store, document("k2", KHERSON_TEXT, "Reuters", day), [stated])
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["event_type"] == "shelling" and inc["fatalities"]["vague"] is False
    assert incident_records(store, event_type="air") == []
    assert len(incident_records(store, event_type="shelling")) == 1
    row = acled_row(inc)
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["admin2"] == "Khersonskyi raion"
    assert row["source_scale"] == "National-International"
    assert isinstance(row["timestamp"], int) and row["timestamp"] > 1_600_000_000
    (feature,) = geojson([inc])["features"]
    assert feature["properties"]["event_type"] == "shelling"
