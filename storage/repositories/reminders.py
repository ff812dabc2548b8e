"""Street reminders: what to post in the group, on which days and at what local time."""

from __future__ import annotations

from datetime import datetime, time
from sqlite3 import Row

from handlers.kernel.domain import Reminder
from storage.database import Database
from storage.times import from_db, from_db_required, minutes_of, time_of, to_db

_COLUMNS = "id, street_id, days, every_weeks, at_minute, body, paused, next_at"


def _days_mask(days: frozenset[int]) -> int:
    return sum(1 << day for day in days)


def _days(mask: int) -> frozenset[int]:
    return frozenset(day for day in range(7) if mask & (1 << day))


def _reminder(row: Row) -> Reminder:
    return Reminder(
        row["id"], row["street_id"], _days(row["days"]), row["every_weeks"], time_of(row["at_minute"]), row["body"],
        bool(row["paused"]), from_db_required(row["next_at"]),
    )


class ReminderRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(
        self, *, street_id: int, days: frozenset[int], every_weeks: int, at: time, body: str, next_at: datetime,
        now: datetime,
    ) -> Reminder:
        reminder_id = await self._db.insert(
            "INSERT INTO reminders (street_id, days, every_weeks, at_minute, body, next_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (street_id, _days_mask(days), every_weeks, minutes_of(at), body, to_db(next_at), to_db(now)),
        )
        added = await self.get(reminder_id)
        assert added is not None
        return added

    async def get(self, reminder_id: int) -> Reminder | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM reminders WHERE id = ?", (reminder_id,))
        return _reminder(row) if row else None

    async def of_street(self, street_id: int) -> list[Reminder]:
        rows = await self._db.fetch_all(f"SELECT {_COLUMNS} FROM reminders WHERE street_id = ? ORDER BY id", (street_id,))
        return [_reminder(row) for row in rows]

    async def count_in_street(self, street_id: int) -> int:
        return int(await self._db.fetch_value("SELECT COUNT(*) FROM reminders WHERE street_id = ?", (street_id,)))

    async def set_paused(self, reminder_id: int, paused: bool) -> None:
        await self._db.execute("UPDATE reminders SET paused = ? WHERE id = ?", (int(paused), reminder_id))

    async def set_next(self, reminder_id: int, next_at: datetime) -> None:
        await self._db.execute("UPDATE reminders SET next_at = ? WHERE id = ?", (to_db(next_at), reminder_id))

    async def delete(self, reminder_id: int) -> bool:
        return await self._db.execute("DELETE FROM reminders WHERE id = ?", (reminder_id,)) > 0

    async def due(self, now: datetime) -> list[Reminder]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM reminders WHERE paused = 0 AND next_at <= ? ORDER BY next_at, id", (to_db(now),)
        )
        return [_reminder(row) for row in rows]

    async def next_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT MIN(next_at) FROM reminders WHERE paused = 0"))
