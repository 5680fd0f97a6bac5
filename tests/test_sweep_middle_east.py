"""A war sweep of the Middle East (issue 11): Gaza, Lebanon, Israel, Yemen and the Red Sea,
Iraq, Syria after 2015 and Iran, read through the whole chain a user runs (extraction,
geocoding, the settling of attackers and speakers), coded as a careful analyst would.

Every sentence is written for these tests in the shape such reports take (wire leads,
headlines, one-line feed items, ministry statements); none is copied from a corpus. Each rule
a case pins is also pinned on a sentence from another war. A case still wrong is marked
``xfail(strict=True)`` with the reason, so the record stays honest.
"""

from __future__ import annotations

import pytest
from test_extract_wars import item

from strikewatch.actors import load_registry, settle_attackers, settle_claims
from strikewatch.geo import geocode_mentions

REG = load_registry()


def read(extractor, text: str, *, title: str | None = None, published: str = "2024-03-05"):
    """The strikes and claims of one item, geocoded and settled as ``strikewatch extract``
    stores them."""
    doc = item(text, title=title, published=published)
    found = extractor.extract(doc)
    strikes = geocode_mentions(found.strikes, extractor.gazetteer, document_text=doc.text) \
        if found.strikes else []
    strikes = settle_attackers(strikes)
    return strikes, settle_claims(found.claims, strikes)


def coded(extractor, text: str, **kw) -> list[tuple]:
    """(attacker name, attacker country, place admin1, place country, precision) per strike."""
    strikes, _ = read(extractor, text, **kw)
    return [(m.attacker.name if m.attacker else None, m.attacker.country if m.attacker else None,
             m.place.admin1 if m.place else None, m.place.country if m.place else None,
             m.place.precision if m.place else None) for m in strikes]


def speakers(extractor, text: str, **kw) -> dict[str, str | None]:
    _, claims = read(extractor, text, **kw)
    return {c.speaker: c.org for c in claims}


# ---------------------------------------------------------------- a bare "civil defence"


@pytest.mark.parametrize(("text", "org"), [
    # Iraq, Yemen, Syria, Lebanon, Ukraine: the service of the country the strikes fall in
    ("An air strike on a house in Mosul killed five people, the civil defence said.",
     "Iraqi Civil Defence Directorate"),
    ("Civil defence teams said an air strike on a market in Saada killed 11 people.",
     "Yemeni Civil Defence"),
    ("Barrel bombs hit Douma, killing seven people, the civil defence said.",
     "Syria Civil Defence"),
    ("An Israeli strike on Nabatieh killed three people, the civil defence said.",
     "Lebanese Civil Defense"),
    ("A Russian missile hit a school in Kharkiv, killing two people, the civil defence said.",
     "State Emergency Service of Ukraine"),
])
def test_a_bare_civil_defence_is_the_service_of_the_story_country(extractor, text, org):
    assert org in speakers(extractor, text).values()


def test_a_civil_defence_named_with_its_country_is_that_country_s(extractor):
    text = ("An Israeli air strike on a house in Deir al-Balah killed at least 12 people, "
            "including five children, Gaza's civil defence agency said on Tuesday.")
    assert speakers(extractor, text) == {"Gaza's civil defence agency": "Palestinian Civil Defence (Gaza)"}


@pytest.mark.parametrize(("text", "org"), [
    ("Barrel bombs hit Douma, killing seven people, the civil defence said. The White Helmets "
     "said 21 others died in strikes on Harasta.", "Syria Civil Defence"),
    ("An Israeli strike on Nabatieh killed three people, the civil defence said. Lebanon's civil "
     "defence said rescuers were still searching the rubble.", "Lebanese Civil Defense"),
])
def test_a_civil_defence_named_twice_is_one_speaker(extractor, text, org):
    _, claims = read(extractor, text)
    assert [c.org for c in claims] == [org]


def test_a_civil_defence_of_no_placed_strike_stays_unnamed(extractor):
    """No country to decide by: an unnamed civil defence service, never Syria's."""
    text = "Civil defence crews said they had recovered 11 bodies from the rubble overnight."
    assert set(speakers(extractor, text).values()) <= {None}


def test_fusion_hears_a_bare_civil_defence_as_the_service_of_the_strike_country():
    assert REG.source_entry_in("the civil defence", "IQ").code == "Iraqi Civil Defence"
    assert REG.source_entry_in("civil defence", "SY").code == "White Helmets"
    assert REG.source_entry_in("civil defence", None) is None
    assert REG.source_entry_in("the Syrian Observatory", "IQ").code == "SOHR"


# ---------------------------------------------------------------- compass parts of a country


@pytest.mark.parametrize(("name", "country", "want"), [
    # a town of Nabatieh governorate written with "south Lebanon" keeps its own governorate
    ("Yaroun, south Lebanon", "LB", ("Nabatiye", "point")),
    ("Khiam, southern Lebanon", "LB", ("Nabatiye", "point")),
    ("Tyre, south Lebanon", "LB", ("Liban-Sud", "point")),
    # the same reading of a compass part of Ukraine and of Syria
    ("Kupiansk, eastern Ukraine", "UA", ("Kharkiv", "point")),
    ("Khan Sheikhoun, northern Syria", "SY", ("Idlib", "point")),
])
def test_a_compass_part_of_a_country_is_no_province_of_its_towns(gaz, name, country, want):
    p = gaz.resolve(name, country=country)
    assert (p.admin1, p.precision) == want


@pytest.mark.parametrize(("name", "country"), [("south Lebanon", "LB"), ("southern Lebanon", "LB"),
                                                ("northern Syria", "SY")])
def test_a_compass_part_of_a_country_is_a_region(gaz, name, country):
    p = gaz.resolve(name, country=country)
    assert (p.country, p.precision, p.admin1) == (country, "region", None)


def test_a_village_the_gazetteer_lacks_in_south_lebanon_keeps_the_region(gaz):
    p = gaz.resolve("Wadi Saluki village, south Lebanon", country="LB")
    assert (p.country, p.precision, p.admin1, p.unresolved_name) == \
        ("LB", "region", None, "Wadi Saluki village")


@pytest.mark.parametrize(("name", "want"), [("South Sudan", ("SS", "country")),
                                            ("North Darfur", ("SD", "admin1")),
                                            ("West Bank", ("PS", "admin1"))])
def test_a_unit_named_with_a_compass_word_stays_that_unit(gaz, name, want):
    p = gaz.resolve(name)
    assert (p.country, p.precision) == want


def test_a_strike_in_a_south_lebanese_village_is_in_its_governorate(extractor):
    text = ("Israeli strikes on the village of Yaroun in south Lebanon wounded three people, "
            "the Lebanese health ministry said.")
    assert coded(extractor, text) == [("Israel Defense Forces", "IL", "Nabatiye", "LB", "point")]


# ---------------------------------------------------------------- the United States' strikes


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A US drone strike in Baghdad killed a commander of Kataib Hezbollah, Iraqi security "
     "sources said.", "United States Armed Forces", "IQ"),
    ("A US drone strike killed three suspected al-Shabaab fighters near Kismayo, Somali "
     "officials said.", "United States Armed Forces", "SO"),
    ("US-led coalition air strikes on Raqqa killed 12 civilians, the Syrian Observatory said.",
     "US-led Coalition", "SY"),
    ("Coalition air strikes hit an Islamic State position near Mosul.", "US-led Coalition", "IQ"),
    ("Coalition warplanes hit a wedding party in Saada province, killing 20 people.",
     "Saudi-led Coalition", "YE"),
])
def test_a_us_strike_is_the_us_s_and_a_coalition_strike_the_coalition_s(extractor, text, name,
                                                                         country):
    [(attacker, code, _, where, _)] = coded(extractor, text)
    assert (attacker, where) == (name, country)
    assert code == ("SA" if name.startswith("Saudi") else "US")


# ---------------------------------------------------------------- drones launched at a place


@pytest.mark.parametrize(("text", "attacker", "country"), [
    ("Hezbollah launched explosive drones at an army base near Metula, the group said in a "
     "statement.", "Hezbollah", "IL"),
    ("The Houthis launched drones at Eilat.", "Houthis", "IL"),
    ("Russia launched Shahed drones at Odesa.", "Russian Armed Forces", "UA"),
    ("Ukrainian forces launched drones at Belgorod overnight.", "Armed Forces of Ukraine", "RU"),
])
def test_a_drone_launched_at_a_place_is_a_strike(extractor, text, attacker, country):
    [(name, _, _, where, _)] = coded(extractor, text)
    assert (name, where) == (attacker, country)


def test_a_drone_launched_to_watch_is_no_strike(extractor):
    assert coded(extractor, "The Israeli army launched a drone to survey the area.") == []


# ---------------------------------------------------------------- what was struck is no attacker


@pytest.mark.parametrize(("text", "attacker", "admin1"), [
    ("Israeli jets struck Hezbollah rocket launchers near Khiam.", "Israel Defense Forces", "Nabatiye"),
    ("Russian jets struck Ukrainian rocket launchers near Kupiansk.", "Russian Armed Forces", "Kharkiv"),
])
def test_the_owner_of_the_launchers_struck_is_the_target(extractor, text, attacker, admin1):
    assert [(a, where) for a, _, where, _, _ in coded(extractor, text)] == [(attacker, admin1)]


# ---------------------------------------------------------------- a hand-kept town keeps its country


@pytest.mark.parametrize(("text", "country"), [
    ("The Israeli army said it struck Hezbollah positions in Khiam.", "LB"),
    ("The Israeli army said it struck Hezbollah positions in Yaroun.", "LB"),
    ("The Russian defence ministry said its jets struck militants in Saqba.", "SY"),
])
def test_a_supplement_town_outvotes_the_attacker_s_nationality(extractor, text, country):
    [(_, _, _, where, precision)] = coded(extractor, text)
    assert (where, precision) == (country, "point")


# ---------------------------------------------------------------- a group speaking of its own strike


@pytest.mark.parametrize(("text", "attacker"), [
    # (a missile the Israeli military says it intercepted is no strike: test_sweep_sources)
    ("Yemen's Houthis said they fired a ballistic missile at Eilat, which the Israeli military "
     "said fell in an open area.", "Houthis"),
    ("The Rapid Support Forces said they shelled army positions in El Obeid.", "RSF"),
    ("Al-Shabaab said they fired mortars at the presidential palace in Mogadishu.", "Al Shabaab"),
])
def test_a_group_saying_they_fired_is_the_attacker(extractor, text, attacker):
    [(name, _, _, _, _)] = coded(extractor, text)
    assert name == attacker


# ---------------------------------------------------------------- names joined by the Arabic article


@pytest.mark.parametrize(("text", "place", "admin1"), [
    ("Russian warplanes struck a market in Maarat al-Numan in Idlib province, killing 15 "
     "civilians, the Syrian Observatory for Human Rights said.", "Maarat al-Numan", "Idlib"),
    ("Coalition air strikes hit a house in Bait al-Faqih, killing six people.", "Bait al-Faqih",
     "Hudaydah"),
    ("An Israeli drone struck a motorcycle in Aita al-Shaab, south Lebanon, killing one person.",
     "Aita al-Shaab, south Lebanon", None),
])
def test_a_name_joined_by_its_article_is_one_place(extractor, text, place, admin1):
    strikes, _ = read(extractor, text)
    assert [(m.place_text, m.place.admin1) for m in strikes] == [(place, admin1)]


def test_a_person_named_with_the_article_is_no_place(extractor):
    strikes, _ = read(extractor, "Israeli jets struck the house of Saleh al-Arouri in Beirut.")
    assert [m.place_text for m in strikes] == ["Beirut"]


# ---------------------------------------------------------------- speakers of the region


@pytest.mark.parametrize(("text", "org"), [
    ("The town of Bint Jbeil came under Israeli artillery fire on Monday, Lebanon's National "
     "News Agency said.", "National News Agency (Lebanon)"),
    ("Houthi rebels launched drones and missiles at a commercial ship off the port of Hodeidah, "
     "the UKMTO said.", "United Kingdom Maritime Trade Operations"),
    ("Turkish drones struck a vehicle near Qamishli, killing two fighters, the Syrian Democratic "
     "Forces said.", "Syrian Democratic Forces"),
    ("The Islamic Resistance in Iraq said it attacked a US base near Erbil with drones.",
     "Islamic Resistance in Iraq"),
])
def test_the_region_s_reporting_bodies_are_named(extractor, text, org):
    assert org in speakers(extractor, text).values()


def test_a_province_spelt_as_the_news_spells_it_is_no_namesake_abroad(extractor):
    text = ("A US drone strike killed three suspected al-Qaeda militants in Shabwa province, "
            "Yemeni officials said.")
    assert coded(extractor, text) == [("United States Armed Forces", "US", "Shabwah", "YE", "admin1")]


# ---------------------------------------------------------------- who claimed the strike


@pytest.mark.parametrize(("text", "attacker"), [
    ("The Houthis claimed responsibility for a drone attack on Tel Aviv that killed one person.",
     "Houthis"),
    ("Hezbollah claimed responsibility for a drone strike on an army base near Safed.", "Hezbollah"),
    ("Al-Shabaab claimed responsibility for a mortar attack on Mogadishu airport.", "Al Shabaab"),
    ("The Islamic State claimed responsibility for a rocket attack on Kirkuk.", "Islamic State"),
])
def test_a_force_claiming_responsibility_in_the_strike_s_sentence_is_its_attacker(extractor, text,
                                                                                   attacker):
    [(name, _, _, _, _)] = coded(extractor, text)
    assert name == attacker


@pytest.mark.parametrize(("text", "org"), [
    ("Israeli strikes killed 22 people in Gaza on Sunday, according to the Hamas-run health "
     "ministry.", "Gaza Health Ministry"),
    ("Israeli jets struck the port of Hodeidah in Yemen on Saturday, killing six people and "
     "wounding 80, the Houthi-run health ministry said.", "Health Ministry (Sanaa)"),
])
def test_a_health_ministry_named_by_who_runs_it(extractor, text, org):
    assert org in speakers(extractor, text).values()


def test_a_strike_answered_keeps_its_own_place(extractor):
    # Kiryat Shmona lies in Israel, where Hezbollah strikes (the registry's theatres), though
    # southern Lebanon makes the story Lebanese
    text = ("Hezbollah said it fired a barrage of Katyusha rockets at Kiryat Shmona in response "
            "to Israeli strikes on southern Lebanon.")
    assert sorted(coded(extractor, text)) == sorted([
        ("Hezbollah", None, "Northern District", "IL", "point"),
        ("Israel Defense Forces", "IL", None, "LB", "region")])


# ---------------------------------------------------------------- still wrong (the record)


@pytest.mark.xfail(strict=True, reason="a ship at sea has no town: a strike on a ship in the "
                   "Gulf of Aden keeps the place text 'Gulf' and no place; the Red Sea and the "
                   "Gulf of Aden are no places of the gazetteer (a sea has no country)")
def test_a_ship_hit_at_sea_is_placed_at_sea(extractor):
    text = ("A Greek-flagged tanker was hit by a missile in the Gulf of Aden, about 60 nautical "
            "miles south-east of Aden, the British maritime agency UKMTO said.")
    strikes, _ = read(extractor, text)
    assert [m.place_text for m in strikes] == ["Gulf of Aden"]


def test_a_named_zone_of_a_city_is_one_strike_in_the_city(extractor):
    text = ("Rockets hit the Green Zone in Baghdad near the US embassy, the Iraqi security media "
            "cell said.")
    assert [(a, where) for a, _, where, _, _ in coded(extractor, text)] == [(None, "Baghdad")]


def test_a_city_s_airport_keeps_its_name(extractor):
    text = ("Israeli jets struck targets near Damascus international airport, putting it out of "
            "service, Syria's defence ministry said.")
    strikes, _ = read(extractor, text)
    assert [m.place_text for m in strikes] == ["Damascus international airport"]


def test_rafah_in_a_wafa_item_is_gaza_s(extractor):
    # Rafah is a town in Gaza and in Egypt: Israel's forces strike in the first
    text = ("The house of the Abu Hashem family in Rafah was hit by an Israeli missile at dawn, "
            "killing 9 people, WAFA reported.")
    assert [where for _, _, _, where, _ in coded(extractor, text)] == ["PS"]


@pytest.mark.xfail(strict=True, reason="a country is never a strike place (no centroid), so "
                   "Iran's barrage at Israel gives no strike at all")
def test_a_barrage_at_a_country_is_a_strike_at_country_precision(extractor):
    text = "Iran launched missiles and drones at Israel on Saturday night, most of which were intercepted."
    assert coded(extractor, text) == [("Iranian Armed Forces", "IR", None, "IL", "country")]
