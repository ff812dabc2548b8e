"""Asks nobody has taken: after a while (24 hours by default) each one is flagged once, privately,
to the street's organisers, with a button to put its card up in the group again.

An ask someone has offered to help with waits a while longer for its asker's yes; an alert that
falls in the street's quiet hours waits for the morning."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus, ResponseStatus
from handlers.kernel.messages import Choice, Msg, Person, lines, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.posts.cards import card, card_choices, details, words
from handlers.street import weekly
from handlers.street.people import author, street_name

log = logging.getLogger(__name__)

RETRY_AFTER = timedelta(minutes=10)  # when the platform couldn't say who organises the street


@dataclass(frozen=True)
class Repost(Payload, code="orp"):
    post_id: int


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    store = services.store
    wait = services.settings.unmet_after
    for post in await store.posts.unmet_waiting(now, wait):
        if await store.responses.of_post(post.id, ResponseStatus.PENDING):
            await store.posts.put_off_unmet_check(post.id, now + wait)  # someone offered: give the asker time
            continue
        street = await store.streets.get(post.street_id)
        if street is None:
            await store.posts.mark_unmet_alerted(post.id, now)
            continue
        local = await for_street(services, street)
        if local.is_quiet(now):
            await store.posts.put_off_unmet_check(post.id, local.next_allowed(now))
            continue
        try:
            organiser_ids = await services.organisers.organisers_of(street)
        except Exception:
            log.warning("could not ask who organises, trying again later street=%s", street.id, exc_info=True)
            await store.posts.put_off_unmet_check(post.id, now + RETRY_AFTER)
            continue
        await store.posts.mark_unmet_alerted(post.id, now)
        await weekly.count(services, street.id, weekly.ASKS_UNMET, now)
        alert = lines(msg(texts.UNMET_ALERT, street=street_name(street), time=_time_up(post, now)), details(post), words(post))
        repost = Choice(msg(texts.BUTTON_REPOST), Repost(post.id).pack())
        for user_id in organiser_ids:
            effects.tell(Person(street.platform, user_id), alert, (repost,))


async def next_due(services: Services) -> datetime | None:
    return await services.store.posts.next_unmet_check_at(services.settings.unmet_after)


def _time_up(post: Post, now: datetime) -> Msg:
    hours = max(1, int((now - post.created_at).total_seconds() // 3600))
    return msg(texts.FOR_HOURS, count=hours) if hours < 48 else msg(texts.FOR_DAYS, count=hours // 24)


async def repost(turn: Turn, pressed: Repost) -> None:
    """Put the ask's card up in the group again; both copies are updated from then on."""
    post = await turn.store.posts.get(pressed.post_id)
    street = await turn.store.streets.get(post.street_id) if post is not None else None
    if post is None or street is None:
        turn.answer(common.POST_NOT_FOUND)
        return
    if not await organisers.organiser_only(turn, street):
        return
    if post.status is not PostStatus.OPEN:
        turn.answer(common.POST_NOT_OPEN)
        return
    if await turn.store.cards.count_in_chat(post.id, street.platform, street.chat_id) >= 2:
        turn.answer(texts.ALREADY_REPOSTED)
        return
    waiting = bool(await turn.store.responses.of_post(post.id, ResponseStatus.PENDING))
    turn.effects.post(street, card(post, await author(turn.store, post), someone_offered=waiting), card_choices(post), card_of=post.id)
    turn.answer(texts.REPOSTED)
