"""A street group with forum topics, end to end on the fake Bot API: Doorstep answers in the topic a
neighbour spoke in, its organisers give new cards a home with one tap from inside a topic, and a
topic closed or deleted since loses nothing — what was meant for it is said in the General topic."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram import Update

from bot.telegram.updates import BotIdentity, to_incoming
from handlers.kernel.incoming import Incoming, IncomingKind
from tests.telegram.fake_bot_api import FakeBotApi, FakeChat, FakeMessage, FakeTopic, FakeUser
from tests.telegram.street import START, TelegramStreet, eventually


def forum(api: FakeBotApi, *people: FakeUser, owner: FakeUser) -> tuple[FakeChat, list[FakeTopic]]:
    """A 200-household street's group: a forum with three topics besides General."""
    elm = api.group("Elm Street", people, owner=owner, forum=True)
    topics = [api.create_topic(elm, name, by=owner) for name in ("Help & offers", "Lost and found", "Chat")]
    return elm, topics


async def said_to(api: FakeBotApi, user: FakeUser, words: str) -> FakeMessage:
    found = await api.until(lambda: [m for m in api.messages_in(user) if words in m.text], what=f"“{words}”")
    return found[-1]


async def test_an_ask_in_a_topic_is_carded_and_sorted_there_and_organisers_can_give_cards_a_home(
    tg: TelegramStreet, api: FakeBotApi,
) -> None:
    olga, rosa, sam = api.user("Olga", started=True), api.user("Rosa", started=True), api.user("Sam", started=True)
    elm, (help_topic, lost, chat) = forum(api, rosa, sam, owner=olga)

    api.say(rosa, elm, "/ask Has anyone seen a grey cat with a red collar?", topic=lost)
    card = await api.next_in_topic(elm, lost, 0)
    assert card.text.splitlines()[0] == "🙋 Rosa could use a hand"
    assert api.messages_in_topic(elm, None) == [] and len(api.messages_in(elm)) == 1

    api.press(sam, card, "I can help")
    await api.until(lambda: "💛 Someone has offered" in card.text, what="the card to say someone offered")
    question = await said_to(api, rosa, "Sam can help with your ask")
    api.press(rosa, question, "Yes please")
    await api.until(lambda: card.text.startswith("✅ Sorted"), what="the card, sorted")
    assert card.topic == lost.id and len(card.edits) == 2
    assert api.messages_in(elm) == [card]  # edited where it is, nothing new in any topic

    api.say(olga, elm, "/settings", topic=chat)
    menu = await said_to(api, olga, "⚙️ Settings for Elm Street")
    assert menu.text.endswith("New cards and notices: wherever they're asked")
    api.press(olga, menu, "Where I typed /settings")
    saved = await said_to(api, olga, "✅ Saved.")
    assert saved.text.endswith("New cards and notices: in the topic or thread you chose")
    assert saved.button("Wherever they're asked")

    api.say(sam, elm, "/offer I can lend a ladder at weekends", topic=help_topic)
    offer = await api.next_in_topic(elm, chat, 0)
    assert offer.text.splitlines()[0] == "🎁 Sam is offering"
    api.say(rosa, elm, "/board", topic=help_topic)
    board = await api.next_in_topic(elm, help_topic, 0)  # an answer still goes where it was asked
    assert "ladder" in board.text
    assert [m.topic for m in api.messages_in(elm)] == [lost.id, chat.id, help_topic.id]


async def test_the_general_topic_is_the_groups_main_place(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, rosa = api.user("Olga", started=True), api.user("Rosa", started=True)
    elm, _ = forum(api, rosa, owner=olga)
    api.say(rosa, elm, "/ask could someone post a letter for me?")
    card = await api.next_in_topic(elm, None, 0)
    assert card.topic is None
    api.say(rosa, elm, "/board", reply_to=card)  # a reply in General carries a thread id, not a topic
    board = await api.next_in_topic(elm, None, 1)
    assert "post a letter" in board.text
    assert not [method for method, status in api.requests if status == 400]


async def test_someone_unreachable_is_answered_openly_in_the_cards_topic(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, rosa, sam = api.user("Olga", started=True), api.user("Rosa"), api.user("Sam")  # Rosa never opened a chat
    elm, (_, lost, _) = forum(api, rosa, sam, owner=olga)
    api.say(rosa, elm, "/ask could someone help me look for my keys?", topic=lost)
    card = await api.next_in_topic(elm, lost, 0)
    api.press(sam, card, "I can help")
    question = await api.next_in_topic(elm, lost, 1)
    assert question.text.startswith("Rosa: 🙋 Sam can help with your ask")
    assert api.messages_in_topic(elm, None) == []


async def test_a_closed_home_loses_nothing_and_the_organisers_hear_once(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, rosa = api.user("Olga", started=True), api.user("Rosa", started=True)
    elm, (help_topic, _, chat) = forum(api, rosa, owner=olga)
    api.say(olga, elm, "/settings", topic=help_topic)
    api.press(olga, await said_to(api, olga, "⚙️ Settings"), "Where I typed /settings")
    await said_to(api, olga, "✅ Saved.")

    api.close_topic(elm, help_topic)
    api.say(rosa, elm, "/ask could someone lend me a drill?", topic=chat)
    card = await api.next_in_topic(elm, None, 0)  # the home is closed: said in General instead
    assert card.text.splitlines()[0] == "🙋 Rosa could use a hand"
    told = await said_to(api, olga, "is closed or gone")
    assert told.text.startswith("📌 The topic or thread you chose for Elm Street's cards is closed or gone")
    assert api.messages_in(rosa) == []  # only organisers hear of it

    api.say(rosa, elm, "/offer I can water plants while you're away", topic=chat)
    await api.next_in_topic(elm, None, 1)
    await tg.run_until(START + timedelta(minutes=5))
    assert len([m for m in api.messages_in(olga) if "closed or gone" in m.text]) == 1  # once

    before = len(api.messages_in(olga))
    api.press(olga, told, "Wherever they're asked")
    assert (await api.next_in(olga, before)).text.startswith("✅ Saved.")
    api.say(rosa, elm, "/ask could someone feed the cat on Sunday?", topic=chat)
    assert (await api.next_in_topic(elm, chat, 0)).text.splitlines()[0] == "🙋 Rosa could use a hand"


async def test_a_press_in_a_topic_deleted_since_is_answered_in_general(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, rosa = api.user("Olga", started=True), api.user("Rosa", started=True)
    elm, (_, lost, _) = forum(api, rosa, owner=olga)
    api.say(rosa, elm, "/ask", topic=lost)
    what = await api.next_in_topic(elm, lost, 0)
    api.delete_topic(elm, lost)
    api.press(rosa, what, "Shopping")  # pressed as the topic went
    when = await api.next_in_topic(elm, None, 0)
    assert when.text == "And when?"
    api.press(rosa, when, "tomorrow")
    card = await api.next_in_topic(elm, None, 1)
    assert card.text.splitlines()[:2] == ["🙋 Rosa could use a hand", "🛒 Shopping · Tuesday 3 March"]
    await eventually(lambda: _count(tg, "cards", "thread IS NULL"), "the card remembered in General")
    assert await tg.count("posts") == 1


async def _count(tg: TelegramStreet, table: str, where: str) -> bool:
    return await tg.count(table, where) == 1


async def test_the_bot_manages_topics_through_the_bot_api(api: FakeBotApi) -> None:
    """The fake speaks the Bot API's forum methods the way Telegram does (for the adapter's sake)."""
    from telegram import Bot
    from telegram.error import BadRequest
    from telegram.request import HTTPXRequest

    olga = api.user("Olga", started=True)
    plain = api.group("Oak Road", owner=olga, bot_is_admin=True)
    elm = api.group("Elm Street", owner=olga, bot_is_admin=True, forum=True)
    async with Bot(api.token, base_url=api.base_url, request=HTTPXRequest()) as bot:
        topic = await bot.create_forum_topic(elm.id, "Help & offers")
        assert topic.name == "Help & offers" and topic.message_thread_id == elm.topics[topic.message_thread_id].id
        sent = await bot.send_message(elm.id, "hello", message_thread_id=topic.message_thread_id)
        assert sent.is_topic_message and sent.message_thread_id == topic.message_thread_id
        assert sent.reply_to_message is not None and sent.reply_to_message.forum_topic_created is not None
        for where, thread, error in ((elm, 1, "Message thread not found"), (elm, 999, "Message thread not found"),
                                     (plain, topic.message_thread_id, "Message thread not found")):
            try:
                await bot.send_message(where.id, "hello", message_thread_id=thread)
            except BadRequest as refused:
                assert refused.message == error
            else:
                raise AssertionError("sent to a topic that isn't there")
        assert await bot.close_forum_topic(elm.id, topic.message_thread_id)
        elm.bot_can_manage_topics = False  # only those who may manage topics write in a closed one
        try:
            await bot.send_message(elm.id, "hello", message_thread_id=topic.message_thread_id)
        except BadRequest as refused:
            assert refused.message == "Topic_closed"
        else:
            raise AssertionError("sent to a closed topic")
        elm.bot_can_manage_topics = True
        assert await bot.delete_forum_topic(elm.id, topic.message_thread_id)
        assert api.messages_in_topic(elm, elm.topics[topic.message_thread_id]) == []


# --- updates from a forum, as the core's Incoming ---

ME = BotIdentity(42, "DoorstepBot")
ROSA = {"id": 7, "is_bot": False, "first_name": "Rosa"}
BOT = {"id": 42, "is_bot": True, "first_name": "Doorstep", "username": "DoorstepBot"}
FORUM = {"id": -100123, "type": "supergroup", "title": "Elm Street", "is_forum": True}


def _message(text: str, **extra: Any) -> dict:
    data = {"message_id": 50, "date": 0, "chat": FORUM, "from": ROSA, "text": text, **extra}
    if text.startswith("/"):
        data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return data


def _incoming(**update: Any) -> Incoming:
    found = to_incoming(Update.de_json({"update_id": 1, **update}, None), ME)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def _topic_start(topic: int, by: dict) -> dict:
    return {"message_id": topic, "date": 0, "chat": FORUM, "from": by, "message_thread_id": topic,
            "is_topic_message": True, "forum_topic_created": {"name": "Lost and found", "icon_color": 7322096}}


def test_what_is_said_in_a_topic_carries_the_topic() -> None:
    in_topic = _message("/ask a ladder?", message_thread_id=12, is_topic_message=True,
                        reply_to_message=_topic_start(12, ROSA))
    got = _incoming(message=in_topic)
    assert (got.thread, got.reply_to, got.addressed_to_bot) == ("12", None, True)
    assert _incoming(message=_message("/ask a ladder?")).thread is None  # the General topic


def test_a_reply_in_general_names_a_thread_that_is_no_topic() -> None:
    card = {"message_id": 30, "date": 0, "chat": FORUM, "from": BOT, "text": "🙋 Sam could use a hand"}
    reply = _message("/remove", message_thread_id=30, reply_to_message=card)
    got = _incoming(message=reply)
    assert (got.thread, got.reply_to) == (None, "30")


def test_chatter_in_a_topic_the_bot_made_is_not_said_to_the_bot() -> None:
    chatter = _message("lovely day", message_thread_id=12, is_topic_message=True, reply_to_message=_topic_start(12, BOT))
    got = _incoming(message=chatter)
    assert (got.thread, got.reply_to, got.addressed_to_bot) == ("12", None, False)


def test_a_press_carries_the_topic_of_the_message_pressed() -> None:
    card = {"message_id": 31, "date": 0, "chat": FORUM, "from": BOT, "text": "🙋 Sam could use a hand",
            "message_thread_id": 12, "is_topic_message": True, "reply_to_message": _topic_start(12, ROSA)}
    press = {"id": "99", "from": ROSA, "chat_instance": "1", "message": card, "data": "h:1"}
    got = _incoming(callback_query=press)
    assert (got.kind, got.thread, got.payload) == (IncomingKind.PRESS, "12", "h:1")
