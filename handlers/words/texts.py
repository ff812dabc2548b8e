"""Sentences for plain words in a private chat: small talk, and an ask or offer restated before it is posted.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_

# Small talk: short, warm, and each says what to do next in words
HELLO = N_(
    "Hello! 👋 If you'd like a hand with something — shopping, a prescription, a lift — just tell me in your own "
    "words, and I'll ask your street for you."
)
YOU_ARE_WELCOME = N_("You're very welcome. 💛 Write to me any time you need a hand, or have one to offer.")
WHAT_I_DO = N_(
    "I help neighbours help each other. Tell me what you need in your own words — “could someone pick up my milk "
    "tomorrow?” — and I'll ask your street for you. Offering works the same way: “I can walk a dog on Saturdays.”"
)
STOPPING = N_(
    "Of course. I only write when something of yours needs you. If you'd like me to forget you altogether, "
    "just say “forget me”."
)
GOODBYE = N_("Take care! 👋")
NOT_SURE = N_(
    "I'm not sure I followed, sorry. Is there something you'd like a hand with, or something you could offer? "
    "Tell me in a few words — like “could someone pick up my milk tomorrow?”"
)

# An ask or offer read from plain words, restated before it goes up
SHALL_I_POST_ASK = N_("Shall I ask your street for you? It will show as from “a neighbour”:")
SHALL_I_POST_OFFER = N_("Shall I offer this to your street? It will show as from “a neighbour”:")
BUTTON_POST_IT = N_("📌 Yes, post it")
BUTTON_POST_IN = N_("📌 Post it in {street}")
LEFT_IT = N_("All right, I've left it. Write to me any time.")
BUTTON_NO_THANKS = N_("No thanks")
