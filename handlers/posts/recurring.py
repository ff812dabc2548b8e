"""Recurring asks and offers ("every Tuesday", "fortnightly"): each occurrence is a fresh post, with
its own card and its own round of neighbours, put up the morning after the last one. Whoever helped
(or took the offer) last time hears first, if they said they'd like to keep it.

An offer nobody has taken yet simply stands (a fresh card each week would only be noise). Taking an
occurrence down (or closing it) ends the series; two asks in a row that nobody could take pause it,
with a kind word to the author, so a forgotten series doesn't run for ever."""

from __future__ import annotations

from dataclasses import dataclass

from datetime import date, datetime, timedelta, timezone

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus, Recurrence, Response, ResponseStatus, When
from handlers.kernel.messages import Choice, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import StreetSettings, for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.kernel.wording import tokens
from handlers.nearby import fan_out
from handlers.posts import texts
from handlers.posts.cards import card, card_choices, respond_choice, subject
from handlers.posts.expiry import close_post
from handlers.posts.when import WEEKDAYS, describe
from handlers.street.people import author, person

GRACE = timedelta(days=1)  # an occurrence outlives its rollover a little, so expiry never asks first
PAUSE_AFTER_UNMET = 2
_FORTNIGHTLY = {"fortnightly", "fortnight", "alternate", "dwutygodniowo"}
_EVERY_OTHER = {"other", "second", "2nd"}
# "every two weeks", "co dwa tygodnie", "co drugi wtorek", "o dată la două săptămâni"
_TWO_WEEKS = {("two", "weeks"), ("2", "weeks"), ("dwa", "tygodnie"), ("2", "tygodnie"), ("co", "drugi"),
              ("co", "druga"), ("doua", "saptamani"), ("2", "saptamani")}


@dataclass(frozen=True)
class KeepMe(Payload, code="rk"):  # "ask me first" next time
    series_id: int


@dataclass(frozen=True)
class JustOnce(Payload, code="ro"):
    series_id: int


def every_days(text: str) -> int:
    """7, or 14 for "fortnightly", "every other Tuesday", "every two weeks", "co drugi wtorek"."""
    words = tokens(text)
    pairs = set(zip(words, words[1:]))
    if _FORTNIGHTLY & set(words) or any(first == "every" and second in _EVERY_OTHER for first, second in pairs):
        return 14
    if _TWO_WEEKS & pairs:
        return 14
    return 7


def is_recurring(when: When) -> bool:
    return when.recurring and when.day in WEEKDAYS


def first_occurrence(when: When, posted_on: date) -> date:
    """The first date of `when`'s weekday on or after the day it was posted."""
    return posted_on + timedelta(days=(WEEKDAYS.index(when.day) - posted_on.weekday()) % 7)


def rollover_at(settings: StreetSettings, occurs_on: date) -> datetime:
    """The next occurrence goes up the morning after this one, as the street's quiet hours end."""
    local = datetime.combine(occurs_on + timedelta(days=1), settings.quiet_until, tzinfo=settings.timezone)
    return local.astimezone(timezone.utc)


async def start_series(services: Services, effects: Effects, post: Post) -> None:
    """A new post that recurs becomes the first occurrence of a series."""
    if not is_recurring(post.when) or post.author_id is None:
        return
    settings = await for_street(services, post.street_id)
    occurs_on = first_occurrence(post.when, post.created_at.astimezone(settings.timezone).date())
    next_at = rollover_at(settings, occurs_on)
    await services.store.recurrences.add(post.id, every_days(post.body), occurs_on, next_at)
    if post.expires_at < next_at + GRACE:
        await services.store.posts.extend(post.id, next_at + GRACE)
    effects.wake(next_at)


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    for recurrence in await services.store.recurrences.due(now):
        await _next_occurrence(services, effects, recurrence, now)


async def next_due(services: Services) -> datetime | None:
    return await services.store.recurrences.next_at()


async def _next_occurrence(services: Services, effects: Effects, series: Recurrence, now: datetime) -> None:
    store = services.store
    current = await store.posts.get(series.post_id)
    if current is None or current.author_id is None or current.status in (PostStatus.WITHDRAWN, PostStatus.EXPIRED):
        await store.recurrences.end(series.id)  # taken down or closed by its author: the series ends
        return
    settings = await for_street(services, current.street_id)
    occurs_on = series.occurs_on + timedelta(days=series.every_days)
    while occurs_on < now.astimezone(settings.timezone).date():  # the bot was away: skip what's past
        occurs_on += timedelta(days=series.every_days)
    next_at = rollover_at(settings, occurs_on)
    if not current.is_ask and current.status is PostStatus.OPEN:
        await store.recurrences.move_on(series.id, current.id, occurs_on, next_at, series.unmet)
        effects.wake(next_at)
        return
    met = current.status in (PostStatus.MATCHED, PostStatus.DONE)
    if current.status.live:
        await close_post(services, effects, current, now)
    unmet = 0 if met else series.unmet + 1
    if unmet >= PAUSE_AFTER_UNMET:
        await store.recurrences.end(series.id)
        if (poster := await author(store, current)) is not None:
            effects.tell(poster, msg(texts.RECURRING_PAUSED, subject=subject(current)))
        return
    expires_at = next_at + GRACE if current.is_ask else max(next_at + GRACE, now + settings.lifetime(current.kind))
    fresh = await store.posts.add(
        street_id=current.street_id, author_id=current.author_id, kind=current.kind, category=current.category,
        when=current.when, body=current.body, anonymous=current.anonymous, now=now, expires_at=expires_at,
    )
    await store.recurrences.move_on(series.id, fresh.id, occurs_on, next_at, unmet)
    street = await store.streets.get(fresh.street_id)
    if street is not None:
        shown = None if fresh.anonymous else await author(store, fresh)
        effects.post(street, card(fresh, shown), card_choices(fresh), card_of=fresh.id)
    keeper_first = await _ask_keeper_first(services, effects, series, fresh, now)
    await fan_out.start(services, effects, fresh, now, first_round=not (keeper_first and fresh.is_ask))
    effects.wake(next_at)


async def _ask_keeper_first(services: Services, effects: Effects, series: Recurrence, fresh: Post, now: datetime) -> bool:
    if series.keeper_id is None or series.keeper_id == fresh.author_id:
        return False
    keeper = await person(services.store, series.keeper_id)
    if keeper is None:
        return False
    key = texts.RECURRING_AGAIN_HELPER if fresh.is_ask else texts.RECURRING_AGAIN_TAKER
    effects.tell(keeper, msg(key, subject=subject(fresh), when=describe(fresh.when)), (respond_choice(fresh),))
    await services.store.suggestions.record(fresh.id, series.keeper_id, now)
    return True


async def after_confirmed(turn: Turn, post: Post, response: Response) -> None:
    """Someone was put in touch about an occurrence: would they like to be asked first next time?"""
    series = await turn.store.recurrences.of_post(post.id)
    if series is None or response.neighbour_id is None or series.keeper_id == response.neighbour_id:
        return
    responder = await person(turn.store, response.neighbour_id)
    if responder is None:
        return
    choices = (
        Choice(msg(texts.BUTTON_ASK_ME_FIRST), KeepMe(series.id).pack()),
        Choice(msg(texts.BUTTON_JUST_THIS_ONCE), JustOnce(series.id).pack()),
    )
    turn.effects.tell(responder, msg(texts.RECURRING_KEEP_QUESTION, subject=subject(post), when=describe(post.when)), choices)


async def _series_of_responder(turn: Turn, series_id: int) -> Recurrence | None:
    """The series a keep/once button is about, if the presser was put in touch about its occurrence."""
    series = await turn.store.recurrences.get(series_id)
    if series is None:
        turn.answer(common.BUTTON_EXPIRED)
        return None
    confirmed = await turn.store.responses.of_post(series.post_id, ResponseStatus.CONFIRMED)
    if not any(response.neighbour_id == turn.neighbour.id for response in confirmed):
        turn.answer(common.NOT_FOR_YOU)
        return None
    return series


async def keep(turn: Turn, pressed: KeepMe) -> None:
    series = await _series_of_responder(turn, pressed.series_id)
    if series is not None:
        await turn.store.recurrences.set_keeper(series.id, turn.neighbour.id)
        turn.reply(texts.KEEPING_YOU_FIRST)


async def just_once(turn: Turn, pressed: JustOnce) -> None:
    series = await _series_of_responder(turn, pressed.series_id)
    if series is not None:
        if series.keeper_id == turn.neighbour.id:
            await turn.store.recurrences.set_keeper(series.id, None)
        turn.reply(texts.NOT_KEEPING)
