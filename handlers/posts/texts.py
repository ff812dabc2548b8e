"""Sentences of offers and asks: posting, answering, the board, cards, expiry, recurring posts.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_, NP_

# Checking what people type
TOO_LONG = N_("That's a bit long for a card — could you say it in a sentence or two (under {limit} characters)?")

# Guided posting
ASK_WHAT = N_("What could you use a hand with? Tap one — or write it after /ask, like “/ask could someone pick up milk tomorrow?”")
OFFER_WHAT = N_("What would you like to offer? Tap one — or write it after /offer, like “/offer I can walk a dog on weekday mornings”.")
ASK_WHEN = N_("And when?")
FLOW_CANCELLED = N_("No problem — nothing posted.")

# Cards: a few short lines, put together in handlers.cards
CARD_ASK_HEAD = N_("🙋 {who} could use a hand")
CARD_OFFER_HEAD = N_("🎁 {who} is offering")
CARD_DETAILS = N_("{category} · {when}")
CARD_WORDS = N_("“{body}”")
CARD_WAITING = N_("💛 Someone has offered — waiting for a yes.")
CARD_SORTED_HEAD = N_("✅ Sorted")
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
CONFIRM_HELPER = N_("🙋 {helper} can help with your ask: {subject}\nShall I put you in touch?")
CONFIRM_TAKER = N_("🙏 {taker} would like your offer: {subject}\nShall I put you in touch?")
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

# Expiry
KEEP_OPEN_QUESTION = NP_(
    "Your post {subject} has been up for {days} day. Keep it open?",
    "Your post {subject} has been up for {days} days. Keep it open?", "days",
)
DAY_PASSED_QUESTION = N_("Your post {subject} was for {day}, which has passed. Is it still needed?")
BUTTON_STILL_NEEDED = N_("Yes, still needed")
BUTTON_NOT_NEEDED = N_("No, close it")
BUTTON_KEEP_OPEN = N_("Keep it open")
BUTTON_CLOSE_IT = N_("Close it")
KEPT_OPEN = NP_("Keeping it open for another {days} day.", "Keeping it open for another {days} days.", "days")
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
BOARD_MORE = NP_("…and {count} more.", "…and {count} more.", "count")
BUTTON_HELP_NUMBER = N_("🙋 {number}")
BUTTON_TAKE_NUMBER = N_("🙏 {number}")
MINE_EMPTY = N_("You've nothing open right now. /ask or /offer whenever you like.")
MINE_ASK = N_("🙋 Your ask on {street} · {status}")
MINE_OFFER = N_("🎁 Your offer on {street} · {status}")
MINE_IN_TOUCH = N_("🤝 You're in touch about this on {street}")
STATUS_OPEN = N_("open")
STATUS_MATCHED = N_("sorted")

# Buttons pressed at the wrong time or by the wrong person
OFFER_HANDED_BACK_FOR_TAKER = N_("{helper} can't make it after all, sorry. /ask whenever you'd still like a hand.")

# Command menu descriptions
ABOUT_ASK = N_("Ask your street for a hand")
ABOUT_OFFER = N_("Offer something to your street")
ABOUT_BOARD = N_("What's open on the street")
ABOUT_MINE = N_("Your open asks and offers")

# Asks for a neighbour who isn't online
CARD_PROXY_HEAD = N_("🙋 {who} is asking for a neighbour who isn't online")
PROXY_HINT = N_(
    "Thank you for asking on their behalf. 💛 Whoever helps will arrange it with you. "
    "Please keep addresses and health details off the card — share those privately with the helper. "
    "If you'd like to change the words, take it down and ask again."
)
PROXY_HOW = N_(
    "Write what they could use a hand with after it, like “/ask for a neighbour: could someone pick up a few things "
    "from the shop on Thursday?” — no names, addresses or health details, please. You'll arrange it with the helper."
)

# Moderation
POSTING_PAUSED = N_(
    "Posting on {street} through me is paused for you until {until} — the street's organisers decided that. "
    "If you'd like to talk it over, have a word with them. 💛"
)

# Widening the circle
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

# --- Privacy: your data, forgetting you, the short notice, gentle limits -------------------------
TOO_MANY_POSTS = NP_(
    "You've put up {count} post on {street} in the last hour — could you wait a little before the next one? "
    "It keeps the board easy to read for everyone. 💛",
    "You've put up {count} posts on {street} in the last hour — could you wait a little before the next one? "
    "It keeps the board easy to read for everyone. 💛",
    "count",
)
SAME_POST_UP = N_("You've already got that up on {street}, and it's still open — /mine shows your posts.")
