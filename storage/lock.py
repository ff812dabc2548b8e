"""One Doorstep per database. SQLite's own locks last only as long as a transaction, so a second
`doorstep run`, a `purge` or a `restore` could otherwise work on a database a running bot is using
(and keeps parts of in memory). A lock file beside the database is held while it is open; the
operating system lets go of it when the process ends, however it ends."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class DatabaseInUse(Exception):
    """Another process has the database open."""


class DatabaseLock:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def take(cls, database: Path) -> DatabaseLock:
        fd = os.open(f"{database}.lock", os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise DatabaseInUse(str(database)) from None
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file lets go of the lock
            self._fd = None
