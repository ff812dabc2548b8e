"""Sentences of the street organisers' tools.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_, NP_

# ---------------------------------------------------------------------------------------------
FOR_ORGANISERS = N_("That one's for the street's organisers. 💛 /help shows what you can do.")
ABOUT_QUIET = N_("Who hasn't been around lately")
ABOUT_REMIND = N_("Add a reminder for the group")
ABOUT_REMINDERS = N_("The street's reminders")
ABOUT_DIGEST = N_("A weekly summary of the street")
ABOUT_REMOVE = N_("Take a post down")
ABOUT_PAUSE = N_("Pause someone's posting for a while")
ABOUT_SETTINGS = N_("The street's settings")

# Days, months and lists, as said in sentences
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
DIGEST_QUIET_WEEK = N_("🌙 A quiet week on {street} (the week of {week}): nothing new to count.")
BUTTON_QUIET_WEEKS_TELL = N_("🌙 Tell me on quiet weeks too")
BUTTON_QUIET_WEEKS_SILENT = N_("🌙 Skip quiet weeks")
QUIET_WEEKS_TELL = N_("Okay — in a week when nothing happens on {street}, I'll send one line.")
QUIET_WEEKS_SILENT = N_("Okay — in a week when nothing happens on {street}, I'll say nothing.")
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
SETTING_JOIN_LINK = N_("The group's link for newcomers: {link}")
SETTING_NO_JOIN_LINK = N_("The group's link for newcomers: none yet")
BUTTON_SETTING_ASKS = N_("Asks")
BUTTON_SETTING_OFFERS = N_("Offers")
BUTTON_SETTING_QUIET_HOURS = N_("Quiet hours")
BUTTON_SETTING_TIME_ZONE = N_("Time zone")
BUTTON_SETTING_LANGUAGE = N_("Language")
BUTTON_SETTING_HELLO = N_("Hello text")
BUTTON_SETTING_DIGEST = N_("Weekly summary")
BUTTON_SETTING_JOIN_LINK = N_("Group link")
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
JOIN_LINK_QUESTION = N_(
    "Paste the group's invite link, so newcomers who arrive through a leaflet can join. "
    "Or tap below for none."
)
JOIN_LINK_NOT_READ = N_("That doesn't look like a link — paste the group's invite link, starting https://")
SETTING_UNCHANGED = N_("No change.")

# Where new cards go, in a group with forum topics or threads
SETTING_CARDS_WHEREVER = N_("New cards and notices: wherever they're asked")
SETTING_CARDS_HOME = N_("New cards and notices: in the topic or thread you chose")
SETTING_CARDS_HOME_HERE = N_("New cards and notices: in the topic or thread you typed /settings in")
SETTING_CARDS_HOME_GONE = N_("New cards and notices: in the group's main chat, as the topic or thread you chose is closed or gone")
BUTTON_CARDS_HERE = N_("📌 Where I typed /settings")
BUTTON_CARDS_WHEREVER = N_("Wherever they're asked")
CARDS_HOME_GONE = N_(
    "📌 The topic or thread you chose for {street}'s cards is closed or gone, so I'm putting new cards and "
    "notices in the group's main chat for now. To choose another, type /settings in it — or tap below to "
    "have them go wherever they're asked."
)
