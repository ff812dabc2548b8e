"""Telegram updates as the core's `Incoming`: what someone typed, pressed or shared (a location, as
its coarse cell only), or that they joined or left.

Messages from bots (the bot itself, other bots, admins posting anonymously as the group) and
commands meant for another bot are left out. In groups a message counts as addressed to the bot
when it is a command, a reply to the bot, or mentions it (with privacy mode on, the usual setting,
Telegram only delivers those anyway). A live location counts once, when it is first shared: its
later positions come as edits, which the bot never asks for. A group becoming a supergroup is not
something anyone said: `migration_of` reads it, for the adapter to follow.

In a forum supergroup, what happens in a topic carries the topic's id as its `thread` (a press, the
topic of the message pressed). The General topic is the group's main place (no thread), as Telegram
treats it: its messages carry no topic, and id 1 can't be sent to. Elsewhere `message_thread_id`
names a thread of replies, not a place to post, and is left out. Every message in a topic answers
the topic's first message (the service message that created it) unless it answers another: that is
no reply, to the bot or anyone."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Chat, ChatMember, ChatMemberUpdated, Message, MessageEntity, Update, User

from bot.location import located
from bot.telegram.markup import decode_start
from handlers.kernel.incoming import Incoming, IncomingKind

PLATFORM = "telegram"
GENERAL_TOPIC = 1  # a forum's General topic: messages are sent there without a topic


@dataclass(frozen=True)
class BotIdentity:
    id: int
    username: str


def to_incoming(update: Update, me: BotIdentity) -> list[Incoming]:
    if update.callback_query is not None:
        return _press(update, me)
    if update.message is not None:
        return _message(update.message, me)
    if update.chat_member is not None:
        return _membership_change(update.chat_member, me)
    return []  # edits (live locations moving too), channel posts, my_chat_member and the rest: nothing for the core


def migration_of(update: Update) -> tuple[str, str] | None:
    """(old chat id, new chat id) when this update says a group became a supergroup. Telegram says
    so twice: in the old group (`migrate_to_chat_id`) and in the new one (`migrate_from_chat_id`)."""
    message = update.message
    if message is None:
        return None
    if message.migrate_to_chat_id:
        return str(message.chat.id), str(message.migrate_to_chat_id)
    if message.migrate_from_chat_id:
        return str(message.migrate_from_chat_id), str(message.chat.id)
    return None


def _is_person(user: User | None, me: BotIdentity) -> bool:
    return user is not None and not user.is_bot and user.id != me.id


def _is_group(chat: Chat) -> bool:
    return chat.type in (Chat.GROUP, Chat.SUPERGROUP)


def topic_of(message: Message | None) -> str | None:
    """The forum topic a message is in, as the core's `thread`; None for the General topic and
    for groups without topics."""
    if message is None or not message.is_topic_message or message.message_thread_id in (None, GENERAL_TOPIC):
        return None
    return str(message.message_thread_id)


def _replied(message: Message) -> Message | None:
    """The message this one really answers: not a topic's first message, which every message in a
    topic names when it answers nothing else."""
    replied = message.reply_to_message
    if replied is None or replied.forum_topic_created is not None:
        return None
    return replied


def _base(chat: Chat, user: User, thread: str | None = None) -> dict:
    private = chat.type == Chat.PRIVATE
    return {
        "platform": PLATFORM,
        "chat_id": str(chat.id),
        "user_id": str(user.id),
        "is_private": private,
        "user_name": user.first_name or None,
        "chat_title": None if private else chat.title,
        "language": user.language_code or None,
        "thread": None if private else thread,
    }


def _press(update: Update, me: BotIdentity) -> list[Incoming]:
    query = update.callback_query
    assert query is not None
    message = query.message  # None for buttons on inline-mode messages, which Doorstep never sends
    if message is None or not _is_person(query.from_user, me):
        return []
    chat = message.chat
    if chat.type != Chat.PRIVATE and not _is_group(chat):
        return []
    if chat.type == Chat.PRIVATE and chat.id != query.from_user.id:
        return []  # a button in someone else's private chat: never theirs to press (answered with nothing)
    pressed_on = message if isinstance(message, Message) else None  # an inaccessible message has no topic
    return [Incoming(**_base(chat, query.from_user, topic_of(pressed_on)), kind=IncomingKind.PRESS,
                     payload=query.data or "", ref=query.id)]


def _message(message: Message, me: BotIdentity) -> list[Incoming]:
    chat = message.chat
    if chat.type != Chat.PRIVATE and not _is_group(chat):
        return []
    if message.new_chat_members:
        return [Incoming(**_base(chat, user), kind=IncomingKind.JOINED)
                for user in message.new_chat_members if _is_person(user, me)]
    if message.left_chat_member is not None:
        user = message.left_chat_member
        return [Incoming(**_base(chat, user), kind=IncomingKind.LEFT)] if _is_person(user, me) else []
    if message.migrate_to_chat_id or message.migrate_from_chat_id or not _is_person(message.from_user, me):
        return []
    assert message.from_user is not None
    replied = _replied(message)
    reply_to = str(replied.message_id) if replied is not None else None
    if message.location is not None:
        return [_location(message, me, reply_to)]
    text = message.text if message.text is not None else message.caption
    entities = message.entities if message.text is not None else message.caption_entities
    if chat.type == Chat.PRIVATE:
        return [Incoming(**_base(chat, message.from_user), text=_start_payload(text), reply_to=reply_to)]
    command_for = _command_addressee(text, entities)
    if command_for is not None and command_for.lower() not in ("", me.username.lower()):
        return []  # /command@SomeOtherBot
    addressed = command_for is not None or _replies_to_me(message, me)
    if not addressed and text:
        text, addressed = _without_mention(text, entities, me)
    return [Incoming(**_base(chat, message.from_user, topic_of(message)), text=text, addressed_to_bot=addressed,
                     reply_to=reply_to)]


def _location(message: Message, me: BotIdentity, reply_to: str | None) -> Incoming:
    """A shared location (a pin, a venue, or the first position of a live location) as its coarse
    cell; the coordinates go no further than this call."""
    assert message.location is not None and message.from_user is not None
    private = message.chat.type == Chat.PRIVATE
    return located(
        latitude=message.location.latitude, longitude=message.location.longitude,
        **_base(message.chat, message.from_user, topic_of(message)), addressed_to_bot=private or _replies_to_me(message, me),
        reply_to=reply_to,
    )


def _command_addressee(text: str | None, entities: tuple[MessageEntity, ...]) -> str | None:
    """For a message starting with a command: the bot it names after "@" ("" if none); else None."""
    if not text:
        return None
    for entity in entities:
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            command = text[: entity.length]
            return command.partition("@")[2]
    return None


def _replies_to_me(message: Message, me: BotIdentity) -> bool:
    replied = _replied(message)
    return replied is not None and replied.from_user is not None and replied.from_user.id == me.id


def _without_mention(text: str, entities: tuple[MessageEntity, ...], me: BotIdentity) -> tuple[str, bool]:
    """Whether the message mentions the bot; a leading mention is taken off ("@Bot /ask …")."""
    handle = f"@{me.username}".lower()
    for entity in entities:
        mentioned = entity.type == MessageEntity.MENTION and _entity_text(text, entity).lower() == handle
        mentioned = mentioned or (entity.type == MessageEntity.TEXT_MENTION and entity.user is not None
                                  and entity.user.id == me.id)
        if mentioned:
            if entity.offset == 0:
                return _entity_rest(text, entity).lstrip(" ,:"), True
            return text, True
    return text, False


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _entity_text(text: str, entity: MessageEntity) -> str:
    """Entity offsets count UTF-16 code units, not Python characters."""
    raw = _utf16(text)
    return raw[entity.offset * 2: (entity.offset + entity.length) * 2].decode("utf-16-le")


def _entity_rest(text: str, entity: MessageEntity) -> str:
    return _utf16(text)[(entity.offset + entity.length) * 2:].decode("utf-16-le")


def _start_payload(text: str | None) -> str | None:
    """`/start PARAMETER` from a deep link carries a payload in link-safe spelling; read it back."""
    if text is None or not text.startswith("/start "):
        return text
    command, _, parameter = text.partition(" ")
    return f"{command} {decode_start(parameter.strip())}"


def _is_member(member: ChatMember) -> bool:
    if member.status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER):
        return True
    return member.status == ChatMember.RESTRICTED and bool(getattr(member, "is_member", False))


def _membership_change(change: ChatMemberUpdated, me: BotIdentity) -> list[Incoming]:
    user = change.new_chat_member.user
    if not _is_group(change.chat) or not _is_person(user, me):
        return []
    was, now = _is_member(change.old_chat_member), _is_member(change.new_chat_member)
    if was == now:
        return []  # a promotion or a restriction: nothing the core tracks
    kind = IncomingKind.JOINED if now else IncomingKind.LEFT
    return [Incoming(**_base(change.chat, user), kind=kind)]
