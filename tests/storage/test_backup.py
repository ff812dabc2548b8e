import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from storage import SqliteStore, StorageError
from storage.backup import backup, restore

ROOT = Path(__file__).resolve().parents[2]


async def _street_db(path: Path, streets: int) -> None:
    store = await SqliteStore.open(path)
    from datetime import datetime, timezone

    for number in range(streets):
        await store.streets.get_or_create("t", f"g{number}", None, datetime.now(timezone.utc))
    await store.close()


async def test_backup_while_open_and_restore(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    await _street_db(live, 2)
    (tmp_path / "backups").mkdir()
    store = await SqliteStore.open(live)  # the bot is running: the backup must still be whole
    try:
        summary = backup(live, tmp_path / "backups")
    finally:
        await store.close()
    assert summary.streets == 2 and summary.path.parent == tmp_path / "backups"
    assert stat.S_IMODE(os.stat(summary.path).st_mode) == 0o600
    await _street_db(live, 5)  # more streets after the backup
    restored, kept = restore(summary.path, live)
    assert restored.streets == 2 and kept is not None and kept.exists()
    store = await SqliteStore.open(live)
    try:
        assert await store.db.fetch_value("SELECT COUNT(*) FROM streets") == 2
    finally:
        await store.close()


async def test_restore_refuses_a_damaged_or_foreign_file(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    await _street_db(live, 1)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"definitely not sqlite" * 50)
    with pytest.raises(StorageError):
        restore(junk, live)
    import sqlite3

    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StorageError, match="not a Doorstep database"):
        restore(foreign, live)
    store = await SqliteStore.open(live)
    try:
        assert await store.db.fetch_value("SELECT COUNT(*) FROM streets") == 1  # untouched
    finally:
        await store.close()


async def test_restore_refuses_while_the_database_is_in_use(tmp_path: Path) -> None:
    live = tmp_path / "live.sqlite3"
    await _street_db(live, 1)
    copy = backup(live, tmp_path / "copy.sqlite3").path
    store = await SqliteStore.open(live)
    try:
        with pytest.raises(StorageError, match="in use"):
            restore(copy, live)  # idle, between transactions
        async with store.transaction():
            with pytest.raises(StorageError, match="in use"):
                restore(copy, live)
    finally:
        await store.close()
    holder = sqlite3.connect(live, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # some other program writing to it
        with pytest.raises(StorageError, match="in use"):
            restore(copy, live)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    restore(copy, live)  # once nobody uses it


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOORSTEP_")}
    env.update(PYTHONPATH=str(ROOT), DOORSTEP_DATABASE__PATH=str(tmp_path / "d.sqlite3"))

    def doorstep(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env, cwd=tmp_path)

    missing = doorstep("backup", str(tmp_path / "b.sqlite3"))
    assert missing.returncode == 3 and "no database" in missing.stderr
    subprocess.run([sys.executable, "-m", "bot.cli", "demo", "--database", str(tmp_path / "d.sqlite3")],
                   input="alice: /ask could someone help with shopping?\n", text=True, capture_output=True, env=env, cwd=tmp_path, check=True)
    made = doorstep("backup", str(tmp_path / "b.sqlite3"))
    assert made.returncode == 0 and "1 post(s)" in made.stdout
    back = doorstep("restore", str(tmp_path / "b.sqlite3"))
    assert back.returncode == 0 and "previous database is kept" in back.stdout
