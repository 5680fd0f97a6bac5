"""Tests for strikewatch.event_types. Sentences are written for these tests in the shape wire and
NGO reports take (not quoted), from several wars, so that each word list holds beyond one."""

from __future__ import annotations

import pytest

from strikewatch.event_types import event_type_of, incident_event_type


@pytest.mark.parametrize(("sentence", "expected"), [
    # Syria
    ("Russian warplanes struck the town of Maarat al-Numan on Tuesday, killing 9.", "air"),
    ("Government helicopters dropped barrel bombs on Daraya.", "air"),
    ("Rebel mortar shells landed on the Old City of Damascus, killing two.", "shelling"),
    # Ukraine
    ("A Russian missile hit an apartment block in Dnipro on Saturday.", "shelling"),
    ("Shahed drones struck energy facilities in Odesa overnight.", "air"),
    ("Artillery fire killed three civilians in Kherson.", "shelling"),
    # Gaza / Yemen / Sudan
    ("An Israeli air strike hit a house in Rafah, killing seven members of one family.", "air"),
    ("Saudi-led coalition jets fired missiles at a wedding in Hajjah.", "air"),
    ("The RSF shelled residential districts of El Fasher with Grad rockets.", "shelling"),
    ("Houthi rockets fell on Marib city, wounding five.", "shelling"),
    # neither
    ("An attack on the market in Nyala killed 12 people.", "unknown"),
])
def test_event_type_of_a_sentence(sentence, expected):
    assert event_type_of(sentence) == expected


def test_both_kinds_named_the_word_nearest_the_place_decides():
    sentence = "Air strikes hit Idlib while artillery shelled Latakia's countryside."
    assert event_type_of(sentence, near=sentence.index("Idlib")) == "air"
    assert event_type_of(sentence, near=sentence.index("Latakia")) == "shelling"


@pytest.mark.parametrize(("types", "expected"), [
    (["air", "unknown", "air"], "air"),
    (["unknown", "shelling"], "shelling"),
    (["unknown"], "unknown"),
    ([], "unknown"),
    (["air", "shelling"], "unknown"),
    (["air", "shelling", "shelling"], "shelling"),
])
def test_incident_event_type_from_its_mentions(types, expected):
    assert incident_event_type(types) == expected
