"""What platforms delivered, waiting for its turn (see docs/privacy.md: held only until handled)."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from storage.database import Database
from storage.times import to_db

ROWS_PER_STATEMENT = 200  # well inside SQLite's limit on parameters


class InboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, platform: str, arrivals: Sequence[tuple[str, str]], now: datetime) -> dict[str, int]:
        """Write (key, incoming) pairs; returns the new row id of each key not already waiting (a
        redelivery of one still waiting adds nothing)."""
        added: dict[str, int] = {}
        for start in range(0, len(arrivals), ROWS_PER_STATEMENT):
            chunk = arrivals[start:start + ROWS_PER_STATEMENT]
            values = ", ".join("(?, ?, ?, ?)" for _ in chunk)
            params = [value for key, incoming in chunk for value in (platform, key, incoming, to_db(now))]
            rows = await self._db.returning(
                f"INSERT OR IGNORE INTO inbox (platform, key, incoming, received_at) VALUES {values} RETURNING id, key",
                params,
            )
            added.update({row["key"]: int(row["id"]) for row in rows})
        return added

    async def waiting(self) -> list[tuple[int, str]]:
        """(id, incoming) of everything not handled yet, in the order it arrived."""
        rows = await self._db.fetch_all("SELECT id, incoming FROM inbox ORDER BY id")
        return [(int(row["id"]), row["incoming"]) for row in rows]

    async def handled(self, inbox_id: int) -> None:
        await self._db.execute("DELETE FROM inbox WHERE id = ?", (inbox_id,))

    async def position(self, platform: str) -> str | None:
        return await self._db.fetch_value("SELECT position FROM inbox_positions WHERE platform = ?", (platform,))

    async def move_position(self, platform: str, position: str) -> None:
        await self._db.execute(
            "INSERT INTO inbox_positions (platform, position) VALUES (?, ?) "
            "ON CONFLICT (platform) DO UPDATE SET position = excluded.position",
            (platform, position),
        )
