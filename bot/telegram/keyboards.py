"""The one-tap "share my location" keyboard, in private chats only (Telegram's request_location
buttons work nowhere else). It replaces the phone's keyboard until it is taken away, so once a
location arrives the next message to that chat that can carry it takes it away (a message can carry
either inline buttons or this, never both). Kept in memory only: chat ids, for a day at most."""

from __future__ import annotations

import time
from typing import Callable, Sequence

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot.telegram.cache import ExpiringCache

REMEMBERED_FOR = 24 * 3600.0


def location_keyboard(labels: Sequence[str]) -> ReplyKeyboardMarkup:
    """One button a row; it folds away as soon as it is used."""
    return ReplyKeyboardMarkup(
        [[KeyboardButton(label, request_location=True)] for label in labels],
        resize_keyboard=True, one_time_keyboard=True,
    )


class LocationKeyboards:
    def __init__(self, size: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self._shown: ExpiringCache[str, bool] = ExpiringCache(REMEMBERED_FOR, size, clock)
        self._to_remove: ExpiringCache[str, bool] = ExpiringCache(REMEMBERED_FOR, size, clock)

    def shown(self, chat_id: str) -> None:
        self._shown.put(chat_id, True)
        self._to_remove.forget(chat_id)

    def location_arrived(self, chat_id: str) -> None:
        found, _ = self._shown.get(chat_id)
        if found:
            self._shown.forget(chat_id)
            self._to_remove.put(chat_id, True)

    def removal_for(self, chat_id: str) -> ReplyKeyboardRemove | None:
        """The keyboard's removal, once, if it is due in this chat."""
        found, _ = self._to_remove.get(chat_id)
        if not found:
            return None
        self._to_remove.forget(chat_id)
        return ReplyKeyboardRemove()
