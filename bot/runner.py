"""Running for real: storage, the core, the shared scheduler and every configured platform adapter in
one asyncio loop, until SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from datetime import timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import SystemClock
from bot.composition import core_settings, open_store, upgrade_backups
from bot.health import health_server
from bot.i18n import Catalogues
from bot.metrics import CountedCore, CountedNotifier, Metrics, version
from bot.platforms import NotifierByPlatform, OrganisersByPlatform, PlatformAdapter, build_adapters, own_work_of
from bot.scheduler import DueScheduler
from config.settings import Settings
from handlers.app import Doorstep

log = logging.getLogger(__name__)

# Messages to different chats in flight at once (see handlers.delivery): enough to keep Telegram's 30
# a second going while each waits a round trip or two (a name look-up, the send), without a crowd.
SENDS_AT_ONCE = 16


def stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def run_platforms(settings: Settings, stop: asyncio.Event | None = None) -> None:
    stop = stop or stop_on_signals()
    clock = SystemClock()
    backups = upgrade_backups(settings)
    async with open_store(settings.database.path, backups) as store:
        scheduler = AsyncIOScheduler(timezone=timezone.utc)
        catalogues = Catalogues.load()
        adapters = build_adapters(settings, store, clock, scheduler, catalogues.translate)
        due = DueScheduler(scheduler)
        metrics = Metrics()
        core = Doorstep(
            store, CountedNotifier(NotifierByPlatform(adapters), metrics), clock, core_settings(settings, catalogues),
            OrganisersByPlatform(adapters),
            waker=due, sends_at_once=SENDS_AT_ONCE, adapters_own=own_work_of(adapters),
        )
        due.attach(core)
        if backups is not None:
            scheduler.add_job(backups.prune, "interval", days=1, id="doorstep-upgrade-backups", replace_existing=True)
        health = health_server(settings, store, adapters, scheduler, due, metrics)
        started: list[PlatformAdapter] = []
        try:
            if health is not None:
                await health.start()
            counted = CountedCore(core, metrics)
            for adapter in adapters:
                await adapter.start(counted)  # type: ignore[arg-type]
                started.append(adapter)
            await due.start()
            log.info("doorstep running platforms=%s version=%s", ",".join(a.platform for a in adapters), version())
            await stop.wait()
        finally:
            log.info("doorstep stopping")
            if scheduler.running:
                scheduler.shutdown(wait=False)
            for adapter in reversed(started):
                try:
                    await adapter.stop()
                except Exception:
                    log.exception("adapter did not stop cleanly platform=%s", adapter.platform)
            if health is not None:
                await health.stop()
