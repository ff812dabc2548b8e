"""What platforms deliver, written down before it is acknowledged and handled in the order it came.

An adapter hands over what a poll or a sync brought (`receive`): it is written to the inbox in one
transaction, together with how far the platform's deliveries now go (Telegram's next update id,
Matrix's sync token), and only then does the adapter tell the platform it has them. Each is then
handled in turn, one at a time, oldest first — so each chat's order is kept — and its turn deletes its
row in the turn's own transaction: after a crash, what is still in the inbox is exactly what wasn't
handled (`resume`), and a redelivery of something still waiting is recognised by the platform's id.

The row never holds the person's name; in this run the turn still has it (from memory), after a
crash the platform is asked."""

from __future__ import annotations

import asyncio
import heapq
import logging
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Sequence

from handlers.kernel.incoming import Incoming
from handlers.kernel.serialize import decode_incoming, encode_incoming
from handlers.kernel.turn import Services

log = logging.getLogger(__name__)

# A turn for what arrived, given its inbox row (which the turn deletes); returns once its changes are
# stored, with what waits for its messages to go out.
TakeTurn = Callable[[Incoming, int], Awaitable[Awaitable[None]]]


@dataclass(frozen=True)
class Arrival:
    """One thing delivered: the platform's own id for it (`key`, to recognise a redelivery) and what
    the adapter made of it. One platform update may make several (everyone who joined at once)."""

    key: str
    incoming: Incoming


@dataclass
class _Waiting:
    inbox_id: int
    incoming: Incoming
    handled: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class Inbox:
    def __init__(self, services: Services, take_turn: TakeTurn) -> None:
        self._services = services
        self._take_turn = take_turn
        self._queue: dict[int, _Waiting] = {}  # by inbox id: ids rise in the order things arrived
        self._order: list[int] = []  # the same ids, as a heap: the oldest is handled next
        self._more = asyncio.Event()
        self._worker: asyncio.Task | None = None
        self._stopping = False
        self._followers: set[asyncio.Task] = set()

    async def position(self, platform: str) -> str | None:
        """How far the platform's deliveries have been written, as the platform counts."""
        return await self._services.store.inbox.position(platform)

    async def receive(self, platform: str, arrivals: Sequence[Arrival], position: str | None = None
                      ) -> list[asyncio.Future[None] | None]:
        """Write what arrived (and the platform's new position) in one transaction. Returns, for each
        arrival, what is done once it has been handled and its messages have gone out (None for a
        redelivery of something still waiting); the platform may be told it's safe once this returns."""
        store = self._services.store
        async with store.transaction():
            added = await store.inbox.add(
                platform, [(arrival.key, encode_incoming(arrival.incoming)) for arrival in arrivals],
                self._services.clock.now(),
            ) if arrivals else {}
            if position is not None:
                await store.inbox.move_position(platform, position)
        handled: list[asyncio.Future[None] | None] = []
        for arrival in arrivals:
            inbox_id = added.pop(arrival.key, None)
            if inbox_id is None:
                handled.append(None)
                continue
            handled.append(self._add(_Waiting(inbox_id, arrival.incoming)).handled)
        self._more.set()
        return handled

    async def resume(self) -> None:
        """Take up what a run that stopped left unhandled, first, then everything as it comes."""
        if self._worker is not None:
            return
        for inbox_id, raw in await self._services.store.inbox.waiting():
            if inbox_id not in self._queue:
                self._add(_Waiting(inbox_id, decode_incoming(raw)))
        if self._queue:
            log.info("inbox: carrying on with what arrived earlier count=%d", len(self._queue))
        self._worker = asyncio.create_task(self._work(), name="inbox")

    def stop(self) -> None:
        """Take no further turn (the one under way finishes); what waits stays for the next start."""
        self._stopping = True
        self._more.set()
        for waiting in self._queue.values():  # not taken up in this run
            waiting.handled.cancel()

    async def stopped(self, grace: float = 10.0) -> None:
        """Until the turn under way is over — or, after `grace`, cut short: rolled back, its row left
        for the next start."""
        if self._worker is not None:
            _, late = await asyncio.wait({self._worker}, timeout=grace)
            for task in late:
                log.warning("inbox: a turn cut short by the stop; it is taken again at the next start")
                task.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
        for waiting in self._queue.values():
            if not waiting.handled.done():
                waiting.handled.cancel()
        if self._followers:
            await asyncio.gather(*self._followers, return_exceptions=True)

    def _add(self, waiting: _Waiting) -> _Waiting:
        self._queue[waiting.inbox_id] = waiting
        heapq.heappush(self._order, waiting.inbox_id)
        return waiting

    async def _work(self) -> None:
        while not self._stopping:
            if not self._queue:
                self._more.clear()
                await self._more.wait()
                continue
            waiting = self._queue.pop(heapq.heappop(self._order))
            try:
                sending = await self._take_turn(waiting.incoming, waiting.inbox_id)
            except Exception:  # the turn answers for its own failures; this is a last resort
                log.exception("inbox: could not take a turn kind=%s", waiting.incoming.kind)
                waiting.handled.set_result(None)
                continue
            follower = asyncio.create_task(self._when_sent(sending, waiting.handled))
            self._followers.add(follower)
            follower.add_done_callback(self._followers.discard)

    @staticmethod
    async def _when_sent(sending: Awaitable[None], handled: asyncio.Future[None]) -> None:
        try:
            await sending
        finally:
            if not handled.done():
                handled.set_result(None)
