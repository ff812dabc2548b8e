"""Who has been active in which street, and when: all the quiet-neighbours list needs.

Anything a neighbour does in a street counts — speaking or pressing in its group, and pressing
buttons in private about its posts (use cases call `note_activity` for those)."""

from __future__ import annotations

from datetime import datetime

from handlers.kernel.turn import Services
from handlers.street import weekly


async def seen_in_group(services: Services, street_id: int, neighbour_id: int, now: datetime) -> None:
    """Anything they did in the street's group; someone not known there yet counts as a new neighbour."""
    if await services.store.neighbours.seen_in_street(street_id, neighbour_id, now):
        await weekly.count(services, street_id, weekly.NEW_NEIGHBOURS, now)


async def note_activity(services: Services, street_id: int, neighbour_id: int, now: datetime) -> None:
    """Something they did in private about a street they are known in. A press about a street
    they aren't in (a stale or forged button) doesn't make them a member of it."""
    await services.store.neighbours.touch_member(street_id, neighbour_id, now)
