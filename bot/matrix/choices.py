"""Choices without buttons: each choice gets a reaction key (👍 on a card, ✅ / ❌ for yes and no,
1️⃣ 2️⃣ 3️⃣ … otherwise), and a reaction or a typed reply is matched back to the choice it means."""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from handlers.checkins import texts as checkins_texts
from handlers.kernel import texts
from handlers.kernel.messages import Choice
from handlers.organisers import texts as organisers_texts
from handlers.posts import texts as posts_texts
from storage.repositories.matrix_prompts import Prompt, PromptChoice

KEYCAPS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")
THUMBS_UP, YES, NO = "👍", "✅", "❌"

# The reaction that reads naturally for a button, by the button's message key. Anything not listed
# (new buttons included) is numbered by its place in the message.
KEY_FOR_LABEL = {
    posts_texts.BUTTON_CAN_HELP: THUMBS_UP,
    posts_texts.BUTTON_YES_PLEASE: THUMBS_UP,
    posts_texts.BUTTON_YES_SHARE: YES,
    posts_texts.BUTTON_YES_RELAY: "💬",
    texts.BUTTON_NOT_THIS_TIME: NO,
    posts_texts.BUTTON_KEEP_OPEN: YES,
    posts_texts.BUTTON_CLOSE_IT: NO,
    posts_texts.BUTTON_DONE: YES,
    posts_texts.BUTTON_CANT_MAKE_IT: NO,
    posts_texts.BUTTON_WITHDRAW: "🗑️",
    texts.BUTTON_CANCEL: NO,
    texts.BUTTON_OPEN_PRIVATE: "💬",
    # Check-ins: one tap for someone who may not be at ease with chat apps, so the usual reactions.
    checkins_texts.BUTTON_ALL_GOOD: THUMBS_UP,
    checkins_texts.BUTTON_FANCY_A_CHAT: "☕",
    checkins_texts.BUTTON_COULD_USE_A_HAND: "🤝",
    checkins_texts.BUTTON_NOT_TODAY: NO,
    checkins_texts.BUTTON_HAPPY_TO: YES,
    checkins_texts.BUTTON_ILL_CHECK: "🏃",
    checkins_texts.BUTTON_THEYRE_FINE: "💛",
    # Organisers' hellos.
    organisers_texts.BUTTON_SAY_HELLO: "👋",
    organisers_texts.BUTTON_NO_MORE_HELLOS: "🔕",
}
# Typed answers that mean the ✅ / ❌ / 👍 choice.
_YES_WORDS = {"yes", "y", "yep", "yeah", "ok", "okay", "sure", "please", "yes please", "tak", "da"}
_NO_WORDS = {"no", "n", "nope", "nie", "nu"}
# Reactions that clients send in a slightly different form from the one seeded.
_SAME_KEY = {"✔": YES, "☑": YES, "❎": NO, "✖": NO}
_SKIN_TONES = {chr(code) for code in range(0x1F3FB, 0x1F400)}
_VARIATION_SELECTORS = {"\ufe0e", "\ufe0f"}
_REPLY_FALLBACK = re.compile(r"^(?:>[^\n]*\n)+\n?", re.MULTILINE)
MAX_TYPED_ANSWER = 60  # longer text is a message, not a choice


def assign_keys(choices: Sequence[Choice]) -> list[str | None]:
    """One distinct reaction per choice, in order; a choice past 🔟 can only be typed (by number)."""
    keys: list[str | None] = []
    for position, choice in enumerate(choices):
        wanted = KEY_FOR_LABEL.get(choice.label.key)
        if wanted is None or wanted in keys:
            wanted = KEYCAPS[position] if position < len(KEYCAPS) else None
        keys.append(wanted)
    return keys


def normalise_key(key: str) -> str:
    """A reaction as sent, made comparable: no variation selectors or skin tones."""
    plain = "".join(ch for ch in key.strip() if ch not in _VARIATION_SELECTORS and ch not in _SKIN_TONES)
    return _SAME_KEY.get(plain, plain)


def words_of(label: str) -> str:
    """A label as a typed answer would look: lower case, no emoji, no punctuation."""
    kept = []
    for ch in unicodedata.normalize("NFKC", label):
        category = unicodedata.category(ch)
        if category.startswith(("L", "N")):
            kept.append(ch)
        elif category.startswith("Z") or ch in "'’-":
            kept.append(" " if category.startswith("Z") else "")
    return " ".join("".join(kept).casefold().split())


def without_reply_fallback(body: str) -> str:
    """A reply's own words, without the quoted message older clients put in front."""
    return _REPLY_FALLBACK.sub("", body, count=1) if body.startswith(">") else body


def match_reaction(prompt: Prompt, key: str) -> PromptChoice | None:
    wanted = normalise_key(key)
    for choice in prompt.choices:
        if choice.key is not None and normalise_key(choice.key) == wanted:
            return choice
    return None


def match_reply(prompt: Prompt, text: str) -> PromptChoice | None:
    """The choice a short typed answer means: its number, its words, its reaction, or yes / no."""
    text = text.strip()
    if not text or len(text) > MAX_TYPED_ANSWER:
        return None
    if (by_reaction := match_reaction(prompt, text)) is not None:
        return by_reaction
    words = words_of(text)
    if words.isdigit():
        position = int(words) - 1
        return prompt.choices[position] if 0 <= position < len(prompt.choices) else None
    for choice in prompt.choices:
        if words and words == choice.words:
            return choice
    meaning = YES if words in _YES_WORDS else NO if words in _NO_WORDS else None
    if meaning is None:
        return None
    keyed = [c for c in prompt.choices if c.key is not None and normalise_key(c.key) == meaning]
    if not keyed and meaning == YES and len(prompt.choices) == 1 and prompt.choices[0].key == THUMBS_UP:
        keyed = list(prompt.choices)
    return keyed[0] if keyed else None


def prompt_choices(choices: Sequence[Choice], keys: Sequence[str | None], labels: Sequence[str]) -> tuple[PromptChoice, ...]:
    return tuple(
        PromptChoice(key, choice.payload, choice.opens_private, words_of(label))
        for choice, key, label in zip(choices, keys, labels)
    )
