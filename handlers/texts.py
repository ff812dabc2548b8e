"""Every sentence Doorstep says, in plain English. Each is a gettext message id: translations live
in catalogues, and `N_` only marks a string for extraction.

Voice: plain, warm, short; one idea per message; emoji sparingly, as signposts.
"""


def N_(text: str) -> str:
    """Mark a message for the catalogue without translating it here."""
    return text


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
    "/board — what's open on your street"
)
WELCOME_PRIVATE = N_(
    "Hello! 👋 I'm Doorstep — I help neighbours lend each other a hand. "
    "I'll message you here when someone answers your ask or offer. /help shows the rest."
)
UNKNOWN_COMMAND = N_("I don't know “{command}”, sorry — /help shows what I can do.")
NOT_UNDERSTOOD = N_("I'm not sure what you mean — /help shows what I can do.")
SOMETHING_WENT_WRONG = N_("Sorry, something went wrong on my side. Nothing was changed — please try again in a moment.")

# Checking what people type
TOO_LONG = N_("That's a bit long for a card — could you say it in a sentence or two (under {limit} characters)?")
NO_WORDS = N_("I couldn't quite read that — could you say it in a few words?")
CONTROL_CHARACTERS = N_("Some invisible characters crept into that — could you type it again?")

# Guided posting
ASK_WHAT = N_("What could you use a hand with? Tap one — or write it after /ask, like “/ask could someone pick up milk tomorrow?”")
OFFER_WHAT = N_("What would you like to offer? Tap one — or write it after /offer, like “/offer I can walk a dog on weekday mornings”.")
ASK_WHEN = N_("And when?")
CHOOSE_STREET = N_("Which street is this for?")
NO_STREET_YET = N_("I don't know your street yet — say /board in your street's group first, then come back here.")
FLOW_CANCELLED = N_("No problem — nothing posted.")
BUTTON_CANCEL = N_("Never mind")

# Cards: a few short lines, put together in handlers.cards
CARD_ASK_HEAD = N_("🙋 {who} could use a hand")
CARD_OFFER_HEAD = N_("🎁 {who} is offering")
CARD_DETAILS = N_("{category} · {when}")
CARD_WORDS = N_("“{body}”")
CARD_WAITING = N_("💛 Someone has offered — waiting for a yes.")
CARD_SORTED_HEAD = N_("✅ Sorted")
CARD_CLOSED_HEAD = N_("This one has closed — thank you, everyone. 💛")
A_NEIGHBOUR = N_("A neighbour")
BUTTON_CAN_HELP = N_("🙋 I can help")
BUTTON_YES_PLEASE = N_("🙏 Yes please")
POSTED_ANONYMOUSLY = N_(
    "Posted on {street} as from “a neighbour”. I'll tell you here when someone answers — "
    "your name is only shared with the person you say yes to."
)

# Responding
THANKS_FOR_OFFERING = N_("Thank you! 💛 I've let them know — I'll tell you when they say yes.")
THANKS_FOR_ASKING = N_("Lovely — I've let them know. I'll tell you when they say yes.")
OWN_POST = N_("That's your own post 🙂")
ALREADY_RESPONDED = N_("You've already said — they'll confirm soon. 💛")
POST_NOT_OPEN = N_("That one's already sorted or closed — thank you all the same. 💛")
POST_NOT_FOUND = N_("I can't find that one — it may have closed.")
CONFIRM_HELPER = N_("🙋 {helper} can help with your ask: {subject}\nShall I put you in touch?")
CONFIRM_TAKER = N_("🙏 {taker} would like your offer: {subject}\nShall I put you in touch?")
BUTTON_YES_PUT_IN_TOUCH = N_("✅ Yes please")
BUTTON_NOT_THIS_TIME = N_("Not this time")
IN_TOUCH_AUTHOR = N_("🤝 You and {other} are in touch about {subject}. Send them a message to sort out the details.")
IN_TOUCH_RESPONDER = N_("🤝 {other} said yes! Send them a message to sort out {subject}.")
DECLINED_FOR_RESPONDER = N_("Thank you for answering {subject} — it's covered this time. 💛")
SOMEONE_ELSE_CHOSEN = N_("Thank you for answering {subject} — someone else is sorting it this time. 💛")
NOTED_NOT_THIS_TIME = N_("Okay — I've thanked them. Your post stays open.")
BUTTON_DONE = N_("✅ Done")
BUTTON_WITHDRAW = N_("Take it down")
BUTTON_CANT_MAKE_IT = N_("😕 I can't make it")
MARKED_DONE = N_("Lovely — marked as done. Thank you! 💛")
DONE_FOR_OTHER = N_("✅ {subject} is marked as done. Thank you! 💛")
WITHDRAWN = N_("Taken down — nothing else to do.")
WITHDRAWN_FOR_RESPONDER = N_("{subject} has been taken down — no need to do anything. Thank you for answering. 💛")
HANDED_BACK = N_("No problem at all — thanks for letting me know. I'll find someone else.")
HANDED_BACK_FOR_AUTHOR = N_("{helper} can't make it after all — no worries, {subject} is open again and I'm letting neighbours know.")

# Matching within the street
ASK_FITS_YOUR_OFFER = N_("🔔 A neighbour could use a hand, and it fits what you offered:")


# Expiry
KEEP_OPEN_QUESTION = N_("Your post {subject} has been up for {days} days. Keep it open?")
BUTTON_KEEP_OPEN = N_("Keep it open")
BUTTON_CLOSE_IT = N_("Close it")
KEPT_OPEN = N_("Keeping it open for another {days} days.")
CLOSED_BY_AUTHOR = N_("Closed. Thank you! 💛")

# Giving back, gently
GIVE_BACK_INVITATION = N_(
    "So glad that worked out. 💛 If you ever fancy doing something for others — a chat, a recipe, "
    "a bit of gardening — just tell me with /offer. No pressure at all."
)

# Board and my posts
BOARD_HEADER = N_("📋 Open on {street}:")
BOARD_EMPTY = N_("Nothing open on the board right now. /ask or /offer to start something.")
BOARD_ASK_LINE = N_("{number}. 🙋 {subject} · {when}")
BOARD_OFFER_LINE = N_("{number}. 🎁 {subject} · {when}")
BOARD_MORE = N_("…and {count} more.")
BUTTON_HELP_NUMBER = N_("🙋 {number}")
BUTTON_TAKE_NUMBER = N_("🙏 {number}")
MINE_EMPTY = N_("You've nothing open right now. /ask or /offer whenever you like.")
MINE_ASK = N_("🙋 Your ask on {street} · {status}")
MINE_OFFER = N_("🎁 Your offer on {street} · {status}")
MINE_IN_TOUCH = N_("🤝 You're in touch about this on {street}")
STATUS_OPEN = N_("open")
STATUS_MATCHED = N_("sorted")
A_STREET = N_("your street")

# Reaching people privately
OPEN_PRIVATE_CHAT = N_("{who}, I've a message for you — tap below to open a private chat with me.")
BUTTON_OPEN_PRIVATE = N_("💬 Open a private chat")
PRIVATE_ONLY = N_("Let's do that in private — tap below.")
GROUP_ONLY = N_("That one works in your street's group.")

# Buttons pressed at the wrong time or by the wrong person
NOT_FOR_YOU = N_("That button is for someone else — nothing changed.")
BUTTON_EXPIRED = N_("That button has expired — nothing changed.")
ALREADY_DONE = N_("Already done 🙂")
OFFER_HANDED_BACK_FOR_TAKER = N_("{helper} can't make it after all, sorry. /ask whenever you'd still like a hand.")
ADDRESSED = N_("{who}: {text}")

# Command menu descriptions
ABOUT_ASK = N_("Ask your street for a hand")
ABOUT_OFFER = N_("Offer something to your street")
ABOUT_BOARD = N_("What's open on the street")
ABOUT_MINE = N_("Your open asks and offers")
ABOUT_HELP = N_("What I can do")


# --- Matrix ---------------------------------------------------------------------------------------
# Matrix has no buttons: the bot lists the choices, seeds them as reactions, and reads a reply too.
MATRIX_CHOOSE_BY_REACTION = N_("React with {keys} — or reply to this message with your choice.")
MATRIX_CHOOSE_BY_NUMBER = N_("React with a number — or reply to this message with it.")
MATRIX_PRIVATE_INVITE_SENT = N_(
    "{who}, I've invited you to a private chat with me — accept the invite and we'll carry on there."
)
MATRIX_COULD_NOT_DECRYPT = N_(
    "Sorry — your last message reached me encrypted in a way I can't read yet. Could you send it again?"
)
