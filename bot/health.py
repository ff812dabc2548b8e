"""An optional small HTTP endpoint for whoever looks after the server.

/healthz says whether storage answers, each platform is connected and the scheduler runs (200 when
all are, 503 otherwise); /metrics gives counts in Prometheus' text format — never anything about a
person."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from aiohttp import web

log = logging.getLogger(__name__)


class Connected(Protocol):
    platform: str

    @property
    def connected(self) -> bool: ...


class CountSource(Protocol):
    async def counts(self) -> dict[str, int]: ...

    async def ping(self) -> None: ...


@dataclass
class HealthSources:
    stats: CountSource
    platforms: Sequence[Connected]
    scheduler_running: Callable[[], bool]


async def _storage_ok(stats: CountSource) -> bool:
    try:
        await stats.ping()
        return True
    except Exception:
        log.exception("health: storage check failed")
        return False


def make_app(sources: HealthSources) -> web.Application:
    async def healthz(request: web.Request) -> web.Response:
        platforms = {p.platform: "connected" if p.connected else "disconnected" for p in sources.platforms}
        report = {
            "storage": "ok" if await _storage_ok(sources.stats) else "failing",
            "platforms": platforms,
            "scheduler": "running" if sources.scheduler_running() else "stopped",
        }
        healthy = report["storage"] == "ok" and report["scheduler"] == "running" and all(
            state == "connected" for state in platforms.values()
        )
        report["status"] = "ok" if healthy else "unhealthy"
        return web.Response(status=200 if healthy else 503, text=json.dumps(report), content_type="application/json")

    async def metrics(request: web.Request) -> web.Response:
        lines = []
        for name, value in (await sources.stats.counts()).items():
            lines += [f"# TYPE doorstep_{name} gauge", f"doorstep_{name} {value}"]
        lines.append("# TYPE doorstep_platform_connected gauge")
        lines += [f'doorstep_platform_connected{{platform="{p.platform}"}} {int(p.connected)}' for p in sources.platforms]
        lines += ["# TYPE doorstep_scheduler_running gauge", f"doorstep_scheduler_running {int(sources.scheduler_running())}"]
        return web.Response(text="\n".join(lines) + "\n", content_type="text/plain", charset="utf-8")

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
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
