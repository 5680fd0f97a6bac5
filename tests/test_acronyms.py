"""A group's capitalised name that is also an English word ("IS") is read as the group, not
as the verb, whatever war the sentence comes from (Syria/Turkey border, Iraq, the Sahel); and
text written all in capitals keeps the word a word."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.models import Document, Segment
from strikewatch.nlp import load_pipeline


def strikes(extractor: Extractor, text: str) -> list[tuple[str | None, str]]:
    doc = Document(id="t", text=text, segments=(Segment("body", 0, len(text)),), content_hash="t",
                   published=date(2016, 4, 3))
    return [(m.attacker.name if m.attacker else None, m.place_text)
            for m in extractor.extract(doc).strikes]


@pytest.mark.parametrize("text, expected", [
    # the parse had "IS" as the verb at the root: no strike, or no attacker
    ("IS rockets hit Kilis, wounding two people.", ("Islamic State", "Kilis")),
    ("IS shelled Kobani, killing three civilians.", ("Islamic State", "Kobani")),
    ("IS mortars hit the Iraqi town of Tal Afar.", ("Islamic State", "Tal Afar")),
    ("IS fighters shelled Menaka with mortars on Sunday.", ("Islamic State", "Menaka")),
])
def test_is_at_the_start_of_a_sentence_is_the_group(extractor, text, expected):
    assert strikes(extractor, text) == [expected]


def test_a_headline_in_capitals_keeps_is_a_verb():
    nlp = load_pipeline()
    doc = nlp("THE TOWN IS UNDER FIRE FROM ARTILLERY")
    assert next(t for t in doc if t.text == "IS").norm_ == "is"
    assert next(t for t in nlp("IS fighters shelled Kobani.") if t.text == "IS").norm_ == "isis"
