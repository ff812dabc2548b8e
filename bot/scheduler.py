"""APScheduler as a cache of what's due. The database decides what is due; the scheduler only keeps
one job armed at the next due time (re-armed after every run and whenever the core says something
new falls due sooner), plus a heartbeat in case anything was missed. Rebuilding at start-up is
asking the core once when it next has work."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

if TYPE_CHECKING:
    from handlers.app import Doorstep

log = logging.getLogger(__name__)

DUE_JOB = "doorstep-due"
HEARTBEAT_JOB = "doorstep-heartbeat"


class DueScheduler:
    def __init__(self, scheduler: AsyncIOScheduler, heartbeat: timedelta = timedelta(minutes=1), *,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._scheduler = scheduler
        self._heartbeat = heartbeat
        self._now = now
        self._monotonic = monotonic
        self._core: Doorstep | None = None
        self._armed_for: datetime | None = None
        self._running = asyncio.Lock()
        # How the due work is keeping up (for /healthz and /metrics).
        self.started_at: float | None = None  # monotonic, when start() was called
        self.last_finished: float | None = None  # monotonic, when a run last finished (failed or not)
        self.last_finished_at: datetime | None = None
        self.runs = 0
        self.failures = 0
        self.lag_seconds = 0.0  # how late the last run started after the time it was armed for

    @property
    def heartbeat_seconds(self) -> float:
        return self._heartbeat.total_seconds()

    def idle_for(self) -> float | None:
        """Seconds since a run last finished (or since starting, before the first); None before start()."""
        since = self.last_finished if self.last_finished is not None else self.started_at
        return None if since is None else max(0.0, self._monotonic() - since)

    def attach(self, core: Doorstep) -> None:
        self._core = core

    async def start(self) -> None:
        """Start the shared scheduler (if not yet started) and arm it from the database."""
        self.started_at = self._monotonic()
        self._scheduler.add_job(
            self.run_now, "interval", seconds=self._heartbeat.total_seconds(), id=HEARTBEAT_JOB,
            replace_existing=True, coalesce=True, max_instances=1,
        )
        if not self._scheduler.running:
            self._scheduler.start()
        await self.run_now()

    def wake_at(self, when: datetime) -> None:
        if self._armed_for is None or when < self._armed_for:
            self._arm(when)

    def _arm(self, when: datetime) -> None:
        self._armed_for = when
        # A run that leaves more due at once (a fan-out's next batch) arms the job from inside the job:
        # with one instance allowed, APScheduler would skip that as "already running" and the work
        # would wait for the heartbeat. A second instance just waits for the first (run_now's lock).
        self._scheduler.add_job(
            self.run_now, "date", run_date=max(when, datetime.now(timezone.utc)), id=DUE_JOB,
            replace_existing=True, misfire_grace_time=None, coalesce=True, max_instances=2,
        )

    async def settled(self) -> None:
        """Return once no run is in progress (a run holds a transaction and may be sending)."""
        async with self._running:
            pass

    async def run_now(self) -> None:
        """Do what's due, then arm the job for whatever comes next. Runs one at a time."""
        if self._core is None:
            return
        async with self._running:
            due_at, self._armed_for = self._armed_for, None
            self.lag_seconds = max(0.0, (self._now() - due_at).total_seconds()) if due_at is not None else 0.0
            try:
                await self._core.run_due()
                upcoming = await self._core.next_due()
            except Exception:
                self.failures += 1
                log.exception("due work failed; the heartbeat will try again")
                return
            finally:
                self.runs += 1
                self.last_finished = self._monotonic()
                self.last_finished_at = self._now()
            if upcoming is not None:
                self._arm(upcoming)
