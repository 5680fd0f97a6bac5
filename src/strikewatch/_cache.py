"""Where strikewatch keeps what it builds once and reuses across processes (the gazetteer
index, the lexicons' compiled patterns), and how an old version's file leaves it."""

from __future__ import annotations

import os
import time
from pathlib import Path


def cache_dir(explicit: Path | None = None) -> Path:
    """``explicit``, else ``$STRIKEWATCH_CACHE``, else ``strikewatch`` under the XDG cache."""
    if explicit is not None:
        return Path(explicit)
    if env := os.environ.get("STRIKEWATCH_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "strikewatch"


UNUSED_DAYS = 14  # a file no checkout has opened for two weeks is an old version's


def remove_unused(current: Path, pattern: str) -> None:
    """Delete the other versions' files beside ``current`` (those ``pattern`` globs), but only
    long-unused ones: two checkouts of different versions (a work tree and a CI clone) share
    the cache and each needs its own."""
    cutoff = time.time() - UNUSED_DAYS * 86400
    for other in current.parent.glob(pattern):
        try:
            if other != current and other.stat().st_mtime < cutoff:
                other.unlink()
        except OSError:  # removed by another process meanwhile
            continue
