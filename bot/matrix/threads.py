"""Threads on Matrix: which thread an event is in (`m.thread` names its first event, the root), how
the bot's message joins one, and whether a thread can still be written in.

A message in a thread relates to the root with `rel_type: m.thread`. For clients that show no
threads it also carries a reply (`m.in_reply_to`) to the thread's latest message, marked
`is_falling_back` so that clients with threads don't show it as one; a real reply inside a thread
carries its reply unmarked. The latest message of each thread the bot has seen is remembered here,
in memory only (event ids, nobody's words), for that fallback.

A thread whose root was redacted, or can't be found, is no place for new messages: the notifier
says them in the room's main timeline instead (`RootCheck`, which also hears of redactions as they
are synced)."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Callable

from nio import AsyncClient, RedactedEvent, RoomGetEventResponse

from bot.matrix.session import TRANSIENT

THREAD = "m.thread"
REMEMBERED_THREADS = 2000
ROOT_CHECKED_FOR_S = 600.0  # a root seen alive is written under this long before it is looked at again
ROOT_GONE_FOR_S = 60.0


def thread_of(content: dict[str, Any]) -> str | None:
    """The root event id of the thread an event's content puts it in, if any."""
    relation = content.get("m.relates_to") if isinstance(content, dict) else None
    if not isinstance(relation, dict) or relation.get("rel_type") != THREAD:
        return None
    root = relation.get("event_id")
    return root if isinstance(root, str) and root.startswith("$") else None


def in_thread(root: str, latest: str, reply_to: str | None = None) -> dict[str, Any]:
    """The `m.relates_to` of a message in a thread: a real reply to `reply_to`, or else a reply to the
    thread's `latest` message only for clients without threads."""
    return {
        "rel_type": THREAD, "event_id": root, "is_falling_back": reply_to is None,
        "m.in_reply_to": {"event_id": reply_to or latest},
    }


class ThreadTips:
    """The latest message seen in each thread (bounded; the oldest threads are forgotten first)."""

    def __init__(self, size: int = REMEMBERED_THREADS) -> None:
        self._latest: OrderedDict[str, str] = OrderedDict()
        self._size = size

    def note(self, root: str, event_id: str) -> None:
        self._latest[root] = event_id
        self._latest.move_to_end(root)
        if len(self._latest) > self._size:
            self._latest.popitem(last=False)

    def latest(self, root: str) -> str:
        return self._latest.get(root, root)


class RootCheck:
    """Whether a thread's root is still there to write under: asked of the homeserver, and the answer
    kept a while. When the homeserver can't be asked, the thread is tried anyway."""

    def __init__(self, client: AsyncClient, clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._clock = clock
        self._known: OrderedDict[str, tuple[bool, float]] = OrderedDict()  # root -> (usable, until)

    def redacted(self, event_id: str) -> None:
        """An event was redacted (seen in a sync): if it is a thread's root, that thread is gone for good."""
        self._keep(event_id, False, float("inf"))

    async def usable(self, room_id: str, root: str) -> bool:
        known = self._known.get(root)
        if known is not None and known[1] > self._clock():
            return known[0]
        try:
            answer = await self._client.room_get_event(room_id, root)
        except TRANSIENT:
            return True
        if isinstance(answer, RoomGetEventResponse):
            event = answer.event
            usable = not isinstance(event, RedactedEvent) and not (event.source.get("unsigned") or {}).get("redacted_because")
        elif answer.status_code in ("M_NOT_FOUND", "M_FORBIDDEN"):
            usable = False
        else:
            return True  # the homeserver couldn't say: try it
        self._keep(root, usable, self._clock() + (ROOT_CHECKED_FOR_S if usable else ROOT_GONE_FOR_S))
        return usable

    def _keep(self, root: str, usable: bool, until: float) -> None:
        self._known[root] = (usable, until)
        self._known.move_to_end(root)
        if len(self._known) > REMEMBERED_THREADS:
            self._known.popitem(last=False)
