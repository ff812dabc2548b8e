"""Encrypted messages that arrived before the key to read them. Each is kept in memory for a short
while (a bounded number of them) and handed back when its room key arrives, so it is answered then
instead of never. Nothing of them is written anywhere."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable

from nio import MegolmEvent

KEEP_S = 600.0  # keys that come later than this are for messages too old to answer now
MOST_KEPT = 200


class AwaitingKeys:
    def __init__(self, keep_s: float = KEEP_S, most: int = MOST_KEPT, clock: Callable[[], float] = time.monotonic) -> None:
        self._keep_s = keep_s
        self._most = most
        self._clock = clock
        self._waiting: OrderedDict[str, tuple[float, MegolmEvent]] = OrderedDict()  # event id -> (arrived, event)

    def keep(self, event: MegolmEvent) -> None:
        self._forget_old()
        self._waiting[event.event_id] = (self._clock(), event)
        while len(self._waiting) > self._most:
            self._waiting.popitem(last=False)

    def waiting(self, event_id: str) -> bool:
        return event_id in self._waiting

    def drop(self, event_id: str) -> None:
        self._waiting.pop(event_id, None)

    def take(self, room_id: str, session_id: str) -> list[MegolmEvent]:
        """The kept events a newly arrived room key opens, oldest first; they are kept no longer."""
        self._forget_old()
        opened = [
            event_id for event_id, (_, event) in self._waiting.items()
            if event.room_id == room_id and event.session_id == session_id
        ]
        return [self._waiting.pop(event_id)[1] for event_id in opened]

    def _forget_old(self) -> None:
        oldest = self._clock() - self._keep_s
        while self._waiting and next(iter(self._waiting.values()))[0] < oldest:
            self._waiting.popitem(last=False)
