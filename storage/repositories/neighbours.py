from __future__ import annotations

from datetime import datetime
from sqlite3 import Row

from handlers.domain import Neighbour
from storage.database import Database
from storage.times import from_db, to_db

_COLUMNS = "id, platform, user_id, reachable, language, language_chosen"


def _neighbour(row: Row) -> Neighbour:
    reachable = None if row["reachable"] is None else bool(row["reachable"])
    return Neighbour(
        row["id"], row["platform"], row["user_id"], reachable, row["language"], bool(row["language_chosen"])
    )


class NeighbourRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_or_create(self, platform: str, user_id: str, now: datetime) -> Neighbour:
        await self._db.execute(
            "INSERT INTO neighbours (platform, user_id, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (platform, user_id) DO NOTHING",
            (platform, user_id, to_db(now)),
        )
        found = await self.find(platform, user_id)
        assert found is not None
        return found

    async def get(self, neighbour_id: int) -> Neighbour | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM neighbours WHERE id = ?", (neighbour_id,))
        return _neighbour(row) if row else None

    async def find(self, platform: str, user_id: str) -> Neighbour | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM neighbours WHERE platform = ? AND user_id = ?", (platform, user_id)
        )
        return _neighbour(row) if row else None

    async def set_reachable(self, neighbour_id: int, reachable: bool) -> None:
        await self._db.execute("UPDATE neighbours SET reachable = ? WHERE id = ?", (int(reachable), neighbour_id))

    async def set_language(self, neighbour_id: int, language: str, chosen: bool) -> None:
        await self._db.execute(
            "UPDATE neighbours SET language = ?, language_chosen = ? WHERE id = ?", (language, int(chosen), neighbour_id)
        )

    async def seen_in_street(self, street_id: int, neighbour_id: int, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (street_id, neighbour_id) DO UPDATE SET last_seen_at = excluded.last_seen_at",
            (street_id, neighbour_id, to_db(now)),
        )

    async def left_street(self, street_id: int, neighbour_id: int) -> None:
        await self._db.execute(
            "DELETE FROM street_members WHERE street_id = ? AND neighbour_id = ?", (street_id, neighbour_id)
        )

    async def record_helped(self, neighbour_id: int) -> int:
        await self._db.execute(
            "UPDATE neighbours SET helped_since_invitation = helped_since_invitation + 1 WHERE id = ?",
            (neighbour_id,),
        )
        count = await self._db.fetch_value(
            "SELECT helped_since_invitation FROM neighbours WHERE id = ?", (neighbour_id,)
        )
        return int(count or 0)

    async def last_invited_at(self, neighbour_id: int) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT invited_at FROM neighbours WHERE id = ?", (neighbour_id,)))

    async def record_invited(self, neighbour_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE neighbours SET invited_at = ?, helped_since_invitation = 0 WHERE id = ?",
            (to_db(now), neighbour_id),
        )
