"""Dates and clock times as a street lives them: its weeks, weekly schedules, and how
days and times are said. Everything is computed in the street's time zone with zoneinfo, so a
19:00 reminder is at 19:00 on both sides of a daylight-saving change."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable
from zoneinfo import ZoneInfo

from handlers.kernel.messages import Msg, msg
from handlers.street import texts

WEEKDAY_NAMES = (
    texts.MONDAY, texts.TUESDAY, texts.WEDNESDAY, texts.THURSDAY, texts.FRIDAY, texts.SATURDAY, texts.SUNDAY,
)
MONTH_NAMES = (
    texts.JANUARY, texts.FEBRUARY, texts.MARCH, texts.APRIL, texts.MAY, texts.JUNE, texts.JULY, texts.AUGUST,
    texts.SEPTEMBER, texts.OCTOBER, texts.NOVEMBER, texts.DECEMBER,
)
WEEK = timedelta(days=7)


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def week_start(moment: datetime, zone: ZoneInfo) -> date:
    """The Monday of the street's week that `moment` falls in."""
    day = local_date(moment, zone)
    return day - timedelta(days=day.weekday())


def at_local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` o'clock on `day` in the street, as a UTC moment. A time the clocks skip (01:30 on the
    spring change) lands an hour later; a time they pass twice (autumn) is the first of the two."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)


def next_on_days(days: Iterable[int], at: time, zone: ZoneInfo, after: datetime) -> datetime:
    """The first `at` o'clock on one of `days` (Monday = 0) strictly after `after`."""
    wanted = set(days)
    if not wanted:
        raise ValueError("a schedule needs at least one day")
    start = local_date(after, zone)
    for offset in range(8):
        day = start + timedelta(days=offset)
        if day.weekday() in wanted and (moment := at_local(day, at, zone)) > after:
            return moment
    raise AssertionError("a weekly schedule always has a day within eight")


def fortnight_after(previous: datetime, at: time, zone: ZoneInfo, after: datetime) -> datetime:
    """The next of a fortnightly schedule: whole fortnights on from `previous`, past `after`."""
    day = local_date(previous, zone)
    behind = (local_date(after, zone) - day).days // 14
    day += timedelta(days=14 * max(behind, 0))
    while (moment := at_local(day, at, zone)) <= after:
        day += timedelta(days=14)
    return moment


def clock_words(at: time) -> str:
    return f"{at:%H:%M}"


def weekday_words(weekday: int) -> Msg:
    return msg(WEEKDAY_NAMES[weekday])


def date_words(day: date) -> Msg:
    """"9 March"."""
    return msg(texts.DAY_OF_MONTH, day=day.day, month=msg(MONTH_NAMES[day.month - 1]))


def listing(items: list[Msg]) -> Msg:
    """"Monday", "Monday and Thursday", "Monday, Wednesday and Friday"."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return msg(texts.TWO_THINGS, first=items[0], second=items[1])
    return msg(texts.LIST_OF_THINGS, first=items[0], rest=listing(items[1:]))


def parse_clock(text: str) -> time | None:
    """'19:00', '7pm', '7:30 pm', '19.30', '0930' -> a time; None if it isn't one."""
    cleaned = text.strip().lower().replace(" ", "").replace(".", ":")
    suffix = None
    for ending in ("am", "pm"):
        if cleaned.endswith(ending):
            cleaned, suffix = cleaned[: -len(ending)], ending
    if cleaned.isdigit() and len(cleaned) == 4 and suffix is None:
        cleaned = f"{cleaned[:2]}:{cleaned[2:]}"
    hours_text, _, minutes_text = cleaned.partition(":")
    if not hours_text.isdigit() or len(hours_text) > 2 or (minutes_text and (not minutes_text.isdigit() or len(minutes_text) != 2)):
        return None
    if not minutes_text and suffix is None:
        return None  # a bare "7" could be morning or evening
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if suffix is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if suffix == "pm" else 0)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)
