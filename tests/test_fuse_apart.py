"""Fusion keeps distinct strikes apart, records why, and grades on independent sources.

The sentences are written for these tests in the shape of wire and monitor reports (Gaza,
Syria, Ukraine, Yemen); none is copied from a corpus. Every store test runs on SQLite and on
PostgreSQL (tests/pg.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from pg import db_url, postgres  # noqa: F401  (fixtures)
from sqlalchemy import select
from test_fuse import RU, SY, document, put, strike

from strikewatch.fuse import FuseSettings, fuse_pending, incident_records
from strikewatch.models import Actor, Place, Range
from strikewatch.store import Store, StrikeRow

IL = Actor("Israel Defense Forces", "IL")
SA = Actor("Saudi-led Coalition", "SA")
KHAN_YOUNIS = Place("Khan Yunis", 31.3462, 34.3063, "PS", "point", admin1="Gaza Strip")
GAZA_CITY = Place("Gaza", 31.5017, 34.4668, "PS", "point", admin1="Gaza Strip")
ALEPPO_CITY = Place("Aleppo", 36.2021, 37.1343, "SY", "point", admin1="Aleppo", geonameid=170063)
KHARKIV = Place("Kharkiv", 49.9808, 36.2527, "UA", "point", admin1="Kharkivska", geonameid=706483)
SAADA = Place("Sa'dah", 16.9402, 43.7639, "YE", "point", admin1="Sa'dah", geonameid=71333)
DAY = date(2023, 11, 18)


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store(db_url)
    yield s
    s.close()


def _one(store: Store, doc_id: str, text: str, outlet: str, words: str, place: Place, **kw):
    put(store, document(doc_id, text, outlet, kw.get("day", DAY)),
        [strike(doc_id, text, words, place, **{"day": DAY, **kw})])


def _sizes(store: Store) -> list[int]:
    return sorted(len(r["mentions"]) for r in incident_records(store))


# -- sites: a family's house, a hospital -----------------------------------------------------

FAMILY_1 = ("An Israeli airstrike on the home of the Abu Daqqa family in Khan Younis killed "
            "nine people, medics said.")
FAMILY_1_AGAIN = ("Nine members of the Abu Daka family were killed when Israeli jets struck "
                  "their house in Khan Younis, the health ministry said.")
FAMILY_2 = ("Hours later an Israeli strike hit the al-Astal family home in Khan Younis, killing "
            "six, according to civil defence.")


def test_strikes_on_two_family_homes_in_one_town_are_two_incidents(store):
    _one(store, "wafa-1", FAMILY_1, "WAFA", "airstrike on the home", KHAN_YOUNIS, attacker=IL,
         place_words="Khan Younis", site="Abu Daqqa family", killed=Range(9, 9))
    _one(store, "aj-1", FAMILY_1_AGAIN, "Al Jazeera", "Nine members", KHAN_YOUNIS, attacker=IL,
         place_words="Khan Younis", site="Abu Daka family", killed=Range(9, 9))
    _one(store, "aj-2", FAMILY_2, "Al Jazeera", "Hours later", KHAN_YOUNIS, attacker=IL,
         place_words="Khan Younis", site="al-Astal family", killed=Range(6, 6))
    report = fuse_pending(store)
    assert _sizes(store) == [1, 2]  # two spellings of one family are one site
    with store.engine.connect() as conn:  # each refusal's reason is kept with its mention
        reasons = conn.scalars(select(StrikeRow.fuse_note)
                               .where(StrikeRow.fuse_note.is_not(None))).all()
    assert report.refused == len(reasons) > 0
    assert all(why.startswith("kept apart from inc-") and "another site" in why
               for why in reasons)


HOSPITAL = ("Syrian government helicopters dropped barrel bombs on the al-Quds hospital in "
            "Aleppo on Wednesday, killing 14 patients and staff, the monitor said.")
BAKERY = ("Government aircraft also hit a bakery queue in the Bab al-Nairab bakery in Aleppo, "
          "killing 11 civilians, activists said.")


def test_a_hospital_and_a_bakery_in_one_city_on_one_day_are_two_strikes(store):
    _one(store, "sohr-1", HOSPITAL, "AFP", "barrel bombs", ALEPPO_CITY, attacker=SY,
         place_words="Aleppo", site="al-Quds hospital", killed=Range(14, 14))
    _one(store, "act-1", BAKERY, "Reuters", "bakery queue", ALEPPO_CITY, attacker=SY,
         place_words="Aleppo", site="Bab al-Nairab bakery", killed=Range(11, 11))
    fuse_pending(store)
    assert _sizes(store) == [1, 1]
    # matched in date and document order, the second report records why it is not the first
    assert _note_of(store, "act-1") is None
    assert "another site (al-Quds hospital" in _note_of(store, "sohr-1")


def _note_of(store: Store, doc_id: str) -> str | None:
    from sqlalchemy import select

    from strikewatch.store import StrikeRow
    with store.sessions() as s:
        return s.scalar(select(StrikeRow.fuse_note).where(StrikeRow.doc_id == doc_id))


# -- sub-places at one point: neighbourhoods the gazetteer puts at their city ---------------

SHUJAIYA = ("Israeli warplanes struck a residential block in the Shujaiya neighbourhood of Gaza "
            "City on Saturday, killing at least 12 people.")
ZEITOUN = ("In Zeitoun, another Israeli strike flattened a house on Saturday, residents said, "
           "killing four.")
GAZA_TOWN_LEVEL = "Israeli strikes pounded Gaza City on Saturday, witnesses said."


def test_two_neighbourhoods_of_one_city_stay_apart_and_the_city_report_attaches(store):
    _one(store, "a-1", SHUJAIYA, "AP", "Israeli warplanes", GAZA_CITY, attacker=IL,
         place_words="Shujaiya neighbourhood of Gaza City", killed=Range(12, None))
    # an open figure tells no strike from another: "at least 12" would fit "four" too
    _one(store, "b-1", ZEITOUN, "Reuters", "another Israeli strike", GAZA_CITY, attacker=IL,
         place_words="Zeitoun", killed=Range(4, 4))
    _one(store, "c-1", GAZA_TOWN_LEVEL, "BBC", "Israeli strikes", GAZA_CITY, attacker=IL,
         place_words="Gaza City")
    report = fuse_pending(store)
    # the city-level report fits both strikes equally: it stands apart, naming both
    assert _sizes(store) == [1, 1, 1]
    assert len(report.apart) == 1


ALEPPO_HOOD_1 = ("Russian jets hit the Sukkari district of Aleppo on Tuesday, killing seven, "
                 "the Observatory said.")
ALEPPO_HOOD_2 = ("Air strikes on the Bustan al-Qasr neighbourhood of Aleppo killed five people "
                 "on Tuesday, rescuers said.")
ALEPPO_HOOD_1_AGAIN = "Seven people died when warplanes struck Sukari in Aleppo, activists said."


def test_neighbourhoods_of_aleppo_from_three_outlets(store):
    _one(store, "s-1", ALEPPO_HOOD_1, "AFP", "Russian jets", ALEPPO_CITY, attacker=RU,
         place_words="Sukkari district of Aleppo", killed=Range(7, 7))
    _one(store, "s-2", ALEPPO_HOOD_2, "Reuters", "Air strikes", ALEPPO_CITY, attacker=RU,
         place_words="Bustan al-Qasr neighbourhood of Aleppo", killed=Range(5, 5))
    _one(store, "s-3", ALEPPO_HOOD_1_AGAIN, "Anadolu", "Seven people", ALEPPO_CITY,
         attacker=RU, place_words="Sukari in Aleppo", killed=Range(7, 7))
    fuse_pending(store)
    records = incident_records(store)
    assert sorted(len(r["mentions"]) for r in records) == [1, 2]
    (pair,) = [r for r in records if len(r["mentions"]) == 2]
    assert {m["doc_id"] for m in pair["mentions"]} == {"s-1", "s-3"}


# -- tolls no rise explains ----------------------------------------------------------------

KHARKIV_2 = ("A Russian missile struck Kharkiv on Thursday, killing two people, the regional "
             "governor said.")
KHARKIV_40 = ("Russian strikes on Kharkiv killed 40 people on Thursday, officials said, after "
              "a missile hit a crowded shop.")
KHARKIV_5 = "The toll from the Russian missile strike on Kharkiv rose to five, the governor said."


def test_incompatible_tolls_are_two_strikes_and_a_risen_toll_is_one(store):
    day = date(2023, 10, 5)
    for doc, text, words, killed in (("k-1", KHARKIV_2, "A Russian missile", Range(2, 2)),
                                     ("k-2", KHARKIV_40, "Russian strikes", Range(40, 40)),
                                     ("k-3", KHARKIV_5, "The toll", Range(5, 5))):
        _one(store, doc, text, "Kyiv Independent", words, KHARKIV, attacker=RU, day=day,
             place_words="Kharkiv", killed=killed)
    fuse_pending(store)
    records = incident_records(store)
    assert sorted((len(r["mentions"]), r["fatalities"]["min"]) for r in records) == [(1, 40),
                                                                                    (2, 5)]
    assert "a toll no later count explains" in _note_of(store, "k-2")


SAADA_3 = "Saudi-led coalition air strikes hit a market in Saada on Monday, killing three."
SAADA_60 = ("Coalition warplanes bombed a wedding in Saada on Monday, killing 60 guests, "
            "Houthi-run Saba said.")


def test_incompatible_tolls_in_yemen(store):
    day = date(2018, 4, 2)
    _one(store, "y-1", SAADA_3, "Reuters", "Saudi-led", SAADA, attacker=SA, day=day,
         place_words="Saada", killed=Range(3, 3))
    _one(store, "y-2", SAADA_60, "AP", "Coalition warplanes", SAADA, attacker=SA, day=day,
         place_words="Saada", killed=Range(60, 60))
    fuse_pending(store)
    assert _sizes(store) == [1, 1]


# -- points more than about 2 km apart ------------------------------------------------------

def test_points_three_km_apart_are_two_places():
    from strikewatch.fuse import place_relation

    s = FuseSettings.default()
    north = Place("Beit Lahia", 31.5464, 34.4951, "PS", "point")
    jabalia = Place("Jabalia", 31.5272, 34.4834, "PS", "point")  # ~2.4 km
    same = Place("Beit Lahia centre", 31.5420, 34.4960, "PS", "point")  # ~0.5 km
    assert place_relation(north, jabalia, s) is None
    assert place_relation(north, same, s) == 0
    idlib_a = Place("Saraqib", 35.8647, 36.8006, "SY", "point")
    idlib_b = Place("Afs", 35.8960, 36.7800, "SY", "point")  # ~4 km
    assert place_relation(idlib_a, idlib_b, s) is None


# -- grades: independence from the attacker, one outlet once ---------------------------------

RAQQA = Place("Raqqa", 35.9528, 39.0079, "SY", "point", admin1="Ar-Raqqah", geonameid=163915)
RAQQA_SANA = "Russian aircraft destroyed terrorist positions in Raqqa on Friday, SANA said."
RAQQA_TASS = "Russian warplanes struck IS targets near Raqqa on Friday, TASS reported."
RAQQA_SOHR = ("Russian air strikes on Raqqa killed 11 people on Friday, the Syrian Observatory "
              "said.")


def test_state_media_of_the_attacker_and_its_allies_do_not_make_a_strike_fair(store):
    day = date(2015, 10, 9)
    for doc, text, words, src in (("r-1", RAQQA_SANA, "Russian aircraft", "SANA"),
                                  ("r-2", RAQQA_TASS, "Russian warplanes", "TASS"),
                                  ("r-3", RAQQA_SOHR, "Russian air strikes", "Syrian Observatory")):
        _one(store, doc, text, "wire", words, RAQQA, attacker=RU, day=day, place_words="Raqqa",
             source=src)
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["grade"] == "weak"
    assert inc["grade_reason"].startswith(
        "Weak: a single independent source (Syrian Observatory for Human Rights); also "
        "reported by")
    assert "Syrian Arab News Agency" in inc["grade_reason"] and "TASS" in inc["grade_reason"]


SANAA = Place("Sanaa", 15.3547, 44.2066, "YE", "point", admin1="Amanat Al Asimah",
              geonameid=71137)
SANAA_MASIRAH = "Coalition jets bombed a school in Sanaa on Sunday, Al-Masirah TV reported."
SANAA_MSF = "An air strike hit a school in Sanaa on Sunday, Medecins Sans Frontieres said."
SANAA_HRW = "Human Rights Watch said a coalition strike hit a school in Sanaa on Sunday."


def test_two_independent_sources_make_a_strike_fair_in_yemen(store):
    day = date(2016, 8, 14)
    for doc, text, words, src in (("n-1", SANAA_MSF, "An air strike", "Medecins Sans Frontieres"),
                                  ("n-2", SANAA_HRW, "Human Rights Watch", "Human Rights Watch")):
        _one(store, doc, text, "wire", words, SANAA, attacker=SA, day=day, place_words="Sanaa",
             source=src)
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["grade"] == "fair"


def test_one_outlet_counts_once_whatever_its_stories(store):
    day = date(2023, 10, 5)
    text_a = "A Russian drone hit a grain warehouse in Kharkiv on Thursday."
    text_b = "Russian drones struck Kharkiv on Thursday, damaging a grain warehouse."
    _one(store, "ki-1", text_a, "Kyiv Independent", "A Russian drone", KHARKIV, attacker=RU,
         day=day, place_words="Kharkiv")
    _one(store, "ki-2", text_b, "Kyiv Independent", "Russian drones", KHARKIV, attacker=RU,
         day=day, place_words="Kharkiv")
    fuse_pending(store)
    (inc,) = incident_records(store)
    assert inc["grade"] == "weak" and inc["sources"] == ["Kyiv Independent"]


# -- re-extraction of unchanged data gives the same incidents --------------------------------

LYMAN = Place("Lyman", 48.9853, 37.8063, "UA", "point", admin1="Donetsk")
DONETSK = Place("Donetsk", 48.0, 37.8, "UA", "admin1", admin1="Donetsk")
LYMAN_TEXT = "Social media posts show a Russian rocket strike near Lyman, Donetsk Oblast."
ATAREB_TOWN = Place("Al Atarib", 36.1389, 36.83, "SY", "point", admin1="Aleppo")
ALEPPO_PROV = Place("Aleppo", 36.2021, 37.1343, "SY", "admin1", admin1="Aleppo")
ATAREB_TEXT = "Russian jets struck a market near Atareb, Aleppo province, on Monday."


@pytest.mark.parametrize("text, town, town_words, province, province_words", [
    (LYMAN_TEXT, LYMAN, "Lyman", DONETSK, "Donetsk"),
    (ATAREB_TEXT, ATAREB_TOWN, "Atareb", ALEPPO_PROV, "Aleppo")])
def test_extracting_unchanged_data_again_gives_the_same_incidents(
        store, text, town, town_words, province, province_words):
    """A town and its province in one sentence are one pin: the province's mention is set
    aside on the first run, and stays set aside when a re-extraction re-links the town."""
    day = date(2022, 5, 20)

    def extract_and_fuse():
        put(store, document("d-1", text, "CIR", day), [
            strike("d-1", text, "Russian", town, attacker=RU, day=day, place_words=town_words),
            strike("d-1", text, "Russian", province, attacker=RU, day=day,
                   place_words=province_words)])
        fuse_pending(store)
        return incident_records(store)

    first = extract_and_fuse()
    assert [len(r["mentions"]) for r in first] == [1]
    assert extract_and_fuse() == first
    assert extract_and_fuse() == first


def test_two_named_gazetteer_places_a_km_apart_are_two_places():
    from strikewatch.fuse import place_relation

    s = FuseSettings.default()
    rimal = Place("Rimal", 31.5230, 34.4470, "PS", "point", geonameid=9001)  # ids: any two
    tel_al_hawa = Place("Tel al-Hawa", 31.5140, 34.4460, "PS", "point", geonameid=9002)  # ~1 km
    assert place_relation(rimal, tel_al_hawa, s) is None
    douma = Place("Douma", 33.5711, 36.4050, "SY", "point", geonameid=9003)
    duma_seat = Place("Duma", 33.5740, 36.4020, "SY", "point", geonameid=9004)  # one town
    harasta = Place("Harasta", 33.5580, 36.3650, "SY", "point", geonameid=9005)  # ~4 km
    assert place_relation(douma, duma_seat, s) == 0
    assert place_relation(douma, harasta, s) is None


@pytest.mark.parametrize("a, b, relation", [
    ("the Abu Daqqa family's home", "house of the Abou Daka family", 0),  # Gaza
    ("a school", "the UNRWA school in Rimal", 1),
    ("the UNRWA school in Rimal", "the UNRWA clinic in Rimal", None),
    ("al-Quds hospital", "Al Quds Hospital", 0),  # Aleppo
    ("a house", "al-Quds hospital", None),
    ("the Saleh family home", "Salah family house", 0),  # Yemen
])
def test_site_names_are_compared_word_by_word(a, b, relation):
    from strikewatch.fuse.relations import _site, _site_relation

    s = FuseSettings.default()
    site = lambda text: _site(strike("x", "A strike.", "A strike", None, site=text))  # noqa: E731
    assert _site_relation(site(a), site(b), s) == relation


# -- a village the gazetteer lacks, coded to its province ------------------------------------

KHARKIV_OBLAST = Place("Kharkiv", 49.9808, 36.2527, "UA", "admin1", admin1="Kharkivska",
                       geonameid=706483, unresolved_name="Nova Dmytrivka")
DEIR_EZ_ZOR = Place("Deir ez-Zor", 35.3359, 40.1408, "SY", "point", admin1="Deir ez-Zor",
                    geonameid=170794)
DEIR_EZ_ZOR_PROVINCE = Place("Deir ez-Zor", 35.3359, 40.1408, "SY", "admin1",
                             admin1="Deir ez-Zor", unresolved_name="Al-Hussainiyah")


@pytest.mark.parametrize("town, town_text, village, village_text, attacker", [
    (KHARKIV, "Russian missiles hit Kharkiv overnight, the mayor said.",
     KHARKIV_OBLAST, "A Russian drone struck Nova Dmytrivka, Kharkiv, wounding a woman.", RU),
    (DEIR_EZ_ZOR, "Russian jets bombed Deir ez-Zor city on Saturday.",
     DEIR_EZ_ZOR_PROVINCE,
     "Russian jets struck Al-Hussainiyah village in Deir ez-Zor governorate.", RU),
])
@pytest.mark.parametrize("village_first", [False, True])
def test_a_village_coded_to_its_province_is_not_the_towns_strike(
        store, town, town_text, village, village_text, attacker, village_first):
    town_words = town_text.split()[2]
    reports = [("town-1", town_text, "Outlet A", town_words, town, town.name),
               ("village-1", village_text, "Outlet B", village_text.split()[1], village,
                village.unresolved_name)]
    for doc_id, text, outlet, words, place, place_words in (reports[::-1] if village_first else reports):
        _one(store, doc_id, text, outlet, words, place, attacker=attacker, place_words=place_words)
    fuse_pending(store)
    assert _sizes(store) == [1, 1]


def test_a_province_report_naming_no_place_still_joins_the_towns_strike(store):
    province = Place("Kharkiv", 49.9808, 36.2527, "UA", "admin1", admin1="Kharkivska",
                     geonameid=706483)
    _one(store, "town-1", "Russian missiles hit Kharkiv overnight, the mayor said.", "Outlet A",
         "missiles", KHARKIV)
    _one(store, "prov-1", "Russian missiles hit the Kharkiv region overnight.", "Outlet B",
         "missiles", province, place_words="Kharkiv region")
    fuse_pending(store)
    assert _sizes(store) == [2]
