"""Sentences of nearby matching: areas and radius, suggestions, widening, talking through the bot.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_, NP_

# Matching within the street
ASK_FITS_YOUR_OFFER = N_("🔔 A neighbour could use a hand, and it fits what you offered:")

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

# Consent-based contact: share a username, or talk through the bot
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
