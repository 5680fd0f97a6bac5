"""PostgreSQL on par with SQLite: the incident list, the review queue, the briefing (its
incidents and its claims) and ingest's lookups read through indexes once the tables are large
enough for the planner to care (issue 14, item 5).

A few thousand incidents spread over countries, attackers, grades and two years, each with two
reporting mentions, their documents with a claim each and the documents' syndication band
keys, are inserted, ANALYZEd and VACUUMed (what autovacuum does to a table that has settled),
then every query the store sends for those pages is captured as sent and run under EXPLAIN:
none may read the table it looks up (or, for a list page's mention counts, the mentions
table) with a sequential scan.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from pg import postgres  # noqa: F401  (fixture)
from sqlalchemy import event, insert, text

from strikewatch.brief import BriefOptions, build_brief
from strikewatch.store import (INCIDENT_SORTS, ClaimRow, DocumentRow, IncidentFilter,
                               IncidentRow, Store, StrikeRow, SyndicationBandRow)
from strikewatch.syndication import BANDS

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


def _claim(i: int) -> dict:
    """A statement reported by document ``i``: a ministry's denial, about one attacker."""
    return {"doc_id": f"doc-{i:06d}", "sentence": "The ministry denied hitting civilians.",
            "start": 0, "end": 38, "speaker": "the ministry", "kind": "denial",
            "about": ATTACKERS[i % len(ATTACKERS)], "numbers": []}


def _bands(i: int) -> list[dict]:
    """Document ``i``'s band keys: distinct 64-bit numbers, as band_keys gives them."""
    return [{"key": (i * BANDS + band) * 2_654_435_761 % 2**63 - 2**62, "doc_id": f"doc-{i:06d}"}
            for band in range(BANDS)]


@pytest.fixture(scope="module")
def settled_store(postgres):  # noqa: F811
    store = Store(postgres.create_database())
    with store.engine.begin() as conn:
        conn.execute(insert(IncidentRow), [_incident(i) for i in range(INCIDENTS)])
        conn.execute(insert(DocumentRow), [_document(i) for i in range(INCIDENTS)])
        conn.execute(insert(StrikeRow), [m for i in range(INCIDENTS) for m in _mentions(i)])
        conn.execute(insert(ClaimRow), [_claim(i) for i in range(INCIDENTS)])
        conn.execute(insert(SyndicationBandRow), [b for i in range(INCIDENTS) for b in _bands(i)])
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    yield store
    store.close()


def _queries_sent(store: Store, action, table: str = "incidents",  # noqa: ANN001
                  ) -> list[tuple[str, object]]:
    """Every SELECT on ``table`` that ``action`` sends, with its parameters, as sent (the
    driver's own, so that EXPLAIN plans what ran)."""
    sent: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        if (statement.lstrip().upper().startswith("SELECT")
                and (f"FROM {table}" in statement or f"JOIN {table}" in statement)):
            sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert sent, f"the action sent no query on {table}: nothing was checked"
    return sent


def _scans(node: dict) -> list[tuple[str, str | None, str | None]]:
    """(node type, relation, index) of every node of an EXPLAIN (FORMAT JSON) plan."""
    out = [(node["Node Type"], node.get("Relation Name"), node.get("Index Name"))]
    for child in node.get("Plans", ()):
        out += _scans(child)
    return out


def _plans(store: Store, queries: list[tuple[str, object]], *, seqscan: bool = True,
           whole_index_reads: bool = True) -> list[list[tuple]]:
    """Each query's plan; ``seqscan=False`` asks the planner for its plan without sequential
    scans: a sequential scan left in it means no index can serve the query.
    ``whole_index_reads=False`` also rules out index-only scans, the other way to read a
    whole table: the entries of an index on the column the filter wraps in a function."""
    with store.engine.connect() as conn:
        if not seqscan:
            conn.exec_driver_sql("SET enable_seqscan = off")
        if not whole_index_reads:
            conn.exec_driver_sql("SET enable_indexonlyscan = off")
        return [_scans(json.loads(json.dumps(
            conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).scalar()))[0]["Plan"])
            for sql, params in queries]


def _assert_indexed(store: Store, queries: list[tuple[str, object]], table: str = "incidents",
                    unscanned: tuple[str, ...] = INDEXED_TABLES, *, seqscan: bool = True,
                    ) -> None:
    """No query scans ``unscanned`` tables sequentially, and each uses one of ``table``'s
    indexes (a bitmap index scan names the index only, so the index names are looked up)."""
    with store.engine.connect() as conn:
        indexes = set(conn.scalars(text(
            "SELECT indexname FROM pg_indexes WHERE tablename = :t"), {"t": table}))
    plans = _plans(store, queries, seqscan=seqscan)
    for (sql, _), scans in zip(queries, plans, strict=True):
        seq = [s for s in scans if s[0] == "Seq Scan" and s[1] in unscanned]
        assert not seq, f"sequential scan for:\n{sql}\nplan: {scans}"
        assert any(s[2] in indexes for s in scans), (
            f"no index of {table} used for:\n{sql}\nplan: {scans}")


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


@pytest.mark.parametrize("where, index", [
    (IncidentFilter(region="province 7"), "ix_incidents_admin1_lower"),
    (IncidentFilter(attacker="RU", grades=("weak", "contested")), "ix_incidents_attacker_grade"),
    (IncidentFilter(bbox=(21.0, 12.0, 22.5, 13.5)), "ix_incidents_lon_lat"),
])
def test_the_lists_total_can_count_through_its_index(settled_store, where, index):
    """A province, an attacker with grades, a map's box: the index of migration 0016 made
    for it serves the count (on 6,000 rows the planner may still prefer reading them all,
    which at 240,000 it does not, so it is asked without sequential scans, nor index-only
    scans: on a vacuumed table one of those read every entry of ix_incidents_admin1 in
    one full run of the suite, cheaper at this size than the province's heap pages)."""
    queries = [(sql, p) for sql, p in _queries_sent(settled_store, lambda: settled_store
                                                    .incident_page(where, limit=50))
               if "count(*)" in sql and "WHERE" in sql]  # not the unfiltered total
    assert queries, "the total was not counted: a kept total of an earlier test?"
    (scans,) = _plans(settled_store, queries, seqscan=False, whole_index_reads=False)
    assert index in {name for _, _, name in scans}, scans


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


def test_the_briefings_claims_can_read_through_indexes(settled_store):
    """The claims of the briefing's period and of its incidents' documents, and the claims
    behind its claimed-versus-reported shares: an index serves each lookup (by publication
    day, by document). A month's few hundred documents of 6,000 are a share for which the
    planner rightly prefers reading these small tables whole, so the plan is asked for
    without sequential scans: one left in it would mean no index can serve the query."""
    options = BriefOptions(end=date(2024, 6, 30), days=30)
    for table in ("claims", "documents"):
        queries = _queries_sent(settled_store, lambda: build_brief(settled_store, options),
                                table=table)
        _assert_indexed(settled_store, queries, table=table,
                        unscanned=("claims", "documents"), seqscan=False)


def test_ingests_lookups_read_through_indexes(settled_store):
    """A batch's candidates by band key, its texts' originals by hash, its ids' hashes."""
    keys = [b["key"] for i in (17, 4242) for b in _bands(i)]
    assert {doc_id for doc_id, _ in settled_store.syndication_candidates(keys)} <= {
        "doc-000017", "doc-004242"}
    for table, action in (
            ("syndication_bands", lambda: settled_store.syndication_candidates(keys)),
            ("documents", lambda: settled_store.originals_of_hashes([f"{17:064x}"])),
            ("documents", lambda: settled_store.document_hashes(["doc-000017"]))):
        _assert_indexed(settled_store, _queries_sent(settled_store, action, table=table),
                        table=table, unscanned=("syndication_bands", "documents"))
