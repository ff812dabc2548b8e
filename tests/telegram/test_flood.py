"""A burst of 200 neighbours at once, with Telegram's flood limits on (time scaled down): nothing is
lost, and no 429 goes unhandled."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.telegram.pacing import Limits, Rate
from tests.telegram.fake_bot_api import FakeBotApi, FloodLimits, Limit
from tests.telegram.street import TelegramStreet, eventually, tuned

# Telegram's limits with time sped up: 20 a "minute" per group (here a second), and the overall
# limit raised in step so the test stays short.
SERVER = FloodLimits(overall=Limit(100, 1.0), group=Limit(20, 1.0), private=Limit(1, 1.0))
MATCHING = Limits(overall=Rate(100, 1.0), group=Rate(20, 1.0), private=Rate(1, 1.0), slack=0.02)
TOO_EAGER = Limits(overall=Rate(200, 1.0), group=Rate(40, 1.0), private=Rate(2, 1.0), slack=0.0)
POSTERS, ASKERS = 40, 160


@pytest.mark.parametrize(("pacing", "expect_429s"), [(MATCHING, False), (TOO_EAGER, True)], ids=["paced", "retried"])
async def test_a_burst_of_200(tmp_path: Path, caplog: pytest.LogCaptureFixture, pacing: Limits, expect_429s: bool) -> None:
    caplog.set_level(logging.WARNING)
    async with FakeBotApi(limits=SERVER) as api:
        street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(limits=pacing))
        try:
            posters = [api.user(f"Poster{n}") for n in range(POSTERS)]
            askers = [api.user(f"Asker{n}") for n in range(ASKERS)]
            elm = api.group("Elm Street", posters)
            for n, poster in enumerate(posters):
                api.say(poster, elm, f"/offer I can lend a ladder, number {n}")
            for asker in askers:
                api.dm(asker, "/help")

            await api.until(lambda: len(api.messages_in(elm)) == POSTERS and all(api.messages_in(a) for a in askers),
                            timeout=20, what="every reply")
            cards = api.messages_in(elm)
            assert sorted(int(c.text.split("number ")[1].rstrip("”")) for c in cards) == list(range(POSTERS))
            assert all(len(api.messages_in(a)) == 1 for a in askers)

            async def every_card_remembered() -> bool:
                return await street.count("cards") == POSTERS

            await eventually(every_card_remembered, "every card remembered")
            assert (api.rate_limited > 0) == expect_429s
            assert street.adapter.sender.rate_limited == api.rate_limited  # every 429 was met and waited out
            assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
        finally:
            await street.close()
