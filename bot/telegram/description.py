"""What a new neighbour sees first on Telegram, before pressing Start: the bot's description (in the
empty chat) and its short description (on its profile, and when someone shares it). Both are set on
start, in the operator's language for everyone and in each language Doorstep speaks for people whose
app is set to it — and only where Telegram doesn't already show the same words, so a restart makes
no needless calls."""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from telegram import Bot

from bot.telegram.sending import GaveUp, Refused, Sender
from bot.telegram.texts import DESCRIPTION, SHORT_DESCRIPTION
from handlers.kernel.messages import msg
from handlers.kernel.render import Translate, render

log = logging.getLogger(__name__)

MAX_DESCRIPTION = 512  # Telegram's limits, in characters
MAX_SHORT_DESCRIPTION = 120


async def describe_bot(bot: Bot, sender: Sender, translate: Translate, default_locale: str,
                       locales: tuple[str, ...]) -> int:
    """Set the description and short description where they differ; returns how many were set."""
    languages: list[tuple[str, str | None]] = [(default_locale, None), *((lang, lang) for lang in locales)]
    changed = 0
    for locale, app_language in languages:
        description = render(msg(DESCRIPTION), locale, translate=translate)[:MAX_DESCRIPTION]
        short = render(msg(SHORT_DESCRIPTION), locale, translate=translate)[:MAX_SHORT_DESCRIPTION]
        changed += await _set_if_changed(
            sender, "description", app_language, description,
            lambda a=app_language: bot.get_my_description(language_code=a),
            lambda text, a=app_language: bot.set_my_description(text, language_code=a),
            lambda answer: answer.description,
        )
        changed += await _set_if_changed(
            sender, "short description", app_language, short,
            lambda a=app_language: bot.get_my_short_description(language_code=a),
            lambda text, a=app_language: bot.set_my_short_description(text, language_code=a),
            lambda answer: answer.short_description,
        )
    return changed


async def _set_if_changed(
    sender: Sender, what: str, app_language: str | None, text: str,
    get: Callable[[], Awaitable[object]], set_: Callable[[str], Awaitable[bool]], shown: Callable[[object], str],
) -> int:
    method = "MyShortDescription" if what == "short description" else "MyDescription"
    try:
        current = shown(await sender.quick(f"get{method}", get))
        if current == text:
            return 0
        await sender.quick(f"set{method}", lambda: set_(text))
    except (Refused, GaveUp):
        log.warning("bot description not set which=%s language=%s", method, app_language or "any")
        return 0
    log.info("bot description set which=%s language=%s", method, app_language or "any")
    return 1
