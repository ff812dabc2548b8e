from __future__ import annotations

from datetime import datetime
from sqlite3 import Row
from typing import Sequence

from handlers.kernel.domain import Street
from storage.database import Database
from storage.schema import identifier, read_schema
from storage.times import to_db

_COLUMNS = "s.id, s.platform, s.chat_id, s.title"


def _street(row: Row) -> Street:
    return Street(row["id"], row["platform"], row["chat_id"], row["title"])


class StreetRepository:
    """Streets are looked up on nearly every turn and change rarely (a new group, a new name, a group
    that moved), so they are also kept in memory: every change goes through here, and a rolled-back
    transaction (or a move) empties the memory."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._by_id: dict[int, Street] = {}
        self._by_chat: dict[tuple[str, str], Street] = {}
        db.register_cache(self._forget)

    def _forget(self) -> None:
        self._by_id.clear()
        self._by_chat.clear()

    def _remember(self, street: Street) -> Street:
        self._by_id[street.id] = street
        self._by_chat[(street.platform, street.chat_id)] = street
        return street

    async def get_or_create(self, platform: str, chat_id: str, title: str | None, now: datetime) -> Street:
        """The street for a group chat; its title follows the group's name when the platform gives one."""
        known = self._by_chat.get((platform, chat_id))
        if known is not None and (title is None or title == known.title):
            return known
        await self._db.execute(
            "INSERT INTO streets (platform, chat_id, title, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (platform, chat_id) DO UPDATE SET title = COALESCE(excluded.title, streets.title)",
            (platform, chat_id, title, to_db(now)),
        )
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM streets s WHERE s.platform = ? AND s.chat_id = ?", (platform, chat_id)
        )
        assert row is not None
        return self._remember(_street(row))

    async def find(self, platform: str, chat_id: str) -> Street | None:
        known = self._by_chat.get((platform, chat_id))
        if known is not None:
            return known
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM streets s WHERE s.platform = ? AND s.chat_id = ?", (platform, chat_id)
        )
        return self._remember(_street(row)) if row else None

    async def get(self, street_id: int) -> Street | None:
        if street_id in self._by_id:
            return self._by_id[street_id]
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM streets s WHERE s.id = ?", (street_id,))
        return self._remember(_street(row)) if row else None

    async def of_neighbour(self, neighbour_id: int) -> list[Street]:
        """The streets a neighbour has been seen in, most recent first."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM streets s JOIN street_members m ON m.street_id = s.id "
            "WHERE m.neighbour_id = ? ORDER BY m.last_seen_at DESC, s.id",
            (neighbour_id,),
        )
        return [_street(row) for row in rows]

    async def with_area_in(self, platform: str, cells: Sequence[str], except_street_id: int) -> list[tuple[Street, str]]:
        """Other streets on the platform whose area is one of `cells`, each with its area."""
        if not cells:
            return []
        marks = ", ".join("?" * len(cells))
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS}, a.cell FROM street_areas a CROSS JOIN streets s ON s.id = a.street_id "
            f"WHERE a.cell IN ({marks}) AND s.platform = ? AND s.id != ? ORDER BY s.id",
            (*cells, platform, except_street_id),
        )
        return [(_street(row), row["cell"]) for row in rows]

    async def move(self, platform: str, old_chat_id: str, new_chat_id: str) -> bool:
        """The street's chat got a new id (a Telegram group became a supergroup): the street follows
        it, keeping its id, posts, members and settings. If the new chat already has a street of its
        own (someone spoke there before the move was noticed), the two become one: the older street
        is kept and the other's records join it, except where the older one has its own already.
        False when there was no street at the old id (nothing to move, or moved already)."""
        old = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM streets s WHERE s.platform = ? AND s.chat_id = ?", (platform, old_chat_id)
        )
        if old is None or old_chat_id == new_chat_id:
            return False
        new = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM streets s WHERE s.platform = ? AND s.chat_id = ?", (platform, new_chat_id)
        )
        keep_id, title = old["id"], old["title"]
        if new is not None:
            keep_id, drop_id = sorted((old["id"], new["id"]))
            title = new["title"] or old["title"]
            for key in (await read_schema(self._db)).referring_to("streets"):
                await self._db.execute(
                    f"UPDATE OR IGNORE {identifier(key.table)} SET {identifier(key.column)} = ? "
                    f"WHERE {identifier(key.column)} = ?",
                    (keep_id, drop_id),
                )
            await self._db.execute("DELETE FROM streets WHERE id = ?", (drop_id,))  # cascades to what didn't move
        await self._db.execute("UPDATE streets SET chat_id = ?, title = ? WHERE id = ?", (new_chat_id, title, keep_id))
        self._db.forget_caches()  # the street's chat changed, and settings and the like may have moved
        return True
