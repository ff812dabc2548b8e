"""What the core knows about a check-in: its schedule, who hears if it goes unanswered, and each time
it fell due (an occurrence), with only the moments escalation needs. An occurrence moves on only
through its own methods, each named after what happened; a move its stage doesn't allow is refused."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
TOLD_STAGES = (Stage.BUDDY, Stage.ORGANISERS)  # someone has been told there was no answer


class WrongStage(ValueError):
    """An occurrence was asked to move in a way its stage doesn't allow (a bug, not a neighbour's doing)."""


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

    def _only_from(self, stages: tuple[Stage, ...], happened: str) -> None:
        if self.stage not in stages:
            raise WrongStage(f"check-in occurrence {self.id} is {self.stage.value}: it can't have {happened}")

    # The hello

    def sent(self, now: datetime, next_step: datetime) -> Occurrence:
        """The hello went out: the wait for an answer counts from now; the reminder is due at `next_step`."""
        self._only_from((Stage.SENDING,), "been sent")
        return replace(self, stage=Stage.WAITING, sender=None, sent_at=now, step_at=next_step)

    def sent_after_moving_on(self, now: datetime) -> Occurrence:
        """The hello's receipt came after the occurrence had moved on (say, answered first): only
        when it went out is noted, once."""
        if self.stage is Stage.SENDING:
            raise WrongStage(f"check-in occurrence {self.id} is still being sent: it is `sent`, not moved on")
        return self if self.sent_at is not None else replace(self, sent_at=now)

    def undelivered(self) -> Occurrence:
        """The platform couldn't deliver the hello: never counted as no answer."""
        self._only_from((Stage.SENDING,), "failed to arrive")
        return replace(self, stage=Stage.UNDELIVERED, sender=None, step_at=None)

    def sent_again_by(self, run: str) -> Occurrence:
        """A run that stopped was sending the hello; this `run` sends it again."""
        self._only_from((Stage.SENDING,), "been sent again")
        return replace(self, sender=run)

    def missed(self) -> Occurrence:
        """A run that stopped was sending the hello, and it is too late (or too quiet) to send it now."""
        self._only_from((Stage.SENDING,), "been missed")
        return replace(self, stage=Stage.MISSED, sender=None)

    # No answer yet

    def reminded(self, now: datetime, next_step: datetime) -> Occurrence:
        """The one gentle reminder went out; whoever they chose hears at `next_step` if still no answer."""
        self._only_from((Stage.WAITING,), "been reminded")
        if self.reminded_at is not None:
            raise WrongStage(f"check-in occurrence {self.id} was already reminded")
        return replace(self, reminded_at=now, step_at=next_step)

    def told_buddy(self, now: datetime, next_step: datetime, sender: str) -> Occurrence:
        """The note to the buddy is on its way (sent by `sender`); the organisers are next, at `next_step`."""
        self._only_from((Stage.WAITING,), "told the buddy")
        return replace(self, stage=Stage.BUDDY, escalated_at=now, step_at=next_step, sender=sender)

    def buddy_note_sent(self, now: datetime, next_step: datetime) -> Occurrence:
        """The note reached the buddy: the organisers' turn counts from now and comes at `next_step`."""
        self._only_from((Stage.BUDDY,), "sent the buddy's note")
        return replace(self, escalated_at=now, step_at=next_step, sender=None)

    def told_organisers(self, now: datetime, sender: str | None) -> Occurrence:
        """The organisers are being told (by `sender`; None when there were none to tell): first, when
        they were chosen, or after the buddy. Nothing more is sent after this."""
        self._only_from((Stage.WAITING, Stage.BUDDY), "told the organisers")
        escalated_at = now if self.stage is Stage.WAITING else self.escalated_at
        return replace(self, stage=Stage.ORGANISERS, escalated_at=escalated_at, organisers_at=now, step_at=None,
                       sender=sender)

    def organisers_notes_sent(self) -> Occurrence:
        """The last note to the organisers went out (or was tried): no run is sending anything for it."""
        return replace(self, sender=None)

    def nobody_to_tell(self) -> Occurrence:
        """No answer, and nobody was chosen (or can be reached) to hear about it."""
        self._only_from((Stage.WAITING,), "closed with nobody to tell")
        return replace(self, stage=Stage.CLOSED, step_at=None)

    def taken_back(self, tell: Tell, step_at: datetime) -> Occurrence:
        """A note a run that stopped was sending, taken back a step so it is sent again at `step_at`:
        the organisers' note goes back to after the buddy's (when the buddy was chosen), else the note
        goes back to waiting."""
        self._only_from(TOLD_STAGES, "been taken back")
        if self.stage is Stage.ORGANISERS and tell is not Tell.ORGANISERS:
            return replace(self, stage=Stage.BUDDY, organisers_at=None, step_at=step_at, sender=None)
        return replace(self, stage=Stage.WAITING, escalated_at=None, organisers_at=None, step_at=step_at, sender=None)

    # Settled

    def answered(self) -> Occurrence:
        """They replied (or changed, paused or stopped their check-ins): nothing more is waited for."""
        if not self.answerable:
            raise WrongStage(f"check-in occurrence {self.id} was already answered")
        return replace(self, stage=Stage.ANSWERED, sender=None, step_at=None)

    def acknowledged(self) -> Occurrence:
        """Someone told said they'd check, or that all is well: nobody else is bothered about it."""
        self._only_from(TOLD_STAGES, "been acknowledged")
        return replace(self, stage=Stage.ACKNOWLEDGED, step_at=None, sender=None)

    # When it next needs attention

    def put_off(self, until: datetime) -> Occurrence:
        """Its next step waits until `until` (the quiet hours, or answers still on their way)."""
        return replace(self, step_at=until)

    def nothing_next(self) -> Occurrence:
        """A step fell due on an occurrence with nothing left to do at its stage."""
        return replace(self, step_at=None)
