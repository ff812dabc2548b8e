"""Pacing under the flood limits, and what is retried (and how) when Telegram says no."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta

import pytest
from telegram.error import BadRequest, ChatMigrated, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut

from bot.telegram.pacing import Limits, Pacer, Rate
from bot.telegram.sending import GaveUp, Patience, Refused, Sender

QUICK = Patience(first_pause=0.01, longest_pause=0.05, for_messages=1.0, for_quick_calls=0.3)


async def send_all(pacer: Pacer, chats: list[str]) -> list[tuple[str, float]]:
    sent: list[tuple[str, float]] = []

    async def one(chat: str) -> None:
        async with pacer.queue(chat) as line:
            async with line.slot():
                sent.append((chat, time.monotonic()))

    await asyncio.gather(*(one(chat) for chat in chats))
    return sent


def most_in_any_window(times: list[float], period: float) -> int:
    return max(sum(1 for other in times if start <= other < start + period) for start in times)


async def test_never_more_than_the_overall_rate() -> None:
    pacer = Pacer(Limits(overall=Rate(4, 0.2), private=Rate(10, 1.0), slack=0.0))
    sent = await send_all(pacer, [str(n) for n in range(1, 11)])
    times = [t for _, t in sent]
    assert most_in_any_window(times, 0.2) <= 4
    assert max(times) - min(times) >= 0.4


async def test_a_busy_group_does_not_hold_up_private_messages() -> None:
    pacer = Pacer(Limits(overall=Rate(100, 1.0), group=Rate(2, 0.3), private=Rate(1, 1.0), slack=0.0))
    sent = await send_all(pacer, ["-100"] * 5 + ["1", "2", "3"])
    group = [t for chat, t in sent if chat == "-100"]
    private = [t for chat, t in sent if chat != "-100"]
    assert most_in_any_window(group, 0.3) <= 2
    assert max(private) < sorted(group)[2]  # all private ones went before the group's third


async def test_one_chat_gets_its_messages_in_order() -> None:
    pacer = Pacer(Limits(private=Rate(2, 0.1), slack=0.0))
    order: list[int] = []

    async def one(n: int) -> None:
        async with pacer.queue("7") as line:
            async with line.slot():
                order.append(n)

    await asyncio.gather(*(one(n) for n in range(6)))
    assert order == list(range(6))


async def test_a_slot_is_held_until_a_period_after_the_answer() -> None:
    """Telegram counts a request when it arrives, anywhere between leaving and its answer."""
    pacer = Pacer(Limits(overall=Rate(1000, 1.0), private=Rate(1, 0.2), slack=0.0))
    async with pacer.queue("7") as line:
        async with line.slot():
            await asyncio.sleep(0.15)  # a slow answer
        answered = time.monotonic()
        async with line.slot():
            assert time.monotonic() - answered >= 0.19


async def test_a_pause_holds_that_chat_only() -> None:
    pacer = Pacer(Limits(private=Rate(1000, 1.0), slack=0.0))
    pacer.pause("7", 0.2)
    started = time.monotonic()
    sent = dict(await send_all(pacer, ["7", "8"]))
    assert sent["7"] - started >= 0.2 and sent["8"] - started < 0.1


async def test_idle_chats_are_forgotten() -> None:
    pacer = Pacer(Limits(overall=Rate(1000, 1.0), private=Rate(1, 0.01), slack=0.0))
    pacer.PRUNE_ABOVE, pacer.PRUNE_EVERY = 10, 1
    await send_all(pacer, [str(n) for n in range(1, 50)])
    await asyncio.sleep(0.02)
    await send_all(pacer, ["1000"])
    assert pacer.chats_remembered() <= 10


class Flaky:
    """A Bot API call that fails the given ways first, then succeeds; remembers the chats it was given."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.chats: list[str] = []

    async def __call__(self, chat_id: str) -> str:
        self.chats.append(chat_id)
        if self.failures:
            raise self.failures.pop(0)
        return "sent"


def sender(patience: Patience = QUICK) -> Sender:
    roomy = Rate(1000, 1.0)
    return Sender(Pacer(Limits(overall=roomy, group=roomy, private=roomy, slack=0.0)), patience)


async def test_a_429_is_waited_out_as_long_as_asked() -> None:
    call, chosen = Flaky(RetryAfter(timedelta(milliseconds=200))), sender()
    started = time.monotonic()
    assert await chosen.message("sendMessage", "7", call) == "sent"
    assert time.monotonic() - started >= 0.2 and chosen.rate_limited == 1 and len(call.chats) == 2


async def test_network_errors_and_5xx_are_retried() -> None:
    call = Flaky(NetworkError("Bad Gateway"), TimedOut(), NetworkError("Internal Server Error"))
    assert await sender().message("sendMessage", "7", call) == "sent"
    assert len(call.chats) == 4


async def test_refusals_are_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    for error, forbidden in ((BadRequest("Bad Request: chat not found"), False),
                             (Forbidden("Forbidden: bot was blocked by the user"), True),
                             (InvalidToken("Not Found"), False)):
        call = Flaky(error)
        with pytest.raises(Refused) as refused:
            await sender().message("sendMessage", "7", call)
        assert refused.value.forbidden is forbidden and len(call.chats) == 1
    assert "method=sendMessage" in caplog.text and "Not Found" in caplog.text


async def test_patience_runs_out() -> None:
    call = Flaky(*[NetworkError("Bad Gateway")] * 100)
    with pytest.raises(GaveUp):
        await sender(Patience(first_pause=0.05, longest_pause=0.05, for_messages=0.2)).message("sendMessage", "7", call)
    assert 2 <= len(call.chats) <= 6


async def test_stopping_ends_the_waiting() -> None:
    chosen = sender(Patience(first_pause=5.0, longest_pause=5.0, for_messages=60.0))
    waiting = asyncio.create_task(chosen.message("sendMessage", "7", Flaky(NetworkError("Bad Gateway"))))
    await asyncio.sleep(0.05)
    chosen.stop_waiting()
    with pytest.raises(GaveUp):
        await asyncio.wait_for(waiting, 1.0)


async def test_a_group_that_moved_is_followed_from_then_on() -> None:
    chosen, call = sender(), Flaky(ChatMigrated(-100777))
    assert await chosen.message("sendMessage", "-5", call) == "sent"
    assert call.chats == ["-5", "-100777"]
    await chosen.message("sendMessage", "-5", call)
    assert call.chats[-1] == "-100777" and chosen.chat("-5") == "-100777"


async def test_stopping_ends_the_wait_for_a_slot() -> None:
    chosen = Sender(Pacer(Limits(group=Rate(1, 60.0), slack=0.0)), QUICK)
    assert await chosen.message("sendMessage", "-100", Flaky()) == "sent"
    waiting = asyncio.create_task(chosen.message("sendMessage", "-100", Flaky()))  # next slot in a minute
    await asyncio.sleep(0.05)
    chosen.stop_waiting()
    with pytest.raises(GaveUp):
        await asyncio.wait_for(waiting, 1.0)
