"""The side that fired is not where it fired, and a landmark is one strike with its town.

"Russian shelling in Kupiansk", "Turkish shelling of Derik": the nationality names the
attacker, so it neither votes the place's country nor lifts the veto on a namesake abroad.
"The Azovstal steel plant in Mariupol": one strike, at Mariupol, with the plant as its site.
Each rule on two wars; the sentences are written for these tests in the shape such reports
take.
"""

from __future__ import annotations

import pytest

from strikewatch.geo import geocode_mentions
from strikewatch.models import Span, StrikeMention


def _mention(sentence: str, place: str) -> StrikeMention:
    i = sentence.index(place)
    return StrikeMention(doc_id="t", sentence=Span(0, len(sentence), sentence),
                         place_text=place, place_span=Span(i, i + len(place), place), attacker=None)


@pytest.mark.parametrize(("sentence", "fired"), [
    ("Two civilians killed in Russian shelling in Kupiansk", "RU"),
    ("Israeli shelling of Khiam kills two", "IL"),
    ("Ukraine's shelling of Horlivka kills woman", "UA"),
    ("Ukrainian artillery shelled Donetsk overnight", "UA"),
    ("Turkish jets struck Tal Rifaat at dawn", "TR"),
    # ground forces too: armies fight abroad ("Russian forces" in Ukraine, "Turkish troops"
    # in Syria), so the nationality before them says who fired, not where
    ("Russian forces shelled Artemovsk", "RU"),
    ("Turkish troops shelled Derik, killing two", "TR"),
    ("Malian troops shelled jihadist positions in Ber", "ML"),
])
def test_the_nationality_of_the_side_that_fired_names_no_country_of_the_place(gaz, sentence, fired):
    assert fired not in gaz._countries_named(sentence)


@pytest.mark.parametrize(("sentence", "named"), [
    ("Shells fired from Syria landed in the Turkish border town of Kilis", "TR"),
    ("Russian officials said a drone hit an oil depot in Novorossiysk", "RU"),
    ("Israeli shelling hit villages in southern Lebanon", "LB"),
    ("Ukrainian forces shelled the village of Tetkino in Russia", "RU"),
    # a state's army is mostly reported at home: its nationality still names the country
    ("The Syrian army shelled Ariha", "SY"),
])
def test_a_country_the_sentence_names_as_a_place_still_counts(gaz, sentence, named):
    assert named in gaz._countries_named(sentence)


@pytest.mark.parametrize(("sentence", "place", "not_in"), [
    # a Ukrainian village's name that Russia repeats: no Russian namesake for Russian shelling
    ("Russian shelling of Kamenka kills one", "Kamenka", "RU"),
    # a Syrian Kurdish town that shares its Kurdish name with a Turkish town
    ("Turkish shelling of Derik kills two", "Derik", "TR"),
    ("Turkish troops shelled Derik, killing two", "Derik", "TR"),
    # Bakhmut's former name, and a town's name in Russia: "Russian forces" are the attacker
    ("Russian forces shelled Artemovsk", "Artemovsk", "RU"),
])
def test_the_attackers_adjective_does_not_move_the_place_abroad(gaz, sentence, place, not_in):
    [out] = geocode_mentions([_mention(sentence, place)], gaz, document_text=sentence)
    assert out.place is None or out.place.country != not_in, out.place


@pytest.mark.parametrize(("sentence", "landmark", "town", "site"), [
    ("Russian shelling hit the Azovstal steel plant in Mariupol", "Azovstal", "Mariupol",
     "Azovstal steel plant"),
    ("An Israeli strike on al-Shifa hospital in Gaza City killed 12", "al-Shifa hospital",
     "Gaza City", "al-Shifa hospital"),
])
def test_a_landmark_written_before_its_town_is_one_strike_at_the_town(gaz, sentence, landmark,
                                                                       town, site):
    out = geocode_mentions([_mention(sentence, landmark), _mention(sentence, town)], gaz,
                           document_text=sentence)
    placed = [m for m in out if m.place is not None]
    assert [m.place_text for m in placed] == [town]
    assert placed[0].site == site


@pytest.mark.parametrize(("sentence", "village", "container"), [
    ("Regime barrel bombs hit Kafranbel in Idlib", "Kafranbel", "Idlib"),
    ("Russian shelling hit Tsyrkuny in Kharkiv", "Tsyrkuny", "Kharkiv"),
])
def test_a_village_in_its_province_is_no_landmark_and_stays(gaz, sentence, village, container):
    out = geocode_mentions([_mention(sentence, village), _mention(sentence, container)], gaz,
                           document_text=sentence)
    assert village in [m.place_text for m in out if m.place is not None]
