"""Check-ins and the times they fell due (occurrences)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from sqlite3 import Row

from handlers.kernel.checkin_records import Checkin, Occurrence, Schedule, Stage, Tell
from storage.database import Database
from storage.times import from_db, from_db_required, to_db

_CHECKIN = (
    "id, neighbour_id, street_id, days, once_on, at_minute, tell, escalate_after_minutes, buddy_id, invited_at, "
    "paused, paused_until, next_due_at"
)
_OCCURRENCE = "id, checkin_id, due_at, stage, sender, sent_at, reminded_at, escalated_at, organisers_at, step_at"
_LEFT_SENDING = "sender IS NOT NULL AND sender != ? AND stage IN ('sending', 'buddy', 'organisers')"


def _checkin(row: Row) -> Checkin:
    once_on = date.fromisoformat(row["once_on"]) if row["once_on"] else None
    return Checkin(
        id=row["id"],
        neighbour_id=row["neighbour_id"],
        street_id=row["street_id"],
        schedule=Schedule(row["days"], time(row["at_minute"] // 60, row["at_minute"] % 60), once_on),
        tell=Tell(row["tell"]),
        escalate_after=timedelta(minutes=row["escalate_after_minutes"]),
        buddy_id=row["buddy_id"],
        invited_at=from_db(row["invited_at"]),
        paused=bool(row["paused"]),
        paused_until=from_db(row["paused_until"]),
        next_due_at=from_db(row["next_due_at"]),
    )


def _occurrence(row: Row) -> Occurrence:
    return Occurrence(
        id=row["id"],
        checkin_id=row["checkin_id"],
        due_at=from_db_required(row["due_at"]),
        stage=Stage(row["stage"]),
        sender=row["sender"],
        sent_at=from_db(row["sent_at"]),
        reminded_at=from_db(row["reminded_at"]),
        escalated_at=from_db(row["escalated_at"]),
        organisers_at=from_db(row["organisers_at"]),
        step_at=from_db(row["step_at"]),
    )


class CheckinRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def _one(self, where: str, params: tuple) -> Checkin | None:
        row = await self._db.fetch_one(f"SELECT {_CHECKIN} FROM checkins WHERE {where}", params)
        return _checkin(row) if row else None

    async def get(self, checkin_id: int) -> Checkin | None:
        return await self._one("id = ?", (checkin_id,))

    async def of_neighbour(self, neighbour_id: int) -> Checkin | None:
        return await self._one("neighbour_id = ?", (neighbour_id,))

    async def by_invite(self, invite_hash: str) -> Checkin | None:
        return await self._one("invite_hash = ?", (invite_hash,))

    async def put(
        self, *, neighbour_id: int, street_id: int, schedule: Schedule, tell: Tell, escalate_after: timedelta,
        buddy_id: int | None, next_due_at: datetime | None, now: datetime,
    ) -> Checkin:
        """Set up (or change) the neighbour's one check-in; a change also ends any pause."""
        minute = schedule.at.hour * 60 + schedule.at.minute
        once_on = schedule.once_on.isoformat() if schedule.once and schedule.once_on else None
        keeps_invite = tell is Tell.BUDDY and buddy_id is None
        await self._db.execute(
            "INSERT INTO checkins (neighbour_id, street_id, days, once_on, at_minute, tell, escalate_after_minutes, "
            "buddy_id, next_due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (neighbour_id) DO UPDATE SET street_id = excluded.street_id, days = excluded.days, "
            "once_on = excluded.once_on, at_minute = excluded.at_minute, tell = excluded.tell, "
            "escalate_after_minutes = excluded.escalate_after_minutes, buddy_id = excluded.buddy_id, "
            "next_due_at = excluded.next_due_at, updated_at = excluded.updated_at, paused = 0, paused_until = NULL, "
            f"invite_hash = {'invite_hash' if keeps_invite else 'NULL'}, "
            f"invited_at = {'invited_at' if keeps_invite else 'NULL'}",
            (neighbour_id, street_id, schedule.days, once_on, minute, tell.value,
             int(escalate_after.total_seconds() // 60), buddy_id, to_db(next_due_at), to_db(now)),
        )
        found = await self.of_neighbour(neighbour_id)
        assert found is not None
        return found

    async def invite(self, checkin_id: int, invite_hash: str, now: datetime) -> None:
        await self._db.execute(
            "UPDATE checkins SET invite_hash = ?, invited_at = ?, updated_at = ? WHERE id = ?",
            (invite_hash, to_db(now), to_db(now), checkin_id),
        )

    async def set_buddy(self, checkin_id: int, buddy_id: int | None, now: datetime) -> None:
        """The buddy said yes (or stepped down, with None); any invitation is used up either way."""
        await self._db.execute(
            "UPDATE checkins SET buddy_id = ?, invite_hash = NULL, invited_at = NULL, updated_at = ? WHERE id = ?",
            (buddy_id, to_db(now), checkin_id),
        )

    async def with_buddy(self, neighbour_id: int) -> list[Checkin]:
        """Check-ins this neighbour is the buddy for."""
        rows = await self._db.fetch_all(f"SELECT {_CHECKIN} FROM checkins WHERE buddy_id = ? ORDER BY id", (neighbour_id,))
        return [_checkin(row) for row in rows]

    async def tell_nobody(self, checkin_id: int, now: datetime) -> None:
        """Nobody hears of no answer any more (e.g. their buddy left): no buddy, no invitation."""
        await self._db.execute(
            "UPDATE checkins SET tell = 'nobody', buddy_id = NULL, invite_hash = NULL, invited_at = NULL, "
            "updated_at = ? WHERE id = ?",
            (to_db(now), checkin_id),
        )

    async def clear_invite(self, checkin_id: int, now: datetime) -> None:
        await self._db.execute(
            "UPDATE checkins SET invite_hash = NULL, invited_at = NULL, updated_at = ? WHERE id = ?",
            (to_db(now), checkin_id),
        )

    async def pause(self, checkin_id: int, until: datetime | None, next_due_at: datetime | None, now: datetime) -> None:
        await self._db.execute(
            "UPDATE checkins SET paused = 1, paused_until = ?, next_due_at = ?, updated_at = ? WHERE id = ?",
            (to_db(until), to_db(next_due_at), to_db(now), checkin_id),
        )

    async def resume(self, checkin_id: int, next_due_at: datetime | None, now: datetime) -> None:
        await self._db.execute(
            "UPDATE checkins SET paused = 0, paused_until = NULL, next_due_at = ?, updated_at = ? WHERE id = ?",
            (to_db(next_due_at), to_db(now), checkin_id),
        )

    async def set_next_due(self, checkin_id: int, next_due_at: datetime | None, now: datetime) -> None:
        await self._db.execute(
            "UPDATE checkins SET next_due_at = ?, updated_at = ? WHERE id = ?", (to_db(next_due_at), to_db(now), checkin_id)
        )

    async def delete(self, checkin_id: int) -> None:
        await self._db.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,))

    async def due(self, now: datetime, limit: int) -> list[Checkin]:
        """Check-ins whose time has come, the longest due first."""
        rows = await self._db.fetch_all(
            f"SELECT {_CHECKIN} FROM checkins WHERE next_due_at IS NOT NULL AND next_due_at <= ? "
            "ORDER BY next_due_at, id LIMIT ?",
            (to_db(now), limit),
        )
        return [_checkin(row) for row in rows]

    async def next_due_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value("SELECT MIN(next_due_at) FROM checkins WHERE next_due_at IS NOT NULL"))

    # Occurrences

    async def add_occurrence(self, checkin_id: int, due_at: datetime, sender: str) -> Occurrence:
        occurrence_id = await self._db.insert(
            "INSERT INTO checkin_occurrences (checkin_id, due_at, stage, sender) VALUES (?, ?, 'sending', ?)",
            (checkin_id, to_db(due_at), sender),
        )
        return Occurrence(occurrence_id, checkin_id, from_db_required(to_db(due_at)), Stage.SENDING, sender)

    async def occurrence(self, occurrence_id: int) -> Occurrence | None:
        row = await self._db.fetch_one(f"SELECT {_OCCURRENCE} FROM checkin_occurrences WHERE id = ?", (occurrence_id,))
        return _occurrence(row) if row else None

    async def save_occurrence(self, occurrence: Occurrence) -> None:
        await self._db.execute(
            "UPDATE checkin_occurrences SET stage = ?, sender = ?, sent_at = ?, reminded_at = ?, escalated_at = ?, "
            "organisers_at = ?, step_at = ? WHERE id = ?",
            (occurrence.stage.value, occurrence.sender, to_db(occurrence.sent_at), to_db(occurrence.reminded_at),
             to_db(occurrence.escalated_at), to_db(occurrence.organisers_at), to_db(occurrence.step_at), occurrence.id),
        )

    async def _occurrences(self, where: str, params: tuple) -> list[Occurrence]:
        rows = await self._db.fetch_all(f"SELECT {_OCCURRENCE} FROM checkin_occurrences WHERE {where}", params)
        return [_occurrence(row) for row in rows]

    async def left_sending(self, sender: str) -> list[Occurrence]:
        """Occurrences another run of the bot was sending something for when it stopped, oldest first."""
        return await self._occurrences(f"{_LEFT_SENDING} ORDER BY due_at, id", (sender,))

    async def next_left_sending_at(self, sender: str) -> datetime | None:
        return from_db(await self._db.fetch_value(
            f"SELECT MIN(due_at) FROM checkin_occurrences WHERE {_LEFT_SENDING}", (sender,)
        ))

    async def steps_due(self, now: datetime) -> list[Occurrence]:
        return await self._occurrences("step_at IS NOT NULL AND step_at <= ? ORDER BY step_at, id", (to_db(now),))

    async def next_step_at(self) -> datetime | None:
        return from_db(await self._db.fetch_value(
            "SELECT MIN(step_at) FROM checkin_occurrences WHERE step_at IS NOT NULL"
        ))

    async def open_of(self, checkin_id: int) -> list[Occurrence]:
        return await self._occurrences(
            "checkin_id = ? AND stage IN ('sending', 'waiting', 'buddy', 'organisers') ORDER BY due_at, id", (checkin_id,)
        )

    # Retention

    async def delete_occurrences_due_before(self, moment: datetime) -> int:
        return await self._db.execute("DELETE FROM checkin_occurrences WHERE due_at < ?", (to_db(moment),))

    async def delete_finished_one_offs(self, moment: datetime) -> int:
        """One-off check-ins that have been and gone (not paused until they say), last touched before `moment`."""
        return await self._db.execute(
            "DELETE FROM checkins WHERE days = 0 AND next_due_at IS NULL "
            "AND (paused = 0 OR paused_until IS NOT NULL) AND updated_at < ?",
            (to_db(moment),),
        )

    async def expire_invites(self, moment: datetime) -> int:
        return await self._db.execute(
            "UPDATE checkins SET invite_hash = NULL, invited_at = NULL WHERE invited_at IS NOT NULL AND invited_at < ?",
            (to_db(moment),),
        )
