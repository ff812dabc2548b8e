"""Sentences of gentle check-ins, from the set-up to the buddy.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_, NP_

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
INVITE_OWN = N_("That's your own invitation 🙂 — forward it to the neighbour you'd like as your buddy.")
INVITE_NOT_FOUND = N_("I can't find that invitation — it may have expired or been replaced. Ask them to send a new one.")
INVITE_OTHER_APP = N_("That invitation is for someone on another chat app — ask them to invite you where you both are.")
INVITE_ALREADY_BUDDY = N_("You're already their buddy. 💛")
BUDDY_CODE_PLEASE = N_("Send me the code from the invitation, like “/buddy k7mq2-xwpz3”.")
