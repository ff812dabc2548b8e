"""Upgrades keep every street: a database made by the first release (its own migrations, kept in
tests/storage/releases/0.1.0/, and data in every table) is migrated by today's Doorstep with nothing
lost, ends up with the same schema as a new database, and still works; and a copy is taken first,
automatically, whenever migrations are pending."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import ManualClock
from handlers.app import Doorstep
from storage import SqliteStore, StorageError
from storage.backup import UpgradeBackups
from storage.database import migrations
from tests.conftest import START
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit

ROOT = Path(__file__).resolve().parents[2]
FIRST_RELEASE = Path(__file__).parent / "releases" / "0.1.0"

Snapshot = dict[str, tuple[tuple[str, ...], list[tuple]]]  # table -> (columns, rows in order)


def release_migrations(release: Path = FIRST_RELEASE) -> list[Path]:
    return sorted((release / "migrations").glob("*.sql"))


def build_release_database(path: Path, release: Path = FIRST_RELEASE, *, up_to: int | None = None,
                           with_data: bool = True) -> None:
    """A database as that release made it: its migrations applied the way it applied them, then its data."""
    shipped = release_migrations(release)[:up_to]
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        for number, migration in enumerate(shipped, start=1):
            db.executescript(f"BEGIN IMMEDIATE;\n{migration.read_text(encoding='utf-8')}\n"
                             f"PRAGMA user_version = {number};\nCOMMIT;")
        if with_data:
            db.executescript(f"BEGIN;\n{(release / 'data.sql').read_text(encoding='utf-8')}\nCOMMIT;")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()


def snapshot(path: Path, only: Snapshot | None = None) -> Snapshot:
    """Every row of every table; with `only`, just those tables and columns (what an earlier schema had)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = sorted(row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        found: Snapshot = {}
        for table in (only or tables):
            if table not in tables:
                continue
            columns = only[table][0] if only else tuple(row[1] for row in db.execute(f'PRAGMA table_info("{table}")'))
            listed = ", ".join(f'"{column}"' for column in columns)
            found[table] = (columns, sorted(db.execute(f'SELECT {listed} FROM "{table}"').fetchall(), key=repr))
        return found
    finally:
        db.close()


def schema_of(path: Path) -> dict[str, object]:
    """Tables with their columns (name, type, not null, default, key), indexes and foreign keys —
    compared by meaning, not by the SQL text that made them (ALTER TABLE and CREATE TABLE differ)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        described: dict[str, object] = {}
        for name, kind in db.execute(
            "SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall():
            if kind == "table":
                described[name] = (
                    [tuple(row[1:]) for row in db.execute(f'PRAGMA table_info("{name}")')],
                    sorted(tuple(row[2:]) for row in db.execute(f'PRAGMA foreign_key_list("{name}")')),
                )
            elif kind == "index":
                described[name] = [tuple(row) for row in db.execute(f'PRAGMA index_xinfo("{name}")')]
        return described
    finally:
        db.close()


def _without_flow_and_step(columns: tuple[str, ...], rows: list[tuple]) -> list[tuple]:
    """0008 moved a flow's name and step out of `conversations.state` into columns of their own."""
    at = columns.index("state")
    moved = []
    for row in rows:
        state = {k: v for k, v in json.loads(row[at]).items() if k not in ("flow", "step")}
        moved.append((*row[:at], json.dumps(state, separators=(",", ":")), *row[at + 1:]))
    return sorted(moved, key=repr)


def _flows_and_steps_before(before: dict) -> list[tuple]:
    columns, rows = before["conversations"]
    states = [json.loads(row[columns.index("state")]) for row in rows]
    return sorted((state.get("flow", ""), state.get("step", "")) for state in states)


def _flows_and_steps(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT flow, step FROM conversations").fetchall())


# Tables a migration reshaped on purpose: how their released rows read afterwards.
RESHAPED = {"conversations": _without_flow_and_step}
# Tables a migration renamed: 0012 calls the messages waiting for someone what they are (`outbox` is
# now every message on its way).
RENAMED = {"outbox": "held_messages"}


def upgrade_backups(tmp_path: Path, now: datetime = START) -> UpgradeBackups:
    return UpgradeBackups(tmp_path / "backups", timedelta(days=30), now=lambda: now)


def test_released_migrations_are_never_edited() -> None:
    """A database that had a migration never runs it again: a change to one would never reach it."""
    released = release_migrations()
    assert [path.name for path in released] == [name for _, name, _ in migrations()[: len(released)]]
    shipped = {name: sql for _, name, sql in migrations()}
    for path in released:
        assert shipped[path.name] == path.read_text(encoding="utf-8"), (
            f"{path.name} was changed after it was released; add a new migration instead"
        )


def test_the_first_release_data_fills_every_table(tmp_path: Path) -> None:
    build_release_database(tmp_path / "release.sqlite3")
    empty = [table for table, (_, rows) in snapshot(tmp_path / "release.sqlite3").items() if not rows]
    assert not empty, f"the release data leaves {empty} empty"


async def test_a_first_release_database_upgrades_keeping_every_street(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    build_release_database(path)
    before = snapshot(path)
    pending = len(migrations()) > len(release_migrations())

    store = await SqliteStore.open(path, before_migrating=upgrade_backups(tmp_path))
    try:
        assert await store.db.schema_version() == len(migrations())
        notifier, clock = RecordingNotifier(), ManualClock(START)
        kit = StreetKit(Doorstep(store, notifier, clock), store, notifier, clock)
        # What was open is still on the board, and a message kept waiting still arrives.
        board = await kit.say("rosa", "/board")
        assert any("milk and bread" in sent.text for sent in board), [s.text for s in board]
        assert "Thank you for the soup" in " ".join(sent.text for sent in await kit.tell("olga", "/start"))
    finally:
        await store.close()

    # Nothing the first release kept is lost (compared before the turns above changed anything: a
    # fresh copy is upgraded for that).
    fresh = tmp_path / "again.sqlite3"
    build_release_database(fresh)
    store = await SqliteStore.open(fresh)
    await store.close()
    now_called = {RENAMED.get(table, table): kept for table, kept in before.items()}
    after = snapshot(fresh, only=now_called)
    assert set(after) == set(now_called), f"tables gone: {set(now_called) - set(after)}"
    for table, (columns, rows) in before.items():
        expected = RESHAPED[table](columns, rows) if table in RESHAPED else rows
        assert after[RENAMED.get(table, table)] == (columns, expected), f"{table} changed in the upgrade"
    assert _flows_and_steps(fresh) == _flows_and_steps_before(before)

    new = tmp_path / "new.sqlite3"
    store = await SqliteStore.open(new)
    await store.close()
    assert schema_of(fresh) == schema_of(new), "an upgraded database differs from a new one"
    assert (tmp_path / "backups").is_dir() == pending


async def test_a_copy_is_taken_before_pending_migrations_run(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    build_release_database(path, up_to=3, with_data=False)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO streets (platform, chat_id, title, created_at) VALUES ('test', 'g', 'Elm', 0)")
    store = await SqliteStore.open(path, before_migrating=upgrade_backups(tmp_path))
    await store.close()
    copies = list((tmp_path / "backups").iterdir())
    assert [copy.name for copy in copies] == ["doorstep-20260302-090000-before-schema-3.sqlite3"]
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 3
        assert copy.execute("SELECT title FROM streets").fetchall() == [("Elm",)]
    # Nothing pending the next time, and a new database has nothing to lose: no more copies.
    store = await SqliteStore.open(path, before_migrating=upgrade_backups(tmp_path, START + timedelta(hours=1)))
    await store.close()
    store = await SqliteStore.open(tmp_path / "new.sqlite3", before_migrating=upgrade_backups(tmp_path))
    await store.close()
    assert len(list((tmp_path / "backups").iterdir())) == 1


async def test_no_upgrade_without_the_copy(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    build_release_database(path, up_to=3, with_data=False)
    (tmp_path / "backups").write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="DOORSTEP_DATABASE__UPGRADE_BACKUP_DAYS"):
        await SqliteStore.open(path, before_migrating=upgrade_backups(tmp_path))
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3  # left as it was
    store = await SqliteStore.open(path)  # and not locked: it opens once the problem is gone
    await store.close()


def test_upgrade_copies_are_kept_for_their_days_only(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    names = ["doorstep-20260115-120000-before-schema-6.sqlite3",  # 46 days old: goes
             "doorstep-20260201-090001-before-schema-7.sqlite3",  # not quite 30 days old: stays
             "doorstep-20260101-000000.sqlite3",  # an operator's own backup: never touched
             "notes.txt"]
    for name in names:
        (folder / name).write_text("x")
    removed = upgrade_backups(tmp_path).prune()
    assert [path.name for path in removed] == [names[0]]
    assert sorted(path.name for path in folder.iterdir()) == sorted(names[1:])


def test_doorstep_takes_the_copy_itself_beside_the_database(
    tmp_path: Path, clean_environment: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "data" / "doorstep.sqlite3"
    path.parent.mkdir()
    build_release_database(path, up_to=5, with_data=False)
    monkeypatch.setenv("DOORSTEP_DATABASE__PATH", str(path))
    assert main(["purge"]) == 0
    copies = list((tmp_path / "data" / "backups").glob("doorstep-*-before-schema-5.sqlite3"))
    assert len(copies) == 1
    # Turned off: upgrades go ahead without a copy.
    other = tmp_path / "other" / "doorstep.sqlite3"
    other.parent.mkdir()
    build_release_database(other, up_to=5, with_data=False)
    monkeypatch.setenv("DOORSTEP_DATABASE__PATH", str(other))
    monkeypatch.setenv("DOORSTEP_DATABASE__UPGRADE_BACKUP_DAYS", "0")
    assert main(["purge"]) == 0
    assert not (other.parent / "backups").exists()
    capsys.readouterr()

