"""What the core knows about a check-in: its schedule, who hears if it goes unanswered, and each time
it fell due (an occurrence), with only the moments escalation needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

EVERY_DAY = 0b1111111  # Monday is bit 0
WEEKDAYS = 0b0011111


class Tell(StrEnum):
    """Who hears, privately, when a check-in goes unanswered."""

    BUDDY = "buddy"  # a neighbour who said yes in their own private chat
    ORGANISERS = "organisers"  # the street's organisers, as the platform says now
    NOBODY = "nobody"  # just the hello and one reminder


@dataclass(frozen=True)
class Schedule:
    days: int  # bit mask, Monday = bit 0; 0 means just once, on `once_on`
    at: time  # local time in the street's time zone
    once_on: date | None = None

    @property
    def once(self) -> bool:
        return self.days == 0

    def on(self, day: date) -> bool:
        if self.once:
            return day == self.once_on
        return bool(self.days >> day.weekday() & 1)


@dataclass(frozen=True)
class Checkin:
    id: int
    neighbour_id: int
    street_id: int
    schedule: Schedule
    tell: Tell
    escalate_after: timedelta
    buddy_id: int | None = None  # set once the buddy said yes
    invited_at: datetime | None = None  # a buddy invitation is waiting for an answer
    paused: bool = False
    paused_until: datetime | None = None  # with `paused`: None means until they say
    next_due_at: datetime | None = None

    @property
    def paused_indefinitely(self) -> bool:
        return self.paused and self.paused_until is None

    def paused_at(self, moment: datetime) -> bool:
        return self.paused and (self.paused_until is None or self.paused_until > moment)


class Stage(StrEnum):
    SENDING = "sending"  # handed to the platform; the send receipt says how it went
    WAITING = "waiting"  # delivered, no answer yet (a reminder may have gone)
    BUDDY = "buddy"  # the buddy was told; the organisers are next
    ORGANISERS = "organisers"  # the organisers were told; nothing more is sent
    ANSWERED = "answered"
    ACKNOWLEDGED = "acknowledged"  # someone said they'd check, or that all is well
    UNDELIVERED = "undelivered"  # the platform couldn't deliver it: never counted as no answer
    MISSED = "missed"  # left unsent by a run that stopped, and too late to send now
    CLOSED = "closed"  # no answer, and nobody to tell


OPEN_STAGES = (Stage.SENDING, Stage.WAITING, Stage.BUDDY, Stage.ORGANISERS)


@dataclass(frozen=True)
class Occurrence:
    id: int
    checkin_id: int
    due_at: datetime
    stage: Stage
    sender: str | None = None  # the run of the bot sending it (or a note about it), until the send receipt
    sent_at: datetime | None = None
    reminded_at: datetime | None = None
    escalated_at: datetime | None = None  # when the buddy (or the organisers, if chosen) were told
    organisers_at: datetime | None = None
    step_at: datetime | None = None  # when it next needs attention

    @property
    def answerable(self) -> bool:
        """An answer still counts: after someone was told (they then hear all is well), and even on
        one recorded as missed or undelivered, which may have arrived after all."""
        return self.stage is not Stage.ANSWERED
