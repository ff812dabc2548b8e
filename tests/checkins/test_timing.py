"""The pure arithmetic of check-in times: local wall-clock times through daylight-saving changes,
out of quiet hours (their rule is tested with the street's settings), and reading what people type."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest

from handlers.checkins.timing import (
    local_moment,
    next_occurrence,
    next_time,
    once_day,
    parse_clock,
    parse_days,
)
from handlers.kernel.checkin_records import EVERY_DAY, WEEKDAYS, Checkin, Schedule, Tell
from handlers.kernel.settings import CoreSettings
from handlers.kernel.street_settings import defaults
from tests.checkins.helpers import LONDON, local

STREET = defaults(CoreSettings(timezone=LONDON, quiet_from=time(21), quiet_until=time(8)))


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 28), utc("2026-03-28 10:00")),  # GMT
        (date(2026, 3, 29), utc("2026-03-29 09:00")),  # BST from 01:00 UTC that morning
        (date(2026, 10, 24), utc("2026-10-24 09:00")),
        (date(2026, 10, 25), utc("2026-10-25 10:00")),  # back to GMT
    ],
)
def test_ten_oclock_local_on_both_sides_of_a_change(day: date, expected: datetime) -> None:
    assert local_moment(day, time(10), LONDON) == expected


def test_a_time_the_clocks_skip_or_repeat() -> None:
    assert local_moment(date(2026, 3, 29), time(1, 30), LONDON) == utc("2026-03-29 01:30")  # i.e. 02:30 BST
    assert local_moment(date(2026, 10, 25), time(1, 30), LONDON) == utc("2026-10-25 00:30")  # the first 01:30


def test_next_occurrence_follows_the_days() -> None:
    weekdays = Schedule(WEEKDAYS, time(10))
    friday_noon = local("2026-03-06 12:00")
    assert next_occurrence(weekdays, LONDON, friday_noon) == local("2026-03-09 10:00")
    assert next_occurrence(weekdays, LONDON, local("2026-03-09 10:00")) == local("2026-03-09 10:00")
    tuesdays = Schedule(0b10, time(9, 30))
    assert next_occurrence(tuesdays, LONDON, local("2026-03-03 09:31")) == local("2026-03-10 09:30")
    once = Schedule(0, time(16), date(2026, 3, 2))
    assert next_occurrence(once, LONDON, local("2026-03-02 15:00")) == local("2026-03-02 16:00")
    assert next_occurrence(once, LONDON, local("2026-03-02 16:01")) is None


def test_next_time_respects_a_pause() -> None:
    checkin = Checkin(1, 1, 1, Schedule(EVERY_DAY, time(10)), Tell.NOBODY, timedelta(hours=3))
    after = local("2026-03-02 09:00")
    assert next_time(checkin, STREET, after) == local("2026-03-02 10:00")
    paused = replace(checkin, paused=True, paused_until=local("2026-03-04 12:00"))
    assert next_time(paused, STREET, after) == local("2026-03-05 10:00")
    for_ever = replace(checkin, paused=True)
    assert next_time(for_ever, STREET, after) is None


def test_once_is_today_while_the_time_is_ahead() -> None:
    assert once_day(time(16), LONDON, local("2026-03-02 15:59")) == date(2026, 3, 2)
    assert once_day(time(16), LONDON, local("2026-03-02 16:00")) == date(2026, 3, 3)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:30", time(9, 30)), ("09.30", time(9, 30)), ("930", time(9, 30)), ("0930", time(9, 30)),
        ("9", time(9)), ("9am", time(9)), ("9 a.m.", time(9)), ("2.15 pm", time(14, 15)), ("12pm", time(12)),
        ("12am", time(0)), ("14:00", time(14)), ("noon", time(12)), ("Midday", time(12)), ("10h15", time(10, 15)),
        ("25:00", None), ("13pm", None), ("9:75", None), ("soon", None), ("", None), ("half nine", None),
        ("🙂", None), ("9:30:15", None),
    ],
)
def test_parse_clock(typed: str, expected: time | None) -> None:
    assert parse_clock(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Mon Wed Fri", 0b10101), ("tuesdays and thursdays", 0b1010), ("every Sunday", 0b1000000),
        ("sat, sun", 0b1100000), ("Monday, Tuesday and the weekend", None), ("", None), ("and", None),
        ("pon śr pt", 0b10101), ("we wtorki i czwartki", 0b1010), ("w każdą niedzielę", 0b1000000),
        ("poniedzialek, sroda", 0b101), ("sob nd", 0b1100000), ("lun mie vin", 0b10101),
        ("marțea și joia", 0b1010), ("în fiecare duminică", 0b1000000), ("sâm, dum", 0b1100000),
        ("pon i kiedyś", None),
    ],
)
def test_parse_days(typed: str, expected: int | None) -> None:
    assert parse_days(typed) == expected
