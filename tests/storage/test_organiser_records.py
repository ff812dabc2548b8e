"""The organisers' records on a real SQLite file: membership and activity, pauses, hellos, counts."""

from datetime import date, datetime, time, timedelta, timezone

from storage import SqliteStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


async def _street_and_neighbour(store: SqliteStore) -> tuple[int, int]:
    street = await store.streets.get_or_create("test", "g", "Elm Street", NOW)
    neighbour = await store.neighbours.get_or_create("test", "u1", NOW)
    return street.id, neighbour.id


async def test_being_seen_and_being_active(store: SqliteStore) -> None:
    street_id, neighbour_id = await _street_and_neighbour(store)
    assert await store.neighbours.touch_member(street_id, neighbour_id, NOW) is False  # not a member: nothing stored
    assert not await store.neighbours.is_member(street_id, neighbour_id)
    assert await store.neighbours.seen_in_street(street_id, neighbour_id, NOW) is True
    assert await store.neighbours.seen_in_street(street_id, neighbour_id, NOW + timedelta(days=1)) is False
    assert await store.neighbours.touch_member(street_id, neighbour_id, NOW) is True
    later = NOW + timedelta(days=30)
    quiet = await store.neighbours.quiet_in_street(street_id, later - timedelta(days=21), leave_out=0, limit=10)
    assert [(q.neighbour_id, q.last_seen_at) for q in quiet] == [(neighbour_id, NOW + timedelta(days=1))]


async def test_pauses_live_on_the_membership(store: SqliteStore) -> None:
    street_id, neighbour_id = await _street_and_neighbour(store)
    until = NOW + timedelta(days=7)
    assert await store.neighbours.pause_in_street(street_id, neighbour_id, until) is False
    await store.neighbours.seen_in_street(street_id, neighbour_id, NOW)
    assert await store.neighbours.pause_in_street(street_id, neighbour_id, until) is True
    await store.neighbours.seen_in_street(street_id, neighbour_id, NOW + timedelta(hours=1))
    assert await store.neighbours.paused_until(street_id, neighbour_id) == until
    await store.neighbours.pause_in_street(street_id, neighbour_id, None)
    assert await store.neighbours.paused_until(street_id, neighbour_id) is None


async def test_hellos_and_counts(store: SqliteStore) -> None:
    street_id, neighbour_id = await _street_and_neighbour(store)
    hello = await store.hellos.record(street_id, neighbour_id, NOW)
    assert await store.hellos.get(hello) == (street_id, neighbour_id)
    assert await store.hellos.last_to(neighbour_id) == NOW
    await store.hellos.forget(hello)
    assert await store.hellos.last_to(neighbour_id) is None
    for _ in range(3):
        await store.weekly_counts.add(street_id, date(2026, 3, 2), "asks_posted")
    await store.weekly_counts.add(street_id, date(2026, 2, 23), "asks_posted", by=2)
    assert await store.weekly_counts.of_street(street_id, date(2026, 3, 2)) == {(date(2026, 3, 2), "asks_posted"): 3}
    assert await store.retention.delete_weekly_counts_before(date(2026, 3, 1)) == 1


async def test_reminders_and_digests_keep_local_times(store: SqliteStore) -> None:
    street_id, neighbour_id = await _street_and_neighbour(store)
    reminder = await store.reminders.add(
        street_id=street_id, days=frozenset({0, 3}), every_weeks=1, at=time(19, 30), body="Bins", next_at=NOW, now=NOW,
    )
    assert (reminder.days, reminder.at, reminder.paused) == (frozenset({0, 3}), time(19, 30), False)
    await store.reminders.set_paused(reminder.id, True)
    assert await store.reminders.due(NOW) == [] and await store.reminders.next_at() is None
    await store.digests.put(street_id, neighbour_id, 6, time(8, 15), NOW)
    subscription = await store.digests.get(street_id, neighbour_id)
    assert subscription is not None and (subscription.weekday, subscription.at) == (6, time(8, 15))
    assert await store.digests.stop(street_id, neighbour_id) and not await store.digests.stop(street_id, neighbour_id)
