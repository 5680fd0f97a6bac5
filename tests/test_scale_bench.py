"""`make bench-scale` runs its stages on SQLite and PostgreSQL: each stage gets the database
as ``--db`` (a file or a URL) and the table reports each database's size on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark
from pg import postgres  # noqa: F401  (fixture)
from sqlalchemy import func, select

from strikewatch import pipeline
from strikewatch.fuse import fuse_pending
from strikewatch.store import (
    ClaimRow,
    DocumentRow,
    IncidentLinkRow,
    IncidentRow,
    ReviewRow,
    Store,
    StrikeRow,
)

ROOT = Path(__file__).resolve().parent.parent
FAKES = Path(__file__).parent / "fixtures" / "corpora" / "fakes-dev-articles-0-6.jsonl"


def bench():  # noqa: ANN201 - the benchmark script as a module
    return load_benchmark("scale.py", "scale_bench")


def test_every_stage_is_given_the_database_it_measures(tmp_path):
    scale = bench()
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/t_bench"
    commands = scale.stage_commands(url, tmp_path / "corpus.jsonl", 2, tmp_path)
    assert set(commands) == {"ingest", "extract", "fuse", "brief 30 days", "export", "claims"}
    for stage, command in commands.items():
        assert url in " ".join(command), stage


def test_database_sizes_grow_with_what_is_stored_on_both_backends(tmp_path, postgres):  # noqa: F811
    scale = bench()
    for db in (str(tmp_path / "bench.db"), postgres.create_database()):
        Store(db).close()  # each stage is a process of its own: measured after it ends
        empty = scale.database_mb(db)
        store = Store(db)
        pipeline.ingest([str(FAKES)], store)
        store.close()
        assert scale.database_mb(db) > empty > 0, db


def grow_module():  # noqa: ANN201 - benchmarks/grow.py as a module
    module = load_benchmark("grow.py", "grow_bench")
    return module


@pytest.fixture(scope="module")
def measured_store(tmp_path_factory) -> str:
    """Seven Syrian-war articles ingested, extracted and fused: a small measured database."""
    db = str(tmp_path_factory.mktemp("measured") / "measured.db")
    store = Store(db)
    pipeline.ingest([str(FAKES)], store)
    pipeline.extract_pending(store, workers=1)
    fuse_pending(store)
    store.close()
    return db


def _counts(db: str) -> dict[type, int]:
    store = Store(db)
    try:
        return {t: store.count(t) for t in (DocumentRow, StrikeRow, ClaimRow, IncidentRow,
                                            IncidentLinkRow)}
    finally:
        store.close()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql",
                                                            marks=pytest.mark.postgres)])
def test_a_grown_store_holds_each_row_once_per_copy_with_later_dates(
        measured_store, tmp_path, backend, request):
    grow = grow_module()
    target = (str(tmp_path / "grown.db") if backend == "sqlite"
              else request.getfixturevalue("postgres").create_database())
    before = _counts(measured_store)
    assert before[StrikeRow] and before[IncidentRow], "nothing extracted: the test would prove nothing"
    grow.grow(measured_store, target, 3, 350)
    assert _counts(target) == {t: 3 * n for t, n in before.items()}
    store = Store(target)
    try:
        dates = store.engine.connect().execute(
            select(IncidentRow.id, IncidentRow.date).order_by(IncidentRow.id)).all()
    finally:
        store.close()
    by_id = dict(dates)
    for incident, day in by_id.items():
        if "~g" not in incident and day is not None:
            assert by_id[f"{incident}~g2"] == day + timedelta(days=700)


def test_the_next_day_mentions_wait_for_fusion_and_fuse_into_the_grown_store(
        measured_store, tmp_path):
    grow = grow_module()
    target = str(tmp_path / "grown.db")
    grow.grow(measured_store, target, 2, 350)
    incidents = _counts(target)[IncidentRow]
    day, documents, mentions = grow.add_next_day(measured_store, target)
    store = Store(target)
    try:
        assert documents and mentions
        assert store.pending_days()[-1][0] >= day - timedelta(days=40)
        assert fuse_pending(store).mentions == mentions
        with store.engine.connect() as conn:
            placed = conn.scalar(select(func.count()).select_from(StrikeRow).where(
                StrikeRow.doc_id.like("%~next"), StrikeRow.incident_id.is_not(None)))
        assert placed == mentions
        assert store.count(IncidentRow) >= incidents
        assert not store.pending_days()
    finally:
        store.close()


def test_a_source_row_the_grower_would_leave_behind_is_refused_by_table(measured_store, tmp_path):
    grow = grow_module()
    source = str(tmp_path / "with-review.db")
    grow.grow(measured_store, source, 1, 0)
    store = Store(source)
    with store.engine.begin() as conn:
        conn.execute(ReviewRow.__table__.insert(), [{"incident_id": "inc-x", "action": "confirm",
                                                     "analyst": "a"}])
    store.close()
    with pytest.raises(SystemExit, match="'reviews'"):
        grow.grow(source, str(tmp_path / "grown.db"), 2, 350)


def test_the_store_opens_without_importing_the_minhash_library():
    """Every command opens the store; only ingest makes signatures. datasketch brings scipy,
    about half a CPU second and 40 MB in each briefing, export or API process."""
    code = ("import sys, strikewatch.cli, strikewatch.store; "
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "[]"
