"""Sentences of /leaflet, /poster, the street's code and the welcome through it.

Each is a gettext message id (see handlers/kernel/texts.py). Those printed on paper are said in the
languages chosen for the page, not the organiser's."""

from handlers.kernel.texts import N_

ABOUT_LEAFLET = N_("A leaflet to print, for doors that aren't in the chat")
ABOUT_POSTER = N_("A poster of what's on offer, for a noticeboard")

# Making a leaflet (said to the organiser)
LEAFLET_LANGUAGES = N_("A leaflet for {street} 📄 Which language should it be in? Two go side by side.")
CONTACT_QUESTION = N_(
    "Anything for neighbours without a smartphone? Type a line like “or knock at number 12” and I'll print it. "
    "It goes on this leaflet only — I don't keep it."
)
BUTTON_NO_CONTACT = N_("No line, thanks")
CONTACT_TOO_LONG = N_("Could you make it a bit shorter — one line, under {limit} characters?")
LEAFLET_READY = N_(
    "📄 Here's the leaflet for {street}: a page to put through doors, and a page of tear-off tabs for a shop's "
    "noticeboard. Anyone who scans its code can ask or offer privately, as “a neighbour”."
)
POSTER_READY = N_(
    "📌 Here's a poster of what's on offer on {street} — for the church porch, the corner shop or the lift. "
    "Every offer shows as from “a neighbour”; asks are never on it."
)
POSTER_NOTHING = N_(
    "Nothing's on offer on {street} just now, so there's nothing for a poster yet. "
    "Once someone offers, /poster will have something to show."
)
LEAFLET_CANCELLED = N_("Okay — no leaflet for now.")
BUTTON_NEW_CODE = N_("🔄 New code")
NEW_CODE_QUESTION = N_(
    "A new code stops the street's old leaflets and posters working — anyone who scans one is asked kindly to "
    "find the new one. Make a new code for {street}?"
)
BUTTON_MAKE_NEW_CODE = N_("Yes, a new code")
NEW_CODE_MADE = N_("Done — {street} has a new code. /leaflet and /poster carry it from now on.")

# On the page
LEAFLET_TITLE = N_("{street}: neighbours helping neighbours")
LEAFLET_INTRO = N_(
    "Hello, neighbour! On our street we give each other a hand with small things — a bit of shopping, "
    "a prescription picked up, a dog walked, a chat over a cup of tea. Nobody needs to fill in a form, "
    "and nobody is too busy to be asked."
)
LEAFLET_KINDS = N_("What neighbours swap here")
LEAFLET_SCAN = N_("Scan the code with your phone's camera to ask or offer privately. Your name isn't shown.")
LEAFLET_SEND_CODE = N_("Then send this code: {code}")
LEAFLET_PRIVACY = N_("Doorstep keeps no names, numbers or addresses.")
LEAFLET_CONTACT = N_("No smartphone?")
LEAFLET_TAB = N_("Help from neighbours on {street}")
POSTER_TITLE = N_("On offer on {street} this week")
POSTER_INTRO = N_(
    "Neighbours on our street are happy to help with these. Each is offered by a neighbour — "
    "scan the code to take one up, or to offer something yourself."
)
POSTER_OFFERS = N_("Offered by a neighbour")
POSTER_OFFER = N_("{category}: {words}")

# Arriving through a leaflet (said to the newcomer)
WELCOME_FROM_LEAFLET = N_(
    "👋 Welcome, neighbour — this is Doorstep for {street}. Neighbours here lend each other a hand with small "
    "things.\nAsk for a hand or offer one right here: tap below, or type /ask or /offer with a few words. "
    "It shows in the street as from “a neighbour” — your name isn't shared."
)
WELCOME_HELLO = N_("A word from the street: {text}")
WELCOME_JOIN = N_("To join the street's group chat: {link}")
BUTTON_ASK = N_("🙋 Ask for a hand")
BUTTON_OFFER = N_("🤝 Offer something")
CODE_RENEWED = N_(
    "That leaflet's code has been changed by the street's organisers. "
    "Ask a neighbour for the new leaflet — it has a fresh code. 💛"
)
