"""Private talk on Matrix: direct rooms opened by a neighbour or by the bot, guided posting by typed
numbers and reactions, buttons that move the talk to a private chat, and what happens when someone
never accepts the bot's invite."""

from __future__ import annotations

from nio import DirectRoomsResponse

from tests.matrix.conftest import StreetOnMatrix, StreetRoom


async def test_a_private_chat_with_guided_posting_by_numbers_and_reactions(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    room = await street_room(rosa, bot)

    mark = rosa.mark()
    private = await rosa.open_private_chat(bot.user_id)
    await rosa.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)
    assert bot.adapter.direct.is_private(private)
    mark = rosa.mark()
    await rosa.say(private, "")
    await rosa.notice(private, contains="I'm not sure I followed", after=mark, sender=bot.user_id)

    mark = rosa.mark()
    await rosa.say(private, "!ask")
    what = await rosa.notice(private, contains="What could you use a hand with?", after=mark, sender=bot.user_id)
    assert "1️⃣ Shopping" in what.body and "❌ Never mind" in what.body and "React with a number" in what.body

    mark = rosa.mark()
    await rosa.say(private, "1")  # typed, not a reply: the latest question in a private chat
    when = await rosa.notice(private, contains="And when?", after=mark, sender=bot.user_id)
    keys = await rosa.reactions_on(private, when.event_id, 3, bot.user_id)
    assert keys[:2] == ["1️⃣", "2️⃣"]

    mark = rosa.mark()
    await rosa.react(private, when.event_id, "2️⃣")
    await rosa.notice(private, contains="Posted on Elm Street as from “a neighbour”", after=mark, sender=bot.user_id)
    card = await rosa.notice(room, contains="A neighbour could use a hand", after=mark, sender=bot.user_id)
    assert "Rosa" not in card.body and rosa.user_id not in card.html

    mark = rosa.mark()
    await rosa.say(private, "!mine")
    mine = await rosa.notice(private, contains="Your ask on Elm Street", after=mark, sender=bot.user_id)
    assert "🗑️ Take it down" in mine.body
    mark = rosa.mark()
    await rosa.say(private, "Take it down", reply_to=mine.event_id)
    await rosa.notice(private, contains="Taken down", after=mark, sender=bot.user_id)
    await rosa.edit_of(room, card.event_id, contains="This one has closed", after=mark)


async def test_a_button_that_opens_a_private_chat(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam)

    mark = sam.mark()
    await sam.say(room, "!mine")
    nudge = await sam.notice(room, contains="Let's do that in private", after=mark, sender=bot.user_id)
    assert "💬 Open a private chat" in nudge.body
    await sam.react(room, nudge.event_id, "💬")
    invited = await sam.notice(room, contains="I've invited you to a private chat", after=mark, sender=bot.user_id)
    assert sam.user_id in invited.content["m.mentions"]["user_ids"]
    private = await sam.private_room_with(bot.user_id)
    await sam.notice(private, contains="You've nothing open right now", after=mark, sender=bot.user_id)
    recorded = await bot.adapter.client.list_direct_rooms()
    assert isinstance(recorded, DirectRoomsResponse) and recorded.rooms[sam.user_id] == [private]  # in m.direct

    # Answering the same button again (a reply this time) carries on in the same private chat.
    mark = sam.mark()
    await sam.say(room, "1", reply_to=nudge.event_id)
    await sam.notice(private, contains="You've nothing open right now", after=mark, sender=bot.user_id)
    assert sam.direct_invites == [private]
    assert sam.found(mark, room, lambda seen: "invited you" in seen.body) is None


async def test_someone_who_never_accepts_hears_it_in_the_street(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot(invite_wait_s=2)
    rosa = await street.neighbour("Rosa", accept_invites=False)
    sam = await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam)

    mark = rosa.mark()
    await rosa.say(room, "!ask could someone lend me a ladder on Saturday?")
    card = await rosa.notice(room, contains="Rosa could use a hand", after=mark, sender=bot.user_id)

    mark = rosa.mark()
    await sam.react(room, card.event_id, "👍")
    asked = await rosa.notice(room, contains="Sam can help with your ask", after=mark, sender=bot.user_id)
    assert asked.body.startswith("Rosa: ") and rosa.user_id in asked.content["m.mentions"]["user_ids"]
    assert rosa.direct_invites, "the bot first tried a private chat"

    mark = sam.mark()
    await sam.react(room, asked.event_id, "✅")  # not Sam's question to answer
    await sam.notice(room, contains="That button is for someone else", after=mark, sender=bot.user_id)

    mark, mark_sam = rosa.mark(), sam.mark()
    await rosa.say(room, "yes", reply_to=asked.event_id)
    await rosa.notice(room, contains="You and Sam are in touch", after=mark, sender=bot.user_id)
    sam_private = await sam.private_room_with(bot.user_id)
    in_touch = await sam.notice(sam_private, contains="Rosa said yes!", after=mark_sam, sender=bot.user_id)

    # What must stay private waits for Rosa, with one note in the street.
    mark = rosa.mark()
    await sam.react(sam_private, in_touch.event_id, "✅")
    nudge = await rosa.notice(room, contains="I've a message for you", after=mark, sender=bot.user_id)
    await rosa.react(room, nudge.event_id, "💬")
    await rosa.notice(room, contains="I've invited you to a private chat", after=mark, sender=bot.user_id)
    private = rosa.direct_invites[0]
    await rosa.join(private)
    done = await rosa.notice(private, contains="is marked as done", after=mark, sender=bot.user_id)
    assert "ladder" in done.body


def test_direct_rooms_survive_an_older_echo_and_follow_the_neighbour() -> None:
    """Without a homeserver: the homeserver echoing an older m.direct never drops a room the bot
    recorded since, and answers go to the direct room the neighbour last spoke in."""
    from types import SimpleNamespace

    from bot.matrix.direct import DirectRooms

    direct = DirectRooms(SimpleNamespace(user_id="@bot:x", rooms={}))  # type: ignore[arg-type]
    direct.replace({"@rosa:x": ["!opened-by-bot"]})
    direct._rooms_by_user["@rosa:x"].insert(0, "!opened-by-rosa")  # as `record` does, before its write echoes
    direct.replace({"@rosa:x": ["!opened-by-bot"], "@sam:x": ["!sams"]})  # the echo of the older write
    assert direct.is_private("!opened-by-rosa") and direct.is_private("!sams")
    direct.prefer("@rosa:x", "!opened-by-bot")
    assert direct._rooms_by_user["@rosa:x"] == ["!opened-by-bot", "!opened-by-rosa"]
    direct.prefer("@sam:x", "!opened-by-bot")  # not one of Sam's: nothing changes
    assert direct._rooms_by_user["@sam:x"] == ["!sams"]
