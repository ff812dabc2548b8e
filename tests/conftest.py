from __future__ import annotations

import io
import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest

from bot import logs
from bot.clock import ManualClock
from config.errors import ENV_PREFIX
from handlers.app import Doorstep
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit

# A Monday morning in March, outside any daylight-saving change.
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = await SqliteStore.open(tmp_path / "doorstep.sqlite3")
    yield opened
    await opened.close()


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def core_settings() -> CoreSettings:
    return CoreSettings()


@pytest.fixture
def street(store: SqliteStore, notifier: RecordingNotifier, clock: ManualClock, core_settings: CoreSettings) -> StreetKit:
    return StreetKit(Doorstep(store, notifier, clock, core_settings), store, notifier, clock)


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """Everything logged meanwhile, at DEBUG, the way `doorstep run` configures logging; put back after."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved = root.handlers[:], root.level, {name: logging.getLogger(name).level for name in logs.QUIET_LIBRARIES}
    logs.configure("DEBUG", stream)
    try:
        yield stream
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only what a test sets counts: no stray DOORSTEP_ variables and no .env from the checkout."""
    for key in list(os.environ):
        if key.startswith(ENV_PREFIX):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
