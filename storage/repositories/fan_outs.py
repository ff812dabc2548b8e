"""What comes next for an open post: its next round of candidates, and (asks) widening the circle."""

from __future__ import annotations

from datetime import datetime
from sqlite3 import Row

from handlers.kernel.domain import FanOut
from storage.database import Database
from storage.times import from_db, to_db

_COLUMNS = "post_id, next_round_at, widen_at, widen_asked_at, widened_at"


def _fan_out(row: Row) -> FanOut:
    return FanOut(
        row["post_id"], from_db(row["next_round_at"]), from_db(row["widen_at"]),
        from_db(row["widen_asked_at"]), from_db(row["widened_at"]),
    )


class FanOutRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, post_id: int) -> FanOut | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM fan_outs WHERE post_id = ?", (post_id,))
        return _fan_out(row) if row else None

    async def start(self, post_id: int, next_round_at: datetime | None, widen_at: datetime | None) -> None:
        await self._db.execute(
            "INSERT INTO fan_outs (post_id, next_round_at, widen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (post_id) DO UPDATE SET next_round_at = excluded.next_round_at",
            (post_id, to_db(next_round_at), to_db(widen_at)),
        )

    async def set_next_round(self, post_id: int, when: datetime | None) -> None:
        await self._db.execute("UPDATE fan_outs SET next_round_at = ? WHERE post_id = ?", (to_db(when), post_id))

    async def set_widen_at(self, post_id: int, when: datetime | None) -> None:
        await self._db.execute("UPDATE fan_outs SET widen_at = ? WHERE post_id = ?", (to_db(when), post_id))

    async def mark_widen_asked(self, post_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE fan_outs SET widen_at = NULL, widen_asked_at = ? WHERE post_id = ?", (to_db(now), post_id)
        )

    async def mark_widened(self, post_id: int, now: datetime) -> bool:
        """Record that the post is shown nearby; False if it already was (a second press)."""
        changed = await self._db.execute(
            "UPDATE fan_outs SET widened_at = ? WHERE post_id = ? AND widened_at IS NULL", (to_db(now), post_id)
        )
        return changed > 0

    async def rounds_due(self, now: datetime) -> list[int]:
        rows = await self._db.fetch_all(
            "SELECT post_id FROM fan_outs WHERE next_round_at IS NOT NULL AND next_round_at <= ? "
            "ORDER BY next_round_at, post_id",
            (to_db(now),),
        )
        return [row["post_id"] for row in rows]

    async def widening_due(self, now: datetime) -> list[int]:
        rows = await self._db.fetch_all(
            "SELECT post_id FROM fan_outs WHERE widen_at IS NOT NULL AND widen_at <= ? ORDER BY widen_at, post_id",
            (to_db(now),),
        )
        return [row["post_id"] for row in rows]

    async def next_round_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT MIN(next_round_at) FROM fan_outs WHERE next_round_at IS NOT NULL"))

    async def next_widen_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT MIN(widen_at) FROM fan_outs WHERE widen_at IS NOT NULL"))
