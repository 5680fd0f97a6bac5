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


def _articles_and_republished_copies(tmp_path: Path, count: int) -> Path:
    """``count`` articles, then each again under a new id with a line an outlet added in
    front: syndicated copies whose extra text makes them extracted in full."""
    rows = [json.loads(line) for line in _first_articles(tmp_path, count).open(encoding="utf-8")]
    copies = [{**row, "id": f"{row['id']}-republished",
               "text": f"(Republished from a wire.) {row['text']}"} for row in rows]
    path = tmp_path / f"with-copies-{count}.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows + copies), encoding="utf-8")
    return path


def test_copies_in_full_go_to_the_workers_that_extracted_the_originals(tmp_path, monkeypatch):
    started = []
    for starts_a_pool in ("forked_worker_pool", "worker_pool"):
        real_pool = getattr(pipeline, starts_a_pool)
        monkeypatch.setattr(pipeline, starts_a_pool,
                            lambda *args, real_pool=real_pool: started.append(args)
                            or real_pool(*args))
    articles, exports = _articles_and_republished_copies(tmp_path, 24), []
    for workers in (1, 2):
        store = Store(str(tmp_path / f"copies-{workers}.db"))
        pipeline.ingest([str(articles)], store)
        summary = pipeline.extract_pending(store, workers=workers, batch_size=8)
        assert summary.documents == 48 and summary.copies_in_full
        fuse_pending(store)
        exports.append(_export_without_clock(store, "incidents"))
    assert len(started) == 1, "one pool of workers for the originals and the copies"
    assert exports[0] and exports[0] == exports[1]


def test_copies_their_text_sends_in_full_follow_their_originals_in_one_stream(tmp_path,
                                                                             monkeypatch):
    """The workers get each copy whose text alone sends it to a full extraction right after
    its original, in the same stream of pages (no pause while the parent sorts the copies);
    a word-for-word reprint takes its original's mentions once those are written."""
    articles = _articles_and_republished_copies(tmp_path, 8)
    reprints = [{**row, "id": f"{row['id']}-reprinted"} for row in
                (json.loads(line) for line in _first_articles(tmp_path, 8).open(encoding="utf-8"))]
    with articles.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in reprints)
    streams: list[list[str]] = []
    real_extract = pipeline._Engine.extract

    def recorded(engine, store, pages, progress):  # noqa: ANN001, ANN202
        streams.append([])
        return real_extract(engine, store, (streams[-1].extend(d.id for d in page) or page
                                            for page in pages), progress)

    monkeypatch.setattr(pipeline._Engine, "extract", recorded)
    exports = []
    for workers in (1, 2):
        streams.clear()
        store = Store(str(tmp_path / f"stream-{workers}.db"))
        pipeline.ingest([str(articles)], store)
        summary = pipeline.extract_pending(store, workers=workers, batch_size=4)
        originals = sorted(d.id for d in store.documents() if d.near_duplicate_of is None)
        assert summary.documents == 24 and summary.by_reference >= 8
        assert summary.copies_in_full, "copies in full by text: else the stream proves nothing"
        copies = {doc.id: doc.near_duplicate_of for doc in store.documents(
            ids=[doc_id for doc_id, _ in summary.copies_in_full])}
        assert streams == [[doc_id for original in originals for doc_id in [original, *sorted(
            copy for copy, of in copies.items() if of == original)]]]
        fuse_pending(store)
        exports.append(_export_without_clock(store, "incidents"))
    assert exports[0] and exports[0] == exports[1]


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


@pytest.fixture(scope="module")
def fused_store(tmp_path_factory):
    """48 fakes-dev articles extracted and fused (one worker)."""
    tmp = tmp_path_factory.mktemp("fused")
    store = Store(str(tmp / "fused.db"))
    pipeline.ingest([str(_first_articles(tmp, 48))], store)
    pipeline.extract_pending(store)
    fuse_pending(store)
    return store


def test_export_by_pages_of_three_is_the_whole_list(fused_store, monkeypatch):
    from strikewatch import store as store_module
    from strikewatch.fuse import incident_records, stream_incident_records

    whole = incident_records(fused_store)
    assert len(whole) > 10  # several pages of three, a partial last one likely
    monkeypatch.setattr(store_module, "IN_CHUNK", 3)
    assert list(stream_incident_records(fused_store)) == whole
    assert incident_records(fused_store, ids=[r["id"] for r in whole]) == whole


def test_an_undated_incident_comes_where_sqlite_sorts_null(fused_store, monkeypatch):
    from sqlalchemy import update

    from strikewatch import store as store_module
    from strikewatch.store import IncidentFilter, IncidentRow

    last = fused_store.incidents()[-1]
    with fused_store.sessions.begin() as s:
        s.execute(update(IncidentRow).where(IncidentRow.id == last.id).values(date=None))
    try:
        monkeypatch.setattr(store_module, "IN_CHUNK", 4)
        paged = [i.id for page in fused_store.incident_pages(IncidentFilter()) for i in page]
        assert paged[0] == last.id
        assert paged == [i.id for i in fused_store.incidents()]
    finally:  # the module's other tests read the fixture as fused
        with fused_store.sessions.begin() as s:
            s.execute(update(IncidentRow).where(IncidentRow.id == last.id)
                      .values(date=last.date))


def test_claims_by_pages_of_three_are_the_same_report(fused_store, monkeypatch):
    from collections import Counter
    from datetime import date

    from strikewatch import store as store_module
    from strikewatch.fuse import claims_vs_reports

    attackers = Counter(i.attacker.code for i in fused_store.incidents() if i.attacker)
    attacker = attackers.most_common(1)[0][0]
    period = {"attacker": attacker, "start": date(2011, 1, 1), "end": date(2019, 12, 31)}
    whole = claims_vs_reports(fused_store, **period)
    assert whole.incidents > 3
    monkeypatch.setattr(store_module, "IN_CHUNK", 3)
    assert claims_vs_reports(fused_store, **period) == whole


@pytest.fixture(scope="module")
def gate():
    from strikewatch.extract.gate import SentenceGate
    from strikewatch.extract.settings import ExtractSettings
    from strikewatch.lexicons import load_lexicons

    return SentenceGate(load_lexicons(), ExtractSettings())


@pytest.mark.parametrize("text", [
    # Syria, as the wire reports it
    "Russian warplanes carried out air strikes on the town of Talbiseh in Homs province on "
    "Wednesday, killing at least 12 people, a monitor said.",
    # Yemen
    "Saudi-led coalition jets bombed a wedding hall in Hajjah, medics said on Sunday.",
    # Ukraine
    "A Russian drone strike hit an apartment block in Odesa overnight, the governor said.",
])
def test_a_strike_report_passes_the_document_gate(gate, text):
    assert gate.may_keep_any(f"Reporters' notebook.\n\n{text}\n\nMore follows.")


@pytest.mark.parametrize("text", [
    "The orchestra opened its winter season in Kyiv with Brahms and a new piece by a young "
    "composer from Lviv.",
    "Nigeria beat Ghana 2-1 in Accra on Saturday to reach the final of the regional cup.",
])
def test_news_without_strike_words_is_dropped_by_the_document_gate(gate, text):
    assert not gate.may_keep_any(text)


def test_a_document_the_gate_drops_has_no_sentence_the_sentence_gate_keeps(gate):
    """The document test is the sentence test asked of the whole text: it may keep more,
    never less. Checked over every fakes-dev fixture article and its paragraphs."""
    from strikewatch.models import Document
    from strikewatch.nlp import split_sentences

    rows = [json.loads(line) for line in FAKES.read_text(encoding="utf-8").splitlines()]
    docs = [Document(id=f"{r['id']}-{i}", text=part, segments=(), content_hash="")
            for r in rows for i, part in enumerate(r["text"].split(". ")[::4])]
    dropped = [d for d in docs if not gate.may_keep_any(d.text)]
    assert len(dropped) > 100, "few texts dropped: the check would prove little"
    assert all(not gate.keep(split_sentences(d)) for d in dropped)


def _statements_about_another_force(store: Store, first: int, end: int) -> None:
    """Statements ``first`` to ``end`` about an attacker no report asks after (one document
    each, dated within the period), each a long sentence: what a whole-period ``claims`` must
    read past."""
    from datetime import date, timedelta

    from strikewatch.models import ClaimMention, Document, Span

    sentence = ("The ministry said its aircraft struck depots and command posts of the armed "
                "groups near the river crossing overnight, and that no civilian was harmed. ") * 3
    docs = [Document(id=f"statement-{i}", text=sentence, segments=(), content_hash=f"h{i}",
                     source="Wire", published=date(2015, 1, 1) + timedelta(days=i % 1000))
            for i in range(first, end)]
    store.add_documents((d, None) for d in docs)
    store.replace_many_mentions([(d.id, [], [ClaimMention(
        doc_id=d.id, span=Span(0, len(sentence), sentence), speaker="the ministry",
        kind="target", about="XX", quote=sentence)]) for d in docs])


def test_a_whole_period_claims_report_holds_no_more_for_more_statements(tmp_path):
    """The statements of the period are streamed: 12,000 of them leave the report as it was
    and need no more memory than 3,000 (held at once, they took 4× as much)."""
    import tracemalloc
    from collections import Counter
    from datetime import date

    from strikewatch.fuse import claims_vs_reports

    store = Store(str(tmp_path / "statements.db"))
    pipeline.ingest([str(_first_articles(tmp_path, 12))], store)
    pipeline.extract_pending(store)
    fuse_pending(store)
    attacker = Counter(i.attacker.code for i in store.incidents()
                       if i.attacker).most_common(1)[0][0]
    period = {"attacker": attacker, "start": date(2010, 1, 1), "end": date(2020, 12, 31)}

    def report_and_peak():
        claims_vs_reports(store, **period)  # lexicons and caches loaded before measuring
        tracemalloc.start()
        try:
            report = claims_vs_reports(store, **period)
            return report, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    before, _ = report_and_peak()
    assert before.incidents > 0
    _statements_about_another_force(store, 0, 3000)
    after_3000, peak_3000 = report_and_peak()
    _statements_about_another_force(store, 3000, 12000)
    after_12000, peak_12000 = report_and_peak()
    assert after_3000 == after_12000 == before
    assert peak_12000 < 1.2 * peak_3000, (peak_3000, peak_12000)


_LONG_PROSE = ("The orchestra opened its winter season with Brahms and a new piece by a young "
               "composer; the critics praised the strings and the hall was full. ") * 20


@pytest.mark.parametrize("text", [
    # Yemen: the passive phrase ("was hit") far into a long text
    _LONG_PROSE + "Later the hospital in Taiz was hit, medics said.",
    # Ukraine
    _LONG_PROSE + "A school in Kharkiv was struck overnight.",
])
def test_a_strike_phrase_deep_in_a_long_text_passes_the_document_gate(gate, text):
    """The document gate looks for a phrase only where its first word stands: wherever that
    is, the phrase is found."""
    assert gate.may_keep_any(text)


def test_the_words_of_a_phrase_apart_do_not_pass_the_document_gate(gate):
    text = _LONG_PROSE + "The new piece was, by every account, a hit with the audience."
    assert not gate.may_keep_any(text)
