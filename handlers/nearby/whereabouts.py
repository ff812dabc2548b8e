"""A neighbour's own rough location: shared privately as a pin (the adapter turns it into a coarse
cell before it gets here), used only to match them with neighbours nearer them, and forgotten in
one command or one tap. A pin an organiser shares after /area sets their street's area instead."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel import flows
from handlers.kernel.messages import Choice, msg
from handlers.kernel.ownership import pressed_by_owner
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Turn
from handlers.nearby import areas, texts
from handlers.nearby.geo import is_cell
from handlers.posts.board import private_link

SHOW = "location"  # the private-chat link that carries on here


@dataclass(frozen=True)
class ForgetLocation(Payload, code="lf"):
    owner_id: int


def _forget_choice(turn: Turn) -> Choice:
    return Choice(msg(texts.BUTTON_FORGET_LOCATION), ForgetLocation(turn.neighbour.id).pack())


async def shared(turn: Turn) -> None:
    """Someone shared a location. Only privately does it count; in a group it is never kept."""
    if not turn.is_private:
        waiting = await flows.current(turn, areas.PIN)
        if turn.incoming.addressed_to_bot or waiting is not None:
            turn.reply(texts.LOCATION_IN_GROUP, (private_link(areas.PIN_SCOPE if waiting else SHOW),))
        return
    cell = turn.incoming.cell
    if not is_cell(cell):
        turn.reply(texts.LOCATION_UNREADABLE)
        return
    assert cell is not None
    if await areas.pin_for_street(turn, cell):
        return
    await turn.store.cells.set(turn.neighbour.id, cell, turn.now)
    turn.reply(texts.LOCATION_SAVED, (_forget_choice(turn),))


async def show(turn: Turn, text: str) -> None:
    if await turn.store.cells.of_neighbour(turn.neighbour.id) is None:
        turn.reply(texts.LOCATION_NONE, (areas.share_location_choice(),))
    else:
        turn.reply(texts.LOCATION_HAVE, (_forget_choice(turn),))


async def forget(turn: Turn, text: str) -> None:
    forgotten = await turn.store.cells.clear(turn.neighbour.id)
    turn.reply(texts.LOCATION_FORGOTTEN if forgotten else texts.LOCATION_NOTHING_TO_FORGET)


async def forget_pressed(turn: Turn, pressed: ForgetLocation) -> None:
    if not pressed_by_owner(turn, pressed.owner_id):
        return
    await forget(turn, "")
