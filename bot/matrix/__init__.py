"""Doorstep on Matrix (matrix-nio with end-to-end encryption): rooms are streets, direct rooms are
private chats, reactions and replies stand in for buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.matrix.adapter import MatrixAdapter
from handlers.kernel.render import Translate, no_translation

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from config.settings import Settings
    from handlers.kernel.ports import Clock
    from storage import SqliteStore

__all__ = ["MatrixAdapter", "create_adapter"]


def create_adapter(
    settings: Settings, store: SqliteStore, clock: Clock, scheduler: AsyncIOScheduler, *,
    translate: Translate = no_translation,
) -> MatrixAdapter:
    """The adapter for `bot.runner`. Due work (the prompts' retention) runs with the core's, which
    the shared scheduler already drives, so the scheduler itself isn't needed here."""
    return MatrixAdapter(settings.matrix, store, clock, translate=translate)
