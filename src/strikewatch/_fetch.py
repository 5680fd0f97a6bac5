"""Fetching one URL for ingest: bounded in time, size and retries.

Kept apart from ``ingest`` so the parsing code never touches the network and tests can hand it
bytes directly; the fetcher is the only piece that needs a live (local) HTTP server to test.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from strikewatch.errors import FetchError

# Server-side failures worth a second try; 4xx answers will not change on retry.
_RETRY_STATUS = frozenset({500, 502, 503, 504})
_USER_AGENT = "strikewatch-ingest/0.1 (+https://github.com/strikewatch)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None
    # validators for the next conditional GET of the same URL (``watch`` keeps them in the DB)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # HTTP 304: nothing new since the validators sent


class Fetcher:
    """One HTTP client for a whole batch (its settings, TLS context and redirects policy)."""

    def __init__(
        self,
        *,
        timeout: float,
        retries: int,
        max_bytes: int,
        deadline: float = 60.0,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._client = httpx.Client(
            timeout=timeout,
            limits=httpx.Limits(max_keepalive_connections=0),  # see _Watchdog
            follow_redirects=True,
            headers={"User-Agent": _USER_AGENT},
            transport=transport,
        )
        self._retries = retries
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._backoff = backoff

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Fetched:
        """Retry connection errors, timeouts and 5xx with exponential backoff; fail on the rest.

        The timeout bounds each read, so a server that sends a byte now and then would keep
        a fetch alive for ever: the deadline bounds the whole URL, every attempt included.
        With the validators of an earlier answer the GET is conditional, and a 304 comes back
        as an empty ``Fetched`` with ``not_modified`` set (a polled feed costs one round trip).
        """
        attempt = 0
        give_up_at = time.monotonic() + self._deadline
        headers = {k: v for k, v in (("If-None-Match", etag),
                                     ("If-Modified-Since", last_modified)) if v}
        while True:
            try:
                return self._fetch_once(url, give_up_at, headers)
            except _Retryable as exc:
                wait = self._backoff * (2**attempt)
                if attempt >= self._retries or time.monotonic() + wait >= give_up_at:
                    raise FetchError(f"{url}: {exc} (after {attempt + 1} attempts)") from None
                time.sleep(wait)
                attempt += 1

    def _fetch_once(self, url: str, give_up_at: float, headers: dict[str, str]) -> Fetched:
        watchdog = _Watchdog(give_up_at)
        try:
            with self._client.stream("GET", url, headers=headers,
                                     extensions={"trace": watchdog.trace}) as response:
                return self._read(response, url)
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(f"{url}: {exc}") from None
        except httpx.TransportError as exc:
            if watchdog.fired:
                raise FetchError(f"{url}: no complete answer within {self._deadline:g} s (the "
                                 "deadline for one URL)") from None
            raise _Retryable(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # too many redirects, bad URL, ...
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
        finally:
            watchdog.cancel()

    def _read(self, response: httpx.Response, url: str) -> Fetched:
        validators = {"etag": response.headers.get("etag"),
                      "last_modified": response.headers.get("last-modified")}
        if response.status_code == 304:
            return Fetched(url=str(response.url), content=b"", content_type="", charset=None,
                           not_modified=True, **validators)
        if response.status_code in _RETRY_STATUS:
            raise _Retryable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code}")
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self._max_bytes:
            raise FetchError(f"{url}: response too large ({declared} bytes > {self._max_bytes})")
        chunks: list[bytes] = []
        size = 0
        for chunk in _decoded(response, self._max_bytes):
            size += len(chunk)
            if size > self._max_bytes:
                raise FetchError(f"{url}: response too large (> {self._max_bytes} bytes)")
            chunks.append(chunk)
        media, _, params = response.headers.get("content-type", "").partition(";")
        return Fetched(url=str(response.url), content=b"".join(chunks),
                       content_type=media.strip().lower(), charset=_charset(params), **validators)


class _Watchdog:
    """Cuts a fetch's connection when its deadline passes, whatever it is waiting for.

    httpx bounds each read, not a whole request: a server trickling its status line, its
    headers or its body a byte at a time stays within every read timeout. httpcore's trace
    hook hands over each new TCP connection; a timer shuts its socket down at the deadline,
    which ends the pending read with an error that ``_fetch_once`` reports as the deadline.
    (The client keeps no idle connections, so every request opens one the hook sees.)
    """

    def __init__(self, give_up_at: float) -> None:
        self._give_up_at = give_up_at
        self._timers: list[threading.Timer] = []
        self.fired = False

    def trace(self, event: str, info: dict) -> None:
        if event != "connection.connect_tcp.complete":
            return
        sock = info["return_value"].get_extra_info("socket")
        timer = threading.Timer(max(0.0, self._give_up_at - time.monotonic()), self._cut, [sock])
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def _cut(self, sock: socket.socket) -> None:
        self.fired = True
        with contextlib.suppress(OSError):  # already closed: the fetch ended meanwhile
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        for timer in self._timers:
            timer.cancel()


def _decoded(response: httpx.Response, limit: int) -> Iterator[bytes]:
    """The body, decompressed at most ``limit + 1`` bytes at a time.

    httpx inflates each network chunk whole, and 64 KB of a gzip bomb inflate to 64 MB before
    the size check sees them; gzip and deflate are therefore inflated here with a bound (any
    other coding is left to httpx, which asks only for those it can decode).
    """
    coding = response.headers.get("content-encoding", "").strip().lower()
    if coding not in ("gzip", "x-gzip", "deflate"):
        yield from response.iter_bytes()
        return
    inflate = zlib.decompressobj(wbits=47 if coding != "deflate" else zlib.MAX_WBITS)
    try:
        for raw in response.iter_raw():
            pending = raw
            while pending:
                yield inflate.decompress(pending, limit + 1)
                pending = inflate.unconsumed_tail
    except zlib.error as exc:
        raise FetchError(f"{response.request.url}: corrupt {coding} body ({exc})") from None


class _Retryable(Exception):
    """A failure that another attempt may not repeat."""


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None
