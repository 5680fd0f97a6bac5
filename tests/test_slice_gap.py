"""`make eval`'s verdict on a slice's gap: set against random slices of the developer part.
Counts here are made up for the test; ``make eval`` runs it on the scorer's per-document counts."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from evaluate import EvalSet, RowResult  # noqa: E402
from slice_gap import f1, slice_gap, slice_gap_lines  # noqa: E402


def documents(prefix: str, hits: int, misses: int) -> dict:
    """One gold event per document: ``hits`` found, ``misses`` missed with a false alarm."""
    found = {f"{prefix}{i}": {"gold": 1, "pred": 1, "matched": 1} for i in range(hits)}
    missed = {f"{prefix}m{i}": {"gold": 1, "pred": 1, "matched": 0} for i in range(misses)}
    return found | missed


def test_f1_sums_counts_over_documents_as_the_scorer_does():
    assert f1([{"gold": 2, "pred": 1, "matched": 1}, {"gold": 0, "pred": 1, "matched": 0}]) == 0.5


def test_a_slice_like_its_developer_part_is_within_chance():
    gap = slice_gap("c", documents("d", 320, 80), documents("s", 77, 23))
    assert 0 < gap.gap < 0.05 and gap.chance > 0.2


def test_a_slice_far_below_its_developer_part_is_more_than_chance():
    gap = slice_gap("c", documents("d", 360, 40), documents("s", 70, 30))
    assert round(gap.gap, 3) == 0.2 and gap.chance < 0.01
    assert "more than chance gives" in gap.line()


def test_a_slice_above_its_developer_part_says_so():
    line = slice_gap("c", documents("d", 300, 100), documents("s", 90, 10)).line()
    assert "not below" in line


def test_lines_pair_each_corpus_dev_with_its_slice_only():
    def row(name, part, per_doc):
        return RowResult(EvalSet(name, part, Path("a"), Path("g")), len(per_doc),
                         {"per_doc": per_doc}, None, 1.0)
    lines = slice_gap_lines([row("fakes-dev", "all", documents("f", 5, 5)),
                             row("x", "dev", documents("d", 360, 40)),
                             row("x", "slice", documents("s", 70, 30)),
                             row("y", "dev", documents("e", 10, 0))])
    assert len(lines) == 1 and lines[0].startswith("x: slice F1 0.700")
