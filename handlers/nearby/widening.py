"""Widening the circle: an ask nobody has taken after a while may, if the asker says yes, be shown in
the groups of nearby streets whose areas lie within its street's radius — anonymously ("a neighbour
on Elm Street"), and never further away."""

from __future__ import annotations

from dataclasses import dataclass

from datetime import datetime

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus, ResponseStatus, Street
from handlers.kernel.messages import Choice, MessageRef, Outgoing, SendResult, ToStreet, msg
from handlers.kernel.ownership import its_author, presser_owns
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effects, Services, Turn
from handlers.nearby import texts
from handlers.nearby.candidates import place_of
from handlers.nearby.geo import cells_within, metres_between, within
from handlers.posts.cards import card, card_choices, subject
from handlers.street.people import author, street_name

MOST_STREETS = 5


@dataclass(frozen=True)
class WidenYes(Payload, code="wy"):
    post_id: int


@dataclass(frozen=True)
class WidenNo(Payload, code="wn"):
    post_id: int


@dataclass(frozen=True)
class NearbyCardSent(Payload, code="nc"):  # send receipt: remember where a nearby copy of the card went
    post_id: int


async def nearby_streets(services: Services, post: Post) -> list[Street]:
    """Other named streets (same platform) whose areas lie within the post's street's radius, nearest
    first. A group without a name can't be told apart, so it isn't offered."""
    store = services.store
    origin = await place_of(store, post)
    home = await store.streets.get(post.street_id)
    if origin.cell is None or home is None:
        return []
    radius = (await for_street(services, post.street_id)).radius_m
    found = await store.streets.with_area_in(home.platform, cells_within(origin.cell, radius), post.street_id)
    by_distance = sorted((metres_between(origin.cell, cell), street.id, street) for street, cell in found)
    return [street for metres, _, street in by_distance if within(metres, radius) and street.title][:MOST_STREETS]


def _names(streets: list[Street]) -> str:
    return ", ".join(street.title or "" for street in streets)


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    """Asks unmet for a while: their askers are asked whether to show them nearby."""
    store = services.store
    for post_id in await store.fan_outs.widening_due(now):
        post = await store.posts.get(post_id)
        if post is None or not post.is_ask or post.status is not PostStatus.OPEN:
            await store.fan_outs.set_widen_at(post_id, None)
            continue
        if await store.responses.of_post(post.id, ResponseStatus.PENDING):
            await store.fan_outs.set_widen_at(post_id, now + services.settings.next_round_after)
            continue
        street = await for_street(services, post.street_id)
        if street.is_quiet(now):
            await store.fan_outs.set_widen_at(post_id, street.next_allowed(now))
            continue
        streets = await nearby_streets(services, post)
        asker = await author(store, post)
        if not streets or asker is None:
            await store.fan_outs.set_widen_at(post_id, None)
            continue
        home = await store.streets.get(post.street_id)
        choices = (
            Choice(msg(texts.BUTTON_WIDEN_YES), WidenYes(post.id).pack()),
            Choice(msg(texts.BUTTON_WIDEN_NO), WidenNo(post.id).pack()),
        )
        question = msg(texts.WIDEN_QUESTION, subject=subject(post), streets=_names(streets), street=street_name(home))
        effects.tell(asker, question, choices, fallback=None if post.anonymous else home)
        await store.fan_outs.mark_widen_asked(post.id, now)


async def next_due(services: Services) -> datetime | None:
    return await services.store.fan_outs.next_widen_at()


async def _askers_open_ask(turn: Turn, post_id: int) -> Post | None:
    async def ask(post_id: int) -> Post | None:
        post = await turn.store.posts.get(post_id)
        return post if post is not None and post.is_ask else None

    post = await presser_owns(turn, post_id, ask, its_author, gone=common.POST_NOT_FOUND)
    if post is not None and post.status is not PostStatus.OPEN:
        turn.answer(common.POST_NOT_OPEN)
        return None
    return post


async def show_nearby(turn: Turn, pressed: WidenYes) -> None:
    """The asker said yes: the card goes up in each nearby street's group, without their name."""
    post = await _askers_open_ask(turn, pressed.post_id)
    if post is None:
        return
    fan_out = await turn.store.fan_outs.get(post.id)
    if fan_out is None or fan_out.widen_asked_at is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    streets = await nearby_streets(turn.services, post)
    if not streets:
        turn.reply(texts.NOTHING_NEARBY)
        return
    if not await turn.store.fan_outs.mark_widened(post.id, turn.now):
        turn.answer(common.ALREADY_DONE)
        return
    home = street_name(await turn.store.streets.get(post.street_id))
    nearby_card = card(post, None, nearby_of=home)
    for street in streets:
        to = ToStreet(street, homed=True)  # to the home that street's organisers chose for cards, if any
        turn.effects.add(Outgoing(to, nearby_card, card_choices(post), receipt=NearbyCardSent(post.id).pack()))
    turn.reply(texts.WIDENED, streets=_names(streets))


async def keep_it_here(turn: Turn, pressed: WidenNo) -> None:
    post = await _askers_open_ask(turn, pressed.post_id)
    if post is not None:
        turn.reply(texts.WIDEN_DECLINED, street=street_name(await turn.store.streets.get(post.street_id)))


async def remember_nearby_card(
    services: Services, effects: Effects, receipt: NearbyCardSent, result: SendResult, now: datetime,
) -> None:
    """Where a nearby copy went, so it can show "✅ Sorted" later (with no name, ever)."""
    post_id = receipt.post_id
    if result.sent and isinstance(result.ref, MessageRef):
        if await services.store.posts.get(post_id) is not None:
            await services.store.cards.remember(post_id, result.ref, nearby=True)
