"""The incident list's total: counted through an index for the filters an analyst's map
sends, and kept until any process writes an incident (migration 0016, on SQLite and
PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from pg import db_url, postgres  # noqa: F401  (fixtures)
from sqlalchemy import delete, insert, text, update

from strikewatch.store import IncidentFilter, IncidentRow, Store


def _incident(i: int, *, admin1: str, attacker: str | None, grade: str) -> dict:
    """An incident row as fusion stores one: a Syrian or a Yemeni province by turns."""
    return {"id": f"inc-{i:05d}", "date": date(2016, 1, 1 + i % 28), "date_precision": "day",
            "attacker_country": attacker, "country": "SY" if i % 2 else "YE",
            "admin1": admin1, "lat": 35.0 + i % 7 / 10, "lon": 36.0 + i % 9 / 10,
            "targets": [], "grade": grade, "origin": "text", "reviewed": {},
            "created_at": datetime(2025, 1, 1), "updated_at": datetime(2025, 1, 1)}


def _fill(store: Store) -> None:
    rows = [_incident(i, admin1=("Idlib", "Hajjah", "Aleppo")[i % 3],
                      attacker=("RU", "SA", None)[i % 3], grade=("weak", "fair")[i % 2])
            for i in range(60)]
    with store.engine.begin() as conn:
        conn.execute(insert(IncidentRow), rows)


def _total(store: Store, where: IncidentFilter) -> int:
    return store.incident_page(where, limit=5)[0]


def test_a_kept_total_is_counted_again_after_any_write_from_another_store(db_url):  # noqa: F811
    """The API's store keeps its count; fusion (another process: here another Store on the
    same database) inserts, edits and deletes incidents, and each write shows at once."""
    reader, writer = Store(db_url), Store(db_url)
    _fill(writer)
    idlib = IncidentFilter(region="idlib")
    assert _total(reader, idlib) == 20
    with writer.engine.begin() as conn:
        conn.execute(insert(IncidentRow), [_incident(100, admin1="Idlib", attacker="RU",
                                                     grade="weak")])
    assert _total(reader, idlib) == 21
    with writer.engine.begin() as conn:
        conn.execute(update(IncidentRow).where(IncidentRow.id == "inc-00000")
                     .values(admin1="Hama"))
    assert _total(reader, idlib) == 20
    with writer.engine.begin() as conn:
        conn.execute(delete(IncidentRow).where(IncidentRow.admin1 == "Idlib"))
    assert _total(reader, idlib) == 0
    reader.close()
    writer.close()


def test_a_kept_total_is_not_counted_again_while_nothing_is_written(tmp_path):
    """Paging through one filter counts once: the second page sends no count query."""
    from sqlalchemy import event

    store = Store(str(tmp_path / "kept.db"))
    _fill(store)
    ru_weak = IncidentFilter(attacker="RU", grades=("weak",))
    counts: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, sql, *rest: counts.append(sql) if "count(*)" in sql
                 else None)
    first = store.incident_page(ru_weak, limit=3)
    second = store.incident_page(ru_weak, limit=3, offset=3)
    assert first[0] == second[0] == 10
    assert len(counts) == 1
    other = store.incident_page(replace(ru_weak, grades=("fair",)), limit=3)
    assert other[0] == 10 and len(counts) == 2  # another filter is another count
    store.close()


@pytest.mark.parametrize("where, index", [
    (IncidentFilter(region="IDLIB"), "ix_incidents_admin1_lower"),
    (IncidentFilter(attacker="ru", grades=("weak", "contested")), "ix_incidents_attacker_grade"),
    (IncidentFilter(bbox=(36.0, 34.5, 36.4, 35.5)), "ix_incidents_lon_lat"),
])
def test_the_lists_total_counts_through_an_index_on_sqlite(tmp_path, where, index):
    """A province, an attacker with grades, a map's box: counted from an index, not by
    reading every incident (240,000 of them took 60-100 ms each)."""
    from sqlalchemy import func, select

    store = Store(str(tmp_path / "plans.db"))
    _fill(store)
    query = select(func.count()).select_from(IncidentRow).where(*where.conditions())
    with store.engine.connect() as conn:
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert index in plan and "SCAN incidents" not in plan.replace(
            f"SCAN incidents USING COVERING INDEX {index}", ""), plan
        assert conn.execute(query).scalar() == _total(store, where) > 0
    store.close()


@pytest.mark.parametrize("where", [
    IncidentFilter(bbox=(35.0, 34.0, 37.0, 36.0)),  # every incident: walked by date
    IncidentFilter(bbox=(36.0, 35.55, 36.05, 35.65)),  # a few: taken from the box's index
    IncidentFilter(region="aleppo"),
    IncidentFilter(region="Idlib", bbox=(36.0, 35.0, 36.45, 35.35)),
])
def test_a_page_is_the_same_whichever_index_leads(tmp_path, where):
    """Wide or narrow, a box's or a province's page is the filtered incidents in list order."""
    store = Store(str(tmp_path / "lead.db"))
    _fill(store)
    everything = store.incident_page(IncidentFilter(), sort="date", descending=True,
                                     limit=100)[1]
    west, south, east, north = where.bbox or (-180, -90, 180, 90)
    expected = [i["id"] for i in everything
                if west <= i["location"]["lon"] <= east and south <= i["location"]["lat"] <= north
                and (where.region is None
                     or i["location"]["admin1"].lower() == where.region.lower())]
    total, page = store.incident_page(where, sort="date", descending=True, limit=7, offset=2)
    assert total == len(expected) > 0
    assert [i["id"] for i in page] == expected[2:9]
    store.close()
