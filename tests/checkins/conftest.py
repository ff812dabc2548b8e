"""A street with check-ins: a clock that only moves when told, a notifier that notes when each
message went out (and can be slow, or stop the process half-way), and Alice as the organiser."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.kernel.messages import Outgoing, SendResult, SendStatus, ToPerson, ToStreet
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.fakes import HandPickedOrganisers, RecordingNotifier, Sent
from tests.kit import StreetKit


class Crash(BaseException):
    """The process dies: nothing after it runs (not an Exception, so nothing catches it)."""


@dataclass
class TimedNotifier(RecordingNotifier):
    clock: ManualClock | None = None
    per_send: timedelta = timedelta(0)  # how long each send takes (a paced platform)
    crash_after: int | None = None  # die right after this many more sends go out
    failing_for: set[str] = field(default_factory=set)  # user ids the platform keeps failing to reach
    log: list[tuple[datetime, Sent]] = field(default_factory=list)  # every send, never taken

    async def send(self, outgoing: Outgoing) -> SendResult:
        assert self.clock is not None
        self.clock.advance(self.per_send)
        if isinstance(outgoing.to, ToPerson) and outgoing.to.person.user_id in self.failing_for:
            return SendResult(SendStatus.FAILED)
        result = await super().send(outgoing)
        if result.sent and self.sent and self.sent[-1].outgoing is outgoing:
            self.log.append((self.clock.now(), self.sent[-1]))
        if self.crash_after is not None:
            self.crash_after -= 1
            if self.crash_after <= 0:
                self.crash_after = None
                raise Crash()
        return result

    def group_messages(self) -> list[Sent]:
        return [sent for _, sent in self.log if isinstance(sent.outgoing.to, ToStreet)]

    def times_to(self, user_id: str, key: str) -> list[datetime]:
        return [
            moment for moment, sent in self.log
            if isinstance(sent.outgoing.to, ToPerson) and sent.outgoing.to.person.user_id == user_id and sent.key == key
        ]


@pytest.fixture
def notifier(clock: ManualClock) -> TimedNotifier:
    return TimedNotifier(clock=clock)


@pytest.fixture
def organisers() -> HandPickedOrganisers:
    return HandPickedOrganisers("alice")


@pytest.fixture
def street(store: SqliteStore, notifier: TimedNotifier, clock: ManualClock, core_settings: CoreSettings,
           organisers: HandPickedOrganisers) -> StreetKit:
    return StreetKit(Doorstep(store, notifier, clock, core_settings, organisers), store, notifier, clock)
