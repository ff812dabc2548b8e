"""When a Telegram group becomes a supergroup it gets a new chat id. The street follows it in the
database (posts, members and settings stay together), whichever way the bot hears of it first: the
service messages in the old and new chats, or Telegram refusing a send to the old id."""

from __future__ import annotations

import asyncio
import logging
from contextlib import AbstractAsyncContextManager
from typing import Awaitable, Callable, Protocol

log = logging.getLogger(__name__)

PLATFORM = "telegram"

MoveStreet = Callable[[str, str], Awaitable[bool]]  # (old chat id, new chat id) -> whether a street moved


class _Streets(Protocol):
    async def move(self, platform: str, old_chat_id: str, new_chat_id: str) -> bool: ...


class _Store(Protocol):
    streets: _Streets

    def transaction(self) -> AbstractAsyncContextManager[None]: ...


def street_mover(store: _Store) -> MoveStreet:
    """Re-key a Telegram street in its own transaction."""

    async def move(old_chat_id: str, new_chat_id: str) -> bool:
        async with store.transaction():
            return await store.streets.move(PLATFORM, old_chat_id, new_chat_id)

    return move


class Migrations:
    """Runs street moves in the background (they are noticed inside sends and updates, which must not
    wait on the database), one at a time, and waits for them when the bot stops."""

    def __init__(self, move_street: MoveStreet | None) -> None:
        self._move_street = move_street
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task] = set()

    def follow(self, old_chat_id: str, new_chat_id: str) -> None:
        if self._move_street is None:
            return
        task = asyncio.get_running_loop().create_task(self._move(old_chat_id, new_chat_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def settle(self) -> None:
        """Wait for the moves under way."""
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def _move(self, old_chat_id: str, new_chat_id: str) -> None:
        assert self._move_street is not None
        async with self._lock:
            try:
                if await self._move_street(old_chat_id, new_chat_id):
                    log.info("street followed its group to a supergroup")
            except Exception:
                log.exception("could not move a street to its supergroup")
