"""The Telegram adapter's own sentences: what a new neighbour sees of the bot before pressing Start
(bot/telegram/description.py sets them). Translated in the catalogues under locales/ like the core's."""

from __future__ import annotations

from handlers.kernel.texts import N_

# The bot's description, in the empty chat before Start (at most 512 characters in every language).
DESCRIPTION = N_(
    "Hello! I'm Doorstep, a kind neighbour in your street's group chat. When you could use a hand — "
    "shopping, a prescription, walking the dog, a lift — ask, and I'll find a neighbour nearby who can "
    "help. Happy to do something for others? Offer it. I can also send you a gentle hello each day, if "
    "you'd like someone to notice when you go quiet. No sign-up, no forms, and I keep almost nothing "
    "about you. Press Start to see how."
)
# The short description, on the bot's profile and when it is shared (at most 120 characters).
SHORT_DESCRIPTION = N_("A kind neighbour in your street's group chat: asks, offers and gentle check-ins.")
