"""Threads in a street room, against a real homeserver: a command said in a thread is answered in the
thread (with the reply fallback for clients without threads), reactions on a card in a thread work
as on any card, organisers give new cards a home from inside a thread, and a thread whose first
message was redacted loses nothing."""

from __future__ import annotations

from typing import Any

from bot.matrix.markup import Markup
from bot.matrix.notifier import press_ref, read_press_ref
from bot.matrix.threads import ThreadTips, thread_of
from handlers.kernel.messages import msg
from tests.matrix.conftest import StreetOnMatrix, StreetRoom
from tests.matrix.neighbour import Neighbour, Seen, choice_key


def relation(seen: Seen) -> dict[str, Any]:
    return seen.content.get("m.relates_to") or {}


def in_thread(seen: Seen, root: str) -> bool:
    return relation(seen).get("rel_type") == "m.thread" and relation(seen).get("event_id") == root


async def test_an_ask_in_a_thread_is_answered_and_sorted_there(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam)
    root = await rosa.say(room, "Lost and found 🔎")  # a neighbour starts a thread with this; the bot doesn't read it

    mark = rosa.mark()
    await sam.say(room, "Which street was it seen on?", thread=root)  # neighbours talking in the thread
    asked = await rosa.say(room, "!ask Has anyone seen a grey cat with a red collar?", thread=root)
    card = await rosa.notice(room, contains="Rosa could use a hand", after=mark, sender=bot.user_id)
    assert in_thread(card, root)
    said = [seen for seen in rosa.seen[mark:] if seen.event.sender == bot.user_id and seen.type == "m.room.message"]
    assert said[0] is card  # the chatter was left alone
    assert relation(card)["is_falling_back"] is True and relation(card)["m.in_reply_to"]["event_id"] == asked
    assert await sam.reactions_on(room, card.event_id, 1, bot.user_id) == ["👍"]

    mark_rosa, mark_sam = rosa.mark(), sam.mark()
    await sam.react(room, card.event_id, "👍")  # a reaction on a card in a thread, as on any card
    thanks = await sam.notice(room, contains="Thank you!", after=mark_sam, sender=bot.user_id)
    assert in_thread(thanks, root)
    assert relation(thanks)["is_falling_back"] is False and relation(thanks)["m.in_reply_to"]["event_id"] == card.event_id
    rosa_private = await rosa.private_room_with(bot.user_id)
    question = await rosa.notice(rosa_private, contains="Sam can help with your ask", after=mark_rosa, sender=bot.user_id)
    assert "m.relates_to" not in question.content  # a private chat has no thread
    await rosa.react(rosa_private, question.event_id, "✅")
    await rosa.edit_of(room, card.event_id, contains="✅ Sorted", after=mark_rosa)

    mark = rosa.mark()
    await rosa.say(room, "!board")  # in the main timeline: answered there, no thread started
    board = await rosa.notice(room, contains="on the board", after=mark, sender=bot.user_id)
    assert "m.relates_to" not in board.content
    row = await bot.store.db.fetch_one("SELECT thread FROM cards")
    assert row is not None and row["thread"] == root


async def choose_home(organiser: Neighbour, room: str, root: str, bot_id: str) -> None:
    """`!settings` said in a thread, and one tap in the private chat."""
    mark = organiser.mark()
    await organiser.say(room, "!settings", thread=root)
    private = await organiser.private_room_with(bot_id)
    menu = await organiser.notice(private, contains="Settings for Elm Street", after=mark, sender=bot_id)
    assert "New cards and notices: wherever they're asked" in menu.body and "Where I typed !settings" in menu.body
    await organiser.react(private, menu.event_id, choice_key(menu, "Where I typed !settings"))
    saved = await organiser.notice(private, contains="✅ Saved.", after=mark, sender=bot_id)
    assert "in the topic or thread you chose" in saved.body


async def test_a_home_thread_and_one_whose_first_message_was_redacted(street: StreetOnMatrix, street_room: StreetRoom) -> None:
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")  # Rosa made the room: she organises
    room = await street_room(rosa, bot, sam)
    home = await rosa.say(room, "Help & offers 🤝")
    await choose_home(rosa, room, home, bot.user_id)

    mark = sam.mark()
    await sam.say(room, "!offer I can lend a ladder at weekends")  # in the main timeline
    card = await sam.notice(room, contains="Sam is offering", after=mark, sender=bot.user_id)
    assert in_thread(card, home) and relation(card)["is_falling_back"] is True

    await rosa.redact(room, home)
    mark, mark_rosa = sam.mark(), rosa.mark()
    await sam.say(room, "!ask could someone feed my cat on Sunday?")
    card = await sam.notice(room, contains="Sam could use a hand", after=mark, sender=bot.user_id)
    assert "m.relates_to" not in card.content  # the thread's gone: said in the main timeline
    rosa_private = await rosa.private_room_with(bot.user_id)
    told = await rosa.notice(rosa_private, contains="is closed or gone", after=mark_rosa, sender=bot.user_id)
    assert "Wherever they're asked" in told.body

    mark = sam.mark()
    await sam.say(room, "!offer I can water plants")
    await sam.notice(room, contains="Sam is offering", after=mark, sender=bot.user_id)
    assert [seen for seen in rosa.seen[mark_rosa:] if "is closed or gone" in seen.body] == [told]  # once


def test_thread_relations_read_and_written() -> None:
    assert thread_of({"m.relates_to": {"rel_type": "m.thread", "event_id": "$root"}}) == "$root"
    for content in ({"m.relates_to": {"m.in_reply_to": {"event_id": "$card"}}}, {"m.relates_to": "x"}, {},
                    {"m.relates_to": {"rel_type": "m.thread", "event_id": 7}}):
        assert thread_of(content) is None
    composed = Markup().compose(msg("Hello"), (), "en", {}, thread="$root", latest="$latest")
    assert composed.content["m.relates_to"] == {"rel_type": "m.thread", "event_id": "$root", "is_falling_back": True,
                                                "m.in_reply_to": {"event_id": "$latest"}}
    reply = Markup().compose(msg("Hello"), (), "en", {}, reply_to="$card", thread="$root", latest="$latest")
    assert reply.content["m.relates_to"]["is_falling_back"] is False
    assert reply.content["m.relates_to"]["m.in_reply_to"] == {"event_id": "$card"}
    assert read_press_ref(press_ref("!room", "$card", "$root")) == ("!room", "$card", "$root")
    assert read_press_ref(press_ref("!room", "$card")) == ("!room", "$card", None)
    tips = ThreadTips(size=2)
    tips.note("$a", "$a1")
    tips.note("$b", "$b1")
    tips.note("$c", "$c1")
    assert (tips.latest("$a"), tips.latest("$c")) == ("$a", "$c1")  # the oldest thread forgotten
