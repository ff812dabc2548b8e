"""Counts per street per week (what happened, never who)."""

from __future__ import annotations

from datetime import date

from storage.database import Database


class WeeklyCountRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, street_id: int, week_start: date, what: str, by: int = 1) -> None:
        await self._db.execute(
            "INSERT INTO weekly_counts (street_id, week_start, what, count) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (street_id, week_start, what) DO UPDATE SET count = count + excluded.count",
            (street_id, week_start.isoformat(), what, by),
        )

    async def of_street(self, street_id: int, since: date) -> dict[tuple[date, str], int]:
        rows = await self._db.fetch_all(
            "SELECT week_start, what, count FROM weekly_counts WHERE street_id = ? AND week_start >= ?",
            (street_id, since.isoformat()),
        )
        return {(date.fromisoformat(row["week_start"]), row["what"]): int(row["count"]) for row in rows}
