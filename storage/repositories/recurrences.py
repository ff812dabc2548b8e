"""Recurring posts: which occurrence is current, and when the next one goes up."""

from __future__ import annotations

from datetime import date, datetime
from sqlite3 import Row

from handlers.kernel.domain import Recurrence
from storage.database import Database
from storage.times import from_db_required, to_db

_COLUMNS = "id, post_id, every_days, occurs_on, next_at, keeper_id, unmet"


def _recurrence(row: Row) -> Recurrence:
    return Recurrence(
        row["id"], row["post_id"], row["every_days"], date.fromisoformat(row["occurs_on"]),
        from_db_required(row["next_at"]), row["keeper_id"], row["unmet"],
    )


class RecurrenceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, post_id: int, every_days: int, occurs_on: date, next_at: datetime) -> Recurrence:
        recurrence_id = await self._db.insert(
            "INSERT INTO recurrences (post_id, every_days, occurs_on, next_at) VALUES (?, ?, ?, ?)",
            (post_id, every_days, occurs_on.isoformat(), to_db(next_at)),
        )
        found = await self.get(recurrence_id)
        assert found is not None
        return found

    async def get(self, recurrence_id: int) -> Recurrence | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM recurrences WHERE id = ?", (recurrence_id,))
        return _recurrence(row) if row else None

    async def of_post(self, post_id: int) -> Recurrence | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM recurrences WHERE post_id = ?", (post_id,))
        return _recurrence(row) if row else None

    async def due(self, now: datetime) -> list[Recurrence]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM recurrences WHERE next_at <= ? ORDER BY next_at, id", (to_db(now),)
        )
        return [_recurrence(row) for row in rows]

    async def next_at(self) -> datetime | None:
        value = await self._db.fetch_value("SELECT MIN(next_at) FROM recurrences")
        return None if value is None else from_db_required(value)

    async def move_on(self, recurrence_id: int, post_id: int, occurs_on: date, next_at: datetime, unmet: int) -> None:
        """The series continues with a fresh occurrence."""
        await self._db.execute(
            "UPDATE recurrences SET post_id = ?, occurs_on = ?, next_at = ?, unmet = ? WHERE id = ?",
            (post_id, occurs_on.isoformat(), to_db(next_at), unmet, recurrence_id),
        )

    async def set_keeper(self, recurrence_id: int, neighbour_id: int | None) -> None:
        await self._db.execute("UPDATE recurrences SET keeper_id = ? WHERE id = ?", (neighbour_id, recurrence_id))

    async def end(self, recurrence_id: int) -> None:
        await self._db.execute("DELETE FROM recurrences WHERE id = ?", (recurrence_id,))
