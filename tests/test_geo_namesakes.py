"""Namesakes: a namesake abroad never beats the story's country, a person's name is not a
city abroad, and a venue of talks or protests far from the war is no strike place. Each rule
on two wars; the sentences are written for these tests in the shape such reports take."""

from __future__ import annotations

import pytest

from strikewatch.geo import Gazetteer, geocode_json, geocode_mentions
from strikewatch.models import Actor, Span, StrikeMention


def _placed(gaz: Gazetteer, sentence: str, place: str, *, country: str | None = None,
            text: str | None = None, attacker: Actor | None = None):
    text = text or sentence
    start = text.index(sentence)
    i = start + sentence.index(place)
    m = StrikeMention(doc_id="t", sentence=Span(start, start + len(sentence), sentence),
                      place_text=place, place_span=Span(i, i + len(place), place),
                      attacker=attacker)
    [out] = geocode_mentions([m], gaz, country_hint=country, document_text=text)
    return out.place


@pytest.mark.parametrize("sentence,place,country,abroad", [
    ("Regime helicopters dropped barrel bombs on the Mashhad al-Kallasa district of Aleppo.",
     "Mashhad", "SY", "IR"),
    ("RSF artillery shelled Medina al-Arab village east of El Fasher.", "Medina", "SD", "SA"),
])
def test_a_word_of_a_local_arabic_name_is_not_its_namesake_abroad(gaz, sentence, place,
                                                                   country, abroad):
    p = _placed(gaz, sentence, place, country=country)
    assert p is None or p.country == country, p


@pytest.mark.parametrize("sentence,place,country", [
    ("Hassan said the strike on the market killed twelve people.", "Hassan", "SY"),
    ("Jackson said Russian drones hit the port overnight.", "Jackson", "UA"),
])
def test_a_person_named_like_a_city_abroad_places_no_strike(gaz, sentence, place, country):
    assert _placed(gaz, sentence, place, country=country) is None


@pytest.mark.parametrize("text,sentence,place,country,attacker", [
    ("Syrian warplanes bombed Idlib. Peace talks in Geneva were suspended after the strikes.",
     "Peace talks in Geneva were suspended after the strikes.", "Geneva", "SY",
     Actor("Syrian Arab Air Force", "SY")),
    ("Russian missiles hit Kharkiv. The delegations met in Istanbul after the strikes.",
     "The delegations met in Istanbul after the strikes.", "Istanbul", "UA",
     Actor("Russian Armed Forces", "RU")),
])
def test_a_venue_far_from_the_war_in_a_country_nobody_names_is_no_strike_place(
        gaz, text, sentence, place, country, attacker):
    assert _placed(gaz, sentence, place, country=country, text=text, attacker=attacker) is None


@pytest.mark.parametrize("sentence,place,country,attacker,want", [
    # the article names the country, as it names the war's belligerents
    ("Russian officials said Ukrainian drones struck an oil refinery in Ryazan.",
     "Ryazan", "UA", Actor("Armed Forces of Ukraine", "UA"), "RU"),
    # near the story's country: across the border
    ("Ukrainian drones struck an oil depot in Belgorod.", "Belgorod", "RU",
     Actor("Armed Forces of Ukraine", "UA"), "RU"),
    # the sentence names the country
    ("Israeli jets struck a convoy near Qusayr, then hit Beirut.",
     "Beirut", "SY", Actor("Israel Defense Forces", "IL"), "LB"),
    ("In neighbouring Iraq, coalition aircraft hit Mosul.", "Mosul", "SY",
     Actor("US-led coalition", "US"), "IQ"),
])
def test_a_strike_abroad_with_a_cause_keeps_its_place(gaz, sentence, place, country,
                                                      attacker, want):
    p = _placed(gaz, sentence, place, country=country, attacker=attacker)
    assert p is not None and p.country == want, p


@pytest.mark.parametrize("name,country,town", [
    ("Slovyansk", "UA", "Slovyansk"),   # not Nikopol, of like size, once called so
    ("Tira", "IL", "Eṭ Ṭīra"),          # not Tirat Karmel
    ("Sangyoung", "MM", "Sangyoung"),   # a Yangon township, not San Chaung
    ("Bununu", "NG", "Bununu"),         # not Dass, Bauchi
])
def test_a_town_called_so_beats_a_town_of_like_size_once_called_so(gaz, name, country, town):
    assert geocode_json(name, country, gazetteer=gaz)["name"] == town


@pytest.mark.parametrize(("text", "country", "admin1"), [
    # Iraq: El Jadida (Morocco) and a Shuhada town in Egypt share the neighbourhoods' names
    ("An air strike on the al-Jadida neighbourhood of Mosul killed 10 civilians.", "IQ", "Ninawa"),
    ("An air strike hit the Shuhada neighbourhood of Mosul, killing 10 civilians.", "IQ", "Ninawa"),
    # Gaza: the same shape, where the attacker's theatre already settled it
    ("Israeli jets struck the al-Rimal neighbourhood of Gaza City.", "PS", "Gaza Strip"),
])
def test_a_neighbourhood_written_with_its_city_is_not_a_town_abroad(extractor, text, country,
                                                                    admin1):
    """The city a part is written in votes for the story's country as the unit after a
    village does ("Adan Yabaal, Middle Shabelle"), so a namesake town abroad loses."""
    from test_sweep_sources import read

    [strike] = read(extractor, text, "2017-03-25").strikes
    assert (strike.country, strike.admin1) == (country, admin1)


@pytest.mark.parametrize(("text", "country"), [
    ("Russian shelling hit Kharkiv near the Berlin Hotel.", "UA"),          # Ukraine
    ("An air strike hit Khan Younis near the Cairo Hotel.", "PS"),          # Gaza
])
def test_a_landmark_named_after_a_city_abroad_is_no_container(extractor, text, country):
    """ "near the Berlin Hotel" names a site, not Berlin: the strike stays in its own town."""
    from test_sweep_sources import read

    [strike] = read(extractor, text, "2024-05-10").strikes
    assert strike.country == country and strike.unresolved is None


@pytest.mark.parametrize(("text", "town"), [
    ("Shrapnel hit benches in Gorky Park after a missile strike in Kharkiv.", "Kharkiv"),  # Ukraine
    ("Debris fell in Zabeel Park after a drone attack in Dubai.", "Dubai"),  # the Gulf
])
def test_a_park_s_namesake_is_no_strike_place_beside_its_town(extractor, text, town):
    """A park named after a person or a place, in the town the sentence names, is a site of
    the town's strike: not coded to the town a second time as a strike of its own."""
    from test_sweep_sources import read

    assert [s.place for s in read(extractor, text, "2024-05-10").strikes if s.country] == [town]
