"""The real `doorstep run`, as a separate process against the fake Bot API, killed with SIGKILL in the
middle of a check-in fan-out and started again: every neighbour still gets their check-in, and
nobody gets it more than twice (the one being sent at the moment of the kill may go out again)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from bot.composition import SENDS_AT_ONCE
from handlers.kernel.checkin_records import EVERY_DAY, Schedule, Tell
from storage import SqliteStore
from tests.telegram.fake_bot_api import FakeBotApi, FakeUser

ROOT = Path(__file__).resolve().parents[2]
NEIGHBOURS = 60
HELLO = "just checking in"


async def _seed(database: Path, api: FakeBotApi, people: list[FakeUser], group_id: int) -> None:
    """A street whose check-ins are all due now (the real process runs on the real clock)."""
    now = datetime.now(timezone.utc)
    store = await SqliteStore.open(database)
    try:
        street = await store.streets.get_or_create("telegram", str(group_id), "Elm Street", now)
        for name in ("quiet_from", "quiet_until"):  # no quiet hours, whenever the test runs
            await store.street_settings.put(street.id, name, "00:00")
        for person in people:
            neighbour = await store.neighbours.get_or_create("telegram", str(person.id), now)
            await store.neighbours.set_reachable(neighbour.id, True)
            await store.neighbours.seen_in_street(street.id, neighbour.id, now)
            await store.checkins.put(
                neighbour_id=neighbour.id, street_id=street.id, schedule=Schedule(EVERY_DAY, time(9, 0)),
                tell=Tell.NOBODY, escalate_after=timedelta(hours=3), buddy_id=None,
                next_due_at=now - timedelta(seconds=5), now=now,
            )
    finally:
        await store.close()


async def _doorstep_run(api: FakeBotApi, database: Path, folder: Path) -> asyncio.subprocess.Process:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    env = {
        **clean, "PYTHONPATH": str(ROOT), "DOORSTEP_DATABASE__PATH": str(database),
        "DOORSTEP_TELEGRAM__TOKEN": api.token, "DOORSTEP_TELEGRAM__BASE_URL": api.base_url,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=folder, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )


def _hellos(api: FakeBotApi, people: list[FakeUser]) -> dict[int, int]:
    return {person.id: sum(HELLO in message.text for message in api.messages_in(person)) for person in people}


async def test_a_kill_in_the_middle_of_a_fan_out_loses_no_check_in(api: FakeBotApi, tmp_path: Path) -> None:
    people = [api.user(f"Neighbour{number}", started=True) for number in range(NEIGHBOURS)]
    elm = api.group("Elm Street", people)
    database = tmp_path / "doorstep.sqlite3"
    await _seed(database, api, people, elm.id)

    first = await _doorstep_run(api, database, tmp_path)
    try:
        await api.until(lambda: sum(_hellos(api, people).values()) >= NEIGHBOURS // 4, timeout=60,
                        what="the fan-out to be under way")
        first.send_signal(signal.SIGKILL)
        await asyncio.wait_for(first.wait(), 10)
    finally:
        if first.returncode is None:
            first.kill()
    at_kill = _hellos(api, people)
    assert first.returncode == -signal.SIGKILL
    assert 0 < sum(at_kill.values()) < NEIGHBOURS, "killed in the middle, not before or after"

    second = await _doorstep_run(api, database, tmp_path)
    try:
        await api.until(lambda: all(_hellos(api, people).values()), timeout=60, what="everyone's check-in")
        second.send_signal(signal.SIGTERM)
        _, errors = await asyncio.wait_for(second.communicate(), 30)
    finally:
        if second.returncode is None:
            second.kill()
    assert second.returncode == 0, errors.decode()
    after = _hellos(api, people)
    assert set(after.values()) <= {1, 2}, "no check-in lost, and none sent more than once more"
    # Only what was in flight at the kill can go twice: doorstep run sends a few chats side by side.
    assert sum(count - 1 for count in after.values()) <= SENDS_AT_ONCE

    store = await SqliteStore.open(database)
    try:
        waiting = await store.db.fetch_value("SELECT COUNT(*) FROM checkin_occurrences WHERE stage = 'waiting'")
        assert waiting == NEIGHBOURS  # each recorded as sent once, whatever happened in between
    finally:
        await store.close()
