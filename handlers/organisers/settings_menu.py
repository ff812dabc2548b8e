"""/settings: a street's own settings, changed by its organisers privately, mostly with buttons —
how long posts stay up, quiet hours, time zone, language, the hello to quiet neighbours, when
the weekly summary usually comes, the group's invite link (for newcomers who arrive through a
printed leaflet) and, in a group with topics or threads, where new cards go
(handlers/organisers/cards_home.py). What must be typed (quiet hours, a time zone, the hello, the link) is
asked for, and the answer waits as a typed guided flow (handlers/kernel/flows.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from zoneinfo import available_timezones

from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import Street
from handlers.kernel.flows import Flow, Waiting
from handlers.kernel.languages import OWN_NAMES, supported
from handlers.kernel.messages import Choice, Msg, Quote, as_is, lines, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import HELLO_MAX_LENGTH, BadSetting, for_street, set_setting
from handlers.kernel.turn import Turn
from handlers.kernel.wording import shorten
from handlers.organisers import cards_home, digest, reminders, texts
from handlers.organisers import gate as organisers
from handlers.street.local_time import clock_words, parse_clock, weekday_words
from handlers.street.people import street_name


@dataclass
class TypedSetting:
    """A street setting the organiser was asked to type (quiet hours, time zone, hello, invite link)."""

    street_id: int
    item: str


FLOW = Flow("street_setting", TypedSetting, steps=("value",))


@dataclass(frozen=True)
class PickStreet(Payload, code="osp"):
    street_id: int


@dataclass(frozen=True)
class OpenItem(Payload, code="ose"):
    street_id: int
    item: str  # a key of ITEMS


@dataclass(frozen=True)
class SetItem(Payload, code="osv"):
    street_id: int
    item: str  # a key of ITEMS, or "dday"/"dtime" (the digest's day, then its time)
    value: str


@dataclass(frozen=True)
class ResetItem(Payload, code="osr"):
    street_id: int
    item: str


@dataclass(frozen=True)
class Cancel(Payload, code="osc"):
    street_id: int


ASK_DAYS = ("3", "7", "14", "30")
OFFER_DAYS = ("7", "14", "30", "60", "90")
# Each item on the menu, its button, and the stored settings it covers.
ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ask": (texts.BUTTON_SETTING_ASKS, ("ask_expiry_days",)),
    "offer": (texts.BUTTON_SETTING_OFFERS, ("offer_expiry_days",)),
    "quiet": (texts.BUTTON_SETTING_QUIET_HOURS, ("quiet_from", "quiet_until")),
    "tz": (texts.BUTTON_SETTING_TIME_ZONE, ("timezone",)),
    "lang": (texts.BUTTON_SETTING_LANGUAGE, ("language",)),
    "hello": (texts.BUTTON_SETTING_HELLO, ("hello_text",)),
    "digest": (texts.BUTTON_SETTING_DIGEST, ("digest_day", "digest_time")),
    "join": (texts.BUTTON_SETTING_JOIN_LINK, ("join_link",)),
}
_TYPED_QUESTIONS = {
    "quiet": texts.QUIET_HOURS_QUESTION, "tz": texts.TIME_ZONE_QUESTION, "hello": texts.HELLO_QUESTION,
    "join": texts.JOIN_LINK_QUESTION,
}
_HOURS_SEPARATOR = re.compile(r"\s*(?:-|–|—|to|until)\s*", re.IGNORECASE)
HELLO_SHOWN = 60


async def _menu(turn: Turn, street: Street, words: str = "", *, saved: bool = False) -> None:
    current = await for_street(turn.services, street)
    if current.quiet_from == current.quiet_until:
        quiet = msg(texts.SETTING_NO_QUIET_HOURS)
    else:
        quiet = msg(texts.SETTING_QUIET_HOURS, start=clock_words(current.quiet_from), end=clock_words(current.quiet_until))
    hello = (msg(texts.SETTING_HELLO_OWN, text=Quote(shorten(current.hello_text, HELLO_SHOWN))) if current.hello_text
             else msg(texts.SETTING_HELLO_USUAL))
    home, home_choices = await cards_home.offer(turn, street, current)
    text = lines(
        msg(texts.SETTINGS_SAVED) if saved else None,
        msg(texts.SETTINGS_HEADER, street=street_name(street)),
        msg(texts.SETTING_ASK_DAYS, days=current.ask_expiry_days),
        msg(texts.SETTING_OFFER_DAYS, days=current.offer_expiry_days),
        quiet,
        msg(texts.SETTING_TIME_ZONE, zone=current.timezone.key),
        msg(texts.SETTING_LANGUAGE, language=OWN_NAMES.get(current.language, current.language)),
        hello,
        msg(texts.SETTING_DIGEST, when=digest.schedule_words(current.digest_day, current.digest_time)),
        msg(texts.SETTING_JOIN_LINK, link=Quote(current.join_link)) if current.join_link else msg(texts.SETTING_NO_JOIN_LINK),
        home,
    )
    choices = tuple(Choice(msg(label), OpenItem(street.id, item).pack()) for item, (label, _) in ITEMS.items())
    organisers.tell(turn, text, choices + home_choices)


_FOR_A_STREET = organisers.ForAStreet(PickStreet, _menu)
settings = _FOR_A_STREET.command
picked = _FOR_A_STREET.picked


async def _street_and_item(turn: Turn, street_id: int, item: str) -> tuple[Street, str] | None:
    """The street (its organiser checked live) and menu item a settings button is about."""
    if item not in ITEMS and item not in ("dday", "dtime"):
        turn.answer(common.BUTTON_EXPIRED)
        return None
    street = await organisers.street_of_press(turn, street_id)
    return (street, item) if street is not None else None


def _usual(street: Street, item: str) -> Choice:
    return Choice(msg(texts.BUTTON_BACK_TO_USUAL), ResetItem(street.id, item).pack())


async def open_item(turn: Turn, pressed: OpenItem) -> None:
    found = await _street_and_item(turn, pressed.street_id, pressed.item)
    if found is None:
        return
    street, item = found
    if item in ("ask", "offer"):
        question, values = (texts.ASK_DAYS_QUESTION, ASK_DAYS) if item == "ask" else (texts.OFFER_DAYS_QUESTION, OFFER_DAYS)
        choices = tuple(Choice(msg(texts.BUTTON_DAYS, count=int(days)), SetItem(street.id, item, days).pack()) for days in values)
        organisers.tell(turn, msg(question), choices + (_usual(street, item),))
    elif item == "lang":
        choices = tuple(Choice(as_is(OWN_NAMES.get(code, code)), SetItem(street.id, item, code).pack())
                        for code in turn.settings.locales)
        organisers.tell(turn, msg(texts.LANGUAGE_QUESTION), choices + (_usual(street, item),))
    elif item == "digest":
        choices = tuple(Choice(weekday_words(day), SetItem(street.id, "dday", str(day)).pack()) for day in range(7))
        organisers.tell(turn, msg(texts.DIGEST_DAY_QUESTION), choices + (_usual(street, item),))
    else:
        await flows.save(turn, FLOW, "value", TypedSetting(street.id, item))
        never_mind = Choice(msg(common.BUTTON_CANCEL), Cancel(street.id).pack())
        organisers.tell(turn, msg(_TYPED_QUESTIONS[item]), (_usual(street, item), never_mind))


async def set_item(turn: Turn, pressed: SetItem) -> None:
    found = await _street_and_item(turn, pressed.street_id, pressed.item)
    if found is None:
        return
    street, item = found
    value = pressed.value
    if item == "ask" and value in ASK_DAYS:
        await set_setting(turn.services, street, "ask_expiry_days", value)
    elif item == "offer" and value in OFFER_DAYS:
        await set_setting(turn.services, street, "offer_expiry_days", value)
    elif item == "lang" and supported(value, turn.services) == value:
        await set_setting(turn.services, street, "language", value)
    elif item == "dday" and value in {str(day) for day in range(7)}:
        await set_setting(turn.services, street, "digest_day", value)
        choices = tuple(Choice(as_is(clock_words(at)), SetItem(street.id, "dtime", f"{at:%H%M}").pack())
                        for at in digest.TIMES_OFFERED)
        organisers.tell(turn, msg(texts.DIGEST_TIME_QUESTION), choices)
        return
    elif item == "dtime" and (at := parse_clock(value)) is not None and len(value) == 4:
        await set_setting(turn.services, street, "digest_time", clock_words(at))
    else:
        turn.answer(common.BUTTON_EXPIRED)
        return
    await _menu(turn, street, saved=True)


async def reset_item(turn: Turn, pressed: ResetItem) -> None:
    found = await _street_and_item(turn, pressed.street_id, pressed.item)
    if found is None:
        return
    if found[1] not in ITEMS:
        turn.answer(common.BUTTON_EXPIRED)
        return
    street, item = found
    for name in ITEMS[item][1]:
        await turn.store.street_settings.reset(street.id, name)
    if item == "tz":
        await _follow_time_zone(turn, street)
    await flows.end_if_waiting(turn, FLOW)
    await _menu(turn, street, saved=True)


async def cards_here(turn: Turn, pressed: cards_home.CardsHere) -> None:
    street = await cards_home.choose_here(turn, pressed)
    if street is not None:
        await _menu(turn, street, saved=True)


async def cards_wherever(turn: Turn, pressed: cards_home.CardsWherever) -> None:
    street = await cards_home.wherever(turn, pressed)
    if street is not None:
        await _menu(turn, street, saved=True)


async def cancel(turn: Turn, pressed: Cancel) -> None:
    if await flows.end_if_waiting(turn, FLOW):
        organisers.tell(turn, msg(texts.SETTING_UNCHANGED))
    else:
        turn.answer(common.ALREADY_DONE)


async def on_text(turn: Turn, text: str, waiting: Waiting[TypedSetting]) -> None:
    """Typed quiet hours, time zone, hello or link: saved if it reads, else a kind word and another go."""
    street = await turn.store.streets.get(waiting.state.street_id)
    item = waiting.state.item
    if street is None or item not in _TYPED_QUESTIONS:
        await flows.end(turn, FLOW)
        turn.reply(common.BUTTON_EXPIRED)
        return
    if not await organisers.organiser_only(turn, street):
        return
    problem = await _save_typed(turn, street, item, text)
    if problem is not None:
        organisers.tell(turn, problem)
        return
    await flows.end(turn, FLOW)
    await _menu(turn, street, saved=True)


async def _save_typed(turn: Turn, street: Street, item: str, text: str) -> Msg | None:
    if item == "quiet":
        hours = _quiet_hours(text)
        if hours is None:
            return msg(texts.QUIET_HOURS_NOT_READ)
        await set_setting(turn.services, street, "quiet_from", clock_words(hours[0]))
        await set_setting(turn.services, street, "quiet_until", clock_words(hours[1]))
    elif item == "tz":
        zone = find_time_zone(text)
        if zone is None:
            return msg(texts.TIME_ZONE_NOT_READ)
        await set_setting(turn.services, street, "timezone", zone)
        await _follow_time_zone(turn, street)
    elif item == "join":
        try:
            await set_setting(turn.services, street, "join_link", text)
        except BadSetting:
            return msg(texts.JOIN_LINK_NOT_READ)
    else:
        try:
            await set_setting(turn.services, street, "hello_text", text)
        except BadSetting:
            return msg(texts.HELLO_NOT_READ, limit=HELLO_MAX_LENGTH)
    return None


def _quiet_hours(text: str) -> tuple[time, time] | None:
    parts = _HOURS_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    return (start, end) if start is not None and end is not None else None


def find_time_zone(text: str) -> str | None:
    """'europe/london', 'Europe/London' or just 'London' -> 'Europe/London'; None if unknown or unclear."""
    wanted = "_".join(text.strip().split()).lower()
    if not wanted or len(wanted) > 64:
        return None
    zones = available_timezones()
    exact = [zone for zone in zones if zone.lower() == wanted]
    by_place = [zone for zone in zones if zone.lower().endswith("/" + wanted) and zone.count("/") == 1]
    found = exact or by_place
    return found[0] if len(found) == 1 else None


async def _follow_time_zone(turn: Turn, street: Street) -> None:
    """Reminders and weekly summaries keep their local times in the new zone."""
    await reminders.follow_time_zone(turn.services, street, turn.now)
    await digest.follow_time_zone(turn.services, street, turn.now)
