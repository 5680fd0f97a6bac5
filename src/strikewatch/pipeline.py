"""The batch runner: ingest → extract → geocode → fuse over one store.

The CLI, the API and the benchmark all call these functions; nothing here decides what an
event is. Each stage only touches what is new since the last run (documents never extracted,
mentions not yet fused), so a daily run costs what the day's news costs.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from .ingest import IngestOptions, read_inputs
from .models import Document, Rejection
from .store import IN_CHUNK, Store
from .syndication import SyndicationIndex, band_keys, mentions_by_reference, minhash_signature

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
    """``ingest`` over documents already read (``watch`` reads its conditional fetches).

    Documents are taken ``batch_size`` at a time; each batch looks up in the store only what
    concerns it (its ids, its texts' hashes, its band keys), so that memory and start-up do
    not grow with the store."""
    summary = IngestSummary()
    batch: list[Document] = []
    for item in items:
        if isinstance(item, Rejection):
            summary.rejected.append(item)
            log.info("rejected: %s", item.reason)  # the summary lists every rejection once
            continue
        summary.read += 1
        if progress:
            progress(item.id)
        batch.append(item)
        if len(batch) >= batch_size:
            _ingest_batch(store, batch, summary)
            batch.clear()
    _ingest_batch(store, batch, summary)
    store.add_rejections(summary.rejected)
    return summary


@dataclass(slots=True)
class _KnownToBatch:
    """What the store and the batch so far hold that one batch of inputs can meet: the
    stored hash of each of its ids (and renamed ids), the original stored under each of its
    texts' hashes, and a syndication index of the stored originals sharing a band key; and
    the signature of each new text (computed once: a renamed copy has the same)."""

    hash_of_id: dict[str, str]
    original_of_hash: dict[str, str]
    syndication: SyndicationIndex
    signature_of_hash: dict[str, bytes]

    @classmethod
    def look_up(cls, store: Store, docs: list[Document]) -> _KnownToBatch:
        ids = [doc.id for doc in docs] + [_renamed(doc).id for doc in docs]
        hash_of_id = store.document_hashes(ids)
        signature_of_hash = {doc.content_hash: minhash_signature(doc.text) for doc in docs
                             if hash_of_id.get(doc.id) != doc.content_hash}
        keys = [key for signature in signature_of_hash.values() for key in band_keys(signature)]
        return cls(hash_of_id, store.originals_of_hashes(signature_of_hash),
                   SyndicationIndex.from_signatures(store.syndication_candidates(keys)),
                   signature_of_hash)


def _ingest_batch(store: Store, docs: list[Document], summary: IngestSummary) -> None:
    """Sort one batch into duplicates, renamed documents and new ones (an original or a copy
    linked to its original), then store the new ones."""
    if not docs:
        return
    known = _KnownToBatch.look_up(store, docs)
    new: list[tuple[Document, bytes]] = []
    for doc in docs:
        if known.hash_of_id.get(doc.id) == doc.content_hash:
            summary.duplicates.append((doc.id, "already stored with the same text"))
            continue
        if doc.id in known.hash_of_id:  # same id, new text: keep both, the new one renamed
            asked, doc = doc.id, _renamed(doc)
            if doc.id in known.hash_of_id:
                summary.duplicates.append((doc.id, "already stored with the same text"))
                continue
            summary.renamed.append((asked, doc.id))
        signature = known.signature_of_hash[doc.content_hash]
        # the same text under another id is a copy an outlet re-published: stored, but linked
        earlier = known.original_of_hash.get(doc.content_hash) or known.syndication.find(signature)
        if earlier is not None:
            doc = replace(doc, near_duplicate_of=earlier)
            summary.syndicated.append((doc.id, earlier))
        else:
            known.syndication.add(doc.id, signature)
            known.original_of_hash[doc.content_hash] = doc.id
        known.hash_of_id[doc.id] = doc.content_hash
        new.append((doc, signature))
    _store_batch(store, new, summary)


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
    by_reference: int = 0  # syndicated copies that took their original's mentions
    copies_in_full: list[tuple[str, str]] = field(default_factory=list)  # (id, why)

    def lines(self) -> list[str]:
        out = [f"extracted {self.strikes} strike mentions and {self.claims} claims "
               f"from {self.documents} documents"]
        if self.by_reference or self.copies_in_full:
            out.append(f"  syndicated copies: {self.by_reference} took their original's "
                       f"mentions, {len(self.copies_in_full)} extracted in full")
        out += _copies_in_full_lines(self.copies_in_full)
        out += [f"  not extracted: {doc_id}: language {lang!r} (English only for now)"
                for doc_id, lang in self.skipped_language]
        return out

    def add(self, other: ExtractSummary) -> None:
        """Count ``other``'s documents and mentions in this summary too."""
        self.documents += other.documents
        self.strikes += other.strikes
        self.claims += other.claims
        self.skipped_language += other.skipped_language
        self.by_reference += other.by_reference
        self.copies_in_full += other.copies_in_full


def _copies_in_full_lines(copies: list[tuple[str, str]], shown: int = 5) -> list[str]:
    """One line per reason a copy was extracted in full, with a few of the copies' ids: a
    feed can hold thousands of copies, and one line each would bury the summary."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for doc_id, why in copies:
        by_reason[why].append(doc_id)
    return [f"  extracted in full, {why}: {len(ids)} ({', '.join(ids[:shown])}"
            f"{', …' if len(ids) > shown else ''})" for why, ids in by_reason.items()]


@dataclass(slots=True)
class PageResult:
    """One page of documents extracted: what the parent writes, in document order."""

    extractions: list[tuple[str, list, list]]  # (doc id, strike mentions, claims)
    skipped_language: list[tuple[str, str]]


def extract_pending(store: Store, *, extractor=None, gazetteer=None, everything: bool = False,
                    ids: Sequence[str] | None = None, progress: Progress | None = None,
                    batch_size: int = 64, workers: int = 1,
                    dask: str | None = None) -> ExtractSummary:
    """Extract and geocode the documents not yet extracted (or all, for a re-extraction);
    ``ids`` limits it to those documents (an upload processes what it stored, not what
    another writer's ingest has left pending).

    Documents are read a page of ``batch_size`` at a time (originals, each with its copies
    to extract in full), so memory does not grow with the store. With ``workers`` > 1 each
    page is extracted in that many processes,
    forked once this process holds the pipeline (the caller's own ``extractor`` and
    ``gazetteer``, or the default ones; see ``_Engine._start_pool`` for where processes
    cannot be forked); this process alone writes, page after page in the pages' order, so the
    database ends the same as with one worker. With ``dask`` (a
    scheduler's address, or a ``dask.distributed.Client``) the pages are extracted on that
    cluster's workers instead, this process still writing them in order. The attackers that
    only the strike's country names ("the army") are settled once it is geocoded
    (strikewatch.actors).

    Each syndicated copy whose text alone sends it to a full extraction
    (``syndication.why_extracted_in_full``) is extracted with its original, in the original's
    page and task (``_CopiesSortedOut``): one worker reads the story's places and names for
    all its copies, as one process does, and never waits for the parent between the
    originals and the copies. Once the originals are written, each other copy takes its
    original's mentions (``syndication.mentions_by_reference``) where they are all in it word
    for word; the rest are extracted in full last."""
    with _Engine(extractor, gazetteer, workers, dask) as engine:
        copies = _CopiesSortedOut(store, everything=everything, ids=ids,
                                  may_hold_mention=engine.mention_words())
        summary = engine.extract(store, itertools.chain(
            copies.of_originals_not_extracted_now(size=batch_size),
            copies.with_their_originals(document_pages(
                store, everything=everything, ids=ids, size=batch_size, copies=False))),
            progress)
        in_full = _copies_by_reference(store, ids=copies.may_take_mentions, size=batch_size,
                                       may_hold_mention=engine.mention_words(),
                                       summary=summary, progress=progress)
        if in_full:
            summary.add(engine.extract(store, document_pages(
                store, everything=True, ids=[doc_id for doc_id, _ in in_full],
                size=batch_size, copies=True), progress))
    summary.copies_in_full += copies.in_full + in_full
    return summary


class _CopiesSortedOut:
    """The pending syndicated copies, sorted by their text before any original is written:
    those to extract in full (with why), each in its original's page right after it when
    this run extracts the original, and the ids of those that may take their original's
    mentions once it is written."""

    def __init__(self, store: Store, *, everything: bool, ids: Sequence[str] | None,
                 may_hold_mention: Callable[[str], bool]) -> None:
        self.store, self.everything = store, everything
        self.wanted = None if ids is None else set(ids)
        self.may_hold_mention = may_hold_mention
        self.in_full: list[tuple[str, str]] = []  # (id, why)
        self.may_take_mentions: list[str] = []

    def of_originals_not_extracted_now(self, *, size: int) -> Iterator[list[Document]]:
        """The copies to extract in full whose original this run does not extract (it was
        extracted before, or is not among ``ids``), ``size`` at a time, each page's copies
        of one original together. Read before any original is written, so that "not
        extracted now" is what the store said when the run began."""
        page: list[Document] = []
        for copies in self._copies_not_extracted_now(size):
            page += self._in_full(copies, {d.id: d for d in self.store.documents(
                ids=[copy.near_duplicate_of for copy in copies])})
            while len(page) >= size:
                yield sorted(page[:size], key=_story_and_id)
                page = page[size:]
        if page:
            yield sorted(page, key=_story_and_id)

    def _copies_not_extracted_now(self, size: int) -> Iterator[list[Document]]:
        """The copies to sort out whose original this run does not extract, read whole
        ``size`` at a time. The others (most, in most runs) are read with their originals'
        pages (``with_their_originals``), not here: this scan runs before the workers fork,
        and reading every pending copy whole cost 0.18 of its 0.26 CPU s at 1,920
        documents; the links are read ``IN_CHUNK`` at a time (by pages of 64, the queries
        alone cost 0.1 CPU s)."""
        unextracted = not self.everything
        for links in _pages(
                self.wanted, IN_CHUNK,
                lambda chunk: self.store.copy_links(after=None, limit=IN_CHUNK, ids=chunk,
                                                    unextracted=unextracted),
                lambda after: self.store.copy_links(after=after, limit=IN_CHUNK,
                                                    unextracted=unextracted),
                lambda link: link[0]):
            extracted_now = self._extracted_now({original for _, original in links})
            left = [copy_id for copy_id, original in links if original not in extracted_now]
            for i in range(0, len(left), size):
                yield list(self.store.documents(ids=left[i:i + size]))

    def with_their_originals(self, pages: Iterable[list[Document]],
                             ) -> Iterator[list[Document]]:
        """Each page of originals with, after each original, its copies to extract in full."""
        for page in pages:
            copies_of = defaultdict(list)
            for copy in self.store.copies_of([d.id for d in page],
                                             unextracted=not self.everything):
                if self.wanted is None or copy.id in self.wanted:
                    copies_of[copy.near_duplicate_of].append(copy)
            yield [doc for original in page
                   for doc in [original, *self._in_full(copies_of[original.id],
                                                        {original.id: original})]]

    def _extracted_now(self, originals: Iterable[str]) -> set[str]:
        """Those of the ``originals``' ids this run extracts (``document_pages``' choice)."""
        ids = {doc_id for doc_id in originals if self.wanted is None or doc_id in self.wanted}
        return ids if self.everything else ids - self.store.extracted(ids)

    def _in_full(self, copies: list[Document], originals: dict[str, Document],
                 ) -> list[Document]:
        """Those of ``copies`` whose text sends them to a full extraction (their reason is
        kept); the others' ids are kept for ``_copies_by_reference``."""
        from .syndication import why_extracted_in_full

        out = []
        for copy in copies:
            why = why_extracted_in_full(copy, originals[copy.near_duplicate_of],
                                        self.may_hold_mention)
            if why is None:
                self.may_take_mentions.append(copy.id)
            else:
                self.in_full.append((copy.id, why))
                out.append(copy)
        return out


def _story_and_id(doc: Document) -> tuple[str, str]:
    """A document's story (its original's id, or its own) and id: the order that keeps a
    story's documents side by side, so that a task holds them together (``_tasks_of``)."""
    return (doc.near_duplicate_of or doc.id, doc.id)


@dataclass(slots=True)
class _Engine:
    """Where pages are extracted: here, in worker processes, or on a Dask cluster.

    The worker processes are started once for the whole run (the originals, then the
    syndicated copies extracted in full) and stopped when the engine is left: a second pool
    would start its memos of gazetteer answers cold, for copies whose originals the first
    pool has just answered."""

    extractor: object | None
    gazetteer: object | None
    workers: int
    dask: str | None
    pool: Executor | None = None
    pool_size: int = 0

    def __enter__(self) -> _Engine:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def extract(self, store: Store, pages: Iterator[list[Document]],
                progress: Progress | None) -> ExtractSummary:
        """Extract ``pages`` and write each in order (one process writes)."""
        if self.dask is not None:
            from .cluster import pages_on_cluster

            imported_from = store.url if store.gazetteer_imports() else None
            return _write_in_order(store, pages_on_cluster(pages, self.dask, imported_from),
                                   progress)
        pages = _PagesAhead(pages, self.workers)
        if not pages.workers:
            return ExtractSummary()  # nothing to extract: no pipeline to load
        from .nlp import batch_settings

        if self.pool is None and pages.workers > 1:
            self.pool, self.pool_size = self._start_pool(store, pages.workers), pages.workers
        if self.pool is None:
            self._load_here(store)
        # after loading: the model is among what the collector skips. Beside workers too: the
        # parent's reads and writes would otherwise set off the collector's full walks of the
        # pipeline it loaded for them (1,920 documents: its collector 1.1 -> 0.8 CPU s)
        with batch_settings():
            results = (
                _pages_in_workers(pages, self.pool, self.pool_size) if self.pool is not None
                else (extract_page(self.extractor, self.gazetteer, page) for page in pages))
            return _write_in_order(store, results, progress)

    def _start_pool(self, store: Store, workers: int) -> Executor | None:
        """The worker processes: forked once this process holds the pipeline (the caller's
        or the default one, with the store's imported places), so that they start with it
        loaded; spawned where forking is unsafe, each loading the default pipeline itself,
        which a caller's own pipeline cannot join (None: it is used here, on one core)."""
        if _FORK_IS_SAFE:
            self._load_here(store)
            return forked_worker_pool(workers, self.extractor, self.gazetteer)
        if self.extractor is None and self.gazetteer is None:
            return worker_pool(workers, store.url if store.gazetteer_imports() else None)
        return None

    def _load_here(self, store: Store) -> None:
        from .extract import Extractor
        from .geo import load_gazetteer

        self.gazetteer = self.gazetteer or load_gazetteer()
        if getattr(self.gazetteer, "imported", 1) is None and store.gazetteer_imports():
            self.gazetteer = self.gazetteer.with_imported(store.url)  # the team's villages
        self.extractor = self.extractor or Extractor(gazetteer=self.gazetteer)

    def mention_words(self) -> Callable[[str], bool]:
        """The extraction gate's word test (may a text report a strike or hold a claim),
        built on first use: most runs have no copy to ask it about."""
        gate = []

        def may_hold_mention(text: str) -> bool:
            if not gate:
                gate.append(_gate_of(self.extractor))
            return gate[0].may_keep_any(text)

        return may_hold_mention


def _gate_of(extractor):  # noqa: ANN001, ANN202 - an Extractor, a SentenceGate
    """The extractor's own gate, or one built from the default settings' lexicons (this
    process has no extractor when the pages go to workers or a cluster)."""
    if extractor is not None:
        return extractor.gate
    from .extract.gate import SentenceGate
    from .extract.settings import ExtractSettings
    from .extract.strike_model import classifier_for
    from .lexicons import load_lexicons

    settings = ExtractSettings()
    return SentenceGate(load_lexicons(settings.lexicon_dir), settings, classifier_for(settings))


class _PagesAhead:
    """Pages, with the number of worker processes worth starting for them: no more than
    there are pages (as many pages as workers are read ahead to know), none for none."""

    def __init__(self, pages: Iterator[list[Document]], workers: int) -> None:
        self._ahead = list(itertools.islice(pages, workers))
        self._rest = pages
        self.workers = min(max(1, workers), len(self._ahead))

    def __iter__(self) -> Iterator[list[Document]]:
        yield from self._ahead
        yield from self._rest


def document_pages(store: Store, *, everything: bool, ids: Sequence[str] | None,
                   size: int, copies: bool | None = None) -> Iterator[list[Document]]:
    """The documents to extract, ``size`` at a time in id order: a keyset page each (the
    ids after the last page's), never the whole pending list in memory; ``copies`` True
    for the syndicated copies only, False for the others."""
    return _pages(
        ids, size,
        lambda chunk: list(store.documents(ids=chunk, unextracted=not everything, copies=copies)),
        lambda after: store.document_page(after=after, limit=size, unextracted=not everything,
                                          copies=copies),
        lambda doc: doc.id)


def _pages(ids: Iterable[str] | None, size: int, among: Callable[[list[str]], list],
           after: Callable[[str | None], list], id_of: Callable[[object], str]) -> Iterator[list]:
    """Pages of up to ``size`` rows in id order: ``among`` each ``size`` of ``ids`` (sorted),
    else ``after`` the last page's last id (a keyset page each), until one comes back empty."""
    if ids is not None:
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), size):
            if page := among(wanted[i:i + size]):
                yield page
        return
    last: str | None = None
    while page := after(last):
        yield page
        last = id_of(page[-1])


def _copies_by_reference(store: Store, *, ids: Sequence[str], size: int,
                         may_hold_mention: Callable[[str], bool],
                         summary: ExtractSummary, progress: Progress | None,
                         ) -> list[tuple[str, str]]:
    """Write the mentions of each copy of ``ids`` that can take its original's; return the
    others with the reason, to be extracted in full.

    Under the extraction's collector settings (``nlp.batch_settings``), as the originals'
    pages are: outside them, the copies' rows set off the collector's full walks of the
    loaded pipeline (a general news stream's 2,254 copies: 0.5 of their 1.5 CPU s)."""
    pages = document_pages(store, everything=True, ids=ids, size=size, copies=True)
    first = next(pages, None)
    if first is None:
        return []  # no copy: the extraction's settings (and spaCy) are not loaded for none
    from .nlp import batch_settings

    in_full: list[tuple[str, str]] = []
    with batch_settings():
        for page in itertools.chain([first], pages):
            in_full += _page_of_copies(store, page, may_hold_mention, summary, progress)
    return in_full


def _page_of_copies(store: Store, page: list[Document], may_hold_mention: Callable[[str], bool],
                    summary: ExtractSummary, progress: Progress | None) -> list[tuple[str, str]]:
    """``_copies_by_reference`` for one page: its copies that could not take their
    original's mentions, with the reason."""
    originals = {d.id: d for d in store.documents(ids=[copy.near_duplicate_of for copy in page])}
    extracted = store.extracted(originals)
    strikes, claims = _by_document(store.strike_mentions(doc_ids=list(extracted)),
                                   store.claim_mentions(doc_ids=list(extracted)))
    in_full, taken, skipped = [], [], []
    for copy in page:
        source = copy.near_duplicate_of
        found = (mentions_by_reference(copy, originals[source], strikes[source],
                                       claims[source], may_hold_mention)
                 if source in extracted else "its original is not extracted")
        if isinstance(found, str):
            in_full.append((copy.id, found))
        else:
            taken.append((copy.id, *found))
            if copy.language and copy.language != "en":
                skipped.append((copy.id, copy.language))  # as its original was
    summary.add(_write_in_order(store, [PageResult(taken, skipped)], progress))
    summary.by_reference += len(taken)
    return in_full


def _by_document(strikes, claims) -> tuple[dict, dict]:  # noqa: ANN001
    """Strike mentions and claims grouped by document id (empty lists for any other id)."""
    strikes_of, claims_of = defaultdict(list), defaultdict(list)
    for m in strikes:
        strikes_of[m.doc_id].append(m)
    for c in claims:
        claims_of[c.doc_id].append(c)
    return strikes_of, claims_of


def extract_page(extractor, gazetteer, docs: list[Document]) -> PageResult:  # noqa: ANN001
    """Extract and geocode one page of documents (in the caller's process). A document with
    no strike or claim vocabulary at all (``SentenceGate.may_keep_any``) is recorded as
    extracted with nothing found, without being split or parsed."""
    from .actors import settle_attackers, settle_claims
    from .geo import geocode_mentions

    text_of = {d.id: d.text for d in docs}
    skipped = [(d.id, d.language) for d in docs if d.language and d.language != "en"]
    worded = [d for d in docs if extractor.worth_reading(d)]
    found = {}
    # a page parsed in one batch, but no more than a task's most: a page with a widely
    # re-run story's copies can hold hundreds, and a batch's parses are held together
    for doc_id, extraction in extractor.extract_many(
            worded, batch_size=max(1, min(len(docs), STORY_TASK_DOCS))):
        # a document with no strike has nothing to place: its country vote would be wasted
        strikes = geocode_mentions(extraction.strikes, gazetteer,
                                   document_text=text_of[doc_id]) if extraction.strikes else []
        strikes = settle_attackers(strikes)  # "the army" is the state the strike falls in
        found[doc_id] = (doc_id, strikes, settle_claims(extraction.claims, strikes))
    return PageResult([found.get(d.id, (d.id, [], [])) for d in docs], skipped)


def _write_in_order(store: Store, results: Iterable[PageResult],
                    progress: Progress | None) -> ExtractSummary:
    """Store each page's extraction in one transaction (one per document cost more), in
    the order the pages come."""
    summary = ExtractSummary()
    for result in results:
        store.replace_many_mentions(result.extractions)
        summary.skipped_language += result.skipped_language
        for doc_id, strikes, claims in result.extractions:
            summary.documents += 1
            summary.strikes += len(strikes)
            summary.claims += len(claims)
            if progress:
                progress(doc_id)
    return summary


_worker_pipeline: tuple | None = None  # (extractor, gazetteer) of a worker process

# Forking copies the parent's loaded pipeline into each worker at no cost; where the system's
# own libraries are not fork-safe (macOS; CPython's default there is spawn) or there is no
# fork (Windows), workers are spawned and load the pipeline themselves.
_FORK_IS_SAFE = sys.platform.startswith("linux")


def forked_worker_pool(workers: int, extractor, gazetteer) -> Executor:  # noqa: ANN001
    """``workers`` processes forked from this one now, each using the pipeline it holds
    (the gazetteer opens the child's own connections: ``geo.gazetteer._reopen_after_fork``).

    The store's connections are copied too and never used there: a worker only extracts.
    Every object is frozen out of the collector's walks while the workers are forked (the
    first task forks them all at once), so that a child never collects what it inherited:
    a walk would write to, and so copy, each page of the parent's memory it touches, and
    collecting the parent's garbage could close a database connection only the parent may
    close. A worker holds BLAS to one thread for its life (``_settle_worker``), so the
    threads of this process's BLAS, which a fork does not copy, are never waited for."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_adopt_forked_pipeline, initargs=(extractor, gazetteer))
    freeze = gc.get_freeze_count() == 0  # a caller that froze objects itself keeps its freeze
    if freeze:
        gc.freeze()
    try:
        pool.submit(int)  # a task that does nothing: the first one forks every worker
    finally:
        if freeze:
            gc.unfreeze()
    return pool


def _adopt_forked_pipeline(extractor, gazetteer) -> None:  # noqa: ANN001
    """A forked worker's initializer: the parent's pipeline is this worker's."""
    global _worker_pipeline
    _worker_pipeline = (extractor, gazetteer)
    _settle_worker()


_worker_settings = contextlib.ExitStack()  # a worker's batch settings, held for its life


def _settle_worker() -> None:
    """Put this worker process under the batch's settings (``nlp.batch_settings``) once, for
    as long as it lives: it runs nothing but tasks. Applied per task, they cost a forked
    worker 16 CPU ms each (1 in the parent that loaded the pipeline): in a fork, BLAS's
    threads are gone, and setting its limit back after each task starts them again
    (1,920 documents, 121 tasks: about 2 CPU s of the workers' 45)."""
    from .nlp import batch_settings

    _worker_settings.enter_context(batch_settings())


def _load_worker_pipeline(imported_from: str | None) -> None:
    """A spawned worker's initializer: load the gazetteer (with the team's imported places of
    the database at ``imported_from``, as the parent would use them) and the extractor once."""
    global _worker_pipeline
    from .extract import Extractor
    from .geo import load_gazetteer

    gazetteer = load_gazetteer()
    if imported_from is not None:
        gazetteer = gazetteer.with_imported(imported_from)
    _worker_pipeline = (Extractor(gazetteer=gazetteer), gazetteer)
    _settle_worker()


def _extract_page_in_worker(docs: list[Document]) -> PageResult:
    """One task (a page or a part of one) in a worker, under the batch settings its
    initializer put it under (``_settle_worker``)."""
    assert _worker_pipeline is not None, "the pool's initializer holds the pipeline"
    return extract_page(*_worker_pipeline, docs)


def worker_pool(workers: int, imported_from: str | None) -> Executor:
    """``workers`` spawned processes, each loading the default pipeline once
    (``_load_worker_pipeline``), for where forking is unsafe (``_FORK_IS_SAFE``)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_load_worker_pipeline, initargs=(imported_from,))


# Documents per task sent to a worker. A page of 64 costs a worker about 1.4 CPU s: when a
# run's last pages are out, the workers that have finished wait for the last task, so a
# quarter page bounds that wait at a few tenths of a second; smaller tasks cost no more per
# document (fakes-dev, 480 articles: 16 a task or 64, the same CPU within the noise).
TASK_DOCS = 16
STORY_TASK_DOCS = 4 * TASK_DOCS  # the most documents of one story a task holds together


def _pages_in_workers(pages: Iterable[list[Document]], pool: Executor,
                      workers: int) -> Iterator[PageResult]:
    """The pages' results in the pages' order, extracted in ``pool``'s ``workers``
    processes, a task of about ``TASK_DOCS`` documents each (``_tasks_of``); at most two
    pages per worker are in flight, so memory stays flat however many are pending."""
    from collections import deque

    in_flight: deque = deque()
    for page in pages:
        in_flight.append([pool.submit(_extract_page_in_worker, task) for task in _tasks_of(page)])
        if len(in_flight) >= 2 * workers:
            yield _page_of(in_flight.popleft())
    while in_flight:
        yield _page_of(in_flight.popleft())


def _tasks_of(page: list[Document]) -> list[list[Document]]:
    """``page`` cut into tasks of ``TASK_DOCS`` documents or a few more, not between two
    documents of one story (an original and its copies, side by side in the page): the
    worker that reads a story's places and names first answers its copies from its memos,
    where another worker would look every one of them up again (fakes-dev's 480 articles
    and three copies of each, in two workers: 44.5 CPU s when the copies came after every
    original, 37.1 in their original's task). A story re-run by more outlets than
    ``STORY_TASK_DOCS`` is cut there, so that one worker does not extract it alone while
    the others wait."""
    tasks: list[list[Document]] = []
    for doc in page:
        if not tasks or len(tasks[-1]) >= STORY_TASK_DOCS or (
                len(tasks[-1]) >= TASK_DOCS
                and _story_and_id(doc)[0] != _story_and_id(tasks[-1][-1])[0]):
            tasks.append([])
        tasks[-1].append(doc)
    return tasks


def _page_of(tasks: list[Future]) -> PageResult:
    """One page's result from its tasks', in the page's order, written as one."""
    results = [task.result() for task in tasks]
    return PageResult([extraction for r in results for extraction in r.extractions],
                      [skipped for r in results for skipped in r.skipped_language])


def process_pending(store: Store, *, everything: bool = False, ids: Sequence[str] | None = None,
                    progress: Progress | None = None, workers: int = 1,
                    dask: str | None = None) -> tuple[ExtractSummary, FuseReport]:
    """Extract and geocode what is new (or everything), then fuse it into incidents: what
    ``strikewatch extract``, ``strikewatch run`` and the web app's ingest do once documents
    are stored."""
    from .fuse import fuse_pending

    extracted = extract_pending(store, everything=everything, ids=ids, progress=progress,
                                workers=workers, dask=dask)
    return extracted, fuse_pending(store)
