"""SQLite storage: migrations, the connection, and every SQL statement Doorstep runs."""

from storage.database import Database, StorageError
from storage.store import SqliteStore

__all__ = ["Database", "SqliteStore", "StorageError"]
