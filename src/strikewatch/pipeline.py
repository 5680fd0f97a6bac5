"""The batch runner: ingest → extract → geocode → fuse over one store.

The CLI, the API and the benchmark all call these functions; nothing here decides what an
event is. Each stage only touches what is new since the last run (documents never extracted,
mentions not yet fused), so a daily run costs what the day's news costs.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from .ingest import IngestOptions, SyndicationIndex, minhash_signature, read_inputs
from .models import Document, Rejection
from .store import Store

if TYPE_CHECKING:
    from .fuse import FuseReport

log = logging.getLogger("strikewatch")

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did with its inputs; ``rejected`` keeps every reason."""

    read: int = 0
    stored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, why)
    syndicated: list[tuple[str, str]] = field(default_factory=list)  # (id, earlier copy)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (id asked for, id stored)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        return self.read == 0

    def lines(self) -> list[str]:
        out = [f"read {self.read}, stored {len(self.stored)} "
               f"({len(self.syndicated)} linked as syndicated copies), "
               f"duplicates {len(self.duplicates)}, rejected {len(self.rejected)}"]
        out += [f"  duplicate: {doc_id}: {why}" for doc_id, why in self.duplicates]
        out += [f"  syndicated: {doc_id} is a copy of {first}" for doc_id, first in self.syndicated]
        out += [f"  renamed: {asked} already holds another text, so this one is stored as {given}"
                for asked, given in self.renamed]
        out += [f"  rejected: {r.reason}" for r in self.rejected]  # a reason names its input
        return out


def ingest(sources: Iterable[str], store: Store, *, options: IngestOptions | None = None,
           progress: Progress | None = None, batch_size: int = 500) -> IngestSummary:
    """Read every source and store each new document once.

    An input is a duplicate when its id is already stored with the same text. The same or a
    near-identical text under another id (a syndicated wire copy, a re-publication) is stored
    but linked to the first copy, so that fusion counts the story as one source. An id that
    already holds another text stays with the document stored first; the later one is stored
    under the id with a suffix from its own text, and the summary says so (``renamed``).
    """
    return ingest_items(read_inputs(sources, options or IngestOptions()), store,
                        progress=progress, batch_size=batch_size)


def ingest_items(items: Iterable[Document | Rejection], store: Store, *,
                 progress: Progress | None = None, batch_size: int = 500) -> IngestSummary:
    """``ingest`` over documents already read (``watch`` reads its conditional fetches)."""
    summary = IngestSummary()
    known_hash = store.known_documents()
    by_hash = {h: i for i, h in known_hash.items()}
    syndication = SyndicationIndex.from_signatures(store.signatures())
    pending: list[tuple[Document, bytes]] = []

    def flush() -> None:
        if pending:
            _store_batch(store, pending, summary)
            pending.clear()

    for item in items:
        if isinstance(item, Rejection):
            summary.rejected.append(item)
            log.info("rejected: %s", item.reason)  # the summary lists every rejection once
            continue
        summary.read += 1
        doc = item
        if progress:
            progress(doc.id)
        if known_hash.get(doc.id) == doc.content_hash:
            summary.duplicates.append((doc.id, "already stored with the same text"))
            continue
        if doc.id in known_hash:  # same id, new text: keep both, the new one under a derived id
            asked, doc = doc.id, _renamed(doc)
            if doc.id in known_hash:
                summary.duplicates.append((doc.id, "already stored with the same text"))
                continue
            summary.renamed.append((asked, doc.id))
        signature = minhash_signature(doc.text)
        # the same text under another id is a copy an outlet re-published: stored, but linked
        earlier = by_hash.get(doc.content_hash) or syndication.find(signature)
        if earlier is not None:
            doc = replace(doc, near_duplicate_of=earlier)
            summary.syndicated.append((doc.id, earlier))
        else:
            syndication.add(doc.id, signature)
        known_hash[doc.id] = doc.content_hash
        by_hash[doc.content_hash] = doc.id
        pending.append((doc, signature))
        if len(pending) >= batch_size:
            flush()
    flush()
    store.add_rejections(summary.rejected)
    return summary


def _renamed(doc: Document) -> Document:
    return replace(doc, id=f"{doc.id}~{doc.content_hash[:8]}")


def _store_batch(store: Store, batch: list[tuple[Document, bytes]], summary: IngestSummary,
                 ) -> None:
    """Insert a batch, then account for the documents another writer stored first.

    Another ``ingest`` (or the web app) may store the same id between our reading the known
    ids and this insert: the same text is then a duplicate, another text is renamed as if it
    had been there from the start. A row the database refuses is retried alone so that it
    is rejected by itself (``_store_one_by_one``), never with its whole batch.
    """
    refused: set[str] = set()
    try:
        inserted = store.add_documents(batch)
    except DBAPIError:
        log.warning("the database refused a batch of %d documents; storing them one by one",
                    len(batch))
        inserted, refused = _store_one_by_one(store, batch, summary)
    summary.stored += inserted
    done = set(inserted) | refused
    raced = [(doc, sig) for doc, sig in batch if doc.id not in done]
    if not raced:
        return
    stored_hash = store.document_hashes([doc.id for doc, _ in raced])
    retry = []
    for doc, sig in raced:
        if stored_hash.get(doc.id) == doc.content_hash:
            summary.duplicates.append((doc.id, "stored meanwhile by another ingest"))
        else:
            summary.renamed.append((doc.id, _renamed(doc).id))
            retry.append((_renamed(doc), sig))
    if retry:
        _store_batch(store, retry, summary)


def _store_one_by_one(store: Store, batch: list[tuple[Document, bytes]],
                      summary: IngestSummary) -> tuple[list[str], set[str]]:
    """(ids inserted, ids refused); each refusal becomes a rejection naming its input."""
    inserted: list[str] = []
    refused: set[str] = set()
    for doc, sig in batch:
        try:
            inserted += store.add_documents([(doc, sig)])
        except DBAPIError as exc:
            where = doc.origin or doc.id
            detail = (str(exc.orig).strip().splitlines() or [type(exc).__name__])[0]
            summary.rejected.append(Rejection(where, f"{where}: the database refused it ({detail})"))
            refused.add(doc.id)
    return inserted, refused


def progress_printer(doing: str) -> tuple[Progress, Callable[[], None]]:
    """A rich progress bar on a terminal, plain log lines every 100 documents otherwise;
    ``doing`` names the stage ("ingesting", "extracting")."""
    if sys.stderr.isatty():
        from rich.progress import Progress as RichProgress
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        bar = RichProgress(SpinnerColumn(), TextColumn("{task.description}"),
                           TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                           transient=True)
        task = bar.add_task(doing, total=None)
        bar.start()
        return (lambda _id: bar.advance(task)), bar.stop
    count = [0]

    def tick(doc_id: str) -> None:
        count[0] += 1
        if count[0] % 100 == 0:
            log.info("%s: %d documents (last: %s)", doing, count[0], doc_id)

    return tick, lambda: None


@dataclass(slots=True)
class ExtractSummary:
    documents: int = 0
    strikes: int = 0
    claims: int = 0
    skipped_language: list[tuple[str, str]] = field(default_factory=list)  # (id, language)

    def lines(self) -> list[str]:
        out = [f"extracted {self.strikes} strike mentions and {self.claims} claims "
               f"from {self.documents} documents"]
        out += [f"  not extracted: {doc_id}: language {lang!r} (English only for now)"
                for doc_id, lang in self.skipped_language]
        return out


def extract_pending(store: Store, *, extractor=None, gazetteer=None, everything: bool = False,
                    ids: Sequence[str] | None = None, progress: Progress | None = None,
                    batch_size: int = 64) -> ExtractSummary:
    """Extract and geocode the documents not yet extracted (or all, for a re-extraction);
    ``ids`` limits it to those documents (an upload processes what it stored, not what
    another writer's ingest has left pending)."""
    from .extract import Extractor
    from .geo import load_gazetteer
    from .nlp import batch_settings

    gazetteer = gazetteer or load_gazetteer()
    extractor = extractor or Extractor(gazetteer=gazetteer)
    with batch_settings():  # after loading: the model is among what the collector skips
        return _extract_batches(store, extractor, gazetteer, everything=everything, ids=ids,
                                progress=progress, batch_size=batch_size)


def _extract_batches(store: Store, extractor, gazetteer, *, everything: bool,  # noqa: ANN001
                     ids: Sequence[str] | None, progress: Progress | None,
                     batch_size: int) -> ExtractSummary:
    from .geo import geocode_mentions

    summary = ExtractSummary()
    docs = list(store.documents(ids=ids, unextracted=not everything))
    for doc in docs:
        if doc.language and doc.language != "en":
            summary.skipped_language.append((doc.id, doc.language))
    text_of = {d.id: d.text for d in docs}
    done: list[tuple] = []  # stored a batch at a time: one transaction per document cost more
    for doc_id, extraction in extractor.extract_many(docs, batch_size=batch_size):
        strikes = geocode_mentions(extraction.strikes, gazetteer, document_text=text_of[doc_id])
        done.append((doc_id, strikes, extraction.claims))
        summary.documents += 1
        summary.strikes += len(strikes)
        summary.claims += len(extraction.claims)
        if len(done) >= batch_size:
            store.replace_many_mentions(done)
            done.clear()
        if progress:
            progress(doc_id)
    store.replace_many_mentions(done)
    return summary


def process_pending(store: Store, *, everything: bool = False, ids: Sequence[str] | None = None,
                    progress: Progress | None = None) -> tuple[ExtractSummary, FuseReport]:
    """Extract and geocode what is new (or everything), then fuse it into incidents: what
    ``strikewatch extract``, ``strikewatch run`` and the web app's ingest do once documents
    are stored."""
    from .fuse import fuse_pending

    extracted = extract_pending(store, everything=everything, ids=ids, progress=progress)
    return extracted, fuse_pending(store)
