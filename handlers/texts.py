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
# Street organisers: quiet neighbours and hellos, unmet asks, the weekly summary, reminders,
# moderation, street settings, and asks made for a neighbour who isn't online.
# ---------------------------------------------------------------------------------------------
FOR_ORGANISERS = N_("That one's for the street's organisers. 💛 /help shows what you can do.")
HELP_ORGANISERS = N_(
    "🧰 For organisers (I answer privately):\n"
    "/quiet — who hasn't been around lately, to say hello\n"
    "/remind — a reminder in the group, e.g. /remind every thursday 19:00 Blue bin out tonight\n"
    "/reminders — the street's reminders: pause or delete\n"
    "/digest — a weekly summary of the street, counts only\n"
    "/remove, /pause — take a post down, or pause someone's posting (reply to their card, or pick from a list)\n"
    "/settings — how long posts stay up, quiet hours, time zone, language, the hello"
)
ABOUT_QUIET = N_("Who hasn't been around lately")
ABOUT_REMIND = N_("Add a reminder for the group")
ABOUT_REMINDERS = N_("The street's reminders")
ABOUT_DIGEST = N_("A weekly summary of the street")
ABOUT_REMOVE = N_("Take a post down")
ABOUT_PAUSE = N_("Pause someone's posting for a while")
ABOUT_SETTINGS = N_("The street's settings")

# Days, months and lists, as said in sentences
MONDAY = N_("Monday")
TUESDAY = N_("Tuesday")
WEDNESDAY = N_("Wednesday")
THURSDAY = N_("Thursday")
FRIDAY = N_("Friday")
SATURDAY = N_("Saturday")
SUNDAY = N_("Sunday")
JANUARY = N_("January")
FEBRUARY = N_("February")
MARCH = N_("March")
APRIL = N_("April")
MAY = N_("May")
JUNE = N_("June")
JULY = N_("July")
AUGUST = N_("August")
SEPTEMBER = N_("September")
OCTOBER = N_("October")
NOVEMBER = N_("November")
DECEMBER = N_("December")
DAY_OF_MONTH = N_("{day} {month}")
TWO_THINGS = N_("{first} and {second}")
LIST_OF_THINGS = N_("{first}, {rest}")
FOR_HOURS = N_("{count} hours")
FOR_DAYS = N_("{count} days")

# Quiet neighbours and hellos
QUIET_HEADER = N_("🌙 On {street}, these neighbours haven't been around for {days} days or more:")
QUIET_NOBODY = N_("Everyone on {street} has been around in the last {days} days. 💛")
QUIET_LINE = N_("{who} — last active here {days} days ago")
QUIET_MORE = N_("…and {count} more.")
QUIET_NO_HELLOS = N_("They'd rather not get hellos.")
QUIET_HAD_HELLO = N_("👋 Had a hello from the street recently.")
BUTTON_SAY_HELLO = N_("👋 Say hello")
HELLO = N_(
    "👋 Hello from everyone on {street}! We haven't seen you around for a little while and just wanted to say "
    "hello — we hope you're keeping well. If you ever need a hand, or fancy lending one, just say /ask or /offer. 💛"
)
HELLO_OWN = N_("👋 A hello from {street}:\n{text}")
HELLO_IN_GROUP = N_("👋 {who}, hello from everyone on {street}! We haven't seen you for a while — hope you're keeping well. 💛")
HELLO_IN_GROUP_OWN = N_("👋 {who}: {text}")
BUTTON_NO_MORE_HELLOS = N_("🔕 No more hellos")
NO_MORE_HELLOS = N_("Okay — no more hellos from me. 💛 If you change your mind, tap below.")
BUTTON_HELLOS_WELCOME = N_("👋 Hellos are welcome")
HELLOS_WELCOME = N_("Lovely — hellos are welcome again. 💛")
HELLO_ON_ITS_WAY = N_("👋 Saying hello…")
HELLO_SENT = N_("👋 I've said hello to {who} for the street.")
HELLO_UNREACHABLE = N_(
    "I couldn't reach {who} privately — they haven't opened a chat with me. "
    "Shall I say a friendly hello to them in the group instead?"
)
BUTTON_MENTION_IN_GROUP = N_("👋 Say hello in the group")
HELLO_FAILED = N_("The hello to {who} didn't go through, sorry — please try again a little later.")
HELLO_MENTIONED = N_("👋 Done — I've said hello to {who} in {street}'s group.")
HELLO_NOT_IN_STREET = N_("They're not in the street's group any more, so no hello this time.")
HELLO_NOT_WANTED = N_("They'd rather not get hellos — thank you for thinking of them. 💛")
HELLO_TOO_SOON = N_("They had a hello from the street recently — let's give it a little while.")

# Asks nobody has taken
UNMET_ALERT = N_("⏳ Nobody has taken this ask on {street} yet — it's been up {time}:")
BUTTON_REPOST = N_("🔁 Re-post it in the group")
REPOSTED = N_("🔁 Re-posted in the group.")
ALREADY_REPOSTED = N_("It's already been re-posted — thank you.")

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

# The weekly summary
DIGEST_OFFER = N_("📊 I can send you a weekly summary of {street}: new neighbours, asks and offers — just counts, with a small chart. When would suit you?")
DIGEST_IS_ON = N_("📊 You get {street}'s weekly summary {when}.")
EVERY_DAY_AT = N_("every {day} at {time}")
BUTTON_DIGEST_OTHER_TIME = N_("Another day or time")
BUTTON_DIGEST_NOW = N_("📊 Show last week now")
BUTTON_STOP_DIGEST = N_("Stop the weekly summary")
DIGEST_WHICH_DAY = N_("Which day?")
DIGEST_WHAT_TIME = N_("And what time? (the street's time)")
DIGEST_STARTED = N_("✅ I'll send you {street}'s summary {when}. One tap on “Stop” under any of them stops it.")
DIGEST_STOPPED = N_("Stopped — no more weekly summaries of {street}.")
DIGEST_ENDED_NOT_ORGANISER = N_("You're no longer an organiser of {street}, so I've stopped its weekly summary. Thank you for all you did. 💛")
DIGEST_HEAD = N_("📊 {street} — the week of {week}:")
DIGEST_NEW_NEIGHBOURS = N_("🆕 New neighbours: {count}")
DIGEST_ASKS = N_("🙋 Asks: {count}")
DIGEST_ASKS_MET = N_("🤝 Asks met: {count}")
DIGEST_ASKS_UNMET = N_("⏳ Asks nobody took within {hours} hours: {count}")
DIGEST_OFFERS = N_("🎁 Offers: {count}")
DIGEST_CHECKINS = N_("☕ Check-ins answered: {count}")
CHART_TITLE = N_("{street}: the last {weeks} weeks")
CHART_ASKS = N_("Asks")
CHART_ASKS_MET = N_("Asks met")
CHART_ASKS_UNMET = N_("Asks unmet")
CHART_OFFERS = N_("Offers")
CHART_NEW_NEIGHBOURS = N_("New neighbours")
CHART_CHECKINS = N_("Check-ins answered")

# Street reminders
REMIND_EXAMPLE = N_(
    "I didn't quite catch that — say when, then what to post, like this:\n"
    "/remind every thursday 19:00 Blue bin out tonight\n"
    "(every day, every weekday, every other tuesday, every monday and thursday… and a time like 19:00 or 7pm)"
)
REMINDER_ADDED = N_("🔔 Done — I'll post “{text}” in {street}'s group {when}. The first one is on {first}. /reminders lists them.")
REMINDERS_FULL = N_("{street} already has {count} reminders — that's plenty. /reminders lets you delete one first.")
REMINDERS_NONE = N_("{street} has no reminders yet. Add one like this: /remind every thursday 19:00 Blue bin out tonight")
REMINDERS_HEADER = N_("🔔 Reminders on {street}:")
REMINDER_LINE = N_("{when}: “{text}”")
REMINDER_PAUSED_LINE = N_("⏸ Paused — {when}: “{text}”")
REMINDER_POST = N_("🔔 {text}")
REMIND_EVERY = N_("every {days} at {time}")
REMIND_EVERY_OTHER = N_("every other {days} at {time}")
REMIND_EVERY_DAY = N_("every day at {time}")
REMIND_EVERY_WEEKDAY = N_("every weekday at {time}")
DAY_AND_TIME = N_("{day} at {time}")
BUTTON_PAUSE_REMINDER = N_("⏸ Pause")
BUTTON_RESUME_REMINDER = N_("▶️ Resume")
BUTTON_DELETE_REMINDER = N_("🗑 Delete")
REMINDER_PAUSED = N_("⏸ Paused: “{text}”. Resume it from /reminders whenever you like.")
REMINDER_RESUMED = N_("▶️ Back on: “{text}” — next on {next}.")
REMINDER_DELETED = N_("🗑 Deleted: “{text}”.")
REMINDER_GONE = N_("That reminder has already been deleted.")

# Moderation
NOT_A_CARD = N_("That isn't one of my cards — reply to a card, or say it on its own to pick from a list.")
MODERATE_HEADER = N_("Open posts on {street} — take one down, or pause its author's posting for a while:")
MODERATE_NOTHING = N_("Nothing is open on {street} right now.")
BUTTON_TAKE_DOWN = N_("🗑 Take it down")
BUTTON_PAUSE_AUTHOR = N_("⏸ Pause its author")
TAKEN_DOWN_BY_ORGANISER = N_("🗑 Taken down: {subject}. I've let its author know, kindly.")
TAKEN_DOWN_FOR_AUTHOR = N_(
    "The organisers of {street} have taken down your post {subject}. "
    "If you'd like to talk it over, have a word with them — thank you for understanding. 💛"
)
PAUSE_HOW_LONG = N_("Pause posting through me for the author of {subject}, for…")
BUTTON_PAUSE_DAY = N_("A day")
BUTTON_PAUSE_WEEK = N_("A week")
BUTTON_PAUSE_MONTH = N_("A month")
PAUSED_AUTHOR = N_("⏸ The author of {subject} can't post on {street} through me until {until}.")
BUTTON_LIFT_PAUSE = N_("Lift the pause")
PAUSED_FOR_AUTHOR = N_(
    "The organisers of {street} have paused your posting there through me until {until}. "
    "You can still answer others' posts. If you'd like to talk it over, have a word with them. 💛"
)
PAUSE_LIFTED = N_("The pause is lifted — they can post on {street} again.")
PAUSE_LIFTED_FOR_AUTHOR = N_("You can post on {street} through me again. 💛")
PAUSE_NOT_IN_STREET = N_("They're not in the street's group any more, so there's nothing to pause.")
PAUSE_NOT_YOURSELF = N_("That's your own post — no need to pause yourself. 🙂")
POSTING_PAUSED = N_(
    "Posting on {street} through me is paused for you until {until} — the street's organisers decided that. "
    "If you'd like to talk it over, have a word with them. 💛"
)

# Street settings
SETTINGS_HEADER = N_("⚙️ Settings for {street}:")
SETTINGS_SAVED = N_("✅ Saved.")
SETTING_ASK_DAYS = N_("Asks stay up: {days} days")
SETTING_OFFER_DAYS = N_("Offers stay up: {days} days")
SETTING_QUIET_HOURS = N_("Quiet hours: {start}–{end}")
SETTING_NO_QUIET_HOURS = N_("Quiet hours: none")
SETTING_TIME_ZONE = N_("Time zone: {zone}")
SETTING_LANGUAGE = N_("Language: {language}")
SETTING_HELLO_USUAL = N_("Hello to quiet neighbours: the usual one")
SETTING_HELLO_OWN = N_("Hello to quiet neighbours: “{text}”")
SETTING_DIGEST = N_("Weekly summary, usually: {when}")
BUTTON_SETTING_ASKS = N_("Asks")
BUTTON_SETTING_OFFERS = N_("Offers")
BUTTON_SETTING_QUIET_HOURS = N_("Quiet hours")
BUTTON_SETTING_TIME_ZONE = N_("Time zone")
BUTTON_SETTING_LANGUAGE = N_("Language")
BUTTON_SETTING_HELLO = N_("Hello text")
BUTTON_SETTING_DIGEST = N_("Weekly summary")
BUTTON_DAYS = N_("{count} days")
BUTTON_BACK_TO_USUAL = N_("Back to the usual")
ASK_DAYS_QUESTION = N_("How long should asks stay up before I check with their author?")
OFFER_DAYS_QUESTION = N_("How long should offers stay up before I check with their author?")
QUIET_HOURS_QUESTION = N_(
    "When should I keep quiet (nothing sent on my own)? Type it like 21:00-08:00 — or the same time twice for none."
)
TIME_ZONE_QUESTION = N_("Which time zone is the street in? Type it like Europe/London or Europe/Warsaw.")
LANGUAGE_QUESTION = N_("Which language should I use in the group?")
HELLO_QUESTION = N_(
    "Write the hello I send to quiet neighbours on the street's behalf — a few friendly sentences. "
    "Or tap below for the usual one."
)
DIGEST_DAY_QUESTION = N_("Which day should the weekly summary usually come?")
DIGEST_TIME_QUESTION = N_("And at what time, usually?")
QUIET_HOURS_NOT_READ = N_("I couldn't read that — type the quiet hours like 21:00-08:00.")
TIME_ZONE_NOT_READ = N_("I don't know that time zone — try one like Europe/London, Europe/Warsaw or America/New_York.")
HELLO_NOT_READ = N_("Could you write it as a few friendly sentences, under {limit} characters?")
SETTING_UNCHANGED = N_("No change.")
