"""Plain words on Matrix, in an encrypted private chat, as plain messages (not replies, not reactions):
an ask in a neighbour's own words is posted with a typed yes, and a typed yes forgets someone."""

from __future__ import annotations

from tests.matrix.conftest import StreetOnMatrix, StreetRoom


async def test_plain_words_and_typed_answers_on_matrix(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    margaret = await street.neighbour("Margaret")
    room = await street_room(margaret, bot)
    mark = margaret.mark()
    await margaret.say(room, "!board")
    await margaret.notice(room, after=mark, sender=bot.user_id)
    mark = margaret.mark()
    private = await margaret.open_private_chat(bot.user_id)
    await margaret.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)

    mark = margaret.mark()
    await margaret.say(private, "Hello dear, could someone pick up my milk tomorrow please?")
    await margaret.notice(private, contains="Shall I ask your street for you?", after=mark, sender=bot.user_id)
    mark = margaret.mark()
    await margaret.say(private, "yes please")
    card = await margaret.notice(room, contains="A neighbour could use a hand", after=mark, sender=bot.user_id)
    assert "Margaret" not in card.body and "milk" in card.body
    await margaret.notice(private, contains="as from “a neighbour”", after=mark, sender=bot.user_id)

    mark = margaret.mark()
    await margaret.say(private, "!forgetme")
    await margaret.notice(private, contains="Shall I forget you?", after=mark, sender=bot.user_id)
    mark = margaret.mark()
    await margaret.say(private, "yes, forget me")
    await margaret.notice(private, contains="I've forgotten you", after=mark, sender=bot.user_id)
    assert await bot.store.db.fetch_value("SELECT COUNT(*) FROM neighbours WHERE user_id = ?", (margaret.user_id,)) == 0
