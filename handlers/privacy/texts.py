"""Sentences about what is kept, for how long, and forgetting.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_, NP_

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
MY_DATA_QUESTIONS = N_("• Questions I asked you that are still waiting for your answer: {count}")
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
