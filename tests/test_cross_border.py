"""Fire across a border: a story of one side's strikes that also tells of fire the other way
(rockets from Gaza on Sderot, from Lebanon on Kiryat Shmona, drones on Belgorod in a story of
Kharkiv). The town across the border is read where it is, and the story's striking force is
not carried onto its own state's soil. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from test_sweep_sources import read

STORIES = [
    # Gaza / Israel
    ("At least 22 people were killed in an Israeli air strike on tents in Khan Younis, the "
     "Gaza civil defence agency said. Rockets were fired from Gaza towards Sderot; the Israeli "
     "military said two were intercepted and no injuries were reported.",
     ("Khan Younis", "PS", "IL"), ("Sderot", "IL", None)),
    # Lebanon / Israel
    ("An Israeli strike on a house in Nabatieh killed four people, Lebanon's health ministry "
     "said. Rockets later hit Kiryat Shmona, wounding a woman.",
     ("Nabatieh", "LB", "IL"), ("Kiryat Shmona", "IL", None)),
    # Ukraine / Russia
    ("Russian glide bombs hit Kharkiv on Monday, killing three. Explosions were reported in "
     "Belgorod overnight after a drone attack.",
     ("Kharkiv", "UA", "RU"), ("Belgorod", "RU", None)),
]


@pytest.mark.parametrize(("text", "first", "second"), STORIES)
def test_fire_the_other_way_is_placed_across_the_border_and_not_the_story_forces(
        extractor, text, first, second):
    found = read(extractor, text, "2024-05-10").strikes
    assert [(s.place, s.country, s.attacker_country) for s in found] == [first, second]


@pytest.mark.parametrize(("text", "attackers"), [
    # Syria: a state striking its own land in a civil war keeps its strikes
    ("Syrian government jets bombed Idlib on Sunday. They later struck Maarat al-Numan, "
     "killing five.", ["SY", "SY"]),
    # Sudan: the same in another war
    ("The Sudanese army bombed RSF positions in Nyala on Sunday. Its jets later struck "
     "El Daein, killing five.", ["SD", "SD"]),
])
def test_a_state_striking_its_own_land_keeps_its_later_strikes(extractor, text, attackers):
    found = read(extractor, text, "2024-05-10").strikes
    assert [s.attacker_country for s in found] == attackers


def test_a_hamlet_across_the_border_stays_a_place_of_the_storys_country(extractor):
    """A name the story's country lacks is read abroad only as a sizeable town: a hamlet's
    namesake across a border is more likely a village the gazetteer lacks."""
    text = ("Syrian government jets bombed Idlib on Sunday. Shells hit the village of "
            "Tomruksuyu, killing two.")  # a Hatay hamlet's name, 20 km from Idlib province
    found = read(extractor, text, "2024-05-10").strikes
    assert all(s.country in (None, "SY") for s in found)
