"""Button presses waiting for their answer. Telegram shows a spinner on the button until the bot
answers the callback query, and wants exactly one answer: the core's short reply when it has one,
otherwise an empty answer once the turn is over (or after a few seconds, if sending is slow)."""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

log = logging.getLogger(__name__)

AnswerQuery = Callable[[str], Awaitable[None]]  # answers a query with no text


class PressBook:
    def __init__(self, answer_empty: AnswerQuery, answer_within: float = 4.0) -> None:
        self._answer_empty = answer_empty
        self._answer_within = answer_within
        self._open: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task] = set()

    def open(self, query_id: str) -> None:
        loop = asyncio.get_running_loop()
        self._open[query_id] = loop.call_later(self._answer_within, self._answer_late, query_id)

    def claim(self, query_id: str | None) -> bool:
        """True for the one caller that may answer this press; False once it is answered (or unknown)."""
        if query_id is None:
            return False
        timer = self._open.pop(query_id, None)
        if timer is None:
            return False
        timer.cancel()
        return True

    async def close(self, query_id: str) -> None:
        """The turn is over: answer with nothing if nobody answered yet."""
        if self.claim(query_id):
            await self._quietly_answer(query_id)

    async def drain(self) -> None:
        """Answer whatever is still open (the bot is stopping) and wait for late answers."""
        for query_id in list(self._open):
            await self.close(query_id)
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _answer_late(self, query_id: str) -> None:
        if self.claim(query_id):
            task = asyncio.get_running_loop().create_task(self._quietly_answer(query_id))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _quietly_answer(self, query_id: str) -> None:
        try:
            await self._answer_empty(query_id)
        except Exception:
            log.warning("could not answer a button press")
