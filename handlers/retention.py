"""Keep only what is needed, for as long as it is needed: hard deletes, run with the due work (and by
`doorstep purge`). The periods are the operator's settings (docs/privacy.md)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from handlers.turn import Effects, Services

log = logging.getLogger(__name__)


async def purge(services: Services, now: datetime) -> dict[str, int]:
    """Delete what has passed its retention period; return how many rows of each went."""
    store = services.store
    settings = services.settings
    removed = {
        "closed_posts": await store.retention.delete_posts_closed_before(now - settings.keep_closed_posts),
        "last_seen": await store.retention.delete_members_last_seen_before(now - settings.keep_last_seen),
        "unfinished_flows": await store.retention.delete_conversations_untouched_since(now - settings.keep_unfinished_flows),
        "waiting_messages": await store.retention.delete_outbox_older_than(now - settings.keep_waiting_messages),
        "checkin_occurrences": await store.checkins.delete_occurrences_due_before(now - settings.keep_checkin_occurrences),
        "finished_one_off_checkins": await store.checkins.delete_finished_one_offs(now - settings.keep_checkin_occurrences),
        "buddy_invitations": await store.checkins.expire_invites(now - settings.buddy_invite_lifetime),
        "hellos": await store.retention.delete_hellos_before(now - settings.keep_hellos),
        "weekly_counts": await store.retention.delete_weekly_counts_before((now - settings.keep_weekly_counts).date()),
        "own_locations": await store.retention.delete_cells_untouched_without_street(now - settings.keep_last_seen),
        "ended_chats": await store.retention.delete_relays_of_closed_posts(),
        # Last: whoever the deletions above left with nothing at all.
        "neighbours": await store.retention.delete_neighbours_with_nothing(now - settings.keep_unreferenced_neighbours),
    }
    for what, count in removed.items():
        if count:
            log.info("retention purge what=%s deleted=%d", what, count)
    return removed


class Hourly:
    """The purge as due work: the bot looks for due work every minute, but deleting need not be that
    eager — at most once an hour (so at least daily), and at once on a fresh start."""

    EVERY = timedelta(hours=1)

    def __init__(self) -> None:
        self._last: datetime | None = None

    async def run_due(self, services: Services, effects: Effects, now: datetime) -> None:
        if self._last is not None and now - self._last < self.EVERY:
            return
        await purge(services, now)
        self._last = now
