"""Quiet hours, the one rule: on the street's settings, in its own time zone, through the clocks
changing inside the quiet hours, at their ends, and far from UTC. No storage needed."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.kernel.settings import CoreSettings
from handlers.kernel.street_settings import StreetSettings, defaults

LONDON = "Europe/London"
UTC = timezone.utc


def street(quiet_from: time, quiet_until: time, zone: str = LONDON) -> StreetSettings:
    return defaults(CoreSettings(timezone=ZoneInfo(zone), quiet_from=quiet_from, quiet_until=quiet_until))


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def wall(text: str, zone: str = LONDON) -> datetime:
    """A local clock time in `zone` (the first, where the clocks show it twice), as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


NIGHT = street(time(21), time(8))


@pytest.mark.parametrize(
    ("at", "quiet"),
    [(time(21), True), (time(23, 59), True), (time(0), True), (time(7, 59), True), (time(8), False), (time(20, 59), False)],
)
def test_overnight_clock_times(at: time, quiet: bool) -> None:
    assert NIGHT.is_quiet_time(at) is quiet


def test_within_a_day_and_none_at_all() -> None:
    lunch = street(time(13), time(14))
    assert lunch.is_quiet(utc("2026-03-02 13:30"))
    assert lunch.next_allowed(utc("2026-03-02 13:30")) == utc("2026-03-02 14:00")
    assert not lunch.is_quiet(utc("2026-03-02 14:00"))
    never = street(time(9), time(9))
    for hour in range(24):
        moment = utc("2026-03-02 00:00") + timedelta(hours=hour)
        assert not never.is_quiet(moment)
        assert never.next_allowed(moment) == moment


def test_overnight_in_winter_and_summer() -> None:
    assert NIGHT.next_allowed(utc("2026-03-02 20:59")) == utc("2026-03-02 20:59")
    assert NIGHT.next_allowed(utc("2026-03-02 21:00")) == utc("2026-03-03 08:00")
    assert NIGHT.next_allowed(wall("2026-03-03 02:00")) == wall("2026-03-03 08:00")
    assert NIGHT.next_allowed(utc("2026-03-03 07:59")) == utc("2026-03-03 08:00")
    assert not NIGHT.is_quiet(utc("2026-03-03 08:00"))
    # In summer London is an hour ahead: its 21:00 is 20:00 UTC.
    assert NIGHT.is_quiet(utc("2026-07-01 20:30"))
    assert NIGHT.next_allowed(utc("2026-07-01 20:30")) == utc("2026-07-02 07:00")


def test_spring_forward_inside_the_quiet_hours() -> None:
    # 29 March 2026: at 01:00 GMT the clocks jump to 02:00 BST. The night is an hour shorter,
    # and the quiet hours still end at 08:00 on the wall, 07:00 UTC.
    assert NIGHT.next_allowed(wall("2026-03-28 22:00")) == utc("2026-03-29 07:00")
    assert NIGHT.next_allowed(utc("2026-03-29 01:30")) == utc("2026-03-29 07:00")


def test_spring_forward_over_the_end_of_the_quiet_hours() -> None:
    # Quiet until 01:30, a time that never happens that night: they end as the clocks jump to 02:00.
    short = street(time(21), time(1, 30))
    assert short.is_quiet(utc("2026-03-29 00:59"))
    assert short.next_allowed(utc("2026-03-29 00:30")) == utc("2026-03-29 01:00")
    assert not short.is_quiet(utc("2026-03-29 01:00"))
    # Quiet hours wholly inside the skipped hour don't happen at all that night.
    skipped = street(time(1, 10), time(1, 40))
    assert not any(skipped.is_quiet(utc("2026-03-29 00:00") + timedelta(minutes=m)) for m in range(0, 180, 5))


def test_fall_back_inside_the_quiet_hours() -> None:
    # 25 October 2026: at 01:00 UTC (02:00 BST) the clocks go back to 01:00 GMT. The night is an hour
    # longer, and 08:00 on the wall is 08:00 UTC.
    assert NIGHT.next_allowed(wall("2026-10-24 22:00")) == utc("2026-10-25 08:00")
    assert NIGHT.next_allowed(utc("2026-10-25 00:30")) == utc("2026-10-25 08:00")  # 01:30 BST
    assert NIGHT.next_allowed(utc("2026-10-25 01:30")) == utc("2026-10-25 08:00")  # 01:30 GMT


def test_fall_back_through_quiet_hours_the_clocks_show_twice() -> None:
    # Quiet 01:00–01:30: that night the clocks show those times twice, and both are quiet.
    twice = street(time(1), time(1, 30))
    assert twice.next_allowed(utc("2026-10-25 00:10")) == utc("2026-10-25 00:30")  # 01:10 BST → 01:30 BST
    assert not twice.is_quiet(utc("2026-10-25 00:45"))  # 01:45 BST
    assert twice.is_quiet(utc("2026-10-25 01:10"))  # 01:10 GMT, the second time round
    assert twice.next_allowed(utc("2026-10-25 01:10")) == utc("2026-10-25 01:30")


def test_leaving_quiet_hours_as_the_clocks_go_back() -> None:
    # Allowed only 00:30–01:59 on the wall: at 01:59:30 BST it is quiet, and as the clocks go back to
    # 01:00 GMT it isn't any more, before the wall ever reaches 00:30 again.
    late = street(time(1, 59), time(0, 30))
    assert late.is_quiet(utc("2026-10-25 00:59:30"))
    assert late.next_allowed(utc("2026-10-25 00:59:30")) == utc("2026-10-25 01:00")


def test_a_zone_far_from_utc() -> None:
    # Kiritimati is UTC+14: its quiet night is mid-morning to evening in UTC, on the day before.
    kiritimati = street(time(21), time(8), "Pacific/Kiritimati")
    assert kiritimati.is_quiet(utc("2026-03-02 07:00"))  # 21:00 there
    assert kiritimati.next_allowed(utc("2026-03-02 07:00")) == utc("2026-03-02 18:00")  # 08:00 on the 3rd there
    assert not kiritimati.is_quiet(utc("2026-03-02 18:00"))
    # Samoa skipped 30 December 2011 (from UTC-10 to UTC+14): a whole day jumped inside the quiet hours.
    apia = street(time(21), time(8), "Pacific/Apia")
    assert apia.next_allowed(wall("2011-12-29 22:00", "Pacific/Apia")) == wall("2011-12-31 08:00", "Pacific/Apia")


def test_a_zone_west_of_utc_across_its_change() -> None:
    # New York springs forward at 02:00 on 8 March 2026, inside the night.
    new_york = street(time(22), time(7), "America/New_York")
    assert new_york.next_allowed(wall("2026-03-07 23:00", "America/New_York")) == utc("2026-03-08 11:00")


ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "Asia/Kathmandu"]
CLOCK_TIMES = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@given(
    zone=st.sampled_from(ZONES), start=CLOCK_TIMES, end=CLOCK_TIMES,
    moment=st.datetimes(datetime(2025, 1, 1), datetime(2027, 1, 1), timezones=st.just(UTC)),
)
def test_next_allowed_is_the_first_moment_outside_quiet_hours(zone: str, start: time, end: time, moment: datetime) -> None:
    settings = street(start, end, zone)
    allowed = settings.next_allowed(moment)
    assert allowed >= moment
    assert not settings.is_quiet(allowed)
    assert allowed - moment < timedelta(days=1, hours=1)
    # Nothing quiet-free came sooner: every moment between, to the minute, is quiet.
    step = moment
    while step < allowed:
        assert settings.is_quiet(step)
        step += timedelta(minutes=1)
