"""Who organises a street room, asked of a real homeserver: power level 50 or more (a setting), and
from room version 12 the room's creators, who are not listed in the power levels at all; and the list
of them in the room now, for check-ins nobody answered."""

from __future__ import annotations

import asyncio

from nio import RoomGetStateEventResponse

from bot.matrix.raw import call
from handlers.kernel.domain import Street
from handlers.kernel.messages import msg
from handlers.kernel.turn import Turn
from tests.matrix.conftest import Bot, StreetOnMatrix, StreetRoom
from tests.matrix.neighbour import Neighbour


def _street(room_id: str) -> Street:
    return Street(0, "matrix", room_id)


async def _create(owner: Neighbour, bot: Bot, *, version: str, users: dict[str, int] | None = None,
                  additional_creators: list[str] | None = None, others: tuple[Neighbour, ...] = ()) -> str:
    body: dict = {"name": "Elm Street", "room_version": version, "invite": [bot.user_id, *(o.user_id for o in others)]}
    if users is not None:
        body["power_level_content_override"] = {"users": users}
    if additional_creators:
        body["creation_content"] = {"additional_creators": additional_creators}
    status, answer = await call(owner.client, "POST", "/_matrix/client/v3/createRoom", body)
    assert status == 200, answer
    mark = owner.mark()
    await owner.notice(answer["room_id"], contains="I help neighbours", after=mark, sender=bot.user_id)
    return answer["room_id"]


async def _set_level(owner: Neighbour, room_id: str, user_id: str, level: int) -> None:
    current = await owner.client.room_get_state_event(room_id, "m.room.power_levels")
    assert isinstance(current, RoomGetStateEventResponse)
    content = dict(current.content)
    content["users"] = {**content.get("users", {}), user_id: level}
    await owner.client.room_put_state(room_id, "m.room.power_levels", content)


async def test_creators_and_power_levels(street: StreetOnMatrix) -> None:
    """Who organises, and the list of them in the room now."""
    bot = await street.bot()
    rosa, sam, carol, dan = [await street.neighbour(name) for name in ("Rosa", "Sam", "Carol", "Dan")]
    levels = {carol.user_id: 50, dan.user_id: 49}
    modern = await _create(rosa, bot, version="12", users={**levels, bot.user_id: 100}, additional_creators=[sam.user_id],
                           others=(sam, carol))
    older = await _create(rosa, bot, version="10", users={**levels, rosa.user_id: 100})
    check = bot.adapter.organisers.is_organiser
    assert await check(_street(older), rosa.user_id)  # as the creator she has 100 in the power levels
    await _set_level(rosa, older, rosa.user_id, 0)  # and then steps down
    bot.adapter.organisers.forget(older)

    # Version 12: Rosa created the room and Sam was made a creator; neither is in the power levels.
    listed = await rosa.client.room_get_state_event(modern, "m.room.power_levels")
    assert isinstance(listed, RoomGetStateEventResponse)
    assert rosa.user_id not in listed.content["users"] and sam.user_id not in listed.content["users"]
    assert await check(_street(modern), rosa.user_id) and await check(_street(modern), sam.user_id)
    assert await check(_street(modern), carol.user_id) and not await check(_street(modern), dan.user_id)
    # Version 10: only the power levels count.
    assert not await check(_street(older), rosa.user_id) and not await check(_street(older), sam.user_id)
    assert await check(_street(older), carol.user_id) and not await check(_street(older), dan.user_id)

    # Whom check-ins turn to: the organisers in the room now (cached until someone comes or goes), never the bot.
    async def listed() -> list[str]:
        return await bot.adapter.organisers.organisers_of(_street(modern))

    await _until(listed, lambda found: found == sorted([rosa.user_id, sam.user_id, carol.user_id]), "Sam and Carol to join")
    await carol.leave(modern)
    await _until(listed, lambda found: found == sorted([rosa.user_id, sam.user_id]), "Carol to leave")


async def _until(ask, done, what: str, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Asks again until the answer is as expected (joins and leaves reach the bot with its sync)."""
    async def poll() -> None:
        while not done(await ask()):
            await asyncio.sleep(0.1)

    try:
        await asyncio.wait_for(poll(), timeout)
    except asyncio.TimeoutError:
        raise AssertionError(f"waited {timeout}s for {what}; last answer: {await ask()}") from None


async def test_the_threshold_is_a_setting(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot(organiser_level=75)
    rosa, carol = await street.neighbour("Rosa"), await street.neighbour("Carol")
    room = await _create(rosa, bot, version="12", users={carol.user_id: 50})
    assert not await bot.adapter.organisers.is_organiser(_street(room), carol.user_id)
    assert await bot.adapter.organisers.is_organiser(_street(room), rosa.user_id)


async def _organiser_command(turn: Turn, text: str) -> None:
    """A command only for this test: says whether the sender organises this street."""
    yes = turn.street is not None and await turn.services.organisers.is_organiser(turn.street, turn.neighbour.user_id)
    turn.reply_msg(msg("organiser: {answer}", answer="yes" if yes else "no"))


async def test_the_core_asks_and_hears_of_changes(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    bot.core.router.command("organiser", _organiser_command)
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam)

    mark = sam.mark()
    await sam.say(room, "!organiser")
    await sam.notice(room, contains="organiser: no", after=mark, sender=bot.user_id)
    mark = rosa.mark()
    await rosa.say(room, "!organiser")
    await rosa.notice(room, contains="organiser: yes", after=mark, sender=bot.user_id)

    # Rosa makes Sam a moderator: the bot hears the change (no waiting for its cache to expire).
    await _set_level(rosa, room, sam.user_id, 50)
    await sam.until(lambda: sam.client.rooms[room].power_levels.get_user_level(sam.user_id) == 50, what="the new power levels")
    mark = sam.mark()
    await sam.say(room, "!organiser")
    await sam.notice(room, contains="organiser: yes", after=mark, sender=bot.user_id)
