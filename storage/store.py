"""Doorstep's storage: one SQLite database and a repository for each kind of record."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path

from storage.database import Database
from storage.repositories.matrix_prompts import MatrixPromptRepository
from storage.repositories.neighbours import NeighbourRepository
from storage.repositories.posts import PostRepository
from storage.repositories.responses import ResponseRepository
from storage.repositories.retention import RetentionRepository
from storage.repositories.small import (
    CardRepository, ConversationRepository, OutboxRepository, StreetSettingsRepository, SuggestionRepository,
)
from storage.repositories.streets import StreetRepository


class SqliteStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.streets = StreetRepository(db)
        self.neighbours = NeighbourRepository(db)
        self.posts = PostRepository(db)
        self.responses = ResponseRepository(db)
        self.cards = CardRepository(db)
        self.suggestions = SuggestionRepository(db)
        self.conversations = ConversationRepository(db)
        self.outbox = OutboxRepository(db)
        self.retention = RetentionRepository(db)
        self.street_settings = StreetSettingsRepository(db)
        self.matrix_prompts = MatrixPromptRepository(db)  # only the Matrix adapter uses it

    @classmethod
    async def open(cls, path: Path | str) -> SqliteStore:
        return cls(await Database.open(path))

    def transaction(self) -> AbstractAsyncContextManager[None]:
        return self.db.transaction()

    async def close(self) -> None:
        await self.db.close()
