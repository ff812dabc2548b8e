import asyncio
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from storage import Database, SqliteStore, StorageError
from storage.database import migrations


async def test_new_database_is_private_wal_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "doorstep.sqlite3"
    db = await Database.open(path)
    try:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert (await db.fetch_value("PRAGMA journal_mode")).lower() == "wal"
        assert await db.fetch_value("PRAGMA foreign_keys") == 1
        assert await db.fetch_value("PRAGMA user_version") == len(migrations())
    finally:
        await db.close()


async def test_an_existing_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    db = await Database.open(path)
    await db.close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


async def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    first = await SqliteStore.open(path)
    await first.db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'c', 0)")
    await first.close()
    second = await SqliteStore.open(path)
    try:
        assert await second.db.fetch_value("SELECT COUNT(*) FROM streets") == 1
    finally:
        await second.close()


def test_migrations_are_numbered_in_order() -> None:
    numbers = [number for number, _, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


async def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "d.sqlite3")
    try:
        with pytest.raises(RuntimeError):
            async with db.transaction():
                await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'c', 0)")
                raise RuntimeError("half way")
        assert await db.fetch_value("SELECT COUNT(*) FROM streets") == 0
    finally:
        await db.close()


async def test_transactions_from_two_tasks_do_not_mix(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "d.sqlite3")
    try:
        async def add_then_fail() -> None:
            async with db.transaction():
                await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'a', 0)")
                await asyncio.sleep(0)  # let the other task try to write meanwhile
                raise RuntimeError

        async def add() -> None:
            await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'b', 0)")

        results = await asyncio.gather(add_then_fail(), add(), return_exceptions=True)
        assert isinstance(results[0], RuntimeError)
        rows = await db.fetch_all("SELECT chat_id FROM streets")
        assert [row["chat_id"] for row in rows] == ["b"]
    finally:
        await db.close()


async def test_a_transaction_cancelled_while_it_begins_leaves_the_database_usable(tmp_path: Path) -> None:
    """A task cancelled while BEGIN is on its way (a scheduler shutting down, a timeout) must not leave
    the shared connection inside a transaction nobody owns."""
    db = await Database.open(tmp_path / "d.sqlite3")
    try:
        async def write() -> None:
            async with db.transaction():
                await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'lost', 0)")

        for _ in range(5):  # a few times, so a cancellation lands on the BEGIN at least once
            task = asyncio.create_task(write())
            await asyncio.sleep(0)  # it is now waiting for BEGIN to come back from the database thread
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', ?, 0)", (f"kept{_}",))
        rows = await db.fetch_all("SELECT chat_id FROM streets ORDER BY id")
        assert [row["chat_id"] for row in rows] == [f"kept{n}" for n in range(5)]
    finally:
        await db.close()


async def test_a_transaction_begins_in_sqlite_at_its_first_write(tmp_path: Path) -> None:
    """A turn that only reads takes no write lock (nor trips to begin and end a transaction); from its
    first write it holds one until it ends, and everything it wrote goes or stays together."""
    db = await Database.open(tmp_path / "d.sqlite3")
    other = sqlite3.connect(tmp_path / "d.sqlite3", timeout=0, isolation_level=None)

    def other_can_write() -> bool:
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return False
        other.execute("ROLLBACK")
        return True

    try:
        async with db.transaction():
            assert await db.fetch_value("SELECT COUNT(*) FROM streets") == 0
            assert other_can_write()
            await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'a', 0)")
            assert not other_can_write()
            await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'b', 0)")
        assert other_can_write()
        with pytest.raises(RuntimeError):
            async with db.transaction():
                await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'c', 0)")
                await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'd', 0)")
                raise RuntimeError("half way")
        assert [row["chat_id"] for row in await db.fetch_all("SELECT chat_id FROM streets ORDER BY id")] == ["a", "b"]
    finally:
        other.close()
        await db.close()


async def test_a_read_on_its_own_never_sees_another_tasks_transaction_half_done(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "d.sqlite3")
    try:
        async def add_then_fail() -> None:
            async with db.transaction():
                await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('t', 'a', 0)")
                await asyncio.sleep(0.01)  # a read from another task comes in meanwhile
                raise RuntimeError

        async def count() -> int:
            await asyncio.sleep(0)  # once the other task is inside its transaction
            return int(await db.fetch_value("SELECT COUNT(*) FROM streets"))

        uses = db.uses
        results = await asyncio.gather(add_then_fail(), count(), return_exceptions=True)
        assert isinstance(results[0], RuntimeError) and results[1] == 0
        assert db.uses == uses + 2 and db.held_seconds > 0  # the transaction, then the read
    finally:
        await db.close()


async def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "d.sqlite3")
    try:
        with pytest.raises(sqlite3.IntegrityError):
            await db.insert("INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (41, 42, 0)")
    finally:
        await db.close()


async def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="damaged or not a Doorstep database"):
        await Database.open(path)
    assert path.read_bytes().startswith(b"this is not sqlite")  # never overwritten


async def test_a_database_from_a_newer_doorstep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 999")
    with pytest.raises(StorageError, match="newer Doorstep"):
        await Database.open(path)


async def test_a_directory_in_the_way_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="can't open the database"):
        await Database.open(tmp_path)
