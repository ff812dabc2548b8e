"""The few things Doorstep knows about: streets, neighbours, posts and responses. A post or a response
changes status only through its own methods, named after what happened; a change its status doesn't
allow is refused."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any


class PostKind(StrEnum):
    ASK = "ask"
    OFFER = "offer"


class PostStatus(StrEnum):
    OPEN = "open"  # waiting for someone
    MATCHED = "matched"  # someone confirmed; the card shows it is sorted
    DONE = "done"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"

    @property
    def live(self) -> bool:
        return self in (PostStatus.OPEN, PostStatus.MATCHED)


class WrongStatus(ValueError):
    """A post or response was asked to change in a way its status doesn't allow (a bug, not a neighbour's doing)."""


def _only_from(thing: Post | Response, allowed: tuple[PostStatus, ...] | tuple[ResponseStatus, ...], happened: str) -> None:
    if thing.status not in allowed:
        raise WrongStatus(f"{type(thing).__name__.lower()} {thing.id} is {thing.status.value}: it can't have {happened}")


_LIVE = (PostStatus.OPEN, PostStatus.MATCHED)


class ResponseStatus(StrEnum):
    PENDING = "pending"  # "I can help" / "Yes please", waiting for the author
    CONFIRMED = "confirmed"
    DECLINED = "declined"  # the author said "not this time", or chose someone else
    HANDED_BACK = "handed_back"  # the helper couldn't make it
    WITHDRAWN = "withdrawn"  # the post closed before it was confirmed


@dataclass(frozen=True)
class Street:
    id: int
    platform: str
    chat_id: str
    title: str | None = None


@dataclass(frozen=True)
class Neighbour:
    id: int
    platform: str
    user_id: str
    reachable: bool | None = None  # None: not known yet; False: they never opened a private chat
    language: str | None = None  # the language to speak with them, when known
    language_chosen: bool = False  # they chose it with /language (the platform's hint no longer applies)


WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class When:
    """A rough "when": a day (or none) and a part of the day, maybe every week."""

    day: str = "any"  # any | today | tomorrow | this_week | next_week | weekend | weekdays | mon..sun
    part: str = "any"  # any | morning | afternoon | evening
    recurring: bool = False
    on: date | None = None  # the street's local date a one-day "when" fell on when posted ("tomorrow" -> 3 March)
    at: time | None = None  # a time of day the neighbour gave ("10am", "o 10", "la ora 10")

    def dated(self, today: date) -> When:
        """This "when" as posted on `today` (the street's local date): a single day becomes its date."""
        if self.recurring or self.on is not None:
            return self
        if self.day == "today":
            return replace(self, on=today)
        if self.day == "tomorrow":
            return replace(self, on=today + timedelta(days=1))
        if self.day in WEEKDAY_CODES:
            return replace(self, on=today + timedelta(days=(WEEKDAY_CODES.index(self.day) - today.weekday()) % 7))
        return self


@dataclass(frozen=True)
class Post:
    id: int
    street_id: int
    author_id: int | None
    kind: PostKind
    category: str
    when: When
    body: str
    anonymous: bool
    status: PostStatus
    created_at: datetime
    expires_at: datetime
    keep_open_asked_at: datetime | None = None
    closed_at: datetime | None = None
    for_neighbour: bool = False  # asked on behalf of someone who isn't online (never recorded who)

    @property
    def is_ask(self) -> bool:
        return self.kind is PostKind.ASK

    def _now(self, status: PostStatus, now: datetime) -> Post:
        # Closing stamps the time (retention counts from it); opening again clears it.
        return replace(self, status=status, closed_at=None if status.live else now)

    def sorted(self, now: datetime) -> Post:
        """Its author said yes to someone: the card shows it is sorted."""
        _only_from(self, (PostStatus.OPEN,), "been sorted")
        return self._now(PostStatus.MATCHED, now)

    def reopened(self, now: datetime) -> Post:
        """The one it was sorted with handed it back (or went): it waits for someone again."""
        _only_from(self, _LIVE, "been reopened")
        return self._now(PostStatus.OPEN, now)

    def done(self, now: datetime) -> Post:
        """Either side said it's done."""
        _only_from(self, _LIVE, "been done")
        return self._now(PostStatus.DONE, now)

    def withdrawn(self, now: datetime) -> Post:
        """Taken down for good, by its author or an organiser (or its author went)."""
        _only_from(self, _LIVE, "been withdrawn")
        return self._now(PostStatus.WITHDRAWN, now)

    def closed(self, now: datetime) -> Post:
        """Its time is up (or its author closed it when asked): one that was sorted is done, the
        rest expire."""
        _only_from(self, _LIVE, "been closed")
        return self._now(PostStatus.DONE if self.status is PostStatus.MATCHED else PostStatus.EXPIRED, now)


@dataclass(frozen=True)
class Response:
    id: int
    post_id: int
    neighbour_id: int | None
    status: ResponseStatus
    created_at: datetime

    def confirmed(self) -> Response:
        """The author said yes to this one."""
        _only_from(self, (ResponseStatus.PENDING,), "been confirmed")
        return replace(self, status=ResponseStatus.CONFIRMED)

    def declined(self) -> Response:
        """The author said "not this time"."""
        _only_from(self, (ResponseStatus.PENDING,), "been declined")
        return replace(self, status=ResponseStatus.DECLINED)

    def withdrawn(self) -> Response:
        """The post closed (or someone else was chosen) while this waited; or it was taken down after."""
        _only_from(self, (ResponseStatus.PENDING, ResponseStatus.CONFIRMED), "been withdrawn")
        return replace(self, status=ResponseStatus.WITHDRAWN)

    def handed_back(self) -> Response:
        """The one who said yes can't make it (or went)."""
        _only_from(self, (ResponseStatus.CONFIRMED,), "been handed back")
        return replace(self, status=ResponseStatus.HANDED_BACK)


@dataclass(frozen=True)
class QuietNeighbour:
    """Someone seen in a street who hasn't done anything there for a while."""

    neighbour_id: int
    platform: str
    user_id: str
    last_seen_at: datetime
    wants_hellos: bool
    last_hello_at: datetime | None


@dataclass(frozen=True)
class Reminder:
    """A line the street's organisers asked to be posted in the group on a weekly schedule."""

    id: int
    street_id: int
    days: frozenset[int]  # weekdays, Monday = 0
    every_weeks: int  # 1: every week; 2: every other week
    at: time  # local time in the street's time zone
    body: str
    paused: bool
    next_at: datetime


@dataclass(frozen=True)
class DigestSubscription:
    """An organiser who asked for a street's weekly summary, and when (local to the street)."""

    street_id: int
    neighbour_id: int
    weekday: int  # Monday = 0
    at: time
    next_at: datetime
    tell_quiet_weeks: bool = False  # a week when nothing happened: one line (True) or nothing at all


@dataclass(frozen=True)
class ToldLately:
    """How much one neighbour has been told about posts: for fairness, and so nobody is told twice."""

    last_at: datetime  # the last time they were told about anything
    since_count: int  # how many times since the moment asked about
    about_this: bool  # whether they were already told about the post asked about


@dataclass(frozen=True)
class FanOut:
    """What comes next for an open post on the bot's own initiative."""

    post_id: int
    next_round_at: datetime | None  # the next few candidates are told then, if nobody has said yes
    widen_at: datetime | None  # asks: when to offer to show it in nearby streets
    widen_asked_at: datetime | None = None
    widened_at: datetime | None = None


@dataclass(frozen=True)
class Recurrence:
    """A recurring post ("every Tuesday"): `post_id` is its current occurrence."""

    id: int
    post_id: int
    every_days: int  # 7 or 14
    occurs_on: date  # the current occurrence's local date
    next_at: datetime  # when the next occurrence goes up
    keeper_id: int | None  # the last helper (or taker), if they'd like to be asked first
    unmet: int  # occurrences in a row that nobody could take


@dataclass(frozen=True)
class Relay:
    """Two neighbours talking through the bot about one post."""

    id: int
    post_id: int
    author_id: int
    responder_id: int

    def other(self, neighbour_id: int) -> int:
        return self.responder_id if neighbour_id == self.author_id else self.author_id


@dataclass(frozen=True)
class PersonalData:
    """Everything stored about one neighbour, table by table, as /mydata shows it."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # other neighbours' ids left out (None)
    # How many rows name them directly, by "table.column" (the rest hang off those: answers to their posts…).
    direct: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredFlow:
    """A guided flow as storage keeps it: its name, the step it waits at, and its state's fields."""

    flow: str
    step: str
    state: dict
