"""When a street last said hello to someone, for the rate limit; kept 60 days (see docs/privacy.md)."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.times import from_db, to_db


class HelloRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(self, street_id: int, neighbour_id: int, now: datetime) -> int:
        return await self._db.insert(
            "INSERT INTO hellos (street_id, neighbour_id, said_at) VALUES (?, ?, ?)", (street_id, neighbour_id, to_db(now))
        )

    async def get(self, hello_id: int) -> tuple[int, int] | None:
        row = await self._db.fetch_one("SELECT street_id, neighbour_id FROM hellos WHERE id = ?", (hello_id,))
        return (row["street_id"], row["neighbour_id"]) if row else None

    async def forget(self, hello_id: int) -> None:
        await self._db.execute("DELETE FROM hellos WHERE id = ?", (hello_id,))

    async def last_to(self, neighbour_id: int) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT MAX(said_at) FROM hellos WHERE neighbour_id = ?", (neighbour_id,)))
