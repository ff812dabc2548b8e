"""Keep only what is needed, for as long as it is needed: hard deletes, run with the due work (and by
`doorstep purge`). The periods are the operator's settings (docs/privacy.md)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from handlers.kernel.turn import Effects, Services

log = logging.getLogger(__name__)


async def purge(services: Services, now: datetime, *, neighbours: bool = True) -> dict[str, int]:
    """Delete what has passed its retention period; return how many rows of each went. With
    `neighbours`, also neighbours nothing refers to any more (a look at every neighbour)."""
    store = services.store
    settings = services.settings
    removed = {
        "closed_posts": await store.retention.delete_posts_closed_before(now - settings.keep_closed_posts),
        "last_seen": await store.retention.delete_members_last_seen_before(now - settings.keep_last_seen),
        "unfinished_flows": await store.retention.delete_conversations_untouched_since(now - settings.keep_unfinished_flows),
        "unanswered_questions": await store.retention.delete_questions_expired_by(now),
        "waiting_messages": await store.retention.delete_held_older_than(now - settings.keep_waiting_messages),
        "checkin_occurrences": await store.checkins.delete_occurrences_due_before(now - settings.keep_checkin_occurrences),
        "finished_one_off_checkins": await store.checkins.delete_finished_one_offs(now - settings.keep_checkin_occurrences),
        "buddy_invitations": await store.checkins.expire_invites(now - settings.buddy_invite_lifetime),
        "hellos": await store.retention.delete_hellos_before(now - settings.keep_hellos),
        "weekly_counts": await store.retention.delete_weekly_counts_before((now - settings.keep_weekly_counts).date()),
        "own_locations": await store.retention.delete_cells_untouched_without_street(now - settings.keep_last_seen),
        "ended_chats": await store.retention.delete_relays_of_closed_posts(),
    }
    # Last: whoever the deletions above left with nothing at all.
    removed["neighbours"] = (
        await store.retention.delete_neighbours_with_nothing(now - settings.keep_unreferenced_neighbours)
        if neighbours else 0
    )
    for what, count in removed.items():
        if count:
            log.info("retention purge what=%s deleted=%d", what, count)
    return removed


class Retention:
    """The purge as due work, whenever the bot's due work runs (every minute, and whenever something
    falls due) — each deletion is one indexed statement. Neighbours left with nothing take a look at
    every neighbour, so that sweep runs at most once an hour (at once on a fresh start)."""

    SWEEP_EVERY = timedelta(hours=1)

    def __init__(self) -> None:
        self._last_sweep: datetime | None = None

    async def run_due(self, services: Services, effects: Effects, now: datetime) -> None:
        sweep = self._last_sweep is None or now - self._last_sweep >= self.SWEEP_EVERY
        await purge(services, now, neighbours=sweep)
        if sweep:
            self._last_sweep = now
