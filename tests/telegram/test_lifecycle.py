"""Starting and stopping for real: `doorstep run`, command menus, a token Telegram refuses, an
unreachable Bot API, and logs that never show the token or what people wrote."""

from __future__ import annotations

import asyncio
import io
import logging
import threading
from pathlib import Path
from typing import Iterator

import pytest
from pydantic import SecretStr

from bot.cli import EXIT_CONFIGURATION, main
from bot.composition import run_platforms
from config import ConfigurationError
from config.settings import DatabaseSettings, Settings, TelegramSettings
from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import TelegramStreet, settings_for, tuned


async def test_command_menus_for_private_chats_groups_and_organisers(tg: TelegramStreet, api: FakeBotApi) -> None:
    private = dict(api.commands["all_private_chats"])
    groups = dict(api.commands["all_group_chats"])
    organisers = dict(api.commands["all_chat_administrators"])
    assert private["ask"] == "Ask your street for a hand" and private["mine"] == "Your open asks and offers"
    assert set(groups) == {"help", "ask", "offer", "board"}  # /mine only works in private
    assert not {"quiet", "digest", "remove", "area"} & set(private)
    # A group's admins see everyone's commands and their own tools.
    assert set(groups) < set(organisers)
    assert {"quiet", "remind", "reminders", "digest", "remove", "pause", "settings", "area", "radius"} <= set(organisers)
    assert organisers["quiet"] == "Who hasn't been around lately"


async def test_doorstep_run_connects_and_stops(api: FakeBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(
        telegram=TelegramSettings(token=SecretStr(api.token), base_url=api.base_url),
        database=DatabaseSettings(path=tmp_path / "doorstep.sqlite3"),
    )
    stop = asyncio.Event()
    running = asyncio.create_task(run_platforms(settings, stop))
    rosa = api.user("Rosa")
    elm = api.group("Elm Street", [rosa])
    api.say(rosa, elm, "/offer I can lend a drill at weekends")
    card = await api.next_in(elm, 0, timeout=10)
    assert card.text.startswith("🎁 Rosa is offering")
    stop.set()
    await asyncio.wait_for(running, 10)
    assert (tmp_path / "doorstep.sqlite3").exists()


async def test_a_refused_token_names_the_setting(api: FakeBotApi, tmp_path: Path) -> None:
    wrong = TelegramSettings(token=SecretStr("999:not-the-right-token"), base_url=api.base_url)
    with pytest.raises(ConfigurationError, match="DOORSTEP_TELEGRAM__TOKEN") as problem:
        await TelegramStreet.open(api, tmp_path / "db.sqlite3", settings=wrong)
    assert "not-the-right-token" not in str(problem.value)


async def test_an_unreachable_bot_api_names_the_setting(tmp_path: Path) -> None:
    async with FakeBotApi() as api:
        settings = settings_for(api)
    # The server is gone: nothing listens there any more.
    with pytest.raises(ConfigurationError, match="DOORSTEP_TELEGRAM__BASE_URL"):
        await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(start_patience=0.5), settings=settings)


async def test_logs_hold_no_token_and_no_words(api: FakeBotApi, tmp_path: Path, debug_log: io.StringIO) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3")
    try:
        rosa = api.user("Rosa", started=True)
        api.faults.append(Fault({"sendMessage"}, status=404, description="Not Found"))
        api.dm(rosa, "/ask could someone fetch my secret-word-parcel?")
        await api.until(lambda: api.calls("sendMessage") >= 1, what="the refused send")
        api.dm(rosa, "/help")
        await api.until(lambda: api.messages_in(rosa), what="the next reply")
    finally:
        await street.close()
    logging.getLogger("test").error("a library's error mentioning %s", api.base_url + api.token)
    written = debug_log.getvalue()
    assert "method=sendMessage" in written  # a 404 is logged with the method it came from
    assert api.token not in written and "[redacted]" in written
    assert "secret-word-parcel" not in written and "Rosa" not in written


@pytest.fixture
def server_in_a_thread() -> Iterator[FakeBotApi]:
    """For the command line, which runs its own event loop: the fake server runs in another thread."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: list[FakeBotApi] = []

    async def serve() -> None:
        holder.append(await FakeBotApi().start())
        ready.set()

    thread = threading.Thread(target=lambda: (loop.run_until_complete(serve()), loop.run_forever()), daemon=True)
    thread.start()
    ready.wait(5)
    yield holder[0]
    asyncio.run_coroutine_threadsafe(holder[0].close(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


def test_doorstep_run_with_a_refused_token_exits_with_2(
    server_in_a_thread: FakeBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOORSTEP_TELEGRAM__TOKEN", "999:not-the-right-token")
    monkeypatch.setenv("DOORSTEP_TELEGRAM__BASE_URL", server_in_a_thread.base_url)
    monkeypatch.setenv("DOORSTEP_DATABASE__PATH", str(tmp_path / "doorstep.sqlite3"))
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        assert main(["run"]) == EXIT_CONFIGURATION
    finally:
        root.handlers[:], root.level = saved
    err = capsys.readouterr().err
    assert "DOORSTEP_TELEGRAM__TOKEN" in err and "not-the-right-token" not in err
    # Once: one clear line, one try (a refused token isn't tried again).
    assert err.count("DOORSTEP_TELEGRAM__TOKEN") == 1 and server_in_a_thread.calls("getMe") == 1


def test_in_the_container_a_refused_token_stops_for_good(
    server_in_a_thread: FakeBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """The image runs `doorstep run --needs-a-person-status 0`: its restart-on-failure policy then leaves
    it stopped, as systemd's RestartPreventExitStatus=2 3 does."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOORSTEP_TELEGRAM__TOKEN", "999:not-the-right-token")
    monkeypatch.setenv("DOORSTEP_TELEGRAM__BASE_URL", server_in_a_thread.base_url)
    monkeypatch.setenv("DOORSTEP_DATABASE__PATH", str(tmp_path / "doorstep.sqlite3"))
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        assert main(["run", "--needs-a-person-status", "0"]) == 0
    finally:
        root.handlers[:], root.level = saved
    err = capsys.readouterr().err
    assert err.count("DOORSTEP_TELEGRAM__TOKEN") == 1 and "exit status 0 instead of 2" in err
