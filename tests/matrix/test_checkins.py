"""Gentle check-ins on Matrix, end to end: set up with reactions in a direct room, a buddy who says yes
with the invitation's code, and a missed check-in that reaches the buddy in their own direct room
after the chosen delay — never the street room."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from tests.matrix.conftest import StreetOnMatrix, StreetRoom
from tests.matrix.neighbour import choice_key

CODE = re.compile(r"!buddy ([a-z0-9]{5}-[a-z0-9]{5})")


def _london(hour: int, minute: int = 0) -> datetime:
    """Monday 2 March 2026 (London is on GMT then)."""
    return datetime(2026, 3, 2, hour, minute, tzinfo=timezone.utc)


async def test_a_missed_daily_check_in_reaches_the_buddy_privately(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam, joe = [await street.neighbour(name) for name in ("Rosa", "Sam", "Joe")]
    room = await street_room(rosa, bot, sam, joe)

    # Sam sets up a daily 10:00 check-in in his direct room, with taps only.
    mark = sam.mark()
    private = await sam.open_private_chat(bot.user_id)
    await sam.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    await sam.say(private, "!checkin")
    question = await sam.notice(private, contains="How often would you like one?", after=mark, sender=bot.user_id)
    for label, next_question in (
        ("Every day", "What time?"),
        ("10:00", "who should I let know?"),
        ("A neighbour I choose", "how long after the hello"),
        ("3 hours", "forward the next message"),
    ):
        mark = sam.mark()
        await sam.react(private, question.event_id, choice_key(question, label), encrypted=True)
        question = await sam.notice(private, contains=next_question, after=mark, sender=bot.user_id)
    invitation = await sam.notice(private, contains="would like you as their check-in buddy", after=mark, sender=bot.user_id)
    found = CODE.search(invitation.body)
    assert found, invitation.body
    # It is for forwarding: no reaction to keep, so the code is kept nowhere but as the core's hash.
    remembered = " ".join(row["choices"] for row in await bot.store.db.fetch_all("SELECT choices FROM matrix_prompts"))
    assert found.group(1).replace("-", "") not in remembered and "React with" not in invitation.body

    # Joe gets the code from Sam and says yes in his own direct room.
    mark, mark_sam = joe.mark(), sam.mark()
    joe_private = await joe.open_private_chat(bot.user_id)
    await joe.notice(joe_private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    await joe.say(joe_private, f"!buddy {found.group(1)}")
    asked = await joe.notice(joe_private, contains="Will you?", after=mark, sender=bot.user_id)
    await joe.react(joe_private, asked.event_id, choice_key(asked, "Yes, happy to"))
    await joe.notice(joe_private, contains="I'll only message you if Sam doesn't answer", after=mark, sender=bot.user_id)
    await sam.notice(private, contains="Joe is your check-in buddy now", after=mark_sam, sender=bot.user_id)

    # 10:00 comes; Sam doesn't answer the hello or the nudge; at 13:00 Joe hears, privately.
    in_street, mark_sam, mark_joe = rosa.mark(), sam.mark(), joe.mark()
    await bot.pass_time(_london(10))
    hello = await sam.notice(private, contains="Hello Sam — just checking in", after=mark_sam, sender=bot.user_id)
    assert "👍 All good" in hello.body and "!checkin to change" in hello.body
    await bot.pass_time(_london(12, 59))
    await sam.notice(private, contains="Just a gentle nudge", after=mark_sam, sender=bot.user_id)
    assert joe.found(mark_joe, None, lambda seen: "hasn't answered" in seen.body) is None
    await bot.pass_time(_london(13))
    note = await joe.notice(joe_private, contains="Sam hasn't answered their check-in from 10:00", after=mark_joe, sender=bot.user_id)
    await joe.react(joe_private, note.event_id, choice_key(note, "I'll check on them"))
    await joe.notice(joe_private, contains="I won't bother anyone else", after=mark_joe, sender=bot.user_id)

    said_in_street = [seen.body for seen in rosa.seen[in_street:] if seen.room_id == room and seen.event.sender == bot.user_id]
    assert not [body for body in said_in_street if any(word in body for word in ("check", "answer", "nudge", "Sam"))]
