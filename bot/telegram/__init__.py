"""Doorstep on Telegram (python-telegram-bot v22).

    updates.py     Telegram updates -> the core's Incoming (locations as coarse cells only)
    notifier.py    the core's Outgoing -> HTML messages, inline keyboards, photos, files, edits, press answers
    markup.py      escaping, mentions, keyboards, deep links, sentence starts, message length
    keyboards.py   the one-tap "share my location" keyboard in private chats, and taking it away
    media.py       charts as photos (PNG), attachments as documents, captions
    pacing.py      flood limits: per chat and overall
    sending.py     retries: 429s waited out, network errors backed off, refusals told apart
    names.py       first names for mentions, from updates or live look-ups, never stored
    cache.py       the short-lived in-memory map names and admin lists are kept in
    organisers.py  group admins (people, not bots), cached briefly
    migration.py   a group that becomes a supergroup: its street follows the new chat id
    presses.py     every button press answered exactly once
    adapter.py     the Application, started and stopped in the process's own loop
"""

from __future__ import annotations

import os

# Opt in to PTB's coming behaviour (time periods as timedelta) so it stops warning on every 429;
# sending.retry_after_seconds reads either form.
os.environ.setdefault("PTB_TIMEDELTA", "true")
