"""When check-ins go out: 10:00 stays 10:00 local across daylight-saving changes, nothing the bot
starts itself goes out in quiet hours, and a check-in missed while the bot was down goes out late
within the grace window or not at all — never escalated for the downtime."""

from datetime import timedelta

from handlers.checkins import texts as checkins_texts
from handlers.kernel.checkin_records import Stage
from handlers.kernel.street_settings import set_setting
from tests.checkins.helpers import LONDON, local, run_until, set_up, to, with_buddy
from tests.kit import StreetKit, only


def _local_times(street: StreetKit, who: str, key: str) -> list[str]:
    return [moment.astimezone(LONDON).strftime("%a %d %b %H:%M") for moment in street.notifier.times_to(who, key)]


async def test_ten_oclock_stays_ten_oclock_when_the_clocks_go_forward_and_back(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    street.clock.move_to(local("2026-03-27 12:00"))  # skip ahead to the week of the change
    await street.core.run_due()
    street.notifier.log.clear()
    await run_until(street, local("2026-03-31 12:00"))
    assert _local_times(street, "rosa", checkins_texts.CHECKIN_HELLO) == [
        "Sat 28 Mar 10:00", "Sun 29 Mar 10:00", "Mon 30 Mar 10:00", "Tue 31 Mar 10:00",
    ]
    hellos = street.notifier.times_to("rosa", checkins_texts.CHECKIN_HELLO)
    assert hellos[1] - hellos[0] == timedelta(hours=23)  # the short night
    street.clock.move_to(local("2026-10-23 12:00"))
    await street.core.run_due()
    street.notifier.log.clear()
    await run_until(street, local("2026-10-27 12:00"))
    hellos = street.notifier.times_to("rosa", checkins_texts.CHECKIN_HELLO)
    assert _local_times(street, "rosa", checkins_texts.CHECKIN_HELLO) == [
        "Sat 24 Oct 10:00", "Sun 25 Oct 10:00", "Mon 26 Oct 10:00", "Tue 27 Oct 10:00",
    ]
    assert hellos[1] - hellos[0] == timedelta(hours=25)  # the long night


async def test_reminder_and_buddy_wait_for_the_end_of_quiet_hours(street: StreetKit) -> None:
    await with_buddy(street, at="20:00")
    await run_until(street, local("2026-03-03 12:00"))
    assert _local_times(street, "rosa", checkins_texts.CHECKIN_HELLO) == ["Mon 02 Mar 20:00"]
    # Half-way would be 21:30, inside 21:00–08:00: it waits until 08:00, and Sam hears no sooner than
    # half the wait after it.
    assert _local_times(street, "rosa", checkins_texts.CHECKIN_REMINDER) == ["Tue 03 Mar 08:00"]
    assert _local_times(street, "sam", checkins_texts.BUDDY_NO_ANSWER) == ["Tue 03 Mar 09:30"]


async def test_a_street_that_moves_its_quiet_hours_moves_the_check_in_too(street: StreetKit) -> None:
    await set_up(street, at="20:00", tell="Nobody", wait=None)
    elm = (await street.store.streets.of_neighbour((await street.store.neighbours.find("test", "rosa")).id))[0]
    await set_setting(street.core.services, elm, "quiet_from", "19:30")
    await run_until(street, local("2026-03-03 12:00"))
    assert _local_times(street, "rosa", checkins_texts.CHECKIN_HELLO) == ["Tue 03 Mar 08:00"]


async def test_a_street_in_another_time_zone_gets_its_own_ten_oclock(street: StreetKit) -> None:
    await street.join("rosa")
    elm = (await street.store.streets.of_neighbour((await street.store.neighbours.find("test", "rosa")).id))[0]
    await set_setting(street.core.services, elm, "timezone", "Europe/Warsaw")
    await set_up(street, at="11:00", tell="Nobody", wait=None)
    await run_until(street, local("2026-03-03 12:00"))
    assert street.notifier.times_to("rosa", checkins_texts.CHECKIN_HELLO) == [
        local("2026-03-02 10:00"), local("2026-03-03 10:00"),  # 11:00 in Warsaw
    ]


async def test_missed_while_down_goes_out_late_within_the_grace_window(street: StreetKit) -> None:
    await with_buddy(street)
    street.clock.move_to(local("2026-03-02 10:40"))  # the bot was down from before 10:00 until now
    await street.core.run_due()
    assert street.notifier.times_to("rosa", checkins_texts.CHECKIN_HELLO) == [local("2026-03-02 10:40")]
    await run_until(street, local("2026-03-02 14:00"))
    # Every wait counts from when it really went out.
    assert street.notifier.times_to("rosa", checkins_texts.CHECKIN_REMINDER) == [local("2026-03-02 12:10")]
    assert street.notifier.times_to("sam", checkins_texts.BUDDY_NO_ANSWER) == [local("2026-03-02 13:40")]


async def test_missed_too_long_ago_is_skipped_and_never_escalated(street: StreetKit) -> None:
    await with_buddy(street)
    street.clock.move_to(local("2026-03-02 11:30"))  # down for the whole grace window
    await street.core.run_due()
    assert await run_until(street, local("2026-03-03 09:59")) == []
    assert await street.count("checkin_occurrences") == 0
    assert only(await run_until(street, local("2026-03-03 10:00"))).key == checkins_texts.CHECKIN_HELLO


async def test_down_for_days_sends_only_todays_if_still_timely(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    street.clock.move_to(local("2026-03-05 10:20"))
    await street.core.run_due()
    assert street.notifier.times_to("rosa", checkins_texts.CHECKIN_HELLO) == [local("2026-03-05 10:20")]
    assert await street.count("checkin_occurrences") == 1


async def test_occurrences_are_deleted_after_fourteen_days(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    await run_until(street, local("2026-03-02 10:00"))
    await run_until(street, local("2026-03-16 09:59"))
    assert await street.count("checkin_occurrences", "due_at = strftime('%s', '2026-03-02 10:00')") == 1
    await run_until(street, local("2026-03-16 10:01"))
    assert await street.count("checkin_occurrences", "due_at = strftime('%s', '2026-03-02 10:00')") == 0
    assert await street.count("checkin_occurrences") == 14
    assert await street.count("checkin_occurrences", f"stage = '{Stage.CLOSED}'") == 13


async def test_a_one_off_is_forgotten_fourteen_days_after_its_day(street: StreetKit) -> None:
    await set_up(street, often="Just once", at="16:00", tell="Nobody", wait=None)
    sent = await run_until(street, local("2026-03-02 16:00"))
    assert len(to(sent, "rosa", checkins_texts.CHECKIN_HELLO)) == 1
    assert [s.key for s in await run_until(street, local("2026-03-10 16:00"))] == [checkins_texts.CHECKIN_REMINDER]
    assert "none left to send" in only(await street.tell("rosa", "/checkin")).text
    await run_until(street, local("2026-03-16 16:01"))
    assert await street.count("checkins") == 0 and await street.count("checkin_occurrences") == 0


async def test_late_after_downtime_but_into_the_quiet_hours_is_skipped(street: StreetKit) -> None:
    await street.join("rosa")
    sent = await street.tell("rosa", "/checkin")
    await street.press("rosa", only(sent).payload("Every day"))
    sent = await street.tell("rosa", "20:30")
    await street.press("rosa", only(sent).payload("Nobody"))
    street.clock.move_to(local("2026-03-02 21:10"))  # down over 20:30; back within the hour, but it's 21:10
    await street.core.run_due()
    await run_until(street, local("2026-03-03 21:00"))
    assert _local_times(street, "rosa", checkins_texts.CHECKIN_HELLO) == ["Tue 03 Mar 20:30"]
    assert await street.count("checkin_occurrences") == 1


async def test_a_one_off_paused_past_its_day_is_forgotten_too(street: StreetKit) -> None:
    await set_up(street, often="Just once", at="16:00", tell="Nobody", wait=None)
    sent = await street.press("rosa", only(await street.tell("rosa", "/checkin")).payload("Pause a day"))
    assert only(sent).key == checkins_texts.CHECKIN_NONE_LEFT
    await run_until(street, local("2026-03-17 12:00"))
    assert await street.count("checkins") == 0
    assert street.notifier.times_to("rosa", checkins_texts.CHECKIN_HELLO) == []
