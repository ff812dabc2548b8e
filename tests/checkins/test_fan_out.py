"""Many check-ins due in the same minute: they go out in due order while the platform paces them,
none lost, none escalated for the time spent queueing — and a crash half-way through loses none and
repeats at most one."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from handlers.checkins import due
from handlers.checkins import texts as checkins_texts
from handlers.kernel.checkin_records import EVERY_DAY, Schedule, Stage, Tell
from storage import SqliteStore
from tests.checkins.conftest import Crash, TimedNotifier
from tests.checkins.helpers import local, run_until, street_on
from tests.kit import GROUP, StreetKit


async def _many(store: SqliteStore, clock: ManualClock, names: list[str], at: time, tell: Tell = Tell.NOBODY,
                wait: timedelta = timedelta(hours=3)) -> None:
    """Check-ins set up straight in storage (the set-up itself is tested elsewhere)."""
    now = clock.now()
    async with store.transaction():
        elm = await store.streets.get_or_create("test", GROUP, "Elm Street", now)
        for name in names:
            neighbour = await store.neighbours.get_or_create("test", name, now)
            await store.neighbours.seen_in_street(elm.id, neighbour.id, now)
            due = local(f"2026-03-02 {at:%H:%M}")
            await store.checkins.put(
                neighbour_id=neighbour.id, street_id=elm.id, schedule=Schedule(EVERY_DAY, at), tell=tell,
                escalate_after=wait, buddy_id=None, next_due_at=due, now=now,
            )


def _hellos(notifier: TimedNotifier) -> list[str]:
    return [sent.outgoing.to.person.user_id for _, sent in notifier.log if sent.key == checkins_texts.CHECKIN_HELLO]  # type: ignore[union-attr]


async def _stages(store: SqliteStore) -> dict[str, int]:
    rows = await store.db.fetch_all("SELECT stage, COUNT(*) AS n FROM checkin_occurrences GROUP BY stage")
    return {row["stage"]: row["n"] for row in rows}


async def test_a_paced_fan_out_goes_in_due_order_and_every_wait_counts_from_the_real_send(
    street: StreetKit, notifier: TimedNotifier, clock: ManualClock, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(due, "BATCH", 25)  # several batches, each its own short transaction
    await street.join("alice")
    ten = [f"ten{i:03d}" for i in range(60)]
    earlier = [f"early{i:02d}" for i in range(20)]
    await _many(street.store, clock, ten, time(10), Tell.ORGANISERS, timedelta(hours=1))
    await _many(street.store, clock, earlier, time(9, 58), Tell.ORGANISERS, timedelta(hours=1))
    notifier.per_send = timedelta(seconds=4)  # the platform's pace: 80 hellos take over five minutes
    await run_until(street, local("2026-03-02 10:00"))
    assert _hellos(notifier) == earlier + ten
    assert notifier.clock.now() >= local("2026-03-02 10:03")  # the queue really took its time
    assert await _stages(street.store) == {Stage.WAITING: 80}

    await run_until(street, local("2026-03-02 12:00"))
    for name in earlier + ten:
        hello = notifier.times_to(name, checkins_texts.CHECKIN_HELLO)
        reminder = notifier.times_to(name, checkins_texts.CHECKIN_REMINDER)
        assert len(hello) == len(reminder) == 1
        assert reminder[0] - hello[0] >= timedelta(minutes=30)
    told = [(moment, sent.outgoing.text.params["person"].user_id) for moment, sent in notifier.log  # type: ignore[union-attr]
            if sent.key == checkins_texts.ORGANISERS_NO_ANSWER]
    assert sorted(name for _, name in told) == sorted(earlier + ten)
    for moment, name in told:
        assert moment - notifier.times_to(name, checkins_texts.CHECKIN_HELLO)[0] >= timedelta(hours=1)
    assert notifier.group_messages() == []


@pytest.mark.parametrize("restart_after", [timedelta(minutes=5), timedelta(0)])
async def test_a_crash_half_way_through_a_fan_out_loses_nothing_and_repeats_at_most_one(
    tmp_path: Path, clock: ManualClock, notifier: TimedNotifier, restart_after: timedelta, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(due, "BATCH", 25)  # the crash comes in the first batch; the second is still to start
    path = tmp_path / "street.sqlite3"
    names = [f"n{i:02d}" for i in range(40)]
    first = await street_on(path, notifier, clock)
    await _many(first.store, clock, names, time(10))
    notifier.crash_after = 15
    with pytest.raises(Crash):
        await run_until(first, local("2026-03-02 10:00"))
    assert len(_hellos(notifier)) == 15
    await first.store.close()

    clock.advance(restart_after)
    second = await street_on(path, notifier, clock)
    try:
        assert await second.core.next_due() <= clock.now()  # the scheduler's start-up run picks them up
        await run_until(second, clock.now())
        hellos = _hellos(notifier)
        assert sorted(set(hellos)) == names  # nobody lost
        assert len(hellos) == len(names) + 1  # the one sent as the process died goes once more
        assert hellos.count(names[14]) == 2
        assert hellos[15:] == names[14:]  # the rest, in due order
        assert await _stages(second.store) == {Stage.WAITING: 40}
        assert await second.core.run_due() is None and len(_hellos(notifier)) == 41  # nothing more
    finally:
        await second.store.close()


async def test_after_a_long_outage_a_half_sent_fan_out_is_let_go_not_escalated(
    tmp_path: Path, clock: ManualClock, notifier: TimedNotifier,
) -> None:
    path = tmp_path / "street.sqlite3"
    names = [f"n{i:02d}" for i in range(10)]
    first = await street_on(path, notifier, clock)
    await first.join("alice")
    await _many(first.store, clock, names, time(10), Tell.ORGANISERS, timedelta(hours=1))
    notifier.crash_after = 4  # three recorded as sent, the fourth went out as the process died
    with pytest.raises(Crash):
        await run_until(first, local("2026-03-02 10:00"))
    await first.store.close()

    clock.move_to(local("2026-03-02 11:30"))  # back after the grace window
    second = await street_on(path, notifier, clock)
    try:
        await run_until(second, local("2026-03-02 20:00"))
        assert len(_hellos(notifier)) == 4
        assert await _stages(second.store) == {Stage.MISSED: 7, Stage.ORGANISERS: 3}
        told = {sent.outgoing.text.params["person"].user_id for _, sent in notifier.log  # type: ignore[union-attr]
                if sent.key == checkins_texts.ORGANISERS_NO_ANSWER}
        assert told == set(names[:3])  # only those whose hello was known to arrive
        # Their reminder, due during the outage, comes a little after the restart (answers sent
        # meanwhile arrive first), and the organisers hear no sooner than half the wait after it.
        assert notifier.times_to("n00", checkins_texts.CHECKIN_REMINDER) == [local("2026-03-02 11:35")]
        assert [m for m, s in notifier.log if s.key == checkins_texts.ORGANISERS_NO_ANSWER][0] == local("2026-03-02 12:05")
        # The fourth did arrive, as the process died: its answer still counts, and tells nobody anything.
        fourth = [s for _, s in notifier.log if s.key == checkins_texts.CHECKIN_HELLO][3]
        sent = await second.press("n03", fourth.payload("All good"))
        assert [s.key for s in sent] == [checkins_texts.ANSWER_ALL_GOOD]
    finally:
        await second.store.close()
