"""A street follows its chat to a new id (a Telegram group that became a supergroup), and two streets
that turn out to be one chat become one street, losing nothing the older one didn't have already."""

from datetime import datetime, time, timedelta, timezone

from handlers.kernel.domain import PostKind, When
from storage import SqliteStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


async def _ask(store: SqliteStore, street_id: int, author_id: int, body: str) -> int:
    post = await store.posts.add(
        street_id=street_id, author_id=author_id, kind=PostKind.ASK, category="shopping",
        when=When("tomorrow", "morning"), body=body, anonymous=False, now=NOW, expires_at=NOW + timedelta(days=7),
    )
    return post.id


async def test_a_street_follows_its_chat_to_the_new_id(store: SqliteStore) -> None:
    street = await store.streets.get_or_create("telegram", "-1001", "Elm Street", NOW)
    rosa = await store.neighbours.get_or_create("telegram", "7", NOW)
    await store.neighbours.seen_in_street(street.id, rosa.id, NOW)
    post_id = await _ask(store, street.id, rosa.id, "milk please")
    await store.street_settings.put(street.id, "radius_m", "400")

    async with store.transaction():
        assert await store.streets.move("telegram", "-1001", "-1002000000001")
    moved = await store.streets.get_or_create("telegram", "-1002000000001", None, NOW)
    assert (moved.id, moved.title) == (street.id, "Elm Street")
    assert (await store.posts.get(post_id)).street_id == street.id  # type: ignore[union-attr]
    assert await store.neighbours.is_member(street.id, rosa.id)
    assert await store.street_settings.of_street(street.id) == {"radius_m": "400"}
    assert await store.db.fetch_value("SELECT COUNT(*) FROM streets") == 1
    # Moving again (Telegram says it twice), or from a chat nobody knows, changes nothing.
    assert not await store.streets.move("telegram", "-1001", "-1002000000001")
    assert not await store.streets.move("matrix", "-1001", "-1002000000001")
    assert await store.db.fetch_value("SELECT COUNT(*) FROM streets") == 1


async def test_two_streets_for_one_chat_become_one(store: SqliteStore) -> None:
    old = await store.streets.get_or_create("telegram", "-1001", "Elm Street", NOW)
    rosa = await store.neighbours.get_or_create("telegram", "7", NOW)
    sam = await store.neighbours.get_or_create("telegram", "8", NOW)
    await store.neighbours.seen_in_street(old.id, rosa.id, NOW)
    first = await _ask(store, old.id, rosa.id, "milk please")
    await store.reminders.add(street_id=old.id, days=frozenset({3}), every_weeks=1, at=time(19), body="Bins",
                              next_at=NOW, now=NOW)
    await store.areas.set(old.id, "8928308280fffff", NOW)
    # Someone spoke in the supergroup before the move was noticed: it got a street of its own.
    new = await store.streets.get_or_create("telegram", "-1002000000001", "Elm Street 🏡", NOW)
    await store.neighbours.seen_in_street(new.id, rosa.id, NOW + timedelta(minutes=1))
    await store.neighbours.seen_in_street(new.id, sam.id, NOW + timedelta(minutes=1))
    second = await _ask(store, new.id, sam.id, "a ladder")
    await store.areas.set(new.id, "89283082803ffff", NOW)

    async with store.transaction():
        assert await store.streets.move("telegram", "-1001", "-1002000000001")
    assert await store.db.fetch_value("SELECT COUNT(*) FROM streets") == 1
    street = await store.streets.get(old.id)
    assert street is not None and (street.chat_id, street.title) == ("-1002000000001", "Elm Street 🏡")
    assert {(await store.posts.get(p)).street_id for p in (first, second)} == {old.id}  # type: ignore[union-attr]
    assert await store.neighbours.is_member(old.id, rosa.id) and await store.neighbours.is_member(old.id, sam.id)
    assert len(await store.reminders.of_street(old.id)) == 1
    assert await store.areas.of_street(old.id) == "8928308280fffff"  # the older street's own area stays
