"""Keeping outgoing messages inside Telegram's flood limits.

Telegram allows about 30 messages a second overall, 20 a minute in one group and about one a
second in one private chat; beyond that it answers 429 "retry after N". Every message waits for a
free slot in its own chat's window and then in the overall window, so a busy group never holds up
private messages, and a fan-out of thousands goes out steadily at the overall rate.

Telegram counts a message when it arrives, which is somewhere between our sending it and its
answer coming back. So a message holds its place in a window from the moment it leaves until a
full period after its answer: however the network delays requests, no period seen by Telegram
ever holds more than the limit. A 429 that still happens pauses that chat for as long as asked.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import AsyncIterator, Callable

IN_FLIGHT_POLL = 0.005  # seconds between looks while a window is full of unanswered requests


@dataclass(frozen=True)
class Rate:
    """At most `count` messages in any `period` seconds."""

    count: int
    period: float

    def __post_init__(self) -> None:
        if self.count < 1 or self.period <= 0:
            raise ValueError("a rate needs a positive count and period")


@dataclass(frozen=True)
class Limits:
    overall: Rate = Rate(30, 1.0)
    group: Rate = Rate(20, 60.0)
    private: Rate = Rate(1, 1.0)
    slack: float = 0.02  # added to every period, for Telegram's clock and ours (its 429s are waited out anyway)


class Stopped(Exception):
    """The bot is stopping: nothing waits for a slot any more."""


def is_group_chat(chat_id: str) -> bool:
    """Telegram gives groups negative ids and people positive ones."""
    return chat_id.startswith("-")


class SlidingWindow:
    """Messages in flight, and when recent ones were answered: no period holds more than the rate."""

    def __init__(self, rate: Rate, slack: float) -> None:
        self._count = rate.count
        self._period = rate.period + slack
        self._answered: deque[float] = deque()
        self._in_flight = 0
        self._paused_until = 0.0

    def delay(self, now: float) -> float:
        """Seconds to wait before the next message fits (0 when it fits now)."""
        while self._answered and self._answered[0] <= now - self._period:
            self._answered.popleft()
        wait = self._paused_until - now
        if len(self._answered) + self._in_flight >= self._count:
            # A place frees when the oldest answer is a period old; if all are still in flight,
            # look again shortly (their answers start the clock).
            wait = max(wait, self._answered[0] + self._period - now if self._answered else IN_FLIGHT_POLL)
        return max(wait, 0.0)

    def leave(self) -> None:
        self._in_flight += 1

    def answered(self, now: float) -> None:
        self._in_flight -= 1
        self._answered.append(now)

    def pause(self, until: float) -> None:
        self._paused_until = max(self._paused_until, until)

    def idle(self, now: float) -> bool:
        return self.delay(now) == 0.0 and not self._answered and not self._in_flight


@dataclass
class _Chat:
    window: SlidingWindow
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class Line:
    """One chat's place in line, held while its message is sent (and retried)."""

    def __init__(self, pacer: Pacer, chat: _Chat) -> None:
        self._pacer = pacer
        self._chat = chat

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Wait until a message may leave now; it counts until a period after its answer."""
        await self._pacer._take_slot(self._chat)
        try:
            yield
        finally:
            now = self._pacer._clock()
            self._chat.window.answered(now)
            self._pacer._overall.answered(now)


class Pacer:
    """Hands out slots first come, first served: per chat, then overall."""

    PRUNE_ABOVE = 1000  # chats remembered before idle ones are forgotten
    PRUNE_EVERY = 128  # sends between looks for idle chats, once there are that many

    def __init__(self, limits: Limits = Limits(), *, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._stopping = asyncio.Event()
        self._overall = SlidingWindow(limits.overall, limits.slack)
        self._overall_lock = asyncio.Lock()
        self._chats: dict[str, _Chat] = {}
        self._turns = 0

    @asynccontextmanager
    async def queue(self, chat_id: str) -> AsyncIterator[Line]:
        """Hold `chat_id`'s place in line: messages to one chat go one at a time, in order, retries
        included."""
        chat = self._chat(chat_id)
        chat.users += 1
        try:
            async with chat.lock:
                yield Line(self, chat)
        finally:
            chat.users -= 1
            self._prune()

    def pause(self, chat_id: str, seconds: float) -> None:
        """Telegram asked us to wait before sending to this chat again."""
        self._chat(chat_id).window.pause(self._clock() + seconds)

    def stop(self) -> None:
        """Whatever waits for a slot gives up (raises Stopped) instead of waiting on."""
        self._stopping.set()

    def chats_remembered(self) -> int:
        return len(self._chats)

    def waiting(self) -> int:
        """Messages in line for a slot or being sent now, over all chats (a fan-out's backlog)."""
        return sum(chat.users for chat in self._chats.values())

    async def _take_slot(self, chat: _Chat) -> None:
        while True:
            await self._until_free(chat.window)
            async with self._overall_lock:
                await self._until_free(self._overall)
                if chat.window.delay(self._clock()) > 0:  # paused by a 429 while we waited
                    continue
                self._overall.leave()
                chat.window.leave()
                return

    async def _until_free(self, window: SlidingWindow) -> None:
        while (wait := window.delay(self._clock())) > 0:
            if self._stopping.is_set():
                raise Stopped()
            try:
                await asyncio.wait_for(self._stopping.wait(), wait)
            except asyncio.TimeoutError:
                pass

    def _chat(self, chat_id: str) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            rate = self._limits.group if is_group_chat(chat_id) else self._limits.private
            chat = self._chats[chat_id] = _Chat(SlidingWindow(rate, self._limits.slack))
        return chat

    def _prune(self) -> None:
        self._turns += 1
        if len(self._chats) <= self.PRUNE_ABOVE or self._turns % self.PRUNE_EVERY:
            return
        now = self._clock()
        for chat_id in [key for key, chat in self._chats.items() if chat.users == 0 and chat.window.idle(now)]:
            del self._chats[chat_id]
