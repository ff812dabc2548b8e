"""A room catching up on what a sync left out (see `bot.matrix.history`): its events are handed over
one at a time, in the order they were said — first those read back, then the sync's own, then
whatever later syncs bring for the room meanwhile — so a backlog is answered in order and never
ahead of what came before it. Each gets a head start before the next is handed over, not its whole
turn: one that waits on someone (a private chat to be accepted) doesn't hold up the rest for long."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import Any, Callable

from nio import AsyncClient, MatrixRoom

from bot.matrix.history import Gap, History
from bot.matrix.tasks import Spawner

log = logging.getLogger(__name__)

HEAD_START_S = 5.0

Route = Callable[[MatrixRoom, Any], "asyncio.Task | None"]  # hands one event over; the task doing its work, if any


class Backlogs:
    def __init__(
        self, client: AsyncClient, history: History, spawner: Spawner, *, route: Route,
        handled: Callable[[str], bool], head_start_s: float = HEAD_START_S,
    ) -> None:
        self._client = client
        self._history = history
        self._spawner = spawner
        self._route = route
        self._handled = handled
        self._head_start_s = head_start_s
        self._queues: dict[str, deque[Gap | tuple[MatrixRoom, Any]]] = {}

    def holds(self, room_id: str) -> bool:
        """Whether the room is catching up: its events wait their turn here."""
        return room_id in self._queues

    def gap(self, room_id: str, gap: Gap) -> None:
        """A sync left events out in this room: they come first, then the room's other events, in order."""
        queue = self._queues.get(room_id)
        if queue is not None:
            queue.append(gap)  # another gap while still catching up on one: in its place, in order
            return
        self._queues[room_id] = deque([gap])
        self._spawner.spawn(self._catch_up(room_id), "catch-up")

    def add(self, room: MatrixRoom, event: Any) -> None:
        self._queues[room.room_id].append((room, event))

    async def _catch_up(self, room_id: str) -> None:
        queue = self._queues[room_id]
        try:
            while queue:
                item = queue.popleft()
                if isinstance(item, Gap):
                    missed = await self._history.missed(room_id, item, self._handled)
                    room = self._client.rooms.get(room_id)
                    if room is not None:
                        queue.extendleft((room, event) for event in reversed(missed))
                    continue
                task = self._route(*item)
                if task is not None:
                    await asyncio.wait({task}, timeout=self._head_start_s)
        except asyncio.CancelledError:
            if left := sum(1 for item in queue if not isinstance(item, Gap)):
                log.warning("stopped while catching up in a room; left unanswered room=%s events=%d", room_id, left)
            raise
        except Exception:
            log.exception("catching up in a room failed; handing the rest over at once room=%s", room_id)
            for item in queue:
                if not isinstance(item, Gap):
                    self._route(*item)
        finally:
            del self._queues[room_id]
