"""Alerts on watch-lists (issue 15): an analyst says what to watch for (an area, an attacker,
a target, an event type, a toll, facility words); every incident fusion or review saves is
checked, an alert stored once per incident and watch-list and sent by webhook and/or mail.

``watchlists`` checks what a watch-list says, ``matching`` whether an incident fits it,
``records`` stores watch-lists and alerts, ``delivery`` sends them with retries, ``targets``
keeps webhooks off internal addresses.
"""

from .delivery import deliver_due
from .records import (
    add_watchlist,
    alerts,
    check_incidents,
    check_recent,
    count_alerts,
    remove_watchlist,
    replace_watchlist,
    watchlists,
)
from .targets import check_webhook_target
from .watchlists import Watchlist, parse_watchlist, read_yaml

__all__ = ["Watchlist", "add_watchlist", "alerts", "check_incidents", "check_recent",
           "check_webhook_target",
           "count_alerts",
           "deliver_due",
           "parse_watchlist", "read_yaml", "remove_watchlist", "replace_watchlist",
           "watchlists"]
