"""Analyst review: every action is logged with who, when and why; reviewed fields, merges and
splits survive re-extraction. Runs on SQLite and PostgreSQL (tests/pg.py)."""

from __future__ import annotations

from datetime import date

import pytest
from pg import db_url, postgres  # noqa: F401  (fixtures)
from test_fuse import (
    AHRAM,
    ATAREB,
    MEE,
    MEE_ID,
    OCT2,
    TRT,
    document,
    fused_founding_store,
    mee_strikes,
    put,
    strike,
)

from strikewatch import review
from strikewatch.errors import ReviewError
from strikewatch.fuse import fuse_pending, incident_records
from strikewatch.models import Range
from strikewatch.store import Store


@pytest.fixture
def store(db_url):  # noqa: F811
    s = fused_founding_store(db_url)
    yield s
    s.close()


def place_id(store: Store, name: str) -> str:
    return next(i.id for i in store.incidents() if i.place.name == name)


def re_extract_mee(store: Store) -> None:
    """What ``strikewatch extract --all`` does to a document: its mention rows are replaced."""
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2), mee_strikes())


def test_edit_survives_re_extraction(store):
    raqqa = place_id(store, "Raqqa")
    review.edit(store, raqqa, "fatalities", "12-15", analyst="amira",
                reason="SOHR raised its toll to 15 the next day")
    review.edit(store, raqqa, "targets", "jihadist:Islamic State,government:Tabqa airbase",
                analyst="amira", reason="the airbase was held by IS")
    re_extract_mee(store)
    assert store.incident(raqqa) is not None
    report = fuse_pending(store)
    assert report.relinked == 8 - 1  # every placed and dated mention of the document
    inc = store.incident(raqqa)
    assert inc.fatalities == Range(12, 15)
    assert [t.category for t in inc.targets] == ["jihadist", "government"]
    (rec,) = incident_records(store, ids=[raqqa])
    assert len(rec["mentions"]) == 1 and rec["reviewed"] == ["fatalities", "targets"]
    # the incidents and their ids are the same as before the re-extraction
    assert len(store.incidents()) == 7


def test_reject_and_confirm_are_logged_and_pinned(store):
    hama = place_id(store, "Hama")
    review.reject(store, hama, analyst="amira", reason="joint statement gives no strike site")
    assert store.incident(hama).grade == "discounted"
    assert store.incident(hama).grade_reason.startswith("Discounted by amira:")
    homs = place_id(store, "Homs")
    review.confirm(store, homs, analyst="tom", reason="checked against Airwars RU-2015-10-01",
                   grade="fair")
    re_extract_mee(store)
    fuse_pending(store)
    assert store.incident(hama).grade == "discounted"
    assert store.incident(homs).grade == "fair"
    log = review.history(store)
    assert [(r.action, r.field, r.analyst) for r in log] == [
        ("reject", "grade", "amira"), ("reject", "grade_reason", "amira"),
        ("confirm", "grade", "tom"), ("confirm", "grade_reason", "tom")]
    assert log[0].old_value == '"weak"' and log[0].new_value == '"discounted"'
    assert log[0].reason == "joint statement gives no strike site" and log[0].at is not None


def test_merge_and_split_survive_re_extraction(store):
    raqqa, tabqa = place_id(store, "Raqqa"), place_id(store, "Tabqa military airport")
    merged = review.merge(store, raqqa, tabqa, analyst="amira",
                          reason="SOHR reports one raid on Raqqa and its airport")
    assert len(incident_records(store, ids=[raqqa])[0]["mentions"]) == 2
    assert store.incident(tabqa) is None and merged.id == raqqa
    re_extract_mee(store)
    fuse_pending(store)
    assert store.incident(tabqa) is None
    assert len(incident_records(store, ids=[raqqa])[0]["mentions"]) == 2

    mentions = store.stored_mentions(incident_ids=[raqqa])
    airport = next(m.id for m in mentions if m.mention.place.name.startswith("Tabqa"))
    new = review.split(store, raqqa, [airport], analyst="tom",
                       reason="the airport is 45 km from the city")
    re_extract_mee(store)
    fuse_pending(store)
    assert len(incident_records(store, ids=[raqqa])[0]["mentions"]) == 1
    (rec,) = incident_records(store, ids=[new.id])
    assert rec["location"]["name"] == "Tabqa military airport" and len(rec["mentions"]) == 1
    assert [(r.action, r.analyst) for r in review.history(store, raqqa)] == [
        ("merge", "amira"), ("split", "tom")]
    # split off again, the airport gets back the id it had before the merge
    assert new.id == tabqa
    assert [(r.action, r.analyst) for r in review.history(store, tabqa)] == [
        ("merge", "amira"), ("split", "tom")]


def test_reviewed_incident_that_loses_its_mentions_stays(store):
    aleppo = place_id(store, "Aleppo")
    review.edit(store, aleppo, "date", "2015-10-01", analyst="amira",
                reason="the ministry's list is of Thursday's sorties")
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2),
        [m for m in mee_strikes() if m.place.name != "Aleppo"])
    report = fuse_pending(store)
    assert store.incident(aleppo).date == date(2015, 10, 1)
    assert aleppo not in report.dropped and report.dropped == []  # nothing else was emptied


def test_review_needs_a_name_a_reason_and_a_real_value(store):
    raqqa = place_id(store, "Raqqa")
    with pytest.raises(ReviewError, match="analyst"):
        review.reject(store, raqqa, analyst=" ", reason="x")
    with pytest.raises(ReviewError, match="reason"):
        review.edit(store, raqqa, "grade", "fair", analyst="amira", reason="")
    with pytest.raises(ReviewError, match="no grade"):
        review.edit(store, raqqa, "grade", "probable", analyst="amira", reason="x")
    with pytest.raises(ReviewError, match="no incident field"):
        review.edit(store, raqqa, "colour", "red", analyst="amira", reason="x")
    with pytest.raises(ReviewError, match="no incident"):
        review.confirm(store, "inc-nothere", analyst="amira", reason="x")
    with pytest.raises(ReviewError, match="leave it empty"):
        review.split(store, raqqa, [m.id for m in store.stored_mentions(incident_ids=[raqqa])],
                     analyst="amira", reason="x")
    assert review.history(store) == []


def test_edit_attacker_by_code_and_a_new_report_does_not_overwrite_it(store):
    day = date(2017, 11, 13)
    atareb = place_id(store, "Al Atarib")
    review.edit(store, atareb, "attacker", "RU", analyst="amira",
                reason="Airwars attributes the Atareb market strike to Russia")
    put(store, document("later", AHRAM["text"], "ahram", day), [
        strike("later", TRT["text"], "Three strikes hit the northwestern town", ATAREB,
               day=day, place_words="Atareb", killed=Range(70, None), source="activists")])
    fuse_pending(store)
    inc = store.incident(atareb)
    assert inc.attacker.country == "RU" and inc.attacker.name == "Russian Armed Forces"
    assert inc.fatalities.max == 70  # not reviewed: follows the new report
    assert len(incident_records(store, ids=[atareb])[0]["mentions"]) == 3
    assert TRT["id"] in {m["doc_id"] for m in incident_records(store, ids=[atareb])[0]["mentions"]}


def test_review_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "cli.db")
    s = fused_founding_store(db)
    raqqa = place_id(s, "Raqqa")
    s.close()
    run = CliRunner().invoke
    r = run(app, ["review", "edit", raqqa, "fatalities", "12-15", "--analyst", "amira",
                  "--reason", "later toll", "--db", db])
    assert r.exit_code == 0, r.output
    r = run(app, ["review", "reject", raqqa, "--reason", "duplicate", "--db", db],
            env={"STRIKEWATCH_ANALYST": "tom"})
    assert r.exit_code == 0 and "discounted" in r.output
    r = run(app, ["review", "edit", raqqa, "grade", "probable", "--analyst", "amira",
                  "--reason", "x", "--db", db])
    assert r.exit_code == 2 and "no grade 'probable'" in r.output
    r = run(app, ["review", "log", raqqa, "--db", db])
    lines = r.output.splitlines()
    assert len(lines) == 3
    assert "amira  edit" in lines[0] and '{"max": 15, "min": 12}' in lines[0]
    assert "(later toll)" in lines[0] and "tom  reject" in lines[1]
    r = run(app, ["review", "show", raqqa, "--db", db])
    assert "discounted" in r.output and "Russian warplanes hit Raqqa" in r.output


def test_claims_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    db = str(tmp_path / "cli.db")
    s = fused_founding_store(db)
    s.close()
    r = CliRunner().invoke(app, ["claims", "--attacker", "RU", "--from", "2015-09-30",
                                 "--to", "2015-10-07", "--db", db])
    assert r.exit_code == 0, r.output
    claimed, reported = r.output.split("Reported by independent sources:")
    (jihadist,) = [line for line in claimed.splitlines() if line.startswith("  jihadist (")]
    assert "Islamic State" in jihadist and jihadist.endswith("1 statement according to Moscow")
    assert "rebel: 3 incidents in Hama, Homs, Idlib according to joint statement" in reported
    assert "jihadist (Islamic State): 2 incidents in Ar-Raqqah according to Syrian Observatory" \
        in reported
    assert "Michael Fallon (UK Ministry of Defence): share 0.05" in reported
