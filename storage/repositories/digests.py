"""Who asked for a street's weekly summary, and when it is next due."""

from __future__ import annotations

from datetime import datetime, time
from sqlite3 import Row

from handlers.kernel.domain import DigestSubscription
from storage.database import Database
from storage.times import from_db, from_db_required, minutes_of, time_of, to_db

_COLUMNS = "street_id, neighbour_id, weekday, at_minute, next_at, tell_quiet_weeks"


def _subscription(row: Row) -> DigestSubscription:
    return DigestSubscription(
        row["street_id"], row["neighbour_id"], row["weekday"], time_of(row["at_minute"]), from_db_required(row["next_at"]),
        bool(row["tell_quiet_weeks"]),
    )


class DigestRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def put(self, street_id: int, neighbour_id: int, weekday: int, at: time, next_at: datetime) -> None:
        await self._db.execute(
            "INSERT INTO digest_subscriptions (street_id, neighbour_id, weekday, at_minute, next_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (street_id, neighbour_id) DO UPDATE SET weekday = excluded.weekday, "
            "at_minute = excluded.at_minute, next_at = excluded.next_at",
            (street_id, neighbour_id, weekday, minutes_of(at), to_db(next_at)),
        )

    async def get(self, street_id: int, neighbour_id: int) -> DigestSubscription | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM digest_subscriptions WHERE street_id = ? AND neighbour_id = ?",
            (street_id, neighbour_id),
        )
        return _subscription(row) if row else None

    async def stop(self, street_id: int, neighbour_id: int) -> bool:
        removed = await self._db.execute(
            "DELETE FROM digest_subscriptions WHERE street_id = ? AND neighbour_id = ?", (street_id, neighbour_id)
        )
        return removed > 0

    async def of_street(self, street_id: int) -> list[DigestSubscription]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM digest_subscriptions WHERE street_id = ? ORDER BY neighbour_id", (street_id,)
        )
        return [_subscription(row) for row in rows]

    async def due(self, now: datetime) -> list[DigestSubscription]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM digest_subscriptions WHERE next_at <= ? ORDER BY next_at, street_id, neighbour_id",
            (to_db(now),),
        )
        return [_subscription(row) for row in rows]

    async def set_next(self, street_id: int, neighbour_id: int, next_at: datetime) -> None:
        await self._db.execute(
            "UPDATE digest_subscriptions SET next_at = ? WHERE street_id = ? AND neighbour_id = ?",
            (to_db(next_at), street_id, neighbour_id),
        )

    async def set_tell_quiet_weeks(self, street_id: int, neighbour_id: int, tell: bool) -> bool:
        """Whether a week when nothing happened still gets its one line; False if there is no summary."""
        changed = await self._db.execute(
            "UPDATE digest_subscriptions SET tell_quiet_weeks = ? WHERE street_id = ? AND neighbour_id = ?",
            (int(tell), street_id, neighbour_id),
        )
        return changed > 0

    async def next_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT MIN(next_at) FROM digest_subscriptions"))
