"""Is a fixed slice's shortfall chance? The same gap set against random slices of the dev part.

A slice scoring below its corpus's developer part can mean two things: rules that fit the
documents they were written from, or a small sample. To tell them apart, the developer part's
own documents are dealt again and again into a pseudo-slice of the real slice's size and the
rest, with the shared scorer's per-document counts (matched, predicted, gold), and the gap
between the two F1 is counted. When random pseudo-slices of documents the rules *were* written
from seldom fall as far below the rest as the real slice does, the gap is not the sample's: the
rules hold less well on documents they were not written for. Only counts are read, never the
slice's documents.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

DRAWS = 5000
SEED = 7  # fixed, so that `make eval` prints the same figure for the same exports


@dataclass(frozen=True, slots=True)
class SliceGap:
    corpus: str
    dev_f1: float
    slice_f1: float
    slice_documents: int
    chance: float  # share of random pseudo-slices falling at least as far below their rest
    spread: float  # standard deviation of the pseudo-slice gaps

    @property
    def gap(self) -> float:
        return self.dev_f1 - self.slice_f1

    def line(self) -> str:
        if self.gap <= 0:
            return (f"{self.corpus}: slice F1 {self.slice_f1:.3f}, not below the developer "
                    f"part's {self.dev_f1:.3f}")
        verdict = "chance can give that" if self.chance >= 0.05 else "more than chance gives"
        return (f"{self.corpus}: slice F1 {self.slice_f1:.3f}, {self.gap:.3f} below the developer "
                f"part's {self.dev_f1:.3f}; random {self.slice_documents}-document slices of the "
                f"developer part fall as far below the rest in {self.chance:.1%} of {DRAWS:,} "
                f"draws (sd {self.spread:.3f}): {verdict}")


def f1(counts: list[dict]) -> float:
    """Events F1 over documents' scorer counts, as the shared scorer sums them."""
    matched = sum(c["matched"] for c in counts)
    predicted = sum(c["pred"] for c in counts)
    gold = sum(c["gold"] for c in counts)
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def slice_gap(corpus: str, dev_per_doc: dict, slice_per_doc: dict) -> SliceGap | None:
    """The slice's gap and how often chance gives as large a one (None when a part is empty)."""
    dev, size = list(dev_per_doc.values()), len(slice_per_doc)
    if not dev or not size or size >= len(dev):
        return None
    dev_f1, slice_f1 = f1(dev), f1(list(slice_per_doc.values()))
    rng, gaps = random.Random(SEED), []
    for _ in range(DRAWS):
        rng.shuffle(dev)
        gaps.append(f1(dev[size:]) - f1(dev[:size]))
    mean = sum(gaps) / DRAWS
    spread = (sum((g - mean) ** 2 for g in gaps) / DRAWS) ** 0.5
    chance = sum(g >= dev_f1 - slice_f1 for g in gaps) / DRAWS
    return SliceGap(corpus, dev_f1, slice_f1, size, chance, spread)


def slice_gap_lines(results) -> list[str]:
    """One line per corpus whose developer part and slice were both scored."""
    parts: dict[str, dict[str, dict]] = {}
    for r in results:
        if r.row.part in ("dev", "slice"):
            parts.setdefault(r.row.name, {})[r.row.part] = r.ours.get("per_doc") or {}
    found = (slice_gap(name, p["dev"], p["slice"]) for name, p in parts.items()
             if {"dev", "slice"} <= p.keys())
    return [g.line() for g in found if g is not None]
