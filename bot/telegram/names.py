"""First names for mentions, never stored: the name in the update at hand, else one seen in a recent
update (kept in memory for a few minutes), else a live look-up (`getChat` for someone with a private
chat with the bot, `getChatMember` in a group they were seen in), else nothing and the caller says
"a neighbour"."""

from __future__ import annotations

import logging
import time
from typing import Awaitable, Callable

from telegram import Bot

from bot.telegram.cache import ExpiringCache
from bot.telegram.pacing import is_group_chat
from bot.telegram.sending import GaveUp, Refused, Sender
from handlers.kernel.messages import Person

log = logging.getLogger(__name__)

class NameBook:
    NOT_FOUND_FOR = 60.0  # seconds before someone whose name couldn't be found is looked up again

    def __init__(self, bot: Bot, sender: Sender, fresh_for: float = 900.0, size: int = 5000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._bot = bot
        self._sender = sender
        self._names: ExpiringCache[str, str | None] = ExpiringCache(fresh_for, size, clock)
        self._groups: ExpiringCache[str, str] = ExpiringCache(7 * 24 * 3600.0, size * 4, clock)  # user -> a group

    def learn(self, user_id: int | str, first_name: str | None, group_chat_id: int | str | None = None) -> None:
        if first_name:
            self._names.put(str(user_id), first_name)
        if group_chat_id is not None and is_group_chat(str(group_chat_id)):
            self._groups.put(str(user_id), str(group_chat_id))

    async def name_of(self, person: Person, where: str | None = None) -> str | None:
        """Their first name, or None when nobody can tell."""
        if person.name:
            return person.name
        found, name = self._names.get(person.user_id)
        if found:
            return name
        name = await self._look_up(person.user_id, where)
        self._names.put(person.user_id, name, None if name else self.NOT_FOUND_FOR)
        return name

    async def _look_up(self, user_id: str, where: str | None) -> str | None:
        name = await self._ask("getChat", lambda: self._bot.get_chat(int(user_id)))
        if name:
            return name
        _, seen_in = self._groups.get(user_id)
        for chat_id in dict.fromkeys(c for c in (where, seen_in) if c and is_group_chat(c)):
            name = await self._ask(
                "getChatMember", lambda chat=chat_id: self._bot.get_chat_member(int(chat), int(user_id))
            )
            if name:
                return name
        return None

    async def _ask(self, method: str, call: Callable[[], Awaitable[object]]) -> str | None:
        try:
            answer = await self._sender.quick(method, call)
        except (Refused, GaveUp):
            return None
        user = getattr(answer, "user", answer)  # a ChatMember carries the user; a private chat is one
        return getattr(user, "first_name", None)
