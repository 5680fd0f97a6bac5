"""Captions and log entries under a place title, as incident logs and footage catalogues write
them, and the same shapes in other wars' feeds. Each rule is tested on sentences from two wars
at least. The sentences are written for these tests in the shape such reports take; none is
copied from a corpus."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment


def item(text: str, *, title: str | None = None, published: str = "2023-03-01") -> Document:
    """A log entry as ingest stores it: the title first, then the text."""
    parts = ([title] if title else []) + [text]
    segments, pos = [], 0
    for i, part in enumerate(parts):
        segments.append(Segment("title" if title and i == 0 else "body", pos, pos + len(part)))
        pos += len(part) + 2
    return Document(id="t", text="\n\n".join(parts), segments=tuple(segments), content_hash="t",
                    title=title, published=date.fromisoformat(published))


def places(extractor: Extractor, text: str, **kw) -> list[str]:
    return sorted(m.place_text for m in extractor.extract(item(text, **kw)).strikes)


def geocoded(extractor: Extractor, text: str, **kw) -> list[tuple[str | None, str | None]]:
    doc = item(text, **kw)
    found = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer,
                             document_text=doc.text)
    return sorted((m.place.name if m.place else None, m.place.country if m.place else None)
                  for m in found)


# ------------------------------------------------------- the title writes the text's place in full


@pytest.mark.parametrize(("title", "text"), [
    ("Vesele (Kherson Oblast)", "A school in Vesele was destroyed."),
    ("Bortnychi (Darnytskyi district), Kyiv", "Crater left by a missile impact in Bortnychi, Kyiv"),
    ("Saada, Sahar district", "Houses in Saada hit by artillery."),                     # Yemen
    ("Beit Lahia, North Gaza", "Rubble of a house in Beit Lahia after an air strike."),  # Gaza
])
def test_a_place_the_title_writes_with_its_container_is_the_titles(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


@pytest.mark.parametrize(("title", "text", "place"), [
    ("Kharkiv Oblast", "Shelling of a school in Izium.", "Izium"),
    ("Idlib province", "Shelling of a school in Ariha.", "Ariha"),
])
def test_a_place_the_title_does_not_name_stays_the_texts(extractor, title, text, place):
    assert places(extractor, text, title=title) == [place]


# ------------------------------------------------------------------- titles typed as they come


@pytest.mark.parametrize(("title", "text", "town"), [
    ("kharkiv", "Reported double tap strike killed three first responders.", "Kharkiv"),
    ("gaza city", "Reported double tap strike killed three paramedics.", "Gaza"),
])
def test_a_title_typed_in_lower_case_is_still_the_place(extractor, title, text, town):
    assert [name for name, _ in geocoded(extractor, text, title=title)] == [town]


def test_a_lower_case_title_that_is_no_town_places_nothing(extractor):
    assert places(extractor, "Strike killed three.", title="explosion") == []


@pytest.mark.parametrize(("title", "text"), [
    ("Deir al-Balah", "Rubble of a house after an air strike."),    # Gaza
    ("Deir ez-Zor", "Smoke rising after an air strike."),            # Syria
])
def test_a_title_with_a_joined_article_is_a_place_title(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


# ------------------------------------------------------------- a victim is no place


@pytest.mark.parametrize(("title", "text", "town"), [
    ("Petrovsky district of Donetsk", "Man reportedly injured after a munition was dropped from a "
     "small drone in the car park of a shopping centre.", "Donetsk"),
    ("Deir al-Balah", "Man reportedly injured after a munition was dropped from a drone in the car "
     "park of the market.", "Dayr al Balaḩ"),
])
def test_a_name_that_was_hurt_is_a_person_not_a_place(extractor, title, text, town):
    assert [name for name, _ in geocoded(extractor, text, title=title)] == [town]


# ------------------------------------------------------------- weapons by their designations


@pytest.mark.parametrize(("title", "text", "place"), [
    ("Kharkiv", "Alleged s300 attack in the city center of Kharkiv.", "Kharkiv"),
    ("", "An S300 strike hit a warehouse in Kramatorsk.", "Kramatorsk"),
    ("", "A Burkan attack on Jizan killed two.", "Jizan"),                 # Yemen's war on Saudi Arabia
    ("", "A raid of Su-24 jets on Saraqib killed four.", "Saraqib"),        # Syria
])
def test_a_weapon_qualifying_a_weak_strike_word_makes_it_a_strike(extractor, title, text, place):
    assert places(extractor, text, title=title or None) == [place]


def test_a_bomb_attack_alone_is_no_strike(extractor):
    assert places(extractor, "A bomb attack on a bus in Damascus killed two.") == []


def test_a_place_title_named_inside_the_text_is_no_headline(extractor):
    text = ("An attack of several S-300 reported in Saltyvskyi district, Kharkiv, damaging what "
            "appears to be a public transport depot.")
    assert geocoded(extractor, text, title="Saltyvskyi district, Kharkiv") == [("Kharkiv", "UA")]


# ------------------------------------------------------------------ a munition used on a place


@pytest.mark.parametrize(("text", "place"), [
    ("Incendiary weapon used on the village of Yakovlivka.", "Yakovlivka"),
    ("Possible use of incendiaries on the outskirts of Kyiv.", "Kyiv"),
    ("Regime helicopters used barrel bombs on Daraya.", "Daraya"),                # Syria
    ("Government forces used incendiary munitions in an attack on Saraqib.", "Saraqib"),
])
def test_a_munition_used_on_a_place_is_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize("text", [
    "Russia has used cluster munitions, the report said.",
    "Human Rights Watch documented the use of cluster munitions in Ukraine.",
    "The army used artillery to repel the attack near Marib.",
])
def test_an_arsenal_or_a_campaign_of_use_is_no_strike(extractor, text):
    assert places(extractor, text) == []


# ----------------------------------------------------------------- clipped captions of hitting


@pytest.mark.parametrize(("text", "place"), [
    ("Garage complex hit in Kharkiv.", "Kharkiv"),
    ("Shopping complex hit in Taiz.", "Taiz"),          # Yemen
    ("Residential complex hit in Aden.", "Aden"),
])
def test_a_hit_the_tagger_calls_a_noun_is_still_the_passive_of_hitting(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_hit_that_is_a_success_is_no_strike(extractor):
    assert places(extractor, "The song was a big hit in Kyiv.") == []


@pytest.mark.parametrize(("title", "text"), [
    ("Kherson", "Yubileinyi Concert Hall struck by missiles."),
    ("Aden", "Al-Sharq Conference Hall struck by a missile."),     # Yemen
])
def test_the_hall_of_a_named_building_is_no_town(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


@pytest.mark.parametrize(("title", "town"), [
    ("Rzhyshchiv, Kyiv region", ("Rzhyshchiv", "UA")),
    ("Monywa, Sagaing region", ("Monywa", "MM")),          # Myanmar
])
def test_a_town_the_title_places_in_its_region_is_kept_there(extractor, title, town):
    text = "Damage to residential buildings reportedly caused by an attack using drones."
    assert geocoded(extractor, text, title=title) == [town]


# ------------------------------------------------------------ munitions that came down


@pytest.mark.parametrize(("title", "text", "place"), [
    ("Mykolaiv", "Authorities recover an unexploded submunition that landed in a commercial area.",
     "Mykolaiv"),
    ("", "A shell that landed near a market in Taiz killed two.", "Taiz"),              # Yemen
])
def test_a_munition_a_relative_clause_says_landed_is_a_strike(extractor, title, text, place):
    assert places(extractor, text, title=title or None) == [place]


def test_rockets_stored_somewhere_are_no_strike(extractor):
    assert places(extractor, "Police found rockets that were stored in a warehouse in Idlib.") == []


@pytest.mark.parametrize(("title", "text", "place"), [
    ("Kharkiv", "s300 missile didn't detonate and fell on a car in Kharkiv.", "Kharkiv"),
    ("", "The rocket did not explode and landed in a courtyard in Idlib.", "Idlib"),   # Syria
])
def test_a_dud_that_came_down_is_a_strike(extractor, title, text, place):
    assert places(extractor, text, title=title or None) == [place]


@pytest.mark.parametrize("text", [
    "The missile did not hit Kyiv.",
    "The rocket was not fired and stayed in a warehouse in Idlib.",
])
def test_a_strike_that_did_not_happen_stays_none(extractor, text):
    assert places(extractor, text) == []


# -------------------------------------------------------- a town's landmark at the caption's head


@pytest.mark.parametrize(("text", "place"), [
    ("Vasylkiv technical college heavily damaged by a rocket strike.", "Vasylkiv"),
    ("Kharkiv children's hospital damaged by shelling.", "Kharkiv"),
    ("Aleppo children's hospital damaged by shelling.", "Aleppo"),        # Syria
    ("Sanaa technical college heavily damaged by an air strike.", "Sanaa"),   # Yemen
])
def test_a_town_naming_the_landmark_hit_is_the_place(extractor, text, place):
    assert places(extractor, text) == [place]


# ------------------------------------------------------------------- more ways captions are written


@pytest.mark.parametrize(("text", "place"), [
    ("Kharkiv: a missile hit a residential building.", "Kharkiv"),
    ("Taiz: a shell hit a house, killing two children.", "Taiz"),          # Yemen
])
def test_a_short_items_lead_place_before_a_colon_places_it(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_label_before_a_colon_is_no_place(extractor):
    assert places(extractor, "Ministry: a missile hit a residential building.") == []


@pytest.mark.parametrize(("title", "town"), [
    ("Kramatorsk, Donetsk obl.", "Kramatorsk"),
    ("Saraqib, Idlib prov.", "Saraqib"),                                     # Syria
])
def test_a_title_with_an_abbreviated_province_is_a_place_title(extractor, title, town):
    assert [name for name, _ in geocoded(extractor, "Aftermath of strike.", title=title)] == [town]


@pytest.mark.parametrize(("text", "place"), [
    ("Explosions reported in Sevastopol.", "Sevastopol"),
    ("Blasts reported in Hodeidah port overnight.", "Hodeidah port"),       # Yemen (a port's noun
    # stays on its town's name, as an airport's does; geocoded to Hodeidah)
    ("A strike reported in Bortnychi.", "Bortnychi"),
])
def test_where_a_blast_is_reported_is_where_it_was(extractor, text, place):
    assert places(extractor, text) == [place]


def test_where_a_speaker_reported_is_no_strike_place(extractor):
    assert "Moscow" not in places(extractor, "The ministry reported in Moscow that strikes hit Idlib.")


@pytest.mark.parametrize(("text", "place", "group"), [
    ("Houthi drones attacked Abha airport.", "Abha airport", "Houthis"),
    ("Hezbollah drones attacked a base near Metula.", "Metula", "Hezbollah"),
])
def test_an_armed_groups_drones_are_aircraft(extractor, text, place, group):
    [m] = extractor.extract(item(text)).strikes
    assert (m.place_text, m.attacker.name) == (place, group)


def test_an_armed_groups_bombers_are_no_aircraft(extractor):
    assert places(extractor, "The IS bombers targeted two YPG positions in Hasakah.") == []
