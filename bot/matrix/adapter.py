"""The Matrix adapter: one bot account, its rooms as streets, its direct rooms as private chats."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.matrix import retention
from bot.matrix.connect import connect
from bot.matrix.direct import DirectRooms
from bot.matrix.inbound import UNDECRYPTABLE_NOTE_AFTER_S, Inbound
from bot.matrix.markup import Markup
from bot.matrix.names import Names
from bot.matrix.notifier import PLATFORM, MatrixNotifier
from bot.matrix.organisers import MatrixOrganisers
from bot.matrix.sender import Sender
from bot.matrix.session import build_client
from bot.matrix.sync import KeyKeeper, SyncLoop
from bot.matrix.tasks import Spawner
from config.settings import MatrixSettings
from handlers.kernel.ports import Clock
from handlers.kernel.render import Translate, no_translation

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from config.settings import Settings
    from handlers.kernel.core import AdaptersOwn, Core
    from storage import SqliteStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Patience:
    """How long to keep trying; the tests shorten these."""

    first_sync_s: float = 60.0
    login_s: float = 60.0
    send_s: float = 300.0
    read_back_s: float = 300.0  # reading back what a sync left out while the homeserver is away
    sync_backoff_s: tuple[float, float] = (0.5, 30.0)
    long_poll_ms: int = 30_000
    stop_s: float = 5.0
    undecryptable_note_s: float = UNDECRYPTABLE_NOTE_AFTER_S  # a private message's key may take this long


class MatrixAdapter:
    platform = PLATFORM

    def __init__(
        self, settings: MatrixSettings, store: SqliteStore, clock: Clock, patience: Patience = Patience(), *,
        translate: Translate = no_translation,
    ) -> None:
        self._settings = settings
        self._store = store
        self._patience = patience
        self.client = build_client(settings)
        self._keys = KeyKeeper(self.client)
        self._spawner = Spawner()
        self._markup = Markup(translate)
        self.direct = DirectRooms(self.client)
        self._sender = Sender(self.client, self._keys, patience.send_s)
        self.notifier = MatrixNotifier(
            self.client, self._sender, self._markup, Names(self.client),
            self.direct, store, clock, invite_wait_s=settings.invite_wait_seconds,
        )
        self.organisers = MatrixOrganisers(self.client, settings.organiser_power_level)
        self._inbound: Inbound | None = None
        self._sync: SyncLoop | None = None
        self._sync_task: asyncio.Task | None = None

    @property
    def own_work(self) -> AdaptersOwn:
        """What the Matrix side keeps (its prompts), for the core to look after."""
        return retention.own_work(self._store, self.direct)

    @property
    def allowed_servers(self) -> set[str]:
        own = str(self._settings.user_id).split(":", 1)[1]
        return set(self._settings.allowed_homeservers) or {own}

    async def start(self, core: Core) -> None:
        self._markup.know_commands(core.knows_command)
        try:
            await connect(self.client, self._settings, patience_s=self._patience.login_s)
            await self.direct.load()
        except BaseException:
            await self.client.close()  # the composition root only stops adapters that started
            raise
        self._inbound = Inbound(
            self.client, self.direct, self.notifier, self._store, self.organisers, self._spawner,
            allowed_servers=self.allowed_servers, catching_up=not self.client.loaded_sync_token,
            undecryptable_note_after_s=self._patience.undecryptable_note_s, read_back_s=self._patience.read_back_s,
        )
        self._inbound.core = core
        self._inbound.register()
        self._sync = SyncLoop(
            self.client, self._keys, on_first_sync=self._caught_up, on_synced=self._inbound.synced,
            backoff_s=self._patience.sync_backoff_s, long_poll_ms=self._patience.long_poll_ms,
        )
        self._sync_task = asyncio.create_task(self._sync.run(), name="matrix:sync")
        try:
            await asyncio.wait_for(asyncio.shield(self._sync.synced.wait()), self._patience.first_sync_s)
        except asyncio.TimeoutError:
            log.warning("matrix: no first sync yet; carrying on and syncing in the background")
        log.info("matrix running")

    def _caught_up(self) -> None:
        if self._inbound is not None:
            self._inbound.catching_up = False

    @property
    def syncing(self) -> bool:
        """Whether the last sync worked (the homeserver answers)."""
        return self._sync is not None and self._sync.healthy

    @property
    def connected(self) -> bool:
        """For /healthz: the homeserver answers the sync loop."""
        return self.syncing

    async def stop(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            await asyncio.gather(self._sync_task, return_exceptions=True)
        await self._spawner.drain(self._patience.stop_s)
        self._sender.close()  # sends still under way (the core's outbox) end here, and go at the next start
        await self.client.close()
        log.info("matrix stopped")


def create_adapter(
    settings: Settings, store: SqliteStore, clock: Clock, scheduler: AsyncIOScheduler, *,
    translate: Translate = no_translation,
) -> MatrixAdapter:
    """The adapter the composition root runs. Due work (the prompts' retention) runs with the core's, which
    the shared scheduler already drives, so the scheduler itself isn't needed here."""
    return MatrixAdapter(settings.matrix, store, clock, translate=translate)
