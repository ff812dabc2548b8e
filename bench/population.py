"""Filling a Doorstep database quickly with plain SQL (the schema comes from the real migrations):
streets, neighbours and their check-ins, as a street group that has been running a while has them."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from storage import SqliteStore

EVERY_DAY = 0b1111111


@dataclass(frozen=True)
class StreetPeople:
    """A group chat and the platform ids of the people in it."""

    chat_id: str
    user_ids: list[str]


async def create_schema(path: Path) -> None:
    await (await SqliteStore.open(path)).close()


def midday_zone(now: datetime) -> ZoneInfo:
    """A time zone in which it is about midday now, so that no street's quiet hours (21:00–08:00 by
    default) hold a check-in back, whenever the benchmark runs."""
    offset = max(-12, min(14, 12 - now.astimezone(timezone.utc).hour))
    # The Etc zones count the other way round: Etc/GMT-5 is five hours ahead of UTC.
    return ZoneInfo("Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}")


def add_streets(path: Path, streets: list[StreetPeople], *, platform: str, now: datetime) -> dict[str, int]:
    """Streets, neighbours (reachable: they have opened a private chat) and memberships; returns the
    neighbour id of every user id."""
    stamp = int(now.timestamp())
    ids: dict[str, int] = {}
    db = sqlite3.connect(path)
    with db:
        first_street = (db.execute("SELECT COALESCE(MAX(id), 0) FROM streets").fetchone()[0]) + 1
        next_neighbour = (db.execute("SELECT COALESCE(MAX(id), 0) FROM neighbours").fetchone()[0]) + 1
        db.executemany("INSERT INTO streets (id, platform, chat_id, title, created_at) VALUES (?, ?, ?, ?, ?)",
                       [(first_street + n, platform, s.chat_id, f"Street {first_street + n}", stamp)
                        for n, s in enumerate(streets)])
        neighbours, members = [], []
        for n, street in enumerate(streets):
            for user_id in street.user_ids:
                if user_id not in ids:
                    ids[user_id] = next_neighbour
                    neighbours.append((next_neighbour, platform, user_id, stamp))
                    next_neighbour += 1
                members.append((first_street + n, ids[user_id], stamp))
        db.executemany("INSERT INTO neighbours (id, platform, user_id, reachable, created_at) VALUES (?, ?, ?, 1, ?)",
                       neighbours)
        db.executemany("INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (?, ?, ?)", members)
    db.close()
    return ids


def add_checkins(path: Path, neighbour_ids: list[int], *, first_due: datetime, spread: timedelta, zone: ZoneInfo,
                 now: datetime, seed: int = 1) -> None:
    """A daily check-in for each neighbour (in their first street), the first of them due at
    `first_due` and the rest spread evenly over `spread` after it (all at `first_due` when zero).
    A third tell a buddy (the next neighbour), a third the organisers, a third nobody."""
    rng = random.Random(seed)
    stamp = int(now.timestamp())
    db = sqlite3.connect(path)
    with db:
        street_of = dict(db.execute("SELECT neighbour_id, MIN(street_id) FROM street_members GROUP BY neighbour_id"))
        rows = []
        count = len(neighbour_ids)
        for n, neighbour in enumerate(neighbour_ids):
            due = (first_due + (spread * n / count if count else timedelta(0))).replace(second=0, microsecond=0)
            local = due.astimezone(zone)
            tell = ("buddy", "organisers", "nobody")[n % 3]
            buddy = neighbour_ids[(n + 1) % count] if tell == "buddy" and count > 1 else None
            rows.append((neighbour, street_of[neighbour], EVERY_DAY, local.hour * 60 + local.minute, tell,
                         rng.choice((60, 180, 360)), buddy, int(due.timestamp()), stamp))
        db.executemany(
            "INSERT INTO checkins (neighbour_id, street_id, days, at_minute, tell, escalate_after_minutes, buddy_id, "
            "next_due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.close()
