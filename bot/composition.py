"""The composition root: settings -> storage -> core -> scheduler -> adapters, in one asyncio loop."""

from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import AsyncIterator, TextIO
from zoneinfo import ZoneInfo

from bot.clock import ManualClock, SystemClock
from bot.console.directory import ConsoleDirectory
from bot.console.notifier import ConsoleNotifier
from bot.console.script import echo
from bot.console.street import ConsoleOrganisers, ConsoleStreet
from bot.i18n import Catalogues
from config.settings import Settings
from handlers.app import Doorstep, NobodyOrganises
from handlers.kernel.settings import CoreSettings
from handlers.kernel.turn import Services
from handlers.privacy import retention
from storage import SqliteStore
from storage.backup import UpgradeBackups


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
        while True:
            if interactive:
                out.write("» ")
                out.flush()
            raw = lines.readline()
            if not raw:
                break
            if not interactive:
                out.write(f"» {echo(raw)}\n")
            if not await street.do(raw):
                break


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
