"""The batch runner over a real store: each article stored once, copies recognised, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixture_roles import ids_sharing

from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.store import RejectionRow, Store

FIXTURES = Path(__file__).parent / "fixtures"
FAKES = FIXTURES / "corpora" / "fakes-dev-articles.jsonl"
SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.fixture
def store(tmp_path):
    return Store(str(tmp_path / "test.db"))


def test_fakes_dev_stores_480_articles_and_reports_8_repeats(store):
    first = pipeline.ingest([str(FAKES)], store)
    assert first.read == 488
    assert len(first.stored) == 480
    assert len(first.duplicates) == 8
    assert all("already stored" in why or "same text" in why for _, why in first.duplicates)
    docs = {d.id: d for d in store.documents()}
    assert len(docs) == 480
    assert all(d.published is not None and d.source for d in docs.values())

    second = pipeline.ingest([str(FAKES)], store)
    assert second.stored == []
    assert len(second.duplicates) == 488


def test_same_id_with_new_text_is_kept_under_a_derived_id(store, tmp_path):
    row = json.loads(FAKES.read_text().splitlines()[0])
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps(row) + "\n")
    changed = dict(row, text=row["text"] + " The toll was later revised.")
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps(changed) + "\n")
    pipeline.ingest([str(first)], store)
    summary = pipeline.ingest([str(second)], store)
    assert len(summary.stored) == 1 and summary.stored[0].startswith(row["id"] + "~")
    # a revised copy of the same story is a syndicated copy, not an independent source
    assert summary.syndicated == [(summary.stored[0], row["id"])]


def test_html_and_text_of_one_story_are_one_document(store):
    """Boilerplate removed, the page and its plain-text copy are the same text: stored once."""
    summary = pipeline.ingest([str(SAMPLES / "mee-2015-10-02-russia-syria.html"),
                               str(SAMPLES / "mee-2015-10-02-russia-syria.txt")], store)
    assert summary.read == 2
    assert summary.stored == ["mee-2015-10-02-russia-syria"]
    assert summary.duplicates == [("mee-2015-10-02-russia-syria",
                                   "already stored with the same text")]


def test_republished_text_under_another_id_is_stored_and_linked(store):
    """FA-KES prints some stories twice under two ids (a Daily Sabah story, a Jordan Times
    one): one source, two documents, the later copy linked to the first."""
    summary = pipeline.ingest([str(FAKES)], store)
    pairs = ids_sharing(FAKES, "text")
    assert pairs  # the fixture holds such copies
    for first, later in pairs:
        assert (later, first) in summary.syndicated
        linked = next(store.documents(ids=[later]))
        assert linked.near_duplicate_of == first


def test_bad_inputs_are_recorded_and_the_batch_goes_on(store, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(FAKES.read_text().splitlines()[1] + "\n{not json\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    summary = pipeline.ingest([str(empty), str(good)], store)
    assert len(summary.stored) == 1
    reasons = [r.reason for r in summary.rejected]
    assert len(reasons) == 2
    assert any("empty" in r.lower() for r in reasons)
    assert any(r.origin.endswith("good.jsonl:2") and "malformed JSON" in r.reason
               for r in summary.rejected)
    assert store.count(RejectionRow) == 2


def test_documents_export_lists_what_was_stored(store):
    pipeline.ingest([str(SAMPLES / "mee-2015-10-02-russia-syria.html")], store)
    lines = "".join(export_lines(store, fmt="jsonl", what="documents")).splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["id"] == "mee-2015-10-02-russia-syria"
    assert doc["published"] == "2015-10-02"
    assert doc["source"] == "Middle East Eye"
    assert {s["kind"] for s in doc["segments"]} >= {"title", "caption", "body"}
