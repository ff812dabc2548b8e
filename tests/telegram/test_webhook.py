"""Webhook mode: Telegram pushes updates to us, and only requests carrying the secret are believed."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from aiohttp import ClientSession
from pydantic import SecretStr

from config import ConfigurationError, load_settings
from tests.telegram.fake_bot_api import SECRET_HEADER, FakeBotApi
from tests.telegram.street import TelegramStreet, settings_for

SECRET = "s3cret-webhook-token-for-tests"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_only_requests_with_the_secret_are_taken(api: FakeBotApi, tmp_path: Path) -> None:
    port = free_port()
    hook = f"http://127.0.0.1:{port}/telegram-hook"
    settings = settings_for(api, webhook_url=hook, webhook_secret=SecretStr(SECRET), webhook_port=port)
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", settings=settings)
    try:
        assert api.webhook == {"url": hook, "secret_token": SECRET}
        rosa = api.user("Rosa", started=True)
        forged = {"update_id": 999, "message": {
            "message_id": 1, "date": 0, "chat": {"id": rosa.id, "type": "private", "first_name": "Rosa"},
            "from": rosa.json(), "text": "/ask could someone wire me money?",
            "entities": [{"type": "bot_command", "offset": 0, "length": 4}],
        }}
        async with ClientSession() as client:
            for headers in ({}, {SECRET_HEADER: "guess"}, {SECRET_HEADER: SECRET[:-1]}):
                async with client.post(hook, data=json.dumps(forged), headers={"Content-Type": "application/json", **headers}) as answer:
                    assert answer.status == 403
        api.dm(rosa, "/help")  # Telegram itself, with the secret
        reply = await api.next_in(rosa, 0)
        assert reply.text.startswith("👋 Here's what I can do:")
        assert [m.text for m in api.messages_in(rosa)] == [reply.text]  # nothing came of the forged ones
        assert await street.count("neighbours") == 1 and await street.count("posts") == 0
        assert api.calls("getUpdates") == 0
        assert all(status == 200 for status in api.webhook_deliveries)
    finally:
        await street.close()


async def test_a_port_already_taken_names_the_setting(api: FakeBotApi, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = settings_for(api, webhook_url=f"http://127.0.0.1:{port}/hook", webhook_secret=SecretStr(SECRET),
                                webhook_port=port)
        with pytest.raises(ConfigurationError, match="DOORSTEP_TELEGRAM__WEBHOOK_PORT"):
            await TelegramStreet.open(api, tmp_path / "db.sqlite3", settings=settings)


def test_a_secret_telegram_would_refuse_is_caught_in_the_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOORSTEP_TELEGRAM__WEBHOOK_URL", "https://bot.example.org/telegram")
    monkeypatch.setenv("DOORSTEP_TELEGRAM__WEBHOOK_SECRET", "not allowed: spaces!")
    with pytest.raises(ConfigurationError, match="DOORSTEP_TELEGRAM__WEBHOOK_SECRET"):
        load_settings()
