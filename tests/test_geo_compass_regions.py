"""A directional region of a country ("east Ukraine", "northern Syria") is a region, never a
town: region precision, no GeoNames town, and a point inside the part of the country that
the words name. Each rule on two wars."""

from __future__ import annotations

import pytest

from strikewatch.geo.cues import _distance_km
from strikewatch.models import Place


@pytest.mark.parametrize(("name", "country"), [
    ("east Ukraine", "UA"), ("eastern Ukraine", "UA"), ("northern Syria", "SY"),
    ("eastern Syria", "SY"), ("north Yemen", "YE"),
])
def test_a_directional_region_is_a_region_not_a_town(gaz, name, country):
    p = gaz.resolve(name)
    assert isinstance(p, Place), p
    assert (p.country, p.precision, p.geonameid) == (country, "region", None)


@pytest.mark.parametrize("name", ["east Ukraine", "eastern Ukraine", "East Ukraine"])
def test_eastern_ukraine_lies_among_the_oblasts_every_definition_includes(gaz, name):
    """Kharkiv, Donetsk and Luhansk oblasts (Wikipedia, "Eastern Ukraine"); the compass
    computation over all 27 province capitals put it near Dnipro, west of all three."""
    p = gaz.resolve(name)
    assert isinstance(p, Place), p
    dnipro = (48.45, 35.04)
    for capital in ((49.98, 36.25), (48.02, 37.80), (48.57, 39.31)):  # Kharkiv, Donetsk, Luhansk
        assert _distance_km((p.lat, p.lon), capital) < _distance_km(dnipro, capital)
    assert _distance_km((p.lat, p.lon), dnipro) > 150


def test_the_east_of_a_ukrainian_story_is_eastern_ukraine_and_of_a_syrian_one_syrias(gaz):
    ua, sy = gaz.resolve("the east", country="UA"), gaz.resolve("the east", country="SY")
    assert isinstance(ua, Place) and isinstance(sy, Place)
    assert (ua.country, ua.precision) == ("UA", "region")
    assert (sy.country, sy.precision) == ("SY", "region")
    assert sy.lon > 38.5  # the Euphrates side, east of Aleppo and Homs
