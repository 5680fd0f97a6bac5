"""Place misreadings that cross wars: a person's name after an office, a body's acronym, a dam
named after a river or a town, a name two countries' towns share, Russian and Ukrainian
spellings of one town, border namesakes (Rafah), and places GeoNames' cities lack (south
Lebanon's villages, the Golan Heights). Each rule on its war and a second war; the
sentences are written for these tests in the shape such reports take."""

from __future__ import annotations

import pytest

from strikewatch.geo import Gazetteer, Unresolved, geocode_mentions
from strikewatch.models import Document, Place, Segment, Span, StrikeMention

# GeoNames ids of the places the answers must be
CHUHUIV, VOVCHANSK, BAKHMUT, NOVA_KAKHOVKA_LAT = 710374, 689304, 713174, 46.75966
RAFAH_GAZA, RAFAH_SINAI, GAZA_CITY, JENIN = 281102, 350350, 281133, 283506


def _placed(gaz: Gazetteer, sentence: str, place: str, *, country: str | None = None,
            text: str | None = None) -> Place | None:
    text = text or sentence
    start = text.index(sentence)
    i = start + sentence.index(place)
    m = StrikeMention(doc_id="t", sentence=Span(start, start + len(sentence), sentence),
                      place_text=place, place_span=Span(i, i + len(place), place), attacker=None)
    [out] = geocode_mentions([m], gaz, country_hint=country, document_text=text)
    return out.place


def _document(text: str, title: str | None = None) -> Document:
    parts = ([title] if title else []) + [text]
    segments, pos = [], 0
    for i, part in enumerate(parts):
        segments.append(Segment("title" if title and i == 0 else "body", pos, pos + len(part)))
        pos += len(part) + 2
    return Document(id="t", text="\n\n".join(parts), segments=tuple(segments),
                    content_hash="t", title=title)


def _strike_places(extractor, text: str, title: str | None = None) -> list[tuple[str, Place | None]]:
    doc = _document(text, title)
    mentions = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer,
                                document_text=doc.text)
    return [(m.place_text, m.place) for m in mentions]


# --------------------------------------------------------------------- a body's acronym


@pytest.mark.parametrize("acronym", ["OVA", "SAF", "IDF", "PDF"])
def test_an_airport_code_is_no_name_of_its_town(gaz, acronym):
    """GeoNames lists IATA codes among towns' names: OVA (Bekily, Madagascar), SAF (Santa Fe),
    IDF (Idiofa), PDF (Prado): a regional military administration, the Sudanese Armed
    Forces, the Israel Defense Forces and Myanmar's People's Defence Forces in the news."""
    assert not gaz.lookup(acronym)
    assert isinstance(gaz.resolve(acronym), Unresolved)


@pytest.mark.parametrize("text,country", [
    ("Russian drones struck Sumy overnight, the OVA said.", "UA"),
    ("SAF warplanes bombed a market in Nyala, the RSF said.", "SD"),
])
def test_a_story_quoting_a_body_by_its_acronym_stays_in_its_country(extractor, text, country):
    found = _strike_places(extractor, text)
    assert found and all(p is not None and p.country == country for _, p in found), found


