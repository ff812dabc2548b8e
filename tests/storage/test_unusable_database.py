"""A database Doorstep can't safely use — locked by another program, or damaged — stops `doorstep run`
with one clear line and exit status 3, before anything is written: never a half-working bot quietly
losing what neighbours do."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from storage import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


def _doorstep_run(database: Path, folder: Path, *, telegram: bool, command: str = "run") -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    env = {**clean, "PYTHONPATH": str(ROOT), "DOORSTEP_DATABASE__PATH": str(database)}
    if telegram:  # nothing listens there: the database is looked at first
        env |= {"DOORSTEP_TELEGRAM__TOKEN": "123:abc", "DOORSTEP_TELEGRAM__BASE_URL": "http://127.0.0.1:9/bot"}
    return subprocess.run([sys.executable, "-m", "bot.cli", command], input="", capture_output=True, text=True,
                          cwd=folder, env=env, timeout=60)


async def _street_with_posts(database: Path, posts: int = 300) -> None:
    store = await SqliteStore.open(database)
    try:
        await store.db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('telegram', '-100', 0)")
        await store.db.insert("INSERT INTO neighbours (platform, user_id, created_at) VALUES ('telegram', '7', 0)")
        for number in range(posts):
            await store.db.insert(
                "INSERT INTO posts (street_id, author_id, kind, category, when_day, when_part, body, status, "
                "created_at, expires_at) VALUES (1, 1, 'ask', 'other', 'any', 'any', ?, 'open', 0, 0)",
                (f"could someone help with job number {number}, please? " * 3,),
            )
    finally:
        await store.close()


async def test_a_database_locked_by_another_program(tmp_path: Path) -> None:
    """(Waits out SQLite's busy timeout, five seconds, first: a short lock is just waited for.)"""
    database = tmp_path / "doorstep.sqlite3"
    await _street_with_posts(database, posts=3)
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program is writing and doesn't let go
        result = _doorstep_run(database, tmp_path, telegram=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "locked by another program" in lines[0] and "Traceback" not in result.stderr
    with sqlite3.connect(database) as check:
        assert check.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 3


async def test_a_second_doorstep_on_the_same_database(tmp_path: Path) -> None:
    """A running bot holds its database: a second `doorstep run`, or a `purge`, is refused at once —
    even while the first is idle, when SQLite itself holds no lock."""
    database = tmp_path / "doorstep.sqlite3"
    await _street_with_posts(database, posts=3)
    running = await SqliteStore.open(database)
    try:
        result = _doorstep_run(database, tmp_path, telegram=True)
        purge = _doorstep_run(database, tmp_path, telegram=False, command="purge")
    finally:
        await running.close()
    for refused in (result, purge):
        assert refused.returncode == 3, refused.stderr
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and "in use by another Doorstep" in lines[0] and "Traceback" not in refused.stderr
    reopened = await SqliteStore.open(database)  # let go of once the first is closed
    await reopened.close()


async def test_a_damaged_database_is_left_as_it_is(tmp_path: Path) -> None:
    database = tmp_path / "doorstep.sqlite3"
    await _street_with_posts(database)
    with database.open("r+b") as raw:
        raw.seek(4096 * 3 + 8)
        raw.write(b"\xff" * 1500)  # a page in the middle, scrambled
    damaged = database.read_bytes()
    result = _doorstep_run(database, tmp_path, telegram=True)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and "restore it from a backup" in lines[0]
    assert database.read_bytes() == damaged  # nothing written over it


async def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    database = tmp_path / "doorstep.sqlite3"
    database.write_bytes(b"these are someone's holiday photos, not a database " * 200)
    result = _doorstep_run(database, tmp_path, telegram=False)  # the console street: the same
    problems = [line for line in result.stderr.splitlines() if line.startswith("doorstep:")]
    assert result.returncode == 3 and len(problems) == 1 and "damaged" in problems[0]
    assert "Traceback" not in result.stderr
    assert database.read_bytes().startswith(b"these are someone's holiday photos")
