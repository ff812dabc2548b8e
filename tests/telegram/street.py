"""A street on the fake Bot API: the real adapter, the real core and a real SQLite file, with the
test playing the neighbours through the fake server."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Awaitable, Callable

from pydantic import SecretStr

from bot.clock import ManualClock
from bot.i18n import Catalogues
from bot.telegram.adapter import TelegramAdapter, Tuning
from bot.telegram.migration import street_mover
from bot.telegram.pacing import Limits, Rate
from bot.telegram.sending import Patience
from config.settings import TelegramSettings
from handlers.app import Doorstep
from handlers.kernel.domain import Street
from handlers.kernel.render import Translate, no_translation
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.telegram.fake_bot_api import FakeBotApi, FakeChat

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
UNLIMITED = Limits(Rate(100_000, 1.0), Rate(100_000, 1.0), Rate(100_000, 1.0), slack=0.0)

# Everything quick: no pacing to speak of, short waits, short patience.
QUICK = Tuning(
    limits=UNLIMITED,
    patience=Patience(first_pause=0.05, longest_pause=0.3, for_messages=10.0, for_quick_calls=2.0),
    poll_timeout=5, request_timeout=5.0, press_answered_within=2.0, start_patience=1.0, stop_grace=1.0,
)


def settings_for(server: FakeBotApi, **overrides: object) -> TelegramSettings:
    return TelegramSettings(token=SecretStr(server.token), base_url=server.base_url, **overrides)  # type: ignore[arg-type]


@dataclass
class TelegramStreet:
    server: FakeBotApi
    adapter: TelegramAdapter
    core: Doorstep
    store: SqliteStore
    clock: ManualClock

    @classmethod
    async def open(cls, server: FakeBotApi, database: Path, tuning: Tuning = QUICK,
                   settings: TelegramSettings | None = None, translate: Translate = no_translation,
                   catalogues: Catalogues | None = None) -> TelegramStreet:
        """With `catalogues`, Doorstep speaks every language they hold (English only otherwise)."""
        store = await SqliteStore.open(database)
        translate = catalogues.translate if catalogues else translate
        adapter = TelegramAdapter(settings or settings_for(server), tuning, translate, move_street=street_mover(store))
        clock = ManualClock(START)
        core_settings = CoreSettings(locales=catalogues.languages) if catalogues else CoreSettings()
        core = Doorstep(store, adapter.notifier, clock, core_settings, adapter.organisers)
        try:
            await adapter.start(core)
            await core.resume()
        except BaseException:
            await store.close()
            raise
        return cls(server, adapter, core, store, clock)

    async def close(self) -> None:
        try:
            self.core.stop()
            await self.adapter.stop()
            await self.core.stopped()
        finally:
            await self.store.close()

    def street(self, chat: FakeChat) -> Street:
        return Street(0, "telegram", str(chat.id), chat.title)

    async def count(self, table: str, where: str = "1 = 1") -> int:
        return int(await self.store.db.fetch_value(f"SELECT COUNT(*) FROM {table} WHERE {where}"))

    async def handled_all(self, timeout: float = 5.0) -> None:
        """Until every update Telegram holds has been fetched, handled, and what it said sent."""
        async def quiet() -> bool:
            return self.server.pending_updates == 0 and not await self.count("inbox") and not await self.count("outbox")
        await eventually(quiet, "every update handled", timeout)

    async def run_until(self, moment: datetime) -> None:
        """Move the core's clock on to `moment`, doing what falls due on the way at its own time, as
        the scheduler would; everything it sends has gone out when this returns."""
        for _ in range(10_000):
            due = await self.core.next_due()
            if due is None or due > moment:
                break
            self.clock.move_to(max(due, self.clock.now()))
            await self.core.run_due()
        self.clock.move_to(max(moment, self.clock.now()))
        await self.core.run_due()

    async def snapshot(self) -> dict[str, list[tuple]]:
        """What the street's activity changes, to check that bad input changed nothing."""
        tables = ("posts", "responses", "cards", "suggestions", "conversations", "held_messages")
        return {t: [tuple(r) for r in await self.store.db.fetch_all(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}


async def eventually(check: Callable[[], Awaitable[bool]], what: str, timeout: float = 5.0) -> None:
    """For what only the database shows: look again every few milliseconds until it holds."""
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def tuned(**changes: object) -> Tuning:
    return replace(QUICK, **changes)  # type: ignore[arg-type]
