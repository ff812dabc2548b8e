"""Keep only what is needed, for as long as it is needed: hard deletes, run with the due work."""

from __future__ import annotations

import logging
from datetime import datetime

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
        "own_locations": await store.retention.delete_cells_untouched_without_street(now - settings.keep_last_seen),
        "ended_chats": await store.retention.delete_relays_of_closed_posts(),
    }
    if any(removed.values()):
        log.info("retention purge %s", " ".join(f"{key}={count}" for key, count in removed.items()))
    return removed


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    await purge(services, now)
