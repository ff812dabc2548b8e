"""Counts for /metrics: how many of each thing, never who."""

from __future__ import annotations

from storage.database import Database


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def counts(self) -> dict[str, int]:
        row = await self._db.fetch_one(
            "SELECT (SELECT COUNT(*) FROM streets) AS streets, "
            "(SELECT COUNT(*) FROM neighbours) AS neighbours, "
            "(SELECT COUNT(*) FROM posts WHERE kind = 'ask' AND status = 'open') AS open_asks, "
            "(SELECT COUNT(*) FROM posts WHERE kind = 'offer' AND status = 'open') AS open_offers, "
            "(SELECT COUNT(*) FROM posts WHERE status = 'matched') AS sorted_posts, "
            "(SELECT COUNT(*) FROM outbox) AS waiting_messages"
        )
        assert row is not None
        return {key: int(row[key]) for key in row.keys()}

    async def ping(self) -> None:
        await self._db.fetch_value("SELECT 1")
