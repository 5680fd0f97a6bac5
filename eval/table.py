"""The evaluation table: one line per set and part, strikewatch's figures and the naive
baseline's side by side. Events P/R/F1 over all documents; fatalities and exact dates are
accuracies on the matched events only (``-`` where the gold gives none or nothing matched)."""

from __future__ import annotations

from evaluate import RowResult

HEADER = ("set", "part", "docs", "P", "R", "F1", "fatal", "dates", "P", "R", "F1", "fatal", "dates",
          "claims F1")
WIDTHS = (20, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9)


def figure(value) -> str:
    """A figure to three decimals, or '-' when there is none."""
    return "-" if value is None else f"{value:.3f}"


def events_cells(result: dict | None) -> list[str]:
    """P, R, F1, fatalities and exact-date accuracy of one scorer result."""
    if result is None:
        return ["-"] * 5
    e = result["events"]
    return [figure(e["precision"]), figure(e["recall"]), figure(e["f1"]),
            figure(result["fatalities_accuracy"]), figure(result["dates_exact"])]


def claims_cell(result: RowResult) -> str:
    """Claims F1 where the gold codes claims (the shared corpora code none)."""
    claims = result.ours.get("claims") or {}
    return figure(claims["f1"]) if claims.get("gold") else "-"


def line(cells) -> str:
    """Cells padded to the table's columns: the name left-aligned, figures right-aligned."""
    first, *rest = (str(c) for c in cells)
    return "  ".join([first.ljust(WIDTHS[0]), *(c.rjust(w) for c, w in zip(rest, WIDTHS[1:]))])


def render(results: list[RowResult]) -> str:
    """The table as text, with a heading over each system's columns."""
    left = sum(WIDTHS[:3]) + 2 * 3
    ours = sum(WIDTHS[3:8]) + 2 * 4
    heading = (" " * left + "strikewatch".center(ours) + "  " + "naive baseline".center(ours)).rstrip()
    rows = [heading, line(HEADER), "-" * len(line(HEADER))]
    for r in results:
        rows.append(line([r.row.name, r.row.part, r.documents, *events_cells(r.ours),
                          *events_cells(r.baseline), claims_cell(r)]))
    return "\n".join(rows)
