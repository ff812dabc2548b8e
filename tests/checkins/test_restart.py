"""A crash while a note about no answer is going out: it is sent again after the restart (at most
once more), never lost; and a set-up half done survives too (see test_setup)."""

from pathlib import Path

import pytest

from bot.clock import ManualClock
from handlers.checkins import texts as checkins_texts
from handlers.kernel.checkin_records import Stage
from tests.checkins.conftest import Crash, TimedNotifier
from tests.checkins.helpers import local, run_until, set_up, street_on, with_buddy


async def _stages(street) -> list[str]:  # type: ignore[no-untyped-def]
    return [row["stage"] for row in await street.store.db.fetch_all("SELECT stage FROM checkin_occurrences")]


async def test_a_buddy_note_cut_off_by_a_crash_is_sent_again(tmp_path: Path, clock: ManualClock, notifier: TimedNotifier) -> None:
    path = tmp_path / "street.sqlite3"
    first = await street_on(path, notifier, clock)
    await first.join("alice")
    await with_buddy(first)
    await run_until(first, local("2026-03-02 12:59"))
    notifier.crash_after = 1  # the note to Sam goes out, and the process dies before noting it
    with pytest.raises(Crash):
        await run_until(first, local("2026-03-02 13:00"))
    await first.store.close()

    second = await street_on(path, notifier, clock)
    try:
        await run_until(second, local("2026-03-02 17:00"))
        assert notifier.times_to("sam", checkins_texts.BUDDY_NO_ANSWER) == [local("2026-03-02 13:00"), local("2026-03-02 13:05")]
        assert notifier.times_to("alice", checkins_texts.ORGANISERS_NO_ANSWER) == [local("2026-03-02 16:05")]
        assert await _stages(second) == [Stage.ORGANISERS]
        assert await second.count("checkin_occurrences", "sender IS NOT NULL") == 0
    finally:
        await second.store.close()


async def test_organiser_notes_cut_off_by_a_crash_are_sent_again(tmp_path: Path, clock: ManualClock, notifier: TimedNotifier) -> None:
    path = tmp_path / "street.sqlite3"
    first = await street_on(path, notifier, clock)
    first.core.services.organisers.user_ids.add("bea")  # type: ignore[attr-defined]
    await first.join("alice")
    await first.join("bea")
    await set_up(first, tell="organisers", wait="1 hour")
    await run_until(first, local("2026-03-02 10:59"))
    notifier.crash_after = 1  # the first organiser hears; the process dies before the second
    with pytest.raises(Crash):
        await run_until(first, local("2026-03-02 11:00"))
    await first.store.close()

    second = await street_on(path, notifier, clock)
    second.core.services.organisers.user_ids.add("bea")  # type: ignore[attr-defined]
    try:
        await run_until(second, local("2026-03-02 12:00"))
        told = [(m, s.outgoing.to.person.user_id) for m, s in notifier.log if s.key == checkins_texts.ORGANISERS_NO_ANSWER]  # type: ignore[union-attr]
        assert told == [
            (local("2026-03-02 11:00"), "alice"),  # before the crash
            (local("2026-03-02 11:05"), "alice"), (local("2026-03-02 11:05"), "bea"),  # after: everyone, once more
        ]
        assert await _stages(second) == [Stage.ORGANISERS]
        assert await second.count("checkin_occurrences", "sender IS NOT NULL") == 0
    finally:
        await second.store.close()


async def test_an_acknowledged_note_is_not_sent_again_after_a_restart(tmp_path: Path, clock: ManualClock, notifier: TimedNotifier) -> None:
    path = tmp_path / "street.sqlite3"
    first = await street_on(path, notifier, clock)
    await with_buddy(first)
    await run_until(first, local("2026-03-02 13:00"))
    note = [s for _, s in notifier.log if s.key == checkins_texts.BUDDY_NO_ANSWER][0]
    await first.press("sam", note.payload("I'll check"))
    await first.store.close()
    second = await street_on(path, notifier, clock)
    try:
        assert await run_until(second, local("2026-03-02 20:00")) == []
    finally:
        await second.store.close()
