from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

import pytest

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
async def tg(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[TelegramStreet]:
    street = await TelegramStreet.open(api, tmp_path / "doorstep.sqlite3")
    yield street
    await street.close()
