from datetime import time
from zoneinfo import ZoneInfo

import pytest

from handlers.kernel.street_settings import BadSetting, for_street, set_setting
from tests.kit import StreetKit


async def test_a_street_starts_with_the_operators_defaults(street: StreetKit) -> None:
    await street.say("rosa", "/board")
    street_row = await street.store.streets.get_or_create("test", "group-1", None, street.clock.now())
    current = await for_street(street.core.services, street_row)
    assert current.timezone == ZoneInfo("Europe/London")
    assert (current.quiet_from, current.quiet_until) == (time(21), time(8))
    assert current.ask_expiry_days == 7


async def test_changed_settings_are_checked_and_kept(street: StreetKit) -> None:
    street_row = await street.store.streets.get_or_create("test", "group-1", None, street.clock.now())
    services = street.core.services
    assert await set_setting(services, street_row, "quiet_from", " 22:30 ") == time(22, 30)
    await set_setting(services, street_row, "timezone", "Europe/Warsaw")
    for name, bad in [("timezone", "Mars/Base"), ("quiet_until", "8 o'clock"), ("ask_expiry_days", "0"), ("language", "!!")]:
        with pytest.raises(BadSetting):
            await set_setting(services, street_row, name, bad)
    current = await for_street(services, street_row)
    assert current.quiet_from == time(22, 30) and current.timezone == ZoneInfo("Europe/Warsaw")
    other = await street.store.streets.get_or_create("test", "group-2", None, street.clock.now())
    assert (await for_street(services, other)).quiet_from == time(21)


async def test_an_unreadable_stored_value_falls_back_to_the_default(street: StreetKit) -> None:
    street_row = await street.store.streets.get_or_create("test", "group-1", None, street.clock.now())
    await street.store.street_settings.put(street_row.id, "quiet_from", "garbage")
    await street.store.street_settings.put(street_row.id, "retired_setting", "x")
    assert (await for_street(street.core.services, street_row)).quiet_from == time(21)
