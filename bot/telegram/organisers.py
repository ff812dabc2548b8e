"""A street's organisers are its group's administrators, asked of Telegram (`getChatAdministrators`),
kept for a few minutes, and forgotten as soon as a membership change in that group comes in. Bots
among the administrators (Doorstep itself, often) are not organisers: only people are."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Callable

from telegram import Bot, ChatMember

from bot.telegram.cache import ExpiringCache
from bot.telegram.sending import GaveUp, Refused, Sender
from handlers.kernel.domain import Street

log = logging.getLogger(__name__)

PLATFORM = "telegram"


class TelegramOrganisers:
    def __init__(self, bot: Bot, sender: Sender, fresh_for: float = 600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._bot = bot
        self._sender = sender
        self._admins: ExpiringCache[str, tuple[str, ...]] = ExpiringCache(fresh_for, 10_000, clock)
        self._members: ExpiringCache[str, bool] = ExpiringCache(fresh_for, 10_000, clock)  # "chat:user" seen in
        self._stale: dict[str, tuple[str, ...]] = {}  # the last list seen, for when Telegram can't answer
        self._locks: dict[str, asyncio.Lock] = {}

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        if street.platform != PLATFORM:
            return False
        return user_id in await self.admins(street.chat_id)

    async def organisers_of(self, street: Street) -> list[str]:
        """Their user ids, in the order Telegram lists them."""
        if street.platform != PLATFORM:
            return []
        return list(await self.admins(street.chat_id))

    async def is_in_group(self, street: Street, user_id: str) -> bool:
        """Asked of Telegram (getChatMember); a yes is kept a while. When Telegram can't say: True."""
        if street.platform != PLATFORM:
            return False
        key = f"{street.chat_id}:{user_id}"
        found, member = self._members.get(key)
        if found and member:
            return True
        try:
            answer = await self._sender.quick(
                "getChatMember", lambda: self._bot.get_chat_member(int(street.chat_id), int(user_id))
            )
        except Refused:
            return False  # no such person in that chat, or no such chat
        except GaveUp:
            return True
        member = answer.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER) or (
            answer.status == ChatMember.RESTRICTED and bool(getattr(answer, "is_member", False))
        )
        if member:
            self._members.put(key, True)
        return member

    async def admins(self, chat_id: str) -> tuple[str, ...]:
        """The user ids of the group's administrators who are people."""
        found, admins = self._admins.get(chat_id)
        if found and admins is not None:
            return admins
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        async with lock:  # one look-up per group at a time; the others use its answer
            found, admins = self._admins.get(chat_id)
            if found and admins is not None:
                return admins
            try:
                members = await self._sender.quick(
                    "getChatAdministrators", lambda: self._bot.get_chat_administrators(int(chat_id))
                )
            except (Refused, GaveUp):
                return self._stale.get(chat_id, ())
            finally:
                self._locks.pop(chat_id, None)
            admins = tuple(str(member.user.id) for member in members if not member.user.is_bot)
            self._admins.put(chat_id, admins)
            self._stale[chat_id] = admins
            return admins

    def forget(self, chat_id: int | str) -> None:
        """Someone's role in this group may have changed: ask again next time."""
        self._admins.forget(str(chat_id))
