"""The morning briefing, delivered: written to a folder, mailed, posted to a webhook.

At the configured hour (in the configured time zone) the briefing of the last day and of the
last week is written as Markdown and HTML (and PDF when asked and Chromium is there). It leads
with what changed since the last delivered one: each delivery keeps a snapshot of what it
showed (incident id -> toll and grade; each watched source's item count), and the next one
diffs the database against it. A mail or webhook that fails is recorded on the delivery and
retried with backoff on later calls of ``Deliverer.tick``, which the watcher makes on a thread
of its own after every cycle (``tick_in_background``), so it keeps ingesting meanwhile.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from . import _yamlconf as conf
from .brief import BriefOptions, build_brief, render_html, render_markdown, write_pdf
from .errors import BriefError, ConfigError
from .store import Store

log = logging.getLogger("strikewatch")

_KEYS = frozenset({"hour", "minute", "timezone", "folder", "formats", "smtp", "webhook",
                   "link"})
_SMTP_KEYS = frozenset({"host", "port", "starttls", "user", "password_env", "sender", "to"})
_WEBHOOK_KEYS = frozenset({"url"})
_FORMATS = ("markdown", "html", "pdf")
RETRY_FIRST = timedelta(minutes=1)
RETRY_ATTEMPTS = 6  # 1, 2, 4, 8, 16 minutes apart: a receiver down for half an hour still gets it


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    to: tuple[str, ...]
    starttls: bool = False
    user: str | None = None
    password_env: str | None = None  # the password's environment variable, never the password


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    hour: int
    timezone: ZoneInfo
    folder: Path
    minute: int = 0
    formats: tuple[str, ...] = ("markdown", "html")
    smtp: SmtpConfig | None = None
    webhook: str | None = None
    link: str | None = None  # the web app's address, for links in the mail and the webhook


# ------------------------------------------------------------------------------- the config


def load_delivery(path: Path) -> DeliveryConfig:
    """A delivery file: the ``delivery:`` section of a sources file, or that section alone."""
    root = conf.compose(path)
    sections = {k.value: v for k, v in root.value}
    if "delivery" in sections:
        return parse_delivery(path, sections["delivery"])
    if "sources" in sections:
        raise ConfigError(f"{conf.where(path, root)}: a sources file without a 'delivery:' "
                          "section")
    return parse_delivery(path, root)


def parse_delivery(path: Path, node) -> DeliveryConfig:  # noqa: ANN001 - a yaml node
    values = conf.fields(path, node, _KEYS, "delivery")
    for needed in ("hour", "timezone", "folder"):
        if needed not in values:
            raise ConfigError(f"{conf.where(path, node)}: delivery needs '{needed}'")
    hour = int(conf.number(path, values["hour"], "hour", minimum=0, integer=True))
    minute = int(conf.number(path, values["minute"], "minute", minimum=0, integer=True)
                 ) if "minute" in values else 0
    if hour > 23 or minute > 59:
        raise ConfigError(f"{conf.where(path, node)}: {hour}:{minute:02d} is not a time of day")
    name = conf.text(path, values["timezone"], "timezone")
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{conf.where(path, values['timezone'])}: unknown time zone "
                          f"{name!r} (an IANA name such as Europe/Kyiv)") from None
    formats = tuple(conf.text(path, f, "format") for f in
                    conf.items(path, values["formats"], "formats")) if "formats" in values \
        else ("markdown", "html")
    if bad := [f for f in formats if f not in _FORMATS]:
        raise ConfigError(f"{conf.where(path, values['formats'])}: unknown format {bad[0]!r} "
                          f"(known: {', '.join(_FORMATS)})")
    return DeliveryConfig(
        hour=hour, minute=minute, timezone=zone, formats=formats,
        folder=Path(conf.text(path, values["folder"], "folder")).expanduser(),
        smtp=_smtp(path, values["smtp"]) if "smtp" in values else None,
        webhook=_url(path, values["webhook"]) if "webhook" in values else None,
        link=conf.text(path, values["link"], "link") if "link" in values else None)


def _smtp(path: Path, node) -> SmtpConfig:  # noqa: ANN001 - a yaml node
    values = conf.fields(path, node, _SMTP_KEYS, "smtp")
    for needed in ("host", "sender", "to"):
        if needed not in values:
            raise ConfigError(f"{conf.where(path, node)}: smtp needs '{needed}'")
    port = int(conf.number(path, values["port"], "port", minimum=1, integer=True)
               ) if "port" in values else 25
    to = tuple(conf.text(path, t, "to") for t in conf.items(path, values["to"], "to"))
    text = {k: conf.text(path, values[k], k) for k in ("user", "password_env") if k in values}
    return SmtpConfig(host=conf.text(path, values["host"], "host"), port=port,
                      sender=conf.text(path, values["sender"], "sender"), to=to,
                      starttls=conf.flag(path, values["starttls"], "starttls")
                      if "starttls" in values else False, **text)


def _url(path: Path, node) -> str:  # noqa: ANN001 - a yaml node
    values = conf.fields(path, node, _WEBHOOK_KEYS, "webhook")
    if "url" not in values:
        raise ConfigError(f"{conf.where(path, node)}: webhook needs 'url'")
    url = conf.text(path, values["url"], "url")
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"{conf.where(path, values['url'])}: not an http(s) URL: {url!r}")
    return url


# ---------------------------------------------------------------------- what changed since


def snapshot(store: Store) -> dict:
    """What a briefing shows, for the next one to diff against: each incident's toll and
    grade, and how many items each watched source had brought."""
    return {
        "incidents": {inc.id: {"toll": [inc.fatalities.min, inc.fatalities.max],
                               "grade": inc.grade,
                               "grade_reviewed": "grade" in (inc.reviewed or {})}
                      for inc in store.incidents()},
        "sources": {row.name: row.items_total for row in store.watched_sources()},
    }


@dataclass(slots=True)
class Changes:
    """The briefing's first section; each list is of incident ids (or source names)."""

    first: bool = False  # no earlier briefing to compare with
    new: list[str] = field(default_factory=list)
    tolls: list[tuple[str, list, list]] = field(default_factory=list)  # id, before, now
    contested: list[str] = field(default_factory=list)
    regraded: list[tuple[str, str, str]] = field(default_factory=list)  # by review: id, was, is
    silent: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.first:
            return ["- first delivered briefing: nothing earlier to compare with"]
        out = [f"- new incident {i}" for i in self.new]
        out += [f"- toll revised for {i}: {_toll(a)} → {_toll(b)}" for i, a, b in self.tolls]
        out += [f"- newly contested: {i}" for i in self.contested]
        out += [f"- grade changed by review for {i}: {a} → {b}" for i, a, b in self.regraded]
        out += [f"- source went silent: {name} (no new item since the last briefing)"
                for name in self.silent]
        return out or ["- nothing changed since the last briefing"]


def changes_since(before: dict | None, now: dict) -> Changes:
    if before is None:
        return Changes(first=True)
    was, out = before["incidents"], Changes()
    for inc_id, cur in sorted(now["incidents"].items()):
        old = was.get(inc_id)
        if old is None:
            out.new.append(inc_id)
        elif old["toll"] != cur["toll"]:
            out.tolls.append((inc_id, old["toll"], cur["toll"]))
        if cur["grade"] == "contested" and (old is None or old["grade"] != "contested"):
            out.contested.append(inc_id)
        if old is not None and old["grade"] != cur["grade"] and cur["grade_reviewed"]:
            out.regraded.append((inc_id, old["grade"], cur["grade"]))
    out.silent = sorted(name for name, items in now["sources"].items()
                        if before["sources"].get(name) == items)
    return out


def _toll(toll: list) -> str:
    low, high = toll
    if low is None and high is None:
        return "unknown"
    if high is None:
        return f"at least {low}"
    return str(low) if low == high or low is None else f"{low}–{high}"


# ---------------------------------------------------------------------------- the schedule


def due_at(config: DeliveryConfig, now: datetime) -> datetime:
    """Today's delivery time (naive UTC) in the configured zone, for ``now`` (naive UTC)."""
    local = now.replace(tzinfo=UTC).astimezone(config.timezone)
    scheduled = local.replace(hour=config.hour, minute=config.minute, second=0, microsecond=0)
    return scheduled.astimezone(UTC).replace(tzinfo=None)


def is_due(config: DeliveryConfig, last: datetime | None, now: datetime) -> bool:
    """Due once today's hour has passed and no briefing was delivered since it."""
    scheduled = due_at(config, now)
    return now >= scheduled and (last is None or last < scheduled)


# ------------------------------------------------------------------------ writing and sending


@dataclass(frozen=True, slots=True)
class Written:
    markdown: str
    html: str
    files: tuple[Path, ...]


def write_briefing(store: Store, config: DeliveryConfig, changes: Changes, at: datetime,
                   ) -> Written:
    """The day's and the week's briefings under the changes, one file per format."""
    stamp = at.replace(tzinfo=UTC).astimezone(config.timezone).strftime("%Y-%m-%d")
    heading = "## What changed since the last briefing\n\n" + "\n".join(changes.lines())
    markdown, pages = [heading], []
    for days in (1, 7):
        try:
            brief = build_brief(store, BriefOptions(days=days))
        except BriefError as exc:  # an empty database still gets its (short) briefing
            markdown.append(f"_{exc}_")
            continue
        markdown.append(render_markdown(brief))
        pages.append(render_html(brief))
    changed = "<section><h2>What changed since the last briefing</h2><ul>" + "".join(
        f"<li>{escape(line[2:])}</li>" for line in changes.lines()) + "</ul></section>"
    html = pages[0].replace("<body>", "<body>" + changed, 1) if pages else (
        f"<!doctype html><html><body>{changed}</body></html>")
    config.folder.mkdir(parents=True, exist_ok=True)
    files = _write_files(config, stamp, "\n\n".join(markdown) + "\n", html, pages[1:])
    return Written(markdown="\n\n".join(markdown) + "\n", html=html, files=files)


def _write_files(config: DeliveryConfig, stamp: str, markdown: str, html: str,
                 week_pages: list[str]) -> tuple[Path, ...]:
    """The day (under what changed) and the week as a page each in every configured format;
    the Markdown holds both."""
    files = []
    day, week = config.folder / f"briefing-{stamp}", config.folder / f"briefing-{stamp}-week"
    if "markdown" in config.formats:
        files.append(day.with_suffix(".md"))
        files[-1].write_text(markdown, encoding="utf-8")
    pages = [(day, html)] + [(week, page) for page in week_pages]
    if "html" in config.formats:
        for base, page in pages:
            files.append(base.with_suffix(".html"))
            files[-1].write_text(page, encoding="utf-8")
    if "pdf" in config.formats:
        for base, page in pages:
            files.append(base.with_suffix(".pdf"))
            write_pdf(page, files[-1])
    return tuple(files)


def send_mail(smtp: SmtpConfig, subject: str, written: Written) -> None:
    """One message, Markdown as its text and the HTML briefing as its alternative."""
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = subject, smtp.sender, ", ".join(smtp.to)
    message.set_content(written.markdown)
    message.add_alternative(written.html, subtype="html")
    with smtplib.SMTP(smtp.host, smtp.port, timeout=15) as client:
        if smtp.starttls:
            client.starttls(context=ssl.create_default_context())
        if smtp.user:
            client.login(smtp.user, os.environ.get(smtp.password_env or "", ""))
        client.send_message(message)


def post_webhook(url: str, payload: dict) -> None:
    response = httpx.post(url, json=payload, timeout=15)
    response.raise_for_status()


# ------------------------------------------------------------------------------ the deliverer


@dataclass(slots=True)
class _Retry:
    delivery_id: int
    channel: str
    attempt: int
    next_at: datetime


class Deliverer:
    """Delivers when due (``tick``) and retries failed channels with backoff on later ticks.

    ``send`` maps a channel to the call that sends it, so each is retried alone; failures are
    recorded on the delivery row ("failed (attempt 2): ...; next try at ...").
    """

    def __init__(self, store: Store, config: DeliveryConfig) -> None:
        self.store = store
        self.config = config
        self._retries: list[_Retry] = []
        self._senders: dict[tuple[int, str], object] = {}
        self._failed_writes = 0
        self._write_again_at: datetime | None = None
        self._ticking = threading.Lock()  # one tick at a time: never two deliveries of a day
        self._worker: threading.Thread | None = None

    def tick_in_background(self, now: datetime) -> None:
        """``tick`` on a thread of its own, unless the last one is still at work.

        The watcher calls this after every cycle: a mail server or webhook that hangs, or
        Chromium printing the PDF, holds up the briefing, never the next cycle's ingestion.
        """
        if self._worker is not None and self._worker.is_alive():
            return
        self._worker = threading.Thread(target=self._tick_logged, args=(now,), daemon=True,
                                        name="strikewatch-briefing")
        self._worker.start()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the background tick (a counted ``watch`` run ends with its delivery)."""
        if self._worker is not None:
            self._worker.join(timeout)

    def _tick_logged(self, now: datetime) -> None:
        try:
            self.tick(now)
        except Exception:  # noqa: BLE001 - a database hiccup must not end the briefings
            log.exception("delivering the briefing failed; the next cycle tries again")

    def tick(self, now: datetime) -> int | None:
        """Deliver if due (returning the delivery's id), and retry what is waiting.

        A briefing that cannot be written (a full disk, no Chromium for the PDF) is logged
        and tried again with the same backoff as a channel (the watcher calls this through
        ``tick_in_background``, so it goes on polling meanwhile).
        """
        with self._ticking:
            return self._tick(now)

    def _tick(self, now: datetime) -> int | None:
        self._retry_due(now)
        last = self.store.last_delivery()
        if not is_due(self.config, last.delivered_at if last else None, now) or (
                self._write_again_at is not None and now < self._write_again_at):
            return None
        try:
            delivered = self.deliver(now)
        except (BriefError, OSError) as exc:
            self._write_again_at = now + RETRY_FIRST * 2 ** min(self._failed_writes, 8)
            self._failed_writes += 1
            log.error("the briefing could not be written: %s; next try at %s UTC", exc,
                      f"{self._write_again_at:%H:%M}")
            return None
        self._failed_writes, self._write_again_at = 0, None
        return delivered

    def deliver(self, now: datetime) -> int:
        last = self.store.last_delivery()
        current = snapshot(self.store)
        changes = changes_since(last.snapshot if last else None, current)
        written = write_briefing(self.store, self.config, changes, now)
        delivery_id = self.store.add_delivery(
            now, current, {"files": " ".join(str(f) for f in written.files)})
        for channel, send in self._channels(written, now).items():
            self._senders[(delivery_id, channel)] = send
            self._attempt(delivery_id, channel, 1, now)
        return delivery_id

    def _channels(self, written: Written, now: datetime) -> dict[str, object]:
        subject = f"strikewatch briefing {due_at(self.config, now):%Y-%m-%d}"
        channels: dict[str, object] = {}
        if self.config.smtp is not None:
            smtp = self.config.smtp
            channels["smtp"] = lambda: send_mail(smtp, subject, written)
        if self.config.webhook is not None:
            payload = {"subject": subject, "markdown": written.markdown,
                       "files": [str(f) for f in written.files],
                       "link": self.config.link}
            url = self.config.webhook
            channels["webhook"] = lambda: post_webhook(url, payload)
        return channels

    def _attempt(self, delivery_id: int, channel: str, attempt: int, now: datetime) -> None:
        try:
            self._senders[(delivery_id, channel)]()
        except (OSError, smtplib.SMTPException, httpx.HTTPError) as exc:
            if attempt >= RETRY_ATTEMPTS:
                outcome = f"failed (attempt {attempt}, giving up): {exc}"
            else:
                next_at = now + RETRY_FIRST * 2 ** (attempt - 1)
                self._retries.append(_Retry(delivery_id, channel, attempt + 1, next_at))
                outcome = f"failed (attempt {attempt}): {exc}; next try at {next_at:%H:%M} UTC"
            log.warning("briefing %s by %s %s", delivery_id, channel, outcome)
        else:
            outcome = f"sent (attempt {attempt})"
        self.store.set_delivery_output(delivery_id, channel, outcome)

    def _retry_due(self, now: datetime) -> None:
        due = [r for r in self._retries if r.next_at <= now]
        self._retries = [r for r in self._retries if r.next_at > now]
        for retry in due:
            self._attempt(retry.delivery_id, retry.channel, retry.attempt, now)
