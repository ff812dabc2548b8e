"""Telegram's side of rendering: HTML escaping, mentions, inline keyboards, deep links, where a
sentence starts, and keeping a message within Telegram's length limit."""

from __future__ import annotations

import html
import logging
import re
from typing import Callable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.kernel.messages import Choice, Msg

log = logging.getLogger(__name__)

MAX_MESSAGE = 4096  # characters after entities are parsed (Telegram counts UTF-16 code units)
MAX_ANSWER = 200  # a callback answer's text
MAX_CALLBACK_DATA = 64  # bytes
MAX_START_PARAMETER = 64


def escape(text: str) -> str:
    """Text shown as-is in a message sent with parse_mode HTML."""
    return html.escape(text, quote=False)


def mention(user_id: str, name: str) -> str:
    """A name that opens the person's profile; works without a username."""
    return f'<a href="tg://user?id={int(user_id)}">{escape(name)}</a>'


_SENTENCE_BREAK = re.compile(r"[.!?…:]\s|\n")


def starts_sentence(before: str, *, tagged: bool) -> bool:
    """Whether a word following `before` (HTML if `tagged`) starts a sentence: since the last full
    stop, colon or line break there is nothing but emoji, spaces and punctuation ("🙋 " yes, "You and " no)."""
    if tagged:
        before = html.unescape(_TAG.sub("", before))
    return not any(char.isalnum() for char in _SENTENCE_BREAK.split(before)[-1])


# --- Deep links: a start parameter may only hold A-Z, a-z, 0-9, "_" and "-". ---

_START_ESCAPES = {"_": "_u", ":": "_c", ".": "_d"}
_START_UNESCAPES = {code: char for char, code in _START_ESCAPES.items()}
_START_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_START_ESCAPE = re.compile(r"_[ucd]")


def encode_start(payload: str) -> str | None:
    """A choice's payload as a start parameter ("ok:12" -> "ok_c12"); None if it can't be one."""
    encoded = "".join(_START_ESCAPES.get(char, char) for char in payload)
    return encoded if _START_PARAMETER.match(encoded) else None


def decode_start(parameter: str) -> str:
    return _START_ESCAPE.sub(lambda found: _START_UNESCAPES[found.group()], parameter)


def deep_link(bot_username: str, payload: str) -> str | None:
    parameter = encode_start(payload)
    return f"https://t.me/{bot_username}?start={parameter}" if parameter and bot_username else None


# --- Inline keyboards ---


def _per_row(longest_label: int) -> int:
    """Short labels share a row; long ones get a row each so phones don't cut them off."""
    if longest_label <= 8:
        return 4
    if longest_label <= 16:
        return 2
    return 1


def keyboard(
    choices: Sequence[Choice], label: Callable[[Msg], str], bot_username: str,
) -> InlineKeyboardMarkup | None:
    """Choices as inline buttons: callback buttons, or links that open a private chat with the bot.
    A choice Telegram can't carry is left out and logged (it is a bug, not something to send).
    "Share my location" choices are not inline buttons (see keyboards.py) and are left out here."""
    buttons: list[tuple[str, InlineKeyboardButton]] = []
    for choice in choices:
        if choice.asks_location:
            continue
        text = label(choice.label)
        if choice.opens_private:
            url = deep_link(bot_username, choice.payload)
            if url is None:
                log.error("choice can't be a deep link code=%s", choice.payload.split(":")[0])
                continue
            buttons.append((text, InlineKeyboardButton(text, url=url)))
        elif 0 < len(choice.payload.encode()) <= MAX_CALLBACK_DATA:
            buttons.append((text, InlineKeyboardButton(text, callback_data=choice.payload)))
        else:
            log.error("choice payload too long for Telegram code=%s bytes=%d",
                      choice.payload.split(":")[0], len(choice.payload.encode()))
    if not buttons:
        return None
    rows: list[list[InlineKeyboardButton]] = []
    row: list[tuple[str, InlineKeyboardButton]] = []
    for text, button in buttons:
        longest = max([len(text)] + [len(other) for other, _ in row])
        if row and len(row) >= _per_row(longest):
            rows.append([b for _, b in row])
            row = []
        row.append((text, button))
    rows.append([b for _, b in row])
    return InlineKeyboardMarkup(rows)


# --- Length ---

# One piece of a line: a whole mention, an entity, or a single character.
_ATOM = re.compile(r"<a\s[^>]*>.*?</a>|&#?\w+;|.", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def visible_length(text_html: str) -> int:
    """How long Telegram considers a message: its text without tags, in UTF-16 code units."""
    return len(html.unescape(_TAG.sub("", text_html)).encode("utf-16-le")) // 2


def split_message(text_html: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Pieces that each fit in one message, cut between lines where possible and never inside a
    tag, an entity or a mention. Our HTML never spans lines, so every piece stays valid."""
    if visible_length(text_html) <= limit:
        return [text_html]
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text_html.split("\n"):
        length = visible_length(line) + (1 if current else 0)
        if size + length <= limit:
            current.append(line)
            size += length
            continue
        if current:
            pieces.append("\n".join(current))
        current, size = [], 0
        if visible_length(line) <= limit:
            current, size = [line], visible_length(line)
            continue
        chunk, chunk_size = "", 0
        for atom in _ATOM.findall(line):
            atom_size = visible_length(atom)
            if chunk_size + atom_size > limit:
                pieces.append(chunk)
                chunk, chunk_size = "", 0
            chunk += atom
            chunk_size += atom_size
        current, size = [chunk], chunk_size
    if current and any(current):
        pieces.append("\n".join(current))
    return [piece for piece in pieces if piece.strip()]



def split_plain(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """`split_message` for text sent without markup."""
    return [html.unescape(piece) for piece in split_message(escape(text), limit)]
