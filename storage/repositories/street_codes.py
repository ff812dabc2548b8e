"""Each street's code for its printed leaflets and posters (handlers/leaflets/codes.py): one per
street, replaced when organisers renew it."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.times import to_db


class StreetCodeRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def of_street(self, street_id: int) -> str | None:
        return await self._db.fetch_value("SELECT code FROM street_codes WHERE street_id = ?", (street_id,))

    async def street_with(self, code: str) -> int | None:
        return await self._db.fetch_value("SELECT street_id FROM street_codes WHERE code = ?", (code,))

    async def put(self, street_id: int, code: str, now: datetime) -> bool:
        """The street's code from now on (any earlier one stops working); False if another street has
        it already (the caller makes another)."""
        taken = await self._db.fetch_value("SELECT street_id FROM street_codes WHERE code = ?", (code,))
        if taken is not None and taken != street_id:
            return False
        await self._db.execute(
            "INSERT INTO street_codes (street_id, code, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (street_id) DO UPDATE SET code = excluded.code, created_at = excluded.created_at",
            (street_id, code, to_db(now)),
        )
        return True
