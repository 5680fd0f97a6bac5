"""Who reports a mention, and one outlet counted once: the sources grading weighs."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..actors import load_registry
from ..models import StoredMention
from .relations import _attacker_code
from .settings import FuseSettings, _norm


@dataclass(frozen=True, slots=True)
class _Source:
    key: str
    label: str
    attacker_voice: bool


def _sources_of(m: StoredMention, s: FuseSettings) -> list[_Source]:
    """Who reports a mention ("the statement; Russia's defence ministry" is two sources).

    Named sources count once across outlets, and the bodies of one state (its defence ministry,
    its president) are one voice; an unnamed report counts once per story. A source speaks
    with the attacker's own voice when the registry says it speaks for the attacker.
    """
    code = _attacker_code(m.mention, s)
    registry = load_registry()
    country = m.mention.place.country if m.mention.place is not None else None
    out = []
    for text in (m.mention.source or "").split(";"):
        named = registry.source_entry_in(text, country)
        if named is not None:
            attacker = m.mention.attacker.name if m.mention.attacker else None
            voice = m.mention.claimed_by_attacker or registry.speaks_for(named, code, attacker)
            out.append(_Source(f"named:{registry.voice_key(named)}", named.name, voice))
        elif _norm(text):
            out.append(_Source(f"named:{_norm(text)}", text.strip(), m.mention.claimed_by_attacker))
    return out or [_Source(f"story:{m.story}", m.outlet or m.story,
                           m.mention.claimed_by_attacker)]


def _one_per_outlet(sources: dict[str, list[StoredMention]], info: dict[str, _Source]) -> None:
    """One outlet counts once, whatever its stories: the unnamed sources (``story:`` keys)
    whose outlet is the same are merged into the first, in place."""
    first: dict[str, str] = {}
    for key in list(sources):
        outlet = _norm(info[key].label) if key.startswith("story:") else ""
        if not outlet:
            continue
        if (kept := first.setdefault(outlet, key)) != key:
            sources[kept].extend(sources.pop(key))
            voice = info.pop(key).attacker_voice
            if voice and not info[kept].attacker_voice:
                info[kept] = replace(info[kept], attacker_voice=True)
