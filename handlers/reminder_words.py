"""Reading a reminder the way organisers say it: "every thursday 19:00 Blue bin out tonight",
"every other tuesday at 7pm Green bin", "every monday and thursday 8:30 Recycling",
"every weekday 8am …", "daily 9:00 …", "fortnightly on friday 18:00 …"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from handlers.local_time import parse_clock
from handlers.wording import fold

ALL_DAYS = frozenset(range(7))
_DAY_WORDS: dict[str, frozenset[int]] = {
    "day": ALL_DAYS, "days": ALL_DAYS,
    "weekday": frozenset(range(5)), "weekdays": frozenset(range(5)),
    "weekend": frozenset({5, 6}), "weekends": frozenset({5, 6}),
}
for _number, _names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed", "weds"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)):
    for _name in _names:
        _DAY_WORDS[_name] = frozenset({_number})
    _DAY_WORDS[_names[0] + "s"] = frozenset({_number})
_JOINERS = {"and", "&", ","}
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

    if at(0) in ("every", "each"):
        index = 1
        if at(1) in ("other", "alternate", "second"):
            index, every_weeks = 2, 2
        elif at(1) == "2" and at(2) in ("weeks", "week"):
            index, every_weeks = 3, 2
    elif at(0) == "daily":
        index, days = 1, ALL_DAYS
    elif at(0) == "fortnightly":
        index, every_weeks = 1, 2
    else:
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
    if at(index) == "at":
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
