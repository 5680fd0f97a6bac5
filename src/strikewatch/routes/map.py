"""What the map draws besides incidents: the control layer of a day and the bundled
boundaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query

from .deps import API, Db, Read, known_params

BOUNDARIES = Path(__file__).parents[1] / "data" / "boundaries"

router = APIRouter()


@router.get(f"{API}/control/layer", tags=["map"],
            dependencies=[known_params("date", "source")])
def control_layer(_u: Read, store: Db,
                  day: Annotated[date, Query(alias="date", description="the day (YYYY-MM-DD)")],
                  source: Annotated[str | None, Query(description="one source only")] = None,
                  ) -> dict:
    """Who held the ground on a day: each source's control map in force (GeoJSON areas
    with controller, source and map date), simplified to about 500 m for drawing."""
    from ..ground.listing import layer_geojson

    return layer_geojson(store, day, source)


@router.get(f"{API}/boundaries", tags=["map"], dependencies=[known_params()])
def boundaries(_u: Read) -> dict:
    """The bundled boundary layers (GeoJSON under /boundaries/) the map draws."""
    return {"layers": [{"name": n, "url": f"/boundaries/{n}"} for n in boundary_files()]}


def boundary_files() -> list[str]:
    """The bundled boundary layers the map draws (country outlines, then provinces)."""
    if not BOUNDARIES.is_dir():
        return []
    return sorted(p.name for p in BOUNDARIES.glob("*.geojson"))
