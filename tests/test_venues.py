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
