"""How check-in times, days and schedules are said ("every day at 10:00", "on Mon, Wed and Fri")."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.checkins import texts
from handlers.kernel.checkin_records import EVERY_DAY, WEEKDAYS, Schedule
from handlers.kernel.messages import Msg, msg
from handlers.kernel.texts import N_

DAY_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
DAY_LONG = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))
MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"), N_("August"),
    N_("September"), N_("October"), N_("November"), N_("December"),
)


def clock(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def day_list(mask: int) -> Msg:
    """'Mon', 'Mon and Thu', 'Mon, Wed and Fri'."""
    names = [msg(DAY_SHORT[index]) for index in range(7) if mask >> index & 1]
    if len(names) == 1:
        return names[0]
    head = names[0]
    for name in names[1:-1]:
        head = msg(texts.CHECKIN_LIST_COMMA, first=head, second=name)
    return msg(texts.CHECKIN_LIST_AND, first=head, second=names[-1])


def day_of(moment: datetime, zone: ZoneInfo, now: datetime) -> Msg:
    """'today', 'tomorrow', or 'on Monday 16 March' — in the street's local time."""
    day = moment.astimezone(zone).date()
    today = now.astimezone(zone).date()
    if day == today:
        return msg(texts.CHECKIN_TODAY)
    if day == today + timedelta(days=1):
        return msg(texts.CHECKIN_TOMORROW)
    return msg(texts.CHECKIN_ON_DATE, weekday=msg(DAY_LONG[day.weekday()]), day=day.day, month=msg(MONTHS[day.month - 1]))


def when_next(moment: datetime, zone: ZoneInfo, now: datetime) -> Msg:
    """'tomorrow at 10:00'."""
    local = moment.astimezone(zone)
    return msg(texts.CHECKIN_DAY_AT, day=day_of(moment, zone, now), time=clock(local.time()))


def schedule_of(schedule: Schedule, zone: ZoneInfo, now: datetime) -> Msg:
    at = clock(schedule.at)
    if schedule.once:
        day = schedule.once_on
        when = msg(texts.CHECKIN_TODAY) if day is None else day_of(datetime.combine(day, schedule.at, tzinfo=zone), zone, now)
        return msg(texts.SCHEDULE_ONCE, day=when, time=at)
    if schedule.days == EVERY_DAY:
        return msg(texts.SCHEDULE_DAILY, time=at)
    if schedule.days == WEEKDAYS:
        return msg(texts.SCHEDULE_WEEKDAYS, time=at)
    return msg(texts.SCHEDULE_DAYS, days=day_list(schedule.days), time=at)


def delay(after: timedelta) -> Msg:
    minutes = int(after.total_seconds() // 60)
    if minutes % 60:
        return msg(texts.CHECKIN_MINUTES, minutes=minutes)
    hours = minutes // 60
    return msg(texts.CHECKIN_ONE_HOUR) if hours == 1 else msg(texts.CHECKIN_HOURS, hours=hours)
