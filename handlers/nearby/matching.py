"""Putting a post in front of the few neighbours it suits, privately, without telling everyone.

Who they are is `handlers.candidates`' job; when the next few hear of it is `handlers.fan_out`'s."""

from __future__ import annotations

from datetime import datetime

from handlers.kernel.domain import Post, PostStatus
from handlers.kernel.messages import Msg, Param, lines, msg
from handlers.kernel.turn import Effects, Services
from handlers.nearby import texts
from handlers.nearby.candidates import asks_for, helpers_for
from handlers.nearby.nearness import Nearness, where_words
from handlers.posts.cards import details, respond_choice, words
from handlers.posts.categories import OTHER
from handlers.street.people import person, street_name


async def suggest(services: Services, effects: Effects, post: Post, now: datetime) -> bool:
    """The next few who fit hear of the post (an ask goes to offerers; an offer's author hears of
    asks). Returns whether more could hear of it later. "Something else" is too vague to suggest."""
    if post.category == OTHER or post.status is not PostStatus.OPEN or post.author_id is None:
        return False
    limit = services.settings.matches_told_at_once
    shortlist = await (helpers_for if post.is_ask else asks_for)(services, post, now, limit)
    for candidate in shortlist.chosen:
        ask = post if post.is_ask else candidate.post
        await tell_helper(services, effects, candidate.helper_id, ask, candidate.near, now)
    return shortlist.more_later


async def tell_helper(services: Services, effects: Effects, helper_id: int, ask: Post, near: Nearness, now: datetime) -> None:
    """Tell one neighbour, privately, about an ask they could help with."""
    helper = await person(services.store, helper_id)
    if helper is not None:
        street = await services.store.streets.get(ask.street_id)
        effects.tell(helper, suggestion(ask, near, street_name(street)), (respond_choice(ask),))
        await services.store.suggestions.record(ask.id, helper_id, now)


def suggestion(ask: Post, near: Nearness, street: Param) -> Msg:
    return lines(msg(texts.ASK_FITS_YOUR_OFFER), where_words(near, street), details(ask), words(ask))
