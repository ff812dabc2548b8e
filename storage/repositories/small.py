"""The small tables: where cards are shown, who was told about what, half-finished flows, and
messages waiting for someone to open a private chat."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Collection

from handlers.kernel.domain import StoredFlow, ToldLately
from handlers.kernel.messages import MessageRef
from storage.database import Database
from storage.times import from_db_required, to_db


class CardRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def remember(self, post_id: int, ref: MessageRef, nearby: bool = False) -> None:
        """`nearby`: an anonymous copy shown in a nearby street's group."""
        await self._db.execute(
            "INSERT OR IGNORE INTO cards (post_id, platform, chat_id, message_id, nearby, thread) VALUES (?, ?, ?, ?, ?, ?)",
            (post_id, ref.platform, ref.chat_id, ref.message_id, int(nearby), ref.thread),
        )

    async def of_post(self, post_id: int) -> list[MessageRef]:
        """The post's cards in its own street."""
        return await self._refs(post_id, nearby=False)

    async def nearby_of_post(self, post_id: int) -> list[MessageRef]:
        """Its anonymous copies in nearby streets."""
        return await self._refs(post_id, nearby=True)

    async def _refs(self, post_id: int, nearby: bool) -> list[MessageRef]:
        rows = await self._db.fetch_all(
            "SELECT platform, chat_id, message_id, thread FROM cards WHERE post_id = ? AND nearby = ? ORDER BY rowid",
            (post_id, int(nearby)),
        )
        return [MessageRef(row["platform"], row["chat_id"], row["message_id"], row["thread"]) for row in rows]

    async def post_shown_at(self, ref: MessageRef) -> int | None:
        return await self._db.fetch_value(
            "SELECT post_id FROM cards WHERE platform = ? AND chat_id = ? AND message_id = ?",
            (ref.platform, ref.chat_id, ref.message_id),
        )

    async def count_in_chat(self, post_id: int, platform: str, chat_id: str) -> int:
        count = await self._db.fetch_value(
            "SELECT COUNT(*) FROM cards WHERE post_id = ? AND platform = ? AND chat_id = ?", (post_id, platform, chat_id)
        )
        return int(count)


class SuggestionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def told(self, post_id: int) -> set[int]:
        rows = await self._db.fetch_all("SELECT neighbour_id FROM suggestions WHERE post_id = ?", (post_id,))
        return {row["neighbour_id"] for row in rows}

    async def record(self, post_id: int, neighbour_id: int, now: datetime) -> None:
        await self._db.execute(
            "INSERT OR IGNORE INTO suggestions (post_id, neighbour_id, suggested_at) VALUES (?, ?, ?)",
            (post_id, neighbour_id, to_db(now)),
        )

    async def told_lately(
        self, neighbour_ids: Collection[int], since: datetime, about_post_id: int | None = None,
    ) -> dict[int, ToldLately]:
        """For each who has been told anything: when last, how often since `since`, and whether about
        this post (one query, so finding candidates stays quick)."""
        if not neighbour_ids:
            return {}
        marks = ", ".join("?" * len(neighbour_ids))
        rows = await self._db.fetch_all(
            "SELECT neighbour_id, MAX(suggested_at) AS last, SUM(suggested_at >= ?) AS lately, "
            f"MAX(post_id = ?) AS about_this FROM suggestions WHERE neighbour_id IN ({marks}) GROUP BY neighbour_id",
            (to_db(since), about_post_id, *neighbour_ids),
        )
        return {
            row["neighbour_id"]: ToldLately(from_db_required(row["last"]), int(row["lately"]), bool(row["about_this"]))
            for row in rows
        }

    async def told_about(self, neighbour_id: int, post_ids: Collection[int]) -> set[int]:
        """Which of these posts this neighbour has already been told about."""
        if not post_ids:
            return set()
        marks = ", ".join("?" * len(post_ids))
        rows = await self._db.fetch_all(
            f"SELECT post_id FROM suggestions WHERE neighbour_id = ? AND post_id IN ({marks})", (neighbour_id, *post_ids)
        )
        return {row["post_id"] for row in rows}

    async def counts(self, post_ids: Collection[int]) -> dict[int, int]:
        """How many neighbours have been told about each post."""
        if not post_ids:
            return {}
        marks = ", ".join("?" * len(post_ids))
        rows = await self._db.fetch_all(
            f"SELECT post_id, COUNT(*) AS told FROM suggestions WHERE post_id IN ({marks}) GROUP BY post_id", tuple(post_ids)
        )
        return {row["post_id"]: row["told"] for row in rows}


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, neighbour_id: int, slot: str) -> StoredFlow | None:
        row = await self._db.fetch_one(
            "SELECT flow, step, state FROM conversations WHERE neighbour_id = ? AND scope = ?", (neighbour_id, slot)
        )
        return None if row is None else StoredFlow(row["flow"], row["step"], json.loads(row["state"]))

    async def put(self, neighbour_id: int, slot: str, flow: str, step: str, state: dict, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO conversations (neighbour_id, scope, flow, step, state, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (neighbour_id, scope) DO UPDATE SET flow = excluded.flow, step = excluded.step, "
            "state = excluded.state, updated_at = excluded.updated_at",
            (neighbour_id, slot, flow, step, json.dumps(state, ensure_ascii=False), to_db(now)),
        )

    async def clear(self, neighbour_id: int, slot: str) -> None:
        await self._db.execute("DELETE FROM conversations WHERE neighbour_id = ? AND scope = ?", (neighbour_id, slot))


class QuestionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, neighbour_id: int, chat: str, now: datetime) -> str | None:
        return await self._db.fetch_value(
            "SELECT question FROM questions WHERE neighbour_id = ? AND chat = ? AND valid_until > ?",
            (neighbour_id, chat, to_db(now)),
        )

    async def put(self, neighbour_id: int, chat: str, question: str, valid_until: datetime) -> None:
        await self._db.execute(
            "INSERT INTO questions (neighbour_id, chat, question, valid_until) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (neighbour_id, chat) DO UPDATE SET question = excluded.question, valid_until = excluded.valid_until",
            (neighbour_id, chat, question, to_db(valid_until)),
        )

    async def clear(self, neighbour_id: int, chat: str) -> None:
        await self._db.execute("DELETE FROM questions WHERE neighbour_id = ? AND chat = ?", (neighbour_id, chat))


class HeldMessageRepository:
    """Private messages for someone the bot can't reach yet, kept until they open a chat."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.held = 0  # messages put here to wait since the process started (for /metrics)

    async def hold(self, neighbour_id: int, payload: str, now: datetime) -> bool:
        waiting = await self._db.fetch_value("SELECT COUNT(*) FROM held_messages WHERE neighbour_id = ?", (neighbour_id,))
        await self._db.insert(
            "INSERT INTO held_messages (neighbour_id, payload, created_at) VALUES (?, ?, ?)", (neighbour_id, payload, to_db(now))
        )
        self.held += 1
        return not waiting

    async def take_all(self, neighbour_id: int) -> list[str]:
        rows = await self._db.fetch_all("SELECT payload FROM held_messages WHERE neighbour_id = ? ORDER BY id", (neighbour_id,))
        await self._db.execute("DELETE FROM held_messages WHERE neighbour_id = ?", (neighbour_id,))
        return [row["payload"] for row in rows]

    async def containing(self, text: str) -> list[tuple[int, str]]:
        """(id, payload) of waiting messages whose payload contains `text` (e.g. someone they mention)."""
        rows = await self._db.fetch_all("SELECT id, payload FROM held_messages WHERE instr(payload, ?) > 0 ORDER BY id", (text,))
        return [(row["id"], row["payload"]) for row in rows]

    async def replace(self, held_id: int, payload: str) -> None:
        await self._db.execute("UPDATE held_messages SET payload = ? WHERE id = ?", (payload, held_id))


class StreetSettingsRepository:
    """Read for nearly every message (its language, quiet hours, time zone) and changed rarely, so kept
    in memory too. This process is the database's only writer; every change goes through here, and a
    rolled-back transaction empties the memory, so it never holds what didn't stick."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._known: dict[int, dict[str, str]] = {}
        db.register_cache(self._known.clear)

    async def of_street(self, street_id: int) -> dict[str, str]:
        if street_id not in self._known:
            rows = await self._db.fetch_all("SELECT name, value FROM street_settings WHERE street_id = ?", (street_id,))
            self._known[street_id] = {row["name"]: row["value"] for row in rows}
        return dict(self._known[street_id])

    async def put(self, street_id: int, name: str, value: str) -> None:
        self._known.pop(street_id, None)
        await self._db.execute(
            "INSERT INTO street_settings (street_id, name, value) VALUES (?, ?, ?) "
            "ON CONFLICT (street_id, name) DO UPDATE SET value = excluded.value",
            (street_id, name, value),
        )

    async def reset(self, street_id: int, name: str) -> None:
        self._known.pop(street_id, None)
        await self._db.execute("DELETE FROM street_settings WHERE street_id = ? AND name = ?", (street_id, name))
