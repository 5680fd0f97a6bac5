"""What press offices' releases, humanitarian reports and short wire items tell, second round:
faults the lead noticed feeding strikewatch such texts as a new user would, each fixed at its
cause and pinned on sentences of two wars at least. The texts are written for these tests in
the shape such reports take; none is copied from a corpus or a real report.
"""

from __future__ import annotations

import pytest
from test_sweep_sources import read

UA, HOUTHIS = "Armed Forces of Ukraine", "Houthis"


def _strikes(extractor, text: str, day: str = "2025-05-10", title: str | None = None):
    return {c.place: c for c in read(extractor, text, day, title=title).strikes}


# ---------------------------------------------- "its drones called Liutyi hit": the thing called

@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Ukraine said its drones called Liutyi hit a refinery in Ryazan overnight.", "Ryazan", UA),
    ("The Houthis said their drones called Yafa hit a power station in Ashkelon.", "Ashkelon",
     HOUTHIS),
])
def test_a_weapon_with_its_name_after_called_is_what_struck(extractor, text, place, attacker):
    found = _strikes(extractor, text)
    assert set(found) == {place}
    assert found[place].attacker == attacker and found[place].claimed


@pytest.mark.parametrize("text", [
    "The children called Ahmad hit the ball in Gaza.",
    "The boy named Ali hit his brother in Aleppo.",
])
def test_a_person_called_by_name_who_hits_is_no_strike(extractor, text):
    assert not _strikes(extractor, text)
