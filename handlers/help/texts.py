"""Sentences of /start, /help and /language.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_

# Help and greetings
HELP_GROUP = N_(
    "👋 I help neighbours lend each other a hand.\n"
    "/ask — ask for a hand, e.g. /ask could someone pick up milk tomorrow?\n"
    "/offer — offer something, e.g. /offer I can walk a dog on weekday mornings\n"
    "/board — what's open on the street\n"
    "Message me privately for /mine, or to ask without your name showing."
)
HELP_PRIVATE = N_(
    "👋 Here's what I can do:\n"
    "/ask — ask your street for a hand (it's shown as from “a neighbour”)\n"
    "/offer — offer something to your street\n"
    "/mine — your open asks and offers\n"
    "/board — what's open on your street\n"
    "/checkin — a gentle hello from me each day, if you'd like one"
)
WELCOME_PRIVATE = N_(
    "Hello! 👋 I'm Doorstep — I help neighbours lend each other a hand. "
    "I'll message you here when someone answers your ask or offer. /help shows the rest."
)
UNKNOWN_COMMAND = N_("I don't know “{command}”, sorry — /help shows what I can do.")

# Command menu descriptions
ABOUT_HELP = N_("What I can do")

# Languages
CHOOSE_LANGUAGE = N_("Which language shall I use with you?")
CHOOSE_STREET_LANGUAGE = N_("Which language shall I use in this group?")
LANGUAGE_CHOSEN = N_("Lovely — I'll speak English with you from now on.")
STREET_LANGUAGE_CHOSEN = N_("Done — I'll use English in this group from now on.")
STREET_LANGUAGE_IS_FOR_ORGANISERS = N_(
    "The group's language is up to its organisers — you can choose your own with /language in a private chat with me."
)
ABOUT_LANGUAGE = N_("Choose the language I use with you")

# ---------------------------------------------------------------------------------------------
HELP_ORGANISERS = N_(
    "🧰 For organisers (I answer privately):\n"
    "/quiet — who hasn't been around lately, to say hello\n"
    "/remind — a reminder in the group, e.g. /remind every thursday 19:00 Blue bin out tonight\n"
    "/reminders — the street's reminders: pause or delete\n"
    "/digest — a weekly summary of the street, counts only\n"
    "/remove, /pause — take a post down, or pause someone's posting (reply to their card, or pick from a list)\n"
    "/settings — how long posts stay up, quiet hours, time zone, language, the hello, the group's link\n"
    "/leaflet, /poster — a leaflet to print for doors that aren't in the chat, and a poster of what's on offer"
)
