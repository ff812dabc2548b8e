"""Reading posts as neighbours write them: breeds, "take X to the GP", inflected forms, typos, times, dates."""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.kernel.domain import When
from handlers.posts.categories import classify
from handlers.posts.when import decode, describe, encode, parse_time, parse_when
from tests.fakes import plain

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(("text", "category"), [
    ("could someone walk my spaniel", "pets"), ("my cocker needs a walk tomorrow", "pets"),
    ("can someone feed my labrador while I'm away", "pets"), ("wyprowadzić jamnika", "pets"),
    ("take my neighbour to the GP on Tuesday", "lifts"), ("could anyone drive my mum to the doctors", "lifts"),
    ("zawieźć mamę do szpitala", "lifts"), ("mă poate duce cineva la medic?", "lifts"),
    ("odebrać leki w aptece", "pharmacy"), ("pick up my tabs from Boots", "pharmacy"),
    ("pick up my prescripton", "pharmacy"), ("I need to see the GP about my tablets", "pharmacy"),
    ("Could someone grab me a loaf", "shopping"), ("shoping please", "shopping"),
    ("wheelie bin out on Thursday", "odd_jobs"),
])
def test_what_a_post_is_about(text: str, category: str) -> None:
    assert classify(text) == category


@pytest.mark.parametrize(("text", "at"), [
    ("10am tomorrow", time(10)), ("at 7.30 pm", time(19, 30)), ("half nine on Friday", time(9, 30)),
    ("w czwartek o 10", time(10)), ("marți la ora 10", time(10)), ("could you come at 3?", time(15)),
    ("Flat 12 at 14 Elm Street", None), ("I need 2 bags of flour", None), ("at 25", None),
])
def test_times_are_kept(text: str, at: time | None) -> None:
    assert parse_time(text) == at


@pytest.mark.parametrize(("text", "when"), [
    ("this arvo", When("today", "afternoon")), ("next week", When("next_week")),
    ("tmrw morning", When("tomorrow", "morning")), ("10am tomorrow", When("tomorrow", "morning", at=time(10))),
    ("in the evening this week", When("this_week", "evening")),
])
def test_when_words(text: str, when: When) -> None:
    assert parse_when(text) == when


@pytest.mark.parametrize(("text", "shown"), [
    ("today", "Monday 2 March"), ("tomorrow morning", "Tuesday 3 March in the morning"),
    ("on Thursday at 10am", "Thursday 5 March at 10:00"), ("every Tuesday evening", "every Tuesday in the evening"),
    ("next week", "next week"), ("any time", "any time"), ("Saturday", "Saturday 7 March"),
    ("Monday", "Monday 2 March"),  # posted on a Monday, "Monday" is today
])
def test_a_day_becomes_its_date_when_posted(text: str, shown: str) -> None:
    assert plain(describe(parse_when(text).dated(MONDAY))) == shown


WHENS = st.builds(
    When, day=st.sampled_from(["any", "today", "tomorrow", "this_week", "next_week", "weekend", "weekdays", "mon", "sun"]),
    part=st.sampled_from(["any", "morning", "afternoon", "evening"]), recurring=st.booleans(),
    at=st.none() | st.times().map(lambda t: time(t.hour, t.minute)),
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(when=WHENS)
def test_a_when_survives_its_button(when: When) -> None:
    assert decode(encode(when)) == when
    assert len(encode(when)) <= 40  # it fits in a button's field


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(max_size=120))
def test_any_words_read_as_some_when_and_category(text: str) -> None:
    when = parse_when(text)
    assert when.at is None or (0 <= when.at.hour <= 23)
    assert plain(describe(when.dated(MONDAY)))
    assert classify(text)
