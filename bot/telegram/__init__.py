"""Doorstep on Telegram (python-telegram-bot v22).

    updates.py     Telegram updates -> the core's Incoming (locations as coarse cells only)
    notifier.py    the core's Outgoing -> HTML messages, inline keyboards, photos, files, edits, press answers
    markup.py      escaping, mentions, keyboards, deep links, sentence starts, message length
    keyboards.py   the one-tap "share my location" keyboard in private chats, and taking it away
    media.py       charts as photos (PNG), attachments as documents, captions
    pacing.py      flood limits: per chat and overall
    sending.py     retries: 429s waited out, network errors backed off, refusals told apart
    names.py       first names for mentions, from updates or live look-ups, never stored
    cache.py       the short-lived in-memory map names and admin lists are kept in
    organisers.py  group admins (people, not bots), cached briefly
    migration.py   a group that becomes a supergroup: its street follows the new chat id
    presses.py     every button press answered exactly once
    adapter.py     the Application, started and stopped in the process's own loop
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

# Opt in to PTB's coming behaviour (time periods as timedelta) so it stops warning on every 429;
# sending.retry_after_seconds reads either form.
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.telegram.adapter import TelegramAdapter, Tuning
from bot.telegram.migration import street_mover
from handlers.kernel.render import Translate, no_translation

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from config.settings import Settings
    from handlers.kernel.ports import Clock
    from storage import SqliteStore

__all__ = ["TelegramAdapter", "Tuning", "create_adapter"]


CHECK_IN_EVERY_SECONDS = 30


def create_adapter(
    settings: Settings, store: SqliteStore, clock: Clock, scheduler: AsyncIOScheduler, *,
    translate: Translate = no_translation, tuning: Tuning | None = None,
) -> TelegramAdapter:
    """The adapter the composition root runs. Telegram needs no storage of its own: everything it
    remembers (names, admins, open location keyboards) is short-lived and in memory; the store is
    only used to move a street when its group becomes a supergroup. The shared scheduler checks in
    with Telegram while calls are failing, so /healthz sees it come back even when nobody is talking."""
    adapter = TelegramAdapter(settings.telegram, tuning or Tuning(), translate, street_mover(store))
    scheduler.add_job(
        adapter.check_in_with_telegram, "interval", seconds=CHECK_IN_EVERY_SECONDS, id="telegram-check-in",
        replace_existing=True, coalesce=True, max_instances=1,
    )
    return adapter
