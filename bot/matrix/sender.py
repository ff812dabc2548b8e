"""Putting events into rooms without losing them: the same transaction id on every try (the
homeserver keeps one copy), patience while the homeserver is away, and nio waiting out 429s."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import Any

from nio import AsyncClient, RoomRedactResponse, RoomSendResponse
from nio.exceptions import GroupEncryptionError, LocalProtocolError, OlmTrustError

from bot.matrix.session import TRANSIENT
from bot.matrix.sync import KeyKeeper

log = logging.getLogger(__name__)

# Errors that won't go away by trying again (the bot was removed from the room, or may not post).
_FINAL = {"M_FORBIDDEN", "M_NOT_FOUND", "M_UNKNOWN_TOKEN", "M_BAD_JSON", "M_NOT_JSON", "M_TOO_LARGE"}


class Sender:
    def __init__(self, client: AsyncClient, keys: KeyKeeper, patience_s: float = 300.0) -> None:
        self._client = client
        self._keys = keys
        self._patience_s = patience_s

    async def send(self, room_id: str, event_type: str, content: dict[str, Any]) -> str | None:
        """The new event's id, or None if it couldn't be sent (logged)."""
        transaction = str(uuid.uuid4())
        deadline = time.monotonic() + self._patience_s
        pause = 0.5
        while True:
            room = self._client.rooms.get(room_id)
            if room is None:
                log.warning("not sending: the bot is not in that room type=%s", event_type)
                return None
            try:
                if room.encrypted:
                    await self._keys.refresh()
                answer = await self._client.room_send(
                    room_id, event_type, content, tx_id=transaction, ignore_unverified_devices=True,
                )
            except TRANSIENT as error:
                problem = f"homeserver unreachable ({type(error).__name__})"
            except (LocalProtocolError, GroupEncryptionError, OlmTrustError) as error:
                # Encryption bookkeeping caught mid-change (members or devices just changed).
                problem = f"encryption not ready ({type(error).__name__})"
            else:
                if isinstance(answer, RoomSendResponse):
                    return answer.event_id
                if answer.status_code in _FINAL:
                    log.warning("homeserver refused an event type=%s error=%s", event_type, answer.status_code)
                    return None
                problem = f"homeserver error {answer.status_code}"
            if time.monotonic() + pause > deadline:
                log.warning("gave up sending type=%s after_s=%.0f error=%r", event_type, self._patience_s, problem)
                return None
            log.info("sending again type=%s wait_s=%.1f error=%r", event_type, pause, problem)
            await asyncio.sleep(pause)
            pause = min(pause * 2, 30)

    async def react(self, room_id: str, event_id: str, key: str) -> str | None:
        relation = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        return await self.send(room_id, "m.reaction", relation)

    async def redact(self, room_id: str, event_id: str) -> bool:
        try:
            answer = await self._client.room_redact(room_id, event_id)
        except TRANSIENT:
            return False
        return isinstance(answer, RoomRedactResponse)
