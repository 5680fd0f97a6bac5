"""A venue of talks, statements or protests is never where a strike fell, not even when a
feed item's place is unknown and the geocoder looks for the nearest place its sentence names
(Syria's talks in Geneva, Gaza's in Cairo)."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment


def places(extractor: Extractor, title: str, text: str) -> list[str]:
    whole = f"{title}\n\n{text}"
    doc = Document(id="t", text=whole, segments=(Segment("title", 0, len(title)),
                                                 Segment("body", len(title) + 2, len(whole))),
                   content_hash="t", title=title, published=date(2016, 3, 1))
    mentions = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer, document_text=whole)
    return [m.place.name for m in mentions if m.place]


@pytest.mark.parametrize("text", [
    "Peace talks in Geneva collapsed as Russian airstrikes continued.",
    "Ceasefire talks in Cairo stalled as Israeli air strikes continued.",
    "Protesters rallied at the embassy in London as the shelling went on.",
])
def test_an_unknown_title_is_not_placed_at_a_venue(extractor, text):
    assert places(extractor, "Update", text) == []


def test_an_unknown_village_still_takes_the_town_its_sentence_names(extractor):
    assert places(extractor, "Update", "Russian jets bombed Kafr Ubaydah near Jisr al-Shughur.") \
        == ["Jisr ash Shughūr"]


@pytest.mark.parametrize("text", [
    # Ukraine: an attacker's statement that leaves out the city the local reports name
    'The Russian Defence Ministry said its forces had carried out a "group strike with '
    'high-precision weapons" on Ukrainian military-industrial facilities, and did not mention '
    "Dnipro.",
    # Yemen, Lebanon, Sudan: the same silence in other words
    "The Saudi-led coalition said its jets had destroyed a drone workshop, but made no mention "
    "of Saada.",
    "The Israeli military said it had struck Hezbollah targets overnight without mentioning Tyre.",
    "The army said it had shelled RSF positions, without specifying Omdurman.",
])
def test_a_place_a_statement_only_speaks_of_is_no_strike_place(extractor, text):
    """Placed there, the statement's strike would join the local reports' strike in that city
    and confirm it as the attacker's acknowledgement, the reverse of what the statement says."""
    assert places(extractor, "Update", text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("Russian missiles struck Dnipro on Saturday, killing 11.", "Dnipro"),
    ("Saudi-led coalition jets struck a market in Saada, residents said, in a raid the "
     "coalition did not mention.", "Sa'dah"),
])
def test_a_strike_place_stays_beside_a_statement_that_is_silent(extractor, text, place):
    assert places(extractor, "Update", text) == [place]
