"""Odd things neighbours (and other bots) send: each gets a short, kind answer or is left alone, and
the bot carries on."""

from __future__ import annotations

import logging
import secrets

import pytest

from handlers.kernel.incoming import Incoming, IncomingKind
from tests.matrix.conftest import StreetOnMatrix, StreetRoom


async def test_empty_long_unknown_and_invisible(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot)

    mark = rosa.mark()
    await rosa.say(room, "!ask " + "milk and bread " * 334)  # about 5,000 characters
    await rosa.notice(room, contains="That's a bit long for a card", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.say(room, "!frobnicate")
    unknown = await rosa.notice(room, contains="I don't know", after=mark, sender=bot.user_id)
    assert "“!frobnicate”" in unknown.body and "!help shows what I can do" in unknown.body
    mark = rosa.mark()
    await rosa.say(room, "!offer 🙂🙂🙂")
    await rosa.notice(room, contains="I couldn't quite read that", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.say(room, "!offer a lift\u0007 to town")
    await rosa.notice(room, contains="invisible characters", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.say(room, "")  # an empty message, not addressed to the bot: left alone
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    answered = [s for s in rosa.seen[mark:] if s.room_id == room and s.event.sender == bot.user_id and s.type == "m.room.message"]
    assert len(answered) == 1
    assert await bot.store.db.fetch_value("SELECT COUNT(*) FROM posts") == 0


async def test_chatter_notices_and_edits_are_not_commands(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam, joe = await street.neighbour("Rosa"), await street.neighbour("Sam"), await street.neighbour("Joe")
    room = await street_room(rosa, bot, sam, joe)

    heard: list[Incoming] = []
    handle = bot.core.handle

    async def listening(incoming: Incoming) -> None:
        heard.append(incoming)
        await handle(incoming)

    bot.core.handle = listening  # type: ignore[method-assign]
    mark = rosa.mark()
    await joe.say(room, "Morning all! Anyone seen the cat?")  # neighbours talking: not for the bot
    await sam.client.room_send(room, "m.room.message", {"msgtype": "m.notice", "body": "!ask from another bot"})
    original = await sam.say(room, "!hlep")
    unknown = await rosa.notice(room, contains="I don't know", after=mark, sender=bot.user_id)
    await sam.client.room_send(room, "m.room.message", {
        "msgtype": "m.text", "body": "* !offer I can lend a drill",
        "m.new_content": {"msgtype": "m.text", "body": "!offer I can lend a drill"},
        "m.relates_to": {"rel_type": "m.replace", "event_id": original},
    })
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    answered = [s for s in rosa.seen[mark:] if s.room_id == room and s.event.sender == bot.user_id and s.type == "m.room.message"]
    assert [a.event_id for a in answered][0] == unknown.event_id and len(answered) == 2
    # The core heard only what was said to the bot: not Joe's chatter, the notice or the edit.
    said = [(i.user_id, i.text) for i in heard if i.kind is IncomingKind.MESSAGE]
    assert said == [(sam.user_id, "!hlep"), (rosa.user_id, "!board")]


async def test_stale_cards_wrong_people_and_stray_reactions(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam, joe = await street.neighbour("Rosa"), await street.neighbour("Sam"), await street.neighbour("Joe")
    room = await street_room(rosa, bot, sam, joe)

    mark = rosa.mark()
    await rosa.say(room, "!ask could someone post a parcel for me?")
    card = await rosa.notice(room, contains="Rosa could use a hand", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.react(room, card.event_id, "👍")  # her own ask
    await rosa.notice(room, contains="That's your own post", after=mark, sender=bot.user_id)
    await sam.react(room, card.event_id, "❤️")  # just a reaction, not a choice: left alone
    mark_rosa = rosa.mark()
    await sam.react(room, card.event_id, "👍")
    private = await rosa.private_room_with(bot.user_id)
    question = await rosa.notice(private, contains="Sam can help", after=mark_rosa, sender=bot.user_id)
    await rosa.react(private, question.event_id, "✅")
    sorted_card = await rosa.edit_of(room, card.event_id, contains="✅ Sorted", after=mark_rosa)
    assert sorted_card is not None
    # The bot takes its 👍 off the sorted card…
    await rosa.until(lambda: rosa.found(mark_rosa, room, lambda s: s.type == "m.room.redaction" and s.event.sender == bot.user_id),
                     what="the bot's 👍 taken off the card")

    # …and a late 👍 on it hears that it's sorted, changing nothing.
    before = await bot.store.db.fetch_all("SELECT id, status FROM responses ORDER BY id")
    mark = joe.mark()
    await joe.react(room, card.event_id, "👍")
    late = await joe.notice(room, contains="already sorted or closed", after=mark, sender=bot.user_id)
    assert late.body.startswith("Joe: ")
    assert await bot.store.db.fetch_all("SELECT id, status FROM responses ORDER BY id") == before


async def test_an_undecryptable_message_is_logged_without_content(
    street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture,
) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot, encrypted=True)
    caplog.set_level(logging.INFO)

    secret = secrets.token_hex(8)
    mark = rosa.mark()
    await rosa.send_raw(room, "m.room.encrypted", _bogus_encrypted(
        rosa.client.olm.account.identity_keys["curve25519"], rosa.client.device_id, secret,
    ))
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    logged = [r for r in caplog.records if "could not decrypt" in r.getMessage()]
    assert rosa.found(mark, room, lambda s: "can't read" in s.body) is None  # in a street room it stays quiet
    assert logged and rosa.user_id not in logged[0].getMessage()
    assert all(secret not in r.getMessage() for r in caplog.records)  # nio's records included
    assert bot.adapter.syncing


def _bogus_encrypted(sender_key: str, device_id: str, secret: str) -> dict:
    """An encrypted event nobody can decrypt: its session was never shared."""
    return {
        "algorithm": "m.megolm.v1.aes-sha2", "sender_key": sender_key, "device_id": device_id,
        "session_id": "no-such-session", "ciphertext": "AwgAEnB" + secret,
    }


async def test_an_undecryptable_private_message_gets_a_kind_word(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    await street_room(rosa, bot)
    mark = rosa.mark()
    private = await rosa.open_private_chat(bot.user_id)
    await rosa.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.send_raw(private, "m.room.encrypted", _bogus_encrypted(
        rosa.client.olm.account.identity_keys["curve25519"], rosa.client.device_id, secrets.token_hex(8),
    ))
    await rosa.notice(private, contains="in a way I can't read yet", after=mark, sender=bot.user_id)
