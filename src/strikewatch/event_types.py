"""Air strike or shelling: a strike's event type from the words that say how it was delivered.

ACLED splits remote violence into "Air/drone strike" and "Shelling/artillery/missile attack",
and readers ask the same question (the briefing counts them apart, the map filters on them). A
report says it in its delivery words ("warplanes", "drone", "artillery", "mortar shells"), so
the type is read from those, listed in ``data/lexicons/event_types.yaml`` for an analyst to
extend. A mention naming none is "unknown"; an incident takes the type its mentions agree on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from strikewatch._yamlconf import load_data
from strikewatch.lexicons import alternation
from strikewatch.models import EVENT_TYPES

__all__ = ["event_type_of", "incident_event_type"]

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class _Words:
    decisive: re.Pattern  # named groups "air" / "shelling"
    carried: re.Pattern


def _pattern(words: dict, tier: str) -> re.Pattern:
    groups = "|".join(f"(?P<{kind}>{alternation(words[kind][tier])})"
                      for kind in EVENT_TYPES if kind in words)
    return re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])", re.IGNORECASE)


@cache
def _words() -> _Words:
    text = resources.files("strikewatch").joinpath("data/lexicons/event_types.yaml").read_text()
    words = load_data(text)
    unknown = set(words) - set(EVENT_TYPES)
    if unknown:
        raise ValueError(f"event_types.yaml: unknown event types {sorted(unknown)}; "
                         f"use {', '.join(t for t in EVENT_TYPES if t != UNKNOWN)}")
    return _Words(_pattern(words, "decisive"), _pattern(words, "carried"))


def event_type_of(sentence: str, near: int | None = None) -> str:
    """The event type a sentence gives a strike: "air", "shelling" or "unknown".

    Decisive delivery words ("warplanes", "artillery") outrank munitions either could carry
    ("missiles", "bombs"): "warplanes fired missiles" is an air strike. When both kinds are
    named at the same rank ("air strikes and shelling hit Idlib and Latakia"), the word nearest
    ``near`` (the character offset of the struck place) decides, else the first one.
    """
    w = _words()
    for pattern in (w.decisive, w.carried):
        hits = [(m.span(), m.lastgroup) for m in pattern.finditer(sentence)]
        if not hits:
            continue
        if len({kind for _, kind in hits}) == 1 or near is None:
            return str(hits[0][1])
        return str(min(hits, key=lambda h: min(abs(h[0][0] - near), abs(h[0][1] - near)))[1])
    return UNKNOWN


def incident_event_type(mention_types: Iterable[str]) -> str:
    """An incident's type from its mentions': the one they name, ignoring "unknown"; when
    reports disagree (one says air strike, another shelling), the more frequent, and
    "unknown" on a tie, since the record cannot tell which report is right."""
    counts: dict[str, int] = {}
    for kind in mention_types:
        if kind != UNKNOWN:
            counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return UNKNOWN
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return UNKNOWN
    return max(counts, key=lambda k: counts[k])
