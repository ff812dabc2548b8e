"""More said while the bot was away than one sync shows (its timeline limit is 50 events): the bot
reads back what the sync left out and answers everything — once each, in the order it was said — in
a plain room and an encrypted one, after a restart and after the homeserver was away. Nothing from
before the bot joined a room is answered."""

from __future__ import annotations

import pytest

from tests.matrix.conftest import Bot, StreetOnMatrix, StreetRoom, polled_until
from tests.matrix.neighbour import Neighbour, Seen
from tests.matrix.proxy import Outage, Relay

SAID_WHILE_AWAY = 80
CARDS = ("a ladder", "a drill", "a wheelbarrow", "jump leads")
REACT_EVERY = SAID_WHILE_AWAY // len(CARDS)
WAIT_S = 60.0


async def _offer_cards(rosa: Neighbour, room: str, bot: Bot) -> list[str]:
    """Rosa's offers: pressing 👍 on her own is answered "That's your own post", as a reply to it."""
    cards = []
    for thing in CARDS:
        mark = rosa.mark()
        await rosa.say(room, f"!offer I can lend {thing}")
        cards.append((await rosa.notice(room, contains=thing, after=mark, sender=bot.user_id)).event_id)
    return cards


async def _say_a_lot(rosa: Neighbour, room: str, cards: list[str], *, encrypted: bool) -> list[str]:
    """Commands, with a 👍 on one of the cards now and then; what each answer is recognised by, in order."""
    expected = []
    for number in range(SAID_WHILE_AWAY):
        if number % REACT_EVERY == REACT_EVERY - 1:
            card = cards[number // REACT_EVERY]
            await rosa.react(room, card, "👍", encrypted=encrypted)
            expected.append(f"own post on {card}")
        else:
            await rosa.say(room, f"!missed{number}")
            expected.append(f"!missed{number}")
    return expected


def _answers(rosa: Neighbour, room: str, bot: Bot, after: int) -> list[str]:
    """The bot's answers since `after`, as `_say_a_lot` recognises them."""
    found = []
    for seen in rosa.seen[after:]:
        if seen.room_id == room and seen.event.sender == bot.user_id and seen.type == "m.room.message":
            found.append(_recognised(seen))
    return found


def _recognised(seen: Seen) -> str:
    if "That's your own post" in seen.body:
        return f"own post on {seen.content['m.relates_to']['m.in_reply_to']['event_id']}"
    if "I don't know “" in seen.body:
        return seen.body.split("“", 1)[1].split("”", 1)[0]
    return seen.body[:40]


async def _all_answered(rosa: Neighbour, room: str, bot: Bot, after: int, expected: list[str]) -> None:
    """Every one answered, in order; then a last command, so anything answered twice would show before it."""
    await rosa.until(lambda: len(_answers(rosa, room, bot, after)) >= len(expected), WAIT_S,
                     what=f"{len(expected)} answers")
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Open on Elm Street", after=after, sender=bot.user_id)
    *answers, last = _answers(rosa, room, bot, after)
    assert answers == expected
    assert "Open on Elm Street" in last


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_everything_said_while_the_bot_was_stopped_is_answered_once_in_order(
    street: StreetOnMatrix, street_room: StreetRoom, encrypted: bool,
) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot, encrypted=encrypted)
    cards = await _offer_cards(rosa, room, bot)

    await bot.stop()
    expected = await _say_a_lot(rosa, room, cards, encrypted=encrypted)
    mark = rosa.mark()
    await bot.restart()

    await _all_answered(rosa, room, bot, mark, expected)
    if encrypted:
        assert all(getattr(s.event, "decrypted", False) for s in rosa.seen[mark:] if s.event.sender == bot.user_id
                   and s.type == "m.room.message")
        assert not rosa.undecrypted()


async def test_everything_said_while_the_homeserver_was_away_is_answered_once_in_order(
    street: StreetOnMatrix, street_room: StreetRoom, relay: Relay,
) -> None:
    bot = await street.bot(homeserver=relay.url)
    rosa = await street.neighbour("Rosa")  # talks to the homeserver directly
    room = await street_room(rosa, bot)
    cards = await _offer_cards(rosa, room, bot)

    relay.cut(Outage.BAD_GATEWAY)
    await polled_until(lambda: not bot.adapter.syncing, "the bot to notice the homeserver is away")
    mark = rosa.mark()
    expected = await _say_a_lot(rosa, room, cards, encrypted=False)
    relay.restore()

    await _all_answered(rosa, room, bot, mark, expected)


async def test_what_was_said_before_the_bot_joined_is_not_answered(street: StreetOnMatrix) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await rosa.create_room("Elm Street", invite=[])
    for number in range(60):  # more than a sync shows: the bot's first sync of the room comes cut short
        await rosa.say(room, f"!before{number}")

    mark = rosa.mark()
    await rosa.invite(room, bot.user_id)
    await rosa.notice(room, contains="I help neighbours", after=mark, sender=bot.user_id)
    await rosa.say(room, "!board")
    await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    assert len(_answers(rosa, room, bot, mark)) == 2, _answers(rosa, room, bot, mark)
