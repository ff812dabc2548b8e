"""Greetings, help, and what to say to a command nobody knows."""

from __future__ import annotations

from handlers.checkins import buddy
from handlers.checkins import setup as checkin_setup
from handlers.help import texts
from handlers.kernel.domain import PostKind
from handlers.kernel.messages import Outgoing, ToPerson, msg
from handlers.kernel.turn import Turn
from handlers.leaflets import arrival, codes, making
from handlers.nearby import areas, whereabouts
from handlers.posts import board, posting
from handlers.privacy import forgetting, my_data

MAX_STREETS_CHECKED = 8

# Deep-link payloads a private chat can start with, to carry on from the group.
CONTINUE_WITH = {
    "mine": board.mine, "board": board.board, "checkin": checkin_setup.checkin,
    areas.PIN_SCOPE: areas.ask_for_pin, whereabouts.SHOW: whereabouts.show,
    "mydata": my_data.my_data, "forgetme": forgetting.forget_me,
    "leaflet": making.leaflet, "poster": making.poster,
}


async def start(turn: Turn, text: str) -> None:
    if not turn.is_private:
        turn.reply(texts.HELP_GROUP)
        return
    carry_on = text.strip().lower()
    if carry_on in CONTINUE_WITH:
        await CONTINUE_WITH[carry_on](turn, "")
    elif carry_on in (PostKind.ASK.value, PostKind.OFFER.value):
        await posting.start(turn, PostKind(carry_on), "")
    elif carry_on.startswith(buddy.INVITE_PREFIX):
        await buddy.open_invitation(turn, carry_on)
    elif (street_code := codes.read_code(carry_on)) is not None:
        await arrival.arrive(turn, street_code)  # from a street's leaflet or poster
    elif not turn.held_delivered:
        turn.reply(texts.WELCOME_PRIVATE)


async def help_(turn: Turn, text: str) -> None:
    turn.reply(texts.HELP_PRIVATE if turn.is_private else texts.HELP_GROUP)
    if await _organises_somewhere(turn):
        # Only worth saying now: someone who can't be messaged privately isn't nudged about it later.
        turn.effects.add(Outgoing(ToPerson(turn.person), msg(texts.HELP_ORGANISERS), hold_if_unreachable=False))


async def _organises_somewhere(turn: Turn) -> bool:
    """Organisers also hear about their own tools (privately): in the group they organise, or in
    private if they organise any of their streets."""
    check = turn.services.organisers.is_organiser
    streets = [turn.street] if turn.street is not None else await turn.store.streets.of_neighbour(turn.neighbour.id)
    for street in streets[:MAX_STREETS_CHECKED]:
        if await check(street, turn.incoming.user_id):
            return True
    return False


async def unknown(turn: Turn, name: str) -> None:
    turn.reply(texts.UNKNOWN_COMMAND, command=f"/{name}")
