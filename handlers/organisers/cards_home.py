"""A home for cards: in a group with forum topics (Telegram) or threads (Matrix), the street's
organisers may choose where new cards, reminders and the street's notices go; wherever they were
asked stays the usual.

Choosing is one tap from inside the topic or thread they want: /settings said there offers it (the
place waits in its own slot until the tap, as a typed guided flow, since a thread's id doesn't fit
in a button). If the chosen home turns out closed or gone, the adapter says things in the group's
main place instead and the organisers are told once, privately, with one tap back to the usual."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import Street
from handlers.kernel.flows import Flow
from handlers.kernel.messages import Choice, Msg, Person, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import StreetSettings, for_street, set_setting
from handlers.kernel.turn import Effects, Services, Turn
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.street.people import street_name

log = logging.getLogger(__name__)

HOME, GONE = "cards_home", "cards_home_gone"


@dataclass
class PlaceOffered:
    """The topic or thread an organiser said /settings in, offered as the street's home for cards."""

    street_id: int
    thread: str


FLOW = Flow("cards_home", PlaceOffered, steps=("offered",), slot="cards_home")


@dataclass(frozen=True)
class CardsHere(Payload, code="och"):
    street_id: int


@dataclass(frozen=True)
class CardsWherever(Payload, code="ocw"):
    street_id: int


async def offer(turn: Turn, street: Street, current: StreetSettings) -> tuple[Msg | None, tuple[Choice, ...]]:
    """The settings menu's line about where cards go, and its buttons. Shown only where it means
    something: once a home is chosen, or when /settings was said inside a topic or thread."""
    here = turn.thread if turn.street is not None and turn.street.id == street.id else None
    home, gone = current.cards_home, current.cards_home != "" and current.cards_home == current.cards_home_gone
    choices: list[Choice] = []
    if here is not None and (here != home or gone):  # the same one again, once it is open again
        await flows.save(turn, FLOW, "offered", PlaceOffered(street.id, here))
        choices.append(Choice(msg(texts.BUTTON_CARDS_HERE), CardsHere(street.id).pack()))
    if home:
        choices.append(Choice(msg(texts.BUTTON_CARDS_WHEREVER), CardsWherever(street.id).pack()))
    if gone:
        line = msg(texts.SETTING_CARDS_HOME_GONE)
    elif home:
        line = msg(texts.SETTING_CARDS_HOME_HERE if here == home else texts.SETTING_CARDS_HOME)
    else:
        line = msg(texts.SETTING_CARDS_WHEREVER) if here is not None else None
    return line, tuple(choices)


async def choose_here(turn: Turn, pressed: CardsHere) -> Street | None:
    """The place offered becomes the street's home for cards; the street, or None (answered kindly)."""
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return None
    offered = await flows.waiting_at(turn, FLOW, "offered", owner=None)
    if offered is None:
        return None
    if offered.street_id != street.id:
        turn.answer(common.BUTTON_EXPIRED)
        return None
    await flows.end(turn, FLOW)
    await set_setting(turn.services, street, HOME, offered.thread)
    await turn.store.street_settings.reset(street.id, GONE)
    return street


async def wherever(turn: Turn, pressed: CardsWherever) -> Street | None:
    """Cards go wherever they're asked again; the street, or None (answered kindly)."""
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return None
    await turn.store.street_settings.reset(street.id, HOME)
    await turn.store.street_settings.reset(street.id, GONE)
    return street


async def thread_gone(services: Services, effects: Effects, street: Street, thread: str, now: datetime) -> None:
    """A message for a topic or thread went to the group's main place instead. If that was the
    street's home for cards, its organisers hear of it once (until they choose again)."""
    current = await for_street(services, street.id)
    if thread != current.cards_home or current.cards_home_gone == thread:
        return  # an answer in a topic since closed, or they know already
    try:
        organiser_ids = await services.organisers.organisers_of(street)
    except Exception:
        log.warning("could not ask who organises; they'll hear when it happens again street=%s", street.id, exc_info=True)
        return
    await set_setting(services, street, GONE, thread)
    usual = Choice(msg(texts.BUTTON_CARDS_WHEREVER), CardsWherever(street.id).pack())
    for user_id in organiser_ids:
        effects.tell(Person(street.platform, user_id), msg(texts.CARDS_HOME_GONE, street=street_name(street)), (usual,))
