"""Clocks: the real one, and one a person (or a test) moves by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class ManualClock:
    """Time stands still until moved; used by the console street and by tests."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime.now(timezone.utc).replace(second=0, microsecond=0)
        if start.tzinfo is None:
            raise ValueError("the clock needs a timezone-aware start")
        self._now = start.astimezone(timezone.utc)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        if delta < timedelta(0):
            raise ValueError("time only moves forward")
        self._now += delta

    def move_to(self, moment: datetime) -> None:
        self.advance(moment.astimezone(timezone.utc) - self._now)
