"""Competing claims of responsibility (issue 11/#12): the accusations and denials in an
incident's own reports weigh in its grade, in Sudan, Lebanon and Ukraine alike. Every report
here is written for these tests."""

from __future__ import annotations

import json

import pytest

from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.fuse.blame import blame_of
from strikewatch.fuse.run import fuse_pending
from strikewatch.fuse.settings import FuseSettings
from strikewatch.models import ClaimMention, Span
from strikewatch.store import Store


def _doc(doc_id: str, day: str, outlet: str, text: str) -> dict:
    return {"id": doc_id, "published": day, "source": outlet, "title": "Strike report",
            "text": text}


def _incidents(tmp_path, docs: list[dict]) -> list[dict]:
    """The docs ingested, extracted, fused and exported as incidents."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    store = Store(str(tmp_path / "blame.db"))
    pipeline.ingest([str(feed)], store)
    pipeline.extract_pending(store)
    fuse_pending(store)
    out = [json.loads(line) for line in
           "".join(export_lines(store, fmt="jsonl", what="incidents")).splitlines()]
    store.close()
    return out


BLAMED = {
    "lebanon": [
        _doc("lb-wire", "2024-07-28", "Reuters",
             "A rocket strike on a football pitch in Majdal Shams killed 12 children on "
             "Saturday, medics said. Israel blamed Hezbollah for the attack; Hezbollah said "
             "an Israeli interceptor missile had hit the pitch."),
        _doc("lb-army", "2024-07-28", "Times of Israel",
             "A Hezbollah rocket hit a football pitch in Majdal Shams on Saturday, killing 12 "
             "children, the Israeli military said.")],
    "ukraine": [
        _doc("ua-wire", "2023-06-06", "Associated Press",
             "An explosion destroyed the dam in Nova Kakhovka in the Kherson region on Tuesday, "
             "killing at least 5 people, officials said. Ukraine blamed Russian forces for the "
             "attack; Russia said Ukrainian artillery had shelled the dam."),
        _doc("ua-tass", "2023-06-06", "TASS",
             "Ukrainian forces shelled the dam in Nova Kakhovka on Tuesday, killing 5 people, "
             "the Russian-installed mayor said.")],
}


@pytest.mark.parametrize("war", sorted(BLAMED))
def test_a_rival_blamed_in_a_report_makes_its_strike_contested(tmp_path, war):
    """One report names an attacker; the other names none in its strike sentence but blames
    or reports the rival ("Ukraine blamed Russian forces", "Hezbollah said an Israeli
    interceptor missile had hit the pitch"): two belligerents are said to have struck."""
    (incident,) = _incidents(tmp_path, BLAMED[war])
    assert incident["grade"] == "contested", incident["grade_reason"]
    assert "disagree on who struck" in incident["grade_reason"]


@pytest.mark.parametrize("text", [
    "A Hezbollah rocket hit a house in Kiryat Shmona on Sunday, killing 2 people, medics said. "
    "The Israeli military said it had struck Hezbollah positions in response.",
    "An RSF drone hit a power station in Atbara on Sunday, killing 2 people, residents said. "
    "The army said it had struck militia positions in response.",
])
def test_a_voice_speaking_of_its_own_strikes_contests_nothing(tmp_path, text):
    """Lebanon and Sudan: the other side saying what it struck in response is its account of
    its own strikes, not a claim that it struck this one ("the army" being Sudan's here)."""
    (incident,) = _incidents(tmp_path, [_doc("own", "2024-06-10", "Reuters", text)])
    assert incident["grade"] != "contested", incident["grade_reason"]


@pytest.mark.parametrize("text, denier", [
    ("An air strike hit a hospital in El Fasher on Monday, killing 9 people, doctors said. "
     "The Sudanese army denied its aircraft had struck the hospital.", "Sudanese Armed Forces"),
    ("An air strike hit a school in Deir al-Balah on Monday, killing 9 people, medics said. "
     "The Israeli military denied its aircraft had struck the school.", "Israel Defense Forces"),
])
def test_a_denial_is_set_against_the_report_of_the_strike(tmp_path, text, denier):
    """Sudan and Gaza: the army's denial after a report of the strike is named in the
    grade's reason, so an analyst reading the incident sees it."""
    (incident,) = _incidents(tmp_path, [_doc("deny", "2024-05-14", "Agence France-Presse",
                                             text)])
    assert "denied by" in incident["grade_reason"], incident["grade_reason"]
    assert denier.lower() in incident["grade_reason"].lower(), incident["grade_reason"]



def _claim(speaker: str, org: str | None, kind: str, about: str) -> ClaimMention:
    text = f"{speaker} said so."
    return ClaimMention(doc_id="d", span=Span(0, len(text), text), speaker=speaker, kind=kind,
                        org=org, role=None, about=about, quote=text, numbers=(), period=None)


@pytest.mark.parametrize("claim, blamed", [
    # a monitor's or medics' toll naming the attacker is a report, not a rival claim
    (_claim("the Syrian Observatory for Human Rights", None, "casualties", "RU"), False),
    (_claim("medics", None, "casualties", "SA"), False),
    # a belligerent telling what its rival struck, and anyone's accusation, are
    (_claim("the RSF", "Rapid Support Forces", "target", "SD"), True),
    (_claim("Hezbollah", "Hezbollah", "target", "IL"), True),
    (_claim("residents", None, "accusation", "MM"), True),
    (_claim("local officials", None, "accusation", "RU"), True),
])
def test_a_rival_claim_takes_an_accusation_or_a_belligerent_s_word(claim, blamed):
    """Syria, Yemen, Sudan, Lebanon, Myanmar, Ukraine: who a claim says struck weighs in the
    grade when a side says it of its rival or someone accuses; a monitor's toll that names
    the attacker follows the wrong strike, in a story of several attackers, as often as not."""
    blame = blame_of([claim], None, FuseSettings())
    assert (claim.about in blame.attackers) is blamed, blame


@pytest.mark.parametrize("title, text", [
    ("Leaders call on Russia to halt Syrian airstrikes against civilians",
     "Russian jets struck the town of Talbiseh in Homs province on Wednesday, activists said."),
    ("Kyiv accuses Moscow of shelling civilians",
     "Ukrainian artillery hit a market in Donetsk on Sunday, killing 3 people, the city's "
     "Russian-installed mayor said."),
])
def test_a_headline_s_claim_contests_no_strike_of_the_body(tmp_path, title, text):
    """Syria and Ukraine: a headline's accusation speaks of the whole story (and may name the
    war's other side, or be misread as it); it is no competing claim about the first strike
    the body tells."""
    doc = {"id": "headline", "published": "2015-10-02", "source": "Reuters", "title": title,
           "text": text}
    incidents = _incidents(tmp_path, [doc])
    assert incidents and all(i["grade"] != "contested" for i in incidents), \
        [i["grade_reason"] for i in incidents]
