"""Coarse places: H3 cells and the distances between them.

The core never sees coordinates: an adapter turns a pin into a cell (`bot/location.py`) before
anything reaches here. Distances are between cell centres, so they are only ever as precise as a
cell (about 350 m across at resolution 9; see docs/location.md)."""

from __future__ import annotations

from functools import lru_cache
from math import ceil

import h3

RESOLUTION = 9  # ≈ 0.1 km² per cell: a block or two of houses, never a doorstep
# A cell counts as within a radius when the circle reaches into it: its centre may lie up to about
# half a cell's spacing beyond. Without this, a 200 m radius would mean "the very same cell" only.
CELL_SLACK_M = 175
_LONGEST_CELL_ID = 16


def is_cell(value: object) -> bool:
    """A cell id at Doorstep's resolution (anything else an adapter might send is refused)."""
    if not isinstance(value, str) or not 0 < len(value) <= _LONGEST_CELL_ID:
        return False
    try:
        return bool(h3.is_valid_cell(value)) and h3.get_resolution(value) == RESOLUTION
    except (h3.H3BaseException, ValueError, TypeError):
        return False


def metres_between(first: str, second: str) -> float:
    """Straight-line distance between the centres of two cells."""
    if first == second:
        return 0.0
    return float(h3.great_circle_distance(h3.cell_to_latlng(first), h3.cell_to_latlng(second), unit="m"))


def within(metres: float, radius_m: int) -> bool:
    """Whether a cell this far (centre to centre) lies within the radius."""
    return metres <= radius_m + CELL_SLACK_M


@lru_cache(maxsize=4096)
def cells_within(centre: str, radius_m: int) -> tuple[str, ...]:
    """Every cell within `radius_m` of `centre` (itself included), by the rule in `within`.

    Cells vary in size over the globe, so the ring count comes from the spacing right here."""
    neighbours = [cell for cell in h3.grid_disk(centre, 1) if cell != centre]
    spacing = min(metres_between(centre, cell) for cell in neighbours)
    rings = ceil((radius_m + CELL_SLACK_M) / spacing) + 1
    return tuple(sorted(cell for cell in h3.grid_disk(centre, rings) if within(metres_between(centre, cell), radius_m)))
