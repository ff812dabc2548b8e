"""The queries behind nearby matching, against a real SQLite file."""

from datetime import date, datetime, timedelta, timezone
from typing import Callable

import h3

from handlers.kernel.domain import Post, PostKind, ToldLately, When
from handlers.kernel.messages import MessageRef
from storage import SqliteStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
HERE = h3.latlng_to_cell(51.5007, -0.1246, 9)
NEXT_DOOR = sorted(h3.grid_ring(HERE, 1))[0]
AWAY = h3.latlng_to_cell(51.5457, -0.1246, 9)


async def _post(store: SqliteStore, street_id: int, author_id: int, kind: PostKind = PostKind.OFFER,
                category: str = "shopping") -> int:
    post = await store.posts.add(
        street_id=street_id, author_id=author_id, kind=kind, category=category, when=When(), body="words",
        anonymous=False, now=NOW, expires_at=NOW + timedelta(days=7),
    )
    return post.id


async def _change(store: SqliteStore, post_id: int, change: Callable[[Post], Post]) -> None:
    post = await store.posts.get(post_id)
    assert post is not None
    await store.posts.save_status(change(post))


async def _setup(store: SqliteStore):  # type: ignore[no-untyped-def]
    streets = [await store.streets.get_or_create(platform, chat, None, NOW)
               for platform, chat in (("t", "elm"), ("t", "mill"), ("t", "far"), ("m", "elsewhere"))]
    people = [(await store.neighbours.get_or_create("t" if name != "mo" else "m", name, NOW)).id
              for name in ("ann", "sam", "kim", "fay", "mo")]
    return streets, people


async def test_open_near_finds_the_street_the_cells_and_nothing_else(store: SqliteStore) -> None:
    (elm, mill, far, elsewhere), (ann, sam, kim, fay, mo) = await _setup(store)
    await store.areas.set(mill.id, NEXT_DOOR, NOW)
    await store.areas.set(far.id, AWAY, NOW)
    await store.areas.set(elsewhere.id, HERE, NOW)  # same place, another platform
    await store.cells.set(kim, HERE, NOW)  # Kim lives here but posts in Far Lane's group
    ann_offer = await _post(store, elm.id, ann)
    sam_offer = await _post(store, mill.id, sam)
    kim_offer = await _post(store, far.id, kim)
    await _post(store, far.id, fay)
    await _post(store, elsewhere.id, mo)
    await _post(store, mill.id, sam, category="pets")
    await _post(store, mill.id, sam, kind=PostKind.ASK)
    closed = await _post(store, mill.id, sam)
    await _change(store, closed, lambda post: post.done(NOW))

    found = await store.posts.open_near(kind=PostKind.OFFER, category="shopping", street_id=elm.id, cells=[HERE, NEXT_DOOR])
    assert sorted((post.id, place) for post, place in found) == sorted(
        [(ann_offer, None), (sam_offer, NEXT_DOOR), (kim_offer, HERE)]
    )
    only_street = await store.posts.open_near(kind=PostKind.OFFER, category="shopping", street_id=elm.id, cells=[])
    assert [post.id for post, _ in only_street] == [ann_offer]


async def test_streets_with_an_area_nearby(store: SqliteStore) -> None:
    (elm, mill, far, elsewhere), _ = await _setup(store)
    for street, cell in ((elm, HERE), (mill, NEXT_DOOR), (far, AWAY), (elsewhere, HERE)):
        await store.areas.set(street.id, cell, NOW)
    found = await store.streets.with_area_in("t", [HERE, NEXT_DOOR], elm.id)
    assert [(street.chat_id, cell) for street, cell in found] == [("mill", NEXT_DOOR)]
    assert await store.areas.clear(mill.id) and not await store.areas.clear(mill.id)


async def test_a_place_is_ones_own_cell_else_the_street_area(store: SqliteStore) -> None:
    (elm, mill, *_), (ann, sam, *_) = await _setup(store)
    await store.areas.set(elm.id, HERE, NOW)
    await store.cells.set(sam, AWAY, NOW)
    assert await store.cells.own_or_area(ann, elm.id) == HERE
    assert await store.cells.own_or_area(sam, elm.id) == AWAY
    assert await store.cells.own_or_area(None, elm.id) == HERE
    assert await store.cells.own_or_area(ann, mill.id) is None


async def test_who_was_told_lately_and_what_they_took_on(store: SqliteStore) -> None:
    (elm, *_), (ann, sam, kim, *_) = await _setup(store)
    asks = [await _post(store, elm.id, kim, kind=PostKind.ASK) for _ in range(3)]
    await store.suggestions.record(asks[0], ann, NOW - timedelta(days=2))
    await store.suggestions.record(asks[1], ann, NOW - timedelta(hours=1))
    await store.suggestions.record(asks[2], ann, NOW)
    lately = await store.suggestions.told_lately([ann, sam], NOW - timedelta(days=1), about_post_id=asks[0])
    assert lately == {ann: ToldLately(NOW, 2, True)}
    assert not (await store.suggestions.told_lately([ann], NOW, about_post_id=999))[ann].about_this
    assert await store.suggestions.told_about(ann, [asks[0], asks[2], 999]) == {asks[0], asks[2]}
    assert await store.suggestions.counts(asks) == {asks[0]: 1, asks[1]: 1, asks[2]: 1}

    await store.responses.add(asks[0], sam, NOW - timedelta(days=10))  # too long ago
    await store.responses.add(asks[1], sam, NOW)
    handed_back = await store.responses.add(asks[2], sam, NOW)
    await store.responses.save_status(handed_back.confirmed().handed_back(), NOW)
    offer = await _post(store, elm.id, sam)
    taken = await store.responses.add(offer, kim, NOW)
    await store.responses.save_status(taken.confirmed(), NOW)
    await store.responses.add(offer, ann, NOW)  # asked for, not yet said yes to: not taken on
    assert await store.responses.commitments([sam, kim], "shopping", NOW - timedelta(days=7)) == {sam: 2}
    assert await store.responses.commitments([sam], "pets", NOW - timedelta(days=7)) == {}
    assert await store.responses.waiting_among([*asks, offer]) == {asks[0], asks[1], offer}


async def test_nearby_copies_of_a_card_are_kept_apart(store: SqliteStore) -> None:
    (elm, *_), (ann, *_) = await _setup(store)
    post = await _post(store, elm.id, ann, kind=PostKind.ASK)
    await store.cards.remember(post, MessageRef("t", "elm", "1"))
    await store.cards.remember(post, MessageRef("t", "mill", "2"), nearby=True)
    assert await store.cards.of_post(post) == [MessageRef("t", "elm", "1")]
    assert await store.cards.nearby_of_post(post) == [MessageRef("t", "mill", "2")]


async def test_fan_outs(store: SqliteStore) -> None:
    (elm, *_), (ann, *_) = await _setup(store)
    post = await _post(store, elm.id, ann, kind=PostKind.ASK)
    await store.fan_outs.start(post, NOW + timedelta(hours=3), NOW + timedelta(hours=12))
    assert await store.fan_outs.next_round_at() == NOW + timedelta(hours=3)
    assert await store.fan_outs.rounds_due(NOW) == [] and await store.fan_outs.rounds_due(NOW + timedelta(hours=3)) == [post]
    await store.fan_outs.start(post, None, NOW)  # restarted (handed back): the widening plan stays
    fan_out = await store.fan_outs.get(post)
    assert fan_out is not None and fan_out.next_round_at is None and fan_out.widen_at == NOW + timedelta(hours=12)
    await store.fan_outs.mark_widen_asked(post, NOW)
    assert await store.fan_outs.next_widen_at() is None
    assert await store.fan_outs.mark_widened(post, NOW) and not await store.fan_outs.mark_widened(post, NOW)


async def test_recurrences_and_relays(store: SqliteStore) -> None:
    (elm, *_), (ann, sam, *_) = await _setup(store)
    first, second = await _post(store, elm.id, ann, kind=PostKind.ASK), await _post(store, elm.id, ann, kind=PostKind.ASK)
    series = await store.recurrences.add(first, 7, date(2026, 3, 3), NOW + timedelta(days=2))
    assert await store.recurrences.due(NOW) == [] and await store.recurrences.next_at() == NOW + timedelta(days=2)
    await store.recurrences.set_keeper(series.id, sam)
    await store.recurrences.move_on(series.id, second, date(2026, 3, 10), NOW + timedelta(days=9), 1)
    moved = await store.recurrences.of_post(second)
    assert moved is not None and (moved.keeper_id, moved.occurs_on, moved.unmet) == (sam, date(2026, 3, 10), 1)

    relay = await store.relays.start(first, ann, sam, NOW)
    assert relay.other(ann) == sam and relay.other(sam) == ann
    again = await store.relays.start(first, ann, sam, NOW)  # a post has one chat at a time
    assert [r.id for r in await store.relays.of_neighbour(sam)] == [again.id]
    assert await store.relays.end(again.id) and await store.relays.of_neighbour(ann) == []


async def test_retention_of_own_cells_and_ended_chats(store: SqliteStore) -> None:
    (elm, *_), (ann, sam, kim, *_) = await _setup(store)
    await store.neighbours.seen_in_street(elm.id, ann, NOW)
    for who in (ann, sam, kim):
        await store.cells.set(who, HERE, NOW - timedelta(days=100))
    await store.cells.set(kim, HERE, NOW)  # shared again recently
    assert await store.retention.delete_cells_untouched_without_street(NOW - timedelta(days=90)) == 1  # Sam's
    assert await store.cells.of_neighbour(ann) == HERE and await store.cells.of_neighbour(sam) is None
    matched, done = await _post(store, elm.id, ann, kind=PostKind.ASK), await _post(store, elm.id, ann, kind=PostKind.ASK)
    await _change(store, matched, lambda post: post.sorted(NOW))
    await _change(store, done, lambda post: post.done(NOW))
    await store.relays.start(matched, ann, sam, NOW)
    await store.relays.start(done, ann, kim, NOW)
    assert await store.retention.delete_relays_of_closed_posts() == 1
    assert [r.post_id for r in await store.relays.of_neighbour(ann)] == [matched]
