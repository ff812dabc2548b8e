"""Hard deletes on schedule: what has outlived its reason to be kept."""

from __future__ import annotations

from datetime import date, datetime

from storage.database import Database
from storage.schema import Schema, identifier, read_schema
from storage.times import to_db


class RetentionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._schema: Schema | None = None

    async def delete_posts_closed_before(self, moment: datetime) -> int:
        """Closed posts go with everything hanging off them (answers, cards, suggestions)."""
        return await self._db.execute("DELETE FROM posts WHERE closed_at IS NOT NULL AND closed_at < ?", (to_db(moment),))

    async def delete_members_last_seen_before(self, moment: datetime) -> int:
        deleted = await self._db.execute("DELETE FROM street_members WHERE last_seen_at < ?", (to_db(moment),))
        if deleted:
            self._db.forget_caches()  # who was written down as seen where is kept in memory too
        return deleted

    async def delete_conversations_untouched_since(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM conversations WHERE updated_at < ?", (to_db(moment),))

    async def delete_questions_expired_by(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM questions WHERE valid_until <= ?", (to_db(moment),))

    async def delete_held_older_than(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM held_messages WHERE created_at < ?", (to_db(moment),))

    async def delete_hellos_before(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM hellos WHERE said_at < ?", (to_db(moment),))

    async def delete_weekly_counts_before(self, week_start: date) -> int:
        return await self._db.execute("DELETE FROM weekly_counts WHERE week_start < ?", (week_start.isoformat(),))

    async def delete_cells_untouched_without_street(self, moment: datetime) -> int:
        """A neighbour's own area goes once the bot no longer knows them in any street."""
        return await self._db.execute(
            "DELETE FROM neighbour_cells WHERE set_at < ? "
            "AND neighbour_id NOT IN (SELECT neighbour_id FROM street_members)",
            (to_db(moment),),
        )

    async def delete_relays_of_closed_posts(self) -> int:
        """A chat through the bot ends when its post is no longer sorted-and-open (done, closed, reopened)."""
        return await self._db.execute(
            "DELETE FROM relays WHERE post_id NOT IN (SELECT id FROM posts WHERE status = 'matched')"
        )

    async def delete_neighbours_with_nothing(self, created_before: datetime) -> int:
        """Neighbours nothing refers to any more: no street, post, answer, check-in (their own or as
        a buddy), summary, waiting message, area, chat… Which tables count is read from the schema's
        foreign keys, so a table added later keeps its neighbours without anyone listing it here."""
        if self._schema is None:
            self._schema = await read_schema(self._db)
        unreferenced = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {identifier(key.table)} WHERE {identifier(key.column)} = neighbours.id)"
            for key in self._schema.referring_to("neighbours")
        ) or "1 = 1"
        deleted = await self._db.execute(
            f"DELETE FROM neighbours WHERE created_at < ? AND {unreferenced}", (to_db(created_before),)
        )
        if deleted:
            self._db.forget_caches()  # a deleted neighbour's id may be given to someone new
        return deleted
