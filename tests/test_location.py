"""The adapter's edge: coordinates in, one coarse cell out, and nothing else of them goes further."""

import math

import h3
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.location import (
    NotALocation,
    cell_of,
    coordinates_from_geo_uri,
    coordinates_from_text,
    located,
    located_from_geo_uri,
    located_from_text,
)
from handlers.kernel.incoming import IncomingKind
from handlers.nearby.geo import RESOLUTION, is_cell

WHO = dict(platform="t", chat_id="sam", user_id="sam", is_private=True)


def test_a_point_becomes_its_resolution_9_cell() -> None:
    cell = cell_of(51.5007, -0.1246)
    assert cell == h3.latlng_to_cell(51.5007, -0.1246, 9) and h3.get_resolution(cell) == RESOLUTION
    assert cell_of("51.5007", "-0.1246") == cell  # numbers as text, as some clients send them


@given(st.floats(min_value=-90, max_value=90), st.floats(min_value=-180, max_value=180))
def test_every_real_point_has_a_cell(latitude: float, longitude: float) -> None:
    if latitude == 0 and longitude == 0:
        return
    assert is_cell(cell_of(latitude, longitude))


@pytest.mark.parametrize(("latitude", "longitude"), [
    (90.01, 0), (-91, 0), (10, 180.5), (10, -181), (math.nan, 0), (0, math.inf), (0, 0), ("north", 1),
    (None, 1), (True, 1), ([], {}),
])
def test_impossible_points_are_refused_without_repeating_them(latitude: object, longitude: object) -> None:
    with pytest.raises(NotALocation) as refused:
        cell_of(latitude, longitude)
    assert not any(ch.isdigit() for ch in str(refused.value))


def test_text_and_geo_uris() -> None:
    assert coordinates_from_text("51.5007,-0.1246") == (51.5007, -0.1246)
    assert coordinates_from_text(" 51.5007  -0.1246 ") == (51.5007, -0.1246)
    assert coordinates_from_geo_uri("geo:51.5008,0.1247;u=35") == (51.5008, 0.1247)
    assert coordinates_from_geo_uri("geo:51.5008,0.1247,12") == (51.5008, 0.1247)
    for bad in ("", "51.5", "51.5,-0.12,3,4", "geo:", "here", "1" * 500):
        with pytest.raises(NotALocation):
            coordinates_from_text(bad)
    for bad in ("51.5,0.1", "geo:51.5", "https://maps/51.5,0.1", "geo:a,b"):
        with pytest.raises(NotALocation):
            coordinates_from_geo_uri(bad)


def test_an_incoming_carries_only_the_cell() -> None:
    incoming = located(latitude=51.5007, longitude=-0.1246, **WHO)
    assert incoming.kind is IncomingKind.LOCATION and incoming.cell == cell_of(51.5007, -0.1246)
    assert "51.5" not in repr(incoming) and "0.1246" not in repr(incoming)
    assert located_from_geo_uri("geo:51.5007,-0.1246;u=10", **WHO).cell == incoming.cell
    assert located_from_text("51.5007,-0.1246", **WHO).cell == incoming.cell


def test_an_unreadable_location_is_still_an_incoming_so_the_core_can_answer_kindly() -> None:
    for incoming in (located(latitude=200, longitude=0, **WHO), located_from_geo_uri("geo:x", **WHO),
                     located_from_text("somewhere", **WHO)):
        assert incoming.kind is IncomingKind.LOCATION and incoming.cell is None
