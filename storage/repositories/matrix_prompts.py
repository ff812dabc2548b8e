"""Matrix prompts: which of the bot's own messages offer choices, and what each reaction key or
typed answer on them means (Matrix has no buttons that carry a payload)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.database import Database
from storage.times import to_db


@dataclass(frozen=True)
class PromptChoice:
    key: str | None  # the reaction that picks it (an emoji), or None beyond the keycaps
    payload: str
    opens_private: bool
    words: str  # the choice's label, lower-cased and without emoji, to match a typed answer


@dataclass(frozen=True)
class Prompt:
    event_id: str
    room_id: str
    choices: tuple[PromptChoice, ...]
    thread: str | None = None  # the thread it was sent in (its root's event id), if any


def _encode(choices: tuple[PromptChoice, ...]) -> str:
    return json.dumps([[c.key, c.payload, c.opens_private, c.words] for c in choices], ensure_ascii=False)


def _decode(event_id: str, room_id: str, raw: str, thread: str | None) -> Prompt:
    choices = tuple(PromptChoice(key, payload, bool(opens), words) for key, payload, opens, words in json.loads(raw))
    return Prompt(event_id, room_id, choices, thread)


class MatrixPromptRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def remember(self, prompt: Prompt, post_id: int | None, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO matrix_prompts (event_id, room_id, choices, post_id, created_at, thread) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (event_id) DO UPDATE SET choices = excluded.choices",
            (prompt.event_id, prompt.room_id, _encode(prompt.choices), post_id, to_db(now), prompt.thread),
        )

    async def replace_choices(self, event_id: str, choices: tuple[PromptChoice, ...]) -> None:
        await self._db.execute("UPDATE matrix_prompts SET choices = ? WHERE event_id = ?", (_encode(choices), event_id))

    async def get(self, event_id: str) -> Prompt | None:
        row = await self._db.fetch_one("SELECT room_id, choices, thread FROM matrix_prompts WHERE event_id = ?", (event_id,))
        return _decode(event_id, row["room_id"], row["choices"], row["thread"]) if row else None

    async def latest_in_room(self, room_id: str) -> Prompt | None:
        row = await self._db.fetch_one(
            "SELECT event_id, choices, thread FROM matrix_prompts WHERE room_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1",
            (room_id,),
        )
        return _decode(row["event_id"], room_id, row["choices"], row["thread"]) if row else None

    async def delete_unbound_older_than(self, moment: datetime) -> int:
        """Prompts that belong to no post (those go with their post) once they are this old."""
        return await self._db.execute(
            "DELETE FROM matrix_prompts WHERE post_id IS NULL AND created_at < ?", (to_db(moment),)
        )

    async def delete_in_rooms(self, room_ids: list[str]) -> int:
        """Every prompt in these rooms (someone's private rooms, when they ask to be forgotten)."""
        if not room_ids:
            return 0
        marks = ", ".join("?" * len(room_ids))
        return await self._db.execute(f"DELETE FROM matrix_prompts WHERE room_id IN ({marks})", tuple(room_ids))
