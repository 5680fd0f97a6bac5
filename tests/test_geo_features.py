"""Natural features, short names and near spellings: a forest or a range is never a town
abroad, a short name is no spelling of a town abroad, and of the places that share a name's
transliteration skeleton the closest spelling wins. Each rule on two wars at least; the
sentences are written for these tests in the shape coders' notes and reports take."""

from __future__ import annotations

import pytest

from strikewatch.extract import Extractor
from strikewatch.geo import Gazetteer, geocode_json, geocode_mentions
from strikewatch.models import Document, Segment, Span, StrikeMention


def _placed(gaz: Gazetteer, sentence: str, place: str, *, country: str | None = None):
    """The place the geocoder gives a strike place of a one-sentence note."""
    i = sentence.index(place)
    m = StrikeMention(doc_id="t", sentence=Span(0, len(sentence), sentence), place_text=place,
                      place_span=Span(i, i + len(place), place), attacker=None)
    [out] = geocode_mentions([m], gaz, country_hint=country, document_text=sentence)
    return out.place


def _strike_places(extractor: Extractor, gaz: Gazetteer, note: str):
    """A coder's note read end to end: its strike places as written, and where each lies."""
    doc = Document(id="t", text=note, segments=(Segment("body", 0, len(note)),),
                   content_hash="t", title=None, published=None)
    mentions = geocode_mentions(extractor.extract(doc).strikes, gaz, document_text=note)
    return {m.place_text: m.place for m in mentions}


# ------------------------------------------------------------------ natural features


@pytest.mark.parametrize("note,feature,town_abroad", [
    ("Nigerian Air Force jets bombed Boko Haram camps in Sambisa Forest, killing several "
     "militants.", "Sambisa Forest", "BE"),
    ("KDF jets bombed al-Shabaab hideouts in the Boni Forest, killing 12 militants.",
     "Boni Forest", "DE"),
])
def test_a_forest_is_one_place_never_the_town_abroad_named_like_its_words(
        extractor, gaz, note, feature, town_abroad):
    places = _strike_places(extractor, gaz, note)
    assert feature in places, places  # not its last word, Forest (Brussels)
    assert all(p is None or p.country != town_abroad for p in places.values()), places


@pytest.mark.parametrize("note,feature,province,country", [
    ("Nigerian Air Force jets bombed Boko Haram camps in Sambisa Forest, Borno state, "
     "killing several militants.", "Sambisa Forest", "Borno", "NG"),
    ("Iraqi aircraft struck IS hideouts in the Hamrin Mountains in Diyala province.",
     "Hamrin Mountains", "Diyala", "IQ"),
])
def test_a_feature_the_gazetteer_lacks_is_placed_in_the_province_it_is_told_in(
        gaz, note, feature, province, country):
    p = _placed(gaz, note, feature, country=country)
    assert p is not None and (p.country, p.admin1, p.precision) == (country, province, "region")
    assert p.unresolved_name == feature  # kept as written, for a later gazetteer


@pytest.mark.parametrize("sentence,feature,country,unit", [
    ("LNA aircraft struck militant positions in the Jabal Akhdar mountains.",
     "Jabal Akhdar mountains", "LY", "Al Jabal al Akhdar"),
    ("Government helicopters bombed villages in the Jebel Marra highlands.",
     "Jebel Marra highlands", "SD", None),
])
def test_a_feature_named_after_a_unit_of_the_country_is_that_unit_at_region_precision(
        gaz, sentence, feature, country, unit):
    p = _placed(gaz, sentence, feature, country=country)
    if unit is None:  # Jebel Marra is no unit of the gazetteer: nothing, not a namesake town
        assert p is None
    else:
        assert p is not None and (p.name, p.country, p.precision) == (unit, country, "region")


@pytest.mark.parametrize("name,country", [("Forest", None), ("the valley", "SY")])
def test_a_feature_noun_alone_names_no_place(gaz, name, country):
    assert geocode_json(name, country, gazetteer=gaz)["resolved"] is False


# ------------------------------------------------------------------ short names abroad


@pytest.mark.parametrize("sentence,name,country,abroad", [
    ("KDF troops shelled al-Shabaab positions near Boni, killing 4 militants.", "Boni",
     "KE", "Bonn"),  # Kenya
    ("Houthi forces fired mortars at Bani, killing two civilians.", "Bani", "YE",
     "Bāneh"),  # Yemen; Baneh is in Iran
])
def test_a_short_name_is_not_a_town_abroad_through_its_alternate_names(gaz, sentence, name,
                                                                       country, abroad):
    p = gaz.resolve(name, country=country, context=sentence)
    assert getattr(p, "name", None) != abroad
    assert getattr(p, "country", country) == country, p


def test_a_short_name_has_no_spelling_variant_without_the_story_s_country(gaz):
    # "Bati" shares the skeleton "bt" with Bitti (Sardinia) and hundreds of towns: only its
    # exact namesakes count, and they are in several countries
    assert geocode_json("Bati", gazetteer=gaz)["resolved"] is False
    assert gaz.is_place("Bitu", spelling_variants=True) is False  # "bt" again, 4 letters
    # a longer misspelling still finds its town anywhere
    assert geocode_json("Mairupol", gazetteer=gaz)["name"] == "Mariupol"


@pytest.mark.parametrize("name", ["Kupyan", "Al-Jufra"])  # Ukraine, Libya
def test_without_a_country_a_near_spelling_of_places_in_several_countries_stays_open(gaz, name):
    # "Kupyan" is spelt nearly as closely by Kupang (Indonesia), Kapan (Armenia) and Kupino
    # (Russia); "Al-Jufra" by Al Jafr (Saudi Arabia, Jordan): only a country decides
    assert geocode_json(name, gazetteer=gaz)["resolved"] is False


def test_a_short_name_in_its_country_is_found():
    assert geocode_json("Bati", "ET")["name"] == "Batī"
    assert geocode_json("Homs", "SY")["name"] == "Homs"


# ------------------------------------------------------------------ the closest spelling


@pytest.mark.parametrize("name,country,meant,larger", [
    ("Al-Jufra", "LY", "Al Jufrah", "Jafarah"),  # Libya
    ("Binish", "SY", "Binnish", "Bāniyās"),  # Syria: Idlib town, not the Tartus port
    ("Tazah Khurmato", "IQ", "Tāzah Khūrmātū", "Ţūz Khūrmātū"),  # Iraq: Kirkuk, not Tuz
])
def test_of_places_sharing_a_skeleton_the_closest_spelling_wins(gaz, name, country, meant,
                                                                larger):
    got = geocode_json(name, country, gazetteer=gaz)
    assert got["name"] == meant, got
    assert got["name"] != larger
