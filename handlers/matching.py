"""Putting a new post in front of the few neighbours it suits, privately, without telling everyone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers import texts
from handlers.cards import details, respond_choice, words
from handlers.categories import OTHER
from handlers.domain import Post, PostKind, PostStatus
from handlers.messages import Msg, lines, msg
from handlers.people import person
from handlers.street_settings import for_street
from handlers.turn import Effects, Services
from handlers.when import overlaps


def _fits(first: Post, second: Post, zone: ZoneInfo, now: datetime) -> bool:
    return overlaps(
        first.when, first.created_at.astimezone(zone).date(),
        second.when, second.created_at.astimezone(zone).date(),
        now.astimezone(zone).date(),
    )


async def suggest(services: Services, effects: Effects, post: Post, now: datetime) -> None:
    """A new (or reopened) ask goes to the offerers it fits; a new offer hears of the asks it fits.

    "Something else" is too vague to suggest. Nobody is told twice about the same ask, and offers
    suggested least recently come first, so one keen helper doesn't get every ask."""
    if post.category == OTHER or post.status is not PostStatus.OPEN or post.author_id is None:
        return
    if post.is_ask:
        await _ask_to_offerers(services, effects, post, now)
    else:
        await _asks_to_offerer(services, effects, post, now)


async def _ask_to_offerers(services: Services, effects: Effects, ask: Post, now: datetime) -> None:
    store = services.store
    zone = (await for_street(services, ask.street_id)).timezone
    told = await store.suggestions.told(ask.id)
    chosen: dict[int, Post] = {}  # offerer -> their offer
    for offer in await store.posts.open_of_kind(ask.street_id, PostKind.OFFER, ask.category):
        offerer = offer.author_id
        if offerer is None or offerer == ask.author_id or offerer in told or offerer in chosen:
            continue
        if _fits(ask, offer, zone, now):
            chosen[offerer] = offer
            if len(chosen) == services.settings.matches_told_at_once:
                break
    for offerer, offer in chosen.items():
        if await _tell_helper(services, effects, offerer, ask, now):
            await store.posts.mark_suggested(offer.id, now)


async def _asks_to_offerer(services: Services, effects: Effects, offer: Post, now: datetime) -> None:
    store = services.store
    offerer = offer.author_id
    assert offerer is not None
    zone = (await for_street(services, offer.street_id)).timezone
    count = 0
    for ask in await store.posts.open_of_kind(offer.street_id, PostKind.ASK, offer.category):
        if ask.author_id in (None, offerer) or offerer in await store.suggestions.told(ask.id):
            continue
        if _fits(offer, ask, zone, now) and await _tell_helper(services, effects, offerer, ask, now):
            count += 1
            if count == services.settings.matches_told_at_once:
                break
    if count:
        await store.posts.mark_suggested(offer.id, now)


async def _tell_helper(services: Services, effects: Effects, helper_id: int, ask: Post, now: datetime) -> bool:
    helper = await person(services.store, helper_id)
    if helper is None:
        return False
    effects.tell(helper, suggestion(ask), (respond_choice(ask),))
    await services.store.suggestions.record(ask.id, helper_id, now)
    return True


def suggestion(ask: Post) -> Msg:
    return lines(msg(texts.ASK_FITS_YOUR_OFFER), details(ask), words(ask))
