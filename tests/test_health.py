"""/healthz and /metrics over real HTTP on 127.0.0.1, against a real SQLite store."""

from dataclasses import dataclass

from aiohttp.test_utils import TestClient, TestServer

from bot.health import HealthSources, make_app
from storage import SqliteStore
from tests.kit import StreetKit


@dataclass
class FakePlatform:
    platform: str
    connected: bool


async def _client(sources: HealthSources) -> TestClient:
    client = TestClient(TestServer(make_app(sources), host="127.0.0.1"))
    await client.start_server()
    return client


async def test_healthy_when_everything_answers(store: SqliteStore) -> None:
    client = await _client(HealthSources(store.stats, [FakePlatform("telegram", True)], lambda: True))
    try:
        response = await client.get("/healthz")
        assert response.status == 200
        assert await response.json() == {
            "storage": "ok", "platforms": {"telegram": "connected"}, "scheduler": "running", "status": "ok",
        }
    finally:
        await client.close()


async def test_unhealthy_says_which_part(store: SqliteStore) -> None:
    platforms = [FakePlatform("telegram", False), FakePlatform("matrix", True)]
    client = await _client(HealthSources(store.stats, platforms, lambda: False))
    try:
        response = await client.get("/healthz")
        assert response.status == 503
        body = await response.json()
        assert body["platforms"] == {"telegram": "disconnected", "matrix": "connected"}
        assert body["scheduler"] == "stopped" and body["status"] == "unhealthy"
    finally:
        await client.close()


async def test_storage_failure_is_reported(store: SqliteStore) -> None:
    class Broken:
        async def ping(self) -> None:
            raise RuntimeError("disk gone")

        async def counts(self) -> dict[str, int]:
            return {}

    client = await _client(HealthSources(Broken(), [], lambda: True))
    try:
        response = await client.get("/healthz")
        assert response.status == 503 and (await response.json())["storage"] == "failing"
    finally:
        await client.close()


async def test_metrics_are_counts_only(street: StreetKit) -> None:
    await street.say("rosa", "/ask could someone help with shopping?")
    await street.say("sam", "/offer I can lend a ladder")
    client = await _client(HealthSources(street.store.stats, [FakePlatform("telegram", True)], lambda: True))
    try:
        text = await (await client.get("/metrics")).text()
    finally:
        await client.close()
    assert "doorstep_open_asks 1" in text and "doorstep_open_offers 1" in text
    assert 'doorstep_platform_connected{platform="telegram"} 1' in text
    for personal in ("rosa", "sam", "shopping", "ladder", "Elm Street"):
        assert personal not in text
    for line in text.splitlines():
        assert line.startswith("#") or line.rsplit(" ", 1)[1].isdigit()
