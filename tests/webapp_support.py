"""Shared by the web app's API and browser tests: the founding example as a store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from strikewatch import pipeline
from strikewatch.fuse import fuse_pending
from strikewatch.store import Store

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "mee-2015-10-02-russia-syria.html"
FIXTURES = Path(__file__).parent / "fixtures" / "api"


def build_founding_db(path: Path) -> Path:
    """Ingest, extract and fuse the Middle East Eye article of 2 October 2015 into ``path``."""
    store = Store(str(path))
    summary = pipeline.ingest([str(SAMPLE)], store)
    assert summary.stored, summary.lines()
    pipeline.extract_pending(store)
    fuse_pending(store)
    store.close()
    with sqlite3.connect(path) as db:  # fold the WAL into the file so that a copy is whole
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def copy_db(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
