"""The scheduler is a cache of what's due: it asks the core, runs it, and arms itself for next time."""

import asyncio
from datetime import datetime, timedelta, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.scheduler import DUE_JOB, DueScheduler


class CoreWithWork:
    def __init__(self, due_times: list[datetime | None]) -> None:
        self.due_times = due_times
        self.runs = 0
        self.ran = asyncio.Event()

    async def run_due(self) -> None:
        self.runs += 1
        self.ran.set()

    async def next_due(self) -> datetime | None:
        return self.due_times.pop(0) if self.due_times else None


async def test_start_runs_due_work_and_arms_the_next() -> None:
    later = datetime.now(timezone.utc) + timedelta(hours=3)
    core = CoreWithWork([later])
    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler)
    due.attach(core)  # type: ignore[arg-type]
    await due.start()
    try:
        assert core.runs == 1
        job = scheduler.get_job(DUE_JOB)
        assert job is not None and job.next_run_time == later
    finally:
        scheduler.shutdown(wait=False)


async def test_waking_sooner_rearms_and_a_past_time_runs_at_once() -> None:
    core = CoreWithWork([datetime.now(timezone.utc) + timedelta(hours=3)])
    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler, heartbeat=timedelta(hours=1))
    due.attach(core)  # type: ignore[arg-type]
    await due.start()
    try:
        core.ran.clear()
        later = datetime.now(timezone.utc) + timedelta(days=1)
        due.wake_at(later)  # later than what's armed: nothing changes
        assert scheduler.get_job(DUE_JOB).next_run_time != later
        due.wake_at(datetime.now(timezone.utc) - timedelta(seconds=1))
        await asyncio.wait_for(core.ran.wait(), timeout=5)
        assert core.runs == 2
    finally:
        scheduler.shutdown(wait=False)


async def test_failing_work_does_not_stop_the_scheduler() -> None:
    class Failing(CoreWithWork):
        async def run_due(self) -> None:
            raise RuntimeError("database briefly unavailable")

    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler)
    due.attach(Failing([]))  # type: ignore[arg-type]
    await due.start()
    try:
        assert scheduler.running and scheduler.get_job("doorstep-heartbeat") is not None
    finally:
        scheduler.shutdown(wait=False)


async def test_settled_waits_for_the_run_in_progress() -> None:
    class SlowCore(CoreWithWork):
        def __init__(self) -> None:
            super().__init__([])
            self.release = asyncio.Event()

        async def run_due(self) -> None:
            await super().run_due()
            await self.release.wait()

    core = SlowCore()
    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler)
    due.attach(core)  # type: ignore[arg-type]
    running = asyncio.create_task(due.run_now())
    await core.ran.wait()
    settled = asyncio.create_task(due.settled())
    await asyncio.sleep(0.01)
    assert not settled.done()
    core.release.set()
    await asyncio.wait_for(settled, 1)
    await running


async def test_work_still_due_after_a_run_runs_straight_away_not_at_the_heartbeat() -> None:
    """A big fan-out goes in batches: each run that leaves more due at once arms the job for now, from
    inside the job itself. That must run next, not be skipped as "already running" until the heartbeat."""
    past = datetime.now(timezone.utc) - timedelta(seconds=1)

    class Batches(CoreWithWork):
        async def run_due(self) -> None:
            await super().run_due()
            if self.runs == 4:
                finished.set()

    finished = asyncio.Event()
    core = Batches([past, past, past, None])
    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler, heartbeat=timedelta(hours=1))
    due.attach(core)  # type: ignore[arg-type]
    await due.start()  # the first batch; each of the next three is armed by the one before
    try:
        await asyncio.wait_for(finished.wait(), timeout=5)
        assert core.runs == 4
    finally:
        scheduler.shutdown(wait=False)


async def test_it_keeps_figures_for_health_and_metrics() -> None:
    """How late a round started, how long since one finished, and how many failed — on clocks moved by hand."""

    class Clocks:
        wall = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
        mono = 500.0

    class Sometimes(CoreWithWork):
        fail = False

        async def run_due(self) -> None:
            await super().run_due()
            if self.fail:
                raise RuntimeError("the database went away")

    core = Sometimes([Clocks.wall + timedelta(minutes=5)])
    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler, heartbeat=timedelta(hours=1), now=lambda: Clocks.wall, monotonic=lambda: Clocks.mono)
    due.attach(core)  # type: ignore[arg-type]
    assert due.idle_for() is None  # not started yet
    await due.start()
    try:
        assert (due.runs, due.failures, due.lag_seconds, due.idle_for()) == (1, 0, 0.0, 0.0)
        assert due.last_finished_at == Clocks.wall
        # The armed round starts 90 s after its work fell due.
        Clocks.wall += timedelta(minutes=6, seconds=30)
        Clocks.mono += 390
        assert due.idle_for() == 390
        core.fail = True
        await due.run_now()
        assert (due.runs, due.failures, due.lag_seconds, due.idle_for()) == (2, 1, 90.0, 0.0)
    finally:
        scheduler.shutdown(wait=False)
