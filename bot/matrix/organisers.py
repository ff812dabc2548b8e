"""Who organises a street room: power level at or above the setting (50 by default), or, from room
version 12, one of the room's creators — they have unlimited power but are not listed in
`m.room.power_levels`, so they are read from `m.room.create` (its sender and `additional_creators`).

The list of a street's organisers (for check-ins nobody answered) is the same rule applied to the
people in the room now, leaving out the bot itself."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from nio import AsyncClient, RoomGetStateResponse

from bot.matrix.session import TRANSIENT
from handlers.kernel.domain import Street

log = logging.getLogger(__name__)

CACHE_SECONDS = 60.0
# Room versions where creators are privileged (MSC4289); later numbered versions keep the rule.
_CREATORS_PRIVILEGED_FROM = 12
_CREATORS_PRIVILEGED_NAMED = {"org.matrix.hydra.11"}


def creators_privileged(room_version: str) -> bool:
    if room_version in _CREATORS_PRIVILEGED_NAMED:
        return True
    return room_version.isdigit() and int(room_version) >= _CREATORS_PRIVILEGED_FROM


@dataclass(frozen=True)
class RoomPowers:
    creators: frozenset[str]
    levels: dict[str, int]
    default_level: int
    members: frozenset[str] = frozenset()  # who is in the room now (joined)

    def level(self, user_id: str) -> int | None:
        """None: unlimited (a creator in a v12+ room)."""
        if user_id in self.creators:
            return None
        return self.levels.get(user_id, self.default_level)

    def reaches(self, user_id: str, threshold: int) -> bool:
        level = self.level(user_id)
        return level is None or level >= threshold

    @classmethod
    def from_state(cls, events: list[dict]) -> RoomPowers:
        members = frozenset(
            e["state_key"] for e in events
            if e.get("type") == "m.room.member" and isinstance(e.get("state_key"), str)
            and isinstance(e.get("content"), dict) and e["content"].get("membership") == "join"
        )
        create = next((e for e in events if e.get("type") == "m.room.create"), {})
        levels = next((e.get("content", {}) for e in events if e.get("type") == "m.room.power_levels"), None)
        version = str(create.get("content", {}).get("room_version", "1"))
        creators: set[str] = set()
        if creators_privileged(version):
            creators.add(create.get("sender", ""))
            extra = create.get("content", {}).get("additional_creators", [])
            creators.update(user for user in extra if isinstance(user, str))
        if levels is None:
            # No power levels event: the creator has 100, everyone else 0 (the spec's defaults).
            creator = create.get("content", {}).get("creator") or create.get("sender", "")
            return cls(frozenset(creators - {""}), {creator: 100}, 0, members)
        users = {user: _int(level) for user, level in levels.get("users", {}).items()}
        return cls(frozenset(creators - {""}), users, _int(levels.get("users_default", 0)), members)


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


class MatrixOrganisers:
    """The core's OrganiserCheck, asked of the homeserver and kept for a minute."""

    def __init__(self, client: AsyncClient, threshold: int, cache_seconds: float = CACHE_SECONDS) -> None:
        self._client = client
        self._threshold = threshold
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, RoomPowers]] = {}
        self._last_seen: dict[str, RoomPowers] = {}  # for when the homeserver can't answer

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        powers = await self._powers(street.chat_id)
        return powers is not None and powers.reaches(user_id, self._threshold)

    async def organisers_of(self, street: Street) -> list[str]:
        """The organisers who are in the street's room now, without the bot (it may be a moderator)."""
        powers = await self._powers(street.chat_id)
        if powers is None:
            return []
        me = self._client.user_id
        return sorted(user for user in powers.members if user != me and powers.reaches(user, self._threshold))

    async def is_in_group(self, street: Street, user_id: str) -> bool:
        """Joined to the street's room, as the last sync showed it (True if the room isn't known yet)."""
        room = self._client.rooms.get(street.chat_id)
        return room is None or user_id in room.users

    def forget(self, room_id: str) -> None:
        """The room's power levels or members changed: ask again next time."""
        self._cache.pop(room_id, None)

    async def _powers(self, room_id: str) -> RoomPowers | None:
        """The room's powers, fresh within the cache time; when the homeserver can't answer, the
        last ones seen (or None if never)."""
        cached = self._cache.get(room_id)
        if cached is not None and time.monotonic() - cached[0] < self._cache_seconds:
            return cached[1]
        try:
            answer = await self._client.room_get_state(room_id)
        except TRANSIENT as error:
            answer = error
        if not isinstance(answer, RoomGetStateResponse):
            log.warning("could not read a room's power levels answer=%s", type(answer).__name__)
            return self._last_seen.get(room_id)
        powers = RoomPowers.from_state(answer.events)
        self._last_seen[room_id] = powers
        self._cache[room_id] = (time.monotonic(), powers)
        return powers
