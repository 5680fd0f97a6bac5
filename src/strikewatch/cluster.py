"""Extraction on a Dask cluster: the same stage function (``pipeline.extract_page``) over the
same keyset pages, run on the cluster's workers; the calling process writes.

Each worker process loads the gazetteer and the extractor once (``_pipeline_of``, cached per
process) and extracts one page at a time under the batch settings, as a ``--workers``
process does. The results come back in page order, so the database, and the export, end the
same as in a single-process run. Workers need strikewatch installed at the same version
and, when the team imported villages, to reach the database that holds them.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .errors import ClusterError
from .models import Document

CONNECT_TIMEOUT = "20s"  # a scheduler that does not answer within this is named as an error

_one_page_at_a_time = threading.Lock()  # batch settings and spaCy are per process, not thread


@lru_cache(maxsize=2)
def _pipeline_of(imported_from: str | None) -> tuple:
    """(extractor, gazetteer) of this worker process, loaded on its first page only."""
    from .extract import Extractor
    from .geo import load_gazetteer

    gazetteer = load_gazetteer()
    if imported_from is not None:
        gazetteer = gazetteer.with_imported(imported_from)
    return Extractor(gazetteer=gazetteer), gazetteer


def extract_page_on_worker(docs: list[Document], imported_from: str | None):  # noqa: ANN201
    """The task each page becomes: ``extract_page`` with this worker's cached pipeline."""
    from .nlp import batch_settings
    from .pipeline import extract_page

    with _one_page_at_a_time:
        extractor, gazetteer = _pipeline_of(imported_from)
        with batch_settings():
            return extract_page(extractor, gazetteer, docs)


def connect(address: str, timeout: str | None = None):  # noqa: ANN201
    """A ``dask.distributed.Client`` of the scheduler at ``address`` (``tcp://host:8786``);
    a missing Dask or a scheduler that does not answer is a ``ClusterError`` naming it."""
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise ClusterError("--dask needs Dask: pip install 'strikewatch[dask]'") from exc
    try:
        return Client(address, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"no Dask scheduler answers at {address}: {exc}") from exc


def pages_on_cluster(pages: Iterable[list[Document]], address: str,
                     imported_from: str | None) -> Iterator:
    """Each page's ``PageResult`` in the pages' order, extracted on the cluster at
    ``address``; at most two pages per worker thread are in flight, so the caller's memory
    stays flat however many documents are pending."""
    with connect(address) as client:
        slots = 2 * max(1, sum(client.nthreads().values()))
        in_flight: deque = deque()
        for page in pages:
            in_flight.append(client.submit(extract_page_on_worker, page, imported_from,
                                           pure=False))
            if len(in_flight) >= slots:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
