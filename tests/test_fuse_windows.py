"""Fusion reads the pending mentions in date windows: the result is the one batch's, and what
it holds at once does not grow with the number of days.

The founding example and the Atareb reports (fixtures/fuse/README.md), and sentences in the
shape of wire reports from Gaza, Kharkiv, Homs and Sa'dah written for these tests. Every store
test runs on SQLite and on PostgreSQL (tests/pg.py).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from pg import db_url, postgres  # noqa: F401  (fixtures)
from test_fuse import HOMS, RU, document, load_founding_example, put, strike
from test_fuse_apart import SAADA, SA
from test_fuse_index import GAZA, GAZA_TEXT, IL, KHARKIV_TEXT, RIMAL, SALTIVKA, _mention

from strikewatch.fuse import fuse_pending, incident_records
from strikewatch.models import StoredMention
from strikewatch.store import Store


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store(db_url)
    yield s
    s.close()


def _records(store: Store) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "updated_at"} for r in incident_records(store)]


def _days_of_reports(days: int) -> list[StoredMention]:
    """Each day: a school and a bakery hit in Rimal and at Gaza (Zeitoun), in Saltivka; each
    reported by two outlets."""
    out = []
    for d in range(days):
        day = date(2023, 11, 18) + timedelta(days=d)
        for where, place, text, who in [("Rimal", RIMAL, GAZA_TEXT, IL),
                                        ("Zeitoun", GAZA, GAZA_TEXT, IL),
                                        ("Saltivka", SALTIVKA, KHARKIV_TEXT, RU)]:
            for site in ("school", "bakery"):
                for outlet in range(2):
                    out.append(_mention(len(out), text, where, place, who, day, site))
    return out


def _put_reports(store: Store, reports: list[StoredMention]) -> None:
    for sm in reports:
        m = sm.mention
        put(store, document(m.doc_id, m.sentence.text, f"outlet-{sm.id % 2}", m.date), [m])


def test_the_founding_example_fuses_alike_in_day_windows(store, tmp_path):
    reference = Store(str(tmp_path / "one-batch.db"))
    load_founding_example(reference)
    fuse_pending(reference)
    load_founding_example(store)
    report = fuse_pending(store, window_mentions=1)
    assert report.mentions == 10
    assert _records(store) == _records(reference)
    reference.close()


def test_reports_of_several_days_fuse_alike_in_day_windows(store, tmp_path):
    reference = Store(str(tmp_path / "one-batch.db"))
    _put_reports(reference, _days_of_reports(3))
    one_batch = fuse_pending(reference)
    _put_reports(store, _days_of_reports(3))
    report = fuse_pending(store, window_mentions=1)
    # created once each, though a later window attaches to them (a day's tolerance)
    assert sorted(report.created) == sorted(one_batch.created) and not report.updated
    assert _records(store) == _records(reference)
    reference.close()


@pytest.mark.parametrize("text, place, words, attacker, days", [
    ("Russian jets struck Homs on Monday and again on Thursday, activists said.", HOMS,
     "Homs", RU, (date(2015, 9, 28), date(2015, 10, 1))),
    ("Coalition aircraft bombed Sa'dah on Monday and Thursday, killing eight, residents said.",
     SAADA, "Sa'dah", SA, (date(2015, 5, 11), date(2015, 5, 14)))])
def test_one_sentence_of_two_days_keeps_two_links_across_windows(
        store, text, place, words, attacker, days):
    """One sentence, one place, two days: two mentions with one key. Numbered across the
    windows, each keeps its own link, so extracting again gives the same two incidents."""

    def extract_and_fuse():
        put(store, document("d-2", text, "wire", days[1]), [
            strike("d-2", text, words, place, attacker=attacker, day=day, place_words=words)
            for day in days])
        fuse_pending(store, window_mentions=1)
        return _records(store)

    first = extract_and_fuse()
    assert sorted(r["date"] for r in first) == [d.isoformat() for d in days]
    assert extract_and_fuse() == first


def test_what_fusion_holds_does_not_grow_with_the_days(store, monkeypatch):
    """The largest read of mentions (a window, or the members of the incidents it reaches)
    is the same for two days and for eight; in one batch it grows with the days."""
    largest: list[int] = []

    def counted(method):
        def wrapper(*args, **kwargs):
            found = method(*args, **kwargs)
            largest[-1] = max(largest[-1], len(found))
            return found
        return wrapper

    monkeypatch.setattr(store, "unfused_mentions_between",
                        counted(store.unfused_mentions_between))
    monkeypatch.setattr(store, "stored_mentions", counted(store.stored_mentions))
    per_day = len(_days_of_reports(1))
    for days, window in ((2, per_day), (8, per_day), (8, 10 * per_day)):
        largest.append(0)
        _put_reports(store, _days_of_reports(days))
        fuse_pending(store, window_mentions=window)
        with store.sessions.begin() as s:  # next size on an empty store
            for table in ("alerts", "incident_links", "strike_mentions", "incidents",
                          "documents"):
                s.execute(text(f"DELETE FROM {table}"))
    two_days, eight_days, one_batch = largest
    assert eight_days == two_days
    assert one_batch >= 4 * two_days
