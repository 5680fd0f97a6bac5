"""Merging asks whether the words after a part's name put it in a town ("the Al Zahra
neighbourhood of Gaza City", "Saltivka, north of Kharkiv"): one pattern with the town as a
back-reference answers as a pattern compiled for that town does."""

from __future__ import annotations

import pytest

from strikewatch.extract.merge import _HELD_BY_TOWN, _held_by

AFTERS = [
    " neighbourhood of Gaza City on Tuesday",  # Gaza
    ", in Gaza City",
    ", north of Kharkiv, where a drone hit",  # Ukraine
    ", north-east of KHARKIV",
    " in the northern city of Deir ez-Zor",  # Syria
    " district in the old city of Aleppo",
    " in Aleppos countryside",  # the town's name only begins a longer word
    " near Aleppo",  # no word that puts it there
    "\u201d in Mosul",  # Iraq, after a closing quote
]
TOWNS = ["Gaza City", "Kharkiv", "Deir ez-Zor", "Aleppo", "Mosul", "gaza city"]


@pytest.mark.parametrize("town", TOWNS)
def test_one_back_referenced_pattern_answers_as_the_town_s_own(town):
    for after in AFTERS:
        if after.isascii():
            assert bool(_HELD_BY_TOWN.match(f"{town}\0{after}")) == \
                bool(_held_by(town).match(after)), after


def test_it_finds_the_town_that_holds_a_part_and_no_other():
    assert _HELD_BY_TOWN.match("Gaza City\0 neighbourhood of gaza city on Tuesday") is None
    assert _HELD_BY_TOWN.match("Gaza City\0, in gaza city") is not None
    assert _HELD_BY_TOWN.match("Kharkiv\0, north of Kharkiv, where") is not None
    assert _HELD_BY_TOWN.match("Aleppo\0 in Aleppos countryside") is None
    assert _HELD_BY_TOWN.match("Aleppo\0 near Aleppo") is None
