"""The SQLite connection: opened safely (file mode 0600, WAL, foreign keys), migrated, and used one
transaction at a time."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
import time
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterable

import aiosqlite

from storage.lock import DatabaseInUse, DatabaseLock

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 5000


class StorageError(Exception):
    """The database can't be used; the message says why in plain words."""


# Called with the database's path and its schema number when migrations are about to run on a database
# that already holds something (storage.backup.UpgradeBackups copies it first). It may raise StorageError.
BeforeMigrating = Callable[[Path, int], None]


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every migration shipped with Doorstep, in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [number for number, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StorageError(f"migrations are not numbered 1..n: {numbers}")
    return found


def _create_private_file(path: Path) -> None:
    """Only the bot's own user may read the database (it holds user ids and neighbours' words)."""
    if str(path) == ":memory:":
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class Database:
    def __init__(self, connection: aiosqlite.Connection, path: Path, lock: DatabaseLock | None = None) -> None:
        self._connection = connection
        self.path = path
        self._lock_file = lock
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task | None = None
        self._begun = False  # whether the owner's transaction has begun in SQLite (at its first write)
        self._wrote = False  # whether the owner's transaction tried to write at all
        # How busy the one connection is (the benchmarks read these): it serves one task at a time, for
        # a transaction or a read on its own.
        self.uses = 0
        self.held_seconds = 0.0
        self._caches: list[Callable[[], None]] = []

    @property
    def busy(self) -> bool:
        """In use by a task right now (for a transaction or a statement), or waited for."""
        return self._lock.locked()

    def register_cache(self, forget: Callable[[], None]) -> None:
        """A repository keeping rows in memory: `forget` empties it whenever a transaction is rolled
        back, or rows change behind its back (`forget_caches`)."""
        self._caches.append(forget)

    def forget_caches(self) -> None:
        for forget in self._caches:
            forget()

    @classmethod
    async def open(cls, path: Path | str, *, before_migrating: BeforeMigrating | None = None) -> Database:
        path = Path(path)
        lock = None
        try:
            _create_private_file(path)
            lock = None if str(path) == ":memory:" else DatabaseLock.take(path)
            connection = await aiosqlite.connect(path, isolation_level=None)
        except DatabaseInUse:
            raise StorageError(f"the database at {path} is in use by another Doorstep (is it already running?)") from None
        except (OSError, sqlite3.Error) as error:
            if lock is not None:
                lock.release()
            raise StorageError(f"can't open the database at {path}: {error}") from None
        connection.row_factory = aiosqlite.Row
        database = cls(connection, path, lock)
        try:
            await database._prepare(before_migrating)
        except sqlite3.DatabaseError as error:
            await database.close()
            raise StorageError(_explain(path, error)) from None
        except BaseException:
            await database.close()
            raise
        return database

    async def _prepare(self, before_migrating: BeforeMigrating | None = None) -> None:
        await self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await self._connection.execute("PRAGMA foreign_keys = ON")
        async with self._connection.execute("PRAGMA journal_mode = WAL") as cursor:
            row = await cursor.fetchone()
        if row is None or str(row[0]).lower() not in ("wal", "memory"):
            raise sqlite3.DatabaseError("could not switch to WAL journal")
        await self._connection.execute("PRAGMA synchronous = NORMAL")
        await self._check_intact()
        await self._migrate(before_migrating)
        await self._check_writable()

    async def _check_intact(self) -> None:
        """A damaged file is refused at start, before anything is written to it."""
        async with self._connection.execute("PRAGMA quick_check") as cursor:
            rows = await cursor.fetchall()
        if [str(row[0]) for row in rows] != ["ok"]:
            raise sqlite3.DatabaseError("database disk image is malformed")

    async def _check_writable(self) -> None:
        """Another program holding the write lock (a second Doorstep, a stuck script) is found now, with a
        clear message, rather than as failed turns later."""
        await self._connection.execute("BEGIN IMMEDIATE")
        await self._connection.execute("ROLLBACK")

    async def schema_version(self) -> int:
        """Which migrations the database has had (SQLite's user_version)."""
        async with self._connection.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def probe_write(self) -> None:
        """For /healthz: take the database's write lock and let it go at once. Raises if it can't be
        taken (another program holds it, the file went read-only); waits while a transaction here runs,
        so a caller sets its own time limit."""
        async with self._held():
            try:
                await self._connection.execute("BEGIN IMMEDIATE")
            finally:
                await self._roll_back_if_begun()

    async def _migrate(self, before_migrating: BeforeMigrating | None = None) -> None:
        current = await self.schema_version()
        shipped = migrations()
        if current > len(shipped):
            raise sqlite3.DatabaseError(
                f"the database is from a newer Doorstep (schema {current}, this one knows {len(shipped)})"
            )
        if 0 < current < len(shipped) and before_migrating is not None:
            # A copy of what the earlier version left, in case an upgrade ever goes wrong (a new
            # database has nothing to lose). The backup reads the file through its own connection.
            await asyncio.to_thread(before_migrating, self.path, current)
        for number, name, sql in shipped[current:]:
            log.info("applying migration name=%s", name)
            try:
                await self._connection.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
            except sqlite3.Error:
                if self._connection.in_transaction:
                    await self._connection.execute("ROLLBACK")
                raise

    async def close(self) -> None:
        try:
            await self._connection.close()
        finally:
            if self._lock_file is not None:
                self._lock_file.release()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """All-or-nothing, one at a time. Inside a transaction the same task may open it again.

        The database's own transaction begins with the first write: the reads before it need none, as
        this task holds the only connection and no other process writes (the lock file), and a turn
        that only reads — showing the board, say — makes no trips to SQLite's thread to begin and end one."""
        task = asyncio.current_task()
        if self._owner is not None and self._owner is task:
            yield
            return
        async with self._held():
            self._owner = task
            self._begun = False
            self._wrote = False
            try:
                try:
                    yield
                except BaseException:
                    if self._begun:
                        await self._connection.execute("ROLLBACK")
                    if self._wrote:  # (a transaction that only read leaves the memory as true as it was)
                        self.forget_caches()
                    raise
                if self._begun:
                    await self._connection.execute("COMMIT")
            finally:
                self._owner = None
                self._begun = False

    async def _begin_before_writing(self) -> None:
        if self._begun:
            return
        try:
            await self._connection.execute("BEGIN IMMEDIATE")
        except BaseException:
            # Cancelled while BEGIN was on its way to the database thread: it still runs there, and
            # would leave the shared connection inside a transaction nobody owns.
            await self._roll_back_if_begun()
            raise
        self._begun = True

    @asynccontextmanager
    async def _held(self) -> AsyncIterator[None]:
        async with self._lock:
            self.uses += 1
            started = time.perf_counter()
            try:
                yield
            finally:
                self.held_seconds += time.perf_counter() - started

    @asynccontextmanager
    async def _statement(self, *, writes: bool) -> AsyncIterator[None]:
        """One statement inside this task's transaction (begun first, for a write), or on its own: a
        single statement is all-or-nothing by itself and needs no BEGIN and COMMIT (two more trips to
        the database thread), only the connection — so a read on its own never sees another task's
        transaction half done."""
        if self._owner is not None and self._owner is asyncio.current_task():
            if writes:
                self._wrote = True
                await self._begin_before_writing()
            yield
            return
        async with self._held():
            yield

    async def _roll_back_if_begun(self) -> None:
        try:
            await self._connection.execute("ROLLBACK")
        except sqlite3.OperationalError:
            pass  # BEGIN never ran, or failed: there is nothing to end

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement; return how many rows it changed."""
        async with self._statement(writes=True):
            # One trip to the database thread: a write has run to its end when `execute` returns, so
            # its cursor is simply dropped (a round trip to close it would hold the connection longer).
            cursor = await self._connection.execute(sql, tuple(params))
            return cursor.rowcount

    async def insert(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one INSERT; return the new row's id."""
        async with self._statement(writes=True):
            row = await self._connection.execute_insert(sql, tuple(params))
            assert row is not None
            return int(row[0])

    async def returning(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        """Run one writing statement with a RETURNING clause; return its rows."""
        async with self._statement(writes=True):
            return list(await self._connection.execute_fetchall(sql, tuple(params)))

    async def fetch_one(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        rows = await self.fetch_all(sql, params)
        return rows[0] if rows else None

    async def fetch_all(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        async with self._statement(writes=False):
            # One trip to the database thread (execute, fetch and close together) rather than three.
            return list(await self._connection.execute_fetchall(sql, tuple(params)))

    async def fetch_value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = await self.fetch_one(sql, params)
        return None if row is None else row[0]


def _explain(path: Path, error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"the database at {path} is locked by another program (is Doorstep already running?)"
    if "not a database" in text or "malformed" in text:
        return f"the database at {path} is damaged or not a Doorstep database; restore it from a backup"
    return f"can't use the database at {path}: {text}"
