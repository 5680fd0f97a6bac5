"""`make bench-scale` runs its stages on SQLite and PostgreSQL: each stage gets the database
as ``--db`` (a file or a URL) and the table reports each database's size on disk."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pg import postgres  # noqa: F401  (fixture)

from strikewatch import pipeline
from strikewatch.store import Store

ROOT = Path(__file__).resolve().parent.parent
FAKES = Path(__file__).parent / "fixtures" / "corpora" / "fakes-dev-articles-0-6.jsonl"


def bench():  # noqa: ANN201 - the benchmark script as a module
    spec = importlib.util.spec_from_file_location("scale_bench", ROOT / "benchmarks" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
