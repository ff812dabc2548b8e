"""Who organises a street: asked of the platform every time (adapters cache it briefly), never
stored. One gate for organiser commands and buttons, with one kind refusal for everyone else.

Organiser commands work in the group or privately, and always answer privately. In private, an
organiser of several streets first picks which one (their words wait in `conversations`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Awaitable, Callable, Protocol

from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import Street
from handlers.kernel.flows import Flow
from handlers.kernel.incoming import IncomingKind
from handlers.kernel.messages import Choice, Msg, as_is, msg
from handlers.kernel.turn import Turn
from handlers.organisers import texts
from handlers.street.activity import note_activity
from handlers.street.people import street_name

MAX_STREETS_OFFERED = 8


class StreetPick(Protocol):
    """A kind of "which street?" button: a Payload with only the street's id."""

    code: str
    street_id: int

    def __init__(self, street_id: int) -> None: ...

    def pack(self) -> str: ...


async def organiser_only(turn: Turn, street: Street) -> bool:
    """True for an organiser of `street` (checked live); anyone else gets a kind refusal."""
    if await turn.services.organisers.is_organiser(street, turn.incoming.user_id):
        await note_activity(turn.services, street.id, turn.neighbour.id, turn.now)
        return True
    refuse(turn)
    return False


def refuse(turn: Turn) -> None:
    """Said where they asked: the refusal names nothing about the street."""
    if turn.incoming.kind is IncomingKind.PRESS:
        turn.answer(texts.FOR_ORGANISERS)
    else:
        turn.reply(texts.FOR_ORGANISERS)


def answer(turn: Turn, key: str) -> None:
    """A short word back: to a press, as its answer; to a command, privately."""
    if turn.incoming.kind is IncomingKind.PRESS:
        turn.answer(key)
    else:
        tell(turn, msg(key))


def tell(turn: Turn, text: Msg, choices: tuple[Choice, ...] = ()) -> None:
    """Say something to the organiser privately, wherever they asked."""
    turn.effects.tell(turn.person, text, choices)


@dataclass
class WordsWaiting:
    """An organiser's words, waiting for them to pick which street they are about."""

    text: str
    code: str  # the pick button's code: each organiser command waits in its own slot


def _flow(code: str) -> Flow[WordsWaiting]:
    return Flow(STREET_FLOW, WordsWaiting, steps=("pick",), slot=f"organise:{code}")


STREET_FLOW = "organiser_street"
# Registered once under its name; each command's slot is made from its pick code (see `_flow`).
STREET_PICK = _flow("")


async def street_for(turn: Turn, pick: type[StreetPick], text: str = "") -> Street | None:
    """The street an organiser command is about: the group it was said in, or (in private) the one
    street they organise. With several, they are asked to pick (a `pick` button each) and None is
    returned; the handler for `pick` carries on with `picked_street`."""
    if turn.street is not None:
        return turn.street if await organiser_only(turn, turn.street) else None
    known = (await turn.store.streets.of_neighbour(turn.neighbour.id))[:MAX_STREETS_OFFERED]
    if not known:
        turn.reply(common.NO_STREET_YET)
        return None
    streets = [street for street in known if await turn.services.organisers.is_organiser(street, turn.incoming.user_id)]
    if not streets:
        refuse(turn)
        return None
    if len(streets) == 1:
        await note_activity(turn.services, streets[0].id, turn.neighbour.id, turn.now)
        return streets[0]
    await flows.save(turn, _flow(pick.code), "pick", WordsWaiting(text, pick.code))
    choices = tuple(Choice(as_is(street_name(street)), pick(street.id).pack()) for street in streets)
    tell(turn, msg(common.CHOOSE_STREET), choices)
    return None


async def picked_street(turn: Turn, pressed: StreetPick) -> tuple[Street, str] | None:
    """The street picked with a `street_for` button (checked again, live), and the words that waited."""
    street = await street_of_press(turn, pressed.street_id)
    if street is None:
        return None
    waiting = await flows.current(turn, _flow(pressed.code))
    await flows.end(turn, _flow(pressed.code))
    return street, waiting.state.text if waiting is not None else ""


@dataclass(frozen=True)
class ForAStreet:
    """An organiser command about one street: said in its group, or in private (picking the street
    first, with a `pick` button each, when they organise several). `then(turn, street, words)`
    does the work once the street is known; `command` and `picked` are what the router calls."""

    pick: type[StreetPick]
    then: Callable[[Turn, Street, str], Awaitable[None]]

    async def command(self, turn: Turn, text: str) -> None:
        street = await street_for(turn, self.pick, text)
        if street is not None:
            await self.then(turn, street, text)

    async def picked(self, turn: Turn, pressed: StreetPick) -> None:
        found = await picked_street(turn, pressed)
        if found is not None:
            await self.then(turn, *found)


async def street_of_press(turn: Turn, street_id: int) -> Street | None:
    """The street a button names, if the presser organises it (checked live)."""
    street = await turn.store.streets.get(street_id)
    if street is None:
        turn.answer(common.BUTTON_EXPIRED)
        return None
    return street if await organiser_only(turn, street) else None
