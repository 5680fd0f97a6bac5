"""A state's demonym names its forces wherever they strike: without an entry, "Pakistani
military helicopters" fell to the territory rule and took the state of a namesake place."""

from __future__ import annotations

import pytest

from test_extract_wars import item


@pytest.mark.parametrize(("text", "attacker"), [
    ("Pakistani military helicopters shelled suspected TTP hideouts in Tirah valley, Khyber "
     "district.", "PK"),
    ("Indian Air Force jets struck targets in Muzaffarabad on Wednesday.", "IN"),
    ("Azerbaijani artillery shelled Stepanakert overnight, local officials said.", "AZ"),
    ("Afghan Taliban forces fired mortars at Pakistani border posts near Chaman.", "AF"),
])
def test_a_states_demonym_names_its_forces(extractor, text, attacker):
    strikes = extractor.extract(item(text)).strikes
    assert strikes and {m.attacker.code for m in strikes if m.attacker} == {attacker}
