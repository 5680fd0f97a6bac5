"""The site a strike sentence names (extract.sites): what tells two strikes on one town apart.

The sentences are written for these tests in the shape of wire and monitor reports (Gaza,
Syria, Yemen); none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_extract import document

from strikewatch.extract.sites import site_finder


@pytest.mark.parametrize("sentence, site", [
    ("An Israeli airstrike on the home of the Abu Daqqa family in Khan Younis killed nine "
     "people, medics said.", "Abu Daqqa family home"),
    ("Hours later an Israeli strike hit the al-Astal family home in Khan Younis, killing six.",
     "al-Astal family home"),
    ("Nine members of the Hijazi family were killed when Israeli jets struck their house.",
     "Hijazi family"),
    ("Israeli strikes hit Kamal Adwan Hospital in Beit Lahia on Friday.", "Kamal Adwan hospital"),
    ("An Israeli strike hit an ambulance in Gaza City, the Red Crescent said.", "ambulance"),
    # Syria
    ("Syrian government helicopters dropped barrel bombs on the al-Quds hospital in Aleppo "
     "on Wednesday.", "al-Quds hospital"),
    ("Russian jets struck a bakery in Maarat al-Numan, killing 11.", "bakery"),
    # Yemen
    ("Saudi-led coalition air strikes hit a market in Saada on Monday, killing three.", "market"),
    ("Coalition jets bombed the al-Mahwit school, Al-Masirah said.", "al-Mahwit school"),
])
def test_the_site_a_sentence_names(sentence, site):
    assert site_finder().find(sentence) == site


@pytest.mark.parametrize("sentence", [
    "Russian strikes on Kharkiv killed 40 people on Thursday, officials said.",
    "Mortar Attack Targets Damascus School",  # a headline's capitals name nothing
    "Meanwhile Albir hospital staff said they had no power.",  # capitals opening a sentence
    "Russian warplanes struck IS targets near Raqqa on Friday, TASS reported.",
])
def test_no_site(sentence):
    assert site_finder().find(sentence) is None


def test_two_family_homes_in_one_town_are_two_mentions(extractor):
    text = ("An Israeli airstrike on the home of the Abu Daqqa family in Khan Younis in the "
            "Gaza Strip killed nine people on Saturday, medics said.\n\n"
            "Hours later an Israeli strike hit the al-Astal family home in Khan Younis, "
            "killing six, civil defence said.")
    strikes = extractor.extract(document(text, "2023-11-18")).strikes
    assert sorted(m.site for m in strikes) == ["Abu Daqqa family home", "al-Astal family home"]


def test_a_named_hospital_in_aleppo_is_the_mentions_site(extractor):
    text = ("Syrian government helicopters dropped barrel bombs on the al-Quds hospital in "
            "Aleppo on Wednesday, killing 14 patients and staff, the Syrian Observatory said.")
    (strike,) = extractor.extract(document(text, "2016-04-28")).strikes
    assert strike.site == "al-Quds hospital"
