"""Place misreadings that cross wars: a person's name after an office, a body's acronym, a dam
named after a river or a town, a name two countries' towns share, Russian and Ukrainian
spellings of one town, border namesakes (Rafah), and places GeoNames' cities lack (south
Lebanon's villages, the Golan Heights). Each rule on its war and a second war; the
sentences are written for these tests in the shape such reports take."""

from __future__ import annotations

import pytest

from strikewatch.geo import Gazetteer, Unresolved, geocode_mentions
from strikewatch.models import Document, Place, Segment, Span, StrikeMention

# GeoNames ids of the places the answers must be
CHUHUIV, VOVCHANSK, BAKHMUT, NOVA_KAKHOVKA_LAT = 710374, 689304, 713174, 46.75966
RAFAH_GAZA, RAFAH_SINAI, GAZA_CITY, JENIN = 281102, 350350, 281133, 283506


def _placed(gaz: Gazetteer, sentence: str, place: str, *, country: str | None = None,
            text: str | None = None) -> Place | None:
    text = text or sentence
    start = text.index(sentence)
    i = start + sentence.index(place)
    m = StrikeMention(doc_id="t", sentence=Span(start, start + len(sentence), sentence),
                      place_text=place, place_span=Span(i, i + len(place), place), attacker=None)
    [out] = geocode_mentions([m], gaz, country_hint=country, document_text=text)
    return out.place


def _document(text: str, title: str | None = None) -> Document:
    parts = ([title] if title else []) + [text]
    segments, pos = [], 0
    for i, part in enumerate(parts):
        segments.append(Segment("title" if title and i == 0 else "body", pos, pos + len(part)))
        pos += len(part) + 2
    return Document(id="t", text="\n\n".join(parts), segments=tuple(segments),
                    content_hash="t", title=title)


def _strike_places(extractor, text: str, title: str | None = None) -> list[tuple[str, Place | None]]:
    doc = _document(text, title)
    mentions = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer,
                                document_text=doc.text)
    return [(m.place_text, m.place) for m in mentions]


# ------------------------------------------------------------ a person's name after an office


@pytest.mark.parametrize("text,person_word", [
    ("Kyiv Mayor Volodymyr Klitschko visited the site of the shelling of apartment blocks "
     "at Sviatoshyn.", "Volodymyr"),
    # Yemen: "Hussein" is a district of Ad Dali
    ("Governor Hussein al-Awadi said coalition air strikes hit a market in Bajil.", "Hussein"),
])
def test_a_name_after_an_office_is_no_strike_place(extractor, text, person_word):
    found = _strike_places(extractor, text)
    assert found and all(person_word not in (written or "") for written, _ in found), found


@pytest.mark.parametrize("sentence,place,country", [
    ("Governor Hussein al-Awadi said coalition air strikes hit Dar Salm.", "Dar Salm", "YE"),
    ("Mayor Volodymyr Klitschko said the shelling hit homes in Khoroshe Pole.",
     "Khoroshe Pole", "UA"),
])
def test_a_person_after_a_title_is_no_anchor_for_an_unknown_village(gaz, sentence, place,
                                                                     country):
    """Without the title rule, "Dar Salm" went to the Al Hussein district (Ad Dali) and the
    Ukrainian village to Volodymyr-Volynskyi: the nearest 'place' its sentence named."""
    p = _placed(gaz, sentence, place, country=country)
    assert p is None, p


@pytest.mark.parametrize("sentence,place,country,seat", [
    ("Kyiv Mayor Volodymyr Klitschko said the shelling hit homes in Khoroshe Pole.",
     "Khoroshe Pole", "UA", "Kyiv City"),
    ("Hodeidah Governor Hussein al-Awadi said coalition air strikes hit Dar Salm.",
     "Dar Salm", "YE", "Hudaydah"),
])
def test_the_seat_before_an_office_still_names_a_place(gaz, sentence, place, country, seat):
    p = _placed(gaz, sentence, place, country=country)
    assert p is not None and p.admin1 == seat and p.unresolved_name == place, p


def test_a_title_word_opening_a_town_name_is_no_title(extractor):
    [(written, p)] = _strike_places(
        extractor, "Egyptian warplanes struck militants in Sheikh Zuweid, North Sinai.")
    assert written == "Sheikh Zuweid" and p.country == "EG"


# --------------------------------------------------------------------- a body's acronym


@pytest.mark.parametrize("acronym", ["OVA", "SAF", "IDF", "PDF"])
def test_an_airport_code_is_no_name_of_its_town(gaz, acronym):
    """GeoNames lists IATA codes among towns' names: OVA (Bekily, Madagascar), SAF (Santa Fe),
    IDF (Idiofa), PDF (Prado): a regional military administration, the Sudanese Armed
    Forces, the Israel Defense Forces and Myanmar's People's Defence Forces in the news."""
    assert not gaz.lookup(acronym)
    assert isinstance(gaz.resolve(acronym), Unresolved)


@pytest.mark.parametrize("text,country", [
    ("Russian drones struck Sumy overnight, the OVA said.", "UA"),
    ("SAF warplanes bombed a market in Nyala, the RSF said.", "SD"),
])
def test_a_story_quoting_a_body_by_its_acronym_stays_in_its_country(extractor, text, country):
    found = _strike_places(extractor, text)
    assert found and all(p is not None and p.country == country for _, p in found), found


# ----------------------------------------------------------- dams named after a river or a town


@pytest.mark.parametrize("text", [
    "Russian missiles struck the Dnipro Hydroelectric Power Plant on Friday.",
    "Russian missiles struck the Dnipro hydroelectric dam on Friday.",
    "Missile strike on Dnipro HPP.",
])
def test_the_dam_named_after_the_river_is_where_it_stands(extractor, text):
    [(_, p)] = _strike_places(extractor, text)
    assert p.admin1 == "Zaporizhia" and p.precision == "point", p


def test_the_dam_in_its_town_is_the_towns_strike(extractor):
    found = _strike_places(extractor, "Russian missiles struck the Dnipro Hydroelectric Power "
                                      "Plant in Zaporizhzhia on Friday.")
    placed = [p for _, p in found if p is not None]
    assert placed and all(p.admin1 == "Zaporizhia" for p in placed), found


@pytest.mark.parametrize("sentence,place,country,city", [
    ("RSF drones struck the Atbara dam on Tuesday.", "Atbara", "SD", "Atbara"),
    ("Russian missiles struck the Dnipro dam complex on Friday.", "Dnipro", "UA", "Dnipro"),
])
def test_a_dam_named_after_a_river_is_not_the_city_of_that_name(gaz, sentence, place, country,
                                                                city):
    """The Atbara river is dammed 300 km upstream of the town of Atbara, the Dnipro 70 km
    downstream of the city of Dnipro: a dam named after a river is no place of that name, but
    the dam itself where the gazetteer knows it (the Dnipro's, in Zaporizhzhia)."""
    p = _placed(gaz, sentence, place, country=country)
    assert p is None or p.name != city, p
    assert _placed(gaz, f"Strikes hit {city} on Tuesday.", city, country=country).name == city


@pytest.mark.parametrize("sentence,place,country,town", [
    ("Coalition aircraft struck near the Mosul Dam, killing five militants.", "Mosul", "IQ",
     "Mosul"),
    ("Syrian warplanes bombed the Tabqa Dam overnight.", "Tabqa", "SY", "Al-Tabqa"),
])
def test_a_dam_named_after_a_town_is_placed_near_the_town(gaz, sentence, place, country, town):
    p = _placed(gaz, sentence, place, country=country)
    assert p is not None and p.name == town and p.precision == "admin2", p


def test_the_kakhovka_dam_is_at_nova_kakhovka(gaz):
    p = _placed(gaz, "Russian forces shelled the Kakhovka HPP overnight.", "Kakhovka HPP",
                country="UA")
    assert p is not None and p.lat == pytest.approx(NOVA_KAKHOVKA_LAT, abs=0.01), p


# ------------------------------------------------- a name two countries' towns bear alike


@pytest.mark.parametrize("name,country,geonameid", [
    ("Volchansk", "UA", VOVCHANSK),
    ("Artemovsk", "UA", BAKHMUT),
    ("Qusayr", "SY", None),
])
def test_a_name_of_like_towns_in_two_countries_needs_the_country(gaz, name, country, geonameid):
    """ "Volchansk" is a Urals town and Vovchansk's Russian name; "Qusayr" a town of Homs and
    one of Egypt's Red Sea coast. Alone, neither is placed; the story's country decides."""
    assert isinstance(gaz.resolve(name), Unresolved)
    p = gaz.resolve(name, country=country)
    assert isinstance(p, Place) and p.country == country
    assert geonameid is None or p.geonameid == geonameid


@pytest.mark.parametrize("title", ["Volchansk", "Qusayr"])
def test_a_bare_title_shared_by_two_countries_places_nothing_abroad(extractor, title):
    found = _strike_places(extractor, "Heavy damage from a reported strike.", title=title)
    assert all(p is None for _, p in found), found


# ------------------------------------------------ Russian and Ukrainian spellings of one town


@pytest.mark.parametrize("text,geonameid", [
    ("A rocket attack on Chuguiev killed two people.", CHUHUIV),
    ("A rocket attack on Chuguev killed two people.", CHUHUIV),
])
def test_a_russian_spelling_of_a_ukrainian_town_is_the_town(extractor, text, geonameid):
    [(_, p)] = _strike_places(extractor, text)
    assert p is not None and p.geonameid == geonameid, p


@pytest.mark.parametrize("name,country,meant", [
    ("Nikolaev", "UA", "Mykolayiv"), ("Kirovograd", "UA", "Kropyvnytskyi"),
    ("Dnepropetrovsk", "UA", "Dnipropetrovsk"), ("Artemovsk", "UA", "Bakhmut"),
    ("Dayr az Zawr", "SY", "Deir ez-Zor"), ("Deir Ezzor", "SY", "Deir ez-Zor"),
    ("al-Raqqa", "SY", "Ar Raqqah"),
])
def test_transliterations_of_ukrainian_and_arabic_names_meet(gaz, name, country, meant):
    p = gaz.resolve(name, country=country)
    assert isinstance(p, Place) and p.name == meant, p


def test_the_fold_makes_no_english_word_a_hamlet(gaz):
    assert not gaz.is_place("Heavy", spelling_variants=True)
    assert not gaz.is_place("Grady", country="UA", spelling_variants=True)


# ------------------------------------------------------------------- border namesakes


def test_gaza_alone_is_gaza_not_a_bhutanese_hamlet(gaz):
    p = gaz.resolve("Gaza")
    assert isinstance(p, Place) and p.geonameid == GAZA_CITY, p


@pytest.mark.parametrize("sentence,geonameid", [
    ("Israeli air strikes on Rafah killed 12 people in southern Gaza.", RAFAH_GAZA),
    ("Militants fired mortars at an army checkpoint in Rafah in North Sinai, killing two "
     "Egyptian soldiers.", RAFAH_SINAI),
])
def test_rafah_is_the_town_of_the_storys_country(gaz, sentence, geonameid):
    p = _placed(gaz, sentence, "Rafah")
    assert p is not None and p.geonameid == geonameid and p.precision == "point", p


@pytest.mark.parametrize("name,geonameid", [("Jenin", JENIN), ("Rafah", RAFAH_GAZA)])
def test_a_governorate_named_after_its_town_is_not_the_whole_territory(gaz, name, geonameid):
    """ISO 3166-2 lists Jenin and Rafah as governorates of the West Bank and the Gaza Strip,
    GeoNames' provinces: they are parts of them, not their names."""
    p = gaz.resolve(name, country="PS", near=[gaz.resolve("Gaza", country="PS")])
    assert isinstance(p, Place) and p.geonameid == geonameid and p.precision == "point", p


# ------------------------------------------------------ places GeoNames' cities lack


@pytest.mark.parametrize("sentence,place,country,admin1", [
    ("Israeli shelling hit Khiam on Tuesday, Lebanese media reported.", "Khiam", "LB",
     "Nabatiye"),
    ("An Israeli drone strike on Yaroun killed one person.", "Yaroun", "LB", "Nabatiye"),
    ("Israeli jets struck Syrian army positions in the Golan Heights.", "Golan Heights", "SY",
     "Quneitra"),
])
def test_south_lebanon_villages_and_the_golan_are_placed(gaz, sentence, place, country, admin1):
    p = _placed(gaz, sentence, place, country=country)
    assert p is not None and (p.country, p.admin1) == (country, admin1), p

