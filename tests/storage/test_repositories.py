"""The repositories against a real SQLite file: the queries the core relies on."""

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from handlers.kernel.domain import PostKind, PostStatus, When
from handlers.kernel.messages import MessageRef
from storage import SqliteStore
from storage.repositories.neighbours import SEEN_WRITTEN_EVERY, NeighbourRepository
from storage.times import from_db

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


async def _post(store: SqliteStore, street_id: int, author_id: int, **overrides) -> int:  # type: ignore[no-untyped-def]
    fields = dict(
        street_id=street_id, author_id=author_id, kind=PostKind.ASK, category="shopping", when=When("tomorrow", "morning"),
        body="milk please", anonymous=False, now=NOW, expires_at=NOW + timedelta(days=7),
    )
    fields.update(overrides)
    return (await store.posts.add(**fields)).id  # type: ignore[arg-type]


async def test_post_round_trip(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", "Elm Street", NOW)
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    post = await store.posts.get(await _post(store, street.id, rosa.id))
    assert post is not None
    assert (post.kind, post.category, post.when, post.body, post.status) == (
        PostKind.ASK, "shopping", When("tomorrow", "morning"), "milk please", PostStatus.OPEN
    )
    assert post.created_at == NOW and post.created_at.tzinfo is not None


async def test_street_title_follows_the_group_but_is_not_erased(store: SqliteStore) -> None:
    await store.streets.get_or_create("t", "g", "Elm Street", NOW)
    assert (await store.streets.get_or_create("t", "g", None, NOW)).title == "Elm Street"
    assert (await store.streets.get_or_create("t", "g", "Elm St", NOW)).title == "Elm St"


async def test_a_status_is_stored_with_the_closing_time_the_change_left(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", None, NOW)
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    post = await store.posts.get(await _post(store, street.id, rosa.id))
    assert post is not None
    done = post.done(NOW)
    await store.posts.save_status(done)
    assert await store.posts.get(post.id) == done and done.closed_at == NOW
    await store.posts.save_status(post.sorted(NOW))
    assert (await store.posts.get(post.id)) == post.sorted(NOW) and post.sorted(NOW).closed_at is None


async def test_an_ask_can_never_have_two_confirmed_helpers(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", None, NOW)
    rosa, sam, joe = [await store.neighbours.get_or_create("t", n, NOW) for n in ("rosa", "sam", "joe")]
    post_id = await _post(store, street.id, rosa.id)
    first = await store.responses.add(post_id, sam.id, NOW)
    second = await store.responses.add(post_id, joe.id, NOW)
    await store.responses.save_status(first.confirmed(), NOW)
    with pytest.raises(sqlite3.IntegrityError):
        await store.responses.save_status(second.confirmed(), NOW)


async def test_one_live_answer_per_neighbour_per_post(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", None, NOW)
    rosa, sam = [await store.neighbours.get_or_create("t", n, NOW) for n in ("rosa", "sam")]
    post_id = await _post(store, street.id, rosa.id)
    await store.responses.add(post_id, sam.id, NOW)
    with pytest.raises(sqlite3.IntegrityError):
        await store.responses.add(post_id, sam.id, NOW)


async def test_streets_of_a_neighbour_most_recent_first(store: SqliteStore) -> None:
    elm = await store.streets.get_or_create("t", "elm", "Elm", NOW)
    mill = await store.streets.get_or_create("t", "mill", "Mill", NOW)
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    await store.neighbours.seen_in_street(elm.id, rosa.id, NOW)
    await store.neighbours.seen_in_street(mill.id, rosa.id, NOW + timedelta(hours=1))
    assert [s.title for s in await store.streets.of_neighbour(rosa.id)] == ["Mill", "Elm"]
    await store.neighbours.left_street(mill.id, rosa.id)
    assert [s.title for s in await store.streets.of_neighbour(rosa.id)] == ["Elm"]


async def test_cards_remember_every_place_a_post_is_shown(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", None, NOW)
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    post_id = await _post(store, street.id, rosa.id)
    refs = [MessageRef("t", "g", "10"), MessageRef("t", "other", "3")]
    for ref in refs + refs[:1]:
        await store.cards.remember(post_id, ref)
    assert await store.cards.of_post(post_id) == refs


async def test_outbox_says_which_message_is_the_first_waiting(store: SqliteStore) -> None:
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    assert await store.held.hold(rosa.id, "a", NOW) is True
    assert await store.held.hold(rosa.id, "b", NOW) is False
    assert await store.held.take_all(rosa.id) == ["a", "b"]
    assert await store.held.take_all(rosa.id) == []


async def test_reachability_is_unknown_until_learned(store: SqliteStore) -> None:
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    assert rosa.reachable is None
    await store.neighbours.set_reachable(rosa.id, False)
    assert (await store.neighbours.get(rosa.id)).reachable is False  # type: ignore[union-attr]


async def test_street_settings_kept_in_memory_never_outlive_a_rollback(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", None, NOW)
    await store.street_settings.put(street.id, "language", "pl")
    assert await store.street_settings.of_street(street.id) == {"language": "pl"}
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.street_settings.put(street.id, "language", "ro")
            assert await store.street_settings.of_street(street.id) == {"language": "ro"}
            raise RuntimeError("half way")
    assert await store.street_settings.of_street(street.id) == {"language": "pl"}


async def test_merged_streets_bring_their_settings_along(store: SqliteStore) -> None:
    old = await store.streets.get_or_create("t", "old", None, NOW)
    new = await store.streets.get_or_create("t", "new", None, NOW)
    await store.street_settings.put(old.id, "language", "pl")
    assert await store.street_settings.of_street(new.id) == {}
    await store.streets.move("t", "old", "new")
    kept = await store.streets.get_or_create("t", "new", None, NOW)
    assert await store.street_settings.of_street(kept.id) == {"language": "pl"}


async def test_neighbours_kept_in_memory_follow_every_change_and_never_outlive_a_rollback(store: SqliteStore) -> None:
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)
    await store.neighbours.set_language(rosa.id, "pl", True)
    await store.neighbours.set_reachable(rosa.id, True)
    assert await store.neighbours.find("t", "rosa") == replace(rosa, language="pl", language_chosen=True, reachable=True)
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.neighbours.set_language(rosa.id, "ro", True)
            assert (await store.neighbours.get(rosa.id)).language == "ro"  # type: ignore[union-attr]
            raise RuntimeError("half way")
    assert (await store.neighbours.get(rosa.id)).language == "pl"  # type: ignore[union-attr]

    await store.personal_data.forget(rosa.id)
    assert await store.neighbours.find("t", "rosa") is None
    assert await store.neighbours.get(rosa.id) is None


async def test_only_the_most_recently_met_neighbours_are_kept_in_memory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = await SqliteStore.open(tmp_path / "d.sqlite3")
    try:
        neighbours = NeighbourRepository(store.db, remembered=3)
        met = [await neighbours.get_or_create("t", f"n{number}", NOW) for number in range(5)]
        await store.db.execute("UPDATE neighbours SET language = 'pl'")  # behind the memory's back
        # The three met last are remembered as they were; the two met first had been let go of, and
        # are read afresh.
        assert [(await neighbours.get(n.id)).language for n in met[2:]] == [None, None, None]  # type: ignore[union-attr]
        assert [(await neighbours.get(n.id)).language for n in met[:2]] == ["pl", "pl"]  # type: ignore[union-attr]
    finally:
        await store.close()


async def test_being_seen_in_a_street_is_written_down_every_few_minutes_at_most(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("t", "g", None, NOW)
    rosa = await store.neighbours.get_or_create("t", "rosa", NOW)

    async def last_seen() -> datetime:
        return from_db(await store.db.fetch_value("SELECT last_seen_at FROM street_members WHERE neighbour_id = ?", (rosa.id,)))

    assert await store.neighbours.seen_in_street(street.id, rosa.id, NOW)  # new in the street
    assert not await store.neighbours.seen_in_street(street.id, rosa.id, NOW + timedelta(minutes=5))
    assert await last_seen() == NOW
    assert await store.neighbours.touch_member(street.id, rosa.id, NOW + SEEN_WRITTEN_EVERY)
    assert await last_seen() == NOW + SEEN_WRITTEN_EVERY

    await store.neighbours.left_street(street.id, rosa.id)
    assert not await store.neighbours.touch_member(street.id, rosa.id, NOW + SEEN_WRITTEN_EVERY)  # not a member now
    assert await store.neighbours.seen_in_street(street.id, rosa.id, NOW + SEEN_WRITTEN_EVERY)  # new again
    assert await store.retention.delete_members_last_seen_before(NOW + timedelta(days=1)) == 1
    assert not await store.neighbours.touch_member(street.id, rosa.id, NOW + SEEN_WRITTEN_EVERY)
