"""Times are stored as whole seconds since the epoch, UTC: compact, sortable, no zone mix-ups."""

from __future__ import annotations

from datetime import datetime, time, timezone


def to_db(moment: datetime | None) -> int | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored; use timezone-aware UTC")
    return int(moment.timestamp())


def from_db(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc)


def from_db_required(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def minutes_of(moment: time) -> int:
    """A local clock time as minutes after midnight (schedules keep the time, not a moment)."""
    return moment.hour * 60 + moment.minute


def time_of(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)
