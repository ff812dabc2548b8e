"""Private chats on Matrix are direct rooms: opened by the bot (or by the neighbour) with `is_direct`,
recorded in the bot's `m.direct` account data and reused. The neighbour has to accept the invite;
waiting for that happens in the task that wants to talk to them, never inside the sync loop."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict

from nio import (
    AsyncClient,
    DirectRoomsResponse,
    RoomCreateResponse,
    RoomGetStateEventResponse,
    RoomInviteResponse,
    RoomPreset,
)

from bot.logs import hashed
from bot.matrix.raw import account_data_path, call

log = logging.getLogger(__name__)

ENCRYPTED = {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}


class DirectRooms:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self._rooms_by_user: dict[str, list[str]] = {}  # the bot's m.direct, as the homeserver has it
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._joins: dict[tuple[str, str], asyncio.Future[None]] = {}
        self._created: set[str] = set()  # rooms the bot opened, usable before its sync shows them

    async def load(self) -> None:
        answer = await self._client.list_direct_rooms()
        if isinstance(answer, DirectRoomsResponse):
            self.replace(answer.rooms)

    def replace(self, content: dict) -> None:
        """The bot's m.direct as the homeserver has it (loaded, or changed by another session). Rooms
        recorded here are kept, in their order: the homeserver may be echoing an older write of ours."""
        given = {
            user: [room for room in rooms if isinstance(room, str)]
            for user, rooms in content.items() if isinstance(user, str) and isinstance(rooms, list)
        }
        for user, known in self._rooms_by_user.items():
            given[user] = [*known, *(room for room in given.get(user, []) if room not in known)]
        self._rooms_by_user = given

    def rooms_with(self, user_id: str) -> list[str]:
        """Every direct room recorded with someone."""
        return list(self._rooms_by_user.get(user_id, []))

    def is_private(self, room_id: str) -> bool:
        return any(room_id in rooms for rooms in self._rooms_by_user.values())

    async def record(self, user_id: str, room_id: str) -> None:
        """Remember a direct room with someone (first in their list, so it is the one reused)."""
        rooms = [room_id, *(room for room in self._rooms_by_user.get(user_id, []) if room != room_id)]
        self._rooms_by_user[user_id] = rooms
        status, _ = await call(self._client, "PUT", account_data_path(self._client.user_id, "m.direct"), self._rooms_by_user)
        if status != 200:
            log.warning("could not save m.direct status=%s", status)

    def prefer(self, user_id: str, room_id: str) -> None:
        """They spoke to the bot in this direct room: answers go here, if they have more than one."""
        rooms = self._rooms_by_user.get(user_id, [])
        if room_id in rooms[1:]:
            self._rooms_by_user[user_id] = [room_id, *(room for room in rooms if room != room_id)]

    def membership(self, room_id: str, user_id: str) -> str | None:
        """'join', 'invite' or None, as the bot last synced it."""
        room = self._client.rooms.get(room_id)
        member = room.users.get(user_id) if room else None
        if member is None:
            return None
        return "invite" if member.invited else "join"

    def joined_room(self, user_id: str) -> str | None:
        """Their direct room, if both the bot and they are in it now."""
        for room_id in self._rooms_by_user.get(user_id, []):
            if self.membership(room_id, user_id) == "join" and room_id in self._client.rooms:
                return room_id
        return None

    def noticed_join(self, room_id: str, user_id: str) -> None:
        """Called from the sync loop when someone joins a room."""
        if user_id == self._client.user_id:
            self._created.discard(room_id)  # synced now: the room list has it
        waiting = self._joins.pop((room_id, user_id), None)
        if waiting is not None and not waiting.done():
            waiting.set_result(None)

    async def invite(self, user_id: str) -> tuple[str | None, bool]:
        """Their direct room and whether they are in it already; invites them (to a new room if
        need be) when they aren't. (None, False) if the homeserver said no."""
        async with self._locks[user_id]:
            joined = self.joined_room(user_id)
            if joined is not None:
                return joined, True
            room_id = self._reusable(user_id)
            if room_id is not None and room_id in self._client.rooms:  # (one just opened has its invite)
                if self.membership(room_id, user_id) is None and not await self._reinvite(room_id, user_id):
                    room_id = None
            if room_id is None:
                room_id = await self._create(user_id)
            return room_id, False

    async def wait_for_join(self, room_id: str, user_id: str, timeout: float) -> bool:
        if self.membership(room_id, user_id) == "join":
            return True
        waiting = self._joins.get((room_id, user_id))
        if waiting is None or waiting.done():
            waiting = asyncio.get_running_loop().create_future()
            self._joins[(room_id, user_id)] = waiting
        try:
            await asyncio.wait_for(asyncio.shield(waiting), timeout)
        except asyncio.TimeoutError:
            return self.membership(room_id, user_id) == "join"
        return True

    async def reach(self, user_id: str, timeout: float) -> str | None:
        """A direct room they have joined, waiting up to `timeout` seconds for them to accept an
        invite; None if they haven't (the caller falls back)."""
        room_id, joined = await self.invite(user_id)
        if room_id is None:
            return None
        if joined or await self.wait_for_join(room_id, user_id, timeout):
            return room_id
        log.info("private chat invite not accepted yet user=%s", hashed(user_id))
        return None

    def _reusable(self, user_id: str) -> str | None:
        """A recorded direct room the bot is still in (or has just opened)."""
        for room_id in self._rooms_by_user.get(user_id, []):
            if room_id in self._client.rooms or room_id in self._created:
                return room_id
        return None

    async def _reinvite(self, room_id: str, user_id: str) -> bool:
        answer = await self._client.room_invite(room_id, user_id)
        if isinstance(answer, RoomInviteResponse):
            return True
        if await self._in_or_invited(room_id, user_id):
            return True  # they are (the homeserver says "already in the room"); the bot's sync is behind
        log.info("could not invite again to a private chat user=%s answer=%s", hashed(user_id), answer)
        return False

    async def _in_or_invited(self, room_id: str, user_id: str) -> bool:
        """Their membership as the homeserver has it now."""
        answer = await self._client.room_get_state_event(room_id, "m.room.member", user_id)
        return isinstance(answer, RoomGetStateEventResponse) and answer.content.get("membership") in ("invite", "join")

    async def _create(self, user_id: str) -> str | None:
        answer = await self._client.room_create(
            is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat, initial_state=[ENCRYPTED],
        )
        if not isinstance(answer, RoomCreateResponse):
            log.warning("could not open a private chat user=%s answer=%s", hashed(user_id), answer)
            return None
        self._created.add(answer.room_id)
        await self.record(user_id, answer.room_id)
        log.info("opened a private chat user=%s", hashed(user_id))
        return answer.room_id
