"""A street's rough area and how far its asks reach, set by its organisers.

`/area` in the group asks an organiser (checked live with the platform, never stored) to share a
location pin privately; the next pin they share there becomes the street's area, as one coarse cell.
No area: the group itself is the neighbourhood. `/radius` shows how far asks reach and lets an
organiser choose, in minutes' walk."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import Street
from handlers.kernel.flows import Flow
from handlers.kernel.messages import Choice, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street, set_setting
from handlers.kernel.turn import Turn
from handlers.nearby import texts
from handlers.nearby.nearness import radius_minutes, walk_words
from handlers.posts.board import private_link
from handlers.street.people import street_name

PIN_SCOPE = "area"  # the private-chat link that carries a waiting "share the street's pin" request


@dataclass
class PinWanted:
    street_id: int


# One per organiser, in its own slot: a flow started in the private chat doesn't end it.
PIN = Flow("area_pin", PinWanted, steps=("share",), slot=PIN_SCOPE)
RADIUS_CHOICES_M = (200, 400, 800, 1200, 2000)
_CLEAR_WORDS = {"clear", "remove", "delete", "off", "none", "usuń", "usun", "wyczyść", "wyczysc", "șterge", "sterge"}


@dataclass(frozen=True)
class SetRadius(Payload, code="ra"):
    street_id: int
    metres: int


async def _is_organiser(turn: Turn, street: Street) -> bool:
    return await turn.services.organisers.is_organiser(street, turn.incoming.user_id)


async def area(turn: Turn, text: str) -> None:
    street = turn.street
    assert street is not None  # registered for groups only
    if not await _is_organiser(turn, street):
        turn.reply(texts.ORGANISERS_ONLY)
        return
    if text.strip().lower() in _CLEAR_WORDS:
        await flows.end(turn, PIN)  # a pin asked for earlier no longer counts
        removed = await turn.store.areas.clear(street.id)
        turn.reply(texts.AREA_CLEARED if removed else texts.AREA_NONE, street=street_name(street))
        return
    await flows.save(turn, PIN, "share", PinWanted(street.id))
    key = texts.AREA_MOVE_PIN if await turn.store.areas.of_street(street.id) else texts.AREA_SHARE_PIN
    turn.reply(key, (private_link(PIN_SCOPE),), who=turn.person, street=street_name(street))


async def _waiting_street(turn: Turn) -> Street | None:
    waiting = await flows.current(turn, PIN)
    return await turn.store.streets.get(waiting.state.street_id) if waiting is not None else None


def share_location_choice() -> Choice:
    """Where the platform can (Telegram, in private), a button that shares a location pin in one tap."""
    return Choice(msg(texts.BUTTON_SHARE_LOCATION), "", asks_location=True)


async def ask_for_pin(turn: Turn, text: str) -> None:
    """Arriving in private from the group's button: say what to share."""
    street = await _waiting_street(turn)
    if street is None:
        turn.reply(texts.AREA_NOT_WAITING)
        return
    turn.reply(texts.AREA_SHARE_PIN_HERE, (share_location_choice(),), street=street_name(street))


async def pin_for_street(turn: Turn, cell: str) -> bool:
    """A pin shared privately by an organiser who said /area: it sets that street's area. False if
    nobody asked for a street's pin (so it is the neighbour's own location)."""
    street = await _waiting_street(turn)
    if street is None:
        return False
    await flows.end(turn, PIN)
    if not await _is_organiser(turn, street):
        turn.reply(texts.ORGANISERS_ONLY)
        return True
    await turn.store.areas.set(street.id, cell, turn.now)
    radius = (await for_street(turn.services, street)).radius_m
    name = street_name(street)
    turn.reply(texts.AREA_SET, street=name)
    turn.effects.post(street, msg(texts.AREA_SET_FOR_STREET, street=name, walk=walk_words(radius_minutes(radius))))
    return True


async def radius(turn: Turn, text: str) -> None:
    street = turn.street
    assert street is not None  # registered for groups only
    current = (await for_street(turn.services, street)).radius_m
    choices = tuple(
        Choice(msg(texts.BUTTON_RADIUS, walk=walk_words(radius_minutes(metres))), SetRadius(street.id, metres).pack())
        for metres in RADIUS_CHOICES_M
    )
    turn.reply(texts.RADIUS_NOW, choices, street=street_name(street), walk=walk_words(radius_minutes(current)))


async def set_radius(turn: Turn, pressed: SetRadius) -> None:
    street = turn.street
    if street is None or pressed.street_id != street.id or pressed.metres not in RADIUS_CHOICES_M:
        turn.answer(common.BUTTON_EXPIRED)
        return
    if not await _is_organiser(turn, street):
        turn.answer(texts.ORGANISERS_ONLY)
        return
    await set_setting(turn.services, street, "radius_m", str(pressed.metres))
    turn.reply(texts.RADIUS_SET, street=street_name(street), walk=walk_words(radius_minutes(pressed.metres)))
