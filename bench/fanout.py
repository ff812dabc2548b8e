"""Check-in fan-out: thousands of check-ins due in the same minute, sent through the Telegram adapter
to a Bot API that enforces Telegram's flood limits, against the floor those limits set (count ÷ 30 s).

    python -m bench.fanout [--quick] [--json FILE] [--profile]     # 10,000 check-ins (and 600 from afar);
                                                                   # --quick 1,000 (and 200)

Driven the way production drives it: the check-ins are in the database, due this minute; the shared
APScheduler and `bot.scheduler.DueScheduler` ask the core for due work (`Doorstep.run_due`), and the
core's hellos go out through the real Telegram adapter (its pacing and retries, with Telegram's
default limits) to the tests' fake Bot API in a process of its own, with its flood limits on (30
messages a second overall, 20 a minute per group, one a second per private chat; 429 with retry_after
beyond them). The clock starts when the due work starts and stops when the last hello has been sent;
every send receipt is checked to be recorded afterwards. The core sends side by side as `doorstep run`
does (`bot.composition.SENDS_AT_ONCE`).

The fake server answers at once, being on the same machine; the real Telegram is a round trip away,
and a check-in's hello waits for two (a name look-up, then the message). So a second, smaller run has
the fake server answer every call 50 ms late."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from pydantic import SecretStr

from bench.common import Deadline, Profiled, cpu_by_thread, cpu_seconds, hand_back, machine, part_arguments, spread
from bench.population import StreetPeople, add_checkins, add_streets, create_schema, midday_zone
from bench.telegram_server import TelegramServer
from bot.clock import SystemClock
from bot.composition import SENDS_AT_ONCE
from bot.scheduler import DueScheduler
from bot.telegram.adapter import TelegramAdapter, Tuning
from config.settings import TelegramSettings
from handlers.app import Doorstep
from handlers.kernel.messages import Choice, MessageRef, Msg, Outgoing, SendResult
from handlers.kernel.ports import Notifier
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore

RATE = 30  # messages a second: Telegram's overall limit, which the fake server enforces
GOAL_OVER_FLOOR = 0.05
FAR_MS = 50  # the second run's Bot API answers this much later, as Telegram's servers do from afar
PEOPLE_PER_STREET = 50


@dataclass(frozen=True)
class Mode:
    checkins: int
    far_checkins: int  # the second run, with the Bot API FAR_MS away
    budget_s: float


MODES = {"full": Mode(10_000, 600, 480), "quick": Mode(1_000, 200, 70)}


class CountingNotifier:
    """The adapter's notifier, noting when each message went out (the benchmark's only addition)."""

    def __init__(self, inner: Notifier, expected: int) -> None:
        self._inner = inner
        self.sent_at: list[float] = []
        self.not_sent: dict[str, int] = {}
        self._expected = expected
        self.all_sent = asyncio.Event()

    async def send(self, outgoing: Outgoing) -> SendResult:
        result = await self._inner.send(outgoing)
        if result.sent:
            self.sent_at.append(time.perf_counter())
            if len(self.sent_at) >= self._expected:
                self.all_sent.set()
        else:
            self.not_sent[result.status.value] = self.not_sent.get(result.status.value, 0) + 1
        return result

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        return await self._inner.edit(ref, text, choices, locale)


async def _people(server: TelegramServer, count: int) -> list[StreetPeople]:
    streets = (await server.streets(groups=-(-count // PEOPLE_PER_STREET), members=PEOPLE_PER_STREET))["groups"]
    return [StreetPeople(str(s["id"]), [str(m) for m in s["members"]]) for s in streets]


async def _fan_out(server: TelegramServer, database: Path, count: int, zone: Any, deadline: Deadline,
                   profile: Profiled | None) -> dict[str, Any]:
    store = await SqliteStore.open(database)
    adapter = TelegramAdapter(TelegramSettings(token=SecretStr(server.token), base_url=server.base_url), Tuning())  # type: ignore[arg-type]
    scheduler = AsyncIOScheduler(timezone=timezone.utc)
    due = DueScheduler(scheduler)
    notifier = CountingNotifier(adapter.notifier, count)
    core = Doorstep(store, notifier, SystemClock(), CoreSettings(timezone=zone), adapter.organisers, waker=due,
                    sends_at_once=SENDS_AT_ONCE)
    due.attach(core)
    try:
        await adapter.start(core)
        rate_limited_before = (await server.stats())["rate_limited"]
        cpu_before = cpu_seconds()
        started = time.perf_counter()
        with profile or contextlib.nullcontext():
            await due.start()  # starts the scheduler and runs what is due now, as at the top of every minute
            try:
                await asyncio.wait_for(notifier.all_sent.wait(), max(deadline.left, 1.0))
            except asyncio.TimeoutError:
                pass
        cpu = cpu_by_thread(cpu_before, cpu_seconds())
        sent = list(notifier.sent_at)
        waiting = await _receipts_recorded(store, len(sent), deadline)
        if len(sent) == count:  # let the rest of that run's due work finish; cut short otherwise
            await asyncio.wait_for(due.settled(), max(deadline.left, 5.0))
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await adapter.stop()
        await store.close()
    stats = await server.stats()
    total = (sent[-1] - started) if sent else None
    return {
        "sent": len(sent), "not_sent": notifier.not_sent, "receipts_recorded": waiting,
        "total_s": round(total, 2) if total else None,
        "first_after_s": round(sent[0] - started, 3) if sent else None,
        "longest_gap_s": round(max((b - a for a, b in zip(sent, sent[1:])), default=0.0), 3),
        "rate_limited_by_server": stats["rate_limited"] - rate_limited_before,
        "rate_limited_seen_by_bot": adapter.sender.rate_limited,
        "per_second": _per_second(sent, started), "cpu": cpu,
    }


async def _receipts_recorded(store: SqliteStore, expected: int, deadline: Deadline) -> int:
    """Once the last hello is sent its receipt follows: wait (briefly) until every one is recorded, so
    nothing is cut short when the scheduler stops."""
    ends = time.monotonic() + min(30.0, max(deadline.left, 5.0))
    while True:
        recorded = int(await store.db.fetch_value("SELECT COUNT(*) FROM checkin_occurrences WHERE stage = 'waiting'"))
        if recorded >= expected or time.monotonic() > ends:
            return recorded
        await asyncio.sleep(0.05)


def _per_second(sent: list[float], started: float) -> dict[str, float]:
    """How steady the flow was: messages in each whole second, summarised."""
    if not sent:
        return {}
    buckets = [0] * (int(sent[-1] - started) + 1)
    for moment in sent:
        buckets[int(moment - started)] += 1
    whole = buckets[:-1] or buckets
    return {"min": min(whole), "median": sorted(whole)[len(whole) // 2], "max": max(whole)}


async def fan_out(count: int, *, latency_ms: float, deadline: Deadline, profile: bool = False) -> dict[str, Any]:
    """`count` check-ins due now, sent to a fake Bot API `latency_ms` away: the figures of one run."""
    with tempfile.TemporaryDirectory(prefix="doorstep-bench-fanout-") as scratch:
        database = Path(scratch) / "doorstep.sqlite3"
        async with await TelegramServer.start(flood=True, latency_ms=latency_ms) as server:
            now = datetime.now(timezone.utc)
            zone = midday_zone(now)
            await create_schema(database)
            ids = add_streets(database, await _people(server, count), platform="telegram", now=now)
            this_minute = now.replace(second=0, microsecond=0)
            add_checkins(database, list(ids.values())[:count], first_due=this_minute, spread=timedelta(0),
                         zone=zone, now=now)
            looked_into = Profiled() if profile else None
            result = await _fan_out(server, database, count, zone, deadline, looked_into)
            if looked_into is not None:
                result["profile"] = looked_into.summary
    floor = count / RATE
    total = result["total_s"]
    result.update({
        "checkins": count, "latency_ms": latency_ms, "floor_s": round(floor, 2), "rate": RATE,
        "over_floor": round(total / floor - 1, 4) if total and result["sent"] == count else None,
        "total": spread([total] if total else []),
    })
    return result


async def run(mode: Mode, *, profile: bool = False) -> dict[str, Any]:
    deadline = Deadline(mode.budget_s)
    result = await fan_out(mode.checkins, latency_ms=0, deadline=deadline, profile=profile)
    pacing = Tuning().limits
    result.update({
        "goal_over_floor": GOAL_OVER_FLOOR, "sends_at_once": SENDS_AT_ONCE,
        "pacer_ceiling_per_s": round(pacing.overall.count / (pacing.overall.period + pacing.slack), 2),
        "pacer_slack_s": pacing.slack,
    })
    result["met"] = (result["over_floor"] is not None and result["over_floor"] <= GOAL_OVER_FLOOR
                     and result["rate_limited_by_server"] == 0)
    result["far"] = await fan_out(mode.far_checkins, latency_ms=FAR_MS, deadline=deadline)
    result["machine"] = machine()
    return result


def main() -> None:
    args = part_arguments(__doc__.splitlines()[0])
    logging.basicConfig(level=logging.WARNING)
    hand_back(asyncio.run(run(MODES["quick" if args.quick else "full"], profile=args.profile)), args.json)


if __name__ == "__main__":
    main()
