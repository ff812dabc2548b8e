"""The words neighbours use for days of the week, in each language Doorstep reads.

Every word is compared folded (lower case, no accents: see `handlers.wording.fold`); Polish "ł"
survives folding, so each word with it is also accepted spelt with a plain "l", as people often
type it. Add a language by adding its seven days here.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.kernel.wording import fold


@dataclass(frozen=True)
class DayNames:
    names: tuple[str, ...]  # "monday", "mon", "poniedziałek": that day
    every: tuple[str, ...] = ()  # "mondays", "poniedziałki", "lunea": that day, every week
    in_lists: tuple[str, ...] = ()  # short forms that are also everyday words ("mie"): only in a list of days


WEEK: dict[str, tuple[DayNames, ...]] = {
    "en": (
        DayNames(("monday", "mon"), ("mondays",)),
        DayNames(("tuesday", "tue", "tues"), ("tuesdays",)),
        DayNames(("wednesday", "wed", "weds"), ("wednesdays",)),
        DayNames(("thursday", "thu", "thur", "thurs"), ("thursdays",)),
        DayNames(("friday", "fri"), ("fridays",)),
        DayNames(("saturday", "sat"), ("saturdays",)),
        DayNames(("sunday", "sun"), ("sundays",)),
    ),
    # "w środę" (on Wednesday) folds to "srode", "w środy" (on Wednesdays) to "srody"; "w niedzielę"
    # and "w niedziele" (on Sundays) fold alike, so that one is read as a single Sunday.
    "pl": (
        DayNames(("poniedziałek", "poniedziałku", "pon", "pn"), ("poniedziałki",)),
        DayNames(("wtorek", "wtorku", "wt"), ("wtorki",)),
        DayNames(("środa", "środę", "śr"), ("środy",)),
        DayNames(("czwartek", "czwartku", "czw"), ("czwartki",)),
        DayNames(("piątek", "piątku", "pt"), ("piątki",)),
        DayNames(("sobota", "sobotę", "sob"), ("soboty",)),
        DayNames(("niedziela", "niedzielę", "niedzieli", "niedz", "ndz", "nd")),
    ),
    # The article makes a day recurring: "joi" is Thursday, "joia" is Thursdays. Saturday and
    # Sunday look the same either way once accents are folded, so they are read as single days.
    "ro": (
        DayNames(("luni",), ("lunea",), ("lun",)),
        DayNames(("marți",), ("marțea",), ("mar",)),
        DayNames(("miercuri",), ("miercurea",), ("mie",)),
        DayNames(("joi",), ("joia",)),
        DayNames(("vineri",), ("vinerea",), ("vin",)),
        DayNames(("sâmbătă",), (), ("sâm",)),
        DayNames(("duminică",), (), ("dum",)),
    ),
}

def spellings(word: str) -> tuple[str, ...]:
    """The folded word, and the same with "ł" typed as "l"."""
    folded = fold(word)
    plain = folded.replace("ł", "l")
    return (folded,) if plain == folded else (folded, plain)


def lookup(*, every: bool, in_lists: bool) -> dict[str, tuple[int, bool]]:
    """Folded word -> (weekday, Monday = 0; whether it means every week)."""
    table: dict[str, tuple[int, bool]] = {}
    for week in WEEK.values():
        for number, day in enumerate(week):
            groups = [(day.names, False)]
            if every:
                groups.append((day.every, True))
            if in_lists:
                groups.append((day.in_lists, False))
            for words, recurring in groups:
                for word in words:
                    for spelling in spellings(word):
                        table.setdefault(spelling, (number, recurring))
    return table
