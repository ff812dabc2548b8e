from __future__ import annotations

from datetime import date, datetime, time, timedelta
from sqlite3 import Row
from typing import Sequence

from handlers.kernel.domain import Post, PostKind, PostStatus, When
from storage.database import Database
from storage.times import from_db, from_db_required, to_db

_COLUMNS = (
    "p.id, p.street_id, p.author_id, p.kind, p.category, p.when_day, p.when_part, p.when_recurring, p.when_on, "
    "p.when_at, p.body, "
    "p.anonymous, p.status, p.created_at, p.expires_at, p.keep_open_asked_at, p.closed_at, p.for_neighbour"
)
_LIVE = "('open', 'matched')"
_UNMET_WAITING = "p.status = 'open' AND p.kind = 'ask' AND p.unmet_alerted_at IS NULL"


def _post(row: Row) -> Post:
    return Post(
        id=row["id"],
        street_id=row["street_id"],
        author_id=row["author_id"],
        kind=PostKind(row["kind"]),
        category=row["category"],
        when=When(
            row["when_day"], row["when_part"], bool(row["when_recurring"]),
            on=date.fromisoformat(row["when_on"]) if row["when_on"] else None,
            at=time.fromisoformat(row["when_at"]) if row["when_at"] else None,
        ),
        body=row["body"],
        anonymous=bool(row["anonymous"]),
        status=PostStatus(row["status"]),
        created_at=from_db_required(row["created_at"]),
        expires_at=from_db_required(row["expires_at"]),
        keep_open_asked_at=from_db(row["keep_open_asked_at"]),
        closed_at=from_db(row["closed_at"]),
        for_neighbour=bool(row["for_neighbour"]),
    )


class PostRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def _many(self, where: str, params: tuple = ()) -> list[Post]:
        return [_post(row) for row in await self._db.fetch_all(f"SELECT {_COLUMNS} FROM posts p {where}", params)]

    async def add(
        self, *, street_id: int, author_id: int, kind: PostKind, category: str, when: When, body: str,
        anonymous: bool, now: datetime, expires_at: datetime, for_neighbour: bool = False,
    ) -> Post:
        post_id = await self._db.insert(
            "INSERT INTO posts (street_id, author_id, kind, category, when_day, when_part, when_recurring, when_on, "
            "when_at, body, anonymous, status, created_at, expires_at, for_neighbour) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)",
            (street_id, author_id, kind.value, category, when.day, when.part, int(when.recurring),
             when.on.isoformat() if when.on else None, f"{when.at:%H:%M}" if when.at else None, body,
             int(anonymous), to_db(now), to_db(expires_at), int(for_neighbour)),
        )
        post = await self.get(post_id)
        assert post is not None
        return post

    async def get(self, post_id: int) -> Post | None:
        found = await self._many("WHERE p.id = ?", (post_id,))
        return found[0] if found else None

    async def save_status(self, post: Post) -> None:
        await self._db.execute(
            "UPDATE posts SET status = ?, closed_at = ? WHERE id = ?", (post.status.value, to_db(post.closed_at), post.id)
        )

    async def open_in_street(self, street_id: int, limit: int) -> list[Post]:
        return await self._many(
            "WHERE p.street_id = ? AND p.status = 'open' ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
            (street_id, limit),
        )

    async def open_offers_in_street(self, street_id: int, now: datetime, limit: int) -> list[Post]:
        """Offers still open and not yet past their expiry, newest first."""
        return await self._many(
            "WHERE p.street_id = ? AND p.status = 'open' AND p.kind = 'offer' AND p.expires_at > ? "
            "ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
            (street_id, to_db(now), limit),
        )

    async def count_open_in_street(self, street_id: int) -> int:
        count = await self._db.fetch_value(
            "SELECT COUNT(*) FROM posts WHERE street_id = ? AND status = 'open'", (street_id,)
        )
        return int(count)

    async def live_by_author(self, neighbour_id: int) -> list[Post]:
        return await self._many(
            f"WHERE p.author_id = ? AND p.status IN {_LIVE} ORDER BY p.created_at DESC, p.id DESC", (neighbour_id,)
        )

    async def by_author(self, neighbour_id: int) -> list[Post]:
        """All their posts still kept, live or closed."""
        return await self._many("WHERE p.author_id = ? ORDER BY p.id", (neighbour_id,))

    async def count_by_author_since(self, street_id: int, neighbour_id: int, since: datetime) -> int:
        count = await self._db.fetch_value(
            "SELECT COUNT(*) FROM posts WHERE author_id = ? AND street_id = ? AND created_at >= ?",
            (neighbour_id, street_id, to_db(since)),
        )
        return int(count)

    async def in_touch(self, neighbour_id: int) -> list[Post]:
        return await self._many(
            "JOIN responses r ON r.post_id = p.id WHERE r.neighbour_id = ? AND r.status = 'confirmed' "
            "AND p.status = 'matched' ORDER BY p.created_at DESC, p.id DESC",
            (neighbour_id,),
        )

    async def due_for_keep_open_question(self, now: datetime) -> list[Post]:
        return await self._many(
            f"WHERE p.status IN {_LIVE} AND p.keep_open_asked_at IS NULL AND p.expires_at <= ? "
            "ORDER BY p.expires_at, p.id",
            (to_db(now),),
        )

    async def unanswered_keep_open(self, asked_before: datetime) -> list[Post]:
        return await self._many(
            f"WHERE p.status IN {_LIVE} AND p.keep_open_asked_at IS NOT NULL AND p.keep_open_asked_at <= ? "
            "ORDER BY p.keep_open_asked_at, p.id",
            (to_db(asked_before),),
        )

    async def mark_keep_open_asked(self, post_id: int, now: datetime) -> None:
        await self._db.execute("UPDATE posts SET keep_open_asked_at = ? WHERE id = ?", (to_db(now), post_id))

    async def extend(self, post_id: int, expires_at: datetime) -> None:
        await self._db.execute(
            "UPDATE posts SET expires_at = ?, keep_open_asked_at = NULL WHERE id = ?", (to_db(expires_at), post_id)
        )

    async def next_expiry_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value(
            f"SELECT MIN(expires_at) FROM posts WHERE status IN {_LIVE} AND keep_open_asked_at IS NULL"
        ))

    async def next_keep_open_asked_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value(
            f"SELECT MIN(keep_open_asked_at) FROM posts WHERE status IN {_LIVE} AND keep_open_asked_at IS NOT NULL"
        ))

    async def live_in_street(self, street_id: int, limit: int) -> list[Post]:
        return await self._many(
            f"WHERE p.street_id = ? AND p.status IN {_LIVE} ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
            (street_id, limit),
        )

    async def unmet_waiting(self, now: datetime, wait: timedelta) -> list[Post]:
        return await self._many(
            f"WHERE {_UNMET_WAITING} AND COALESCE(p.unmet_check_at, p.created_at + ?) <= ? ORDER BY p.created_at, p.id",
            (int(wait.total_seconds()), to_db(now)),
        )

    async def next_unmet_check_at(self, wait: timedelta) -> datetime | None:
        return from_db(await self._db.fetch_value(
            f"SELECT MIN(COALESCE(p.unmet_check_at, p.created_at + ?)) FROM posts p WHERE {_UNMET_WAITING}",
            (int(wait.total_seconds()),),
        ))

    async def put_off_unmet_check(self, post_id: int, until: datetime) -> None:
        await self._db.execute("UPDATE posts SET unmet_check_at = ? WHERE id = ?", (to_db(until), post_id))

    async def mark_unmet_alerted(self, post_id: int, now: datetime) -> None:
        await self._db.execute("UPDATE posts SET unmet_alerted_at = ? WHERE id = ?", (to_db(now), post_id))

    async def open_near(
        self, *, kind: PostKind, category: str, street_id: int, cells: Sequence[str],
    ) -> list[tuple[Post, str | None]]:
        """Open posts of one kind and category in this street, or placed in one of `cells` on the street's
        platform, each with its place: its author's own cell if they shared one, else its street's area.

        Three indexed lookups (this street; authors' cells; street areas) instead of one scan."""
        place = "COALESCE(n.cell, a.cell)"
        same_platform = "(SELECT platform FROM streets WHERE id = ?)"
        fits = "p.status = 'open' AND p.kind = ? AND p.category = ?"
        parts = [
            f"SELECT {_COLUMNS}, {place} AS place FROM posts p "
            "LEFT JOIN neighbour_cells n ON n.neighbour_id = p.author_id "
            "LEFT JOIN street_areas a ON a.street_id = p.street_id "
            f"WHERE p.street_id = ? AND {fits}"
        ]
        params: list[object] = [street_id, kind.value, category]
        if cells:
            marks = ", ".join("?" * len(cells))
            # CROSS JOIN fixes the order: start from the few cells, never from every street.
            parts.append(
                f"SELECT {_COLUMNS}, n.cell AS place FROM neighbour_cells n "
                "CROSS JOIN posts p ON p.author_id = n.neighbour_id CROSS JOIN streets s ON s.id = p.street_id "
                f"WHERE n.cell IN ({marks}) AND s.platform = {same_platform} AND {fits}"
            )
            parts.append(
                f"SELECT {_COLUMNS}, a.cell AS place FROM street_areas a "
                "CROSS JOIN streets s ON s.id = a.street_id CROSS JOIN posts p ON p.street_id = a.street_id "
                "LEFT JOIN neighbour_cells n ON n.neighbour_id = p.author_id "
                f"WHERE a.cell IN ({marks}) AND s.platform = {same_platform} AND n.neighbour_id IS NULL AND {fits}"
            )
            params += [*cells, street_id, kind.value, category] * 2
        rows = await self._db.fetch_all(" UNION ".join(parts), params)
        return [(_post(row), row["place"]) for row in rows]
