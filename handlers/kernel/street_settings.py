"""A street's own settings: the operator's defaults, with whatever the street's organisers changed.

Only changed values are stored (one row each). Add a setting by adding a field here with its
default and a line in `_READERS`; organisers change them through `set_setting`."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.kernel.domain import PostKind, Street
from handlers.kernel.settings import CoreSettings
from handlers.kernel.turn import Services
from handlers.kernel.wording import check_post_text, tidy


@dataclass(frozen=True)
class StreetSettings:
    timezone: ZoneInfo
    language: str
    quiet_from: time  # nothing the bot starts on its own is sent between these local times
    quiet_until: time
    ask_expiry_days: int
    offer_expiry_days: int
    hello_text: str  # the street's own hello to quiet neighbours; "" for the usual one
    digest_day: int  # when organisers' weekly summary usually comes (Monday = 0), local time
    digest_time: time
    radius_m: int  # how far the street's asks reach, between cells (200–2,000 m)
    # Where new cards, reminders and the street's notices go: a forum topic or thread the organisers
    # chose, as the platform names it; "" for wherever they were asked (the group's main place when
    # nobody asked). `cards_home_gone`: the home the organisers were told is closed or gone.
    cards_home: str
    cards_home_gone: str
    join_link: str  # the group's invite link, for newcomers who arrive through a leaflet; "" for none

    def lifetime(self, kind: PostKind) -> timedelta:
        """How long a post of this kind stays up before its author is asked about it."""
        return timedelta(days=self.ask_expiry_days if kind is PostKind.ASK else self.offer_expiry_days)

    # Quiet hours: the one place they are worked out. Everything the bot starts on its own asks here.

    def is_quiet_time(self, at: time) -> bool:
        """Whether a clock time on the street's walls is in its quiet hours. They may run overnight
        (21:00–08:00); equal ends mean there are none."""
        start, end = self.quiet_from, self.quiet_until
        if start == end:
            return False
        if start < end:
            return start <= at < end
        return at >= start or at < end

    def is_quiet(self, moment: datetime) -> bool:
        return self.is_quiet_time(moment.astimezone(self.timezone).time())

    def next_allowed(self, moment: datetime) -> datetime:
        """The first moment at or after `moment` outside quiet hours: `moment` itself, or (in UTC) when
        the street's clocks next leave them. Clocks that change inside the quiet hours are followed:
        an end the clocks skip comes as they jump, and one they pass twice counts where `moment` is."""
        at = moment
        for _ in range(_CLOCK_CHANGES_LOOKED_AT):
            local = at.astimezone(self.timezone)
            wall = local.replace(tzinfo=None)
            if not self.is_quiet_time(wall.time()):
                return at if at is moment else at.astimezone(timezone.utc)
            end = datetime.combine(wall.date(), self.quiet_until)
            if end <= wall:
                end += timedelta(days=1)
            at_end = at + (end - wall)  # while the clocks keep their offset
            change = _offset_change(self.timezone, at, at_end)
            if change is None:
                return at_end.astimezone(timezone.utc)
            at = change  # the clocks change first: carry on from there, on the new offset
        raise AssertionError("quiet hours shorter than a day end before the clocks change this often")


_CLOCK_CHANGES_LOOKED_AT = 4


def _offset_change(zone: ZoneInfo, start: datetime, end: datetime) -> datetime | None:
    """The first moment after `start`, up to `end` (less than a day later), at which `zone`'s clocks
    differ from `start`'s; None if they don't change between. Changes fall on whole seconds."""
    offset = start.astimezone(zone).utcoffset()
    if end.astimezone(zone).utcoffset() == offset:
        return None  # (no zone changes its clocks and back again within a day)
    low, high = int(start.timestamp()), math.ceil(end.timestamp())  # low keeps start's offset
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).utcoffset() == offset:
            low = middle
        else:
            high = middle
    return datetime.fromtimestamp(high, timezone.utc)


def defaults(settings: CoreSettings) -> StreetSettings:
    return StreetSettings(
        timezone=settings.timezone,
        language=settings.locale,
        quiet_from=settings.quiet_from,
        quiet_until=settings.quiet_until,
        ask_expiry_days=settings.ask_lifetime.days,
        offer_expiry_days=settings.offer_lifetime.days,
        hello_text="",
        digest_day=settings.digest_day,
        digest_time=settings.digest_time,
        radius_m=settings.radius_m,
        cards_home="",
        cards_home_gone="",
        join_link="",
    )


class BadSetting(ValueError):
    """A value a setting can't take; the message says what it can."""


def _zone(value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadSetting("a time zone like Europe/London") from None


def _clock_time(value: str) -> time:
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise BadSetting("a time like 21:00") from None


def _days(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 365:
        raise BadSetting("a number of days from 1 to 365")
    return int(value)


def _language(value: str) -> str:
    if not (2 <= len(value) <= 8 and value.replace("_", "").isalpha()):
        raise BadSetting("a language code like en or pl")
    return value.lower()


HELLO_MAX_LENGTH = 500


def _hello_text(value: str) -> str:
    if check_post_text(value, HELLO_MAX_LENGTH) is not None:
        raise BadSetting(f"a few friendly sentences, under {HELLO_MAX_LENGTH} characters")
    return tidy(value)


def _weekday(value: str) -> int:
    if value not in {str(day) for day in range(7)}:
        raise BadSetting("a day from 0 (Monday) to 6 (Sunday)")
    return int(value)


RADIUS_RANGE_M = (200, 2000)


def _radius(value: str) -> int:
    low, high = RADIUS_RANGE_M
    if not value.isdigit() or not low <= int(value) <= high:
        raise BadSetting(f"a distance from {low} to {high} metres")
    return int(value)


THREAD_MAX_LENGTH = 255


def _thread(value: str) -> str:
    if not value or len(value) > THREAD_MAX_LENGTH or any(char.isspace() for char in value):
        raise BadSetting("a topic or thread as the platform names it")
    return value


JOIN_LINK_MAX_LENGTH = 200
_JOIN_LINK = re.compile(r"https://[^\s<>\"']+")


def _join_link(value: str) -> str:
    if len(value) > JOIN_LINK_MAX_LENGTH or not _JOIN_LINK.fullmatch(value):
        raise BadSetting("the group's invite link, starting https://")
    return value


_READERS: dict[str, Callable[[str], object]] = {
    "timezone": _zone,
    "language": _language,
    "quiet_from": _clock_time,
    "quiet_until": _clock_time,
    "ask_expiry_days": _days,
    "offer_expiry_days": _days,
    "hello_text": _hello_text,
    "digest_day": _weekday,
    "digest_time": _clock_time,
    "radius_m": _radius,
    "cards_home": _thread,
    "cards_home_gone": _thread,
    "join_link": _join_link,
}


def read_value(name: str, value: str) -> object:
    """Check one stored or typed value; raises BadSetting (or KeyError for an unknown name)."""
    return _READERS[name](value.strip())


async def for_street(services: Services, street: Street | int) -> StreetSettings:
    street_id = street if isinstance(street, int) else street.id
    stored = await services.store.street_settings.of_street(street_id)
    changes = {}
    for name, value in stored.items():
        if name in _READERS:
            try:
                changes[name] = read_value(name, value)
            except BadSetting:
                continue  # a value from an older version that no longer reads: the default stands
    return replace(defaults(services.settings), **changes)


async def set_setting(services: Services, street: Street, name: str, value: str) -> object:
    """Store a changed setting after checking it; returns the value as read."""
    read = read_value(name, value)
    await services.store.street_settings.put(street.id, name, tidy(value) if name == "hello_text" else value.strip())
    return read
