"""What an operator sees of Telegram: 429s and held messages on /metrics, /healthz once Telegram has
been gone past its allowance, and the bot's description set in each language, only when it changed."""

from __future__ import annotations

import time
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.health import HealthLimits, HealthSources, make_app
from bot.i18n import Catalogues
from bot.metrics import Metrics, Readings
from bot.telegram.texts import DESCRIPTION, SHORT_DESCRIPTION
from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import TelegramStreet


async def _get(sources: HealthSources, path: str) -> tuple[int, str]:
    client = TestClient(TestServer(make_app(sources), host="127.0.0.1"))
    await client.start_server()
    try:
        response = await client.get(path)
        return response.status, await response.text()
    finally:
        await client.close()


def _sources(tg: TelegramStreet, **extra: object) -> HealthSources:
    metrics = Metrics()
    metrics.attach(Readings([tg.adapter], tg.store.db, tg.store.held))
    return HealthSources(tg.store.stats, [tg.adapter], lambda: True, metrics=metrics, **extra)  # type: ignore[arg-type]


async def test_metrics_show_429s_met_and_messages_held(tg: TelegramStreet, api: FakeBotApi) -> None:
    sources = _sources(tg)
    _, before = await _get(sources, "/metrics")
    assert 'doorstep_rate_limited_total{platform="telegram"} 0.0' in before
    assert "doorstep_messages_held_total 0.0" in before

    rosa = api.user("Rosa", started=True)
    api.faults.append(Fault({"sendMessage"}, status=429, description="Too Many Requests: retry after 1",
                            parameters={"retry_after": 1}))
    api.dm(rosa, "/help")
    await api.until(lambda: api.messages_in(rosa), what="the answer, once the 429 is waited out")

    # Olga never opened a private chat with the bot: what's for her alone waits.
    olga, sam = api.user("Olga"), api.user("Sam", started=True)
    elm = api.group("Elm Street", [olga, sam, rosa])
    api.say(olga, elm, "/offer I can pick up shopping on weekday mornings")
    await api.next_in(elm, 0)
    api.say(sam, elm, "/ask could someone pick up milk tomorrow morning?")
    await api.until(lambda: tg.store.held.held >= 1, what="a message kept for Olga")

    _, after = await _get(sources, "/metrics")
    assert 'doorstep_rate_limited_total{platform="telegram"} 1.0' in after
    assert 'doorstep_rate_limited_wait_seconds_total{platform="telegram"} 1.0' in after
    assert "doorstep_messages_held_total 1.0" in after and "doorstep_waiting_messages 1.0" in after
    assert 'doorstep_sends_waiting{platform="telegram"}' in after
    for personal in ("Rosa", "Olga", "Elm Street", "milk", str(olga.id), str(elm.id)):
        assert personal not in after


async def test_healthz_says_unhealthy_once_telegram_is_gone_past_its_allowance(
    tg: TelegramStreet, api: FakeBotApi,
) -> None:
    sources = _sources(tg, limits=HealthLimits(platform_down=0))
    assert (await _get(sources, "/healthz"))[0] == 200
    api.faults.append(Fault(None, status=502, description="Bad Gateway", times=None, until=time.monotonic() + 60))
    api.dm(api.user("Rosa", started=True), "/help")  # ends the long poll in flight, so the next one fails
    await api.until(lambda: not tg.adapter.connected, what="the adapter noticing Telegram is gone", timeout=10)
    status, body = await _get(sources, "/healthz")
    assert status == 503 and '"telegram": "disconnected"' in body
    _, metrics = await _get(sources, "/metrics")
    assert 'doorstep_platform_connected{platform="telegram"} 0.0' in metrics
    api.faults.clear()
    await tg.adapter.check_in_with_telegram()
    assert (await _get(sources, "/healthz"))[0] == 200


async def test_descriptions_in_every_language_set_only_when_changed(api: FakeBotApi, tmp_path: Path) -> None:
    catalogues = Catalogues.load()
    street = await TelegramStreet.open(api, tmp_path / "doorstep.sqlite3", catalogues=catalogues)
    await street.close()
    assert api.descriptions[""] == DESCRIPTION and api.short_descriptions[""] == SHORT_DESCRIPTION
    assert api.descriptions["en"] == DESCRIPTION
    assert api.descriptions["pl"] == catalogues.translate("pl", DESCRIPTION) != DESCRIPTION
    assert api.short_descriptions["ro"] == catalogues.translate("ro", SHORT_DESCRIPTION) != SHORT_DESCRIPTION
    assert all(len(text) <= 512 for text in api.descriptions.values())
    assert all(len(text) <= 120 for text in api.short_descriptions.values())
    set_calls = api.calls("setMyDescription"), api.calls("setMyShortDescription")
    assert set_calls == (4, 4)  # everyone, and each of en, pl and ro

    # A restart changes nothing; a description changed elsewhere (say, with @BotFather) is set back.
    api.descriptions["pl"] = "Coś innego"
    street = await TelegramStreet.open(api, tmp_path / "doorstep.sqlite3", catalogues=catalogues)
    await street.close()
    assert (api.calls("setMyDescription"), api.calls("setMyShortDescription")) == (5, 4)
    assert api.descriptions["pl"] == catalogues.translate("pl", DESCRIPTION)


async def test_a_refused_description_does_not_stop_the_bot(api: FakeBotApi, tmp_path: Path) -> None:
    api.faults.append(Fault({"setMyDescription"}, status=400, description="Bad Request: nope", times=None))
    street = await TelegramStreet.open(api, tmp_path / "doorstep.sqlite3")
    try:
        rosa = api.user("Rosa", started=True)
        api.dm(rosa, "/help")
        await api.until(lambda: api.messages_in(rosa), what="an answer")
        assert api.short_descriptions[""] == SHORT_DESCRIPTION
    finally:
        await street.close()
