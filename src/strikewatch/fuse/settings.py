"""What counts as the same strike (``data/fuse.yaml``) and whose voices are aligned
with an attacker (``data/alignment.yaml``)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .._yamlconf import load_data
from ..actors import load_registry
from ..models import GEO_PRECISIONS


DATA = Path(__file__).parent.parent / "data"


FINENESS = {p: i for i, p in enumerate(GEO_PRECISIONS)}  # point 0 … country 4


NONCOMBATANT = {"civilian", "infrastructure"}


@dataclass(frozen=True, slots=True)
class FuseSettings:
    """What counts as the same strike; defaults in ``data/fuse.yaml``. Who a source is (its
    several names, whose voice it is) comes from the actor registry (strikewatch.actors); the
    voices aligned with each attacker, which are not independent of it, from
    ``data/alignment.yaml``."""

    day_tolerance_days: int = 1
    week_half_width_days: int = 3
    same_point_km: float = 2.0
    city_part_km: float = 15.0
    region_radius_km: float = 120.0
    toll_ratio: float = 3.0
    toll_gap: int = 10
    same_name_ratio: float = 0.8
    confusable_attackers: tuple[frozenset[str], ...] = ()
    unknown_attackers: frozenset[str] = frozenset({"unknown"})
    aligned: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: str | Path, alignment: str | Path | None = None) -> FuseSettings:
        raw = load_data(Path(path).read_text(encoding="utf-8")) or {}
        return cls(
            day_tolerance_days=int(raw.get("day_tolerance_days", 1)),
            week_half_width_days=int(raw.get("week_half_width_days", 3)),
            same_point_km=float(raw.get("same_point_km", 2)),
            city_part_km=float(raw.get("city_part_km", 15)),
            region_radius_km=float(raw.get("region_radius_km", 120)),
            toll_ratio=float(raw.get("toll_ratio", 3)),
            toll_gap=int(raw.get("toll_gap", 10)),
            same_name_ratio=float(raw.get("same_name_ratio", 0.8)),
            confusable_attackers=tuple(frozenset(g) for g in raw.get("confusable_attackers", [])),
            unknown_attackers=frozenset(raw.get("unknown_attackers", ["unknown"])),
            aligned=_alignment(alignment or DATA / "alignment.yaml"))

    @classmethod
    def default(cls) -> FuseSettings:
        return _default_settings()

    def aligned_with(self, attacker: str | None, label: str) -> bool:
        """Whether the voice ``label`` speaks for ``attacker`` or its allies (alignment.yaml)."""
        return attacker is not None and _norm(label) in self.aligned.get(attacker, ())


def _alignment(path: str | Path) -> dict[str, frozenset[str]]:
    """attacker code -> the normalised names of the voices aligned with it.

    The one reader of the alignment table. A voice the actor registry knows brings its
    registry name, the label ``_sources_of`` gives it ("SANA" is the Syrian Arab News
    Agency), when the registry knows it under the whole name the table writes: "Saba (Aden)",
    the government's agency, is not the Houthis' "Saba" that the registry finds once the
    qualifier is dropped, and would otherwise bring the Houthis' channel into the Saudi-led
    coalition's voices."""
    raw = load_data(Path(path).read_text(encoding="utf-8")) or {}
    registry = load_registry()
    out: dict[str, set[str]] = defaultdict(set)
    for entry in raw.get("alignments", []):
        if not entry.get("source"):
            raise ValueError(f"{path}: the alignment of {entry.get('attackers')} gives no source")
        voices: set[str] = set()
        for name in entry["voices"]:
            known = registry.source_entry(name)
            names = {_norm(n) for n in (known.name, *known.aliases, *known.speaker_names)} \
                if known else set()
            voices |= {_norm(name)} | ({_norm(known.name)} if _norm(name) in names else set())
        for attacker in entry["attackers"]:
            out[attacker] |= voices
    return {a: frozenset(v) for a, v in out.items()}


@cache
def _default_settings() -> FuseSettings:
    return FuseSettings.from_file(DATA / "fuse.yaml")


@lru_cache(maxsize=1 << 16)
def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\u2019']s\b", "s", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)
