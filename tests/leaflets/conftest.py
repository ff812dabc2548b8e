"""A street whose organiser is Olga, in a Doorstep that speaks English, Polish and Romanian."""

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
def street(store: SqliteStore, notifier: RecordingNotifier, clock: ManualClock,
           organisers: HandPickedOrganisers) -> StreetKit:
    settings = CoreSettings(locales=("en", "pl", "ro"))
    return StreetKit(Doorstep(store, notifier, clock, settings, organisers), store, notifier, clock)
