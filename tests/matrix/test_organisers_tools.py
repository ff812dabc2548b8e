"""Street organisers' tools on Matrix, end to end: quiet neighbours and a hello in two taps, refusals
for everyone else (a command, and a reaction on an organiser's choices), taking a card down with a
reply, a reminder posted at its time, and the weekly summary's chart as an encrypted picture whose
numbers can be read back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.charts import counts_in
from tests.conftest import START
from tests.matrix.conftest import StreetOnMatrix, StreetRoom
from tests.matrix.neighbour import Seen, choice_key

FOR_ORGANISERS = "That one's for the street's organisers"


async def test_quiet_neighbours_a_hello_and_refusals(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam, joe = [await street.neighbour(name) for name in ("Rosa", "Sam", "Joe")]  # Rosa made the room
    room = await street_room(rosa, bot, sam, joe)
    await bot.pass_time(START + timedelta(days=22))

    # Joe doesn't organise: the command is refused where he said it, kindly.
    mark = joe.mark()
    await joe.say(room, "!quiet")
    await joe.notice(room, contains=FOR_ORGANISERS, after=mark, sender=bot.user_id)

    # Nor may he choose for the street from an organiser's choices in the room.
    mark = joe.mark()
    await rosa.say(room, "!radius")
    radius = await joe.notice(room, contains="Organisers can change that", after=mark, sender=bot.user_id)
    await joe.react(room, radius.event_id, choice_key(radius, "25 minutes"))
    refused = await joe.notice(room, contains="Joe: Only the street's organisers can change that", after=mark, sender=bot.user_id)
    assert refused.content["m.relates_to"]["m.in_reply_to"]["event_id"] == radius.event_id
    assert await bot.store.db.fetch_all("SELECT * FROM street_settings") == []

    # Rosa, the room's creator, sees Sam has gone quiet (Joe just spoke) and says hello in two taps.
    await sam.notice(room, contains=refused.body, sender=bot.user_id)  # Sam has seen all said so far
    mark, mark_sam = rosa.mark(), sam.mark()
    await rosa.say(room, "!quiet")
    rosa_private = await rosa.private_room_with(bot.user_id)
    await rosa.notice(rosa_private, contains="haven't been around for 21 days", after=mark, sender=bot.user_id)
    line = await rosa.notice(rosa_private, contains="last active here 22 days ago", after=mark, sender=bot.user_id)
    assert "Sam" in line.body and "Joe" not in line.body and "👋 Say hello" in line.body
    await rosa.react(rosa_private, line.event_id, "👋")
    sam_private = await sam.private_room_with(bot.user_id)
    hello = await sam.notice(sam_private, contains="Hello from everyone on Elm Street", after=mark_sam, sender=bot.user_id)
    assert "🔕 No more hellos" in hello.body
    await rosa.notice(rosa_private, contains="I've said hello to Sam for the street", after=mark, sender=bot.user_id)
    in_street = sam.found(mark_sam, room, lambda seen: seen.event.sender == bot.user_id and seen.type == "m.room.message")
    assert in_street is None  # the hello was private


async def test_an_organiser_takes_a_card_down_with_a_reply(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam, joe = [await street.neighbour(name) for name in ("Rosa", "Sam", "Joe")]
    room = await street_room(rosa, bot, sam, joe)
    mark = sam.mark()
    await sam.say(room, "!ask could someone lend me a ladder on Saturday?")
    card = await sam.notice(room, contains="Sam could use a hand", after=mark, sender=bot.user_id)

    mark = joe.mark()
    await joe.say(room, "!remove", reply_to=card.event_id)
    await joe.notice(room, contains=FOR_ORGANISERS, after=mark, sender=bot.user_id)

    mark, mark_sam = rosa.mark(), sam.mark()
    await rosa.say(room, "!remove", reply_to=card.event_id)
    await rosa.edit_of(room, card.event_id, contains="This one has closed", after=mark)
    rosa_private = await rosa.private_room_with(bot.user_id)
    await rosa.notice(rosa_private, contains="Taken down", after=mark, sender=bot.user_id)
    sam_private = await sam.private_room_with(bot.user_id)
    await sam.notice(sam_private, contains="have taken down your post", after=mark_sam, sender=bot.user_id)
    assert [row["status"] for row in await bot.store.db.fetch_all("SELECT status FROM posts")] == ["withdrawn"]


def _image(seen: Seen) -> bool:
    return seen.type == "m.room.message" and seen.content.get("msgtype") == "m.image"


async def test_a_reminder_at_its_time_and_the_weekly_chart(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam)

    mark = rosa.mark()
    await rosa.say(room, "!remind every thursday 19:00 Blue bin out tonight")
    rosa_private = await rosa.private_room_with(bot.user_id)
    await rosa.notice(rosa_private, contains="I'll post “Blue bin out tonight”", after=mark, sender=bot.user_id)
    await sam.say(room, "!offer I can walk a dog on weekday mornings")
    await sam.say(room, "!ask could someone water my plants next week?")
    await sam.notice(room, contains="Sam could use a hand", after=mark, sender=bot.user_id)

    # Thursday 5 March, 19:00 in London: the reminder goes up in the street room.
    mark = sam.mark()
    await bot.pass_time(datetime(2026, 3, 5, 19, 0, tzinfo=timezone.utc))
    await sam.notice(room, contains="🔔 Blue bin out tonight", after=mark, sender=bot.user_id)

    # The next Monday, Rosa asks for last week's summary now: counts, then the chart.
    bot.clock.move_to(datetime(2026, 3, 9, 10, 0, tzinfo=timezone.utc))
    mark = rosa.mark()
    await rosa.say(room, "!digest")
    offer = await rosa.notice(rosa_private, contains="weekly summary", after=mark, sender=bot.user_id)
    await rosa.react(rosa_private, offer.event_id, choice_key(offer, "Show last week now"))
    summary = await rosa.notice(rosa_private, contains="Elm Street — the week of 2 March", after=mark, sender=bot.user_id)
    assert "🙋 Asks: 1" in summary.body and "🎁 Offers: 1" in summary.body
    picture = await rosa.until(lambda: rosa.found(mark, rosa_private, _image), what="the chart")
    assert rosa.seen.index(picture) > rosa.seen.index(summary)  # the words first, then the picture
    assert picture.body == "Elm Street: the last 8 weeks" and picture.content["filename"] == "weekly-summary.png"
    info = picture.content["info"]
    assert info["mimetype"] == "image/png" and info["w"] > 0 and info["h"] > 0
    assert "url" not in picture.content and picture.content["file"]["url"].startswith("mxc://")  # encrypted
    png = await rosa.download(picture)
    assert len(png) == info["size"]
    shown = counts_in(png)
    assert shown["title"] == "Elm Street: the last 8 weeks"
    assert shown["weeks"][-1] == "2026-03-02" and len(shown["weeks"]) == 8
    assert shown["series"]["Asks"] == [0] * 7 + [1] and shown["series"]["Offers"] == [0] * 7 + [1]
    assert shown["series"]["Asks met"] == [0] * 8
