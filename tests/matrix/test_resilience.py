"""The homeserver limiting the bot's rate, going away and coming back: the bot waits as asked, keeps
syncing from where it was, and loses nothing it was told or had to say."""

from __future__ import annotations

import asyncio
import logging
from typing import AsyncIterator

import pytest

from handlers.messages import SendStatus, msg
from tests.matrix.conftest import StreetOnMatrix, StreetRoom
from tests.matrix.proxy import Outage, Relay


@pytest.fixture
async def relay(street: StreetOnMatrix) -> AsyncIterator[Relay]:
    started = await Relay(street.server.port).start()
    yield started
    for bot in street.bots:  # before the relay goes, so nothing is left trying to get through it
        await bot.stop()
    await started.close()


async def _until(check, what: str, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Polls a condition the bot exposes (there is no event to wait on for "sync failed")."""
    async def poll() -> None:
        while not check():
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), timeout)
    except asyncio.TimeoutError:
        raise AssertionError(f"waited {timeout}s for {what}") from None


async def test_rate_limits_are_waited_out(street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot)
    street.server.limit_messages(bot.user_id, per_second=2, burst=1)
    caplog.set_level(logging.WARNING, logger="nio")

    mark = rosa.mark()
    await rosa.say(room, "!offer I can lend a ladder")
    await rosa.say(room, "!help")
    card = await rosa.notice(room, contains="Rosa is offering", after=mark, sender=bot.user_id)
    await rosa.notice(room, contains="I help neighbours", after=mark, sender=bot.user_id)
    assert await rosa.reactions_on(room, card.event_id, 1, bot.user_id) == ["👍"]
    assert any("429" in record.getMessage() for record in caplog.records), "the homeserver did limit the bot"


async def test_the_homeserver_going_away_and_coming_back(street: StreetOnMatrix, street_room: StreetRoom, relay: Relay) -> None:
    bot = await street.bot(homeserver=relay.url)
    rosa = await street.neighbour("Rosa")  # talks to the homeserver directly
    room = await street_room(rosa, bot)

    # Its reverse proxy answers 502 for a while: the bot keeps trying, and catches up after.
    relay.cut(Outage.BAD_GATEWAY)
    await _until(lambda: not bot.adapter.syncing, "the bot to notice the homeserver is away")
    mark = rosa.mark()
    await rosa.say(room, "!offer I can water plants while you're away")
    relay.restore()
    await rosa.notice(room, contains="Rosa is offering", after=mark, sender=bot.user_id)
    assert bot.adapter.syncing

    # The connection drops while the bot has something to say: it says it once it can.
    relay.cut(Outage.DROP)
    sending = asyncio.create_task(bot.adapter.notifier.say(room, msg("Still here 👋")))
    await relay.turned_away_at_least(relay.turned_away + 2)
    assert not sending.done()
    mark = rosa.mark()
    relay.restore()
    assert (await asyncio.wait_for(sending, 20)).status is SendStatus.SENT
    await rosa.notice(room, contains="Still here", after=mark, sender=bot.user_id)
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Open on Elm Street", after=mark, sender=bot.user_id)
