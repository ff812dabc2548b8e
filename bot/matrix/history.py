"""Reading back what a sync left out. A sync shows only a room's latest events (the sync filter's
timeline limit); when more was said since the sync before — the bot was stopped, or the homeserver
away — the timeline comes "limited", with a `prev_batch` token where it starts. The events between
the previous sync's position and that token are paged back with `/messages` (`to` the previous
position, so nothing from before it comes back: that was handed over by the sync that brought it),
decrypted as the sync path does, and handed over oldest first."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from nio import AsyncClient, MegolmEvent, MessageDirection, RoomMemberEvent, RoomMessagesResponse
from nio.exceptions import EncryptionError

from bot.matrix.retrying import TryAgain, keep_trying

log = logging.getLogger(__name__)

PAGE_SIZE = 100
MOST_MISSED = 1000  # per room and gap: a bound, so a long absence from a busy room holds nothing up for long
_FINAL = {"M_FORBIDDEN", "M_NOT_FOUND", "M_UNKNOWN_TOKEN", "M_INVALID_PARAM"}  # asking again won't help


@dataclass(frozen=True)
class Gap:
    """Events in a room a sync left out: after `since` (the sync before's position) and before
    `prev_batch` (where the limited timeline starts)."""

    since: str
    prev_batch: str


class History:
    def __init__(self, client: AsyncClient, patience_s: float, most: int = MOST_MISSED) -> None:
        self._client = client
        self._patience_s = patience_s
        self._most = most

    async def missed(self, room_id: str, gap: Gap, handled: Callable[[str], bool]) -> list[Any]:
        """The gap's events, oldest first. Paging stops early at an event already handled, at the
        bot's own joining (what came before was not said to it), and after `most` events (logged:
        the older ones are left unanswered)."""
        found: list[Any] = []
        start = gap.prev_batch
        while True:
            page = await self._page(room_id, start, gap.since)
            if page is None:
                break
            for event in page.chunk:  # newest first
                if handled(event.event_id) or self._joined(event):
                    return self._oldest_first(room_id, found)
                found.append(event)
                if len(found) >= self._most:
                    log.warning("more was missed in a room than is read back; the oldest is left room=%s most=%d",
                                room_id, self._most)
                    return self._oldest_first(room_id, found)
            if not page.chunk or not page.end or page.end == start:
                break
            start = page.end
        return self._oldest_first(room_id, found)

    async def _page(self, room_id: str, start: str, until: str) -> RoomMessagesResponse | None:
        async def attempt() -> RoomMessagesResponse | None:
            answer = await self._client.room_messages(
                room_id, start=start, end=until, direction=MessageDirection.back, limit=PAGE_SIZE,
            )
            if isinstance(answer, RoomMessagesResponse):
                return answer
            if answer.status_code in _FINAL:
                log.warning("could not read back what was missed in a room room=%s error=%s", room_id, answer.status_code)
                return None
            raise TryAgain(f"homeserver error {answer.status_code}")

        return await keep_trying(f"read back missed room={room_id}", attempt, self._patience_s)

    def _joined(self, event: Any) -> bool:
        """The bot's own joining (not a change of its display name, which is a "join" too)."""
        return (isinstance(event, RoomMemberEvent) and event.state_key == self._client.user_id
                and event.membership == "join" and event.prev_membership != "join")

    def _oldest_first(self, room_id: str, newest_first: list[Any]) -> list[Any]:
        events = [self._readable(room_id, event) for event in reversed(newest_first)]
        if events:
            log.info("read back what a sync left out room=%s events=%d", room_id, len(events))
        return events

    def _readable(self, room_id: str, event: Any) -> Any:
        """nio decrypts what `/messages` brings as it does a sync's timeline; an event it couldn't
        (no room id in it, or its key came later) is tried once more, else left for the key to come."""
        if not isinstance(event, MegolmEvent):
            return event
        event.room_id = event.room_id or room_id
        try:
            return self._client.decrypt_event(event)
        except EncryptionError:
            return event
