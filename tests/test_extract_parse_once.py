"""Extraction parses each distinct kept sentence of a batch once: a title told again as the
body's first sentence, or a line two documents share, is one parse read by both. The
sentences are written for these tests in the shape such reports take (a Ukrainian and a
Yemeni one); none is copied from a corpus."""

from __future__ import annotations

import json

import pytest

from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.models import Document


class _CountingPipeline:
    """The extractor's spaCy pipeline, remembering every text it was asked to parse."""

    def __init__(self, nlp):
        self.nlp, self.texts = nlp, []

    def pipe(self, texts, batch_size):
        texts = list(texts)
        self.texts.extend(texts)
        return self.nlp.pipe(texts, batch_size=batch_size)


def _doc(tmp_path, doc_id: str, title: str, body: str) -> Document:
    """A document as a JSON Lines input gives it."""
    path = tmp_path / f"{doc_id}.jsonl"
    path.write_text(json.dumps({"id": doc_id, "title": title, "text": body,
                                "published": "2023-05-04"}) + "\n")
    (doc,) = list(read_inputs([str(path)], IngestOptions()))
    return doc


@pytest.mark.parametrize(("headline", "rest", "place"), [
    ("Russian missiles struck an apartment block in Dnipro.",
     "Rescuers searched the rubble overnight.", "Dnipro"),
    ("Saudi-led coalition air strikes hit a market in Saada.",
     "Medics said the wounded were taken to the city hospital.", "Saada"),
])
def test_a_title_told_again_is_parsed_once_and_read_twice(extractor, tmp_path, headline, rest,
                                                            place):
    counting = _CountingPipeline(extractor.nlp)
    extractor.nlp = counting
    try:
        twice = _doc(tmp_path, "t1", headline, f"{headline} {rest}")
        other = _doc(tmp_path, "t2", "Aftermath", f"{headline} {rest}")
        found = dict(extractor.extract_many([twice, other]))
    finally:
        extractor.nlp = counting.nlp
    assert counting.texts.count(headline) == 1
    assert len(counting.texts) == len(set(counting.texts))
    for doc_id in ("t1", "t2"):
        assert place in {m.place_text for m in found[doc_id].strikes}
    # the shared parse gives each document what a parse of its own gives it
    for doc in (twice, other):
        assert extractor.extract(doc).strikes == found[doc.id].strikes
