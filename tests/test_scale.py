"""Extraction at scale: pages read by keyset, several worker processes, one writer."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.fuse import fuse_pending
from strikewatch.store import Store

FAKES = Path(__file__).parent / "fixtures" / "corpora" / "fakes-dev-articles.jsonl"


def _first_articles(tmp_path: Path, count: int) -> Path:
    path = tmp_path / f"first-{count}.jsonl"
    with FAKES.open(encoding="utf-8") as lines:
        path.write_text("".join(islice(lines, count)), encoding="utf-8")
    return path


def _export_without_clock(store: Store, what: str) -> list[dict]:
    """The export less the time each row was written (the one field two runs differ in)."""
    records = [json.loads(line) for line in export_lines(store, fmt="jsonl", what=what)]
    for record in records:
        record.pop("updated_at", None)
    return records


def test_two_workers_give_the_export_of_one(tmp_path):
    articles = _first_articles(tmp_path, 48)
    exports = []
    for workers in (1, 2):
        store = Store(str(tmp_path / f"workers-{workers}.db"))
        pipeline.ingest([str(articles)], store)
        summary = pipeline.extract_pending(store, workers=workers, batch_size=8)
        assert summary.documents == 48
        fuse_pending(store)
        exports.append((_export_without_clock(store, "incidents"),
                        _export_without_clock(store, "claims")))
    assert exports[0][0], "the articles report strikes: an empty export would prove nothing"
    assert exports[0] == exports[1]


def test_pages_cover_every_pending_document_once_in_id_order(tmp_path):
    store = Store(str(tmp_path / "pages.db"))
    pipeline.ingest([str(_first_articles(tmp_path, 30))], store)
    pages = list(pipeline.document_pages(store, everything=False, ids=None, size=7))
    assert [len(p) for p in pages] == [7, 7, 7, 7, 2]
    ids = [d.id for page in pages for d in page]
    assert ids == sorted(ids) and len(set(ids)) == 30


def test_a_page_written_is_no_longer_pending(tmp_path):
    store = Store(str(tmp_path / "pending.db"))
    pipeline.ingest([str(_first_articles(tmp_path, 12))], store)
    first = next(pipeline.document_pages(store, everything=False, ids=None, size=5))
    store.replace_many_mentions([(d.id, [], []) for d in first])
    assert store.count_documents(unextracted=True) == 7
    rest = [d.id for p in pipeline.document_pages(store, everything=False, ids=None, size=5)
            for d in p]
    assert not set(rest) & {d.id for d in first} and len(rest) == 7


def test_workers_below_one_are_refused_by_the_cli(tmp_path):
    from typer.testing import CliRunner

    from strikewatch.cli import app

    result = CliRunner().invoke(app, ["extract", "--workers", "0", "--db",
                                      str(tmp_path / "none.db")])
    assert result.exit_code == 2
