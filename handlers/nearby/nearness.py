"""How near two posts are, and how that is said: "on your street", "about 10 minutes' walk".

Never metres, never a direction: only coarse five-minute walking bands between cells, so nobody can
work out where someone lives from a few messages (see docs/location.md)."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from handlers.kernel.messages import Msg, Param, msg
from handlers.nearby import texts
from handlers.nearby.geo import metres_between, within

METRES_PER_BAND = 400  # five minutes at an easy walking pace of 80 m a minute
MINUTES_PER_BAND = 5


@dataclass(frozen=True)
class Place:
    """Where a post is, coarsely: its street, and a cell if one is known (the author's own,
    shared privately, or else the street's area). No cell: the street group itself is the place."""

    street_id: int
    cell: str | None


@dataclass(frozen=True)
class Nearness:
    same_street: bool
    metres: float | None  # between cell centres; None when one side has no cell (same street only)

    @property
    def band(self) -> int:
        """0 for the same cell (or the same street with no cells), then one per five minutes' walk."""
        return 0 if self.metres is None else ceil(self.metres / METRES_PER_BAND)

    @property
    def minutes(self) -> int:
        return MINUTES_PER_BAND * max(1, self.band)


def nearness(origin: Place, other: Place, radius_m: int) -> Nearness | None:
    """How near `other` is to `origin`, or None if it lies outside the radius. The same street is
    always near: the group is the neighbourhood, whatever cells say."""
    same_street = origin.street_id == other.street_id
    metres = metres_between(origin.cell, other.cell) if origin.cell and other.cell else None
    if same_street:
        return Nearness(True, metres)
    if metres is None or not within(metres, radius_m):
        return None
    return Nearness(False, metres)


def walk_words(minutes: int) -> Msg:
    return msg(texts.ABOUT_MINUTES_WALK, minutes=minutes)


def where_words(near: Nearness, street: Param) -> Msg:
    """A line saying where something is, relative to the reader: "📍 On your street" or
    "📍 Mill Road, about 10 minutes' walk"."""
    if near.same_street:
        return msg(texts.WHERE_ON_YOUR_STREET)
    return msg(texts.WHERE_NEARBY, street=street, walk=walk_words(near.minutes))


def radius_minutes(radius_m: int) -> int:
    """A street's radius as minutes' walk, for organisers choosing one (rounded kindly)."""
    minutes = radius_m / (METRES_PER_BAND / MINUTES_PER_BAND)
    return ceil(minutes) if minutes < MINUTES_PER_BAND else MINUTES_PER_BAND * round(minutes / MINUTES_PER_BAND)
