"""Who might take a post: open posts that fit it, near enough, ranked fairly.

For an ask: offers of the same category whose "when" overlaps and whose place lies within the ask's
street's radius (across nearby streets where places are known; within the street group otherwise).
Nearest first (in five-minute bands), then the neighbour told least recently, so one keen helper
doesn't get everything. Nobody is told twice about a post, told more than a few times a day, or told
once they have taken on what their offer said they could ("up to twice a week").

For an offer: the asks it fits that nobody is waiting on a yes for, nearest first, then those fewest
neighbours have heard of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.kernel.domain import Post, PostKind
from handlers.kernel.ports import Store
from handlers.kernel.street_settings import StreetSettings, for_street
from handlers.kernel.turn import Services
from handlers.nearby.geo import cells_within
from handlers.nearby.nearness import Nearness, Place, nearness
from handlers.posts.capacity import parse_capacity
from handlers.posts.when import overlaps

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Candidate:
    post: Post  # the post that fits: an offer (for an ask) or an ask (for an offer)
    helper_id: int  # who would be told
    near: Nearness


@dataclass(frozen=True)
class Shortlist:
    chosen: list[Candidate]  # the next few to tell, best first
    more_later: bool  # others fit but weren't chosen: too many, told enough today, or at capacity


async def place_of(store: Store, post: Post) -> Place:
    """A post's place: its author's own cell if they shared one, else its street's area."""
    return Place(post.street_id, await store.cells.own_or_area(post.author_id, post.street_id))


def fits_in_time(first: Post, second: Post, zone: ZoneInfo, now: datetime) -> bool:
    return overlaps(
        first.when, first.created_at.astimezone(zone).date(),
        second.when, second.created_at.astimezone(zone).date(),
        now.astimezone(zone).date(),
    )


async def _near_posts(
    services: Services, post: Post, kind: PostKind, settings: StreetSettings, now: datetime,
) -> list[tuple[Post, Nearness]]:
    """Open posts of `kind`, by anyone but the post's author, that fit `post` in category and time
    and lie within its street's radius."""
    store = services.store
    origin = await place_of(store, post)
    cells = cells_within(origin.cell, settings.radius_m) if origin.cell else ()
    found = await store.posts.open_near(kind=kind, category=post.category, street_id=post.street_id, cells=cells)
    near_posts = []
    for other, cell in found:
        if other.author_id is None or other.author_id == post.author_id:
            continue
        near = nearness(origin, Place(other.street_id, cell), settings.radius_m)
        if near is not None and fits_in_time(post, other, settings.timezone, now):
            near_posts.append((other, near))
    return near_posts


async def _over_capacity(services: Services, offers: dict[int, Post], category: str, now: datetime) -> set[int]:
    """Helpers whose offer states a limit they have already reached."""
    limits = {helper: capacity for helper, offer in offers.items() if (capacity := parse_capacity(offer.body))}
    full: set[int] = set()
    for period in {capacity.period for capacity in limits.values()}:
        helpers = [helper for helper, capacity in limits.items() if capacity.period == period]
        taken = await services.store.responses.commitments(helpers, category, now - period)
        full |= {helper for helper in helpers if taken.get(helper, 0) >= limits[helper].times}
    return full


async def helpers_for(services: Services, ask: Post, now: datetime, limit: int) -> Shortlist:
    """The next few neighbours to tell about an ask."""
    settings = await for_street(services, ask.street_id)
    best: dict[int, Candidate] = {}  # one offer per helper: their nearest, then their oldest
    for offer, near in await _near_posts(services, ask, PostKind.OFFER, settings, now):
        helper = offer.author_id
        assert helper is not None
        current = best.get(helper)
        if current is None or (near.band, offer.created_at, offer.id) < (current.near.band, current.post.created_at, current.post.id):
            best[helper] = Candidate(offer, helper, near)
    if not best:
        return Shortlist([], False)
    lately = await services.store.suggestions.told_lately(best.keys(), now - DAY, about_post_id=ask.id)
    for helper in [h for h, told in lately.items() if told.about_this]:
        del best[helper]
    busy = {h for h in best if h in lately and lately[h].since_count >= services.settings.pings_per_day}
    full = await _over_capacity(services, {h: c.post for h, c in best.items() if h not in busy}, ask.category, now)
    never = datetime.min.replace(tzinfo=now.tzinfo)

    def rank(candidate: Candidate) -> tuple:
        last_told = lately[candidate.helper_id].last_at if candidate.helper_id in lately else never
        return candidate.near.band, last_told, candidate.post.created_at, candidate.post.id

    eligible = sorted((c for h, c in best.items() if h not in busy and h not in full), key=rank)
    return Shortlist(eligible[:limit], len(eligible) > limit or bool(busy or full))


async def asks_for(services: Services, offer: Post, now: datetime, limit: int) -> Shortlist:
    """The next few asks to tell an offer's author about."""
    offerer = offer.author_id
    if offerer is None:
        return Shortlist([], False)
    store = services.store
    lately = await store.suggestions.told_lately([offerer], now - DAY)
    allowance = min(limit, services.settings.pings_per_day - (lately[offerer].since_count if offerer in lately else 0))
    held_back = allowance <= 0 or bool(await _over_capacity(services, {offerer: offer}, offer.category, now))
    settings = await for_street(services, offer.street_id)
    near_asks = await _near_posts(services, offer, PostKind.ASK, settings, now)
    ask_ids = [ask.id for ask, _ in near_asks]
    passed_over = await store.suggestions.told_about(offerer, ask_ids) | await store.responses.waiting_among(ask_ids)
    fresh = [(ask, near) for ask, near in near_asks if ask.id not in passed_over]
    if held_back:
        return Shortlist([], bool(fresh))
    heard = await store.suggestions.counts([ask.id for ask, _ in fresh])
    fresh.sort(key=lambda item: (item[1].band, heard.get(item[0].id, 0), item[0].created_at, item[0].id))
    return Shortlist([Candidate(ask, offerer, near) for ask, near in fresh[:allowance]], len(fresh) > allowance)
