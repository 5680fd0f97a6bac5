"""Strike or not, and honest tolls, on a corpus of written-for-the-test reports from many wars
(tests/fixtures/strikes/README.md): each text must give exactly its strike mentions (place,
toll, civilians, event type) and the statistic claims of its periods."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strikewatch.models import Document, Segment

CORPUS = Path(__file__).parent / "fixtures" / "strikes" / "sentences.jsonl"
CASES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def _document(case: dict) -> Document:
    segments, pos = [], 0
    for para in case["text"].split("\n\n"):
        segments.append(Segment("body", pos, pos + len(para)))
        pos += len(para) + 2
    return Document(id=case["id"], text=case["text"], segments=tuple(segments),
                    content_hash=case["id"], published=date.fromisoformat(case["published"]))


def _case(case: dict):
    marks = [pytest.mark.xfail(reason=case["known_failure"], strict=True)] \
        if case.get("known_failure") else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 40
    assert len({c["war"] for c in CASES}) >= 5
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [_case(c) for c in CASES])
def test_each_report_gives_its_records(extractor, case):
    got = extractor.extract(_document(case))
    strikes = sorted((m.place_text, m.casualties.killed.min, m.casualties.killed.max,
                      m.casualties.civilians_killed.min, m.event_type) for m in got.strikes)
    expected = sorted((s["place"], s["killed_min"], s["killed_max"], s["civilians_min"],
                       s["event_type"]) for s in case["strikes"])
    assert strikes == expected
    periods = {c.period for c in got.claims if c.kind == "statistic" and c.period}
    assert periods == set(case["statistics"])


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_each_strike_keeps_the_words_that_place_it(extractor, case):
    # the geocoder reads a place's container in the words after it ("Haydan in Saada
    # province"): a mention's place must be the words its place span covers, in its sentence
    doc = _document(case)
    for m in extractor.extract(doc).strikes:
        span = m.place_span
        assert m.sentence.start <= span.start and span.end <= m.sentence.end, m.place_text
        assert doc.text[span.start:span.end] == m.place_text
