"""The console's stand-in for a platform's user list: names live here, in memory, never in storage."""

from __future__ import annotations

import hashlib

PLATFORM = "console"


class ConsoleDirectory:
    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def user_id(self, name: str) -> str:
        """An opaque, stable id for a name, like a platform's numeric user id."""
        user_id = "u" + hashlib.sha256(name.casefold().encode()).hexdigest()[:12]
        self._names.setdefault(user_id, name[:1].upper() + name[1:])
        return user_id

    def name(self, user_id: str) -> str | None:
        return self._names.get(user_id)
