"""Small helpers for reading what neighbours type: tokens for matching, and checks on free text."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ALLOWED_CONTROLS = {"\n", "\t", "\r"}


def fold(text: str) -> str:
    """Lower-case and drop accents, so "Cumpărături" and "cumparaturi" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class TextProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_WORDS = "no_words"
    CONTROL_CHARACTERS = "control_characters"


def tidy(text: str) -> str:
    """Collapse runs of spaces and trim; keep single line breaks a neighbour typed."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(line for line in lines if line)


def check_post_text(text: str, max_length: int) -> TextProblem | None:
    """Why this text can't become a card, or None if it can."""
    if any(unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS for ch in text):
        return TextProblem.CONTROL_CHARACTERS
    cleaned = tidy(text)
    if not cleaned:
        return TextProblem.EMPTY
    if len(cleaned) > max_length:
        return TextProblem.TOO_LONG
    letters = sum(1 for ch in cleaned if ch.isalnum())
    if letters < 3:
        return TextProblem.NO_WORDS
    return None


def shorten(text: str, limit: int) -> str:
    """One line, at most `limit` characters, cut at a word where possible."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-") + "…"
