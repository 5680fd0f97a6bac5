"""A toll in the sentence after a strike, naming no place of its own, is that strike's ("The
strike killed 12 people"), unless it speaks of a period, names another place or day, or the
strike before it was several places' (the text does not split a toll between them)."""

from __future__ import annotations

import pytest
from test_extract import document


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


@pytest.mark.parametrize(("text", "expected"), [
    # the strike told again with no place ("The road was hit ..."), then a toll with no
    # strike or reporting word of its own: still the first strike's toll
    ("Russian jets struck the Castello road on Friday. The road was hit with over 100 missiles. "
     "Three civilians two women and a man were killed.", [("Castello", 3, None)]),
    ("Israeli jets bombed a school sheltering displaced families in Jabalia on Tuesday. The "
     "building was hit by two missiles. Seven people were killed.", [("Jabalia", 7, None)]),
])
def test_the_toll_after_the_strike_told_again_is_that_strikes(extractor, text, expected):
    assert _strikes(extractor, text) == expected


def test_a_toll_after_another_unplaced_strike_stays_off_the_first(extractor):
    # "Another strike" is no strike told again: the toll may be its, not the school's
    text = ("Israeli jets bombed a school in Jabalia on Tuesday. Another strike hit a market. "
            "Seven people were killed.")
    assert _strikes(extractor, text) == [("Jabalia", None, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a lead's figure and the monitor's quoted figure for the same strike disagree: the
    # lowest to the highest, as when two sources disagree
    ("Intense bombardment by Russian jets killed over 80 civilians in the city of Aleppo on "
     "Friday a monitor said. \"At least 27 civilians were killed by raids by Russian aircraft on "
     "Aleppo\" said the Syrian Observatory for Human Rights.", [("Aleppo", 27, 81)]),
    ("Saudi-led coalition air strikes killed 40 people in Saada on Monday, residents said. The "
     "health ministry said 35 people were killed in Saudi-led coalition air strikes on Saada on "
     "Monday.", [("Saada", 35, 40)]),
    ("Russian missiles killed 40 people in Kramatorsk on Monday, officials said. Ukraine's "
     "emergency service said 35 people were killed by the Russian missile strike on Kramatorsk "
     "on Monday.", [("Kramatorsk", 35, 40)]),
])
def test_two_figures_for_one_strike_give_the_lowest_to_the_highest(extractor, text, expected):
    found = extractor.extract(document(text, "2016-09-24")).strikes
    assert [(m.place_text, m.casualties.killed.min, m.casualties.killed.max) for m in found] == expected


def test_a_later_update_still_replaces_the_first_figure(extractor):
    text = ("Israeli strikes on a house in Rafah killed 12 people on Tuesday, medics said. The "
            "death toll from the strike on the house in Rafah rose to 15 on Tuesday, medics said.")
    found = extractor.extract(document(text, "2016-09-24")).strikes
    assert [(m.place_text, m.casualties.killed.min, m.casualties.killed.max) for m in found] == \
        [("Rafah", 15, 15)]


@pytest.mark.parametrize(("text", "expected"), [
    # a place told earlier that day, named again only as where the new one lies, takes no
    # share of the toll told next: the new place's strike does
    ("Russian jets bombed Aleppo on Friday. Russian raids were concentrated on the Castello road "
     "the last supply route into the city of Aleppo on Friday. The road was hit with over 100 "
     "missiles. Three civilians were killed.", [("Aleppo", None, None), ("Castello", 3, None)]),
    ("Israeli jets bombed Khan Younis on Tuesday. Israeli jets then struck a school in Bani "
     "Suheila east of Khan Younis on Tuesday. Seven people were killed.", [("Bani Suheila", 7, None)]),
    # named as a second target, the town told before is a second strike: the toll is neither's
    ("Israeli jets bombed Khan Younis on Tuesday. Israeli jets then struck a school in Bani "
     "Suheila and a house in Khan Younis on Tuesday. Seven people were killed.",
     [("Khan Younis", None, None), ("Bani Suheila", None, None)]),
])
def test_a_place_told_before_named_as_where_the_new_one_lies_takes_no_share(extractor, text, expected):
    assert _strikes(extractor, text) == expected


def _placed(extractor, text: str, country: str | None = None) -> list[tuple]:
    found = extractor.extract(document(text, "2016-08-09")).strikes
    return sorted((m.place_text, m.casualties.killed.min, m.date.isoformat()) for m in found
                  if country is None or (m.attacker and m.attacker.country == country))


@pytest.mark.parametrize(("text", "expected"), [
    # a strike told with its toll and day at an unnamed site ("A school ..."), placed in the
    # next sentence, which speaks of "the school": one strike, its toll and day the first's
    ("A school run by a charity was hit by Saudi-led coalition air strikes on Saturday that "
     "killed 10 children, the charity said on Monday. The school in Haydan was hit by two "
     "strikes, the charity said.", [("Haydan", 10, "2016-08-06")]),
    ("A hospital was destroyed by Russian air strikes on Saturday that killed 13 people, a "
     "medical charity said on Monday. The hospital in Kafr Nabl was hit directly by two "
     "airstrikes, the charity said.", [("Kafr Nabl", 13, "2016-08-06")]),
    # another site ("a bakery"), told as new: another strike, no toll of the first's
    ("A hospital was destroyed by Russian air strikes on Saturday that killed 13 people, a "
     "medical charity said on Monday. A bakery in Kafr Nabl was hit by two airstrikes, the "
     "charity said.", [("Kafr Nabl", None, "2016-08-09")]),
])
def test_an_unplaced_strike_at_a_site_is_placed_where_the_site_is_told_again(extractor, text, expected):
    assert _placed(extractor, text) == expected


@pytest.mark.parametrize(("text", "country", "expected"), [
    # page furniture before a site's kind ("Tags ... A hospital") reads it as the strike's
    # place; the site told again further on ("the hospital in Kupiansk") is where it was, and
    # the region written right after it, its comma lost, holds it: no strike of its own
    ("Tags Kharkiv Russia missiles A hospital in a frontline district of eastern Ukraine was "
     "destroyed by Russian missiles over the weekend that killed 6 people the health ministry "
     "said on Monday. Among the dead were two nurses. The ministry said that the hospital in "
     "Kupiansk Kharkiv region was hit directly by two missiles.", "RU",
     [("Kupiansk", 6, "2016-08-06")]),
    ("Tags Idlib Syria Russia A hospital run by a medical charity in a rebel-held province of "
     "northern Syria was destroyed by Russian airstrikes over the weekend that killed 13 people "
     "the charity said on Monday. Among the dead were four staff. The charity said that the "
     "hospital in Kafr Nabl Idlib province was hit directly by two airstrikes.", "RU",
     [("Kafr Nabl", 13, "2016-08-06")]),
])
def test_a_strike_at_an_unnamed_site_is_the_one_placed_at_that_site_next(extractor, text, country, expected):
    assert _placed(extractor, text, country) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the site told again by its head word, one word between ("the military base" ... "The
    # militia base", "a military base" ... "The base in Yavoriv")
    ("Israeli jets struck the military base of a militia in the hills, killing three fighters, "
     "local media said. The militia base was attacked on Sunday near the town of Khan Arnabah in "
     "Quneitra province, the monitor said.", [("Khan Arnabah", 3, "2016-08-07")]),
    ("Russian missiles struck a military base overnight, killing 4 servicemen, the regional "
     "governor said. The base in Yavoriv was hit by two missiles, he said.", [("Yavoriv", 4, "2016-08-09")]),
    ("Russian missiles struck a military base overnight, killing 4 servicemen, the regional "
     "governor said. A school in Yavoriv was hit by two missiles, he said.", [("Yavoriv", None, "2016-08-09")]),
])
def test_the_site_told_again_by_its_head_word_takes_the_toll(extractor, text, expected):
    assert _placed(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a strike with no place, then "the incident" at one place: placed there, with the first
    # sentence's day, attacker and toll (the gate reads the second sentence for it)
    ("Houthi officials said an air strike late on Wednesday by the Saudi-led coalition hit a "
     "fuel depot that killed 14 workers. The incident in the port city of Hodeidah drew "
     "condemnation, the officials said.", [("Hodeidah", 14, "2016-08-03")]),
    ("The army said a coalition air strike late on Wednesday hit a weapons depot that killed "
     "\"dozens of militants.\" The incident near the town of Mayadin proved the militants held "
     "chemical weapons, the army said.", [("Mayadin", 24, "2016-08-03")]),
    # no place, or no pointing back: left unplaced
    ("Ukrainian officials said a Russian missile strike late on Wednesday hit a grain terminal "
     "that killed 3 workers. The incident drew condemnation, officials said.", []),
])
def test_the_incident_at_a_place_places_the_strike_told_before(extractor, text, expected):
    assert _placed(extractor, text) == expected
