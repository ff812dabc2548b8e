"""The check-in repository on a real SQLite file."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

from handlers.kernel.checkin_records import EVERY_DAY, Schedule, Stage, Tell
from storage import SqliteStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


async def _neighbours(store: SqliteStore, *names: str) -> tuple[int, list[int]]:
    street = await store.streets.get_or_create("t", "g", "Elm", NOW)
    ids = []
    for name in names:
        neighbour = await store.neighbours.get_or_create("t", name, NOW)
        await store.neighbours.seen_in_street(street.id, neighbour.id, NOW)
        ids.append(neighbour.id)
    return street.id, ids


async def _put(store: SqliteStore, street_id: int, neighbour_id: int, **changes):  # type: ignore[no-untyped-def]
    values = dict(
        neighbour_id=neighbour_id, street_id=street_id, schedule=Schedule(EVERY_DAY, time(10)), tell=Tell.BUDDY,
        escalate_after=timedelta(hours=3), buddy_id=None, next_due_at=NOW + timedelta(hours=1), now=NOW,
    )
    return await store.checkins.put(**{**values, **changes})


async def test_one_check_in_per_neighbour_changed_in_place(store: SqliteStore) -> None:
    street_id, (rosa, sam) = await _neighbours(store, "rosa", "sam")
    first = await _put(store, street_id, rosa)
    await store.checkins.invite(first.id, "hash", NOW)
    await store.checkins.pause(first.id, None, None, NOW)
    changed = await _put(store, street_id, rosa, schedule=Schedule(0, time(16, 30), date(2026, 3, 3)))
    assert changed.id == first.id
    assert changed.schedule == Schedule(0, time(16, 30), date(2026, 3, 3))
    assert not changed.paused  # a change ends a pause
    assert (await store.checkins.by_invite("hash")) == changed  # a pending invitation survives a change
    organisers = await _put(store, street_id, rosa, tell=Tell.ORGANISERS)
    assert organisers.invited_at is None and await store.checkins.by_invite("hash") is None
    await store.checkins.set_buddy(first.id, sam, NOW)
    assert (await store.checkins.get(first.id)).buddy_id == sam  # type: ignore[union-attr]
    assert await store.db.fetch_value("SELECT COUNT(*) FROM checkins") == 1


async def test_due_in_order_and_occurrences_by_run(store: SqliteStore) -> None:
    street_id, ids = await _neighbours(store, "a", "b", "c")
    for offset, neighbour_id in zip((2, 1, 1), ids):
        await _put(store, street_id, neighbour_id, next_due_at=NOW + timedelta(minutes=offset))
    due = await store.checkins.due(NOW + timedelta(minutes=5), 10)
    assert [c.neighbour_id for c in due] == [ids[1], ids[2], ids[0]]
    assert len(await store.checkins.due(NOW + timedelta(minutes=5), 2)) == 2
    assert await store.checkins.next_due_at() == NOW + timedelta(minutes=1)
    mine = await store.checkins.add_occurrence(due[0].id, NOW, "run-a")
    theirs = await store.checkins.add_occurrence(due[1].id, NOW - timedelta(minutes=1), "run-b")
    assert mine == await store.checkins.occurrence(mine.id)
    assert [o.id for o in await store.checkins.left_sending("run-a")] == [theirs.id]
    assert await store.checkins.next_left_sending_at("run-a") == NOW - timedelta(minutes=1)
    await store.checkins.save_occurrence(replace(mine, stage=Stage.WAITING, sender=None, sent_at=NOW, step_at=NOW))
    assert [o.id for o in await store.checkins.steps_due(NOW)] == [mine.id]
    assert [o.id for o in await store.checkins.open_of(due[0].id)] == [mine.id]


async def test_deleting_a_check_in_takes_its_occurrences(store: SqliteStore) -> None:
    street_id, (rosa,) = await _neighbours(store, "rosa")
    checkin = await _put(store, street_id, rosa)
    await store.checkins.add_occurrence(checkin.id, NOW, "run")
    await store.checkins.delete(checkin.id)
    assert await store.db.fetch_value("SELECT COUNT(*) FROM checkin_occurrences") == 0


async def test_retention(store: SqliteStore) -> None:
    street_id, (rosa, sam, joe) = await _neighbours(store, "rosa", "sam", "joe")
    daily = await _put(store, street_id, rosa)
    await store.checkins.add_occurrence(daily.id, NOW - timedelta(days=15), "run")
    await store.checkins.add_occurrence(daily.id, NOW - timedelta(days=13), "run")
    await _put(store, street_id, sam, schedule=Schedule(0, time(10), date(2026, 2, 1)), next_due_at=None,
               now=NOW - timedelta(days=20))
    held = await _put(store, street_id, joe, schedule=Schedule(0, time(10), date(2026, 2, 1)), next_due_at=None,
                      now=NOW - timedelta(days=20))
    await store.checkins.pause(held.id, None, None, NOW - timedelta(days=20))
    await store.checkins.invite(daily.id, "hash", NOW - timedelta(days=8))
    moment = NOW - timedelta(days=14)
    assert await store.checkins.delete_occurrences_due_before(moment) == 1
    assert await store.checkins.delete_finished_one_offs(moment) == 1  # not the one paused until she says
    assert await store.checkins.expire_invites(NOW - timedelta(days=7)) == 1
    assert await store.checkins.by_invite("hash") is None
