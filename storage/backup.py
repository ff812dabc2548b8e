"""Backups with SQLite's online backup API: safe while the bot is running (WAL), and checked before a
restore ever replaces anything."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from storage.database import BUSY_TIMEOUT_MS, StorageError, migrations
from storage.lock import DatabaseInUse, DatabaseLock

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    schema: int
    posts: int
    streets: int


def _private_empty_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _summary(path: Path) -> BackupSummary:
    """Open a copy read-only and check it is a whole Doorstep database."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StorageError(f"{path} is damaged (SQLite's quick check failed)")
            schema = db.execute("PRAGMA user_version").fetchone()[0]
            if not 1 <= schema <= len(migrations()):
                raise StorageError(f"{path} is not a Doorstep database this version can use (schema {schema})")
            posts = db.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
            streets = db.execute("SELECT COUNT(*) FROM streets").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StorageError(f"{path} is not a usable Doorstep database: {error}") from None
    return BackupSummary(path, schema, posts, streets)


def _copy(source: Path, destination: Path) -> None:
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        with sqlite3.connect(destination) as target:
            source_db.backup(target)
            # One self-contained file (the copy would otherwise keep the live database's WAL mode, and
            # grow -wal and -shm files beside it when opened).
            target.execute("PRAGMA journal_mode = DELETE")
    finally:
        source_db.close()


def backup(database: Path, destination: Path) -> BackupSummary:
    """Copy the live database to `destination` (owner-only file), then check the copy."""
    if not database.is_file():
        raise StorageError(f"there is no database at {database} to back up")
    if destination.resolve() == database.resolve():
        raise StorageError("the backup must go to a different file than the database")
    if destination.is_dir():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        destination = destination / f"doorstep-{stamp}.sqlite3"
    _private_empty_file(destination)
    try:
        _copy(database, destination)
    except sqlite3.Error as error:
        raise StorageError(f"backup failed: {error}") from None
    return _summary(destination)


def restore(backup_file: Path, database: Path) -> tuple[BackupSummary, Path | None]:
    """Replace the database with a checked backup; the old file is kept beside it first.

    Returns the backup's summary and where the previous database was kept (None if there was none).
    Stop the bot before restoring: a running bot would keep writing to the old file."""
    summary = _summary(backup_file)
    database.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        lock = DatabaseLock.take(database)  # nobody starts on it while it is replaced
    except DatabaseInUse:
        raise StorageError(f"{database} is in use — stop Doorstep before restoring") from None
    try:
        kept = None
        if database.exists():
            _refuse_if_in_use(database)
            stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
            kept = database.with_name(f"{database.name}.before-restore-{stamp}")
            shutil.copy2(database, kept)
            os.chmod(kept, 0o600)
            for suffix in ("-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
        _private_empty_file(database)
        _copy(backup_file, database)
    finally:
        lock.release()
    return summary, kept


def _refuse_if_in_use(database: Path) -> None:
    """Some other program writing to it (Doorstep itself holds the lock file)."""
    db = sqlite3.connect(database, timeout=0.2)
    try:
        db.execute("BEGIN EXCLUSIVE")
        db.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise StorageError(f"{database} is in use — stop Doorstep before restoring") from None
    finally:
        db.close()


UPGRADE_BACKUP = re.compile(r"^doorstep-(\d{8}-\d{6})-before-schema-\d+\.sqlite3$")


@dataclass(frozen=True)
class UpgradeBackups:
    """A copy of the database taken automatically when a new version is about to migrate it, in
    `folder`, kept for `keep` and then deleted (by `prune`, at every start and daily). A backup that
    can't be made stops the upgrade: nothing is migrated without one."""

    folder: Path
    keep: timedelta
    now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)

    def __call__(self, database: Path, schema: int) -> None:
        stamp = self.now().strftime("%Y%m%d-%H%M%S")
        destination = self.folder / f"doorstep-{stamp}-before-schema-{schema}.sqlite3"
        try:
            backup(database, destination)
        except (StorageError, OSError) as error:
            raise StorageError(
                f"can't back up the database before upgrading it (to {self.folder}): {error}; free some space, "
                "or set DOORSTEP_DATABASE__UPGRADE_BACKUP_DAYS=0 to upgrade without a backup"
            ) from None
        log.info("backed up the database before upgrading it schema=%d path=%s", schema, destination)
        self.prune()

    def prune(self) -> list[Path]:
        """Delete upgrade backups older than `keep` (only those: nothing else in the folder is touched)."""
        if not self.folder.is_dir():
            return []
        oldest = self.now() - self.keep
        removed = []
        for entry in sorted(self.folder.iterdir()):
            match = UPGRADE_BACKUP.match(entry.name)
            if not match or not entry.is_file():
                continue
            taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
            if taken < oldest:
                entry.unlink(missing_ok=True)
                removed.append(entry)
        if removed:
            log.info("deleted old upgrade backups count=%d", len(removed))
        return removed
