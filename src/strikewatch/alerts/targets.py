"""Where a watch-list's webhook may point: never, by default, at the server's own network.

A webhook address is typed by an analyst, and the server POSTs to it: without this check an
analyst's token would let them make the server reach its database, a cloud metadata service
or any internal host. An address whose host resolves to a loopback, private, link-local,
shared, multicast or otherwise reserved address is refused when the watch-list is written and
again when an alert is sent (a name can be pointed elsewhere in between). A deployment whose
receiver is on its own network allows it explicitly with
``STRIKEWATCH_ALLOW_INTERNAL_WEBHOOKS=1`` (the tests, whose receivers listen on loopback, do).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urlsplit

from ..errors import WatchlistError

ALLOW_INTERNAL_ENV = "STRIKEWATCH_ALLOW_INTERNAL_WEBHOOKS"
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598: neither private nor public


def internal_allowed() -> bool:
    """Whether this deployment said its webhooks may reach internal addresses."""
    return os.environ.get(ALLOW_INTERNAL_ENV, "").strip().lower() in ("1", "true", "yes")


def why_internal(address: Address) -> str | None:
    """What makes an address internal (``loopback``, ``private`` …), or None for a public one.
    An IPv4 address written as IPv6 (``::ffff:127.0.0.1``) is judged as the IPv4 one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "shared (carrier-grade NAT)"
    return None


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to; a WatchlistError when it resolves to none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise WatchlistError(f"webhook host {host!r} does not resolve ({exc})") from None
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def check_webhook_target(url: str, *, allow_internal: bool | None = None) -> None:
    """Refuse a webhook whose host is, or resolves to, an internal address (unless allowed)."""
    if allow_internal is None:
        allow_internal = internal_allowed()
    if allow_internal:
        return
    parts = urlsplit(url)
    if not parts.hostname:
        raise WatchlistError(f"webhook {url!r} names no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise WatchlistError(f"webhook {url!r}: {exc}") from None
    for address in resolve(parts.hostname, port):
        kind = why_internal(address)
        if kind:
            raise WatchlistError(
                f"webhook {url!r} resolves to {address} ({kind}): internal targets are "
                f"refused unless {ALLOW_INTERNAL_ENV}=1 is set for the deployment")
