"""People's names, looked up when a message is sent and never stored: the name the event at hand
gave, else the display name in a room the bot shares with them, else their profile."""

from __future__ import annotations

import logging
from typing import Iterable

from nio import AsyncClient, ProfileGetDisplayNameResponse

from bot.matrix.session import TRANSIENT
from handlers.kernel.messages import Person

log = logging.getLogger(__name__)


class Names:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def in_rooms(self, user_id: str, prefer_room: str | None = None) -> str | None:
        rooms = self._client.rooms
        ordered = ([rooms[prefer_room]] if prefer_room in rooms else []) + list(rooms.values())
        for room in ordered:
            member = room.users.get(user_id)
            if member is not None and member.display_name:
                return member.display_name
        return None

    async def of(self, people: Iterable[Person], room_id: str | None) -> dict[str, str]:
        names: dict[str, str] = {}
        for person in people:
            if person.user_id in names:
                continue
            name = person.name or self.in_rooms(person.user_id, room_id) or await self._profile(person.user_id)
            if name:
                names[person.user_id] = name
        return names

    async def _profile(self, user_id: str) -> str | None:
        try:
            answer = await self._client.get_displayname(user_id)
        except TRANSIENT:
            return None
        return answer.displayname if isinstance(answer, ProfileGetDisplayNameResponse) else None
