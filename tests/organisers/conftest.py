"""A street with organisers: Olga organises it (checked live through a fake of the platform)."""

from __future__ import annotations

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.fakes import HandPickedOrganisers, RecordingNotifier
from tests.kit import StreetKit


@pytest.fixture
def organisers() -> HandPickedOrganisers:
    return HandPickedOrganisers("olga")


@pytest.fixture
def street(
    store: SqliteStore, notifier: RecordingNotifier, clock: ManualClock, core_settings: CoreSettings,
    organisers: HandPickedOrganisers,
) -> StreetKit:
    return StreetKit(Doorstep(store, notifier, clock, core_settings, organisers), store, notifier, clock)
