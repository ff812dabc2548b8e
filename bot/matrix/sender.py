"""Putting events and files on the homeserver without losing them: the same transaction id on every
try (the homeserver keeps one copy), patience while the homeserver is away, and nio waiting out 429s."""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from nio import AsyncClient, RoomRedactResponse, RoomSendResponse, UploadResponse
from nio.exceptions import GroupEncryptionError, LocalProtocolError, OlmTrustError

from bot.matrix.retrying import TryAgain, keep_trying
from bot.matrix.session import TRANSIENT
from bot.matrix.sync import KeyKeeper

log = logging.getLogger(__name__)

# Errors that won't go away by trying again (the bot was removed from the room, or may not post).
_FINAL = {"M_FORBIDDEN", "M_NOT_FOUND", "M_UNKNOWN_TOKEN", "M_BAD_JSON", "M_NOT_JSON", "M_TOO_LARGE"}
UPLOAD_TIMEOUT_S = 120.0

@dataclass(frozen=True)
class Uploaded:
    """A file on the homeserver: its `mxc://` address, and for an encrypted upload the key to read it."""

    url: str
    decryption: dict[str, Any] | None = None


class Sender:
    def __init__(self, client: AsyncClient, keys: KeyKeeper, patience_s: float = 300.0) -> None:
        self._client = client
        self._keys = keys
        self._patience_s = patience_s
        self._closing = False

    def close(self) -> None:
        """The bot is stopping: nothing more is sent (what was on its way stays in the outbox)."""
        self._closing = True

    async def send(self, room_id: str, event_type: str, content: dict[str, Any], *,
                   transaction: str | None = None) -> str | None:
        """The new event's id, or None if it couldn't be sent (logged). The same `transaction` sent
        again (after a crash) is the same event: the homeserver recognises it."""
        transaction = transaction or str(uuid.uuid4())

        async def attempt() -> str | None:
            if self._closing:
                return None
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
            except (LocalProtocolError, GroupEncryptionError, OlmTrustError) as error:
                # Encryption bookkeeping caught mid-change (members or devices just changed).
                raise TryAgain(f"encryption not ready ({type(error).__name__})") from None
            if isinstance(answer, RoomSendResponse):
                return answer.event_id
            return self._refused(answer.status_code, f"type={event_type}")

        return await keep_trying(f"type={event_type}", attempt, self._patience_s)

    async def upload(self, data: bytes, mime: str, filename: str, *, encrypt: bool) -> Uploaded | None:
        """Put a file in the homeserver's media store (encrypted first, for an encrypted room); None if
        it couldn't be (logged)."""

        async def attempt() -> Uploaded | None:
            if self._closing:
                return None
            answer, decryption = await asyncio.wait_for(self._client.upload(
                lambda *_: BytesIO(data), content_type=mime, filename=filename, encrypt=encrypt, filesize=len(data),
            ), UPLOAD_TIMEOUT_S)  # nio sets no time limit on uploads
            if isinstance(answer, UploadResponse):
                return Uploaded(answer.content_uri, decryption)
            http_status = getattr(answer.transport_response, "status", 0) or 0
            if http_status >= 500:
                raise TryAgain(f"homeserver error {http_status}")
            # Too large, or no media repository: trying again won't help.
            log.warning("homeserver refused an upload size=%d error=%s", len(data), answer.status_code or http_status)
            return None

        return await keep_trying(f"upload size={len(data)}", attempt, self._patience_s)

    async def react(self, room_id: str, event_id: str, key: str) -> str | None:
        relation = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        return await self.send(room_id, "m.reaction", relation)

    async def redact(self, room_id: str, event_id: str) -> bool:
        try:
            answer = await self._client.room_redact(room_id, event_id)
        except TRANSIENT:
            return False
        return isinstance(answer, RoomRedactResponse)

    @staticmethod
    def _refused(status: str | None, what: str) -> None:
        if status in _FINAL:
            log.warning("homeserver refused the call what=%s error=%s", what, status)
            return None
        raise TryAgain(f"homeserver error {status}")
