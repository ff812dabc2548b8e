"""/healthz tells the truth about Telegram: unreachable while the Bot API fails, connected again
once it answers — even when nobody is talking to the bot."""

from __future__ import annotations

import time

from aiohttp.test_utils import TestClient, TestServer

from bot.health import HealthLimits, HealthSources, make_app
from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import TelegramStreet


async def _healthz(street: TelegramStreet) -> tuple[int, dict]:
    client = TestClient(TestServer(make_app(HealthSources(street.store.stats, [street.adapter], lambda: True,
                                                                 limits=HealthLimits(platform_down=0))),
                                   host="127.0.0.1"))
    await client.start_server()
    try:
        response = await client.get("/healthz")
        return response.status, await response.json()
    finally:
        await client.close()


async def test_healthz_follows_telegram_going_away_and_coming_back(tg: TelegramStreet, api: FakeBotApi) -> None:
    assert await _healthz(tg) == (200, {"storage": "ok", "platforms": {"telegram": "connected"},
                                         "scheduler": "running", "status": "ok"})
    api.faults.append(Fault(None, status=502, description="Bad Gateway", times=None, until=time.monotonic() + 60))
    api.dm(api.user("Rosa", started=True), "/help")  # ends the long poll in flight, so the next one fails
    await api.until(lambda: not tg.adapter.connected, what="the adapter noticing Telegram is gone", timeout=10)
    status, body = await _healthz(tg)
    assert status == 503 and body["platforms"] == {"telegram": "disconnected"}
    api.faults.clear()
    await tg.adapter.check_in_with_telegram()  # what the scheduler does every half minute
    assert tg.adapter.connected
    assert (await _healthz(tg))[0] == 200
