"""Chats through the bot: who talks to whom about which post. The words themselves are never kept."""

from __future__ import annotations

from datetime import datetime
from sqlite3 import Row

from handlers.kernel.domain import Relay
from storage.database import Database
from storage.times import to_db

_COLUMNS = "id, post_id, author_id, responder_id"


def _relay(row: Row) -> Relay:
    return Relay(row["id"], row["post_id"], row["author_id"], row["responder_id"])


class RelayRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def start(self, post_id: int, author_id: int, responder_id: int, now: datetime) -> Relay:
        """A new chat about the post (one at a time: a post has one confirmed pair)."""
        relay_id = await self._db.insert(
            "INSERT OR REPLACE INTO relays (post_id, author_id, responder_id, started_at, last_used_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (post_id, author_id, responder_id, to_db(now), to_db(now)),
        )
        found = await self.get(relay_id)
        assert found is not None
        return found

    async def get(self, relay_id: int) -> Relay | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM relays WHERE id = ?", (relay_id,))
        return _relay(row) if row else None

    async def of_post(self, post_id: int) -> Relay | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM relays WHERE post_id = ?", (post_id,))
        return _relay(row) if row else None

    async def of_neighbour(self, neighbour_id: int) -> list[Relay]:
        """Their open chats, the one used most recently first."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM relays WHERE author_id = ? OR responder_id = ? ORDER BY last_used_at DESC, id DESC",
            (neighbour_id, neighbour_id),
        )
        return [_relay(row) for row in rows]

    async def touch(self, relay_id: int, now: datetime) -> None:
        await self._db.execute("UPDATE relays SET last_used_at = ? WHERE id = ?", (to_db(now), relay_id))

    async def end(self, relay_id: int) -> bool:
        return await self._db.execute("DELETE FROM relays WHERE id = ?", (relay_id,)) > 0
