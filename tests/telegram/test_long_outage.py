"""Telegram failing for a long while — every call answered 502 or not answered in time — while
neighbours keep writing and a check-in falls due: the bot keeps running, keeps retrying, and once
Telegram is back it catches up. No post and no check-in is lost.

"A long while" is scaled down: Telegram's real patience is 15 minutes of retries per message; here
the adapter's patience is 8 seconds (Patience.for_messages) and the outage about 3 seconds, with
requests timing out after 0.3 s instead of 10 s — the same proportions, in seconds instead of minutes."""

from __future__ import annotations

import asyncio
import time
from datetime import time as clock_time
from datetime import timedelta
from pathlib import Path

import pytest

from bot.telegram import sending
from bot.telegram.sending import Patience
from handlers.kernel.checkin_records import EVERY_DAY, Schedule, Tell
from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import START, TelegramStreet, tuned

OUTAGE_S = 3.0
PATIENT = tuned(
    patience=Patience(first_pause=0.05, longest_pause=0.4, for_messages=8.0, for_quick_calls=8.0),
    request_timeout=0.3,
)


async def test_a_long_outage_loses_nothing(api: FakeBotApi, tmp_path: Path) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", PATIENT)
    try:
        rosa, sam = api.user("Rosa", started=True), api.user("Sam", started=True)
        elm = api.group("Elm Street", [rosa, sam])
        api.say(rosa, elm, "/board")
        await api.next_in(elm, 0)
        store = street.store
        rosa_row = await store.neighbours.find("telegram", str(rosa.id))
        elm_row = await store.streets.get_or_create("telegram", str(elm.id), "Elm Street", START)
        assert rosa_row is not None
        await store.checkins.put(
            neighbour_id=rosa_row.id, street_id=elm_row.id, schedule=Schedule(EVERY_DAY, clock_time(10, 0)),
            tell=Tell.NOBODY, escalate_after=timedelta(hours=3), buddy_id=None,
            next_due_at=START + timedelta(hours=1), now=START,
        )

        # Telegram goes away: answers that never come (a gateway timing out), then 502s for everything.
        until = time.monotonic() + OUTAGE_S
        api.faults.append(Fault(None, status=504, description="Gateway Timeout", delay=0.5, times=4))
        api.faults.append(Fault(None, status=502, description="Bad Gateway", times=None, until=until))
        api.say(sam, elm, "/ask could someone lend me a ladder on Saturday?")
        api.say(rosa, elm, "/offer I can water plants while you're away")
        street.clock.advance(timedelta(hours=1))
        due = asyncio.create_task(street.core.run_due())  # the check-in falls due in the middle of it
        await asyncio.sleep(OUTAGE_S / 2)
        assert not due.done()  # still trying, not given up, not crashed
        sends_failed = sum(1 for method, status in api.requests if method == "sendMessage" and status == 502)

        await asyncio.wait_for(due, OUTAGE_S + 8)
        hello = await api.until(lambda: [m for m in api.messages_in(rosa) if "just checking in" in m.text],
                                timeout=10, what="the check-in, once Telegram is back")
        for words in ("could someone lend me a ladder", "water plants"):
            cards = await api.until(lambda: [m for m in api.messages_in(elm) if words in m.text], timeout=10,
                                    what=f"the card with {words!r}")
            assert len(cards) == 1
        assert len(hello) == 1 and sends_failed + api.calls("getUpdates") > 0
        assert await street.count("posts") == 2
        assert await street.count("checkin_occurrences", "stage = 'waiting' AND sent_at IS NOT NULL") == 1
        statuses = {status for method, status in api.requests if method in ("sendMessage", "getUpdates")}
        assert 502 in statuses and 200 in statuses
    finally:
        await street.close()


async def test_after_an_outage_a_groups_cards_are_not_held_behind_a_long_retry(
    api: FakeBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sending fails for 8 s. The first card's tries grow apart (0.5, 1, 2 s …) but no further than a
    few seconds, so once Telegram is back the group's cards follow within moments — not after a pause
    that has doubled to 8 s while the others wait behind it."""
    monkeypatch.setattr(sending.random, "uniform", lambda low, high: 1.0)  # the pauses as planned, no jitter
    outage_s = 8.0
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(patience=Patience(for_messages=60.0)))
    try:
        people = [api.user(name) for name in ("Rosa", "Sam", "Olga")]
        elm = api.group("Elm Street", people)
        api.faults.append(Fault({"sendMessage"}, status=502, description="Bad Gateway", times=None,
                                until=time.monotonic() + outage_s))
        back_at = time.monotonic() + outage_s
        for number, person in enumerate(people):
            api.say(person, elm, f"/ask could someone help with job {number}?")
        await api.until(lambda: len(api.messages_in(elm)) == len(people), timeout=outage_s + 10, what="the cards")
        assert time.monotonic() - back_at < 4.0
    finally:
        await street.close()
