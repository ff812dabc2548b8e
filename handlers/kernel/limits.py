"""How many private messages one person sends the bot in an hour (a relay flooding someone, a script
gone wrong): counted in memory by the running bot only (nothing is stored about who writes how often)."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from enum import Enum

HOUR = timedelta(hours=1)


class Verdict(Enum):
    READ = "read"
    REFUSE_AND_SAY_WHY = "refuse and say why"  # the first refusal in a while: they hear why, once
    REFUSE = "refuse"


class PrivateMessageLimit:
    """At most `per_hour` private messages per person in any hour, counted in this run's memory.
    Memory stays bounded: each person keeps at most `per_hour` times, and people quiet for an hour
    are dropped whenever the count of people grows past `SWEEP_AT`."""

    SWEEP_AT = 10_000

    def __init__(self, per_hour: int) -> None:
        self._per_hour = per_hour
        self._times: dict[tuple[str, str], deque[datetime]] = {}
        self._told: set[tuple[str, str]] = set()

    def check(self, platform: str, user_id: str, now: datetime) -> Verdict:
        key = (platform, user_id)
        times = self._times.setdefault(key, deque())
        while times and times[0] <= now - HOUR:
            times.popleft()
        if len(times) >= self._per_hour:
            if key in self._told:
                return Verdict.REFUSE
            self._told.add(key)
            return Verdict.REFUSE_AND_SAY_WHY
        self._told.discard(key)
        times.append(now)
        if len(self._times) > self.SWEEP_AT:
            self._sweep(now)
        return Verdict.READ

    @property
    def remembered(self) -> int:
        """How many people it holds times for."""
        return len(self._times)

    def _sweep(self, now: datetime) -> None:
        for key in [key for key, times in self._times.items() if not times or times[-1] <= now - HOUR]:
            del self._times[key]
            self._told.discard(key)
