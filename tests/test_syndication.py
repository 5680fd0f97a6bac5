"""Ingest's near-duplicate index lives in the database (issue 14): a batch looks up the band
keys of its own documents, and finds the same earlier copies as the in-memory MinHash LSH
index it replaced. Runs on SQLite and PostgreSQL (tests/pg.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from datasketch import MinHashLSH
from pg import db_url, postgres  # noqa: F401  (fixtures)
from sqlalchemy import MetaData, create_engine, func, select

from strikewatch import pipeline
from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.store import Store, SyndicationBandRow, database_url, migrate
from strikewatch.syndication import (
    BANDS,
    ROWS,
    SyndicationIndex,
    _lean,
    band_keys,
    mentions_by_reference,
    minhash_signature,
)

FIXTURES = Path(__file__).parent / "fixtures"
INGEST = FIXTURES / "ingest"
FAKES = FIXTURES / "corpora" / "fakes-dev-articles.jsonl"
YEMEN_PAGE = FIXTURES / "pages" / "yemen-incident-page.html"


def read(*paths: Path) -> list:
    return list(read_inputs([str(p) for p in paths], IngestOptions(detect_language=False)))


def test_bands_are_the_split_minhash_lsh_chose():
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    assert (BANDS, ROWS) == (lsh.b, lsh.r)


def test_the_index_finds_what_minhash_lsh_found_on_a_real_corpus():
    """Every FA-KES article looked up, then added, in file order: the same earlier copy (or
    none) as datasketch's MinHashLSH with the Jaccard check and earliest-first rule."""
    lsh, lean, order = MinHashLSH(threshold=0.5, num_perm=64), {}, {}
    index = SyndicationIndex()
    found = 0
    for line in FAKES.read_text().splitlines():
        row = json.loads(line)
        if row["id"] in order:
            continue
        signature = minhash_signature(row["text"])
        probe = _lean(signature)
        matches = [k for k in lsh.query(probe) if lean[k].jaccard(probe) >= 0.5]
        expected = min(matches, key=order.__getitem__) if matches else None
        assert index.find(signature) == expected, row["id"]
        found += expected is not None
        order[row["id"]], lean[row["id"]] = len(order), probe
        lsh.insert(row["id"], probe)
        index.add(row["id"], signature)
    assert found >= 1  # the corpus holds re-published copies


def test_band_keys_are_stable_and_refuse_a_foreign_signature():
    signature = minhash_signature(read(INGEST / "syndication-reuters.txt")[0].text)
    keys = band_keys(signature)
    assert len(keys) == BANDS == len(set(keys)) and keys == band_keys(signature)
    assert all(-2**63 <= k < 2**63 for k in keys)
    with pytest.raises(ValueError, match="not a strikewatch MinHash"):
        band_keys(b"\x00\x01")


def test_a_wire_copy_is_linked_to_an_original_stored_by_an_earlier_run(db_url):  # noqa: F811
    """Syria: the original stored in one run, its re-published copy and another story of
    the same day in the next, one document per batch: only the copy is linked."""
    store = Store(db_url)
    pipeline.ingest([str(INGEST / "syndication-reuters.txt")], store)
    later = pipeline.ingest([str(INGEST / "syndication-republished.txt"),
                             str(INGEST / "syndication-other-story.txt")], store, batch_size=1)
    assert later.syndicated == [("syndication-republished", "syndication-reuters")]
    assert sorted(later.stored) == ["syndication-other-story", "syndication-republished"]
    with store.sessions() as s:  # originals have band keys, a linked copy none
        keyed = dict(s.execute(select(SyndicationBandRow.doc_id, func.count())
                               .group_by(SyndicationBandRow.doc_id)).all())
    assert keyed == {"syndication-reuters": BANDS, "syndication-other-story": BANDS}
    store.close()


def yemen_original_and_copy() -> tuple[str, str]:
    """The Yemen incident page's text, and that text as another outlet re-runs it: its own
    header, a few words changed, a closing line."""
    original = read(YEMEN_PAGE)[0].text
    copy = ("SANAA (Gulf Monitor with agencies)\n\n"
            + original.replace("destroyed", "flattened", 1).replace("killing", "leaving", 1)
            + "\n\nThis report was compiled from agency copy.")
    return original, copy


def read_rows(rows: list[dict], folder: Path) -> list:
    """The documents of ``rows`` written as one JSON Lines file and read back by ingest."""
    path = folder / f"rows-{rows[0]['id']}.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return read(path)


def test_a_copy_of_a_yemen_report_is_found_among_the_candidates_of_its_keys(
        db_url, tmp_path):  # noqa: F811
    """Yemen: the store returns, for the copy's band keys, its original and not the other
    stored story; ingest then links the copy to it."""
    original, copy = yemen_original_and_copy()
    syria = read(INGEST / "syndication-other-story.txt")[0].text
    store = Store(db_url)
    pipeline.ingest_items(read_rows([
        {"id": "yemen-monitor", "text": original, "published": "2016-03-05",
         "source": "Civilian harm monitor"},
        {"id": "syria-wire", "text": syria, "published": "2013-08-22", "source": "Reuters"},
    ], tmp_path), store)
    candidates = store.syndication_candidates(band_keys(minhash_signature(copy)))
    assert [doc_id for doc_id, _ in candidates] == ["yemen-monitor"]
    summary = pipeline.ingest_items(read_rows([
        {"id": "yemen-gulf", "text": copy, "published": "2016-03-06", "source": "Gulf Monitor"},
    ], tmp_path), store)
    assert summary.syndicated == [("yemen-gulf", "yemen-monitor")]
    store.close()


def test_the_migration_indexes_the_originals_already_stored(db_url):  # noqa: F811
    """A store written before the index (revision 0014) holds signatures only: upgrading
    computes the originals' band keys, skips a signature of another format, and the next
    ingest links a copy to what was stored before."""
    engine = create_engine(database_url(db_url))
    migrate(engine, "0014")
    stored = read(INGEST / "syndication-reuters.txt", INGEST / "syndication-other-story.txt")
    documents = MetaData()
    documents.reflect(engine, only=["documents"])
    with engine.begin() as con:
        con.execute(documents.tables["documents"].insert(), [
            {"id": doc.id, "content_hash": doc.content_hash, "text": doc.text, "segments": [],
             "minhash": minhash_signature(doc.text) if i == 0 else b"\x00\x01",
             "ingested_at": datetime(2024, 1, 1, 0, i)}
            for i, doc in enumerate(stored)])
    migrate(engine)
    with engine.connect() as con:
        keyed = dict(con.execute(select(SyndicationBandRow.doc_id, func.count())
                                 .group_by(SyndicationBandRow.doc_id)).all())
    assert keyed == {"syndication-reuters": BANDS}
    engine.dispose()
    store = Store(db_url)
    summary = pipeline.ingest([str(INGEST / "syndication-republished.txt")], store)
    assert summary.syndicated == [("syndication-republished", "syndication-reuters")]
    store.close()


# ---------------------------------------------------------------------------------- by reference


def rerun(text: str, header: str) -> str:
    """``text`` as another outlet re-runs wire copy word for word: its own header above, a
    credit line below (neither says anything about a strike)."""
    return f"{header}\n\n{text}\n\nThis article was republished from agency copy."


def extracted_pair(tmp_path: Path, extractor, original: dict, copy: dict):  # noqa: ANN001
    """A store with ``original`` and ``copy`` ingested (the copy linked) and extracted."""
    store = Store(str(tmp_path / "pair.db"))
    ingested = pipeline.ingest_items(read_rows([original, copy], tmp_path), store)
    assert ingested.syndicated == [(copy["id"], original["id"])]
    return store, pipeline.extract_pending(store, extractor=extractor)


def unchanged_but_where(mentions) -> list:  # noqa: ANN001
    """What a mention says, less its document and where in it (StrikeMention fields)."""
    return [(m.date, m.attacker, m.place, m.targets, m.casualties, m.source, m.event_type,
             m.sentence.text, m.place_text) for m in mentions]


def assert_taken_over(store: Store, original_id: str, copy_id: str) -> None:
    """The copy holds its original's mentions, each at its own sentence of the copy."""
    (copy,) = store.documents(ids=[copy_id])
    of_original = store.strike_mentions(doc_ids=[original_id])
    of_copy = store.strike_mentions(doc_ids=[copy_id])
    assert of_original and unchanged_but_where(of_copy) == unchanged_but_where(of_original)
    for m in of_copy:
        assert copy.text[m.sentence.start:m.sentence.end] == m.sentence.text
        if m.place_span is not None:
            assert copy.text[m.place_span.start:m.place_span.end] == m.place_text
    claims = store.claim_mentions(doc_ids=[copy_id])
    assert [c.span.text for c in claims] == [
        c.span.text for c in store.claim_mentions(doc_ids=[original_id])]
    assert all(copy.text[c.span.start:c.span.end] == c.span.text for c in claims)


def test_a_verbatim_syrian_wire_copy_takes_its_originals_mentions(tmp_path, extractor):
    """Syria: a Reuters story re-run word for word under another outlet's header is not
    parsed again; what it holds equals what a full extraction of it finds."""
    text = read(INGEST / "syndication-reuters.txt")[0].text
    original = {"id": "wire", "text": text, "published": "2013-08-22", "source": "Reuters"}
    copy = {"id": "rerun", "text": rerun(text, "DAMASCUS (Daily Sabah with Reuters)"),
            "published": "2013-08-22", "source": "Daily Sabah"}
    store, summary = extracted_pair(tmp_path, extractor, original, copy)
    assert summary.by_reference == 1 and summary.copies_in_full == []
    assert_taken_over(store, "wire", "rerun")
    alone = Store(str(tmp_path / "alone.db"))
    pipeline.ingest_items(read_rows([copy], tmp_path), alone)
    pipeline.extract_pending(alone, extractor=extractor)
    assert unchanged_but_where(alone.strike_mentions()) == unchanged_but_where(
        store.strike_mentions(doc_ids=["rerun"]))


def test_a_verbatim_yemen_copy_takes_its_originals_mentions_and_counts_once(
        tmp_path, extractor):
    """Yemen: the copy's mentions come by reference, and fusion counts the story once:
    one incident per strike, its documents two, one of them a syndicated copy."""
    from strikewatch.fuse import fuse_pending, incident_records

    text, _ = yemen_original_and_copy()
    original = {"id": "monitor", "text": text, "published": "2016-03-05",
                "source": "Civilian harm monitor"}
    copy = {"id": "gulf", "text": rerun(text, "SANAA (Gulf Monitor with agencies)"),
            "published": "2016-03-05", "source": "Gulf Monitor"}
    store, summary = extracted_pair(tmp_path, extractor, original, copy)
    assert summary.by_reference == 1
    assert_taken_over(store, "monitor", "gulf")
    fuse_pending(store)
    records = list(incident_records(store))
    assert records and all("syndicated cop" in inc["grade_reason"] for inc in records
                           if {m["doc_id"] for m in inc["mentions"]} == {"monitor", "gulf"})
    assert not any("2 independent sources" in inc["grade_reason"] for inc in records)


def test_a_copy_that_changes_a_strike_sentence_is_extracted_in_full(tmp_path, extractor):
    """Syria: the re-published fixture changes words of its strike paragraphs: extracted in
    full, the summary saying why."""
    (reuters, changed) = read(INGEST / "syndication-reuters.txt",
                              INGEST / "syndication-republished.txt")
    original = {"id": "wire", "text": reuters.text, "published": "2013-08-22",
                "source": "Reuters"}
    copy = {"id": "changed", "text": changed.text, "published": "2013-08-22",
            "source": "Daily Sabah"}
    store, summary = extracted_pair(tmp_path, extractor, original, copy)
    assert summary.by_reference == 0
    assert summary.copies_in_full == [
        ("changed", "adds or changes text that may report a strike or hold a claim")]
    assert store.strike_mentions(doc_ids=["changed"]) and summary.documents == 2
    assert "  extracted in full, adds or changes text that may report a strike or hold a " \
        "claim: 1 (changed)" in summary.lines()


def test_a_copy_of_another_day_or_missing_a_sentence_is_not_taken_over(tmp_path, extractor):
    """Yemen: a copy dated a day later ("on Thursday" may be another day) and a copy that
    drops the paragraph of a mention's sentence keep their own extraction."""
    text, _ = yemen_original_and_copy()
    original = {"id": "monitor", "text": text, "published": "2016-03-05",
                "source": "Civilian harm monitor"}
    copy = {"id": "gulf", "text": rerun(text, "SANAA (agencies)"), "published": "2016-03-05",
            "source": "Gulf Monitor"}
    store, _ = extracted_pair(tmp_path, extractor, original, copy)
    (first,), (rerun_doc,) = store.documents(ids=["monitor"]), store.documents(ids=["gulf"])
    strikes = store.strike_mentions(doc_ids=["monitor"])
    claims = store.claim_mentions(doc_ids=["monitor"])
    later = replace(rerun_doc, published=date(2016, 3, 6))
    assert mentions_by_reference(later, first, strikes, claims, lambda _: False) == (
        "published on another day than its original")
    struck = strikes[0].sentence.text
    cut = replace(rerun_doc, text=rerun_doc.text.replace(struck, ""))
    assert mentions_by_reference(cut, first, strikes, claims, lambda _: False) == (
        "a sentence of its original's mentions is not in it word for word")
