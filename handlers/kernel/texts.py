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
KEEP_OPEN_QUESTION = NP_(
    "Your post {subject} has been up for {days} day. Keep it open?",
    "Your post {subject} has been up for {days} days. Keep it open?", "days",
)
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

# Telegram
SOMEONE = N_("a neighbour")  # someone mentioned whose name the platform can't tell us

# Gentle check-ins (handlers/checkins)
ABOUT_CHECKIN = N_("A gentle daily hello, if you'd like one")
CHECKIN_HOW_OFTEN = N_(
    "💛 A check-in is a short hello from me at a time you choose — one tap to answer. If you don't "
    "answer, I can quietly let someone you choose know. Never the group.\n\nHow often would you like one?"
)
BUTTON_EVERY_DAY = N_("Every day")
BUTTON_WEEKDAYS = N_("Weekdays")
BUTTON_CHOOSE_DAYS = N_("Choose days")
BUTTON_JUST_ONCE = N_("Just once")
CHECKIN_WHICH_DAYS = N_("Which days? Tap each one, then Done — or type them, like “Mon Wed Fri”.")
CHECKIN_DAYS_CHOSEN = N_("So far: {days}. Tap more, or Done.")
CHECKIN_PICK_A_DAY = N_("Pick at least one day first, then Done.")
BUTTON_DAY_CHOSEN = N_("✓ {day}")
BUTTON_DAYS_DONE = N_("Done")
CHECKIN_WHAT_TIME = N_("What time? Tap one — or type a time, like 9:30.")
CHECKIN_TIME_UNREAD = N_("I couldn't read that as a time — could you try something like 9:30 or 14:00?")
CHECKIN_TIME_QUIET = N_(
    "That's in the street's quiet hours ({quiet_from}–{quiet_until}), when I don't send anything. "
    "Could you choose a time between {quiet_until} and {quiet_from}?"
)
CHECKIN_DAYS_UNREAD = N_("I couldn't read those as days — tap them, or type them like “Mon Wed Fri”.")
CHECKIN_TAP_PLEASE = N_("Tap one of the buttons above — or /checkin to start again.")
CHECKIN_WHO = N_("If you don't answer, who should I let know? Privately — never the group.")
BUTTON_A_BUDDY = N_("🤝 A neighbour I choose")
BUTTON_KEEP_BUDDY = N_("🤝 {buddy}, as now")
BUTTON_ORGANISERS = N_("📣 The street's organisers")
BUTTON_NOBODY = N_("Nobody — just the hello")
CHECKIN_HOW_LONG = N_("And how long after the hello should I wait before telling them?")
CHECKIN_ONE_HOUR = N_("1 hour")
CHECKIN_HOURS = NP_("{hours} hour", "{hours} hours", "hours")
CHECKIN_MINUTES = NP_("{minutes} minute", "{minutes} minutes", "minutes")
CHECKIN_NO_STREET = N_("I don't know your street yet — say /board in your street's group first, then come back here.")
CHECKIN_WHICH_STREET = N_("Which street are you on, for quiet hours and organisers?")
CHECKIN_CANCELLED = N_("No problem — nothing set up.")

# Check-ins: how schedules are said
SCHEDULE_DAILY = N_("every day at {time}")
SCHEDULE_WEEKDAYS = N_("on weekdays at {time}")
SCHEDULE_DAYS = N_("on {days} at {time}")
SCHEDULE_ONCE = N_("just once, {day} at {time}")
CHECKIN_LIST_COMMA = N_("{first}, {second}")
CHECKIN_LIST_AND = N_("{first} and {second}")
CHECKIN_TODAY = N_("today")
CHECKIN_TOMORROW = N_("tomorrow")
CHECKIN_ON_DATE = N_("on {weekday} {day} {month}")
CHECKIN_DAY_AT = N_("{day} at {time}")

# Check-ins: the summary, and changing, pausing or stopping
CHECKIN_SET_UP = N_("✅ All set.")
CHECKIN_SUMMARY = N_("💛 Your check-in: {schedule}.")
CHECKIN_TELLS_BUDDY = N_("If you don't answer, I'll let {buddy} know after {delay} — never the group.")
CHECKIN_TELLS_BUDDY_SOON = N_(
    "If you don't answer, I'll let your buddy know after {delay}, once they've said yes. Until then, nobody is told."
)
CHECKIN_TELLS_ORGANISERS = N_("If you don't answer, I'll let the street's organisers know after {delay} — never the group.")
CHECKIN_TELLS_NOBODY = N_("If you don't answer, I'll send one gentle reminder and leave it there.")
CHECKIN_NEXT = N_("Next one: {when}.")
CHECKIN_NONE_LEFT = N_("There are none left to send — /checkin to set up another.")
CHECKIN_PAUSED_UNTIL_SAY = N_("⏸ Paused until you say.")
CHECKIN_PAUSED = N_("⏸ Paused — the next one is {when}.")
CHECKIN_BACK_ON = N_("▶️ Back on — the next one is {when}.")
CHECKIN_STOPPED = N_("🛑 Check-ins stopped, and I've forgotten them. /checkin any time to start again.")
BUTTON_CHANGE = N_("✏️ Change")
BUTTON_PAUSE_DAY = N_("⏸ Pause a day")
BUTTON_PAUSE_WEEK = N_("⏸ Pause a week")
BUTTON_PAUSE_UNTIL_SAY = N_("⏸ Pause until I say")
BUTTON_RESUME = N_("▶️ Start again")
BUTTON_STOP_CHECKINS = N_("🛑 Stop check-ins")
BUTTON_INVITE_AGAIN = N_("📨 Invite a buddy")
CHECKIN_NOT_FOUND = N_("I can't find that check-in — it may have been stopped. /checkin to set one up.")

# Check-ins: the hello and its answers
CHECKIN_HELLO = N_("👋 Hello {who} — just checking in. How are you today?\n(/checkin to change, pause or stop these.)")
CHECKIN_REMINDER = N_("💛 Just a gentle nudge — how are you doing today? One tap is plenty.")
BUTTON_ALL_GOOD = N_("👍 All good")
BUTTON_FANCY_A_CHAT = N_("☕ Fancy a chat")
BUTTON_COULD_USE_A_HAND = N_("🤝 Could use a hand")
BUTTON_NOT_TODAY = N_("Not today")
ANSWER_ALL_GOOD = N_("Lovely — glad to hear it. 💛")
ANSWER_NOT_TODAY = N_("That's fine — thanks for letting me know. Take care. 💛")
ANSWER_CHAT_TOLD_BUDDY = N_("I've let {buddy} know you'd enjoy a chat. ☕")
ANSWER_ALREADY = N_("You've already answered this one — thank you! 💛 /ask any time you could use a hand.")
CHAT_ASK_QUESTION = N_(
    "Shall I let neighbours who offered a chat know? It goes up on {street} as from “a neighbour” — "
    "your name is only shared with someone you say yes to."
)
CHAT_ASK_BODY = N_("Would anyone fancy a chat? ☕")
CHAT_ASK_ALREADY_UP = N_("Your chat ask is already up 🙂 — I'll tell you when someone answers.")
CHAT_ASK_NOT_NOW = N_("Okay — maybe another day. 💛")
BUTTON_YES_PLEASE_CHAT = N_("☕ Yes please")
BUTTON_NO_THANKS = N_("No thanks")
BUDDY_CHAT = N_("☕ {person} would enjoy a chat today — could you give them a ring or pop round?")
BUDDY_HAND = N_("🤝 {person} said they could use a hand today — you might like to get in touch.")

# Check-ins: no answer
BUDDY_NO_ANSWER = N_(
    "🔔 {person} hasn't answered their check-in from {time}. Could you check on them? "
    "If I don't hear from you in {delay}, I'll let the street's organisers know."
)
ORGANISERS_NO_ANSWER = N_(
    "🔔 {person}, a neighbour on {street}, hasn't answered their check-in from {time}, and nobody has said "
    "they're checking yet. Could someone check on them?"
)
BUTTON_ILL_CHECK = N_("🏃 I'll check on them")
BUTTON_THEYRE_FINE = N_("💛 They're fine, I know")
ACK_CHECKING = N_("Thank you 💛 — I won't bother anyone else about this one.")
ACK_FINE = N_("Good to know — thank you. 💛")
ACK_ALREADY = N_("Someone's already on it — thank you. 💛")
ACK_ANSWERED = N_("They've replied to me since — all's well. 💛")
ALL_CLEAR = N_("💛 Good news: {person} just replied to me — no need to check on them now.")
UNDELIVERED_TO_BUDDY = N_(
    "I couldn't get today's check-in through to {person} — they may have blocked me or left the chat. "
    "Might be worth a knock when you can."
)

# Check-ins: buddies
INVITE_HOW_TO = N_(
    "Now forward the next message to the neighbour you'd like as your buddy. They'll say yes or no "
    "privately. Until they do, nobody is told if you miss a check-in."
)
INVITE_CARD = N_(
    "🤝 {person} would like you as their check-in buddy: if they ever don't answer their check-in, I'll let "
    "you know privately. That's all. Tap below to say yes or no — or send me “/buddy {code}”."
)
BUTTON_OPEN_INVITE = N_("🤝 Open the invitation")
INVITE_QUESTION = N_(
    "🤝 {person} would like you as their check-in buddy: if they don't answer a check-in, I'll tell you "
    "privately so you can ring or knock. Nothing else, and never in the group. Will you?"
)
BUTTON_HAPPY_TO = N_("🤝 Yes, happy to")
BUDDY_YES_FOR_OWNER = N_("💛 {buddy} is your check-in buddy now.")
BUDDY_YES_THANKS = N_("Thank you! 💛 I'll only message you if {person} doesn't answer a check-in.")
BUDDY_NO_FOR_OWNER = N_(
    "{buddy} can't be your buddy this time — no worries at all. /checkin to invite someone else, or to choose "
    "the street's organisers."
)
BUDDY_NO_THANKS = N_("No problem at all — I've let them know, kindly.")
BUTTON_STOP_BEING_BUDDY = N_("Stop being their buddy")
BUDDY_STEPPED_DOWN_FOR_OWNER = N_("{buddy} can't be your check-in buddy any more. /checkin to invite someone else.")
BUDDY_STEPPED_DOWN = N_("Done — you're not their buddy any more. Thank you for being there. 💛")
BUDDY_NOT_NEEDED = N_("{person} has changed their check-ins, so you're not needed as their buddy now — thank you. 💛")
BUDDY_CHECKINS_STOPPED = N_("{person} has stopped their check-ins — thank you for being their buddy. 💛")
INVITE_OWN = N_("That's your own invitation 🙂 — forward it to the neighbour you'd like as your buddy.")
INVITE_NOT_FOUND = N_("I can't find that invitation — it may have expired or been replaced. Ask them to send a new one.")
INVITE_OTHER_APP = N_("That invitation is for someone on another chat app — ask them to invite you where you both are.")
INVITE_ALREADY_BUDDY = N_("You're already their buddy. 💛")
BUDDY_CODE_PLEASE = N_("Send me the code from the invitation, like “/buddy k7mq2-xwpz3”.")


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
FOR_HOURS = NP_("{count} hour", "{count} hours", "count")
FOR_DAYS = NP_("{count} day", "{count} days", "count")

# Quiet neighbours and hellos
QUIET_HEADER = NP_(
    "🌙 On {street}, these neighbours haven't been around for {days} day or more:",
    "🌙 On {street}, these neighbours haven't been around for {days} days or more:", "days",
)
QUIET_NOBODY = NP_(
    "Everyone on {street} has been around in the last {days} day. 💛",
    "Everyone on {street} has been around in the last {days} days. 💛", "days",
)
QUIET_LINE = NP_("{who} — last active here {days} day ago", "{who} — last active here {days} days ago", "days")
QUIET_MORE = NP_("…and {count} more.", "…and {count} more.", "count")
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
DIGEST_ASKS_UNMET = NP_(
    "⏳ Asks nobody took within {hours} hour: {count}", "⏳ Asks nobody took within {hours} hours: {count}", "hours",
)
DIGEST_OFFERS = N_("🎁 Offers: {count}")
DIGEST_CHECKINS = N_("☕ Check-ins answered: {count}")
CHART_TITLE = NP_("{street}: the last {weeks} week", "{street}: the last {weeks} weeks", "weeks")
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
REMINDERS_FULL = NP_(
    "{street} already has {count} reminder — that's plenty. /reminders lets you delete one first.",
    "{street} already has {count} reminders — that's plenty. /reminders lets you delete one first.", "count",
)
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
BUTTON_POSTING_PAUSE_DAY = N_("A day")
BUTTON_POSTING_PAUSE_WEEK = N_("A week")
BUTTON_POSTING_PAUSE_MONTH = N_("A month")
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
SETTING_ASK_DAYS = NP_("Asks stay up: {days} day", "Asks stay up: {days} days", "days")
SETTING_OFFER_DAYS = NP_("Offers stay up: {days} day", "Offers stay up: {days} days", "days")
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
BUTTON_DAYS = NP_("{count} day", "{count} days", "count")
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

# --- Nearby: rough places, matching across nearby streets, widening, recurring posts, talking through the bot ---
# Distances are only ever words like these: never metres, never a direction.
ABOUT_MINUTES_WALK = NP_("about {minutes} minute's walk", "about {minutes} minutes' walk", "minutes")
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
BUTTON_SHARE_LOCATION = N_("📍 Share my location")
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

# --- Privacy: your data, forgetting you, the short notice, gentle limits -------------------------
ABOUT_MY_DATA = N_("Everything I keep about you")
ABOUT_FORGET_ME = N_("Delete everything I keep about you")
ABOUT_PRIVACY = N_("What I keep, and for how long")
MY_DATA_HEAD = N_("🔎 Here's everything I keep about you:")
MY_DATA_ID = N_("• Your {platform} id, so I can message you: {user_id} (never your name, number or address)")
MY_DATA_LANGUAGE = N_("• The language I speak with you: {language}")
MY_DATA_STREETS = N_("• Streets you've been seen in, and when you were last active there: {count}")
MY_DATA_POSTS = NP_(
    "• Your asks and offers, in your words (kept {days} day after they close): {count}",
    "• Your asks and offers, in your words (kept {days} days after they close): {count}", "days",
)
MY_DATA_ANSWERS = N_("• Answers you gave to neighbours' asks and offers: {count}")
MY_DATA_TOLD = N_("• Asks and offers I told you about: {count}")
MY_DATA_FLOWS = N_("• Things you started and haven't finished yet: {count}")
MY_DATA_WAITING = N_("• Messages waiting for you to open a chat with me: {count}")
MY_DATA_CHECKIN = N_("• Your check-in: when it comes, and who hears if you don't answer")
MY_DATA_BUDDY = N_("• Check-ins you're the buddy for: {count}")
MY_DATA_HELLOS = N_("• Hellos your street sent you lately: {count}")
MY_DATA_SUMMARIES = N_("• Weekly summaries you get: {count}")
MY_DATA_AREA = N_("• Your rough area (one hexagon about a city block across — never the pin)")
MY_DATA_CHATS = N_("• Chats through me (who and which post, never the words): {count}")
MY_DATA_KEEPER = N_("• Recurring asks and offers you'd like to hear about first: {count}")
MY_DATA_OTHER = N_("• {what}: {count}")
MY_DATA_FOOT = N_(
    "Everything, in full, is in the file below. /forgetme deletes it all, and /privacy says why each part is kept."
)
FORGET_QUESTION = N_(
    "🗑️ Shall I forget you? I'll delete everything I keep about you: your asks and offers (their cards will "
    "say they've closed), your answers, your check-in and any buddy roles, your rough area and your place on "
    "your streets. It can't be undone — but you're welcome back any time, as a new neighbour."
)
BUTTON_FORGET_ME = N_("🗑️ Yes, forget me")
BUTTON_KEEP_ME = N_("No, keep things as they are")
FORGOTTEN = N_("Done — I've forgotten you. If you write to me again, I'll start afresh, knowing nothing about you. 💛")
FORGET_KEPT = N_("Okay — nothing has changed.")
FORGOTTEN_POST_FOR_RESPONDER = N_(
    "The post you answered ({details}) has been taken down by the neighbour who put it up — no need to do "
    "anything. Thank you for answering. 💛"
)
FORGOTTEN_MATCH_REOPENED = N_(
    "The neighbour you were in touch with about {subject} has left Doorstep, so it's open again for others. 💛"
)
FORGOTTEN_BUDDY_FOR_OWNER = N_(
    "Your check-in buddy has left Doorstep, so for now nobody hears if you don't answer a check-in. "
    "/checkin to invite someone else. 💛"
)
PRIVACY_SHORT = N_(
    "🔒 Doorstep and your data. Doorstep keeps your chat id (not your name), the words of your asks and offers "
    "while they're up and for {post_days} days after they close, and when you were last active in the street "
    "(forgotten after {seen_days} quiet days). If you ask for check-ins, it keeps when they are and who you chose "
    "to hear if you don't answer, and each check-in's times for {checkin_days} days — never what you answered. "
    "No names, phone numbers or addresses are kept. If you share a location with it privately, only a rough area "
    "(about a city block) is kept, and /forgetlocation clears it. Logs never contain what you write. Organisers "
    "see who hasn't been around lately (from that last-active time) so they can say hello; one tap on “No more "
    "hellos” stops that for good.\n"
    "/mydata shows everything Doorstep keeps about you, and /forgetme deletes it."
)
TOO_MANY_POSTS = NP_(
    "You've put up {count} post on {street} in the last hour — could you wait a little before the next one? "
    "It keeps the board easy to read for everyone. 💛",
    "You've put up {count} posts on {street} in the last hour — could you wait a little before the next one? "
    "It keeps the board easy to read for everyone. 💛",
    "count",
)
SAME_POST_UP = N_("You've already got that up on {street}, and it's still open — /mine shows your posts.")
TOO_MANY_MESSAGES = N_(
    "That's a lot of messages in a short while — I'll take a breather, and read yours again within the hour. 💛"
)

# Matrix: where Telegram shows a "share my location" button
MATRIX_HOW_TO_SHARE_LOCATION = N_(
    "📍 To share a location pin: open the attachment menu beside where you type (➕ or 📎 in Element) "
    "and choose Location."
)
