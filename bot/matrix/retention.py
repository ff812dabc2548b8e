"""How long the Matrix adapter keeps what it stores itself (see docs/privacy.md): a message's
choices go with their post when it is a card, and after 30 days otherwise. Deleted with the core's
other due work (handed to the core where it is composed); those in someone's private room go at once
when they ask to be forgotten."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.matrix.notifier import PLATFORM
from handlers.kernel.core import AdaptersOwn
from handlers.kernel.domain import Neighbour
from handlers.kernel.router import DueWork
from handlers.kernel.turn import Effects, Services

if TYPE_CHECKING:
    from bot.matrix.direct import DirectRooms
    from storage import SqliteStore

log = logging.getLogger(__name__)

KEEP_PROMPTS = timedelta(days=30)
WORK_NAME = "matrix-prompts"


async def delete_old_prompts(store: SqliteStore, now: datetime) -> int:
    """The prompts past their keeping time (the core's due work, and `doorstep purge`)."""
    removed = await store.matrix_prompts.delete_unbound_older_than(now - KEEP_PROMPTS)
    if removed:
        log.info("retention purge matrix_prompts=%d", removed)
    return removed


def own_work(store: SqliteStore, direct: DirectRooms | None = None) -> AdaptersOwn:
    """For the core: the prompts' retention with its due work, and, knowing the private rooms
    (`direct`), forgetting someone's prompts with /forgetme."""

    async def forget_their_prompts(services: Services, neighbour: Neighbour) -> None:
        if direct is not None and neighbour.platform == PLATFORM:
            removed = await store.matrix_prompts.delete_in_rooms(direct.rooms_with(neighbour.user_id))
            log.info("forgotten matrix_prompts=%d", removed)

    async def forget_old_prompts(services: Services, effects: Effects, now: datetime) -> None:
        await delete_old_prompts(store, now)

    return AdaptersOwn(due=(DueWork(WORK_NAME, forget_old_prompts, None),), forget=(forget_their_prompts,))
