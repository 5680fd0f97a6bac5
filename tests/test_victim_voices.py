"""Who speaks is not who struck. A belligerent that reports what hit its own side ("One hit a
school in Gedera, the Israeli army said") names no attacker of its own; a munition joined to
another ("27 drones and five missiles") has the same launcher; and a force named only as a
voice ("Ukraine's air force said") is no attacker the text names. Sentences are written for
these tests in the shape wire reports take, from several wars; none is copied from a corpus."""

from __future__ import annotations

import pytest

from test_extract_wars import item


def attackers(extractor, text: str) -> dict[str, str | None]:
    return {m.place_text: m.attacker and m.attacker.name
            for m in extractor.extract(item(text)).strikes}


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Iran fired more than 180 ballistic missiles at Israel on Tuesday night. One hit a school "
     "in Gedera, the Israeli army said.", "Gedera", "Iranian Armed Forces"),
    ("Hezbollah fired dozens of rockets at northern Israel on Sunday. One struck a house in "
     "Kiryat Shmona, wounding two people, the Israeli military said.", "Kiryat Shmona", "Hezbollah"),
    ("Russia fired 27 Shahed drones and five missiles at Ukraine overnight, Ukraine's air force "
     "said on Thursday. A missile hit an energy facility in the Dnipropetrovsk region, injuring "
     "two workers, governor Serhiy Lysak said.", "Dnipropetrovsk region", "Russian Armed Forces"),
])
def test_a_side_reporting_what_hit_it_names_the_force_that_fired(extractor, text, place, attacker):
    assert attackers(extractor, text) == {place: attacker} | (
        {"northern Israel": "Hezbollah"} if place == "Kiryat Shmona" else {})


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia's defence ministry said strikes were carried out on Aleppo, Idlib and Hama.",
     dict.fromkeys(["Aleppo", "Idlib", "Hama"], "Russian Armed Forces")),
    ("The Israeli military said strikes hit Hezbollah sites in Nabatieh overnight.",
     {"Nabatieh": "Israel Defense Forces"}),
])
def test_a_belligerent_voice_with_no_one_else_named_claims_its_own_strikes(extractor, text, expected):
    assert attackers(extractor, text) == expected


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Hezbollah launched drones and anti-tank missiles at Metula on Sunday, the Israeli military "
     "said.", "Metula", "Hezbollah"),
    ("Russia launched 27 Shahed drones and five missiles at Ukraine overnight, Ukraine's air force "
     "said on Thursday. A missile hit an energy facility in the Dnipropetrovsk region, injuring "
     "two workers, governor Serhiy Lysak said.", "Dnipropetrovsk region", "Russian Armed Forces"),
])
def test_munitions_joined_to_the_verbs_object_share_its_launcher(extractor, text, place, attacker):
    assert attackers(extractor, text) == {place: attacker}


@pytest.mark.parametrize("text", [
    "Ukraine's air force said it had shot down 20 of the 25 drones launched overnight.\n\n"
    "An air strike on a village in the Kharkiv region killed two people, local officials said.",
    "The Israeli military said its air defences intercepted most of the projectiles.\n\n"
    "An air strike on a house in Majdal Shams killed three children, according to residents.",
])
def test_a_force_named_only_as_a_voice_is_not_the_one_air_power_named(extractor, text):
    assert list(attackers(extractor, text).values()) == [None]
