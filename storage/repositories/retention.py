"""Hard deletes on schedule: what has outlived its reason to be kept."""

from __future__ import annotations

from datetime import date, datetime

from storage.database import Database
from storage.times import to_db


class RetentionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def delete_posts_closed_before(self, moment: datetime) -> int:
        """Closed posts go with everything hanging off them (answers, cards, suggestions)."""
        return await self._db.execute("DELETE FROM posts WHERE closed_at IS NOT NULL AND closed_at < ?", (to_db(moment),))

    async def delete_members_last_seen_before(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM street_members WHERE last_seen_at < ?", (to_db(moment),))

    async def delete_conversations_untouched_since(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM conversations WHERE updated_at < ?", (to_db(moment),))

    async def delete_outbox_older_than(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM outbox WHERE created_at < ?", (to_db(moment),))

    async def delete_hellos_before(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM hellos WHERE said_at < ?", (to_db(moment),))

    async def delete_weekly_counts_before(self, week_start: date) -> int:
        return await self._db.execute("DELETE FROM weekly_counts WHERE week_start < ?", (week_start.isoformat(),))
