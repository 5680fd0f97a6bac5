"""Sending alerts: a webhook POST (JSON) and/or a mail (smtplib), retried with backoff.

Fusion only stores alerts (``records.check_incidents``); this module sends the ones due, from
``strikewatch alerts --send`` or the background sender ``serve`` and ``watch`` each run, so a
dead webhook never holds up ingestion. The alerts table is the delivery queue, so it outlives
a restart: every attempt is recorded on the alert (when, which channel, the error), with the
next try after a doubling wait; a channel that succeeded is not sent again; after
``MAX_ATTEMPTS`` failures the alert is marked ``failed`` and stays listed with its errors. A
sender claims an alert before sending it, so two processes never send one twice.

Mail goes through the SMTP server ``STRIKEWATCH_SMTP`` names (``host:port``, default
``localhost:25``) from ``STRIKEWATCH_MAIL_FROM`` (default ``strikewatch@localhost``).
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import select, update

from ..store import AlertRow, Store, WatchlistRow, incident_summary, now
from .targets import check_webhook_target

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(seconds=30)  # then 1, 2, 4, 8 minutes: a restarting receiver catches up
TIMEOUT_SECONDS = 10
LEASE = timedelta(seconds=4 * TIMEOUT_SECONDS)  # a claimed alert's sender has this long

Sender = Callable[[str, dict, dict], None]  # (channel, notify, payload) -> raises on failure


def deliver_due(store: Store, *, at: datetime | None = None, send: Sender | None = None
                ) -> int:
    """Try every alert whose next attempt is due; return how many were sent in full."""
    at = at or now()
    send = send or send_channel
    query = (select(AlertRow.id).where(AlertRow.delivery == "pending",
                                       AlertRow.next_attempt_at <= at)
             .order_by(AlertRow.next_attempt_at))
    with store.sessions() as s:
        due = list(s.scalars(query))
    return sum(_deliver_one(store, alert_id, at, send) for alert_id in due)


def _deliver_one(store: Store, alert_id: int, at: datetime, send: Sender) -> bool:
    """Claim the alert, send it on the channels not yet done (no database transaction open
    while a receiver answers), then record the attempts and the next try."""
    claimed = _claim(store, alert_id, at)
    if claimed is None:
        return False  # another sender (the server, the watcher) has it
    notify, payload, done = claimed
    attempts = []
    for channel in (c for c in ("webhook", "email") if c in notify and c not in done):
        try:
            send(channel, notify, payload)
            attempts.append({"at": at.isoformat(timespec="seconds"), "channel": channel,
                             "ok": True})
        except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried
            attempts.append({"at": at.isoformat(timespec="seconds"), "channel": channel,
                             "ok": False, "error": f"{type(exc).__name__}: {exc}"[:500]})
    with store.sessions.begin() as s:
        row = s.get(AlertRow, alert_id)
        _schedule(row, [*row.attempts, *attempts], at)
        return row.delivery == "sent"


def _claim(store: Store, alert_id: int, at: datetime) -> tuple[dict, dict, set] | None:
    """Move the alert's next try past this attempt (``LEASE``) in one conditional update, so
    two senders never both send it, and a sender that dies mid-send leaves it to be retried
    once the lease runs out. Returns its notify, payload and the channels already done."""
    with store.sessions.begin() as s:
        taken = s.execute(update(AlertRow)
                          .where(AlertRow.id == alert_id, AlertRow.delivery == "pending",
                                 AlertRow.next_attempt_at <= at)
                          .values(next_attempt_at=at + LEASE))
        if taken.rowcount != 1:
            return None
        row, w = s.execute(select(AlertRow, WatchlistRow).join(WatchlistRow)
                           .where(AlertRow.id == alert_id)).one()
        inc = store.incident(row.incident_id)
        payload = {"watchlist": w.name, "alert_id": row.id, "matched": row.matched,
                   "incident": incident_summary(inc) if inc else {"id": row.incident_id}}
        return dict(w.notify), payload, {a["channel"] for a in row.attempts if a.get("ok")}


def _schedule(row: AlertRow, attempts: list[dict], at: datetime) -> None:
    """Sent when every channel succeeded; else the next try after a doubling wait, counted
    in the failures of the channel that failed most; failed after MAX_ATTEMPTS of them."""
    row.attempts = attempts
    ok = {a["channel"] for a in attempts if a["ok"]}
    failures = Counter(a["channel"] for a in attempts if not a["ok"] and a["channel"] not in ok)
    worst = max(failures.values(), default=0)
    if not worst:
        row.delivery, row.next_attempt_at = "sent", None
    elif worst >= MAX_ATTEMPTS:
        row.delivery, row.next_attempt_at = "failed", None
    else:
        row.next_attempt_at = at + backoff(worst)


def backoff(failures: int) -> timedelta:
    """The wait after the n-th failure: 30 s, 1 min, 2 min, 4 min …"""
    return FIRST_RETRY * (2 ** (failures - 1))


def send_channel(channel: str, notify: dict, payload: dict) -> None:
    if channel == "webhook":
        post_webhook(notify["webhook"], payload)
    else:
        send_mail(notify["email"], payload)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other non-2xx: following it could lead the POST to an
    internal address the target check never saw."""

    def redirect_request(self, *_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def post_webhook(url: str, payload: dict) -> None:
    """POST the alert as JSON to a public address (``targets``); any answer but 2xx raises
    (and is retried)."""
    check_webhook_target(url)
    body = json.dumps(payload).encode()
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as answer:
        if not 200 <= answer.status < 300:
            raise urllib.error.HTTPError(url, answer.status, "not 2xx", answer.headers, None)


def send_mail(to: list[str], payload: dict) -> None:
    host, _, port = os.environ.get("STRIKEWATCH_SMTP", "localhost:25").partition(":")
    message = EmailMessage()
    message["From"] = os.environ.get("STRIKEWATCH_MAIL_FROM", "strikewatch@localhost")
    message["To"] = ", ".join(to)
    inc = payload["incident"]
    message["Subject"] = f"strikewatch alert ({payload['watchlist']}): {inc.get('id')}"
    message.set_content("\n".join(payload["matched"]) + "\n\n" + json.dumps(inc, indent=2))
    with smtplib.SMTP(host, int(port or 25), timeout=TIMEOUT_SECONDS) as smtp:
        smtp.send_message(message)


def start_sender(store: Store, *, every_seconds: float = 30.0) -> threading.Thread:
    """A daemon thread sending the alerts due every ``every_seconds`` (the server runs one);
    an error in one pass is logged and the next pass goes on."""
    def loop() -> None:
        while True:
            try:
                deliver_due(store)
            except Exception:  # noqa: BLE001 - a database hiccup must not end the sender
                log.exception("sending alerts failed; trying again in %s s", every_seconds)
            time.sleep(every_seconds)

    thread = threading.Thread(target=loop, name="strikewatch-alerts", daemon=True)
    thread.start()
    return thread
