"""The composition root: settings -> storage -> core -> scheduler -> adapters, in one asyncio loop —
for real (`run_platforms`, until SIGINT or SIGTERM), in the console street, and for `doorstep purge`."""

from __future__ import annotations

import asyncio
import io
import logging
import signal
import sys
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import AsyncIterator, TextIO
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import ManualClock, SystemClock
from bot.console.directory import ConsoleDirectory
from bot.console.notifier import ConsoleNotifier
from bot.console.script import echo
from bot.console.street import ConsoleOrganisers, ConsoleStreet
from bot.health import health_server
from bot.i18n import Catalogues
from bot.metrics import CountedCore, CountedNotifier, Metrics, version
from bot.platforms import NotifierByPlatform, OrganisersByPlatform, PlatformAdapter, own_work_of
from bot.scheduler import DueScheduler
from config.settings import Settings
from handlers.app import Doorstep, NobodyOrganises
from handlers.kernel.ports import Clock
from handlers.kernel.render import Translate
from handlers.kernel.settings import CoreSettings
from handlers.kernel.turn import Services
from handlers.privacy import retention
from storage import SqliteStore
from storage.backup import UpgradeBackups


UNREADABLE_LINE = "(That line wasn't text I can read — is your terminal set to UTF-8? Try typing it again.)"


def core_settings(settings: Settings, catalogues: Catalogues) -> CoreSettings:
    posts = settings.posts
    languages = catalogues.languages
    return CoreSettings(
        timezone=ZoneInfo(settings.timezone),
        locale=settings.language if settings.language in languages else languages[0],
        locales=languages,
        translate=catalogues.translate,
        ask_lifetime=posts.ask_lifetime,
        offer_lifetime=posts.offer_lifetime,
        keep_open_answer_window=posts.keep_open_answer_window,
        max_post_length=posts.max_length,
        matches_told_at_once=posts.matches_told_at_once,
        checkin_escalate_after=settings.checkins.escalate_after_delay,
        checkin_late_grace=settings.checkins.late_grace,
        quiet_after=timedelta(days=settings.organisers.quiet_after_days),
        unmet_after=timedelta(hours=settings.organisers.unmet_after_hours),
        radius_m=settings.nearby.radius_metres,
        next_round_after=settings.nearby.next_round_after,
        widen_after=settings.nearby.widen_after,
        pings_per_day=settings.nearby.pings_per_day,
        keep_closed_posts=timedelta(days=settings.retention.closed_post_days),
        keep_checkin_occurrences=timedelta(days=settings.retention.checkin_occurrence_days),
        keep_hellos=timedelta(days=settings.retention.hello_days),
        keep_last_seen=timedelta(days=settings.retention.last_seen_days),
        posts_per_hour=settings.limits.posts_per_hour,
        private_messages_per_hour=settings.limits.private_messages_per_hour,
        refuse_duplicate_posts=settings.limits.refuse_duplicate_posts,
    )


def upgrade_backups(settings: Settings) -> UpgradeBackups | None:
    """The copy taken before a new version migrates the operator's database (None when turned off)."""
    days = settings.database.upgrade_backup_days
    return UpgradeBackups(settings.database.upgrade_backup_folder, timedelta(days=days)) if days else None


@asynccontextmanager
async def open_store(path: Path, backups: UpgradeBackups | None = None) -> AsyncIterator[SqliteStore]:
    """The store, migrated; with `backups`, the database is copied first when migrations are pending, and
    upgrade copies past their time are deleted."""
    if backups is not None:
        backups.prune()
    store = await SqliteStore.open(path, before_migrating=backups)
    try:
        yield store
    finally:
        await store.close()


async def run_console(
    settings: Settings, database: Path, lines: TextIO, out: TextIO, *, interactive: bool,
    start: datetime | None = None, charts: Path | None = None,
) -> None:
    """The console street, reading lines until they run out (or :quit). Charts (the weekly summary's)
    are saved as PNG files in `charts`, beside the database unless given."""
    zone = ZoneInfo(settings.timezone)
    clock = ManualClock(start)
    directory = ConsoleDirectory()
    street_names: dict[str, str] = {}
    catalogues = Catalogues.load()
    notifier = ConsoleNotifier(out, directory, street_names, catalogues.translate, charts or database.parent / "charts")
    organisers = ConsoleOrganisers()
    backups = upgrade_backups(settings) if database == settings.database.path else None
    async with open_store(database, backups) as store:
        core = Doorstep(store, notifier, clock, core_settings(settings, catalogues), organisers)
        street = ConsoleStreet(core, clock, notifier, directory, organisers, street_names, out, zone)
        if isinstance(lines, io.TextIOWrapper):
            lines.reconfigure(errors="surrogateescape")  # bytes that aren't UTF-8 reach us as such, not as a crash
        while True:
            if interactive:
                out.write("» ")
                out.flush()
            try:
                raw = lines.readline()
            except UnicodeDecodeError:
                raw = "\udcff\n"  # a stream that can't be told to read on: the same kind word, and on
            if not raw:
                break
            if _undecodable(raw):
                out.write(f"{UNREADABLE_LINE}\n")
                continue
            if not interactive:
                out.write(f"» {echo(raw)}\n")
            if not await street.do(raw):
                break


def _undecodable(line: str) -> bool:
    """Bytes that weren't UTF-8 text, read with errors="surrogateescape": lone surrogates."""
    return any("\udc80" <= char <= "\udcff" for char in line)


async def purge_now(settings: Settings) -> dict[str, int]:
    """What `doorstep purge` does: the retention the bot runs daily, now, in one transaction (while the bot
    is stopped: a running bot holds its database, and purges by itself). Returns how many rows of each
    kind went."""
    from bot.matrix.retention import delete_old_prompts  # Matrix keeps prompts of its own

    clock = SystemClock()
    async with open_store(settings.database.path, upgrade_backups(settings)) as store:
        services = Services(store, clock, core_settings(settings, Catalogues.load()), NobodyOrganises())
        async with store.transaction():
            now = clock.now()
            removed = await retention.purge(services, now)
            removed["matrix_prompts"] = await delete_old_prompts(store, now)
    return removed


def stdin_is_interactive() -> bool:
    return sys.stdin.isatty()


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
            # Every platform can send now: what a stopped run left in the outbox goes out, and what
            # it left in the inbox is handled, before anything new.
            await core.resume()
            await due.start()
            log.info("doorstep running platforms=%s version=%s", ",".join(a.platform for a in adapters), version())
            await stop.wait()
        finally:
            log.info("doorstep stopping")
            if scheduler.running:
                scheduler.shutdown(wait=False)
            core.stop()  # no new turn and no new send: what waits stays in the inbox and outbox
            for adapter in reversed(started):
                try:
                    await adapter.stop()
                except Exception:
                    log.exception("adapter did not stop cleanly platform=%s", adapter.platform)
            await core.stopped()
            if health is not None:
                await health.stop()


def build_adapters(
    settings: Settings, store: SqliteStore, clock: Clock, scheduler: AsyncIOScheduler, translate: Translate,
) -> list[PlatformAdapter]:
    """The adapters the settings ask for (each platform is imported only when it is used)."""
    adapters: list[PlatformAdapter] = []
    if settings.telegram.enabled:
        from bot.telegram.adapter import create_adapter as create_telegram

        adapters.append(create_telegram(settings, store, clock, scheduler, translate=translate))
    if settings.matrix.enabled:
        from bot.matrix.adapter import create_adapter as create_matrix

        adapters.append(create_matrix(settings, store, clock, scheduler, translate=translate))
    return adapters
