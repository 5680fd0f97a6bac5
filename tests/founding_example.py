"""The founding example run once per test session through ``strikewatch run``, shared by the
briefing and browser tests (spaCy and the gazetteer are loaded once, not per test file)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from typer.testing import CliRunner

from strikewatch.cli import app

SAMPLE = Path(__file__).parent.parent / "samples" / "mee-2015-10-02-russia-syria.html"


@dataclass(frozen=True)
class Run:
    db: Path
    output: str
    exit_code: int

    @property
    def briefing(self) -> Path:
        return self.db.with_name(f"{self.db.stem}-briefing.html")


@cache
def founding_run() -> Run:
    folder = Path(tempfile.mkdtemp(prefix="strikewatch-brief-"))
    db = folder / "mee.db"
    result = CliRunner().invoke(app, ["run", str(SAMPLE), "--db", str(db)],
                                env={"COLUMNS": "160"})
    return Run(db, result.output, result.exit_code)
