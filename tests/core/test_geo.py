"""Cells, the radius rule, nearness in words (never metres), capacity from words."""

import h3
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.nearby.geo import CELL_SLACK_M, RESOLUTION, cells_within, is_cell, metres_between, within
from handlers.nearby.nearness import Nearness, Place, nearness, radius_minutes, where_words
from handlers.posts.capacity import Capacity, parse_capacity
from tests.fakes import plain

ELM = h3.latlng_to_cell(51.5007, -0.1246, RESOLUTION)


def test_cells_are_checked() -> None:
    assert is_cell(ELM)
    assert not is_cell(h3.latlng_to_cell(51.5007, -0.1246, RESOLUTION + 1))
    assert not is_cell(h3.latlng_to_cell(51.5007, -0.1246, RESOLUTION - 1))
    for junk in ("", "nonsense", "f" * 15, "8" * 200, None, 42, b"89194ad14c3ffff"):
        assert not is_cell(junk)


@pytest.mark.parametrize("radius", [200, 400, 800, 1200, 2000])
def test_cells_within_a_radius_are_exactly_those_the_rule_allows(radius: int) -> None:
    found = set(cells_within(ELM, radius))
    assert ELM in found
    around = h3.grid_disk(ELM, 12)
    assert found == {cell for cell in around if within(metres_between(ELM, cell), radius)}
    assert max(metres_between(ELM, cell) for cell in found) <= radius + CELL_SLACK_M


def test_a_bigger_radius_reaches_further() -> None:
    sizes = [len(cells_within(ELM, radius)) for radius in (200, 400, 800, 1200, 2000)]
    assert sizes == sorted(sizes) and sizes[0] > 1  # 200 m still reaches across the road, into the next cells


def test_the_same_street_is_always_near_even_without_cells() -> None:
    assert nearness(Place(1, None), Place(1, None), 200) == Nearness(True, None)
    assert nearness(Place(1, ELM), Place(2, None), 2000) is None  # another street with no place: never
    far = h3.latlng_to_cell(51.5457, -0.1246, RESOLUTION)  # 5 km north
    assert nearness(Place(1, ELM), Place(2, far), 2000) is None
    assert nearness(Place(1, ELM), Place(1, far), 200) is not None  # the group is the neighbourhood


@given(st.floats(min_value=0, max_value=2500))
def test_walking_words_are_five_minute_bands(metres: float) -> None:
    near = Nearness(False, metres)
    assert near.minutes % 5 == 0 and near.minutes >= 5
    assert near.minutes * 80 >= metres  # never nearer than it is, in words


def test_where_words_never_say_metres() -> None:
    assert plain(where_words(Nearness(True, 350.0), "Elm Street")) == "📍 On your street"
    assert plain(where_words(Nearness(False, 649.0), "Mill Road")) == "📍 Mill Road, about 10 minutes' walk"
    assert plain(where_words(Nearness(False, 0.0), "Mill Road")) == "📍 Mill Road, about 5 minutes' walk"


def test_radius_in_minutes() -> None:
    assert [radius_minutes(m) for m in (200, 400, 800, 1200, 2000)] == [3, 5, 10, 15, 25]


@pytest.mark.parametrize(("text", "capacity"), [
    ("I can do shopping, up to twice a week", Capacity(2, 7)),
    ("once a fortnight", Capacity(1, 14)),
    ("3 times a month", Capacity(3, 30)),
    ("one morning a week", Capacity(1, 7)),
    ("2x a week", Capacity(2, 7)),
    ("twice weekly", Capacity(2, 7)),
    ("max 4 times per month", Capacity(4, 30)),
    ("I can walk dogs every Tuesday", None),
    ("I have two dogs a week", None),
    ("I can do 3 shops", None),
    ("once", None),
    ("", None),
    ("Mogę zrobić zakupy, najwyżej dwa razy w tygodniu", Capacity(2, 7)),
    ("raz w tygodniu", Capacity(1, 7)),
    ("3 razy w miesiącu", Capacity(3, 30)),
    ("o dată pe săptămână", Capacity(1, 7)),
    ("de două ori pe săptămână", Capacity(2, 7)),
    ("de 3 ori pe lună", Capacity(3, 30)),
    ("Mogę w czwartek o 19:00", None),
])
def test_capacity_from_words(text: str, capacity: Capacity | None) -> None:
    assert parse_capacity(text) == capacity
