"""Rough places: a street's area and a neighbour's own area, each one H3 cell id (never coordinates)."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.times import to_db


class StreetAreaRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def of_street(self, street_id: int) -> str | None:
        return await self._db.fetch_value("SELECT cell FROM street_areas WHERE street_id = ?", (street_id,))

    async def set(self, street_id: int, cell: str, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO street_areas (street_id, cell, set_at) VALUES (?, ?, ?) "
            "ON CONFLICT (street_id) DO UPDATE SET cell = excluded.cell, set_at = excluded.set_at",
            (street_id, cell, to_db(now)),
        )

    async def clear(self, street_id: int) -> bool:
        return await self._db.execute("DELETE FROM street_areas WHERE street_id = ?", (street_id,)) > 0


class NeighbourCellRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def of_neighbour(self, neighbour_id: int) -> str | None:
        return await self._db.fetch_value("SELECT cell FROM neighbour_cells WHERE neighbour_id = ?", (neighbour_id,))

    async def set(self, neighbour_id: int, cell: str, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO neighbour_cells (neighbour_id, cell, set_at) VALUES (?, ?, ?) "
            "ON CONFLICT (neighbour_id) DO UPDATE SET cell = excluded.cell, set_at = excluded.set_at",
            (neighbour_id, cell, to_db(now)),
        )

    async def clear(self, neighbour_id: int) -> bool:
        return await self._db.execute("DELETE FROM neighbour_cells WHERE neighbour_id = ?", (neighbour_id,)) > 0

    async def own_or_area(self, neighbour_id: int | None, street_id: int) -> str | None:
        """The neighbour's own cell if they shared one, else the street's area, in one query."""
        return await self._db.fetch_value(
            "SELECT COALESCE((SELECT cell FROM neighbour_cells WHERE neighbour_id = ?), "
            "(SELECT cell FROM street_areas WHERE street_id = ?))",
            (neighbour_id, street_id),
        )
