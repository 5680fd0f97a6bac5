"""Captions and log entries under a place title, as incident logs and footage catalogues write
them, and the same shapes in other wars' feeds. Each rule is tested on sentences from two wars
at least. The sentences are written for these tests in the shape such reports take; none is
copied from a corpus."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment


def item(text: str, *, title: str | None = None, published: str = "2023-03-01") -> Document:
    """A log entry as ingest stores it: the title first, then the text."""
    parts = ([title] if title else []) + [text]
    segments, pos = [], 0
    for i, part in enumerate(parts):
        segments.append(Segment("title" if title and i == 0 else "body", pos, pos + len(part)))
        pos += len(part) + 2
    return Document(id="t", text="\n\n".join(parts), segments=tuple(segments), content_hash="t",
                    title=title, published=date.fromisoformat(published))


def places(extractor: Extractor, text: str, **kw) -> list[str]:
    return sorted(m.place_text for m in extractor.extract(item(text, **kw)).strikes)


def geocoded(extractor: Extractor, text: str, **kw) -> list[tuple[str | None, str | None]]:
    doc = item(text, **kw)
    found = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer,
                             document_text=doc.text)
    return sorted((m.place.name if m.place else None, m.place.country if m.place else None)
                  for m in found)


# ------------------------------------------------------- the title writes the text's place in full


@pytest.mark.parametrize(("title", "text"), [
    ("Vesele (Kherson Oblast)", "A school in Vesele was destroyed."),
    ("Bortnychi (Darnytskyi district), Kyiv", "Crater left by a missile impact in Bortnychi, Kyiv"),
    ("Saada, Sahar district", "Houses in Saada hit by artillery."),                     # Yemen
    ("Beit Lahia, North Gaza", "Rubble of a house in Beit Lahia after an air strike."),  # Gaza
])
def test_a_place_the_title_writes_with_its_container_is_the_titles(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


@pytest.mark.parametrize(("title", "text", "place"), [
    ("Kharkiv Oblast", "Shelling of a school in Izium.", "Izium"),
    ("Idlib province", "Shelling of a school in Ariha.", "Ariha"),
])
def test_a_place_the_title_does_not_name_stays_the_texts(extractor, title, text, place):
    assert places(extractor, text, title=title) == [place]


# ------------------------------------------------------------------- titles typed as they come


@pytest.mark.parametrize(("title", "text", "town"), [
    ("kharkiv", "Reported double tap strike killed three first responders.", "Kharkiv"),
    ("gaza city", "Reported double tap strike killed three paramedics.", "Gaza"),
])
def test_a_title_typed_in_lower_case_is_still_the_place(extractor, title, text, town):
    assert [name for name, _ in geocoded(extractor, text, title=title)] == [town]


def test_a_lower_case_title_that_is_no_town_places_nothing(extractor):
    assert places(extractor, "Strike killed three.", title="explosion") == []


@pytest.mark.parametrize(("title", "text"), [
    ("Deir al-Balah", "Rubble of a house after an air strike."),    # Gaza
    ("Deir ez-Zor", "Smoke rising after an air strike."),            # Syria
])
def test_a_title_with_a_joined_article_is_a_place_title(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


# ------------------------------------------------------------- a victim is no place


@pytest.mark.parametrize(("title", "text", "town"), [
    ("Petrovsky district of Donetsk", "Man reportedly injured after a munition was dropped from a "
     "small drone in the car park of a shopping centre.", "Donetsk"),
    ("Deir al-Balah", "Man reportedly injured after a munition was dropped from a drone in the car "
     "park of the market.", "Dayr al Balaḩ"),
])
def test_a_name_that_was_hurt_is_a_person_not_a_place(extractor, title, text, town):
    assert [name for name, _ in geocoded(extractor, text, title=title)] == [town]
