"""The sync loop, supervised: an error, a homeserver that goes away, or a crypto race never ends it.
It keeps encryption keys in order between syncs, as nio's own `sync_forever` would, and tells the
inbound side when each sync has been read through (and from which position it was asked), so a room
whose timeline came cut short can catch up on what it left out."""

from __future__ import annotations

import asyncio
import logging
from typing import Callable

from nio import AsyncClient, LocalProtocolError, SyncError, SyncResponse

from bot.matrix.session import TRANSIENT

log = logging.getLogger(__name__)

LONG_POLL_MS = 30_000
# Each room's recent past in one sync; more than this (said while the bot was away) comes "limited",
# and the rest is read back (`bot.matrix.history`).
SYNC_FILTER = {
    "room": {"timeline": {"limit": 50}, "state": {"lazy_load_members": False}},
    "presence": {"not_types": ["*"]},
}


class KeyKeeper:
    """Uploads, queries and claims encryption keys when nio says so, one at a time: the sync loop and
    senders into encrypted rooms both need it, and two overlapping key queries race in nio."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self._lock = asyncio.Lock()

    async def refresh(self) -> None:
        client = self._client
        async with self._lock:
            try:
                if client.should_upload_keys:
                    await client.keys_upload()
                if client.should_query_keys:
                    await client.keys_query()
                if client.should_claim_keys:
                    await client.keys_claim(client.get_users_for_key_claiming())
                if client.outgoing_to_device_messages:
                    await client.send_to_device_messages()
            except LocalProtocolError as error:
                # e.g. "No key query required": someone else did it in the meantime.
                log.debug("key upkeep skipped error=%r", str(error))


class SyncLoop:
    def __init__(
        self, client: AsyncClient, keys: KeyKeeper, *, on_first_sync: Callable[[], None],
        on_synced: Callable[[SyncResponse | None, str], None],
        backoff_s: tuple[float, float] = (0.5, 30.0), long_poll_ms: int = LONG_POLL_MS,
    ) -> None:
        self._client = client
        self._keys = keys
        self._on_first_sync = on_first_sync
        self._on_synced = on_synced
        self._first_pause, self._longest_pause = backoff_s
        self._long_poll_ms = long_poll_ms
        self.synced = asyncio.Event()  # set once the first sync has been handled
        self.healthy = True

    async def run(self) -> None:
        pause = self._first_pause
        first = True
        while True:
            try:
                response = await self._sync(first)
                if isinstance(response, SyncResponse):
                    await self._keys.refresh()
                    if first:
                        first = False
                        self._on_first_sync()
                        self.synced.set()
                    if not self.healthy:
                        log.info("matrix sync is back")
                    self.healthy = True
                    pause = self._first_pause
                    continue
                self._failed(f"homeserver said {_describe(response)}")
            except asyncio.CancelledError:
                raise
            except TRANSIENT as error:
                self._failed(f"homeserver unreachable ({type(error).__name__})")
            except Exception:
                # nio can trip over its own crypto bookkeeping; the next sync carries on from the
                # same position, so nothing is lost.
                log.exception("matrix sync failed; trying again")
                self.healthy = False
            await asyncio.sleep(pause)
            pause = min(pause * 2, self._longest_pause)

    async def _sync(self, first: bool) -> object:
        since = self._client.next_batch or self._client.loaded_sync_token
        response: object = None
        try:
            response = await self._client.sync(
                timeout=0 if first else self._long_poll_ms, sync_filter=SYNC_FILTER, full_state=first or None,
            )
        finally:
            # Even when nio fails part way through a sync (its position already saved), what it
            # handed out is handed over: the next sync won't bring it again.
            self._on_synced(response if isinstance(response, SyncResponse) else None, since)
        return response

    def _failed(self, why: str) -> None:
        if self.healthy:
            log.warning("matrix sync failed, retrying error=%r", why)
        self.healthy = False


def _describe(response: object) -> str:
    if isinstance(response, SyncError):
        return f"{response.status_code or 'an error'}"
    return type(response).__name__
