"""PostgreSQL on par with SQLite: the incident list, the review queue and the briefing read
through indexes once the table is large enough for the planner to care (issue 14, item 5).

A few thousand incidents spread over countries, attackers, grades and two years, each with two
reporting mentions, are inserted, ANALYZEd and VACUUMed (what autovacuum does to a table that has settled), then every query the
store sends for those pages is captured as sent and run under EXPLAIN: none may read the
incidents table (or, for a list page's mention counts, the mentions table) with a sequential
scan.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from pg import postgres  # noqa: F401  (fixture)
from sqlalchemy import event, insert, text

from strikewatch.brief import BriefOptions, build_brief
from strikewatch.store import (INCIDENT_SORTS, DocumentRow, IncidentFilter, IncidentRow, Store,
                               StrikeRow)

pytestmark = pytest.mark.postgres

INCIDENTS = 6000
INDEXED_TABLES = ("incidents", "strike_mentions")  # what a list page must not read whole
COUNTRIES = ("SY", "UA", "YE", "IQ", "SD", "SO", "LY", "MM", "PS", "LB", "ML", "NG")
ATTACKERS = ("RU", "US", "SA", "IL", "TR", "AE", None)
GRADES = ("weak", "weak", "fair", "fair", "fair", "confirmed", "confirmed", "contested",
          "discounted", "confirmed")  # a settled database: most incidents graded fair or better


def _incident(i: int) -> dict:
    """A varied, realistic-shaped incident row: one of twelve wars, two years of days."""
    reviewed = {"grade": "confirmed"} if i % 3 == 0 else {}
    return {"id": f"inc-{i:06d}", "date": date(2023, 1, 1) + timedelta(days=(i * 7) % 730),
            "date_precision": "day", "attacker_country": ATTACKERS[i % len(ATTACKERS)],
            "country": COUNTRIES[(i // 3) % len(COUNTRIES)], "admin1": f"Province {i % 40}",
            "place_name": f"Town {i % 900}", "lat": 10 + (i % 300) / 10, "lon": 20 + (i % 400) / 10,
            "targets": [{"category": "residential", "name": None}] if i % 4 else [],
            "fatalities_min": i % 13, "fatalities_max": i % 13 + i % 5,
            "fatalities_vague": False, "event_type": ("air", "shelling", "unknown")[i % 3],
            "grade": GRADES[i % len(GRADES)], "grade_reason": "two independent sources" * 3,
            "origin": "text", "reviewed": reviewed,
            "created_at": datetime(2025, 1, 1), "updated_at": datetime(2025, 1, 1)}


def _document(i: int) -> dict:
    return {"id": f"doc-{i:06d}", "content_hash": f"{i:064x}", "text": "An air strike hit.",
            "segments": [], "published": date(2023, 1, 1) + timedelta(days=(i * 7) % 730),
            "source": ("Reuters", "AFP", "AP", "SANA", "Ukrinform")[i % 5],
            "ingested_at": datetime(2025, 1, 1), "extracted_at": datetime(2025, 1, 1)}


def _mentions(i: int) -> list[dict]:
    """The two reports behind incident ``i``: its own article and the next one's."""
    return [{"doc_id": f"doc-{(i + k) % INCIDENTS:06d}", "sentence": "An air strike hit.",
             "start": 0, "end": 18, "date": _incident(i)["date"], "event_type": "air",
             "incident_id": f"inc-{i:06d}", "targets": [], "casualties": {},
             "claimed_by_attacker": False, "hedged": False} for k in (0, 1)]


@pytest.fixture(scope="module")
def settled_store(postgres):  # noqa: F811
    store = Store(postgres.create_database())
    with store.engine.begin() as conn:
        conn.execute(insert(IncidentRow), [_incident(i) for i in range(INCIDENTS)])
        conn.execute(insert(DocumentRow), [_document(i) for i in range(INCIDENTS)])
        conn.execute(insert(StrikeRow), [m for i in range(INCIDENTS) for m in _mentions(i)])
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    yield store
    store.close()


def _queries_sent(store: Store, action) -> list[tuple[str, object]]:  # noqa: ANN001
    """Every SELECT on incidents that ``action`` sends, with its parameters, as sent (the
    driver's own, so that EXPLAIN plans what ran)."""
    sent: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        if statement.lstrip().upper().startswith("SELECT") and "incidents" in statement:
            sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert sent, "the action sent no query on incidents: nothing was checked"
    return sent


def _scans(node: dict) -> list[tuple[str, str | None, str | None]]:
    """(node type, relation, index) of every node of an EXPLAIN (FORMAT JSON) plan."""
    out = [(node["Node Type"], node.get("Relation Name"), node.get("Index Name"))]
    for child in node.get("Plans", ()):
        out += _scans(child)
    return out


def _plans(store: Store, queries: list[tuple[str, object]]) -> list[list[tuple]]:
    with store.engine.connect() as conn:
        return [_scans(json.loads(json.dumps(
            conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).scalar()))[0]["Plan"])
            for sql, params in queries]


def _assert_indexed(store: Store, queries: list[tuple[str, object]]) -> None:
    """No query scans incidents sequentially, and each uses one of its indexes (a bitmap
    index scan names the index only, so the index names are looked up)."""
    with store.engine.connect() as conn:
        indexes = set(conn.scalars(text(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'incidents'")))
    for (sql, _), scans in zip(queries, _plans(store, queries), strict=True):
        seq = [s for s in scans if s[0] == "Seq Scan" and s[1] in INDEXED_TABLES]
        assert not seq, f"sequential scan for:\n{sql}\nplan: {scans}"
        assert any(s[2] in indexes for s in scans), (
            f"no index of incidents used for:\n{sql}\nplan: {scans}")


@pytest.mark.parametrize("where, sort, descending", [
    (IncidentFilter(country="SY"), "date", True),
    (IncidentFilter(attacker="RU", start=date(2024, 1, 1), end=date(2024, 3, 31)), "date", False),
    (IncidentFilter(event_type="air", country="UA"), "date", True),
])
def test_a_filtered_incident_list_page_reads_through_an_index(settled_store, where, sort,
                                                              descending):
    queries = _queries_sent(settled_store, lambda: settled_store.incident_page(
        where, sort=sort, descending=descending, limit=50, offset=50))
    _assert_indexed(settled_store, queries)


@pytest.mark.parametrize("sort", sorted(INCIDENT_SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_an_unfiltered_list_page_in_any_order_reads_through_an_index(settled_store, sort,
                                                                     descending):
    """The page itself; its total counts every row, which no index spares."""
    queries = _queries_sent(settled_store, lambda: settled_store.incident_page(
        IncidentFilter(), sort=sort, descending=descending, limit=50, offset=100))
    _assert_indexed(settled_store, [(sql, p) for sql, p in queries if "LIMIT" in sql])


def test_the_review_queue_reads_through_an_index(settled_store):
    """The API's review queue: weak and contested incidents no analyst has set, oldest first."""
    queue = IncidentFilter(grades=("weak", "contested"), reviewed=False)
    total, page = settled_store.incident_page(queue, limit=50)
    assert total and page and all(not row["reviewed"] for row in page)
    _assert_indexed(settled_store, _queries_sent(
        settled_store, lambda: settled_store.incident_page(queue, limit=50)))


def test_the_briefing_of_a_month_reads_incidents_through_indexes(settled_store):
    brief = build_brief(settled_store, BriefOptions(end=date(2024, 6, 30), days=30))
    assert brief is not None
    _assert_indexed(settled_store, _queries_sent(
        settled_store, lambda: build_brief(settled_store, BriefOptions(end=date(2024, 6, 30),
                                                                        days=30))))
