"""The weekly summary for organisers who want it: counts only (new neighbours, asks posted, met and
unmet, offers, check-ins answered) for last week, and a small chart of the last eight. A week when
nothing happened doesn't nag: no summary at all, or — if the organiser chose to hear anyway — one
line. A chart with nothing in it is never sent.

An organiser picks their day and time (local to the street); this is the one place an organiser's
id is kept with a preference, and one tap on any summary stops it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from handlers.kernel import texts as common
from handlers.kernel.domain import DigestSubscription, Street
from handlers.kernel.messages import Choice, Msg, Outgoing, Person, ToPerson, WeeklyChart, as_is, lines, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.street import weekly
from handlers.street.local_time import WEEK, clock_words, date_words, next_on_days, week_start, weekday_words
from handlers.street.people import person, street_name

log = logging.getLogger(__name__)

WEEKS_IN_CHART = 8
TIMES_OFFERED = (time(7), time(8), time(9), time(12), time(17), time(19))
RETRY_AFTER = timedelta(minutes=10)
_CHART_SERIES = (
    (weekly.ASKS_POSTED, texts.CHART_ASKS),
    (weekly.ASKS_MET, texts.CHART_ASKS_MET),
    (weekly.ASKS_UNMET, texts.CHART_ASKS_UNMET),
    (weekly.OFFERS_POSTED, texts.CHART_OFFERS),
    (weekly.NEW_NEIGHBOURS, texts.CHART_NEW_NEIGHBOURS),
    (weekly.CHECKINS_ANSWERED, texts.CHART_CHECKINS),
)


def schedule_words(weekday: int, at: time) -> Msg:
    return msg(texts.EVERY_DAY_AT, day=weekday_words(weekday), time=clock_words(at))


def _hhmm(at: time) -> str:
    return f"{at:%H%M}"


def _read_hhmm(text: str) -> time | None:
    if len(text) != 4 or not text.isdigit() or int(text[:2]) > 23 or int(text[2:]) > 59:
        return None
    return time(int(text[:2]), int(text[2:]))


def _weekday(day: int) -> int:
    if not 0 <= day <= 6:
        raise ValueError(f"not a weekday: {day}")
    return day


@dataclass(frozen=True)
class PickStreet(Payload, code="odp"):
    street_id: int


@dataclass(frozen=True)
class ChooseDay(Payload, code="odw"):
    street_id: int


@dataclass(frozen=True)
class ChooseTime(Payload, code="odd"):
    street_id: int
    weekday: int

    def __post_init__(self) -> None:
        _weekday(self.weekday)


@dataclass(frozen=True)
class Start(Payload, code="odt"):
    street_id: int
    weekday: int
    at: str  # HHMM, the street's local time

    def __post_init__(self) -> None:
        if _read_hhmm(self.at) is None:
            raise ValueError(f"not a time: {self.at}")
        _weekday(self.weekday)


@dataclass(frozen=True)
class SendNow(Payload, code="odn"):
    street_id: int


@dataclass(frozen=True)
class Stop(Payload, code="odx"):
    street_id: int


@dataclass(frozen=True)
class QuietWeeks(Payload, code="odq"):
    street_id: int
    tell: int  # 1: one line in a week when nothing happened; 0: nothing at all

    def __post_init__(self) -> None:
        if self.tell not in (0, 1):
            raise ValueError(f"not a yes or a no: {self.tell}")


def _stop(street_id: int) -> Choice:
    return Choice(msg(texts.BUTTON_STOP_DIGEST), Stop(street_id).pack())


def _now(street_id: int) -> Choice:
    return Choice(msg(texts.BUTTON_DIGEST_NOW), SendNow(street_id).pack())


def _quiet_weeks(street_id: int, telling: bool) -> Choice:
    """The other choice for quiet weeks than the one in force."""
    label = texts.BUTTON_QUIET_WEEKS_SILENT if telling else texts.BUTTON_QUIET_WEEKS_TELL
    return Choice(msg(label), QuietWeeks(street_id, int(not telling)).pack())


async def _offer(turn: Turn, street: Street, words: str = "") -> None:
    name = street_name(street)
    current = await turn.store.digests.get(street.id, turn.neighbour.id)
    change = Choice(msg(texts.BUTTON_DIGEST_OTHER_TIME), ChooseDay(street.id).pack())
    if current is not None:
        when = schedule_words(current.weekday, current.at)
        choices = (change, _now(street.id), _quiet_weeks(street.id, current.tell_quiet_weeks), _stop(street.id))
        organisers.tell(turn, msg(texts.DIGEST_IS_ON, street=name, when=when), choices)
        return
    usual = await for_street(turn.services, street)
    usual_choice = Choice(
        schedule_words(usual.digest_day, usual.digest_time),
        Start(street.id, usual.digest_day, _hhmm(usual.digest_time)).pack(),
    )
    organisers.tell(turn, msg(texts.DIGEST_OFFER, street=name), (usual_choice, change, _now(street.id)))


_FOR_A_STREET = organisers.ForAStreet(PickStreet, _offer)
digest = _FOR_A_STREET.command
picked = _FOR_A_STREET.picked


async def choose_day(turn: Turn, pressed: ChooseDay) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return
    choices = tuple(Choice(weekday_words(day), ChooseTime(street.id, day).pack()) for day in range(7))
    organisers.tell(turn, msg(texts.DIGEST_WHICH_DAY), choices)


async def choose_time(turn: Turn, pressed: ChooseTime) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return
    choices = tuple(Choice(as_is(clock_words(at)), Start(street.id, pressed.weekday, _hhmm(at)).pack())
                    for at in TIMES_OFFERED)
    organisers.tell(turn, msg(texts.DIGEST_WHAT_TIME), choices)


async def start(turn: Turn, pressed: Start) -> None:
    weekday, at = pressed.weekday, _read_hhmm(pressed.at)
    assert at is not None  # checked as the press was read
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return
    zone = (await for_street(turn.services, street)).timezone
    first = next_on_days((weekday,), at, zone, turn.now)
    await turn.store.digests.put(street.id, turn.neighbour.id, weekday, at, first)
    turn.effects.wake(first)
    current = await turn.store.digests.get(street.id, turn.neighbour.id)
    telling = current is not None and current.tell_quiet_weeks
    organisers.tell(
        turn, msg(texts.DIGEST_STARTED, street=street_name(street), when=schedule_words(weekday, at)),
        (_stop(street.id), _quiet_weeks(street.id, telling)),
    )


async def send_now(turn: Turn, pressed: SendNow) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is not None:
        said = await summary(turn.services, street, turn.person, turn.now, quiet_line=True)  # asked for: always a word
        assert said is not None
        turn.effects.add(said)


async def quiet_weeks(turn: Turn, pressed: QuietWeeks) -> None:
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return
    if not await turn.store.digests.set_tell_quiet_weeks(street.id, turn.neighbour.id, bool(pressed.tell)):
        turn.answer(common.ALREADY_DONE)
        return
    said = texts.QUIET_WEEKS_TELL if pressed.tell else texts.QUIET_WEEKS_SILENT
    organisers.tell(turn, msg(said, street=street_name(street)), (_quiet_weeks(street.id, bool(pressed.tell)),))


async def stop(turn: Turn, pressed: Stop) -> None:
    """Anyone may stop their own summary, organiser or not any more: it only touches their row."""
    street = await turn.store.streets.get(pressed.street_id)
    if street is None:
        turn.answer(common.BUTTON_EXPIRED)
    elif not await turn.store.digests.stop(street.id, turn.neighbour.id):
        turn.answer(common.ALREADY_DONE)
    else:
        turn.effects.tell(turn.person, msg(texts.DIGEST_STOPPED, street=street_name(street)))


async def summary(services: Services, street: Street, to: Person, now: datetime, *, quiet_line: bool) -> Outgoing | None:
    """Last week's counts, and the last eight weeks as a chart. In a week when nothing happened: one
    line if `quiet_line`, else nothing (None). Sent now or not at all: a summary kept waiting for
    someone the bot can't reach would only be out of date."""
    zone = (await for_street(services, street)).timezone
    last_week = week_start(now, zone) - WEEK
    weeks, counts = await weekly.recent_weeks(services, street.id, last_week, WEEKS_IN_CHART)
    name = street_name(street)

    def last(what: str) -> int:
        return counts[what][-1]

    if not any(last(what) for what in weekly.EVERYTHING):
        if not quiet_line:
            return None
        quiet = msg(texts.DIGEST_QUIET_WEEK, street=name, week=date_words(last_week))
        return Outgoing(ToPerson(to), quiet, (_stop(street.id),), hold_if_unreachable=False)

    hours = int(services.settings.unmet_after.total_seconds() // 3600)
    text = lines(
        msg(texts.DIGEST_HEAD, street=name, week=date_words(last_week)),
        msg(texts.DIGEST_NEW_NEIGHBOURS, count=last(weekly.NEW_NEIGHBOURS)),
        msg(texts.DIGEST_ASKS, count=last(weekly.ASKS_POSTED)),
        msg(texts.DIGEST_ASKS_MET, count=last(weekly.ASKS_MET)),
        msg(texts.DIGEST_ASKS_UNMET, count=last(weekly.ASKS_UNMET), hours=hours),
        msg(texts.DIGEST_OFFERS, count=last(weekly.OFFERS_POSTED)),
        msg(texts.DIGEST_CHECKINS, count=last(weekly.CHECKINS_ANSWERED)),
    )
    chart = WeeklyChart(
        msg(texts.CHART_TITLE, street=name, weeks=len(weeks)), weeks,
        tuple((msg(label), counts[what]) for what, label in _CHART_SERIES),
    )
    return Outgoing(ToPerson(to), text, (_stop(street.id),), hold_if_unreachable=False, chart=chart)


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    store = services.store
    for subscription in await store.digests.due(now):
        street = await store.streets.get(subscription.street_id)
        who = await person(store, subscription.neighbour_id)
        if street is None or who is None:
            await store.digests.stop(subscription.street_id, subscription.neighbour_id)
            continue
        try:
            still_organiser = await services.organisers.is_organiser(street, who.user_id)
        except Exception:
            log.warning("could not check an organiser, trying again later street=%s", street.id, exc_info=True)
            await store.digests.set_next(street.id, subscription.neighbour_id, now + RETRY_AFTER)
            continue
        if not still_organiser:
            await store.digests.stop(street.id, subscription.neighbour_id)
            effects.tell(who, msg(texts.DIGEST_ENDED_NOT_ORGANISER, street=street_name(street)))
            continue
        said = await summary(services, street, who, now, quiet_line=subscription.tell_quiet_weeks)
        if said is not None:
            effects.add(said)
        await store.digests.set_next(street.id, subscription.neighbour_id, await _next(services, subscription, now))


async def _next(services: Services, subscription: DigestSubscription, after: datetime) -> datetime:
    zone = (await for_street(services, subscription.street_id)).timezone
    return next_on_days((subscription.weekday,), subscription.at, zone, after)


async def next_due(services: Services) -> datetime | None:
    return await services.store.digests.next_at()


async def follow_time_zone(services: Services, street: Street, now: datetime) -> None:
    """The street's time zone changed: each summary keeps its local day and time."""
    for subscription in await services.store.digests.of_street(street.id):
        await services.store.digests.set_next(street.id, subscription.neighbour_id, await _next(services, subscription, now))
