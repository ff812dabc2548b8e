from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import datetime, timedelta
from sqlite3 import Row

from handlers.kernel.domain import Neighbour, QuietNeighbour
from storage.database import Database
from storage.times import from_db, from_db_required, to_db

_COLUMNS = "id, platform, user_id, reachable, language, language_chosen"
REMEMBERED_NEIGHBOURS = 5000  # the most recently met; a street's regulars stay in memory
# When someone was last seen in a street matters by the day (who has gone quiet); while they keep
# talking it is written at most this often, not on every message.
SEEN_WRITTEN_EVERY = timedelta(minutes=10)


def _neighbour(row: Row) -> Neighbour:
    reachable = None if row["reachable"] is None else bool(row["reachable"])
    return Neighbour(
        row["id"], row["platform"], row["user_id"], reachable, row["language"], bool(row["language_chosen"])
    )


class NeighbourRepository:
    """Who someone is (their row) is looked up on every turn and rarely changes, so the most recently
    met are also kept in memory: this process is the only writer (the database is locked to it), a
    change of reachability or language goes through here, a deletion elsewhere empties the memory
    (`Database.forget_caches`), and so does a rolled-back transaction. So is when each of them was
    last written down as seen in a street."""

    def __init__(self, db: Database, remembered: int = REMEMBERED_NEIGHBOURS) -> None:
        self._db = db
        self._by_id: OrderedDict[int, Neighbour] = OrderedDict()
        self._ids: dict[tuple[str, str], int] = {}
        self._remembered = remembered
        self._seen_written: OrderedDict[tuple[int, int], datetime] = OrderedDict()  # (street, neighbour)
        db.register_cache(self._forget)

    def _forget(self) -> None:
        self._by_id.clear()
        self._ids.clear()
        self._seen_written.clear()

    def _remember(self, neighbour: Neighbour) -> Neighbour:
        self._by_id[neighbour.id] = neighbour
        self._by_id.move_to_end(neighbour.id)
        self._ids[(neighbour.platform, neighbour.user_id)] = neighbour.id
        if len(self._by_id) > self._remembered:
            _, oldest = self._by_id.popitem(last=False)
            del self._ids[(oldest.platform, oldest.user_id)]
        return neighbour

    def _known(self, neighbour_id: int | None) -> Neighbour | None:
        found = self._by_id.get(neighbour_id) if neighbour_id is not None else None
        if found is not None:
            self._by_id.move_to_end(found.id)
        return found

    async def get_or_create(self, platform: str, user_id: str, now: datetime) -> Neighbour:
        found = await self.find(platform, user_id)
        if found is not None:
            return found
        await self._db.execute(
            "INSERT INTO neighbours (platform, user_id, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (platform, user_id) DO NOTHING",
            (platform, user_id, to_db(now)),
        )
        found = await self.find(platform, user_id)
        assert found is not None
        return found

    async def get(self, neighbour_id: int) -> Neighbour | None:
        if known := self._known(neighbour_id):
            return known
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM neighbours WHERE id = ?", (neighbour_id,))
        return self._remember(_neighbour(row)) if row else None

    async def find(self, platform: str, user_id: str) -> Neighbour | None:
        if known := self._known(self._ids.get((platform, user_id))):
            return known
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM neighbours WHERE platform = ? AND user_id = ?", (platform, user_id)
        )
        return self._remember(_neighbour(row)) if row else None

    async def set_reachable(self, neighbour_id: int, reachable: bool) -> None:
        await self._db.execute("UPDATE neighbours SET reachable = ? WHERE id = ?", (int(reachable), neighbour_id))
        if known := self._by_id.get(neighbour_id):
            self._by_id[neighbour_id] = replace(known, reachable=reachable)

    async def set_language(self, neighbour_id: int, language: str, chosen: bool) -> None:
        await self._db.execute(
            "UPDATE neighbours SET language = ?, language_chosen = ? WHERE id = ?", (language, int(chosen), neighbour_id)
        )
        if known := self._by_id.get(neighbour_id):
            self._by_id[neighbour_id] = replace(known, language=language, language_chosen=chosen)

    async def seen_in_street(self, street_id: int, neighbour_id: int, now: datetime) -> bool:
        if await self.touch_member(street_id, neighbour_id, now):
            return False
        await self._db.execute(
            "INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (?, ?, ?)",
            (street_id, neighbour_id, to_db(now)),
        )
        self._note_seen_written((street_id, neighbour_id), now)
        return True

    async def touch_member(self, street_id: int, neighbour_id: int, now: datetime) -> bool:
        """Note them seen in the street, if they are a member (whether they are)."""
        key = (street_id, neighbour_id)
        written = self._seen_written.get(key)
        if written is not None and written <= now < written + SEEN_WRITTEN_EVERY:
            return True
        changed = await self._db.execute(
            "UPDATE street_members SET last_seen_at = MAX(last_seen_at, ?) WHERE street_id = ? AND neighbour_id = ?",
            (to_db(now), street_id, neighbour_id),
        )
        if changed:
            self._note_seen_written(key, now)
        return changed > 0

    def _note_seen_written(self, key: tuple[int, int], now: datetime) -> None:
        self._seen_written[key] = now
        self._seen_written.move_to_end(key)
        if len(self._seen_written) > self._remembered:
            self._seen_written.popitem(last=False)

    async def is_member(self, street_id: int, neighbour_id: int) -> bool:
        if (street_id, neighbour_id) in self._seen_written:  # written down as seen there, and not gone since
            return True
        found = await self._db.fetch_value(
            "SELECT 1 FROM street_members WHERE street_id = ? AND neighbour_id = ?", (street_id, neighbour_id)
        )
        return found is not None

    async def quiet_in_street(
        self, street_id: int, seen_before: datetime, leave_out: int, limit: int
    ) -> list[QuietNeighbour]:
        rows = await self._db.fetch_all(
            "SELECT n.id, n.platform, n.user_id, m.last_seen_at, n.no_hellos, "
            "(SELECT MAX(h.said_at) FROM hellos h WHERE h.neighbour_id = n.id) AS last_hello_at "
            "FROM street_members m JOIN neighbours n ON n.id = m.neighbour_id "
            "WHERE m.street_id = ? AND m.last_seen_at < ? AND m.neighbour_id != ? "
            "ORDER BY m.last_seen_at, n.id LIMIT ?",
            (street_id, to_db(seen_before), leave_out, limit),
        )
        return [
            QuietNeighbour(
                row["id"], row["platform"], row["user_id"], from_db_required(row["last_seen_at"]),
                not row["no_hellos"], from_db(row["last_hello_at"]),
            )
            for row in rows
        ]

    async def count_quiet_in_street(self, street_id: int, seen_before: datetime, leave_out: int) -> int:
        count = await self._db.fetch_value(
            "SELECT COUNT(*) FROM street_members WHERE street_id = ? AND last_seen_at < ? AND neighbour_id != ?",
            (street_id, to_db(seen_before), leave_out),
        )
        return int(count)

    async def wants_hellos(self, neighbour_id: int) -> bool:
        return not await self._db.fetch_value("SELECT no_hellos FROM neighbours WHERE id = ?", (neighbour_id,))

    async def set_wants_hellos(self, neighbour_id: int, wanted: bool) -> None:
        await self._db.execute("UPDATE neighbours SET no_hellos = ? WHERE id = ?", (int(not wanted), neighbour_id))

    async def paused_until(self, street_id: int, neighbour_id: int) -> datetime | None:
        return from_db(await self._db.fetch_value(
            "SELECT paused_until FROM street_members WHERE street_id = ? AND neighbour_id = ?", (street_id, neighbour_id)
        ))

    async def pause_in_street(self, street_id: int, neighbour_id: int, until: datetime | None) -> bool:
        changed = await self._db.execute(
            "UPDATE street_members SET paused_until = ? WHERE street_id = ? AND neighbour_id = ?",
            (to_db(until), street_id, neighbour_id),
        )
        return changed > 0

    async def left_street(self, street_id: int, neighbour_id: int) -> None:
        await self._db.execute(
            "DELETE FROM street_members WHERE street_id = ? AND neighbour_id = ?", (street_id, neighbour_id)
        )
        self._seen_written.pop((street_id, neighbour_id), None)

    async def record_helped(self, neighbour_id: int) -> int:
        await self._db.execute(
            "UPDATE neighbours SET helped_since_invitation = helped_since_invitation + 1 WHERE id = ?",
            (neighbour_id,),
        )
        count = await self._db.fetch_value(
            "SELECT helped_since_invitation FROM neighbours WHERE id = ?", (neighbour_id,)
        )
        return int(count or 0)

    async def last_invited_at(self, neighbour_id: int) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT invited_at FROM neighbours WHERE id = ?", (neighbour_id,)))

    async def record_invited(self, neighbour_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE neighbours SET invited_at = ?, helped_since_invitation = 0 WHERE id = ?",
            (to_db(now), neighbour_id),
        )
