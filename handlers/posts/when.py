"""A rough "when" from a neighbour's words: a day (or none), a part of the day, maybe every week.

Deliberately small: street asks say "tomorrow morning" or "Tuesdays", not "14:35 on the 3rd".
"""

from __future__ import annotations

from datetime import date, timedelta

from handlers.kernel.domain import When
from handlers.kernel.messages import Msg, msg
from handlers.kernel.texts import N_
from handlers.kernel.wording import tokens
from handlers.street.day_names import lookup, spellings

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _folded(table: dict[str, str]) -> dict[str, str]:
    return {spelling: meaning for word, meaning in table.items() for spelling in spellings(word)}


_WORDS_FOR_DAY = {
    "en": {"today": "today", "asap": "today", "urgent": "today", "urgently": "today",
           "tomorrow": "tomorrow", "tmrw": "tomorrow", "tomorow": "tomorrow",
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
           "afternoon": "afternoon", "afternoons": "afternoon", "lunchtime": "afternoon",
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
_TONIGHT = {"tonight", *spellings("diseară")}  # today, in the evening
_RECURRING_WORDS = {"every", "weekly", "fortnightly", "each", "cotygodniowo", "saptamanal", "saptamanale"}
_RECURRING_PAIRS = {("co", "tydzien"), ("co", "dwa"), ("co", "2")}  # "co tydzień", "co dwa tygodnie"
# Words that make the day right after them recurring: "co wtorek", "w każdy wtorek", "co drugi wtorek",
# "în fiecare marți", "o dată la două săptămâni, marți".
_EVERY_BEFORE_A_DAY = {"co", "kazdy", "kazda", "kazdego", "drugi", "druga", "fiecare", "saptamani"}
# Pairs of words meaning "this week": "this week", "w tym tygodniu", "săptămâna asta".
_THIS_WEEK = {("this", "week"), ("tym", "tygodniu"), ("ten", "tydzien"), ("saptamana", "asta"),
              ("saptamana", "aceasta")}
# Pairs meaning "this morning".
_THIS_MORNING = {("this", "morning")}

# Which day word wins when several appear: the most specific.
_DAY_PRIORITY = {
    **{code: 0 for code in WEEKDAYS}, "tomorrow": 1, "today": 2, "weekend": 3, "weekdays": 4, "this_week": 5, "any": 6,
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
        if (previous, word) in _THIS_WEEK or (index + 1 < len(words) and (word, words[index + 1]) in _THIS_WEEK):
            found_day = "this_week"
        if (previous, word) in _THIS_MORNING:
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
    return When(day=day, part=part, recurring=recurring)


def dates_covered(when: When, anchor: date, horizon_days: int = 14) -> frozenset[date] | None:
    """The local dates a post means, counted from the day it was posted; None means any day."""
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
    "this_week": N_("this week"), "weekend": N_("at the weekend"), "weekdays": N_("on weekdays"),
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


def describe(when: When) -> Msg:
    if when.day == "any":
        return msg(_PART_ALONE[when.part]) if when.part != "any" else msg(_DAY_LABELS["any"])
    day = msg(_EVERY_LABELS[when.day] if when.recurring and when.day in _EVERY_LABELS else _DAY_LABELS[when.day])
    if when.part == "any":
        return day
    return msg(DAY_AND_PART, day=day, part=msg(_PART_AFTER_DAY[when.part]))


# Choices offered in the guided flow, in the order shown.
GUIDED_WHEN_CHOICES: tuple[When, ...] = (
    When("today"), When("tomorrow"), When("this_week"), When("any"),
)


def encode(when: When) -> str:
    """Compact form for button payloads and storage: 'tue.morning.r'."""
    return f"{when.day}.{when.part}" + (".r" if when.recurring else "")


def decode(code: str) -> When | None:
    parts = code.split(".")
    if len(parts) not in (2, 3) or parts[0] not in _DAY_PRIORITY or parts[1] not in ("any", *_PART_ALONE):
        return None
    if len(parts) == 3 and parts[2] != "r":
        return None
    return When(parts[0], parts[1], len(parts) == 3)
