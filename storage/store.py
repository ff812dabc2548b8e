"""Doorstep's storage: one SQLite database and a repository for each kind of record."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path

from storage.database import BeforeMigrating, Database
from storage.repositories.checkins import CheckinRepository
from storage.repositories.digests import DigestRepository
from storage.repositories.fan_outs import FanOutRepository
from storage.repositories.hellos import HelloRepository
from storage.repositories.inbox import InboxRepository
from storage.repositories.matrix_prompts import MatrixPromptRepository
from storage.repositories.neighbours import NeighbourRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.personal_data import PersonalDataRepository
from storage.repositories.places import NeighbourCellRepository, StreetAreaRepository
from storage.repositories.posts import PostRepository
from storage.repositories.recurrences import RecurrenceRepository
from storage.repositories.relays import RelayRepository
from storage.repositories.reminders import ReminderRepository
from storage.repositories.responses import ResponseRepository
from storage.repositories.retention import RetentionRepository
from storage.repositories.small import (
    CardRepository,
    ConversationRepository,
    HeldMessageRepository,
    QuestionRepository,
    StreetSettingsRepository,
    SuggestionRepository,
)
from storage.repositories.stats import StatsRepository
from storage.repositories.street_codes import StreetCodeRepository
from storage.repositories.streets import StreetRepository
from storage.repositories.weekly_counts import WeeklyCountRepository


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
        self.held = HeldMessageRepository(db)
        self.inbox = InboxRepository(db)
        self.outbox = OutboxRepository(db)
        self.questions = QuestionRepository(db)
        self.retention = RetentionRepository(db)
        self.street_settings = StreetSettingsRepository(db)
        self.street_codes = StreetCodeRepository(db)
        self.stats = StatsRepository(db)
        self.checkins = CheckinRepository(db)
        self.hellos = HelloRepository(db)
        self.weekly_counts = WeeklyCountRepository(db)
        self.digests = DigestRepository(db)
        self.reminders = ReminderRepository(db)
        self.areas = StreetAreaRepository(db)
        self.cells = NeighbourCellRepository(db)
        self.fan_outs = FanOutRepository(db)
        self.recurrences = RecurrenceRepository(db)
        self.relays = RelayRepository(db)
        self.personal_data = PersonalDataRepository(db)
        self.matrix_prompts = MatrixPromptRepository(db)  # only the Matrix adapter uses it

    @classmethod
    async def open(cls, path: Path | str, *, before_migrating: BeforeMigrating | None = None) -> SqliteStore:
        """Open (and migrate) the database; `before_migrating` is told first when migrations are pending."""
        return cls(await Database.open(path, before_migrating=before_migrating))

    def transaction(self) -> AbstractAsyncContextManager[None]:
        return self.db.transaction()

    def busy(self) -> bool:
        return self.db.busy

    async def close(self) -> None:
        await self.db.close()
