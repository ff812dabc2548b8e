"""Hypothesis strategies for button payloads: well-formed values of any kind, and strings that are
almost one (a field missing or extra, one changed, the code changed, cut short, padded out)."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import get_type_hints

from hypothesis import strategies as st

from handlers.kernel.payloads import Payload

# Small numbers are ids of records a test street has; big ones are ids of nothing.
NUMBERS = st.integers(0, 40) | st.integers(0, 10**18 - 1)
# Words some kinds look for (a time, a menu item, a language, a "when"), and anything else that fits.
WORDS = st.sampled_from(
    ["0900", "1730", "ask", "offer", "lang", "dday", "dtime", "digest", "tz", "en", "pl", "7", "30",
     "done", "3", "daily", "days", "once", "buddy", "keep", "org", "none", "shopping", "chat", "today",
     "tomorrow.morning", "abcdefghjk"]
) | st.from_regex(r"[A-Za-z0-9_.\-]{1,40}", fullmatch=True)
FIELD_TEXT = st.from_regex(r"[A-Za-z0-9_.\-]{1,12}", fullmatch=True)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)


def _field_values(hint: object) -> st.SearchStrategy:
    if hint is int:
        return NUMBERS
    if hint is str:
        return WORDS
    assert isinstance(hint, type) and issubclass(hint, StrEnum), hint
    return st.sampled_from(list(hint))


@st.composite
def payloads_of(draw: st.DrawFn, kind: type[Payload]) -> Payload:
    """A well-formed value of `kind` (kinds that check their values get ones they accept)."""
    hints = get_type_hints(kind)
    fields = dataclasses.fields(kind)  # type: ignore[arg-type]
    for _ in range(20):
        values = {field.name: draw(_field_values(hints[field.name])) for field in fields}
        try:
            return kind(**values)
        except ValueError:
            continue
    return draw(st.nothing())


@st.composite
def almost(draw: st.DrawFn, packed: str) -> str:
    """`packed`, changed in one of the ways a forged or stale button might be."""
    code, *fields = packed.split(":")
    change = draw(st.sampled_from(["drop", "extra", "field", "code", "cut", "pad", "noise", "anything"]))
    if change == "drop" and fields:
        fields.pop(draw(st.integers(0, len(fields) - 1)))
    elif change == "extra":
        fields.insert(draw(st.integers(0, len(fields))), draw(FIELD_TEXT))
    elif change == "field" and fields:
        fields[draw(st.integers(0, len(fields) - 1))] = draw(FIELD_TEXT | ANY_TEXT)
    elif change == "code":
        code = draw(st.from_regex(r"[a-z]{1,3}", fullmatch=True) | ANY_TEXT)
    elif change == "cut":
        return packed[: draw(st.integers(0, max(0, len(packed) - 1)))]
    elif change == "pad":
        return packed + ":" + "9" * draw(st.integers(1, 70))
    elif change == "noise":
        at = draw(st.integers(0, len(packed)))
        return packed[:at] + draw(ANY_TEXT) + packed[at:]
    elif change == "anything":
        return draw(ANY_TEXT)
    return ":".join([code, *fields])
