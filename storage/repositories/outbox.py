"""Messages decided and not yet sent (see docs/privacy.md: deleted the moment they have gone out)."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from storage.database import Database
from storage.times import to_db

ROWS_PER_STATEMENT = 200  # well inside SQLite's limit on parameters


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, messages: Sequence[tuple[str, str]], now: datetime) -> list[int]:
        """Write (kind, message) pairs, in order; returns their ids, in the same order."""
        ids: list[int] = []
        for start in range(0, len(messages), ROWS_PER_STATEMENT):
            chunk = messages[start:start + ROWS_PER_STATEMENT]
            values = ", ".join("(?, ?, ?)" for _ in chunk)
            params = [value for kind, message in chunk for value in (kind, message, to_db(now))]
            rows = await self._db.returning(
                f"INSERT INTO outbox (kind, message, created_at) VALUES {values} RETURNING id", params,
            )
            # One statement's new ids rise in the order of its rows (RETURNING's own order is not promised).
            ids.extend(sorted(int(row["id"]) for row in rows))
        return ids

    async def waiting(self) -> list[tuple[int, str, str]]:
        """(id, kind, message) of everything not sent yet, in the order it was decided."""
        rows = await self._db.fetch_all("SELECT id, kind, message FROM outbox ORDER BY id")
        return [(int(row["id"]), row["kind"], row["message"]) for row in rows]

    async def sent(self, outbox_id: int) -> None:
        await self._db.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))

    async def discard(self, outbox_ids: Sequence[int]) -> None:
        for start in range(0, len(outbox_ids), ROWS_PER_STATEMENT):
            chunk = outbox_ids[start:start + ROWS_PER_STATEMENT]
            await self._db.execute(f"DELETE FROM outbox WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
