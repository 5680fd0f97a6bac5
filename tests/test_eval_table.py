"""The ``make eval`` table: one line per set and part, strikewatch and the naive baseline side
by side, and the fakes-dev fatalities line issue 12 asks for. Figures here are made up for the
test; the runner itself needs ../shared and is exercised by ``make eval``."""

from __future__ import annotations

import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

from corpus_eval import in_part  # noqa: E402
from evaluate import EvalSet, RowResult  # noqa: E402
from run_eval import fatalities_line  # noqa: E402
from table import render  # noqa: E402


def scored(f1: float, fatalities: float | None, claims_gold: int = 0) -> dict:
    return {"events": {"precision": 0.5, "recall": f1, "f1": f1, "gold": 4, "predicted": 4,
                       "matched": 2},
            "fatalities_accuracy": fatalities, "dates_exact": 1.0,
            "claims": {"f1": 0.25, "gold": claims_gold}}


def row(name: str, part: str, ours: dict, baseline: dict | None) -> RowResult:
    return RowResult(EvalSet(name, part, Path("a"), Path("g")), 7, ours, baseline, 1.0)


def test_table_shows_each_row_with_its_baseline_beside_it():
    text = render([row("fakes-dev", "all", scored(0.771, 0.439, claims_gold=3), scored(0.071, None)),
                   row("cir-ukraine", "slice", scored(0.424, None), None)])
    lines = text.splitlines()
    fakes = next(line for line in lines if line.startswith("fakes-dev"))
    assert fakes.split() == ["fakes-dev", "all", "7", "0.500", "0.771", "0.771", "0.439", "1.000",
                             "0.500", "0.071", "0.071", "-", "1.000", "0.250"]
    cir = next(line for line in lines if line.startswith("cir-ukraine"))
    assert cir.split()[1] == "slice" and cir.split()[-6:] == ["-"] * 6  # no baseline, no claims gold
    assert "naive baseline" in lines[0]


def test_fatalities_line_says_whether_issue_12_goal_is_met():
    assert "0.439" in fatalities_line([row("fakes-dev", "all", scored(0.7, 0.439), None)])
    assert "not met" in fatalities_line([row("fakes-dev", "all", scored(0.7, 0.439), None)])
    assert ": met" in fatalities_line([row("fakes-dev", "all", scored(0.7, 0.85), None)])
    assert fatalities_line([row("cir-ukraine", "dev", scored(0.4, None), None)]) is None


def test_fixed_slice_is_every_fifth_document_from_the_fifth():
    assert [i for i in range(12) if in_part(i, "slice")] == [4, 9]
    assert [i for i in range(6) if in_part(i, "dev")] == [0, 1, 2, 3, 5]
    assert all(in_part(i, "all") for i in range(6))


def test_the_developer_halves_split_the_developer_part_and_never_touch_the_slice():
    a = [i for i in range(10) if in_part(i, "A")]
    b = [i for i in range(10) if in_part(i, "B")]
    assert a == [0, 1, 5, 6] and b == [2, 3, 7, 8]
    assert sorted(a + b) == [i for i in range(10) if in_part(i, "dev")]
