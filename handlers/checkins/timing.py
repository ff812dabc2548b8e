"""When a check-in falls: the neighbour's chosen local time in the street's time zone (so 10:00 stays
10:00 on both sides of a daylight-saving change), moved out of the street's quiet hours (which its
settings know), and reading the times and days people type."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from handlers.kernel.checkin_records import Checkin, Schedule
from handlers.kernel.street_settings import StreetSettings
from handlers.kernel.wording import tokens
from handlers.street.day_names import lookup

LOOK_AHEAD_DAYS = 8  # every weekly schedule falls within a week


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone`, as UTC. A time the clocks skip (01:30 when they go forward) becomes
    the same wall time after the change; a time that happens twice is the first one."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)


def next_occurrence(schedule: Schedule, zone: ZoneInfo, not_before: datetime) -> datetime | None:
    """The first time the schedule falls at or after `not_before`; None when it never will again."""
    start = not_before.astimezone(zone).date()
    if schedule.once:
        if schedule.once_on is None:
            return None
        moment = local_moment(schedule.once_on, schedule.at, zone)
        return moment if moment >= not_before else None
    for offset in range(LOOK_AHEAD_DAYS):
        day = start + timedelta(days=offset)
        if schedule.on(day):
            moment = local_moment(day, schedule.at, zone)
            if moment >= not_before:
                return moment
    return None


def next_time(checkin: Checkin, street: StreetSettings, after: datetime) -> datetime | None:
    """When this check-in should next go out, at or after `after`: by its schedule, once any pause is
    over, moved out of the street's quiet hours. None when paused until they say, or a one-off that
    has passed."""
    if checkin.paused_indefinitely:
        return None
    not_before = after
    if checkin.paused and checkin.paused_until is not None:
        not_before = max(after, checkin.paused_until)
    moment = next_occurrence(checkin.schedule, street.timezone, not_before)
    return None if moment is None else street.next_allowed(moment)


def once_day(at: time, zone: ZoneInfo, now: datetime) -> date:
    """For "just once": today if the time is still ahead, else tomorrow."""
    today = now.astimezone(zone).date()
    return today if local_moment(today, at, zone) > now else today + timedelta(days=1)


_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*m?\.?$")
_COMPACT = re.compile(r"^(\d{1,2})(\d{2})$")  # 0930, 930
_NOON = {"noon", "midday", "12noon"}


def parse_clock(text: str) -> time | None:
    """'9:30', '09.30', '930', '9am', '2.15 pm', '14:00', 'noon' -> a time; None if it isn't one."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _NOON:
        return time(12, 0)
    if match := _COMPACT.match(cleaned):
        hour, minute, half = int(match.group(1)), int(match.group(2)), None
    elif match := _CLOCK.match(cleaned):
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    else:
        return None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


_DAY_WORDS = {word: number for word, (number, _) in lookup(every=True, in_lists=True).items()}
_FILLER = {
    "and", "on", "every", "the", "days", "day",  # Mon and Wed; on Tuesdays
    "i", "oraz", "w", "we", "co", "kazdy", "kazda", "dni", "dzien",  # w poniedziałki i środy
    "si", "in", "fiecare", "zilele", "zi", "de",  # lunea și miercurea; în fiecare luni
}


def parse_days(text: str) -> int | None:
    """'Mon Wed Fri', 'tuesdays and thursdays', 'pon śr pt' -> a day mask; None if any word isn't a day."""
    mask = 0
    for word in tokens(text):
        if word in _DAY_WORDS:
            mask |= 1 << _DAY_WORDS[word]
        elif word not in _FILLER:
            return None
    return mask or None
