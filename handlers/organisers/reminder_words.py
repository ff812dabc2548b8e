"""Reading a reminder the way organisers say it: "every thursday 19:00 Blue bin out tonight",
"every other tuesday at 7pm Green bin", "every monday and thursday 8:30 Recycling",
"every weekday 8am …", "daily 9:00 …", "fortnightly on friday 18:00 …" — and the same in Polish
("co czwartek 19:00 …", "co drugi wtorek o 19:00 …", "w dni powszednie 8:00 …", "codziennie 21:00 …")
and Romanian ("în fiecare joi 19:00 …", "joia la 19:00 …", "o dată la două săptămâni, marți, 18:00 …",
"zilnic 21:00 …")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from handlers.kernel.wording import fold
from handlers.street.day_names import lookup
from handlers.street.local_time import parse_clock

ALL_DAYS = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})
_DAY_WORDS: dict[str, frozenset[int]] = {
    "day": ALL_DAYS, "days": ALL_DAYS, "weekday": WEEKDAYS, "weekdays": WEEKDAYS, "weekend": WEEKEND, "weekends": WEEKEND,
    "dzien": ALL_DAYS, "powszedni": WEEKDAYS, "powszednie": WEEKDAYS, "roboczy": WEEKDAYS, "robocze": WEEKDAYS,
    "weekendy": WEEKEND, "zi": ALL_DAYS, "lucratoare": WEEKDAYS, "weekendul": WEEKEND,
    **{word: frozenset({number}) for word, (number, _) in lookup(every=True, in_lists=True).items()},
}
_JOINERS = {"and", "&", ",", "i", "oraz", "w", "we", "dni", "si", "in", "zilele"}
_AT_WORDS = {"at", "o", "godz", "godzinie", "la", "ora"}
# How a line may start, and how many weeks apart that makes it (None: every day). Longest first.
_LEADS: tuple[tuple[tuple[str, ...], int | None], ...] = tuple(sorted((
    (("every",), 1), (("each",), 1), (("every", "other"), 2), (("every", "alternate"), 2), (("every", "second"), 2),
    (("every", "2", "weeks"), 2), (("every", "2", "week"), 2), (("fortnightly",), 2), (("daily",), None),
    (("co",), 1), (("co", "tydzien"), 1), (("w", "kazdy"), 1), (("w", "kazda"), 1), (("kazdy",), 1), (("kazda",), 1), (("w",), 1), (("we",), 1),
    (("co", "drugi"), 2), (("co", "druga"), 2), (("co", "dwa", "tygodnie"), 2), (("co", "2", "tygodnie"), 2),
    (("codziennie",), None),
    (("in",), 1), (("in", "fiecare"), 1), (("la", "fiecare"), 1), (("fiecare",), 1), (("o", "data", "la", "doua", "saptamani"), 2),
    (("la", "doua", "saptamani"), 2), (("la", "fiecare", "doua", "saptamani"), 2), (("o", "data", "la", "2", "saptamani"), 2),
    (("din", "doua", "in", "doua", "saptamani"), 2), (("zilnic",), None),
), key=lambda lead: -len(lead[0])))
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = ",;:.-–—"


@dataclass(frozen=True)
class Schedule:
    days: frozenset[int]  # Monday = 0
    every_weeks: int  # 1 or 2
    at: time


def parse_reminder(text: str) -> tuple[Schedule, str] | None:
    """(when, what to post), or None if the line doesn't say when."""
    spans = list(_TOKEN.finditer(text))
    words = [fold(span.group()).strip(_EDGE_PUNCTUATION) for span in spans]
    index, every_weeks, days = 0, 1, frozenset[int]()

    def at(position: int) -> str:
        return words[position] if position < len(words) else ""

    for lead, weeks in _LEADS:
        if tuple(words[: len(lead)]) == lead:
            index = len(lead)
            if weeks is None:
                days = ALL_DAYS
            else:
                every_weeks = weeks
            break
    else:
        if at(0) not in _DAY_WORDS:  # "joia 19:00 …", "thursday 19:00 …" say when by the day alone
            return None
    if at(index) == "on":
        index += 1
    while index < len(words):
        word = words[index]
        if word in _DAY_WORDS:
            days |= _DAY_WORDS[word]
        elif not (word in _JOINERS or word == ""):  # a lone "," is left empty by the trimming
            break
        index += 1
    if not days or (every_weeks == 2 and len(days) != 1):
        return None
    while at(index) in _AT_WORDS:
        index += 1
    if at(index + 1) in ("am", "pm"):  # "7:30 pm"
        clock = parse_clock(at(index) + at(index + 1))
        index += 1
    else:
        clock = parse_clock(at(index))
    if clock is None:
        return None
    index += 1
    if index >= len(spans):
        return None
    body = text[spans[index].start():].strip().lstrip(_EDGE_PUNCTUATION).strip()
    return (Schedule(days, every_weeks, clock), body) if body else None
