"""A few streets near each other, and one far away, for matching across streets.

Elm Street and Mill Road are 300 m apart; Far Lane is 5 km away. Olive organises them all."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from math import cos, radians

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.kernel.messages import Msg, ToPerson
from handlers.kernel.settings import CoreSettings
from handlers.nearby import texts as nearby_texts
from handlers.nearby.geo import is_cell
from storage import SqliteStore
from tests.fakes import HandPickedOrganisers, RecordingNotifier, Sent
from tests.kit import GROUP, StreetKit

METRES_PER_DEGREE = 111_320
ELM = (51.5007, -0.1246)


def moved(point: tuple[float, float], *, north_m: float = 0.0, east_m: float = 0.0) -> tuple[float, float]:
    latitude, longitude = point
    return (
        latitude + north_m / METRES_PER_DEGREE,
        longitude + east_m / (METRES_PER_DEGREE * cos(radians(latitude))),
    )


MILL = moved(ELM, north_m=300)
FAR = moved(ELM, north_m=5000)
ELM_CHAT, MILL_CHAT, FAR_CHAT = GROUP, "group-mill", "group-far"
TITLES = {ELM_CHAT: "Elm Street", MILL_CHAT: "Mill Road", FAR_CHAT: "Far Lane"}
ORGANISER = "olive"
METRES = re.compile(r"\d\s*(?:m|km|metres?|meters?|kilometres?)\b", re.IGNORECASE)


@pytest.fixture
def town(store: SqliteStore, notifier: RecordingNotifier, clock: ManualClock, core_settings: CoreSettings) -> StreetKit:
    # The organisers' own unmet-ask alerts have their tests elsewhere; here they would only add noise.
    core_settings = replace(core_settings, unmet_after=timedelta(days=365))
    core = Doorstep(store, notifier, clock, core_settings, HandPickedOrganisers(ORGANISER))
    return StreetKit(core, store, notifier, clock, titles=dict(TITLES))


async def give_area(kit: StreetKit, chat: str, point: tuple[float, float]) -> None:
    """The street's organiser says /area in the group, then shares a pin privately."""
    await kit.say(ORGANISER, "/area", chat=chat)
    sent = await kit.share(ORGANISER, *point)
    assert [s.key for s in sent if isinstance(s.outgoing.to, ToPerson)] == [nearby_texts.AREA_SET], [s.text for s in sent]


async def three_streets(kit: StreetKit) -> None:
    for chat, point in ((ELM_CHAT, ELM), (MILL_CHAT, MILL), (FAR_CHAT, FAR)):
        await give_area(kit, chat, point)


def first_line(message: Msg) -> str:
    lines = message.params.get("lines")
    return lines.items[0].key if lines is not None else message.key  # type: ignore[union-attr]


def suggestions(sent: list[Sent]) -> list[Sent]:
    """Private "it fits what you offered" messages, in the order they were sent."""
    return [s for s in sent if isinstance(s.outgoing.to, ToPerson) and first_line(s.outgoing.text) == nearby_texts.ASK_FITS_YOUR_OFFER]


def told(sent: list[Sent]) -> list[str]:
    return [s.outgoing.to.person.user_id for s in suggestions(sent)]  # type: ignore[union-attr]


async def assert_only_cells(store: SqliteStore, *points: tuple[float, float]) -> None:
    """Every value in the database: no real numbers at all, no coordinate-looking text, no scaled
    coordinates, and every place column holds a cell id."""
    decimals = re.compile(r"\d+\.\d{3,}")
    scaled = {round(value * 10**power) for point in points for value in point for power in range(3, 8)}
    tables = [row["name"] for row in await store.db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    looked_at = 0
    for table in tables:
        for row in await store.db.fetch_all(f"SELECT * FROM {table}"):
            for value in tuple(row):
                looked_at += 1
                assert not isinstance(value, float), (table, value)
                if isinstance(value, str):
                    assert not decimals.search(value), (table, value)
                    for point in points:
                        for coordinate in point:
                            assert f"{abs(coordinate):.3f}"[:-1] not in value, (table, value)
                if isinstance(value, int):
                    assert value not in scaled, (table, value)
    for table, column in (("street_areas", "cell"), ("neighbour_cells", "cell")):
        for row in await store.db.fetch_all(f"SELECT {column} FROM {table}"):
            assert is_cell(row[0])
    assert looked_at > 0
