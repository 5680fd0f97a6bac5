"""A name completed by an Arabic genitive ("Mashhad al-Kallasa", an Aleppo district; "Mosul
al-Jadida", a Mosul neighbourhood) is not the town that its first word also names: the strike
keeps the city the sentence puts it in, and the first word casts no vote for another country
(Mashhad is also a city in Iran). Sentences from Syria and Iraq."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment


def placed(extractor: Extractor, text: str) -> list[tuple[str, str, str]]:
    doc = Document(id="t", text=text, segments=(Segment("body", 0, len(text)),), content_hash="t",
                   published=date(2016, 3, 1))
    mentions = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer, document_text=text)
    return [(m.place.name, m.place.country, m.place.admin1) for m in mentions if m.place]


@pytest.mark.parametrize("text, expected", [
    ("Regime barrel bombs struck Mashhad al-Kallasa in Aleppo, killing four.", ("Aleppo", "SY", "Aleppo")),
    ("Barrel bombs struck the Mashhad al-Kallasa district of Aleppo.", ("Aleppo", "SY", "Aleppo")),
    ("Coalition air strikes hit Mosul al-Jadida in western Mosul, killing 12 civilians.",
     ("Mosul", "IQ", "Ninawa")),
])
def test_a_genitive_name_stays_in_its_city(extractor, text, expected):
    assert placed(extractor, text) == [expected]
