"""Every sentence Doorstep says, in plain English. Each is a gettext message id: translations live
in catalogues, and `N_` only marks a string for extraction.

Voice: plain, warm, short; one idea per message; emoji sparingly, as signposts.
"""

from handlers.kernel.messages import PluralText


def N_(text: str) -> str:
    """Mark a message for the catalogue without translating it here."""
    return text


def NP_(singular: str, plural: str, count: str) -> PluralText:
    """Mark a sentence with plural forms; `count` names the parameter holding the number."""
    return PluralText(singular, plural, count)


# Help and greetings

# Help and greetings
NOT_UNDERSTOOD = N_("I'm not sure what you mean — /help shows what I can do.")
SOMETHING_WENT_WRONG = N_("Sorry, something went wrong on my side. Nothing was changed — please try again in a moment.")

# Checking what people type
NO_WORDS = N_("I couldn't quite read that — could you say it in a few words?")
CONTROL_CHARACTERS = N_("Some invisible characters crept into that — could you type it again?")

# Guided posting
CHOOSE_STREET = N_("Which street is this for?")
NO_STREET_YET = N_("I don't know your street yet — say /board in your street's group first, then come back here.")
BUTTON_CANCEL = N_("Never mind")

# Cards: a few short lines, put together in handlers.cards
CARD_CLOSED_HEAD = N_("This one has closed — thank you, everyone. 💛")
A_NEIGHBOUR = N_("A neighbour")

# Responding
POST_NOT_OPEN = N_("That one's already sorted or closed — thank you all the same. 💛")
POST_NOT_FOUND = N_("I can't find that one — it may have closed.")
BUTTON_NOT_THIS_TIME = N_("Not this time")

# Reaching people privately
OPEN_PRIVATE_CHAT = N_("{who}, I've a message for you — tap below to open a private chat with me.")
BUTTON_OPEN_PRIVATE = N_("💬 Open a private chat")
PRIVATE_ONLY = N_("Let's do that in private — tap below.")
GROUP_ONLY = N_("That one works in your street's group.")

# Buttons pressed at the wrong time or by the wrong person
NOT_FOR_YOU = N_("That button is for someone else — nothing changed.")
BUTTON_EXPIRED = N_("That button has expired — nothing changed.")
ALREADY_DONE = N_("Already done 🙂")

# Typed answers to the bot's own question (handlers/kernel/typed_answers.py)
ANSWER_UNCLEAR = N_("Sorry, I didn't catch which one you meant — tap one, or type its number:")
QUESTION_EXPIRED = N_("That question has expired — here it is again:")
ADDRESSED = N_("{who}: {text}")

# Telegram
SOMEONE = N_("a neighbour")  # someone mentioned whose name the platform can't tell us

# Check-ins: the hello and its answers
CHAT_ASK_BODY = N_("Would anyone fancy a chat? ☕")

# Check-ins: buddies
BUDDY_CHECKINS_STOPPED = N_("{person} has stopped their check-ins — thank you for being their buddy. 💛")

# --- Privacy: your data, forgetting you, the short notice, gentle limits -------------------------
TOO_MANY_MESSAGES = N_(
    "That's a lot of messages in a short while — I'll take a breather, and read yours again within the hour. 💛"
)
