"""/healthz and /metrics over real HTTP on 127.0.0.1, against a real SQLite store; time is a hand-moved
clock wherever a threshold is crossed."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from datetime import timedelta

from aiohttp.test_utils import TestClient, TestServer

from bot.clock import ManualClock
from bot.health import Downtime, HealthLimits, HealthSources, make_app
from bot.metrics import CountedCore, CountedNotifier, Metrics, Readings
from handlers.app import Doorstep
from storage import SqliteStore
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit


@dataclass
class FakePlatform:
    platform: str
    connected: bool


class Stopwatch:
    """A monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeDue:
    idle: float | None

    def idle_for(self) -> float | None:
        return self.idle


async def _client(sources: HealthSources) -> TestClient:
    client = TestClient(TestServer(make_app(sources), host="127.0.0.1"))
    await client.start_server()
    return client


async def _healthz(sources: HealthSources) -> tuple[int, dict]:
    client = await _client(sources)
    try:
        response = await client.get("/healthz")
        return response.status, await response.json()
    finally:
        await client.close()


async def _metrics(sources: HealthSources) -> str:
    client = await _client(sources)
    try:
        response = await client.get("/metrics")
        assert response.status == 200 and response.content_type == "text/plain"
        return await response.text()
    finally:
        await client.close()


async def test_healthy_when_everything_answers(store: SqliteStore) -> None:
    assert await _healthz(HealthSources(store.stats, [FakePlatform("telegram", True)], lambda: True)) == (200, {
        "storage": "ok", "platforms": {"telegram": "connected"}, "scheduler": "running", "status": "ok",
    })


async def test_a_platform_is_unhealthy_only_once_down_past_its_allowance(store: SqliteStore) -> None:
    watch = Stopwatch()
    telegram = FakePlatform("telegram", False)
    sources = HealthSources(store.stats, [telegram, FakePlatform("matrix", True)], lambda: True,
                            limits=HealthLimits(platform_down=300), downtime=Downtime(watch))
    status, body = await _healthz(sources)
    assert status == 200 and body["platforms"] == {"telegram": "reconnecting", "matrix": "connected"}
    watch.now += 299
    assert (await _healthz(sources))[0] == 200
    watch.now += 2
    status, body = await _healthz(sources)
    assert status == 503 and body["platforms"]["telegram"] == "disconnected" and body["status"] == "unhealthy"
    # Back, then down again: the allowance starts afresh.
    telegram.connected = True
    assert (await _healthz(sources))[0] == 200
    telegram.connected = False
    watch.now += 100
    assert (await _healthz(sources))[1]["platforms"]["telegram"] == "reconnecting"


async def test_a_stopped_scheduler_is_unhealthy(store: SqliteStore) -> None:
    status, body = await _healthz(HealthSources(store.stats, [], lambda: False))
    assert status == 503 and body["scheduler"] == "stopped"


async def test_due_work_that_stalls_is_unhealthy(store: SqliteStore) -> None:
    due = FakeDue(None)
    sources = HealthSources(store.stats, [], lambda: True, due=due, limits=HealthLimits(due_stall=300))
    assert (await _healthz(sources)) == (503, {
        "storage": "ok", "platforms": {}, "scheduler": "running", "due_work": "starting", "status": "unhealthy",
    })
    due.idle = 60.0
    assert (await _healthz(sources))[1]["due_work"] == "ok"
    due.idle = 301.0
    status, body = await _healthz(sources)
    assert status == 503 and body["due_work"] == "stalled"


async def test_storage_failure_is_reported(store: SqliteStore) -> None:
    class Broken:
        async def ping(self) -> None:
            raise RuntimeError("disk gone")

        async def counts(self) -> dict[str, int]:
            return {}

    status, body = await _healthz(HealthSources(Broken(), [], lambda: True))
    assert status == 503 and body["storage"] == "failing"


async def test_a_database_that_does_not_answer_in_time_is_busy(store: SqliteStore) -> None:
    class Stuck:
        async def ping(self) -> None:
            await asyncio.Event().wait()

        async def counts(self) -> dict[str, int]:
            return {}

    status, body = await _healthz(HealthSources(Stuck(), [], lambda: True, limits=HealthLimits(storage_answer=0)))
    assert status == 503 and body["storage"] == "busy"


async def test_a_nearly_full_disk_is_unhealthy(store: SqliteStore) -> None:
    sources = HealthSources(store.stats, [], lambda: True, database_path=store.db.path,
                            limits=HealthLimits(min_free_disk=2**62))
    status, body = await _healthz(sources)
    assert status == 503 and body["storage"] == "disk nearly full"


async def test_the_write_probe_fails_while_another_program_holds_the_write_lock(store: SqliteStore) -> None:
    await store.stats.ping()
    other = sqlite3.connect(store.db.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        await store.db.execute("PRAGMA busy_timeout = 0")  # give up at once rather than after 5 s
        try:
            await store.stats.ping()
        except sqlite3.OperationalError as error:
            assert "locked" in str(error)
        else:
            raise AssertionError("the probe took a write lock another program holds")
    finally:
        other.execute("ROLLBACK")
        other.close()
    await store.stats.ping()  # and the connection is usable afterwards
    assert await store.db.fetch_value("SELECT 1") == 1


async def test_metrics_are_counts_only(street: StreetKit) -> None:
    await street.say("rosa", "/ask could someone help with shopping?")
    await street.say("sam", "/offer I can lend a ladder")
    text = await _metrics(HealthSources(street.store.stats, [FakePlatform("telegram", True)], lambda: True))
    assert "doorstep_open_asks 1.0" in text and "doorstep_open_offers 1.0" in text
    assert 'doorstep_platform_connected{platform="telegram"} 1.0' in text
    assert "process_resident_memory_bytes" in text and "process_cpu_seconds_total" in text
    assert 'doorstep_build_info{version="' in text
    for personal in ("rosa", "sam", "shopping", "ladder", "Elm Street", "group-1"):
        assert personal not in text
    for line in text.splitlines():
        if not line.startswith("#"):
            float(line.rsplit(" ", 1)[1])


async def test_updates_messages_held_messages_and_the_due_work_are_counted(
    store: SqliteStore, clock: ManualClock,
) -> None:
    metrics = Metrics()
    notifier = RecordingNotifier()
    core = CountedCore(Doorstep(store, CountedNotifier(notifier, metrics), clock), metrics)
    street = StreetKit(core, store, notifier, clock)  # type: ignore[arg-type]
    notifier.unreachable.add("sam")
    await street.say("sam", "/offer I can pick up shopping on weekday mornings")
    await street.say("rosa", "/ask could someone pick up milk tomorrow morning?")
    await street.press("rosa", "nonsense")
    metrics.attach(Readings([FakePlatform("test", True)], store.db, store.held))
    text = await _metrics(HealthSources(store.stats, [FakePlatform("test", True)], lambda: True, metrics=metrics))

    def value(name: str, **labels: str) -> float:
        found = metrics.registry.get_sample_value(name, labels)
        assert found is not None, f"{name}{labels} is missing"
        return found

    assert value("doorstep_updates_total", platform="test", kind="message") == 2
    assert value("doorstep_updates_total", platform="test", kind="press") == 1
    assert value("doorstep_update_duration_seconds_count", platform="test") == 3
    assert value("doorstep_messages_total", platform="test", kind="group", outcome="sent") >= 2
    # Sam hears of Rosa's ask privately, but has never opened a private chat with the bot: it waits.
    assert value("doorstep_messages_total", platform="test", kind="private", outcome="unreachable") >= 1
    assert value("doorstep_messages_held_total") >= 1 and value("doorstep_waiting_messages") >= 1
    assert "doorstep_messages_held_total" in text and "doorstep_database_busy_seconds_total" in text
    assert value("doorstep_database_uses_total") > 0
    assert 'doorstep_due_backlog{work="checkins"} 0.0' in text


async def test_the_due_backlog_counts_what_has_fallen_due(store: SqliteStore, clock: ManualClock) -> None:
    now = clock.now()
    assert await store.stats.due_backlog(now) == {"checkins": 0, "checkin_steps": 0, "fan_out_rounds": 0, "widenings": 0}
    at = int(now.timestamp())
    await store.db.execute("INSERT INTO streets (id, platform, chat_id, created_at) VALUES (1, 't', 'g', 0)")
    await store.db.execute("INSERT INTO neighbours (id, platform, user_id, created_at) VALUES (1, 't', 'u', 0)")
    await store.db.execute(
        "INSERT INTO checkins (neighbour_id, street_id, days, at_minute, tell, escalate_after_minutes, next_due_at, "
        "updated_at) VALUES (1, 1, 127, 600, 'nobody', 60, ?, 0)", (at + 60,))
    await store.db.execute(
        "INSERT INTO posts (id, street_id, author_id, kind, category, when_day, when_part, body, status, created_at, "
        "expires_at) VALUES (1, 1, 1, 'ask', 'shopping', 'any', 'any', 'x', 'open', 0, ?)", (at + 86400,))
    await store.db.execute("INSERT INTO fan_outs (post_id, next_round_at, widen_at) VALUES (1, ?, ?)", (at - 1, at + 60))
    assert await store.stats.due_backlog(now) == {"checkins": 0, "checkin_steps": 0, "fan_out_rounds": 1, "widenings": 0}
    later = now + timedelta(minutes=2)
    assert await store.stats.due_backlog(later) == {"checkins": 1, "checkin_steps": 0, "fan_out_rounds": 1, "widenings": 1}


async def test_every_metric_the_docs_and_dashboard_name_exists(store: SqliteStore, clock: ManualClock) -> None:
    """docs/operations.md and docs/grafana-dashboard.json name only metrics /metrics really has."""
    import re
    from pathlib import Path

    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.metrics import PlatformFigures
    from bot.scheduler import DueScheduler

    class Telegramish(FakePlatform):
        def figures(self) -> PlatformFigures:
            return PlatformFigures(2, 3.0, 1)

    metrics = Metrics()
    notifier = RecordingNotifier()
    core = CountedCore(Doorstep(store, CountedNotifier(notifier, metrics), clock), metrics)
    street = StreetKit(core, store, notifier, clock)  # type: ignore[arg-type]
    await street.say("rosa", "/ask could someone pick up milk tomorrow morning?")
    scheduler = AsyncIOScheduler()
    due = DueScheduler(scheduler, heartbeat=timedelta(hours=1))
    due.attach(core)  # type: ignore[arg-type]
    await due.start()
    try:
        metrics.attach(Readings([Telegramish("telegram", True)], store.db, store.held, due, lambda: True,
                                Downtime().observe))
        text = await _metrics(HealthSources(store.stats, [], lambda: True, metrics=metrics))
    finally:
        scheduler.shutdown(wait=False)
    exposed = {line.split("{")[0].split(" ")[0] for line in text.splitlines() if not line.startswith("#")}
    root = Path(__file__).resolve().parents[1]
    named = set(re.findall(r"\b((?:doorstep|process|python)_[a-z_]+)", (root / "docs" / "operations.md").read_text()))
    named |= set(re.findall(r"\b((?:doorstep|process|python)_[a-z_]+)", (root / "docs" / "grafana-dashboard.json").read_text()))
    named = {name.rstrip("_") for name in named if not name.endswith("_")}  # "python_gc_*" is a family
    missing = sorted(name for name in named if name not in exposed and not any(
        sample.startswith(name + "_") for sample in exposed))
    assert missing == []
