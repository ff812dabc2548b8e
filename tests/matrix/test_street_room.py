"""Offer, ask and match in a street room, through reactions, against a real homeserver — in a plain
room and in an encrypted one, where the neighbours must decrypt what the bot says."""

from __future__ import annotations

import asyncio

import pytest

from tests.matrix.conftest import StreetOnMatrix, StreetRoom


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_offer_ask_and_match_by_reactions(street: StreetOnMatrix, street_room: StreetRoom, encrypted: bool) -> None:
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam, encrypted=encrypted)

    mark = sam.mark()
    await sam.say(room, "!offer I can pick up shopping on weekday mornings")
    offer = await sam.notice(room, contains="Sam is offering", after=mark, sender=bot.user_id)
    assert "“I can pick up shopping on weekday mornings”" in offer.body
    assert offer.content["format"] == "org.matrix.custom.html" and "<br>" in offer.html
    assert "👍 Yes please" in offer.body and "React with 👍" in offer.body
    assert await sam.reactions_on(room, offer.event_id, 1, bot.user_id) == ["👍"]

    mark_rosa, mark_sam = rosa.mark(), sam.mark()
    await rosa.say(room, "!ask Could someone pick up milk, bread and eggs tomorrow morning?")
    ask = await rosa.notice(room, contains="Rosa could use a hand", after=mark_rosa, sender=bot.user_id)
    assert "👍 I can help" in ask.body
    # Sam offered shopping: he hears of the ask privately, in a direct room the bot opens.
    sam_private = await sam.private_room_with(bot.user_id)
    fits = await sam.notice(sam_private, contains="fits what you offered", after=mark_sam, sender=bot.user_id)
    assert "milk, bread and eggs" in fits.body

    mark_rosa, mark_sam = rosa.mark(), sam.mark()
    await sam.react(room, ask.event_id, "👍", encrypted=encrypted)
    thanks = await sam.notice(room, contains="Thank you!", after=mark_sam, sender=bot.user_id)
    assert thanks.content["m.relates_to"]["m.in_reply_to"]["event_id"] == ask.event_id
    assert f'href="https://matrix.to/#/{sam.user_id}"' in thanks.html and sam.user_id in thanks.content["m.mentions"]["user_ids"]
    rosa_private = await rosa.private_room_with(bot.user_id)
    question = await rosa.notice(rosa_private, contains="Sam can help with your ask", after=mark_rosa, sender=bot.user_id)
    assert f'<a href="https://matrix.to/#/{sam.user_id}">Sam</a>' in question.html
    assert "✅ Yes please — share my username" in question.body and "❌ Not this time" in question.body
    assert "💬 Yes please — talk through Doorstep" in question.body
    assert sorted(await rosa.reactions_on(rosa_private, question.event_id, 3, bot.user_id)) == ["✅", "❌", "💬"]
    await rosa.edit_of(room, ask.event_id, contains="Someone has offered", after=mark_rosa)

    mark_rosa, mark_sam = rosa.mark(), sam.mark()
    await rosa.react(rosa_private, question.event_id, "✅️")  # with a variation selector, as some clients send it
    await rosa.notice(rosa_private, contains="You and Sam are in touch", after=mark_rosa, sender=bot.user_id)
    await sam.notice(sam_private, contains="Rosa said yes!", after=mark_sam, sender=bot.user_id)
    sorted_card = await rosa.edit_of(room, ask.event_id, contains="✅ Sorted", after=mark_rosa)
    assert "React with" not in sorted_card.content["m.new_content"]["body"]
    if encrypted:
        for person in (rosa, sam):
            from_bot = [s for s in person.seen if s.event.sender == bot.user_id and s.type == "m.room.message"]
            assert from_bot and all(getattr(s.event, "decrypted", False) for s in from_bot if s.room_id == room)
            assert not person.undecrypted()


async def test_invites_from_other_homeservers_are_declined(street: StreetOnMatrix) -> None:
    bot = await street.bot(allowed_homeservers=("elsewhere.example",))
    rosa = await street.neighbour("Rosa")  # on the test homeserver, which isn't allowed here
    room = await rosa.create_room("Elm Street", invite=[bot.user_id])

    def declined() -> bool:
        return rosa.found(0, room, lambda s: s.type == "m.room.member" and s.event.state_key == bot.user_id
                          and s.content.get("membership") == "leave") is not None

    await rosa.until(declined, what="the bot to decline")
    assert room not in bot.adapter.client.rooms


async def test_joining_and_leaving_the_street_room(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, joe = await street.neighbour("Rosa"), await street.neighbour("Joe")
    room = await street_room(rosa, bot)

    async def members() -> set[str]:
        rows = await bot.store.db.fetch_all(
            "SELECT n.user_id FROM street_members m JOIN neighbours n ON n.id = m.neighbour_id"
        )
        return {row["user_id"] for row in rows}

    await rosa.invite(room, joe.user_id)
    await joe.until(lambda: room in joe.client.rooms, what="joining the street")
    await _eventually(lambda: members(), lambda found: joe.user_id in found)
    await joe.leave(room)
    await _eventually(lambda: members(), lambda found: joe.user_id not in found)


async def _eventually(read, check, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Polls the bot's database (nothing to wait on there) until `check` holds."""
    async def poll() -> None:
        while not check(await read()):
            await asyncio.sleep(0.05)

    await asyncio.wait_for(poll(), timeout)
