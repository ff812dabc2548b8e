"""A rough "when" from a neighbour's words: a day (or none), a part of the day, maybe every week, and a
time if they gave one ("10am", "half nine", "o 10", "la ora 10").

Deliberately small: street asks say "tomorrow morning" or "Tuesdays", not "14:35 on the 3rd". A
single day becomes a date when the post is made (`When.dated`), in the street's time zone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time, timedelta

from handlers.kernel.domain import WEEKDAY_CODES, When
from handlers.kernel.messages import Msg, msg
from handlers.kernel.texts import N_
from handlers.kernel.wording import fold, tokens
from handlers.street.day_names import lookup, spellings
from handlers.street.local_time import date_words, weekday_words

WEEKDAYS = WEEKDAY_CODES


def _folded(table: dict[str, str]) -> dict[str, str]:
    return {spelling: meaning for word, meaning in table.items() for spelling in spellings(word)}


_WORDS_FOR_DAY = {
    "en": {"today": "today", "asap": "today", "urgent": "today", "urgently": "today", "tonite": "today",
           "tomorrow": "tomorrow", "tmrw": "tomorrow", "tomorow": "tomorrow", "tmr": "tomorrow", "tomoz": "tomorrow",
           "tommorow": "tomorrow", "tommorrow": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow",
           "weekend": "weekend", "weekends": "weekend", "weekday": "weekdays", "weekdays": "weekdays"},
    "pl": {"dziś": "today", "dzisiaj": "today", "pilne": "today", "pilnie": "today", "jutro": "tomorrow",
           "jutra": "tomorrow", "weekend": "weekend", "weekendy": "weekend", "weekendzie": "weekend",
           "weekendu": "weekend", "powszedni": "weekdays", "powszednie": "weekdays", "roboczy": "weekdays",
           "robocze": "weekdays"},
    "ro": {"azi": "today", "astăzi": "today", "urgent": "today", "mâine": "tomorrow", "weekend": "weekend",
           "weekendul": "weekend", "weekenduri": "weekend", "weekendurile": "weekend", "lucrătoare": "weekdays"},
}
_WORDS_FOR_PART = {
    "en": {"morning": "morning", "mornings": "morning", "am": "morning", "breakfast": "morning",
           "afternoon": "afternoon", "afternoons": "afternoon", "lunchtime": "afternoon", "arvo": "afternoon",
           "tonite": "evening",
           "evening": "evening", "evenings": "evening", "tonight": "evening", "night": "evening",
           "nights": "evening", "pm": "afternoon"},
    # "przed południem" is the morning, "po południu" the afternoon.
    "pl": {"rano": "morning", "rankiem": "morning", "ranek": "morning", "przedpołudnie": "morning",
           "przedpołudniem": "morning", "południem": "morning", "południe": "afternoon", "południu": "afternoon",
           "popołudnie": "afternoon", "popołudniu": "afternoon", "popołudniami": "afternoon",
           "wieczorem": "evening", "wieczór": "evening", "wieczorami": "evening", "wieczorkiem": "evening",
           "noc": "evening", "nocy": "evening"},
    "ro": {"dimineață": "morning", "dimineața": "morning", "diminețile": "morning", "amiază": "afternoon",
           "amiaza": "afternoon", "prânz": "afternoon", "prânzul": "afternoon", "seara": "evening",
           "seară": "evening", "serile": "evening", "diseară": "evening", "noaptea": "evening"},
}
_DAY_WORDS = {language: _folded(table) for language, table in _WORDS_FOR_DAY.items()}
_PART_WORDS = {language: _folded(table) for language, table in _WORDS_FOR_PART.items()}
_TONIGHT = {"tonight", "tonite", *spellings("diseară")}  # today, in the evening
_RECURRING_WORDS = {"every", "weekly", "fortnightly", "each", "cotygodniowo", "saptamanal", "saptamanale"}
_RECURRING_PAIRS = {("co", "tydzien"), ("co", "dwa"), ("co", "2")}  # "co tydzień", "co dwa tygodnie"
# Words that make the day right after them recurring: "co wtorek", "w każdy wtorek", "co drugi wtorek",
# "în fiecare marți", "o dată la două săptămâni, marți".
_EVERY_BEFORE_A_DAY = {"co", "kazdy", "kazda", "kazdego", "drugi", "druga", "fiecare", "saptamani"}
# Pairs of words meaning "this week": "this week", "w tym tygodniu", "săptămâna asta".
_THIS_WEEK = {("this", "week"), ("tym", "tygodniu"), ("ten", "tydzien"), ("saptamana", "asta"),
              ("saptamana", "aceasta")}
# Pairs meaning "this morning", "this arvo", "this evening", "în seara asta": today.
_THIS_PART = {("this", "morning"), ("this", "afternoon"), ("this", "arvo"), ("this", "evening"), ("seara", "asta"),
              ("dimineata", "asta")}
# Pairs meaning "next week": "next week", "w przyszłym tygodniu", "săptămâna viitoare".
_NEXT_WEEK = {("next", "week"), ("przyszlym", "tygodniu"), ("przyszłym", "tygodniu"), ("saptamana", "viitoare")}

# Which day word wins when several appear: the most specific.
_DAY_PRIORITY = {
    **{code: 0 for code in WEEKDAYS}, "tomorrow": 1, "today": 2, "weekend": 3, "weekdays": 4, "this_week": 5,
    "next_week": 6, "any": 7,
}
_WEEKDAY_WORDS = {word: (WEEKDAYS[number], every) for word, (number, every) in lookup(every=True, in_lists=False).items()}


def parse_when(text: str) -> When:
    words = tokens(text)
    day, part, recurring = "any", "any", False
    for index, word in enumerate(words):
        previous = words[index - 1] if index > 0 else ""
        found_day = None
        if word in _WEEKDAY_WORDS:
            found_day, plural = _WEEKDAY_WORDS[word]
            recurring = recurring or plural or previous in _EVERY_BEFORE_A_DAY
        for table in _DAY_WORDS.values():
            found_day = found_day or table.get(word)
        if word in _TONIGHT:
            found_day = found_day or "today"
        following = words[index + 1] if index + 1 < len(words) else ""
        if (previous, word) in _THIS_WEEK or (word, following) in _THIS_WEEK:
            found_day = "this_week"
        if (previous, word) in _NEXT_WEEK or (word, following) in _NEXT_WEEK:
            found_day = "next_week"
        if (previous, word) in _THIS_PART or (word, following) in _THIS_PART:
            found_day = found_day or "today"
        if found_day and _DAY_PRIORITY[found_day] < _DAY_PRIORITY[day]:
            day = found_day
        for table in _PART_WORDS.values():
            if word in table and part == "any":
                part = table[word]
        if word in _RECURRING_WORDS or (previous, word) in _RECURRING_PAIRS:
            recurring = True
    if day not in WEEKDAYS:
        recurring = False  # "every morning" is just "mornings"
    at = parse_time(text)
    if at is not None and part == "any":
        part = "morning" if at.hour < 12 else "afternoon" if at.hour < 17 else "evening"
    return When(day=day, part=part, recurring=recurring, at=at)


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}
_HOUR = r"(\d{1,2})(?:[:.](\d{2}))?"
_TIMES = (
    re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?!\w)"),  # 10am, 7.30 pm
    re.compile(r"\b(\d{1,2})[:.](\d{2})\b()"),  # 10:30, 18.00
    # "at 10", "o 10", "la ora 10" — only where nothing but a day or an ending follows ("at 14 Elm Street" is an address).
    re.compile(r"\b(?:at|o|około|okolo|ok|la|pe la|ora|la ora|o godzinie)\s+" + _HOUR + r"()"
               r"(?=\s*(?:$|[,.!?;:)]|o\s*'?\s*clock|oclock|on\b|tomorrow|today|tonight|in\b|please|pls|rano|"
               r"wieczorem|jutro|dzis|w\b|we\b|maine|azi|dimineata|seara|pe\b|every|each|if\b|or\b|and\b))"),
)
_HALF = re.compile(r"\bhalf\s+(?:past\s+)?(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b")


def parse_time(text: str) -> time | None:
    """A time of day in the words, if there is one: "10am", "7.30pm", "at 10", "half nine", "o 10", "la ora 10".
    An hour on its own from 1 to 7 is read as afternoon or evening ("at 3" is 15:00)."""
    folded = fold(text)
    half = _HALF.search(folded)
    if half:
        word = half.group(1)
        hour = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        return _clock(hour, 30, None)
    for pattern in _TIMES:
        for found in pattern.finditer(folded):
            minutes = int(found.group(2)) if found.group(2) else 0
            suffix = found.group(3).replace(".", "") if found.group(3) else None
            at = _clock(int(found.group(1)), minutes, suffix)
            if at is not None:
                return at
    return None


def _clock(hour: int, minutes: int, suffix: str | None) -> time | None:
    if minutes > 59:
        return None
    if suffix is not None:
        if not 1 <= hour <= 12:
            return None
        return time(hour % 12 + (12 if suffix == "pm" else 0), minutes)
    if hour > 23:
        return None
    return time(hour + 12 if 1 <= hour <= 7 else hour, minutes)


def dates_covered(when: When, anchor: date, horizon_days: int = 14) -> frozenset[date] | None:
    """The local dates a post means, counted from the day it was posted; None means any day."""
    if when.on is not None:
        return frozenset({when.on})
    if when.day == "next_week":
        monday = anchor + timedelta(days=7 - anchor.weekday())
        return frozenset(monday + timedelta(days=n) for n in range(7))
    if when.day == "any" or (when.recurring and when.day in WEEKDAYS):
        if when.day == "any":
            return None
        weekday = WEEKDAYS.index(when.day)
        return frozenset(anchor + timedelta(days=n) for n in range(horizon_days) if (anchor + timedelta(days=n)).weekday() == weekday)
    if when.day == "today":
        return frozenset({anchor})
    if when.day == "tomorrow":
        return frozenset({anchor + timedelta(days=1)})
    if when.day == "this_week":
        return frozenset(anchor + timedelta(days=n) for n in range(7 - anchor.weekday()))
    if when.day in ("weekend", "weekdays"):
        weekend = when.day == "weekend"
        return frozenset(
            day for day in (anchor + timedelta(days=n) for n in range(horizon_days)) if (day.weekday() >= 5) == weekend
        )
    weekday = WEEKDAYS.index(when.day)
    return frozenset({anchor + timedelta(days=(weekday - anchor.weekday()) % 7)})


def overlaps(first: When, first_anchor: date, second: When, second_anchor: date, today: date) -> bool:
    """Could these two happen on the same day from `today` on, at the same part of the day?"""
    if "any" not in (first.part, second.part) and first.part != second.part:
        return False
    first_dates = _from(dates_covered(first, first_anchor), today)
    second_dates = _from(dates_covered(second, second_anchor), today)
    if first_dates is None:
        return second_dates is None or bool(second_dates)
    if second_dates is None:
        return bool(first_dates)
    return bool(first_dates & second_dates)


def _from(dates: frozenset[date] | None, today: date) -> frozenset[date] | None:
    return None if dates is None else frozenset(day for day in dates if day >= today)


_DAY_LABELS = {
    "any": N_("any time"), "today": N_("today"), "tomorrow": N_("tomorrow"),
    "this_week": N_("this week"), "next_week": N_("next week"), "weekend": N_("at the weekend"),
    "weekdays": N_("on weekdays"),
    "mon": N_("Monday"), "tue": N_("Tuesday"), "wed": N_("Wednesday"), "thu": N_("Thursday"),
    "fri": N_("Friday"), "sat": N_("Saturday"), "sun": N_("Sunday"),
}
_EVERY_LABELS = {
    "mon": N_("every Monday"), "tue": N_("every Tuesday"), "wed": N_("every Wednesday"),
    "thu": N_("every Thursday"), "fri": N_("every Friday"), "sat": N_("every Saturday"), "sun": N_("every Sunday"),
}
_PART_ALONE = {"morning": N_("mornings"), "afternoon": N_("afternoons"), "evening": N_("evenings")}
_PART_AFTER_DAY = {"morning": N_("in the morning"), "afternoon": N_("in the afternoon"), "evening": N_("in the evening")}
DAY_AND_PART = N_("{day} {part}")
DAY_AT_TIME = N_("{day} at {time}")
AT_TIME = N_("at {time}")
WEEKDAY_AND_DATE = N_("{weekday} {date}")


def describe(when: When) -> Msg:
    """"tomorrow morning"; once posted, "Tuesday 3 March in the morning"; "every Tuesday at 10:00"."""
    if when.day == "any" and when.on is None:
        if when.at is not None:
            return msg(AT_TIME, time=f"{when.at:%H:%M}")
        return msg(_PART_ALONE[when.part]) if when.part != "any" else msg(_DAY_LABELS["any"])
    if when.on is not None:
        day = msg(WEEKDAY_AND_DATE, weekday=weekday_words(when.on.weekday()), date=date_words(when.on))
    else:
        day = msg(_EVERY_LABELS[when.day] if when.recurring and when.day in _EVERY_LABELS else _DAY_LABELS[when.day])
    if when.at is not None:
        return msg(DAY_AT_TIME, day=day, time=f"{when.at:%H:%M}")
    if when.part == "any":
        return day
    return msg(DAY_AND_PART, day=day, part=msg(_PART_AFTER_DAY[when.part]))


# Choices offered in the guided flow, in the order shown.
GUIDED_WHEN_CHOICES: tuple[When, ...] = (
    When("today"), When("tomorrow"), When("this_week"), When("any"),
)


def encode(when: When) -> str:
    """Compact form for button payloads and flows: 'tue.morning.r', 'tomorrow.morning.t1000' (not the date:
    that is worked out when the post is made)."""
    return f"{when.day}.{when.part}" + (".r" if when.recurring else "") + (f".t{when.at:%H%M}" if when.at else "")


_TIME_CODE = re.compile(r"t([01]\d|2[0-3])([0-5]\d)")


def decode(code: str) -> When | None:
    parts = code.split(".")
    if len(parts) not in (2, 3, 4) or parts[0] not in _DAY_PRIORITY or parts[1] not in ("any", *_PART_ALONE):
        return None
    when = When(parts[0], parts[1])
    for extra in parts[2:]:
        timed = _TIME_CODE.fullmatch(extra)
        if extra == "r" and not when.recurring and when.at is None:
            when = replace(when, recurring=True)
        elif timed and when.at is None:
            when = replace(when, at=time(int(timed.group(1)), int(timed.group(2))))
        else:
            return None
    return when
