"""Whose ground: strikes set against dated maps of who held the ground (issue 16).

``layers`` reads a control map file and its label mapping into one area per controller and a
front line; ``maps`` stores and loads them; ``lookup`` answers, for a place and date, the
controller, the map in force and the distance to the front; ``tally`` counts an attacker's
strikes per controller beside what claims say.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..store import Store
from .layers import LabelMapping, bundled_mapping, mapping_from_yaml
from .lookup import ControlLayers, Ground, Spot, spot_of_record
from .maps import ImportSummary, import_control_maps

__all__ = ["ControlLayers", "Ground", "ImportSummary", "LabelMapping", "Spot",
           "bundled_mapping", "import_control_maps", "mapping_from_yaml", "spot_of_record",
           "with_ground"]


def with_ground(store: Store, records: Iterable[dict]) -> Iterator[dict]:
    """Incident records with their ``ground`` (formats.md): None when no map covers them."""
    layers = ControlLayers(store)
    if not layers:
        for record in records:
            yield {**record, "ground": None}
        return
    records = list(records)
    grounds = layers.grounds([spot_of_record(r) for r in records])
    for record, ground in zip(records, grounds, strict=True):
        yield {**record, "ground": ground.to_dict() if ground else None}
