"""The gazetteer index stores each place's own name as geocoding compares it (its normalised
key and that key's skeleton), so a lookup reads whether a name spells a place's own name
instead of normalising every place it reads. These tests pin that the stored keys are
names.py's own, and that the answers they feed are the ones reports of two wars need.

The sentences are written for these tests in the shape such reports take; none is copied
from a corpus."""

from __future__ import annotations

import pytest

from strikewatch.geo import Unresolved, normalize, skeleton
from strikewatch.geo.names import _own_name
from strikewatch.models import Place


@pytest.mark.parametrize("name", [
    # Syrian names: transliterations, an article, a town that is another place's other name
    "Deir al-Zour", "Dayr az Zawr", "Ariha", "Homs", "Saraqib",
    # Ukrainian names: a Russian spelling, a town that is another town's old name
    "Kiev", "Kharkov", "Human", "Mariupol", "Chuguev",
])
def test_a_place_read_by_key_or_skeleton_is_own_exactly_when_its_name_says_so(gaz, name):
    key = normalize(name)
    read = [("name", key, skeleton(key)), ("skel", skeleton(key), skeleton(key))]
    for table, asked, skel in read:
        cands = gaz._fetch(table, asked, None)
        assert cands, (table, asked)
        assert [c.own for c in cands] == [_own_name(c.name, asked, skel) for c in cands]
        assert [c.key for c in cands] == [normalize(c.name) for c in cands]


@pytest.mark.parametrize(("name", "country"), [("Ariha", "PS"), ("Human", "UA")])
def test_a_name_that_is_another_place_s_other_name_is_not_its_own(gaz, name, country):
    # Jericho is also called Ariha (the Syrian town's name); Uman was Human
    abroad = [c for c in gaz._fetch("name", normalize(name), None) if c.country == country]
    assert abroad and not any(c.own for c in abroad)


def test_the_stored_keys_are_the_normalised_name_and_its_skeleton(gaz):
    rows = gaz._con.execute(
        "SELECT name, own_key, own_skel FROM entity WHERE country IN ('SY', 'UA', 'YE') "
        "AND kind IN ('city', 'admin1', 'admin2') ORDER BY id LIMIT 3000").fetchall()
    assert len(rows) == 3000
    assert [(normalize(n), skeleton(normalize(n))) for n, _, _ in rows] == \
        [(k, s) for _, k, s in rows]


@pytest.mark.parametrize(("name", "sentence", "country", "admin1"), [
    # an alternate name abroad (Jericho's) yields to the town so called at home
    ("Ariha", "Regime jets bombed a market in Ariha on Monday.", "SY", "Idlib"),
    # the Russian spelling of the capital is a spelling of its own name
    ("Kiev", "Russian missiles struck Kiev overnight, the mayor said.", "UA", "Kyiv City"),
    # an Arabic name spelt as the index does not: found through the skeleton
    ("Saraqeb", "Barrel bombs fell on Saraqeb, activists said.", "SY", "Idlib"),
])
def test_names_of_two_wars_are_placed_with_the_stored_keys(gaz, name, sentence, country,
                                                           admin1):
    place = gaz.resolve(name, country=country, context=sentence)
    assert isinstance(place, Place), place
    assert place.admin1 == admin1


@pytest.mark.parametrize(("name", "country", "closer", "farther"), [
    # the skeleton's places are weighed by how alike their own names are spelt
    ("Al-Jufra", "LY", "Al Jufrah", "Jafarah"),
    ("Chuguiev", "UA", "Chuhuyiv", None),
])
def test_spellings_are_compared_on_the_stored_key(gaz, name, country, closer, farther):
    key = normalize(name)
    found = {c.name: c for c in gaz._fetch("skel", skeleton(key), None) if c.country == country}
    assert closer in found
    assert gaz._similarity(key, found[closer]) >= 0.8
    if farther is not None:
        assert gaz._similarity(key, found[farther]) < gaz._similarity(key, found[closer])


def test_a_near_miss_inside_a_named_province_reads_the_stored_keys(gaz):
    dhamar = gaz.resolve("Dhamar", country="YE", level="admin1")
    assert isinstance(dhamar, Place)
    assert gaz.resolve("Maghrin Ans", country="YE", near=[dhamar]).admin1 == "Dhamar"
    assert isinstance(gaz.resolve("Maghrin Ans", country="YE"), Unresolved)
