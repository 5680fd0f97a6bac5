"""Watched sources: poll feeds, URLs and folders and process each new item as it arrives.

A monitor's tool has the morning's answer ready because it read the night's news as it came.
``Watcher.cycle`` polls every source that is due: a URL with a conditional GET (its ETag and
Last-Modified are kept in the database, so a restarted watcher asks conditionally again), a
folder by the files modified since the newest one it read. What is new is ingested (an item
already stored is a duplicate by id and hash, so nothing is stored twice), then extracted and
fused by its own ids. A failing source waits twice as long after each failure in a row, up to
``MAX_BACKOFF``; its error and the time of its next poll are its status (``strikewatch
sources``, ``GET /api/v1/sources``). When a delivery is configured, each cycle also delivers
the morning briefing once it is due, so one long-running process does both.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from . import _yamlconf as conf
from ._fetch import Fetcher
from .errors import ConfigError, InputError
from .ingest import IngestOptions, read_fetched, read_inputs
from .models import Document, Rejection
from .pipeline import IngestSummary, ingest_items, process_pending
from .store import Store, WatchedSourceRow

log = logging.getLogger("strikewatch")

MAX_BACKOFF = timedelta(hours=6)  # a source down for a day is still tried four times a day
_SOURCE_KEYS = frozenset({"name", "feed", "url", "folder", "interval", "outlet", "language"})
_TOP_KEYS = frozenset({"sources", "delivery"})

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC, as the store keeps times."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class WatchedSource:
    """One entry of the sources file; ``location`` is a URL (feed or page) or a folder."""

    name: str
    location: str
    is_folder: bool
    interval: timedelta
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Polled:
    """What one poll of one source did, for the cycle's log line and the tests."""

    name: str
    stored: tuple[str, ...] = ()
    not_modified: bool = False
    error: str | None = None


# ---------------------------------------------------------------------------- the sources file


def load_sources(path: Path) -> tuple[list[WatchedSource], object | None]:
    """The sources of a sources file and its ``delivery:`` node (``deliver.parse_delivery``
    reads it); every bad entry is refused with its line and reason."""
    root = conf.compose(path)
    sections = conf.fields(path, root, _TOP_KEYS, "the sources file")
    if "sources" not in sections:
        raise ConfigError(f"{conf.where(path, root)}: no 'sources:' list")
    sources = [_source(path, node) for node in conf.items(path, sections["sources"], "sources")]
    names = [s.name for s in sources]
    for node, name in zip(sections["sources"].value, names, strict=True):
        if names.count(name) > 1:
            raise ConfigError(f"{conf.where(path, node)}: two sources are named {name!r}")
    return sources, sections.get("delivery")


def _source(path: Path, node) -> WatchedSource:  # noqa: ANN001 - a yaml node
    values = conf.fields(path, node, _SOURCE_KEYS, "a source")
    given = [k for k in ("feed", "url", "folder") if k in values]
    if len(given) != 1:
        raise ConfigError(f"{conf.where(path, node)}: a source needs exactly one of feed, url "
                          f"or folder (got {', '.join(given) or 'none'})")
    location = conf.text(path, values[given[0]], given[0])
    if given[0] == "folder":
        location = str(Path(location).expanduser())
    else:
        _check_url(path, values[given[0]], location)
    if "interval" not in values:
        raise ConfigError(f"{conf.where(path, node)}: a source needs an interval (seconds)")
    seconds = conf.number(path, values["interval"], "interval (seconds)", minimum=1)
    optional = {k: conf.text(path, values[k], k) for k in ("name", "outlet", "language")
                if k in values}
    return WatchedSource(name=optional.get("name", location), location=location,
                         is_folder=given[0] == "folder", interval=timedelta(seconds=seconds),
                         outlet=optional.get("outlet"), language=optional.get("language"))


def _check_url(path: Path, node, url: str) -> None:  # noqa: ANN001 - a yaml node
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise ConfigError(f"{conf.where(path, node)}: not an http(s) URL: {url!r}")


# ---------------------------------------------------------------------------------- polling


class Watcher:
    """Polls the due sources once per ``cycle``; every state it needs is in the store.

    ``now`` is injectable so that tests run backoff and schedules on a frozen clock, and
    ``after_cycle`` (the delivery check) runs after every cycle.
    """

    def __init__(self, store: Store, sources: Sequence[WatchedSource], *,
                 now: Clock = utc_now, fetcher: Fetcher | None = None,
                 options: IngestOptions | None = None,
                 after_cycle: Callable[[datetime], None] | None = None) -> None:
        self.store = store
        self.sources = list(sources)
        self.now = now
        self.options = options or IngestOptions()
        self.fetcher = fetcher or Fetcher(timeout=self.options.timeout, retries=0,
                                          max_bytes=self.options.max_bytes,
                                          deadline=self.options.deadline)
        self.after_cycle = after_cycle

    def catch_up(self) -> None:
        """Process what a stopped watcher stored but did not get to extract and fuse."""
        process_pending(self.store)

    def cycle(self) -> list[Polled]:
        polled = [self.poll(source) for source in self.sources if self._due(source)]
        if self.after_cycle is not None:
            self.after_cycle(self.now())
        return polled

    def run(self, cycles: int | None = None, *, pause: float = 5.0,
            sleep: Callable[[float], None] = time.sleep) -> None:
        """Cycle for ever (or ``cycles`` times), ``pause`` seconds apart."""
        self.catch_up()
        done = 0
        while cycles is None or done < cycles:
            for result in self.cycle():
                (log.warning if result.error else log.info)("%s", describe(result))
            done += 1
            if cycles is None or done < cycles:
                sleep(pause)

    def close(self) -> None:
        self.fetcher.close()

    def _due(self, source: WatchedSource) -> bool:
        row = self.store.watched_source(source.name)
        return row is None or row.next_poll is None or row.next_poll <= self.now()

    def poll(self, source: WatchedSource) -> Polled:
        """Poll one source now, record its status, and process what it brought."""
        started = self.now()
        row = self.store.watched_source(source.name) or WatchedSourceRow(
            name=source.name, location=source.location, failures=0, items_today=0,
            items_total=0)
        row.location = source.location
        try:
            result = self._read(source, row)
        except InputError as exc:
            self._failed(row, source, started, str(exc))
            return Polled(source.name, error=str(exc))
        if result.stored:
            process_pending(self.store, ids=list(result.stored))
        self._succeeded(row, source, started, len(result.stored))
        return result

    def _read(self, source: WatchedSource, row: WatchedSourceRow) -> Polled:
        if source.is_folder:
            return self._read_folder(source, row)
        fetched = self.fetcher.fetch(source.location, etag=row.etag,
                                     last_modified=row.last_modified)
        if fetched.not_modified:
            return Polled(source.name, not_modified=True)
        summary = self._ingest(source, read_fetched(source.location, fetched, self.options))
        if summary.read == 0 and summary.rejected:  # the whole answer refused: say why
            raise InputError(summary.rejected[0].reason)
        row.etag, row.last_modified = fetched.etag, fetched.last_modified
        return Polled(source.name, stored=tuple(summary.stored))

    def _read_folder(self, source: WatchedSource, row: WatchedSourceRow) -> Polled:
        """The files modified since the newest one read before (at the same instant too:
        a file written in the same second is read again and found a duplicate)."""
        folder = Path(source.location)
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder")
        seen = float(row.last_modified) if row.last_modified else None
        files = [f for f in _visible_files(folder) if seen is None or f.stat().st_mtime >= seen]
        if not files:
            return Polled(source.name, not_modified=True)
        summary = self._ingest(source, read_inputs([str(f) for f in files], self.options))
        row.last_modified = repr(max(f.stat().st_mtime for f in files))
        return Polled(source.name, stored=tuple(summary.stored))

    def _ingest(self, source: WatchedSource, items: Iterable[Document | Rejection],
                ) -> IngestSummary:
        return ingest_items(_labelled(items, source), self.store)

    def _succeeded(self, row: WatchedSourceRow, source: WatchedSource, at: datetime,
                   stored: int) -> None:
        if row.items_day != at.date():
            row.items_day, row.items_today = at.date(), 0
        row.items_today += stored
        row.items_total += stored
        row.last_success, row.failures = at, 0
        row.next_poll = at + source.interval
        self.store.save_watched_source(row)

    def _failed(self, row: WatchedSourceRow, source: WatchedSource, at: datetime,
                error: str) -> None:
        row.failures += 1
        row.last_error, row.last_error_at = error, at
        row.next_poll = at + backoff(source.interval, row.failures)
        self.store.save_watched_source(row)


def backoff(interval: timedelta, failures: int) -> timedelta:
    """The wait after ``failures`` failures in a row: the interval doubled each time, capped
    (but never shorter than the interval itself)."""
    return min(interval * 2 ** failures, max(interval, MAX_BACKOFF))


def _labelled(items: Iterable[Document | Rejection], source: WatchedSource,
              ) -> Iterator[Document | Rejection]:
    """The sources file's outlet and language win over what a feed says of itself: the
    analyst who wrote the file knows an aggregator's entries better than its title does."""
    for item in items:
        if isinstance(item, Document) and (source.outlet or source.language):
            item = replace(item, source=source.outlet or item.source,
                           language=source.language or item.language)
        yield item


def _visible_files(folder: Path) -> list[Path]:
    return sorted(f for f in folder.rglob("*") if f.is_file()
                  and not any(p.startswith(".") for p in f.relative_to(folder).parts))


def describe(result: Polled) -> str:
    if result.error:
        return f"{result.name}: failed: {result.error}"
    if result.not_modified:
        return f"{result.name}: nothing new"
    return f"{result.name}: {len(result.stored)} new"
