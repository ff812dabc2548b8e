from __future__ import annotations

from datetime import datetime
from sqlite3 import Row
from typing import Collection

from handlers.kernel.domain import Response, ResponseStatus
from storage.database import Database
from storage.times import from_db_required, to_db

_COLUMNS = "id, post_id, neighbour_id, status, created_at"


def _response(row: Row) -> Response:
    return Response(
        row["id"], row["post_id"], row["neighbour_id"], ResponseStatus(row["status"]), from_db_required(row["created_at"])
    )


class ResponseRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, post_id: int, neighbour_id: int, now: datetime) -> Response:
        response_id = await self._db.insert(
            "INSERT INTO responses (post_id, neighbour_id, status, created_at, updated_at) "
            "VALUES (?, ?, 'pending', ?, ?)",
            (post_id, neighbour_id, to_db(now), to_db(now)),
        )
        response = await self.get(response_id)
        assert response is not None
        return response

    async def get(self, response_id: int) -> Response | None:
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM responses WHERE id = ?", (response_id,))
        return _response(row) if row else None

    async def live_for(self, post_id: int, neighbour_id: int) -> Response | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM responses WHERE post_id = ? AND neighbour_id = ? "
            "AND status IN ('pending', 'confirmed')",
            (post_id, neighbour_id),
        )
        return _response(row) if row else None

    async def live_of_neighbour(self, neighbour_id: int) -> list[Response]:
        """Their answers still waiting for a yes, or said yes to."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM responses WHERE neighbour_id = ? AND status IN ('pending', 'confirmed') ORDER BY id",
            (neighbour_id,),
        )
        return [_response(row) for row in rows]

    async def of_post(self, post_id: int, status: ResponseStatus) -> list[Response]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM responses WHERE post_id = ? AND status = ? ORDER BY id", (post_id, status.value)
        )
        return [_response(row) for row in rows]

    async def save_status(self, response: Response, now: datetime) -> None:
        await self._db.execute(
            "UPDATE responses SET status = ?, updated_at = ? WHERE id = ?", (response.status.value, to_db(now), response.id)
        )

    async def commitments(self, neighbour_ids: Collection[int], category: str, since: datetime) -> dict[int, int]:
        """How much each has taken on in a category since `since`: asks they said "I can help" to,
        and takers they said yes to on their own offers."""
        if not neighbour_ids:
            return {}
        marks = ", ".join("?" * len(neighbour_ids))
        rows = await self._db.fetch_all(
            "SELECT helper, COUNT(*) AS taken FROM ("
            "  SELECT r.neighbour_id AS helper FROM responses r JOIN posts p ON p.id = r.post_id"
            f"  WHERE r.neighbour_id IN ({marks}) AND r.status IN ('pending', 'confirmed') AND r.created_at >= ?"
            "  AND p.kind = 'ask' AND p.category = ?"
            "  UNION ALL"
            "  SELECT p.author_id FROM posts p JOIN responses r ON r.post_id = p.id"
            f"  WHERE p.author_id IN ({marks}) AND r.status = 'confirmed' AND r.created_at >= ?"
            "  AND p.kind = 'offer' AND p.category = ?"
            ") GROUP BY helper",
            (*neighbour_ids, to_db(since), category, *neighbour_ids, to_db(since), category),
        )
        return {row["helper"]: row["taken"] for row in rows}

    async def waiting_among(self, post_ids: Collection[int]) -> set[int]:
        """Which of these posts have an answer waiting for its author's yes."""
        if not post_ids:
            return set()
        marks = ", ".join("?" * len(post_ids))
        rows = await self._db.fetch_all(
            f"SELECT DISTINCT post_id FROM responses WHERE status = 'pending' AND post_id IN ({marks})", tuple(post_ids)
        )
        return {row["post_id"] for row in rows}
