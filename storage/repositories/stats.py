"""Counts for /metrics: how many of each thing, never who."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.times import to_db


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
            "(SELECT COUNT(*) FROM held_messages) AS waiting_messages"
        )
        assert row is not None
        return {key: int(row[key]) for key in row.keys()}

    async def due_backlog(self, now: datetime) -> dict[str, int]:
        """Work whose time has come and which is not done yet, by kind: near zero when the bot keeps up."""
        at = to_db(now)
        row = await self._db.fetch_one(
            "SELECT (SELECT COUNT(*) FROM checkins WHERE next_due_at <= ?) AS checkins, "
            "(SELECT COUNT(*) FROM checkin_occurrences WHERE step_at <= ?) AS checkin_steps, "
            "(SELECT COUNT(*) FROM fan_outs WHERE next_round_at <= ?) AS fan_out_rounds, "
            "(SELECT COUNT(*) FROM fan_outs WHERE widen_at <= ?) AS widenings",
            (at, at, at, at),
        )
        assert row is not None
        return {key: int(row[key]) for key in row.keys()}

    async def ping(self) -> None:
        """The database answers, and its write lock can be taken now."""
        await self._db.probe_write()
