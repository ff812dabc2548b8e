"""A small HTTP endpoint for whoever looks after the server (on by default in the container image).

/healthz answers 200 when Doorstep is doing its job and 503, saying which part, when it isn't: the
database can't be written, a platform has been unreachable for longer than a brief drop
(`HealthLimits.platform_down`), or the due work — check-ins, expiries, reminders — has not finished a
round for too long (`HealthLimits.due_stall`; it runs at least once a minute). A platform that is
reconnecting within its allowance is shown as such, and still healthy: restarting wouldn't help it.
/metrics is Prometheus' text format (bot/metrics.py), never anything about a person."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol, Sequence

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.metrics import Metrics, Readings, free_disk_bytes

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.scheduler import DueScheduler
    from config.settings import Settings
    from storage import SqliteStore

log = logging.getLogger(__name__)


class Connected(Protocol):
    platform: str

    @property
    def connected(self) -> bool: ...


class CountSource(Protocol):
    async def counts(self) -> dict[str, int]: ...

    async def ping(self) -> None:
        """Raise if the database can't be written now."""


class DueProgress(Protocol):
    def idle_for(self) -> float | None:
        """Seconds since due work last finished a round (or started); None before it started."""


@dataclass(frozen=True)
class HealthLimits:
    platform_down: float = 300.0  # seconds a platform may be unreachable before it counts
    due_stall: float = 300.0  # seconds without a finished round of due work
    storage_answer: float = 5.0  # seconds the database has to take its write lock
    min_free_disk: int = 20 * 1024 * 1024  # bytes free where the database lives


class Downtime:
    """How long each platform has been unreachable without a break, as seen by the checks (each
    /healthz and /metrics looks; the container's check looks every 30 seconds)."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._since: dict[str, float] = {}

    def observe(self, platform: str, connected: bool) -> float:
        if connected:
            self._since.pop(platform, None)
            return 0.0
        now = self._monotonic()
        return now - self._since.setdefault(platform, now)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class HealthSources:
    stats: CountSource
    platforms: Sequence[Connected]
    scheduler_running: Callable[[], bool]
    due: DueProgress | None = None
    limits: HealthLimits = field(default_factory=HealthLimits)
    database_path: Path | None = None
    downtime: Downtime = field(default_factory=Downtime)
    metrics: Metrics | None = None  # built here (with what these sources know) when not given
    now: Callable[[], datetime] = _utc_now


async def _storage_state(sources: HealthSources) -> str:
    try:
        await asyncio.wait_for(sources.stats.ping(), sources.limits.storage_answer)
    except asyncio.TimeoutError:
        log.error("health: the database did not answer in time")
        return "busy"
    except Exception:
        log.exception("health: storage check failed")
        return "failing"
    if sources.database_path is not None:
        free = free_disk_bytes(sources.database_path)
        if free is not None and free < sources.limits.min_free_disk:
            log.error("health: the disk is nearly full free_bytes=%d", free)
            return "disk nearly full"
    return "ok"


def _platform_state(sources: HealthSources, platform: Connected) -> str:
    connected = platform.connected
    down_for = sources.downtime.observe(platform.platform, connected)
    if connected:
        return "connected"
    return "reconnecting" if down_for < sources.limits.platform_down else "disconnected"


def _due_state(sources: HealthSources) -> str:
    assert sources.due is not None
    idle = sources.due.idle_for()
    if idle is None:
        return "starting"
    return "ok" if idle <= sources.limits.due_stall else "stalled"


async def report(sources: HealthSources) -> dict[str, object]:
    """What /healthz says, with "status": "ok" or "unhealthy"."""
    platforms = {p.platform: _platform_state(sources, p) for p in sources.platforms}
    found: dict[str, object] = {
        "storage": await _storage_state(sources),
        "platforms": platforms,
        "scheduler": "running" if sources.scheduler_running() else "stopped",
    }
    healthy = found["storage"] == "ok" and found["scheduler"] == "running" and all(
        state in ("connected", "reconnecting") for state in platforms.values()
    )
    if sources.due is not None:
        found["due_work"] = _due_state(sources)
        healthy = healthy and found["due_work"] == "ok"
    found["status"] = "ok" if healthy else "unhealthy"
    return found


def make_app(sources: HealthSources) -> web.Application:
    metrics = sources.metrics
    if metrics is None:
        metrics = Metrics()
        metrics.attach(Readings(sources.platforms, scheduler_running=sources.scheduler_running,
                                down_for=sources.downtime.observe))

    async def healthz(request: web.Request) -> web.Response:
        found = await report(sources)
        healthy = found["status"] == "ok"
        if not healthy:
            log.warning("health: unhealthy report=%s", json.dumps(found, sort_keys=True))
        return web.Response(status=200 if healthy else 503, text=json.dumps(found), content_type="application/json")

    async def metrics_page(request: web.Request) -> web.Response:
        try:
            await metrics.refresh(sources.stats, sources.now())  # type: ignore[arg-type]
        except Exception:
            log.exception("metrics: the database's counts could not be read")
        body = await asyncio.to_thread(metrics.exposition)  # reads /proc; keep it off the loop
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    return app


class HealthServer:
    def __init__(self, sources: HealthSources, listen: str, port: int) -> None:
        self._runner = web.AppRunner(make_app(sources), access_log=None)
        self._listen = listen
        self._port = port

    async def start(self) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, self._listen, self._port).start()
        log.info("health endpoint listening listen=%s port=%s", self._listen, self._port)

    async def stop(self) -> None:
        await self._runner.cleanup()


def health_server(settings: Settings, store: SqliteStore, platforms: Sequence[Connected], scheduler: AsyncIOScheduler,
                  due: DueScheduler, metrics: Metrics) -> HealthServer | None:
    """The endpoint `doorstep run` serves, when DOORSTEP_HEALTH__ENABLED (None otherwise)."""
    if not settings.health.enabled:
        return None
    downtime = Downtime()
    metrics.attach(Readings(platforms, store.db, store.held, due, lambda: scheduler.running, downtime.observe))
    sources = HealthSources(
        store.stats, platforms, lambda: scheduler.running, due=due, database_path=settings.database.path,
        limits=HealthLimits(settings.health.platform_down_seconds, settings.health.due_stall_seconds),
        downtime=downtime, metrics=metrics,
    )
    return HealthServer(sources, settings.health.listen, settings.health.port)


def check(listen: str, port: int, timeout: float = 10.0) -> tuple[bool, str]:
    """`doorstep healthcheck`: ask a running Doorstep's /healthz (what the container image's
    HEALTHCHECK runs). Returns whether it is healthy, and one line saying so."""
    import urllib.error
    import urllib.request

    host = "127.0.0.1" if listen in ("0.0.0.0", "", "::") else listen
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 (a local address)
            return True, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return False, error.read().decode("utf-8", "replace")
    except (OSError, ValueError) as error:
        return False, f"no answer from {url} ({getattr(error, 'reason', None) or error})"
