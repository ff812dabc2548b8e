"""Sentences only Matrix needs: choosing by reaction or number, private invites, undecryptable messages.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_

# Matrix has no buttons: the bot lists the choices, seeds them as reactions, and reads a reply too.
MATRIX_CHOOSE_BY_REACTION = N_("React with {keys} — or reply to this message with your choice.")
MATRIX_CHOOSE_BY_NUMBER = N_("React with a number — or reply to this message with it.")
MATRIX_PRIVATE_INVITE_SENT = N_(
    "{who}, I've invited you to a private chat with me — accept the invite and we'll carry on there."
)
MATRIX_COULD_NOT_DECRYPT = N_(
    "Sorry — your last message reached me encrypted in a way I can't read yet. Could you send it again?"
)

# Matrix: where Telegram shows a "share my location" button
MATRIX_HOW_TO_SHARE_LOCATION = N_(
    "📍 To share a location pin: open the attachment menu beside where you type (➕ or 📎 in Element) "
    "and choose Location."
)
