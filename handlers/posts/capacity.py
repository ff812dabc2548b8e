"""How much an offer can take on, read from the neighbour's own words: "up to twice a week",
"once a fortnight", "3 times a month", "one morning a week", "dwa razy w tygodniu", "de două ori pe
săptămână". No stated limit means no limit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from handlers.kernel.wording import tokens

_COUNTS = {
    "once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7,
    "raz": 1, "jeden": 1, "jedna": 1, "jedno": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4,  # "dwa razy w tygodniu"
    "o": 1, "un": 1, "una": 1, "doua": 2, "trei": 3, "patru": 4, "cinci": 5,  # "de două ori pe săptămână"
}
_ON_ITS_OWN = {"once", "twice", "thrice", "raz"}  # a count that needs no "times" after it
_TIMES_WORDS = {"times", "time", "x", "razy", "ori", "data"}
_SPAN_WORDS = {
    "day", "days", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
    "dzien", "dni", "poranek", "poranki", "popoludnie", "popoludnia", "wieczor", "wieczory",
    "zi", "zile", "dimineata", "dupa", "amiaza", "seara", "seri",
}
_PER_WORDS = {"a", "an", "per", "each", "every", "w", "na", "pe"}
_PERIODS = {
    "day": 1, "week": 7, "fortnight": 14, "month": 30,
    "dzien": 1, "tydzien": 7, "tygodniu": 7, "miesiac": 30, "miesiacu": 30,
    "zi": 1, "saptamana": 7, "luna": 30,
}
_PERIOD_ADVERBS = {
    "daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 30,
    "dziennie": 1, "tygodniowo": 7, "miesiecznie": 30, "zilnic": 1, "saptamanal": 7, "lunar": 30,
}
_DIGITS_TIMES = re.compile(r"^(\d{1,2})x?$")
_MOST_TIMES = 50


@dataclass(frozen=True)
class Capacity:
    times: int
    per_days: int

    @property
    def period(self) -> timedelta:
        return timedelta(days=self.per_days)


def _count(word: str) -> int | None:
    if word in _COUNTS:
        return _COUNTS[word]
    match = _DIGITS_TIMES.match(word)
    if match and 0 < int(match.group(1)) <= _MOST_TIMES:
        return int(match.group(1))
    return None


def _period_at(words: list[str], index: int) -> int | None:
    """The period in days starting at `index` ("a week", "per fortnight", "weekly"), if any."""
    if index < len(words) and words[index] in _PERIOD_ADVERBS:
        return _PERIOD_ADVERBS[words[index]]
    if index + 1 < len(words) and words[index] in _PER_WORDS and words[index + 1] in _PERIODS:
        return _PERIODS[words[index + 1]]
    return None


def parse_capacity(text: str) -> Capacity | None:
    words = tokens(text)
    for index, word in enumerate(words):
        count = _count(word)
        if count is None:
            continue
        after = index + 1
        while after < len(words) and (words[after] in _TIMES_WORDS or words[after] in _SPAN_WORDS):
            after += 1
        days = _period_at(words, after)
        if days is not None and (after > index + 1 or word in _ON_ITS_OWN or word.endswith("x")):
            return Capacity(count, days)
    return None
