"""The homeserver limiting the bot's rate, going away and coming back: the bot waits as asked, keeps
syncing from where it was, and loses nothing it was told or had to say."""

from __future__ import annotations

import asyncio
import logging
from datetime import time, timedelta

import pytest

from handlers.kernel.checkin_records import EVERY_DAY, Schedule, Tell
from handlers.kernel.messages import SendStatus, msg
from tests.matrix.conftest import StreetOnMatrix, StreetRoom, polled_until
from tests.matrix.proxy import Outage, Relay


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
    await polled_until(lambda: not bot.adapter.syncing, "the bot to notice the homeserver is away")
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


async def test_a_checkin_due_while_the_homeserver_is_away_still_arrives(
    street: StreetOnMatrix, street_room: StreetRoom, relay: Relay,
) -> None:
    """The homeserver away for "minutes", scaled down: the bot's send patience is 20 s in these tests
    (Patience.send_s; 5 minutes for real) and the outage about 3 s. A check-in falling due meanwhile
    waits and goes out when the homeserver is back — once — and is recorded as sent."""
    bot = await street.bot(homeserver=relay.url)
    rosa = await street.neighbour("Rosa")
    await street_room(rosa, bot)
    mark = rosa.mark()
    private = await rosa.open_private_chat(bot.user_id)
    await rosa.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    store = bot.store
    neighbour = await store.neighbours.find("matrix", rosa.user_id)
    streets = await store.streets.of_neighbour(neighbour.id) if neighbour else []
    assert neighbour is not None and streets
    await store.checkins.put(
        neighbour_id=neighbour.id, street_id=streets[0].id, schedule=Schedule(EVERY_DAY, time(10, 0)),
        tell=Tell.NOBODY, escalate_after=timedelta(hours=3), buddy_id=None,
        next_due_at=bot.clock.now() + timedelta(hours=1), now=bot.clock.now(),
    )

    relay.cut(Outage.BAD_GATEWAY)
    await polled_until(lambda: not bot.adapter.syncing, "the bot to notice the homeserver is away")
    bot.clock.advance(timedelta(hours=1))
    mark = rosa.mark()
    due = asyncio.create_task(bot.core.run_due())
    await relay.turned_away_at_least(relay.turned_away + 3)
    assert not due.done()  # still trying
    relay.restore()
    await asyncio.wait_for(due, 30)
    await rosa.notice(private, contains="just checking in", after=mark, sender=bot.user_id)
    assert await store.db.fetch_value("SELECT COUNT(*) FROM checkin_occurrences WHERE stage = 'waiting'") == 1
