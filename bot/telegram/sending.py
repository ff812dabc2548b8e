"""Calling the Bot API without losing anything: messages wait for a free slot (see pacing), a 429
is waited out as long as Telegram asks, network errors and 5xx answers are retried with growing
pauses, and a group that became a supergroup is followed to its new id. What Telegram refuses for
good (400, 403) is raised as `Refused`, with the method named in the log."""

from __future__ import annotations

import asyncio
import logging
import random
import time
import warnings
from dataclasses import dataclass
from datetime import timedelta
from typing import Awaitable, Callable, TypeVar

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.telegram.pacing import Line, Pacer, Stopped

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Patience:
    first_pause: float = 0.5  # after the first network error; doubles each time
    longest_pause: float = 30.0
    # A message waits no longer than this between tries: it holds its chat's place meanwhile, and after
    # an outage the chat's other messages shouldn't wait behind a long pause (each chat retries on its own).
    longest_pause_in_chat: float = 3.0
    for_messages: float = 900.0  # how long a message keeps being retried before it counts as failed
    for_quick_calls: float = 10.0  # callback answers and look-ups: worthless when late
    retry_after_slack: float = 0.1


class Refused(Exception):
    """Telegram said no, and asking again won't change that."""

    def __init__(self, method: str, error: TelegramError) -> None:
        super().__init__(f"{method}: {error.message}")
        self.method = method
        self.description = error.message
        self.forbidden = isinstance(error, Forbidden)

    def says(self, *phrases: str) -> bool:
        lowered = self.description.lower()
        return any(phrase in lowered for phrase in phrases)


class _Moved(Exception):
    def __init__(self, chat_id: str) -> None:
        super().__init__(chat_id)
        self.chat_id = chat_id


class GaveUp(Exception):
    """Retried for as long as patience allowed (or the bot is stopping)."""


def retry_after_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns while moving retry_after from int to timedelta
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Sender:
    def __init__(self, pacer: Pacer, patience: Patience = Patience(), *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._pacer = pacer
        self._patience = patience
        self._clock = clock
        self._moved: dict[str, str] = {}  # group chat id -> its supergroup's id
        self.on_moved: Callable[[str, str], None] | None = None  # told (old id, new id) when a group moves
        self._stopping = asyncio.Event()
        self.rate_limited = 0  # 429s met (and waited out)
        self.retry_after_seconds = 0.0  # what those 429s asked us to wait, in all
        self.last_answer: float | None = None  # when the Bot API last answered at all (for /healthz)
        self.last_network_failure: float | None = None

    def heard_from_telegram(self) -> None:
        self.last_answer = self._clock()

    def could_not_reach_telegram(self) -> None:
        self.last_network_failure = self._clock()

    @property
    def reachable(self) -> bool:
        """Telegram answered more recently than it failed to (an answer saying no still counts)."""
        if self.last_network_failure is None:
            return True
        return self.last_answer is not None and self.last_answer > self.last_network_failure

    def chat(self, chat_id: str) -> str:
        """Where a chat lives now (a group upgraded to a supergroup gets a new id)."""
        return self._moved.get(chat_id, chat_id)

    def moved(self, old_chat_id: str, new_chat_id: str) -> None:
        """A group became a supergroup: send there from now on (and tell `on_moved`, once)."""
        if self._moved.get(old_chat_id) == new_chat_id:
            return
        self._moved[old_chat_id] = new_chat_id
        log.info("group became a supergroup; following it")
        if self.on_moved is not None:
            self.on_moved(old_chat_id, new_chat_id)

    async def message(self, method: str, chat_id: str, call: Callable[[str], Awaitable[T]]) -> T:
        """Send or edit a message in `chat_id`, paced, retried until it goes or patience runs out."""
        return await self._attempt(method, chat_id, call, self._patience.for_messages, paced=True)

    async def quick(self, method: str, call: Callable[[], Awaitable[T]]) -> T:
        """A call that isn't a message (answers, look-ups): not paced, retried only briefly."""
        return await self._attempt(method, "", lambda _: call(), self._patience.for_quick_calls, paced=False)

    def stop_waiting(self) -> None:
        """The bot is stopping: whatever is still waiting (to retry, or for a slot) gives up now."""
        self._stopping.set()
        self._pacer.stop()

    async def _attempt(self, method: str, chat_id: str, call: Callable[[str], Awaitable[T]],
                       patience: float, *, paced: bool) -> T:
        deadline = self._clock() + patience
        chat_id = self.chat(chat_id)
        if not paced:
            return await self._until_done(method, chat_id, call, deadline, line=None)
        async with self._pacer.queue(chat_id) as line:
            try:
                return await self._until_done(method, chat_id, call, deadline, line=line)
            except _Moved as moved:
                chat_id = moved.chat_id
            except Stopped:
                log.error("telegram call given up while stopping method=%s", method)
                raise GaveUp(method) from None
        return await self._attempt(method, chat_id, call, max(deadline - self._clock(), 0.0), paced=True)

    async def _until_done(self, method: str, chat_id: str, call: Callable[[str], Awaitable[T]],
                          deadline: float, line: Line | None) -> T:
        failures = 0
        while True:
            wait_in_line = False  # a 429 is waited out by the next slot, holding the chat's place
            try:
                if line is None:
                    result = await call(chat_id)
                else:
                    async with line.slot():
                        result = await call(chat_id)
                self.heard_from_telegram()
                return result
            except RetryAfter as error:
                self.heard_from_telegram()
                pause = retry_after_seconds(error) + self._patience.retry_after_slack
                self.rate_limited += 1
                self.retry_after_seconds += retry_after_seconds(error)
                log.info("telegram asked to slow down method=%s retry_after=%.1f", method, pause)
                if line is not None:
                    self._pacer.pause(chat_id, pause)
                    wait_in_line = True
            except ChatMigrated as error:
                self.heard_from_telegram()
                log.info("telegram says the group moved method=%s", method)
                self.moved(chat_id, str(error.new_chat_id))
                if line is not None:
                    raise _Moved(str(error.new_chat_id)) from None
                chat_id = str(error.new_chat_id)
                continue
            except InvalidToken as error:
                self.heard_from_telegram()
                # The Bot API answers 404 (unknown method or malformed token) and 401 alike.
                log.error("the Bot API did not accept the call method=%s answer=%r", method, error.message)
                raise Refused(method, error) from None
            except (BadRequest, Forbidden) as error:  # BadRequest is a NetworkError: test it first
                self.heard_from_telegram()
                log.info("telegram refused method=%s error=%s answer=%r", method, type(error).__name__, error.message)
                raise Refused(method, error) from None
            except NetworkError as error:  # connection problems, timeouts and 5xx answers
                self.could_not_reach_telegram()
                failures += 1
                pause = self._pause_after(failures, in_chat=line is not None) * random.uniform(0.8, 1.2)
                log.warning("telegram call failed, will retry method=%s error=%s attempt=%d",
                            method, type(error).__name__, failures)
            except TelegramError as error:
                self.heard_from_telegram()
                log.warning("telegram refused method=%s error=%s answer=%r", method, type(error).__name__, error.message)
                raise Refused(method, error) from None
            if self._stopping.is_set() or self._clock() + pause > deadline:
                log.error("telegram call given up method=%s", method)
                raise GaveUp(method)
            if not wait_in_line and await self._stopped_within(pause):
                log.error("telegram call given up while stopping method=%s", method)
                raise GaveUp(method)

    def _pause_after(self, failures: int, *, in_chat: bool) -> float:
        """Growing pauses between tries after network errors; low for a message (see Patience)."""
        longest = self._patience.longest_pause
        if in_chat:
            longest = min(longest, self._patience.longest_pause_in_chat)
        return min(longest, self._patience.first_pause * 2 ** (failures - 1))

    async def _stopped_within(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._stopping.wait(), timeout=seconds)
        except asyncio.TimeoutError:
            return False
        return True
