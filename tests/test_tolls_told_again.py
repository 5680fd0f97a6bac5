"""A toll in the sentence after a strike, naming no place of its own, is that strike's ("The
strike killed 12 people"), unless it speaks of a period, names another place or day, or the
strike before it was several places' (the text does not split a toll between them)."""

from __future__ import annotations

import pytest
from test_extract import document

from strikewatch.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _strikes(extractor, text: str) -> list[tuple]:
    found = extractor.extract(document(text, "2016-02-16")).strikes
    return [(m.place_text, m.casualties.killed.min, m.casualties.wounded.min) for m in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian jets struck a bakery in Douma on Monday. The strike killed 12 people, the Syrian "
     "Observatory said.", [("Douma", 12, None)]),
    ("Israeli jets bombed a house in Rafah on Tuesday. Twelve civilians died in the raid, medics said.",
     [("Rafah", 12, None)]),
    # no strike word, but no place or day of its own either: the same strike's toll
    ("Saudi-led coalition aircraft hit a market in Saada on Monday. Nine people were killed and 20 "
     "wounded, residents said.", [("Saada", 9, 20)]),
])
def test_the_toll_after_a_strike_is_that_strikes(extractor, text, expected):
    assert _strikes(extractor, text) == expected


@pytest.mark.parametrize("text", [
    # a period: a running total, never one strike's toll
    "Russian jets struck a bakery in Douma on Monday. Since September, strikes have killed 359 civilians.",
    "Israeli jets bombed a house in Rafah on Tuesday. This month 40 civilians were killed in the south.",
    # another day or another place: another event
    "Russian jets struck a bakery in Douma on Monday. On Sunday, 12 people were killed.",
    "Israeli jets bombed a house in Rafah on Tuesday. 12 people were killed in Khan Younis.",
])
def test_a_toll_of_a_period_another_day_or_place_stays_off_the_strike(extractor, text):
    assert [killed for _, killed, _ in _strikes(extractor, text)] == [None]


def test_a_toll_after_strikes_on_two_places_is_neither_places(extractor):
    text = "Russian jets struck Douma and Harasta on Monday. The strike killed 12 people."
    assert _strikes(extractor, text) == [("Douma", None, None), ("Harasta", None, None)]


def test_a_toll_after_a_strike_with_its_own_toll_does_not_replace_it(extractor):
    text = ("Israeli jets bombed a house in Rafah on Tuesday, killing five people. Twelve people died in "
            "the raid, medics said.")
    assert _strikes(extractor, text) == [("Rafah", 5, None)]
