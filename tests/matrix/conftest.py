"""One throwaway Synapse for the whole run; each test gets its own bot account and neighbours."""

from __future__ import annotations

import asyncio
import itertools
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable, Iterator

import pytest
from pydantic import SecretStr

from bot.clock import ManualClock
from bot.matrix.adapter import MatrixAdapter, Patience
from config.settings import MatrixSettings
from handlers.app import Doorstep
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.conftest import START
from tests.matrix.neighbour import Neighbour
from tests.matrix.proxy import Relay
from tests.matrix.synapse import RegisteredUser, Synapse

TEST_PATIENCE = Patience(
    first_sync_s=20, login_s=10, send_s=20, read_back_s=20, sync_backoff_s=(0.1, 0.5), stop_s=3, undecryptable_note_s=1,
)
_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}-{secrets.token_hex(2)}"


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    server = Synapse.start(tmp_path_factory.mktemp("synapse"))
    yield server
    server.stop()


@dataclass
class Bot:
    """The bot as `doorstep run` builds it: settings, its store and the core, one Matrix adapter."""

    account: RegisteredUser
    settings: MatrixSettings
    store: SqliteStore
    clock: ManualClock
    adapter: MatrixAdapter
    core: Doorstep
    started: bool = False

    @property
    def user_id(self) -> str:
        return self.account.user_id

    async def start(self) -> None:
        await self.adapter.start(self.core)
        self.started = True

    async def stop(self) -> None:
        if self.started:
            self.started = False
            await self.adapter.stop()

    async def pass_time(self, until: datetime) -> None:
        """Move the bot's clock on to `until`, doing what falls due on the way at its own time, as the
        scheduler would (what it sends goes out through the real adapter)."""
        for _ in range(1000):
            due = await self.core.next_due()
            if due is None or due > until:
                break
            self.clock.move_to(max(due, self.clock.now()))
            await self.core.run_due()
        self.clock.move_to(max(until, self.clock.now()))
        await self.core.run_due()

    async def restart(self) -> None:
        """A new process: new adapter and core, the same database and Matrix store."""
        await self.stop()
        self.adapter = MatrixAdapter(self.settings, self.store, self.clock, TEST_PATIENCE)
        self.core = Doorstep(
            self.store, self.adapter.notifier, self.clock, CoreSettings(), self.adapter.organisers,
            adapters_own=self.adapter.own_work,
        )
        await self.start()


@dataclass
class StreetOnMatrix:
    """A test's homeserver accounts: the bot and neighbours; everything is stopped afterwards."""

    server: Synapse
    directory: Path
    bots: list[Bot] = field(default_factory=list)
    neighbours: list[Neighbour] = field(default_factory=list)

    async def bot(self, *, invite_wait_s: int = 15, organiser_level: int = 50, homeserver: str | None = None,
                  allowed_homeservers: tuple[str, ...] = (), start: bool = True, cross_signing: bool = True) -> Bot:
        account = self.server.register(unique("doorstep"))
        folder = self.directory / account.localpart
        settings = MatrixSettings(
            homeserver=homeserver or self.server.url, user_id=account.user_id, password=SecretStr(account.password),
            store_path=folder / "matrix", invite_wait_seconds=invite_wait_s, organiser_power_level=organiser_level,
            allowed_homeservers=list(allowed_homeservers), cross_signing=cross_signing,
        )
        store = await SqliteStore.open(folder / "doorstep.sqlite3")
        clock = ManualClock(START)
        adapter = MatrixAdapter(settings, store, clock, TEST_PATIENCE)
        core = Doorstep(store, adapter.notifier, clock, CoreSettings(), adapter.organisers, adapters_own=adapter.own_work)
        bot = Bot(account, settings, store, clock, adapter, core)
        self.bots.append(bot)
        if start:
            await bot.start()
        return bot

    async def neighbour(self, name: str, *, accept_invites: bool = True, only_cross_signed: bool = False) -> Neighbour:
        person = Neighbour(self.server, self.server.register(unique(name.lower())), name, accept_invites=accept_invites,
                           only_cross_signed=only_cross_signed)
        await person.start()
        self.neighbours.append(person)
        return person

    async def close(self) -> None:
        for bot in self.bots:
            await bot.stop()
            await bot.store.close()
        for person in self.neighbours:
            await person.stop()


@pytest.fixture
async def street(synapse: Synapse, tmp_path: Path) -> AsyncIterator[StreetOnMatrix]:
    made = StreetOnMatrix(synapse, tmp_path)
    yield made
    await made.close()


StreetRoom = Callable[..., Awaitable[str]]


@pytest.fixture
def street_room(street: StreetOnMatrix) -> StreetRoom:
    """A street room made by `organiser`, with the bot invited (it greets once it's in) and the
    neighbours joined."""

    async def make(organiser: Neighbour, bot: Bot, *others: Neighbour, encrypted: bool = False,
                   name: str = "Elm Street", version: str | None = None) -> str:
        mark = organiser.mark()
        room_id = await organiser.create_room(
            name, invite=[bot.user_id, *(o.user_id for o in others)], encrypted=encrypted, version=version,
        )
        await organiser.notice(room_id, contains="I help neighbours", after=mark, sender=bot.user_id)
        for other in others:
            await other.until(lambda: room_id in other.client.rooms and bot.user_id in other.client.rooms[room_id].users,
                              what="the street room with the bot in it")
        return room_id

    return make


@pytest.fixture
async def relay(street: StreetOnMatrix) -> AsyncIterator[Relay]:
    """A relay the bot reaches the homeserver through (`street.bot(homeserver=relay.url)`), to cut and restore."""
    started = await Relay(street.server.port).start()
    yield started
    for bot in street.bots:  # before the relay goes, so nothing is left trying to get through it
        await bot.stop()
    await started.close()


async def polled_until(check: Callable[[], object], what: str, timeout: float = 20.0) -> None:
    """Polls a condition the bot exposes (there is no event to wait on for "sync failed")."""
    async def poll() -> None:
        while not check():
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), timeout)
    except asyncio.TimeoutError:
        raise AssertionError(f"waited {timeout}s for {what}") from None
