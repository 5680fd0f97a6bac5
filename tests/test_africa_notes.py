"""Coders' notes from Africa's wars (tests/fixtures/notes/README.md): each note must be a
strike or not as written, and a strike must carry the attacker as ACLED codes it from the
note (a state's forces by ISO code, an unidentified group as unidentified, a group by name),
its place, province and day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strikewatch.actors import settle_attackers
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment, StrikeMention

NOTES = Path(__file__).parent / "fixtures" / "notes" / "africa-notes.jsonl"
CASES = [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines()]
UNIDENTIFIED = "unidentified"


def _note(case: dict) -> Document:
    text = case["text"]
    return Document(id=case["id"], text=text, segments=(Segment("body", 0, len(text)),),
                    content_hash=case["id"], published=date.fromisoformat(case["published"]))


def read_note(extractor, gaz, case: dict) -> list[StrikeMention]:
    """The strikes of one note as the pipeline leaves them: extracted, geocoded, and the
    attackers named by the territory's forces settled."""
    doc = _note(case)
    mentions = geocode_mentions(extractor.extract(doc).strikes, gaz, document_text=doc.text)
    return settle_attackers(mentions)


def attacker_code(m: StrikeMention) -> str | None:
    """The attacker as the gold codes it; an unidentified group (or none named) is one."""
    if m.attacker is None or UNIDENTIFIED in m.attacker.name.lower():
        return UNIDENTIFIED
    return m.attacker.code


def what_the_note_gives(m: StrikeMention) -> dict:
    place = m.place
    return {"attacker": attacker_code(m), "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "date": m.date.isoformat() if m.date else None}


def names_the_place(m: StrikeMention, place: str) -> bool:
    written = [m.place_text, m.place and m.place.name, m.place and m.place.unresolved_name]
    return any(w and place.lower() in w.lower() for w in written)


def test_the_notes_are_many_and_from_many_wars():
    assert len(CASES) >= 60
    assert len({c["war"] for c in CASES}) >= 10
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert 0.3 < sum(c["strike"] for c in CASES) / len(CASES) < 0.7


def _case(case: dict):
    marks = [pytest.mark.xfail(reason=case["known_failure"], strict=True)] \
        if case.get("known_failure") else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_case(c) for c in CASES])
def test_each_note_gives_its_strike_or_none(extractor, gaz, case):
    mentions = read_note(extractor, gaz, case)
    if not case["strike"]:
        assert [m.place_text for m in mentions] == []
        return
    expected = {k: case[k] for k in ("attacker", "country", "admin1", "date")}
    assert mentions, "no strike"
    assert [what_the_note_gives(m) for m in mentions] == [expected] * len(mentions)
    assert any(names_the_place(m, case["place"]) for m in mentions)
