"""Counts per street per week for the organisers' weekly summary: what happened, never who.

Each is counted where it happens; the check-in feature calls `count_checkin_answered`."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Services
from handlers.street.local_time import week_start

NEW_NEIGHBOURS = "new_neighbours"
ASKS_POSTED = "asks_posted"
ASKS_MET = "asks_met"
ASKS_UNMET = "asks_unmet"  # nobody took it within the unmet-ask time (flagged to organisers)
OFFERS_POSTED = "offers_posted"
CHECKINS_ANSWERED = "checkins_answered"
EVERYTHING = (NEW_NEIGHBOURS, ASKS_POSTED, ASKS_MET, ASKS_UNMET, OFFERS_POSTED, CHECKINS_ANSWERED)


async def count(services: Services, street_id: int, what: str, now: datetime) -> None:
    zone = (await for_street(services, street_id)).timezone
    await services.store.weekly_counts.add(street_id, week_start(now, zone), what)


async def count_checkin_answered(services: Services, street_id: int, now: datetime) -> None:
    """A neighbour answered a check-in (any answer counts, "Not today" too)."""
    await count(services, street_id, CHECKINS_ANSWERED, now)


async def recent_weeks(services: Services, street_id: int, last: date, weeks: int) -> tuple[tuple[date, ...], dict[str, tuple[int, ...]]]:
    """The `weeks` weeks up to and including the one starting `last`, with each count per week."""
    starts = tuple(last - timedelta(weeks=weeks - 1 - index) for index in range(weeks))
    stored = await services.store.weekly_counts.of_street(street_id, starts[0])
    return starts, {what: tuple(stored.get((start, what), 0) for start in starts) for what in EVERYTHING}
