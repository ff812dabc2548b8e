"""Nobody is pinged for everything: one neighbour hears of only a few posts a day."""

from datetime import timedelta

import pytest

from handlers.kernel.settings import CoreSettings
from tests.kit import StreetKit
from tests.nearby.conftest import told


@pytest.fixture
def core_settings() -> CoreSettings:
    return CoreSettings(pings_per_day=2)


async def test_nobody_is_told_about_everything(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do shopping")
    for asker in ("rosa", "tom", "una"):
        await street.say(asker, "/ask could someone do some shopping?")
        street.clock.advance(timedelta(minutes=1))
    assert [s.outgoing.to.person.user_id for s in street.notifier.sent if s.outgoing.card_of is None] == []
    history = await street.count("suggestions", "neighbour_id = (SELECT id FROM neighbours WHERE user_id = 'sam')")
    assert history == 2  # Una's ask waits: Sam has heard of two today
    assert told(await street.wait(timedelta(days=1, hours=1))) == ["sam"]
