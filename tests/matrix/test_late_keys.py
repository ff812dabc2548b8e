"""An encrypted message whose room key arrives after it: answered once the key comes, instead of never.
In a private chat, a key that takes too long means the neighbour is asked to send it again — and then
the old message is not answered as well when its key turns up."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.matrix.conftest import StreetOnMatrix, StreetRoom


async def _logged(caplog: pytest.LogCaptureFixture, words: str, timeout: float = 20.0) -> None:
    """Polls the log (there is no event to wait on for "the bot saw it and couldn't read it")."""
    async def poll() -> None:
        while not any(words in record.getMessage() for record in caplog.records):
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), timeout)
    except asyncio.TimeoutError:
        raise AssertionError(f"waited {timeout}s for {words!r} in the log") from None


async def test_a_message_is_answered_when_its_key_arrives(
    street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot")
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot, encrypted=True)

    mark = rosa.mark()
    _, release = await rosa.say_with_key_held(room, "!board")
    await _logged(caplog, "could not decrypt an event")
    await release()
    await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    assert any("decrypted an event once its key arrived" in record.getMessage() for record in caplog.records)

    # Privately: the key is too late, so Rosa is asked to send it again, and it isn't answered twice.
    private = await rosa.open_private_chat(bot.user_id)
    await rosa.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    _, release = await rosa.say_with_key_held(private, "!mine")
    await rosa.notice(private, contains="in a way I can't read yet", after=mark, sender=bot.user_id)
    await release()
    await rosa.say(private, "!help")
    await rosa.notice(private, contains="!offer", after=mark, sender=bot.user_id)
    assert rosa.found(mark, private, lambda seen: "nothing open right now" in seen.body) is None
