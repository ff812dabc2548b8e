"""`doorstep --version` and `doorstep healthcheck` (what the container image's HEALTHCHECK runs)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestServer

from bot.cli import main
from bot.health import HealthSources, check, make_app
from bot.metrics import version
from storage import SqliteStore


@dataclass
class FakePlatform:
    platform: str
    connected: bool


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    printed = capsys.readouterr().out.strip()
    assert printed == f"doorstep {version()}" and version()[0].isdigit()


async def test_healthcheck_asks_the_running_bot(
    store: SqliteStore, clean_environment: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    running = FakePlatform("telegram", True)
    server = TestServer(make_app(HealthSources(store.stats, [running], lambda: True)), host="127.0.0.1")
    await server.start_server()
    try:
        monkeypatch.setenv("DOORSTEP_HEALTH__ENABLED", "true")
        monkeypatch.setenv("DOORSTEP_HEALTH__LISTEN", "0.0.0.0")  # as in the image: asked on 127.0.0.1
        monkeypatch.setenv("DOORSTEP_HEALTH__PORT", str(server.port))
        assert await asyncio.to_thread(main, ["healthcheck"]) == 0
        assert '"status": "ok"' in capsys.readouterr().out
        healthy, said = await asyncio.to_thread(check, "127.0.0.1", server.port)
        assert healthy and '"telegram": "connected"' in said
    finally:
        await server.close()


async def test_healthcheck_fails_when_unhealthy_or_not_answering(
    store: SqliteStore, clean_environment: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    server = TestServer(make_app(HealthSources(store.stats, [], lambda: False)), host="127.0.0.1")
    await server.start_server()
    port = server.port
    try:
        monkeypatch.setenv("DOORSTEP_HEALTH__ENABLED", "true")
        monkeypatch.setenv("DOORSTEP_HEALTH__PORT", str(port))
        assert await asyncio.to_thread(main, ["healthcheck"]) == 1
        assert '"scheduler": "stopped"' in capsys.readouterr().err
    finally:
        await server.close()
    healthy, said = await asyncio.to_thread(check, "127.0.0.1", port, 2.0)
    assert not healthy and said.startswith("no answer from http://127.0.0.1:")


def test_healthcheck_says_when_the_endpoint_is_off(clean_environment: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["healthcheck"]) == 1
    assert "DOORSTEP_HEALTH__ENABLED" in capsys.readouterr().err
