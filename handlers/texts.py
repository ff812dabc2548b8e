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


# --- Nearby: rough places, matching across nearby streets, widening, recurring posts, talking through the bot ---
# Distances are only ever words like these: never metres, never a direction.
ABOUT_MINUTES_WALK = N_("about {minutes} minutes' walk")
WHERE_ON_YOUR_STREET = N_("📍 On your street")
WHERE_NEARBY = N_("📍 {street}, {walk}")

# A neighbour's own rough location
LOCATION_UNREADABLE = N_("I couldn't read that location — could you share the pin again?")
LOCATION_IN_GROUP = N_("Thanks — but locations are best shared with me privately, not in the group. Tap below.")
LOCATION_SAVED = N_(
    "📍 Thanks! I'll use a rough area around there — about a city block — to find neighbours near you. "
    "The pin itself isn't kept."
)
LOCATION_NONE = N_(
    "I don't have a location for you, so I match you with your street's group. To be matched with "
    "neighbours nearer you, share a location pin with me here — I keep only a rough area (about a city "
    "block), never the pin."
)
LOCATION_HAVE = N_("📍 I have a rough area for you (about a city block), used only to find neighbours near you.")
LOCATION_FORGOTTEN = N_("Done — I've forgotten your location. 💛")
LOCATION_NOTHING_TO_FORGET = N_("I don't have a location for you — nothing to forget.")
BUTTON_FORGET_LOCATION = N_("🗑 Forget my location")

# A street's area and how far its asks reach (organisers)
ORGANISERS_ONLY = N_("Only the street's organisers can change that.")
AREA_SHARE_PIN = N_(
    "📍 {who}, share a location pin for {street} with me privately — anywhere along the street will do. "
    "I'll keep only a rough area (about a city block), never the pin."
)
AREA_MOVE_PIN = N_(
    "📍 {who}, {street} already has a rough area. To move it, share a new location pin with me privately; "
    "/area clear removes it."
)
AREA_SHARE_PIN_HERE = N_("📍 Share a location pin here for {street} — anywhere along the street will do.")
AREA_SET = N_("Thanks! {street}'s area is set. The pin itself isn't kept.")
AREA_SET_FOR_STREET = N_("📍 {street} now has a rough area, so asks can reach neighbours within {walk}.")
AREA_CLEARED = N_("{street}'s area is removed — the group itself is the neighbourhood again.")
AREA_NONE = N_("{street} has no area yet, so the group itself is the neighbourhood.")
AREA_NOT_WAITING = N_("I wasn't expecting a street's pin — say /area in your street's group first.")
RADIUS_NOW = N_("Asks on {street} reach neighbours within {walk}. Organisers can change that:")
RADIUS_SET = N_("Done — asks on {street} now reach neighbours within {walk}.")
BUTTON_RADIUS = N_("🚶 {walk}")

# Widening the circle
WIDEN_QUESTION = N_(
    "Nobody has taken {subject} yet. Shall I show it in nearby streets' groups too ({streets})? "
    "It will say “a neighbour on {street}”, without your name."
)
BUTTON_WIDEN_YES = N_("📣 Yes, show it nearby")
BUTTON_WIDEN_NO = N_("No thanks")
WIDENED = N_("Done — it's showing on {streets} too. I'll tell you when someone answers.")
WIDEN_DECLINED = N_("Okay — it stays on {street} only.")
NOTHING_NEARBY = N_("There are no other streets near enough to show it to, sorry.")
NEARBY_CARD_HEAD = N_("🙋 A neighbour on {street} could use a hand")

# Recurring asks and offers
RECURRING_KEEP_QUESTION = N_("🔁 {subject} comes round {when}. Shall I ask you first next time?")
BUTTON_ASK_ME_FIRST = N_("🔁 Yes, ask me first")
BUTTON_JUST_THIS_ONCE = N_("Just this once")
KEEPING_YOU_FIRST = N_("Lovely — you'll hear first next time. 💛")
NOT_KEEPING = N_("No problem — thank you for this time. 💛")
RECURRING_AGAIN_HELPER = N_("🔁 {subject} is on again — {when}. You said you'd like to keep it: can you help this time?")
RECURRING_AGAIN_TAKER = N_("🔁 {subject} is on again — {when}. You said you'd like to keep it: would you like it this time?")
RECURRING_PAUSED = N_("Nobody could take {subject} the last two times, so I've paused it. Post it again whenever you like. 💛")

# Consent-based contact: share a username, or talk through the bot
CONTACT_CHOICE = N_("You can share your username with them, or talk through me and keep it private.")
BUTTON_YES_SHARE = N_("✅ Yes please — share my username")
BUTTON_YES_RELAY = N_("💬 Yes please — talk through Doorstep")
RELAY_STARTED_AUTHOR = N_(
    "💬 You and {other} are in touch about {subject} through me. Write here and I'll pass it on — "
    "your username stays private."
)
RELAY_STARTED_RESPONDER = N_("🤝 Your neighbour said yes to {subject}! They'd like to talk through me: write here and I'll pass it on.")
RELAYED = N_("💬 About {subject}:\n“{text}”")
BUTTON_REPLY = N_("↩️ Reply")
BUTTON_END_CHAT = N_("🔚 End chat")
RELAY_REPLY_HERE = N_("Go ahead — what you write next goes to them.")
RELAY_WAITING = N_("They haven't opened a chat with me yet — I'll pass it on as soon as they do.")
RELAY_FAILED = N_("Sorry, I couldn't pass that on just now — could you try again in a little while?")
RELAY_TOO_LONG = N_("That's a bit long — could you send it in shorter messages (under {limit} characters each)?")
RELAY_ENDED = N_("The chat about {subject} has ended. Thank you! 💛")
NO_CHAT_TO_END = N_("You're not talking to anyone through me right now.")

# Command menu descriptions
ABOUT_AREA = N_("Set your street's rough area (organisers)")
ABOUT_RADIUS = N_("How far your street's asks reach")
ABOUT_LOCATION = N_("Your rough location, to be matched nearby")
ABOUT_FORGET_LOCATION = N_("Forget your location")
ABOUT_END_CHAT = N_("Stop talking through me")
