"""!mydata and !forgetme on Matrix: the summary comes in the private room, and forgetting deletes what
the Matrix adapter keeps itself about the person too (the choices it offered in their private room)."""

from __future__ import annotations

import asyncio

from tests.matrix.conftest import StreetOnMatrix, StreetRoom


async def test_see_and_forget_on_matrix(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot)
    mark = rosa.mark()
    await rosa.say(room, "!offer I can lend a ladder")
    await rosa.notice(room, contains="Rosa is offering", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    private = await rosa.open_private_chat(bot.user_id)
    await rosa.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)

    mark = rosa.mark()
    await rosa.say(private, "!mydata")
    summary = await rosa.notice(private, contains="Here's everything I keep about you", after=mark, sender=bot.user_id)
    assert rosa.user_id in summary.body and "Your asks and offers" in summary.body

    mark = rosa.mark()
    await rosa.say(private, "!ask")  # a question with choices, left unanswered
    await rosa.notice(private, contains="What could you use a hand with?", after=mark, sender=bot.user_id)
    count = "SELECT COUNT(*) FROM matrix_prompts WHERE room_id = ?"
    # The prompt is stored once the homeserver has answered the send, which Rosa's sync may see first.
    for _ in range(200):
        if await bot.store.db.fetch_value(count, (private,)) >= 1:
            break
        await asyncio.sleep(0.05)
    assert await bot.store.db.fetch_value(count, (private,)) >= 1

    mark = rosa.mark()
    await rosa.say(private, "!forgetme")
    await rosa.notice(private, contains="Shall I forget you?", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.say(private, "1")  # "Yes, forget me", by its number
    await rosa.notice(private, contains="I've forgotten you", after=mark, sender=bot.user_id)
    assert await bot.store.db.fetch_value(count, (private,)) == 0
    assert await bot.store.db.fetch_value("SELECT COUNT(*) FROM neighbours WHERE user_id = ?", (rosa.user_id,)) == 0
    assert await bot.store.db.fetch_value("SELECT COUNT(*) FROM posts") == 0
    edited = await rosa.edit_of(room, (await rosa.notice(room, contains="Rosa is offering")).event_id,
                                contains="This one has closed")
    assert "ladder" not in edited.body
