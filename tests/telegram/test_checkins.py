"""A gentle check-in on Telegram, end to end: set up in a few taps in private, a buddy who says yes
through the forwarded invitation, and a missed check-in that reaches the buddy privately after the
chosen delay — never the group."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet


def london(hour: int, minute: int = 0) -> datetime:
    """2 March 2026 in London (GMT, so the same as UTC)."""
    return datetime(2026, 3, 2, hour, minute, tzinfo=timezone.utc)


async def test_a_missed_daily_check_in_reaches_the_buddy_privately(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa"), api.user("Sam")
    elm = api.group("Elm Street", [rosa, sam])
    api.say(rosa, elm, "/board")  # Rosa is seen in the street
    await api.next_in(elm, 0)
    in_group = len(api.messages_in(elm))

    # Four taps in private: every day, 10:00, a neighbour I choose, after 3 hours.
    api.dm(rosa, "/checkin")
    step = await api.next_in(rosa, 0)
    assert "How often would you like one?" in step.text
    for label in ("Every day", "10:00", "A neighbour I choose", "3 hours"):
        seen = len(api.messages_in(rosa))
        api.press(rosa, step, label)
        step = await api.next_in(rosa, seen)
    assert step.text.startswith("✅ All set.") and "every day at 10:00" in step.text
    invitation = await api.until(lambda: [m for m in api.messages_in(rosa) if "check-in buddy" in m.text])
    assert invitation[0].text.startswith("🤝 Rosa would like you as their check-in buddy")

    # Rosa forwards the invitation to Sam, who has never talked to the bot; its button opens a private chat.
    api.follow_link(sam, invitation[0], "Open the invitation")
    question = await api.next_in(sam, 0)
    assert "Rosa" in question.text and question.mentions == [rosa.id]
    api.press(sam, question, "Yes")
    await api.until(lambda: [m for m in api.messages_in(rosa) if m.text == "💛 Sam is your check-in buddy now."])
    to_sam = len(api.messages_in(sam))

    # 10:00: the hello. Rosa doesn't answer; half-way, one gentle reminder.
    seen = len(api.messages_in(rosa))
    await tg.run_until(london(10))
    hello = (await api.next_in(rosa, seen)).text
    assert hello.startswith("👋 Hello Rosa — just checking in.")
    await tg.run_until(london(11, 29))
    assert len(api.messages_in(rosa)) == seen + 1
    await tg.run_until(london(11, 30))
    assert (await api.next_in(rosa, seen + 1)).text.startswith("💛 Just a gentle nudge")
    await tg.run_until(london(12, 59))
    assert len(api.messages_in(sam)) == to_sam  # not a minute early

    # 13:00, three hours on: Sam hears, privately. The group hears nothing.
    await tg.run_until(london(13))
    note = await api.next_in(sam, to_sam)
    assert note.text.startswith("🔔 Rosa hasn't answered their check-in from 10:00. Could you check on them?")
    assert note.mentions == [rosa.id]
    api.press(sam, note, "I'll check")
    assert (await api.next_in(sam, to_sam + 1)).text.startswith("Thank you 💛 — I won't bother anyone else")
    await tg.run_until(london(20))
    assert len(api.messages_in(elm)) == in_group
    assert all("check" not in m.text for m in api.messages_in(elm))
