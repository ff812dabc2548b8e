"""Restarting the bot: the same device and encryption keys, the sync position kept (what was said
while it was away is answered once; nothing from before is answered again), and the choices on its
old messages still work."""

from __future__ import annotations

import shutil

from bot.matrix.identity import identity_path
from tests.matrix.conftest import StreetOnMatrix, StreetRoom


async def test_a_restart_keeps_decrypting_and_does_not_answer_old_commands(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam, encrypted=True)
    device = bot.adapter.client.device_id

    mark = sam.mark()
    await sam.say(room, "!offer I can walk a dog on weekday mornings")
    card = await sam.notice(room, contains="Sam is offering", after=mark, sender=bot.user_id)

    await bot.stop()
    mark = rosa.mark()
    await rosa.say(room, "!board")  # said while the bot is away
    await bot.restart()
    assert bot.adapter.client.device_id == device

    board = await rosa.notice(room, contains="Open on Elm Street", after=mark, sender=bot.user_id)
    assert getattr(board.event, "decrypted", False)
    offers = [s for s in rosa.seen if s.event.sender == bot.user_id and "Sam is offering" in s.body]
    assert len(offers) == 1, "the offer from before the restart was not posted again"
    greetings = [s for s in rosa.seen if s.event.sender == bot.user_id and "I help neighbours" in s.body]
    assert len(greetings) == 1

    # The card from before the restart still answers its reaction, and new messages still decrypt.
    mark, mark_sam = rosa.mark(), sam.mark()
    await rosa.react(room, card.event_id, "👍", encrypted=True)
    await rosa.notice(room, contains="I've let them know", after=mark, sender=bot.user_id)
    private = await sam.private_room_with(bot.user_id)
    await sam.notice(private, contains="Rosa would like your offer", after=mark_sam, sender=bot.user_id)
    assert not rosa.undecrypted() and not sam.undecrypted()


async def test_a_new_device_does_not_answer_history(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot)
    await bot.stop()
    mark = rosa.mark()
    await rosa.say(room, "!board")
    await rosa.say(room, "!offer I can lend a ladder")

    # A fresh install: no session, no keys, no sync position — only the cross-signing identity, put back
    # from the backup (without it, start-up stops: tests/matrix/test_cross_signing.py).
    identity = identity_path(bot.settings.store_path).read_text()
    shutil.rmtree(bot.settings.store_path)
    bot.settings.store_path.mkdir(parents=True)
    identity_path(bot.settings.store_path).write_text(identity)
    old_device = bot.adapter.client.device_id
    await bot.restart()
    assert bot.adapter.client.device_id != old_device

    await rosa.say(room, "!help")
    await rosa.notice(room, contains="I help neighbours", after=mark, sender=bot.user_id)
    answered = [s.body for s in rosa.seen[mark:] if s.event.sender == bot.user_id and s.type == "m.room.message"]
    assert len(answered) == 1, answered
