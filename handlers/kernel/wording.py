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


def one_letter_off(typed: str, word: str) -> bool:
    """The same word, or (for words of five letters or more) one letter off: added, dropped, changed or
    two swapped — the typos a thumb makes ("prescripton", "shoping", "recieve")."""
    if typed == word:
        return True
    if min(len(typed), len(word)) < 5 or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        different = [i for i, (a, b) in enumerate(zip(typed, word)) if a != b]
        return len(different) == 1 or (
            len(different) == 2 and different[1] == different[0] + 1
            and typed[different[0]] == word[different[1]] and typed[different[1]] == word[different[0]]
        )
    shorter, longer = sorted((typed, word), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


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
