from datetime import date

import pytest

from bot.i18n import Catalogues
from handlers.kernel.domain import When
from handlers.kernel.render import render
from handlers.posts.when import dates_covered, decode, describe, encode, overlaps, parse_when

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could someone help tomorrow morning?", When("tomorrow", "morning")),
        ("tonight if possible", When("today", "evening")),
        ("this morning please", When("today", "morning")),
        ("on Tuesday", When("tue")),
        ("I can help on Tuesdays", When("tue", recurring=True)),
        ("every thursday evening", When("thu", "evening", recurring=True)),
        ("weekday mornings", When("weekdays", "morning")),
        ("at the weekend", When("weekend")),
        ("sometime this week", When("this_week")),
        ("whenever suits", When()),
        ("asap please", When("today")),
        ("", When()),
        ("every morning", When("any", "morning")),
    ],
)
def test_parse_when(text: str, expected: When) -> None:
    assert parse_when(text) == expected


def test_a_named_day_wins_over_a_vaguer_one() -> None:
    assert parse_when("this week, ideally Friday").day == "fri"


def test_dates_covered_from_a_monday() -> None:
    assert dates_covered(When("today"), MONDAY) == {MONDAY}
    assert dates_covered(When("tomorrow"), MONDAY) == {date(2026, 3, 3)}
    assert dates_covered(When("wed"), MONDAY) == {date(2026, 3, 4)}
    assert dates_covered(When("mon"), MONDAY) == {MONDAY}  # "on Monday", said on a Monday: today
    assert dates_covered(When("this_week"), MONDAY) == {date(2026, 3, d) for d in range(2, 9)}
    assert dates_covered(When("weekend"), MONDAY) == {date(2026, 3, d) for d in (7, 8, 14, 15)}
    assert len(dates_covered(When("weekdays"), MONDAY)) == 10
    assert dates_covered(When("tue", recurring=True), MONDAY) == {date(2026, 3, 3), date(2026, 3, 10)}
    assert dates_covered(When(), MONDAY) is None


def test_overlap_needs_the_same_day_and_part() -> None:
    tomorrow_morning = When("tomorrow", "morning")
    assert overlaps(tomorrow_morning, MONDAY, When("weekdays", "morning"), MONDAY, MONDAY)
    assert overlaps(tomorrow_morning, MONDAY, When(), MONDAY, MONDAY)
    assert not overlaps(tomorrow_morning, MONDAY, When("any", "evening"), MONDAY, MONDAY)
    assert not overlaps(tomorrow_morning, MONDAY, When("weekend"), MONDAY, MONDAY)
    assert overlaps(When(), MONDAY, When(), MONDAY, MONDAY)


def test_a_day_already_past_fits_nothing() -> None:
    last_week = date(2026, 2, 23)
    assert not overlaps(When("today"), last_week, When(), MONDAY, MONDAY)


@pytest.mark.parametrize(
    ("when", "words"),
    [
        (When(), "any time"),
        (When("tomorrow", "morning"), "tomorrow in the morning"),
        (When("any", "evening"), "evenings"),
        (When("tue", recurring=True), "every Tuesday"),
        (When("sat"), "Saturday"),
        (When("weekend", "afternoon"), "at the weekend in the afternoon"),
    ],
)
def test_describe_in_plain_words(when: When, words: str) -> None:
    assert render(describe(when), "en") == words


def test_encode_round_trips_and_rejects_nonsense() -> None:
    for when in (When(), When("tue", "morning", True), When("weekend", "evening")):
        assert decode(encode(when)) == when
    for bad in ("", "mars.any", "any.noon", "tue.any.x", "a.b.c.d"):
        assert decode(bad) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Polish
        ("czy ktoś mógłby jutro rano kupić mleko?", When("tomorrow", "morning")),
        ("dziś wieczorem", When("today", "evening")),
        ("dzisiaj po południu", When("today", "afternoon")),
        ("w poniedziałek", When("mon")),
        ("w poniedzialek rano", When("mon", "morning")),  # typed without Polish letters
        ("w środę", When("wed")),
        ("we wtorki po południu", When("tue", "afternoon", recurring=True)),
        ("w każdy czwartek wieczorem", When("thu", "evening", recurring=True)),
        ("co piątek", When("fri", recurring=True)),
        ("co drugi wtorek", When("tue", recurring=True)),
        ("mogę wyprowadzać psa w dni powszednie rano", When("weekdays", "morning")),
        ("w weekend", When("weekend")),
        ("w tym tygodniu, najlepiej w sobotę przed południem", When("sat", "morning")),
        ("kiedyś w tym tygodniu", When("this_week")),
        ("za dwa tygodnie w piątek", When("fri")),
        # Romanian
        ("poate cineva să-mi ia lapte mâine dimineață?", When("tomorrow", "morning")),
        ("azi după-amiază", When("today", "afternoon")),
        ("astăzi", When("today")),
        ("diseară", When("today", "evening")),
        ("luni", When("mon")),
        ("marti seara", When("tue", "evening")),  # typed without Romanian letters
        ("în fiecare miercuri", When("wed", recurring=True)),
        ("joia după-amiaza", When("thu", "afternoon", recurring=True)),
        ("o dată la două săptămâni, vineri", When("fri", recurring=True)),
        ("pot plimba un câine dimineața, în zilele lucrătoare", When("weekdays", "morning")),
        ("în weekend", When("weekend")),
        ("săptămâna asta", When("this_week")),
        ("vin mâine", When("tomorrow")),  # "vin" is "I come" here, not Friday
    ],
)
def test_parse_when_in_polish_and_romanian(text: str, expected: When) -> None:
    assert parse_when(text) == expected


@pytest.mark.parametrize(
    ("when", "polish", "romanian"),
    [
        (When(), "kiedy pasuje", "oricând"),
        (When("tomorrow", "morning"), "jutro rano", "mâine dimineața"),
        (When("any", "evening"), "wieczorem", "seara"),
        (When("tue", recurring=True), "w każdy wtorek", "în fiecare marți"),
        (When("wed"), "w środę", "miercuri"),
        (When("sat", "afternoon"), "w sobotę po południu", "sâmbătă după-amiaza"),
        (When("weekend", "morning"), "w weekend rano", "în weekend dimineața"),
        (When("weekdays"), "w dni powszednie", "în zilele lucrătoare"),
    ],
)
def test_describe_in_polish_and_romanian(when: When, polish: str, romanian: str) -> None:
    translate = Catalogues.load().translate
    assert render(describe(when), "pl", translate=translate) == polish
    assert render(describe(when), "ro", translate=translate) == romanian
