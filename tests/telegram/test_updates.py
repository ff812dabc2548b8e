"""Telegram updates as the core's Incoming."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.location import cell_of
from bot.telegram.updates import BotIdentity, migration_of, to_incoming
from handlers.kernel.incoming import Incoming, IncomingKind

ME = BotIdentity(42, "DoorstepBot")
ROSA = {"id": 7, "is_bot": False, "first_name": "Rosa", "language_code": "pl"}
GROUP = {"id": -100123, "type": "supergroup", "title": "Elm Street"}
PRIVATE = {"id": 7, "type": "private", "first_name": "Rosa"}


def update(**fields: Any) -> Update:
    return Update.de_json({"update_id": 1, **fields}, None)  # type: ignore[arg-type]


def message(text: str | None, chat: dict = GROUP, sender: dict = ROSA, **extra: Any) -> Update:
    data: dict[str, Any] = {"message_id": 5, "date": 0, "chat": chat, "from": sender, **extra}
    if text is not None:
        data["text"] = text
        if text.startswith("/") and "entities" not in extra:
            data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return update(message=data)


def one(incoming: list[Incoming]) -> Incoming:
    assert len(incoming) == 1, incoming
    return incoming[0]


def test_a_command_in_the_group() -> None:
    got = one(to_incoming(message("/ask@DoorstepBot milk please"), ME))
    assert (got.platform, got.chat_id, got.user_id, got.is_private) == ("telegram", "-100123", "7", False)
    assert (got.kind, got.text, got.addressed_to_bot) == (IncomingKind.MESSAGE, "/ask@DoorstepBot milk please", True)
    assert (got.user_name, got.chat_title, got.language) == ("Rosa", "Elm Street", "pl")


def test_commands_for_another_bot_are_not_ours() -> None:
    assert to_incoming(message("/ask@OtherBot milk please"), ME) == []


def test_plain_chatter_is_passed_on_as_not_addressed() -> None:
    assert one(to_incoming(message("lovely day"), ME)).addressed_to_bot is False


def test_replies_to_the_bot_and_mentions_are_addressed() -> None:
    reply = message("shopping", reply_to_message={"message_id": 3, "date": 0, "chat": GROUP,
                                                  "from": {"id": 42, "is_bot": True, "first_name": "Doorstep"}})
    assert one(to_incoming(reply, ME)).addressed_to_bot is True
    mention = message("@DoorstepBot /board", entities=[{"type": "mention", "offset": 0, "length": 12}])
    got = one(to_incoming(mention, ME))
    assert (got.text, got.addressed_to_bot) == ("/board", True)
    emoji_first = "👋 hi @DoorstepBot"
    later = message(emoji_first, entities=[{"type": "mention", "offset": 6, "length": 12}])
    assert one(to_incoming(later, ME)).addressed_to_bot is True  # offsets count UTF-16 units


def test_private_messages_and_deep_links() -> None:
    got = one(to_incoming(message("/start ok_c12", chat=PRIVATE), ME))
    assert (got.is_private, got.chat_id, got.text, got.chat_title) == (True, "7", "/start ok:12", None)
    assert one(to_incoming(message(None, chat=PRIVATE, sticker=None), ME)).text is None


def test_bots_and_the_bot_itself_are_ignored() -> None:
    assert to_incoming(message("/ask x", sender={"id": 42, "is_bot": True, "first_name": "Doorstep"}), ME) == []
    assert to_incoming(message("/ask x", sender={"id": 9, "is_bot": True, "first_name": "Other"}), ME) == []
    anonymous_admin = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
    assert to_incoming(message("/ask x", sender=anonymous_admin, sender_chat=GROUP), ME) == []
    channel = {"id": -100999, "type": "channel", "title": "News"}
    assert to_incoming(message("/ask x", chat=channel), ME) == []


def test_a_button_press() -> None:
    pressed = update(callback_query={
        "id": "q1", "from": ROSA, "chat_instance": "1", "data": "h:12",
        "message": {"message_id": 9, "date": 0, "chat": GROUP, "text": "card",
                    "from": {"id": 42, "is_bot": True, "first_name": "Doorstep"}},
    })
    got = one(to_incoming(pressed, ME))
    assert (got.kind, got.payload, got.ref, got.chat_id, got.is_private) == (IncomingKind.PRESS, "h:12", "q1", "-100123", False)


def test_joins_and_leaves_from_service_messages() -> None:
    sam = {"id": 8, "is_bot": False, "first_name": "Sam"}
    bot = {"id": 42, "is_bot": True, "first_name": "Doorstep"}
    joined = to_incoming(message(None, new_chat_members=[sam, bot]), ME)
    assert [(i.kind, i.user_id, i.user_name) for i in joined] == [(IncomingKind.JOINED, "8", "Sam")]
    left = one(to_incoming(message(None, left_chat_member=sam), ME))
    assert (left.kind, left.user_id) == (IncomingKind.LEFT, "8")


def test_joins_and_leaves_from_chat_member_updates() -> None:
    def change(old: str, new: str, **new_fields: Any) -> Update:
        return update(chat_member={
            "chat": GROUP, "from": ROSA, "date": 0,
            "old_chat_member": {"status": old, "user": ROSA},
            "new_chat_member": {"status": new, "user": ROSA, **new_fields},
        })

    assert one(to_incoming(change("left", "member"), ME)).kind is IncomingKind.JOINED
    assert one(to_incoming(change("member", "kicked", until_date=0), ME)).kind is IncomingKind.LEFT
    assert to_incoming(change("member", "member"), ME) == []


def test_edits_and_other_updates_are_not_for_the_core() -> None:
    edited = {"message_id": 5, "date": 0, "chat": GROUP, "from": ROSA, "text": "/ask changed", "edit_date": 1}
    assert to_incoming(update(edited_message=edited), ME) == []


def test_a_reply_carries_the_message_it_replies_to() -> None:
    card = {"message_id": 3, "date": 0, "chat": GROUP, "from": {"id": 42, "is_bot": True, "first_name": "Doorstep"}}
    got = one(to_incoming(message("/remove", reply_to_message=card), ME))
    assert (got.text, got.reply_to) == ("/remove", "3")
    assert one(to_incoming(message("/remove"), ME)).reply_to is None


def test_a_location_is_only_its_cell() -> None:
    pin = {"latitude": 51.5007, "longitude": -0.1246, "horizontal_accuracy": 12.5}
    got = one(to_incoming(message(None, chat=PRIVATE, location=pin), ME))
    assert (got.kind, got.is_private, got.cell) == (IncomingKind.LOCATION, True, cell_of(51.5007, -0.1246))
    assert got.text is None and "51.50" not in repr(got) and "0.124" not in repr(got)
    live = one(to_incoming(message(None, chat=PRIVATE, location={**pin, "live_period": 900}), ME))
    assert live.cell == got.cell  # a live location counts once, as where it started
    no_fix = one(to_incoming(message(None, chat=PRIVATE, location={"latitude": 0.0, "longitude": 0.0}), ME))
    assert (no_fix.kind, no_fix.cell) == (IncomingKind.LOCATION, None)  # the core says it couldn't be read


def test_a_location_in_a_group_is_addressed_only_as_a_reply_to_the_bot() -> None:
    pin = {"latitude": 51.5007, "longitude": -0.1246}
    assert one(to_incoming(message(None, location=pin), ME)).addressed_to_bot is False
    card = {"message_id": 3, "date": 0, "chat": GROUP, "from": {"id": 42, "is_bot": True, "first_name": "Doorstep"}}
    got = one(to_incoming(message(None, location=pin, reply_to_message=card), ME))
    assert (got.kind, got.addressed_to_bot, got.reply_to) == (IncomingKind.LOCATION, True, "3")


def test_a_live_location_moving_on_is_not_for_the_core() -> None:
    moved = {"message_id": 5, "date": 0, "chat": PRIVATE, "from": ROSA, "edit_date": 1,
             "location": {"latitude": 51.6, "longitude": -0.2, "live_period": 900}}
    assert to_incoming(update(edited_message=moved), ME) == []


def test_a_group_becoming_a_supergroup() -> None:
    told_in_old = message(None, migrate_to_chat_id=-100777)
    told_in_new = message(None, chat={"id": -100777, "type": "supergroup", "title": "Elm Street"},
                          migrate_from_chat_id=-100123)
    assert migration_of(told_in_old) == migration_of(told_in_new) == ("-100123", "-100777")
    assert to_incoming(told_in_old, ME) == [] and to_incoming(told_in_new, ME) == []
    assert migration_of(message("/board")) is None
