"""Posts don't linger: when one has been up its time, the author is asked first whether to keep it.

Asks last a week and offers a month by default; a post for one day ("tomorrow", "on Tuesday") only
until that day is over. No answer within the window closes the post quietly; a sorted post that
reaches its time is simply done."""

from __future__ import annotations

from dataclasses import dataclass

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus, ResponseStatus, When
from handlers.kernel.messages import Choice, msg
from handlers.kernel.ownership import its_author, presser_owns
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.nearby import relay
from handlers.posts import texts
from handlers.posts.cards import card_update, subject
from handlers.posts.when import describe
from handlers.street.activity import note_activity
from handlers.street.local_time import at_local, local_date
from handlers.street.people import author



@dataclass(frozen=True)
class KeepOpen(Payload, code="kp"):
    post_id: int


@dataclass(frozen=True)
class Close(Payload, code="cl", destructive=True):
    post_id: int


def expires(now: datetime, lifetime: timedelta, when: When, zone: ZoneInfo) -> datetime:
    """When a post made `now` is due its "keep it open?" question: after its lifetime, or once the day it
    was for is over (the street's local midnight), whichever comes first."""
    if when.on is None:
        return now + lifetime
    day_over = at_local(when.on + timedelta(days=1), time(0), zone)
    return max(now, min(now + lifetime, day_over))


def _day_passed(post: Post, now: datetime, zone: ZoneInfo) -> bool:
    return post.when.on is not None and post.when.on < local_date(now, zone)


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    store = services.store
    for post in await store.posts.due_for_keep_open_question(now):
        if post.status is PostStatus.MATCHED or post.author_id is None:  # sorted ones are done; nobody to ask
            await close_post(services, effects, post, now)
        else:
            await _ask_to_keep(services, effects, post, now)
    for post in await store.posts.unanswered_keep_open(now - services.settings.keep_open_answer_window):
        await close_post(services, effects, post, now)


async def next_due(services: Services) -> datetime | None:
    """When `run_due` next has something to do."""
    store = services.store
    window = services.settings.keep_open_answer_window
    asked = await store.posts.next_keep_open_asked_at()
    times = [t for t in (await store.posts.next_expiry_at(), asked + window if asked else None) if t is not None]
    return min(times) if times else None


async def _ask_to_keep(services: Services, effects: Effects, post: Post, now: datetime) -> None:
    poster = await author(services.store, post)
    await services.store.posts.mark_keep_open_asked(post.id, now)
    if poster is None:
        return
    days = max(1, (now - post.created_at).days)
    if _day_passed(post, now, (await for_street(services, post.street_id)).timezone):
        question = msg(texts.DAY_PASSED_QUESTION, subject=subject(post), day=describe(post.when))
        keep, close = texts.BUTTON_STILL_NEEDED, texts.BUTTON_NOT_NEEDED
    else:
        question = msg(texts.KEEP_OPEN_QUESTION, subject=subject(post), days=days)
        keep, close = texts.BUTTON_KEEP_OPEN, texts.BUTTON_CLOSE_IT
    effects.tell(poster, question, (Choice(msg(keep), KeepOpen(post.id).pack()), Choice(msg(close), Close(post.id).pack())))


async def close_post(services: Services, effects: Effects, post: Post, now: datetime) -> None:
    """Its time is up (see `Post.closed`): answers still waiting are withdrawn, and an open card shows it closed."""
    store = services.store
    await store.posts.save_status(post.closed(now))
    await relay.end_for_post(store, post.id)
    for response in await store.responses.of_post(post.id, ResponseStatus.PENDING):
        await store.responses.save_status(response.withdrawn(), now)
    closed = await store.posts.get(post.id)
    if closed is not None and post.status is PostStatus.OPEN:
        effects.add(card_update(closed, await author(store, closed)))


async def _own_open_post(turn: Turn, post_id: int) -> Post | None:
    post = await presser_owns(turn, post_id, turn.store.posts.get, its_author, gone=common.POST_NOT_FOUND)
    if post is not None and post.status is not PostStatus.OPEN:
        turn.answer(common.ALREADY_DONE)
        return None
    return post


async def keep_open(turn: Turn, pressed: KeepOpen) -> None:
    post = await _own_open_post(turn, pressed.post_id)
    if post is None:
        return
    lifetime = (await for_street(turn.services, post.street_id)).lifetime(post.kind)
    await turn.store.posts.extend(post.id, turn.now + lifetime)
    await note_activity(turn.services, post.street_id, turn.neighbour.id, turn.now)
    turn.reply(texts.KEPT_OPEN, days=lifetime.days)


async def close(turn: Turn, pressed: Close) -> None:
    post = await _own_open_post(turn, pressed.post_id)
    if post is None:
        return
    await close_post(turn.services, turn.effects, post, turn.now)
    await note_activity(turn.services, post.street_id, turn.neighbour.id, turn.now)
    turn.reply(texts.CLOSED_BY_AUTHOR)
