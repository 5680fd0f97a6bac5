"""Near-duplicate detection: a syndicated wire copy found by MinHash locality-sensitive hashing.

A document's signature is a MinHash of its word 5-shingles. Its 64 values are cut into
``BANDS`` bands of ``ROWS`` values; two documents whose signatures agree on a whole band are
candidates, and a candidate counts only when the estimated Jaccard similarity reaches the
threshold. A band is stored as one 64-bit key (``band_keys``) in the ``syndication_bands``
table, so that ingest looks up the candidates of a batch by key in the database instead of
loading every stored signature at its start (issue 14); ``SyndicationIndex`` does the same
in memory for the documents of the batch being ingested. A copy, once linked, takes its
original's mentions instead of a second full extraction when nothing it adds could report
anything (``mentions_by_reference``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

from typing import TYPE_CHECKING

import numpy as np

from .models import ClaimMention, Document, Span, StrikeMention

__all__ = ["BANDS", "ROWS", "SyndicationIndex", "band_keys", "mentions_by_reference",
           "minhash_signature", "similar", "why_extracted_in_full"]

# Tuned on fakes-dev (see tests/test_ingest.py): a wire story re-run under another outlet's
# header and footer with a few words changed scores 0.7-0.9 on word 5-shingles; distinct stories
# on the same event score below 0.3. 64 permutations keep a signature at 257 bytes.
_NUM_PERM = 64
_SHINGLE = 5
THRESHOLD = 0.5
_SCHEME = "affine32"
_SIGNATURE_VERSION = b"\x01"

# 14 bands of 4 values: the split datasketch's MinHashLSH chooses for a threshold of 0.5 and
# 64 permutations (equal weights on false positives and negatives), which this index
# replaced; tests/test_ingest.py checks they still agree. Changing them changes every stored
# key: it needs a migration that recomputes ``syndication_bands``.
BANDS = 14
ROWS = 4

_WORD = re.compile(r"\w+")

if TYPE_CHECKING:
    from datasketch import LeanMinHash

# datasketch is imported where a signature is made or checked, not with this module: it brings
# scipy (about 1 CPU s), which every command paid for through the store, the reads included.


@cache
def _permutations():  # noqa: ANN202
    from datasketch import MinHash

    return MinHash(num_perm=_NUM_PERM, seed=1, scheme=_SCHEME).permutations


def minhash_signature(text: str) -> bytes:
    """A MinHash of the text's lower-cased word 5-shingles, as 1 version byte + 64 uint32."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + _SHINGLE]).encode() for i in range(max(1, len(words) - _SHINGLE + 1))}
    minhash = MinHash(num_perm=_NUM_PERM, seed=1, permutations=_permutations(), scheme=_SCHEME)
    minhash.update_batch(list(shingles))
    return _SIGNATURE_VERSION + minhash.hashvalues.astype("<u4").tobytes()


def _lean(signature: bytes) -> LeanMinHash:
    from datasketch import LeanMinHash

    if signature[:1] != _SIGNATURE_VERSION or len(signature) != 1 + 4 * _NUM_PERM:
        raise ValueError("not a strikewatch MinHash signature (wrong version or length)")
    values = np.frombuffer(signature, dtype="<u4", offset=1).astype(np.uint64)
    return LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)


def band_keys(signature: bytes) -> list[int]:
    """The signature's ``BANDS`` band keys: each band's number and values hashed to a signed
    64-bit integer (a BIGINT column on SQLite and PostgreSQL alike). A collision of two
    different bands only adds a candidate, which the Jaccard check then drops."""
    _lean(signature)  # refuses a foreign or truncated signature
    width = 4 * ROWS
    return [
        int.from_bytes(hashlib.blake2b(bytes([band]) + signature[1 + band * width:
                                                                1 + (band + 1) * width],
                                       digest_size=8).digest(), "big", signed=True)
        for band in range(BANDS)
    ]


def similar(signature: bytes, other: bytes, *, threshold: float = THRESHOLD) -> bool:
    """Whether two signatures' estimated Jaccard similarity reaches the threshold."""
    return _lean(signature).jaccard(_lean(other)) >= threshold


class SyndicationIndex:
    """Finds an earlier copy of the same story among the signatures added to it.

    Candidates share a band key; they count only when ``similar``, and the earliest-added
    match wins, so the "original" of a group is stable across re-runs. Ingest holds one per
    batch: the batch's own documents after the stored candidates of its band keys, in the
    order they were stored.
    """

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self._threshold = threshold
        self._by_band: dict[int, list[str]] = {}
        self._order: dict[str, int] = {}
        self._signatures: dict[str, bytes] = {}

    @classmethod
    def from_signatures(
        cls, items: Iterable[tuple[str, bytes]], *, threshold: float = THRESHOLD
    ) -> SyndicationIndex:
        index = cls(threshold=threshold)
        for doc_id, signature in items:
            index.add(doc_id, signature)
        return index

    def find(self, signature: bytes) -> str | None:
        candidates = {doc_id for key in band_keys(signature)
                      for doc_id in self._by_band.get(key, ())}
        matches = [doc_id for doc_id in candidates
                   if similar(self._signatures[doc_id], signature, threshold=self._threshold)]
        return min(matches, key=self._order.__getitem__) if matches else None

    def add(self, doc_id: str, signature: bytes) -> None:
        if doc_id in self._order:
            return  # the first signature stored under an id stays its reference
        keys = band_keys(signature)
        self._order[doc_id] = len(self._order)
        self._signatures[doc_id] = signature
        for key in keys:
            self._by_band.setdefault(key, []).append(doc_id)

    def __len__(self) -> int:
        return len(self._order)


# ---------------------------------------------------------------------------------- by reference


def mentions_by_reference(copy: Document, original: Document,
                          strikes: Sequence[StrikeMention], claims: Sequence[ClaimMention],
                          may_hold_mention: Callable[[str], bool],
                          ) -> tuple[list[StrikeMention], list[ClaimMention]] | str:
    """The original's strike mentions and claims as the copy's own (its id, its offsets), or
    why the copy must be extracted in full.

    A copy re-run under another outlet's header and footer says what the original says:
    extracting it again costs a full parse for the same mentions. They are taken over when
    nothing the copy adds or changes could report anything (``may_hold_mention``: the
    extraction gate's word test), it is dated the same day (relative dates resolve against
    the publication day) and every mention's sentence is in it word for word.
    """
    why = why_extracted_in_full(copy, original, may_hold_mention)
    if why is not None:
        return why
    moved_strikes = [_moved_strike(m, copy, original) for m in strikes]
    moved_claims = [_moved_claim(c, copy, original) for c in claims]
    if None in moved_strikes or None in moved_claims:
        return "a sentence of its original's mentions is not in it word for word"
    return moved_strikes, moved_claims  # type: ignore[return-value]  # no None left


def why_extracted_in_full(copy: Document, original: Document,
                          may_hold_mention: Callable[[str], bool]) -> str | None:
    """Why the copy's text alone (its day, its language, what it adds) sends it to a full
    extraction, or None: it may take its original's mentions. Asked before the original is
    extracted, so that a copy its text settles is extracted alongside the originals."""
    if copy.published != original.published:
        return "published on another day than its original"
    if copy.language != original.language:
        return "in another language than its original"
    added = [paragraph for paragraph in _paragraphs(copy) if paragraph not in original.text]
    if any(may_hold_mention(paragraph) for paragraph in added):
        return "adds or changes text that may report a strike or hold a claim"
    return None


def _paragraphs(doc: Document) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.segments] or [doc.text]


def _moved(span: Span, copy: Document, original: Document) -> Span | None:
    """``span`` of the original at the same occurrence of its text in the copy, or None."""
    occurrence = original.text.count(span.text, 0, span.start)
    at = -1
    for _ in range(occurrence + 1):
        at = copy.text.find(span.text, at + 1)
        if at < 0:
            return None
    return Span(at, at + len(span.text), span.text)


def _moved_strike(m: StrikeMention, copy: Document, original: Document) -> StrikeMention | None:
    sentence = _moved(m.sentence, copy, original)
    place_span = m.place_span and _moved(m.place_span, copy, original)
    if sentence is None or (m.place_span is not None and place_span is None):
        return None
    return replace(m, doc_id=copy.id, sentence=sentence, place_span=place_span)


def _moved_claim(c: ClaimMention, copy: Document, original: Document) -> ClaimMention | None:
    span = _moved(c.span, copy, original)
    return None if span is None else replace(c, doc_id=copy.id, span=span)
