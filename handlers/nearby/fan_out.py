"""Fanning out, a few at a time: the best few hear of a new post privately at once (it is a
neighbour's own doing); if nobody has said yes a few hours later and others fit, the next few; and so
on while the post is open and anyone is left. (Offers posted later hear of waiting asks themselves.)
Later rounds are the bot's own initiative, so one that falls in the street's quiet hours waits."""

from __future__ import annotations

from datetime import datetime

from handlers.kernel.domain import Post, PostStatus, ResponseStatus
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services
from handlers.nearby import matching
from handlers.nearby.candidates import place_of


async def start(services: Services, effects: Effects, post: Post, now: datetime, *, first_round: bool = True) -> None:
    """A new (or reopened) post: the first few hear of it now, and rounds follow while others fit.
    `first_round=False` holds everyone back one round (someone else was asked first).

    An ask with a place may, later, be offered to nearby streets (`handlers.widening`)."""
    more_later = await matching.suggest(services, effects, post, now) if first_round else True
    next_round = now + services.settings.next_round_after if more_later else None
    has_place = post.is_ask and (await place_of(services.store, post)).cell is not None
    widen_at = post.created_at + services.settings.widen_after if has_place else None
    await services.store.fan_outs.start(post.id, next_round, widen_at)
    for when in (next_round, widen_at):
        if when is not None:
            effects.wake(when)


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    """The next round for every open post nobody has said yes to yet."""
    store = services.store
    wait = services.settings.next_round_after
    for post_id in await store.fan_outs.rounds_due(now):
        post = await store.posts.get(post_id)
        if post is None or post.status is not PostStatus.OPEN:
            await store.fan_outs.set_next_round(post_id, None)
            continue
        street = await for_street(services, post.street_id)
        if street.is_quiet(now):
            await store.fan_outs.set_next_round(post_id, street.next_allowed(now))
            continue
        # Someone has said yes and is waiting for the author: no need to ask more people yet.
        if await store.responses.of_post(post.id, ResponseStatus.PENDING):
            await store.fan_outs.set_next_round(post_id, now + wait)
            continue
        more_later = await matching.suggest(services, effects, post, now)
        await store.fan_outs.set_next_round(post_id, now + wait if more_later else None)


async def next_due(services: Services) -> datetime | None:
    return await services.store.fan_outs.next_round_at()
