"""The naive baseline that ``make eval`` scores beside strikewatch: spaCy's entities in
sentences holding a trigger word, looked up among GeoNames cities. Sentences are written in the
shape of wire reports from several wars (Syria, Ukraine, Iraq); the baseline must stay naive
(no syntax) but still produce well-formed incidents the shared scorer can read."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.baseline import NaiveBaseline, toll
from strikewatch.models import Document

SCORER_FIELDS = {"date", "attacker", "location", "targets", "fatalities", "event_type", "mentions"}


@pytest.fixture(scope="module")
def baseline() -> NaiveBaseline:
    return NaiveBaseline()


def document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, text=text, segments=(), content_hash=doc_id,
                    published=date(2016, 10, 7), source="wire")


def incidents(baseline: NaiveBaseline, text: str) -> list[dict]:
    return list(baseline.incidents([document("d1", text)]))


def test_syrian_strike_sentence_gives_the_city_day_and_toll(baseline):
    found = incidents(baseline, "Syrian government helicopters dropped barrel bombs on Aleppo, "
                                "Syria, killing 12 civilians.")
    assert [(i["location"]["name"], i["location"]["country"]) for i in found] == [("Aleppo", "SY")]
    assert found[0]["fatalities"]["min"] == 12
    assert found[0]["date"] == "2016-10-07"


def test_ukrainian_artillery_sentence_gives_the_town(baseline):
    found = incidents(baseline, "Russian forces fired artillery at Kupiansk, Kharkiv, hitting "
                                "civilian infrastructure.")
    assert [i["location"]["country"] for i in found] == ["UA"]
    assert found[0]["attacker"]["country"] == "RU"
    assert found[0]["fatalities"]["min"] is None


def test_one_incident_per_city_in_a_document(baseline):
    found = incidents(baseline, "Air strikes hit Mosul on Monday, leaving 14 people dead. "
                                "Another strike hit Mosul later.")
    assert [i["location"]["name"] for i in found] == ["Mosul"]
    assert found[0]["fatalities"]["min"] == 14
    assert found[0]["mentions"][0]["doc_id"] == "d1"


def test_sentence_without_a_trigger_word_gives_nothing(baseline):
    assert incidents(baseline, "Peace talks on Syria resumed in Geneva on Monday.") == []


def test_records_carry_every_field_the_scorer_reads(baseline):
    found = incidents(baseline, "Russian jets bombed the city of Homs on Sunday.")
    assert found and SCORER_FIELDS <= set(found[0])
    assert found[0]["attacker"] == {"name": "Russian Armed Forces", "country": "RU"}
    assert isinstance(found[0]["location"]["lat"], float)


def test_toll_reads_a_number_before_or_after_the_toll_word(baseline):
    nlp = baseline.nlp
    assert toll(next(nlp("The strike killed 7 people in Idlib.").sents)) == 7
    assert toll(next(nlp("At least 23 people were killed in Gaza City.").sents)) == 23
    assert toll(next(nlp("The 120mm mortar hit a school in 2016.").sents)) is None
