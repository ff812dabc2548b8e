"""Street reminders: a line the organisers want posted in the group on a schedule, like
"/remind every thursday 19:00 Blue bin out tonight". Listed with /reminders, each with pause,
resume and delete. Times are the street's local time, right across daylight-saving changes.

Due work posts what has fallen due. If the bot was down when one was due, it is still posted up to
an hour late; later than that it is skipped (a bin reminder the next morning helps nobody)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from handlers.kernel import texts as common
from handlers.kernel.domain import Reminder, Street
from handlers.kernel.messages import Choice, Msg, Quote, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.kernel.wording import check_post_text, tidy
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.organisers.reminder_words import ALL_DAYS, Schedule, parse_reminder
from handlers.posts.posting import PROBLEM_TEXTS
from handlers.street.local_time import (
    at_local,
    clock_words,
    date_words,
    fortnight_after,
    listing,
    local_date,
    next_on_days,
    weekday_words,
)
from handlers.street.people import street_name

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class PickStreetToAdd(Payload, code="oap"):
    street_id: int


@dataclass(frozen=True)
class PickStreetToList(Payload, code="olp"):
    street_id: int


@dataclass(frozen=True)
class Pause(Payload, code="olz"):
    reminder_id: int


@dataclass(frozen=True)
class Resume(Payload, code="olr"):
    reminder_id: int


@dataclass(frozen=True)
class Delete(Payload, code="old"):
    reminder_id: int

MAX_LENGTH = 300
WEEKDAYS = frozenset(range(5))


def first_time(schedule: Schedule, zone: ZoneInfo, after: datetime) -> datetime:
    return next_on_days(schedule.days, schedule.at, zone, after)


def next_time(reminder: Reminder, zone: ZoneInfo, after: datetime) -> datetime:
    """The next time after `after`; fortnightly ones keep their rhythm from the last one due."""
    if reminder.every_weeks == 2:
        return fortnight_after(reminder.next_at, reminder.at, zone, after)
    return next_on_days(reminder.days, reminder.at, zone, after)


def schedule_words(days: frozenset[int], every_weeks: int, at: time) -> Msg:
    clock = clock_words(at)
    if every_weeks == 1 and days == ALL_DAYS:
        return msg(texts.REMIND_EVERY_DAY, time=clock)
    if every_weeks == 1 and days == WEEKDAYS:
        return msg(texts.REMIND_EVERY_WEEKDAY, time=clock)
    key = texts.REMIND_EVERY_OTHER if every_weeks == 2 else texts.REMIND_EVERY
    return msg(key, days=listing([weekday_words(day) for day in sorted(days)]), time=clock)


def _when(moment: datetime, zone: ZoneInfo) -> Msg:
    local = moment.astimezone(zone)
    return msg(texts.DAY_AND_TIME, day=date_words(local_date(moment, zone)), time=clock_words(local.time()))


async def _add(turn: Turn, street: Street, text: str) -> None:
    parsed = parse_reminder(text)
    if parsed is None:
        organisers.tell(turn, msg(texts.REMIND_EXAMPLE))
        return
    schedule, body = parsed
    problem = check_post_text(body, MAX_LENGTH)
    if problem is not None:
        organisers.tell(turn, msg(PROBLEM_TEXTS[problem], limit=MAX_LENGTH))
        return
    store = turn.store
    count = await store.reminders.count_in_street(street.id)
    if count >= turn.settings.max_reminders_per_street:
        organisers.tell(turn, msg(texts.REMINDERS_FULL, street=street_name(street), count=count))
        return
    zone = (await for_street(turn.services, street)).timezone
    first = first_time(schedule, zone, turn.now)
    reminder = await store.reminders.add(
        street_id=street.id, days=schedule.days, every_weeks=schedule.every_weeks, at=schedule.at, body=tidy(body),
        next_at=first, now=turn.now,
    )
    turn.effects.wake(first)
    organisers.tell(turn, msg(
        texts.REMINDER_ADDED, text=Quote(reminder.body), street=street_name(street),
        when=schedule_words(schedule.days, schedule.every_weeks, schedule.at), first=_when(first, zone),
    ))


_TO_ADD = organisers.ForAStreet(PickStreetToAdd, _add)
remind = _TO_ADD.command
picked_to_add = _TO_ADD.picked


async def _list(turn: Turn, street: Street, words: str = "") -> None:
    found = await turn.store.reminders.of_street(street.id)
    if not found:
        organisers.tell(turn, msg(texts.REMINDERS_NONE, street=street_name(street)))
        return
    organisers.tell(turn, msg(texts.REMINDERS_HEADER, street=street_name(street)))
    for reminder in found:
        key = texts.REMINDER_PAUSED_LINE if reminder.paused else texts.REMINDER_LINE
        when = schedule_words(reminder.days, reminder.every_weeks, reminder.at)
        switch = (Choice(msg(texts.BUTTON_RESUME_REMINDER), Resume(reminder.id).pack()) if reminder.paused
                  else Choice(msg(texts.BUTTON_PAUSE_REMINDER), Pause(reminder.id).pack()))
        delete = Choice(msg(texts.BUTTON_DELETE_REMINDER), Delete(reminder.id).pack())
        organisers.tell(turn, msg(key, when=when, text=Quote(reminder.body)), (switch, delete))


_TO_LIST = organisers.ForAStreet(PickStreetToList, _list)
reminders = _TO_LIST.command
picked_to_list = _TO_LIST.picked


async def _pressed(turn: Turn, reminder_id: int) -> Reminder | None:
    """The reminder a button is about, if the presser organises its street (checked live)."""
    reminder = await turn.store.reminders.get(reminder_id)
    street = await turn.store.streets.get(reminder.street_id) if reminder is not None else None
    if reminder is None or street is None:
        turn.answer(texts.REMINDER_GONE)
        return None
    return reminder if await organisers.organiser_only(turn, street) else None


async def pause(turn: Turn, pressed: Pause) -> None:
    reminder = await _pressed(turn, pressed.reminder_id)
    if reminder is None:
        return
    if reminder.paused:
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.reminders.set_paused(reminder.id, True)
    organisers.tell(turn, msg(texts.REMINDER_PAUSED, text=Quote(reminder.body)))


async def resume(turn: Turn, pressed: Resume) -> None:
    reminder = await _pressed(turn, pressed.reminder_id)
    if reminder is None:
        return
    if not reminder.paused:
        turn.answer(common.ALREADY_DONE)
        return
    zone = (await for_street(turn.services, reminder.street_id)).timezone
    upcoming = reminder.next_at if reminder.next_at > turn.now else next_time(reminder, zone, turn.now)
    await turn.store.reminders.set_paused(reminder.id, False)
    await turn.store.reminders.set_next(reminder.id, upcoming)
    turn.effects.wake(upcoming)
    organisers.tell(turn, msg(texts.REMINDER_RESUMED, text=Quote(reminder.body), next=_when(upcoming, zone)))


async def delete(turn: Turn, pressed: Delete) -> None:
    reminder = await _pressed(turn, pressed.reminder_id)
    if reminder is None:
        return
    await turn.store.reminders.delete(reminder.id)
    organisers.tell(turn, msg(texts.REMINDER_DELETED, text=Quote(reminder.body)))


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    store = services.store
    for reminder in await store.reminders.due(now):
        street = await store.streets.get(reminder.street_id)
        if street is None:
            await store.reminders.delete(reminder.id)
            continue
        zone = (await for_street(services, street)).timezone
        if now - reminder.next_at <= services.settings.reminder_grace:
            effects.post(street, msg(texts.REMINDER_POST, text=Quote(reminder.body)))
        else:
            log.info("reminder skipped, too late reminder=%s late_s=%d", reminder.id, (now - reminder.next_at).total_seconds())
        await store.reminders.set_next(reminder.id, next_time(reminder, zone, now))


async def next_due(services: Services) -> datetime | None:
    return await services.store.reminders.next_at()


async def follow_time_zone(services: Services, street: Street, now: datetime) -> None:
    """The street's time zone changed: each reminder keeps its local time."""
    zone = (await for_street(services, street)).timezone
    for reminder in await services.store.reminders.of_street(street.id):
        if reminder.every_weeks == 2:
            upcoming = at_local(local_date(reminder.next_at, zone), reminder.at, zone)
            if upcoming <= now:
                upcoming = fortnight_after(upcoming, reminder.at, zone, now)
        else:
            upcoming = next_on_days(reminder.days, reminder.at, zone, now)
        await services.store.reminders.set_next(reminder.id, upcoming)
