"""A local stand-in for Telegram's Bot API, speaking real HTTP on 127.0.0.1 (a random port).

It answers the methods Doorstep's adapter uses the way Telegram does — form, JSON or multipart
bodies (photos and documents are uploaded as files), the `{ok, result}` envelope, and Telegram's
errors (`{ok: false, error_code, description, parameters}`): 401/404 for a wrong token or method,
400 for bad requests (unparseable HTML, unknown messages, "message is not modified", callback data
over 64 bytes, a caption over 1,024 characters, a picture it can't read, editing a message that
carried a reply keyboard…), 403 for people who never started the bot, 409 for a second poller or
polling while a webhook is set, and 429 with `retry_after` when its flood limits (overall per second,
per group per minute, per private chat per second; all configurable) are exceeded. Faults (5xx
answers, slow answers) can be injected for as long as a test likes.

Forum supergroups (`group(..., forum=True)`) have topics, as Telegram's do: a topic's id is the id
of the service message that created it (`forum_topic_created`), every message in it carries
`message_thread_id` and `is_topic_message` and, unless it answers another message, answers that
first one; the General topic has no id on its messages and can't be sent to by id (1). Sending to a
topic that doesn't exist or was deleted is a 400 "message thread not found", to a closed one a 400
"TOPIC_CLOSED" (unless the bot may manage topics); deleting a topic deletes its messages. The bot
can create, close, reopen and delete topics (`createForumTopic` and the rest) as an admin with
the right to manage them; tests do the same as the group's people (`create_topic`, `close_topic`…).

Tests act as neighbours through it (`say`, `dm`, `press`, `join`, `share_location`,
`tap_location_button`…): with privacy mode on (Telegram's default) a group message reaches the bot
only if it is a command, a reply to the bot or mentions it; service messages (joins, a group becoming
a supergroup) always do. Everything the bot does is recorded (`sent`, `messages_in`, `answers`,
`commands`, `requests`), and `until` waits for what a neighbour would see. A benchmark can drive
thousands of sends through it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, Callable, Iterable

from aiohttp import ClientSession, ClientTimeout, web
from PIL import Image

TOKEN = "123456789:TEST-fake-token-for-doorstep"
BOT_ID = 123456789
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

INT_FIELDS = {
    "chat_id", "message_id", "user_id", "offset", "limit", "timeout", "max_connections", "cache_time",
    "from_chat_id", "reply_to_message_id", "message_thread_id", "icon_color",
}
BOOL_FIELDS = {"show_alert", "drop_pending_updates", "disable_notification", "protect_content",
               "disable_web_page_preview", "allow_sending_without_reply"}
JSON_FIELDS = {"reply_markup", "commands", "scope", "allowed_updates", "reply_parameters", "link_preview_options",
               "entities"}
DEFAULT_UPDATES = {"message", "edited_message", "callback_query", "my_chat_member", "channel_post",
                   "edited_channel_post", "inline_query", "chosen_inline_result"}  # not chat_member: ask for it
COUNTED_METHODS = {"sendmessage", "sendphoto", "senddocument", "editmessagetext",
                   "editmessagereplymarkup"}  # under the flood limits
GENERAL_TOPIC = 1
SERVICE = {"forum_topic_created", "supergroup_chat_created"}  # service messages, not anything the bot said
TOPIC_COLOURS = (7322096, 16766590, 13338331, 9367192, 16749490, 16478047)  # the only icon colours Telegram takes
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
START_PARAMETER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


def bad_request(what: str) -> ApiError:
    return ApiError(400, f"Bad Request: {what}")


# --- The world: people, chats, messages ---


@dataclass
class FakeUser:
    id: int
    first_name: str
    last_name: str | None = None
    language_code: str | None = "en"
    is_bot: bool = False
    started: bool = False  # has opened a private chat with the bot
    blocked: bool = False

    def json(self) -> dict:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass
class FakeChat:
    id: int
    type: str  # private, group, supergroup
    title: str | None = None
    user: FakeUser | None = None  # for a private chat
    members: dict[int, str] = field(default_factory=dict)  # user id -> creator/administrator/member/left/kicked
    bot_is_admin: bool = False
    bot_present: bool = True
    migrated_to: int | None = None
    keyboard: ReplyKeyboard | None = None  # the reply keyboard the bot left open here, if any
    is_forum: bool = False  # a supergroup with topics
    topics: dict[int, FakeTopic] = field(default_factory=dict)  # by id (message_thread_id)
    bot_can_manage_topics: bool = False  # may create, close and delete topics, and write in closed ones

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def json(self) -> dict:
        if self.user is not None:
            data = {"id": self.id, "type": "private", "first_name": self.user.first_name}
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            return data
        data = {"id": self.id, "type": self.type, "title": self.title}
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class FakeTopic:
    """A forum topic: its id is that of the message that created it."""

    id: int
    name: str
    icon_color: int = TOPIC_COLOURS[0]
    closed: bool = False
    deleted: bool = False

    def json(self) -> dict:
        return {"message_thread_id": self.id, "name": self.name, "icon_color": self.icon_color}


@dataclass
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass
class KeyButton:
    """A reply keyboard's button: it sends its text, or (request_location) the person's location."""

    text: str
    request_location: bool = False


@dataclass
class ReplyKeyboard:
    rows: list[list[KeyButton]]
    one_time: bool = False
    folded: bool = False  # a one-time keyboard after use: still there, behind an icon

    @property
    def flat(self) -> list[KeyButton]:
        return [button for row in self.rows for button in row]


@dataclass
class FakeFile:
    """A file the bot uploaded: a photo's or a document's bytes, as the neighbour would download them."""

    file_id: str
    data: bytes
    filename: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0


@dataclass
class FakeMessage:
    chat_id: int
    message_id: int
    sender_id: int
    text: str  # what a person sees (tags gone, entities decoded)
    html: str | None = None  # as the bot sent it, when it used HTML
    buttons: list[list[Button]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    reply_to: int | None = None
    date: int = field(default_factory=lambda: int(time.time()))
    edits: list[str] = field(default_factory=list)  # earlier texts, oldest first
    deleted: bool = False
    extra: dict = field(default_factory=dict)  # new_chat_members, location and the like
    photo: FakeFile | None = None  # for photos and documents, `text` is the caption
    document: FakeFile | None = None
    keyboard: ReplyKeyboard | None = None  # a reply keyboard sent with it
    removes_keyboard: bool = False  # sent with remove_keyboard
    topic: int | None = None  # the forum topic it is in (None: the General topic, or no topics)

    @property
    def has_reply_keyboard_markup(self) -> bool:
        """Telegram can't edit a message sent with a reply keyboard (or its removal)."""
        return self.keyboard is not None or self.removes_keyboard

    @property
    def by_bot(self) -> bool:
        return self.sender_id == BOT_ID

    @property
    def flat_buttons(self) -> list[Button]:
        return [button for row in self.buttons for button in row]

    @property
    def mentions(self) -> list[int]:
        """User ids of people mentioned with tg://user links."""
        return [int(href.split("=", 1)[1]) for href, _ in self.links if href.startswith("tg://user?id=")]

    def button(self, label_part: str) -> Button:
        for button in self.flat_buttons:
            if label_part.casefold() in button.text.casefold():
                return button
        raise AssertionError(f"no button like {label_part!r} under {self.text!r}: {[b.text for b in self.flat_buttons]}")

    def markup_json(self) -> dict | None:
        if not self.buttons:
            return None
        rows = []
        for row in self.buttons:
            rows.append([{k: v for k, v in (("text", b.text), ("callback_data", b.callback_data), ("url", b.url)) if v}
                         for b in row])
        return {"inline_keyboard": rows}


@dataclass
class Query:
    id: str
    user: FakeUser
    message: FakeMessage
    data: str
    answers: list[dict] = field(default_factory=list)  # every answerCallbackQuery call, even refused ones


@dataclass(frozen=True)
class Limit:
    count: int
    period: float


@dataclass(frozen=True)
class FloodLimits:
    """Telegram's flood limits; `scale` shrinks every period so tests don't wait minutes."""

    overall: Limit | None = Limit(30, 1.0)
    group: Limit | None = Limit(20, 60.0)
    private: Limit | None = Limit(1, 1.0)

    @classmethod
    def telegram(cls, scale: float = 1.0) -> FloodLimits:
        return cls(Limit(30, 1.0 * scale), Limit(20, 60.0 * scale), Limit(1, 1.0 * scale))


@dataclass
class Fault:
    """Make matching calls fail (status) and/or answer slowly (delay), `times` times or until `until`
    (a time.monotonic() moment); `methods` None means every method."""

    methods: set[str] | None = None
    status: int | None = 500
    description: str = "Internal Server Error"
    delay: float = 0.0
    times: int | None = 1
    until: float | None = None
    hits: int = 0
    parameters: dict | None = None  # e.g. {"retry_after": 1} with a 429

    def matches(self, method: str) -> bool:
        if self.until is not None and time.monotonic() >= self.until:
            return False
        if self.times is not None and self.hits >= self.times:
            return False
        return self.methods is None or method.lower() in {m.lower() for m in self.methods}


class _Window:
    def __init__(self, limit: Limit) -> None:
        self.limit = limit
        self.times: deque[float] = deque()

    def wait(self, now: float) -> float:
        while self.times and self.times[0] <= now - self.limit.period:
            self.times.popleft()
        if len(self.times) < self.limit.count:
            return 0.0
        return self.times[0] + self.limit.period - now


# --- HTML as Telegram reads it ---

ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code",
                "pre", "blockquote", "tg-emoji"}
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<tag>[A-Za-z][\w-]*)(?P<attrs>(?:\s+[\w-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
    r"|&(?P<entity>#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|<"
)
_HREF = re.compile(r"href\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")


def parse_html(source: str) -> tuple[str, list[tuple[str, str]]]:
    """(visible text, links) or ApiError like Telegram's "can't parse entities"."""
    visible: list[str] = []
    links: list[tuple[str, str]] = []
    stack: list[tuple[str, str | None, int]] = []  # tag, href, where its text starts
    position = 0
    for found in _TOKEN.finditer(source):
        visible.append(source[position:found.start()])
        position = found.end()
        offset = len(source[: found.start()].encode())
        if found.group(0) == "<":
            raise bad_request(f"can't parse entities: Unsupported start tag \"\" at byte offset {offset}")
        if found.group("entity"):
            name = found.group("entity")
            if name.startswith("#"):
                visible.append(chr(int(name[2:], 16) if name[1:2].lower() == "x" else int(name[1:])))
            else:
                visible.append(_ENTITIES.get(name.lower(), found.group(0)))
            continue
        tag = found.group("tag").lower()
        if tag not in ALLOWED_TAGS:
            raise bad_request(f"can't parse entities: Unsupported start tag \"{tag}\" at byte offset {offset}")
        if found.group("close"):
            if not stack:
                raise bad_request(f"can't parse entities: Unexpected end tag at byte offset {offset}")
            open_tag, href, start = stack.pop()
            if open_tag != tag:
                raise bad_request(f"can't parse entities: Unmatched end tag at byte offset {offset}, "
                                  f"expected \"</{open_tag}>\", found \"</{tag}>\"")
            if href is not None:
                links.append((href, "".join(visible)[start:]))
            continue
        href = None
        if tag == "a":
            match = _HREF.search(found.group("attrs") or "")
            href = next((g for g in match.groups() if g is not None), "") if match else ""
        stack.append((tag, href, len("".join(visible))))
    visible.append(source[position:])
    if stack:
        raise bad_request(f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1][0]}\"")
    return "".join(visible), links


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# --- The server ---


class FakeBotApi:
    def __init__(self, *, token: str = TOKEN, username: str = "DoorstepTestBot", privacy_mode: bool = True,
                 limits: FloodLimits | None = None) -> None:
        self.token = token
        self.username = username
        self.privacy_mode = privacy_mode
        self.limits = limits
        self.bot = FakeUser(BOT_ID, "Doorstep", is_bot=True, language_code=None)
        self.users: dict[int, FakeUser] = {}
        self.chats: dict[int, FakeChat] = {}
        self.messages: dict[int, list[FakeMessage]] = defaultdict(list)
        self.sent: list[FakeMessage] = []  # everything the bot sent, in order
        self.queries: dict[str, Query] = {}
        self.commands: dict[str, list[tuple[str, str]]] = {}  # scope type (/app language) -> (command, description)
        self.descriptions: dict[str, str] = {}  # app language ("" for everyone else) -> the bot's description
        self.short_descriptions: dict[str, str] = {}
        self.requests: list[tuple[str, int]] = []  # (method, HTTP status)
        self.faults: list[Fault] = []
        self.rate_limited = 0  # 429s answered
        self.webhook: dict | None = None
        self.webhook_deliveries: list[int] = []  # HTTP status of each push to the webhook
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._ids = itertools.count(1001)
        self._group_ids = itertools.count(1)
        self._query_ids = itertools.count(5_000_000_000)
        self._file_ids = itertools.count(1)
        self._allowed = set(DEFAULT_UPDATES)
        self._overall: _Window | None = _Window(limits.overall) if limits and limits.overall else None
        self._per_chat: dict[int, _Window] = {}
        self._poller = 0
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._pusher: asyncio.Task | None = None
        self.port = 0

    # --- running ---

    async def start(self) -> FakeBotApi:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        self._closing = True
        self._notify()
        if self._pusher is not None:
            self._pusher.cancel()
            await asyncio.gather(self._pusher, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        """What DOORSTEP_TELEGRAM__BASE_URL would be: the token is appended to it."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- building the street ---

    def user(self, first_name: str, *, last_name: str | None = None, language_code: str | None = "en",
             started: bool = False, is_bot: bool = False) -> FakeUser:
        user = FakeUser(next(self._ids) * 7, first_name, last_name, language_code, is_bot=is_bot, started=started)
        self.users[user.id] = user
        return user

    def group(self, title: str, members: Iterable[FakeUser] = (), *, admins: Iterable[FakeUser] = (),
              owner: FakeUser | None = None, bot_is_admin: bool = False, supergroup: bool = True,
              forum: bool = False) -> FakeChat:
        """A group; with `forum`, a supergroup with topics (an admin bot may manage them)."""
        supergroup = supergroup or forum
        chat_id = -(1_000_000_000_000 + next(self._group_ids)) if supergroup else -next(self._group_ids) * 1000
        chat = FakeChat(chat_id, "supergroup" if supergroup else "group", title, bot_is_admin=bot_is_admin,
                        is_forum=forum, bot_can_manage_topics=forum and bot_is_admin)
        for member in members:
            chat.members[member.id] = "member"
        for admin in admins:
            chat.members[admin.id] = "administrator"
        if owner is not None:
            chat.members[owner.id] = "creator"
        self.chats[chat.id] = chat
        if forum:  # the group's first message, so that topics start at 2: id 1 is the General topic's
            self.messages[chat.id].append(FakeMessage(chat.id, GENERAL_TOPIC, owner.id if owner else BOT_ID, "",
                                                      extra={"supergroup_chat_created": True}))
        return chat

    def private_chat(self, user: FakeUser) -> FakeChat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = self.chats[user.id] = FakeChat(user.id, "private", user=user)
        return chat

    # --- neighbours acting ---

    def say(self, user: FakeUser, chat: FakeChat, text: str, *, reply_to: FakeMessage | None = None,
            topic: FakeTopic | None = None) -> FakeMessage:
        """`user` writes in a group (delivered to the bot only where privacy mode lets it through); in a
        forum, in `topic` (the General topic when None), or in the topic of the message answered."""
        where = topic.id if topic is not None else reply_to.topic if reply_to is not None else None
        message = self._post(user, chat, text, reply_to, topic=where)
        if not self.privacy_mode or self._meant_for_bot(message, reply_to):
            self._queue("message", self._message_json(message, reply_to))
        return message

    def create_topic(self, chat: FakeChat, name: str, *, by: FakeUser) -> FakeTopic:
        """Someone in a forum makes a topic: the service message that creates it is its first message."""
        return self._create_topic(chat, name, by)

    def close_topic(self, chat: FakeChat, topic: FakeTopic) -> None:
        topic.closed = True
        self._notify()

    def reopen_topic(self, chat: FakeChat, topic: FakeTopic) -> None:
        topic.closed = False
        self._notify()

    def delete_topic(self, chat: FakeChat, topic: FakeTopic) -> None:
        """A topic is deleted with every message in it."""
        topic.deleted = True
        for message in self.messages[chat.id]:
            if message.topic == topic.id:
                message.deleted = True
        self._notify()

    def dm(self, user: FakeUser, text: str) -> FakeMessage:
        """`user` writes to the bot privately (which also opens the private chat)."""
        user.started = True
        user.blocked = False
        message = self._post(user, self.private_chat(user), text, None)
        self._queue("message", self._message_json(message, None))
        return message

    def press(self, user: FakeUser, message: FakeMessage, label_part: str) -> str:
        """`user` taps a callback button on the bot's message; returns the callback query id."""
        return self.press_data(user, message, self._callback_data(message, label_part))

    def press_data(self, user: FakeUser, message: FakeMessage, data: str) -> str:
        query = Query(str(next(self._query_ids)), user, message, data)
        self.queries[query.id] = query
        self._queue("callback_query", {
            "id": query.id, "from": user.json(), "chat_instance": str(abs(message.chat_id)),
            "message": self._message_json(message, None), "data": data,
        })
        return query.id

    def follow_link(self, user: FakeUser, message: FakeMessage, label_part: str) -> FakeMessage:
        """`user` taps a URL button that opens a private chat with the bot (t.me/<bot>?start=…)."""
        url = message.button(label_part).url or ""
        prefix = f"https://t.me/{self.username}?start="
        assert url.startswith(prefix), url
        return self.dm(user, f"/start {url[len(prefix):]}")

    def join(self, user: FakeUser, chat: FakeChat) -> None:
        old = chat.members.get(user.id, "left")
        chat.members[user.id] = "member"
        message = self._post(user, chat, "", None, extra={"new_chat_members": [user.json()]})
        self._queue("message", self._message_json(message, None))
        self._member_change(chat, user, old, "member", by=user)

    def leave(self, user: FakeUser, chat: FakeChat) -> None:
        old = chat.members.get(user.id, "member")
        chat.members[user.id] = "left"
        message = self._post(user, chat, "", None, extra={"left_chat_member": user.json()})
        self._queue("message", self._message_json(message, None))
        self._member_change(chat, user, old, "left", by=user)

    def promote(self, user: FakeUser, chat: FakeChat, *, by: FakeUser) -> None:
        old = chat.members.get(user.id, "member")
        chat.members[user.id] = "administrator"
        self._member_change(chat, user, old, "administrator", by=by)

    def demote(self, user: FakeUser, chat: FakeChat, *, by: FakeUser) -> None:
        old = chat.members.get(user.id, "administrator")
        chat.members[user.id] = "member"
        self._member_change(chat, user, old, "member", by=by)

    def migrate(self, chat: FakeChat, *, by: FakeUser | None = None, announce: bool = True) -> FakeChat:
        """A group becomes a supergroup: a new chat id; the old one answers with migrate_to_chat_id.
        As Telegram does, a service message in each chat says so (`by`: who upgraded it; by default
        the group's creator, else an admin, else a member) — unless `announce` is False: the bot
        missed them (it was away longer than Telegram keeps updates)."""
        new = FakeChat(-(1_000_000_000_000 + next(self._group_ids)), "supergroup", chat.title, members=dict(chat.members),
                       bot_is_admin=chat.bot_is_admin)
        chat.migrated_to = new.id
        self.chats[new.id] = new
        if by is None:
            ranked = sorted(chat.members.items(), key=lambda item: ("creator", "administrator", "member").index(item[1])
                            if item[1] in ("creator", "administrator", "member") else 3)
            by = self.users[ranked[0][0]] if ranked else None
        if by is not None and announce:
            for where, extra in ((chat, {"migrate_to_chat_id": new.id}), (new, {"migrate_from_chat_id": chat.id})):
                message = self._post(by, where, "", None, extra=extra)
                self._queue("message", self._message_json(message, None))
        return new

    def share_location(self, user: FakeUser, chat: FakeChat | None, latitude: float, longitude: float, *,
                       live_period: int | None = None, reply_to: FakeMessage | None = None) -> FakeMessage:
        """`user` shares a location pin (in their private chat with the bot when `chat` is None); a
        live one when `live_period` is given. In a group, privacy mode lets it through only as a reply
        to the bot."""
        where = chat or self.private_chat(user)
        location: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
        if live_period is not None:
            location["live_period"] = live_period
        message = self._post(user, where, "", reply_to, extra={"location": location})
        if where.user is not None:
            user.started = True
        if where.user is not None or not self.privacy_mode or (reply_to is not None and reply_to.by_bot):
            self._queue("message", self._message_json(message, reply_to))
        return message

    def tap_location_button(self, user: FakeUser, label_part: str, latitude: float, longitude: float) -> FakeMessage:
        """`user` taps a "share my location" button on the keyboard the bot left open in their private
        chat: their phone sends where they are."""
        chat = self.private_chat(user)
        keyboard = chat.keyboard
        buttons = keyboard.flat if keyboard is not None else []
        found = [b for b in buttons if label_part.casefold() in b.text.casefold() and b.request_location]
        assert keyboard is not None and found, f"no location button like {label_part!r}: {[b.text for b in buttons]}"
        if keyboard.one_time:
            keyboard.folded = True
        return self.share_location(user, None, latitude, longitude)

    def move_live_location(self, shared: FakeMessage, latitude: float, longitude: float) -> None:
        """A live location moves on: Telegram sends the new position as an edit of the same message."""
        shared.extra = {**shared.extra, "location": {**shared.extra["location"], "latitude": latitude,
                                                    "longitude": longitude}}
        self._queue("edited_message", {**self._message_json(shared, None), "edit_date": int(time.time())})

    def push_raw(self, kind: str, payload: dict) -> None:
        """Any update, as Telegram would send it (for cases the helpers above don't cover)."""
        self._queue(kind, payload)

    # --- observing ---

    def messages_in(self, chat: FakeChat | FakeUser) -> list[FakeMessage]:
        """The bot's messages in a group, or in a private chat with someone, still there."""
        return [m for m in self.messages[chat.id] if m.by_bot and not m.deleted and not SERVICE.intersection(m.extra)]

    def messages_in_topic(self, chat: FakeChat, topic: FakeTopic | None) -> list[FakeMessage]:
        """The bot's messages in one topic of a forum (None: the General topic), still there."""
        wanted = topic.id if topic is not None else None
        return [m for m in self.messages_in(chat) if m.topic == wanted]

    async def next_in_topic(self, chat: FakeChat, topic: FakeTopic | None, after: int, timeout: float = 5.0) -> FakeMessage:
        """The first bot message in a topic beyond the `after` already there."""
        messages = await self.until(lambda: self.messages_in_topic(chat, topic)[after:], timeout,
                                    f"a message in topic {topic.name if topic else 'General'}")
        return messages[0]

    def answers(self, query_id: str) -> list[dict]:
        return self.queries[query_id].answers

    def calls(self, method: str) -> int:
        return sum(1 for name, _ in self.requests if name.lower() == method.lower())

    @property
    def polls(self) -> int:
        """getUpdates calls begun (`calls` counts them once answered, which a long poll may take a while to be)."""
        return self._poller

    @property
    def pending_updates(self) -> int:
        return len(self._updates)

    async def until(self, condition: Callable[[], object], timeout: float = 5.0, what: str = "") -> Any:
        """Wait until `condition()` is truthy (re-checked whenever anything happens); return its value."""
        deadline = time.monotonic() + timeout
        while True:
            changed = self._changed
            value = condition()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what or 'a condition'}")
            try:
                await asyncio.wait_for(changed.wait(), min(remaining, 0.25))
            except asyncio.TimeoutError:
                pass

    async def next_in(self, chat: FakeChat | FakeUser, after: int, timeout: float = 5.0) -> FakeMessage:
        """The first bot message in `chat` beyond the `after` already there."""
        messages = await self.until(lambda: self.messages_in(chat)[after:], timeout, f"a message in {chat.id}")
        return messages[0]

    async def answered(self, query_id: str, timeout: float = 5.0) -> dict:
        answers = await self.until(lambda: self.queries[query_id].answers, timeout, "a callback answer")
        return answers[0]

    # --- internals: world ---

    def _notify(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def _post(self, user: FakeUser, chat: FakeChat, text: str, reply_to: FakeMessage | None,
              extra: dict | None = None, topic: int | None = None) -> FakeMessage:
        message = FakeMessage(chat.id, self._next_message_id(chat.id), user.id, text,
                              reply_to=reply_to.message_id if reply_to else None, extra=extra or {}, topic=topic)
        self.messages[chat.id].append(message)
        return message

    def _create_topic(self, chat: FakeChat, name: str, by: FakeUser, icon_color: int = TOPIC_COLOURS[0]) -> FakeTopic:
        if not chat.is_forum:
            raise bad_request("the chat is not a forum")
        message_id = self._next_message_id(chat.id)
        topic = FakeTopic(message_id, name, icon_color)
        chat.topics[topic.id] = topic
        created = FakeMessage(chat.id, message_id, by.id, "", extra={"forum_topic_created": {
            "name": name, "icon_color": icon_color}}, topic=topic.id)
        self.messages[chat.id].append(created)
        self._notify()
        return topic

    def _topic_message(self, chat_id: int, topic: int) -> FakeMessage | None:
        return next((m for m in self.messages[chat_id] if m.message_id == topic), None)

    def _next_message_id(self, chat_id: int) -> int:
        return len(self.messages[chat_id]) + 1

    def _meant_for_bot(self, message: FakeMessage, reply_to: FakeMessage | None) -> bool:
        """Privacy mode: commands (not for another bot), replies to the bot, and mentions of it."""
        if reply_to is not None and reply_to.by_bot:
            return True
        text = message.text
        if f"@{self.username}".lower() in text.lower():
            return True
        if text.startswith("/"):
            command = text.split()[0]
            return "@" not in command or command.split("@", 1)[1].lower() == self.username.lower()
        return False

    def _message_json(self, message: FakeMessage, reply_to: FakeMessage | None) -> dict:
        chat = self.chats[message.chat_id]
        sender = self.bot if message.by_bot else self.users[message.sender_id]
        data: dict[str, Any] = {"message_id": message.message_id, "date": message.date, "chat": chat.json(),
                                "from": sender.json(), **message.extra}
        if message.photo is not None or message.document is not None:
            if message.photo is not None:
                data["photo"] = _photo_sizes(message.photo)
            if message.document is not None:
                data["document"] = _document_json(message.document)
            if message.text:
                data["caption"] = message.text
        elif message.text:
            data["text"] = message.text
            command = re.match(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", message.text)
            if command and not message.by_bot:
                data["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_length(command.group())}]
            mentions = [{"type": "mention", "offset": utf16_length(message.text[: m.start()]),
                         "length": utf16_length(m.group())} for m in re.finditer(r"@[A-Za-z0-9_]{5,32}", message.text)]
            if mentions and not message.by_bot:
                data.setdefault("entities", []).extend(mentions)
        if message.buttons:
            data["reply_markup"] = message.markup_json()
        if message.topic is not None:
            data.update(message_thread_id=message.topic, is_topic_message=True)
            if reply_to is None and message.message_id != message.topic:
                reply_to = self._topic_message(message.chat_id, message.topic)  # as Telegram does in a topic
        if reply_to is not None:
            data["reply_to_message"] = self._message_json(reply_to, None)
        return data

    def _callback_data(self, message: FakeMessage, label_part: str) -> str:
        button = message.button(label_part)
        assert button.callback_data is not None, f"{button.text!r} is a link, not a callback button"
        return button.callback_data

    def _member_change(self, chat: FakeChat, user: FakeUser, old: str, new: str, *, by: FakeUser) -> None:
        if not chat.bot_is_admin:
            return  # Telegram sends chat_member updates only to admins
        self._queue("chat_member", {
            "chat": chat.json(), "from": by.json(), "date": int(time.time()),
            "old_chat_member": self._member_json(user, old), "new_chat_member": self._member_json(user, new),
        })

    @staticmethod
    def _member_json(user: FakeUser | dict, status: str) -> dict:
        user_json = user.json() if isinstance(user, FakeUser) else user
        data: dict[str, Any] = {"status": status, "user": user_json}
        if status == "creator":
            data["is_anonymous"] = False
        elif status == "administrator":
            data.update(can_be_edited=False, is_anonymous=False, can_manage_chat=True, can_delete_messages=True,
                        can_manage_video_chats=False, can_restrict_members=True, can_promote_members=False,
                        can_change_info=True, can_invite_users=True, can_post_stories=False,
                        can_edit_stories=False, can_delete_stories=False)
        elif status == "kicked":
            data["until_date"] = 0
        return data

    def _queue(self, kind: str, payload: dict) -> None:
        self._updates.append({"update_id": next(self._update_ids), kind: payload})
        self._notify()

    # --- internals: HTTP ---

    async def _dispatch(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return self._reply(method, ApiError(401, "Unauthorized"))
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            return self._reply(method, ApiError(404, "Not Found"))
        try:
            params = await self._params(request)
        except (ValueError, json.JSONDecodeError):
            return self._reply(method, bad_request("can't parse request parameters"))
        for fault in self.faults:
            if fault.matches(method):
                fault.hits += 1
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                if fault.status is not None:
                    if fault.status == 429:
                        self.rate_limited += 1
                    return self._reply(method, ApiError(fault.status, fault.description, fault.parameters))
                break
        try:
            if method.lower() in COUNTED_METHODS:
                self._check_flood(params)
            result = await handler(params)
        except ApiError as error:
            return self._reply(method, error)
        return self._reply(method, result)

    def _reply(self, method: str, outcome: Any) -> web.Response:
        if isinstance(outcome, ApiError):
            body: dict[str, Any] = {"ok": False, "error_code": outcome.code, "description": outcome.description}
            if outcome.parameters:
                body["parameters"] = outcome.parameters
            status = outcome.code
        else:
            body, status = {"ok": True, "result": outcome}, 200
        self.requests.append((method, status))
        self._notify()
        return web.json_response(body, status=status)

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("body is not an object")
                return {**{k: self._typed(k, v) for k, v in params.items()}, **body}
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    params[key] = value
                elif isinstance(value, web.FileField):  # a multipart upload (photos, documents)
                    params[key] = FakeFile(f"file-{next(self._file_ids)}", value.file.read(), value.filename,
                                           value.content_type)
        return {key: self._typed(key, value) for key, value in params.items()}

    @staticmethod
    def _typed(key: str, value: Any) -> Any:
        """Form fields are strings (objects as JSON); give them the types the method expects."""
        if not isinstance(value, str):
            return value
        if key in INT_FIELDS:
            return int(value)
        if key in BOOL_FIELDS:
            return value.lower() in ("true", "1")
        if key in JSON_FIELDS:
            return json.loads(value)
        return value

    def _check_flood(self, params: dict) -> None:
        if self.limits is None:
            return
        now = time.monotonic()
        chat = self.chats.get(int(params.get("chat_id", 0)))
        waits = [self._overall.wait(now)] if self._overall is not None else []
        window = None
        if chat is not None:
            limit = self.limits.group if chat.is_group else self.limits.private
            if limit is not None:
                window = self._per_chat.setdefault(chat.id, _Window(limit))
                waits.append(window.wait(now))
        wait = max(waits, default=0.0)
        if wait > 0:
            self.rate_limited += 1
            retry_after = max(1, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        if self._overall is not None:
            self._overall.times.append(now)
        if window is not None:
            window.times.append(now)

    # --- internals: chats the bot may write to ---

    def _chat_for_sending(self, chat_id: int) -> FakeChat:
        chat = self.chats.get(chat_id)
        if chat is None:
            user = self.users.get(chat_id)
            if user is None:
                raise bad_request("chat not found")
            chat = self.private_chat(user)
        if chat.migrated_to is not None:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           {"migrate_to_chat_id": chat.migrated_to})
        if chat.user is not None:
            if chat.user.is_bot:
                raise ApiError(403, "Forbidden: bot can't send messages to bots")
            if chat.user.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if not chat.user.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        elif not chat.bot_present:
            raise ApiError(403, "Forbidden: bot was kicked from the group chat")
        return chat

    def _bot_message(self, params: dict) -> FakeMessage:
        chat = self.chats.get(int(params.get("chat_id", 0)))
        message_id = params.get("message_id")
        for message in self.messages.get(chat.id if chat else 0, []):
            if message.message_id == message_id and not message.deleted:
                if not message.by_bot or message.has_reply_keyboard_markup:
                    raise bad_request("message can't be edited")
                return message
        raise bad_request("message to edit not found")

    def _text(self, params: dict) -> tuple[str, str | None, list[tuple[str, str]]]:
        raw = params.get("text")
        if not isinstance(raw, str) or not raw.strip():
            raise bad_request("message text is empty")
        mode = (params.get("parse_mode") or "").lower()
        if mode == "html":
            visible, links = parse_html(raw)
        elif mode:
            raise bad_request(f"unsupported parse_mode {params.get('parse_mode')}")
        else:
            visible, links = raw, []
        if not visible.strip():
            raise bad_request("message text is empty")
        if utf16_length(visible) > MAX_TEXT:
            raise bad_request("message is too long")
        return visible, raw if mode == "html" else None, links

    def _caption(self, params: dict) -> tuple[str, str | None, list[tuple[str, str]]]:
        raw = params.get("caption")
        if raw is None or raw == "":
            return "", None, []
        mode = (params.get("parse_mode") or "").lower()
        if mode == "html":
            visible, links = parse_html(raw)
        elif mode:
            raise bad_request(f"unsupported parse_mode {params.get('parse_mode')}")
        else:
            visible, links = raw, []
        if utf16_length(visible) > MAX_CAPTION:
            raise bad_request("message caption is too long")
        return visible, raw if mode == "html" else None, links

    def _markup(self, params: dict) -> tuple[list[list[Button]], ReplyKeyboard | None, bool]:
        """A message's reply_markup: (inline buttons, a reply keyboard, whether it removes one)."""
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "keyboard" in markup:
            return [], self._reply_keyboard(markup), False
        if isinstance(markup, dict) and "remove_keyboard" in markup:
            if markup["remove_keyboard"] is not True:
                raise bad_request("can't parse reply keyboard markup JSON object")
            return [], None, True
        return self._buttons(markup), None, False

    @staticmethod
    def _reply_keyboard(markup: dict) -> ReplyKeyboard:
        rows = markup.get("keyboard")
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("can't parse reply keyboard markup JSON object")
        result = []
        for row in rows:
            buttons = []
            for raw in row:
                button = KeyButton(raw) if isinstance(raw, str) else KeyButton(
                    raw.get("text", ""), bool(raw.get("request_location")))
                if not button.text:
                    raise bad_request("BUTTON_TEXT_INVALID")
                buttons.append(button)
            result.append(buttons)
        return ReplyKeyboard(result, one_time=bool(markup.get("one_time_keyboard")))

    def _keyboard_left(self, chat: FakeChat, keyboard: ReplyKeyboard | None, removes: bool) -> None:
        """A reply keyboard stays open in the chat until the bot sends another or takes it away."""
        if keyboard is not None:
            chat.keyboard = keyboard
        elif removes:
            chat.keyboard = None

    def _buttons(self, markup: Any) -> list[list[Button]]:
        if markup is None:
            return []
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if not isinstance(rows, list):
            raise bad_request("unsupported reply_markup for this message")
        result = []
        for row in rows:
            buttons = []
            for raw in row:
                text, data, url = raw.get("text"), raw.get("callback_data"), raw.get("url")
                if not text:
                    raise bad_request("BUTTON_TEXT_INVALID")
                if (data is None) == (url is None):
                    raise bad_request("can't parse inline keyboard button: exactly one of the optional fields must be used")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise bad_request("BUTTON_DATA_INVALID")
                if url is not None and not self._valid_url(url):
                    raise bad_request("BUTTON_URL_INVALID")
                buttons.append(Button(text, data, url))
            result.append(buttons)
        return result

    @staticmethod
    def _valid_url(url: str) -> bool:
        if url.startswith("https://t.me/") and "?start=" in url:
            return bool(START_PARAMETER.match(url.split("?start=", 1)[1]))
        return url.startswith(("https://", "http://", "tg://"))

    # --- the Bot API methods ---

    async def _api_getme(self, params: dict) -> dict:
        return {**self.bot.json(), "username": self.username, "can_join_groups": True,
                "can_read_all_group_messages": not self.privacy_mode, "supports_inline_queries": False}

    async def _api_getupdates(self, params: dict) -> list[dict]:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        allowed = params.get("allowed_updates")
        if allowed is not None:
            self._allowed = set(allowed) if allowed else set(DEFAULT_UPDATES)
        self._poller += 1
        me = self._poller
        self._notify()  # wakes an earlier poll, which now ends with 409
        offset = params.get("offset") or 0
        if offset < 0:
            self._updates = self._updates[offset:]
        elif offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        while True:
            if self._poller != me:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            self._updates = [u for u in self._updates if self._wanted(u)]  # not asked for: never delivered
            if self._updates or self._closing:
                return self._updates[:limit]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    def _wanted(self, update: dict) -> bool:
        return any(kind in self._allowed for kind in update if kind != "update_id")

    async def _api_setwebhook(self, params: dict) -> bool:
        url = params.get("url") or ""
        if not url:
            return await self._api_deletewebhook(params)
        if params.get("drop_pending_updates"):
            self._updates.clear()
        allowed = params.get("allowed_updates")
        if allowed is not None:
            self._allowed = set(allowed) if allowed else set(DEFAULT_UPDATES)
        self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        if self._pusher is None or self._pusher.done():
            self._pusher = asyncio.get_running_loop().create_task(self._push_to_webhook())
        return True

    async def _api_deletewebhook(self, params: dict) -> bool:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._notify()
        return True

    async def _api_getwebhookinfo(self, params: dict) -> dict:
        return {"url": self.webhook["url"] if self.webhook else "", "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    async def _push_to_webhook(self) -> None:
        """Deliver updates one at a time, as Telegram does, until the webhook is removed."""
        async with ClientSession(timeout=ClientTimeout(total=5)) as session:
            while self.webhook is not None and not self._closing:
                self._updates = [u for u in self._updates if self._wanted(u)]
                if not self._updates:
                    changed = self._changed
                    try:
                        await asyncio.wait_for(changed.wait(), 1.0)
                    except asyncio.TimeoutError:
                        pass
                    continue
                update = self._updates[0]
                headers = {SECRET_HEADER: self.webhook["secret_token"]} if self.webhook.get("secret_token") else {}
                try:
                    async with session.post(self.webhook["url"], json=update, headers=headers) as answer:
                        status = answer.status
                except Exception:
                    status = 0
                self.webhook_deliveries.append(status)
                if 200 <= status < 300:
                    if self._updates and self._updates[0] is update:
                        self._updates.pop(0)
                    self._notify()
                else:
                    await asyncio.sleep(0.2)

    async def _api_sendmessage(self, params: dict) -> dict:
        chat = self._chat_for_sending(int(params.get("chat_id", 0)))
        visible, html, links = self._text(params)
        return self._keep_sent(chat, params, visible, html, links)

    async def _api_sendphoto(self, params: dict) -> dict:
        chat = self._chat_for_sending(int(params.get("chat_id", 0)))
        upload = self._upload(params, "photo")
        if len(upload.data) > MAX_PHOTO_BYTES:
            raise bad_request("PHOTO_SAVE_FILE_INVALID")
        try:
            with Image.open(BytesIO(upload.data)) as image:
                image.load()
                upload.width, upload.height = image.size
        except Exception:
            raise bad_request("IMAGE_PROCESS_FAILED") from None
        if upload.width + upload.height > 10_000 or max(upload.width, upload.height) > 20 * min(upload.width, upload.height):
            raise bad_request("PHOTO_INVALID_DIMENSIONS")
        visible, html, links = self._caption(params)
        return self._keep_sent(chat, params, visible, html, links, photo=upload)

    async def _api_senddocument(self, params: dict) -> dict:
        chat = self._chat_for_sending(int(params.get("chat_id", 0)))
        upload = self._upload(params, "document")
        if len(upload.data) > MAX_DOCUMENT_BYTES:
            raise ApiError(413, "Request Entity Too Large")
        visible, html, links = self._caption(params)
        return self._keep_sent(chat, params, visible, html, links, document=upload)

    def _upload(self, params: dict, field_name: str) -> FakeFile:
        sent = params.get(field_name)
        if sent is None:
            raise bad_request(f"there is no {field_name} in the request")
        if not isinstance(sent, FakeFile):
            raise bad_request("wrong file identifier/HTTP URL specified")  # a file_id or URL: none exist here
        if not sent.data:
            raise bad_request("file must be non-empty")
        return sent

    def _keep_sent(self, chat: FakeChat, params: dict, visible: str, html: str | None, links: list[tuple[str, str]],
                   **files: FakeFile) -> dict:
        reply = params.get("reply_parameters") or {}
        reply_to = reply.get("message_id") or params.get("reply_to_message_id")
        topic = self._topic_to_send_to(chat, params.get("message_thread_id"), reply_to)
        buttons, keyboard, removes = self._markup(params)
        message = FakeMessage(chat.id, self._next_message_id(chat.id), BOT_ID, visible, html, buttons, links,
                              reply_to=reply_to, keyboard=keyboard, removes_keyboard=removes, topic=topic, **files)
        self._keyboard_left(chat, keyboard, removes)
        self.messages[chat.id].append(message)
        self.sent.append(message)
        return self._message_json(message, None)

    def _topic_to_send_to(self, chat: FakeChat, thread_id: int | None, reply_to: int | None) -> int | None:
        """The topic a message goes to: the one named (which must be open, unless the bot may manage
        topics), else that of the message it answers; the General topic can't be named."""
        if thread_id is None:
            answered = next((m for m in self.messages[chat.id] if m.message_id == reply_to), None) if reply_to else None
            return answered.topic if answered is not None and chat.is_forum else None
        topic = chat.topics.get(thread_id) if chat.is_forum else None
        if topic is None or topic.deleted:
            raise bad_request("message thread not found")
        if topic.closed and not chat.bot_can_manage_topics:
            raise bad_request("TOPIC_CLOSED")
        return topic.id

    async def _api_editmessagetext(self, params: dict) -> dict:
        message = self._bot_message(params)
        visible, html, links = self._text(params)
        buttons = self._buttons(params.get("reply_markup"))
        if visible == message.text and buttons == message.buttons and links == message.links:
            raise bad_request("message is not modified: specified new message content and reply markup are "
                              "exactly the same as a current content and reply markup of the message")
        message.edits.append(message.text)
        message.text, message.html, message.links, message.buttons = visible, html, links, buttons
        return self._message_json(message, None)

    async def _api_editmessagereplymarkup(self, params: dict) -> dict:
        message = self._bot_message(params)
        buttons = self._buttons(params.get("reply_markup"))
        if buttons == message.buttons:
            raise bad_request("message is not modified: specified new message content and reply markup are "
                              "exactly the same as a current content and reply markup of the message")
        message.buttons = buttons
        return self._message_json(message, None)

    async def _api_deletemessage(self, params: dict) -> bool:
        chat = self.chats.get(int(params.get("chat_id", 0)))
        for message in self.messages.get(chat.id if chat else 0, []):
            if message.message_id == params.get("message_id") and not message.deleted:
                message.deleted = True
                return True
        raise bad_request("message to delete not found")

    async def _api_answercallbackquery(self, params: dict) -> bool:
        query = self.queries.get(str(params.get("callback_query_id", "")))
        answer = {"text": params.get("text"), "show_alert": bool(params.get("show_alert"))}
        if query is not None:
            query.answers.append(answer)
        if query is None or len(query.answers) > 1:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        if answer["text"] is not None and len(answer["text"]) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        return True

    async def _api_getchatadministrators(self, params: dict) -> list[dict]:
        chat = self.chats.get(int(params.get("chat_id", 0)))
        if chat is None:
            raise bad_request("chat not found")
        if not chat.is_group:
            raise bad_request("there are no administrators in the private chat")
        admins = [self._member_json(self.users[uid], status) for uid, status in chat.members.items()
                  if status in ("creator", "administrator")]
        if chat.bot_is_admin:
            admins.append(self._member_json(self.bot.json() | {"username": self.username}, "administrator"))
        return admins

    async def _api_getchatmember(self, params: dict) -> dict:
        chat = self.chats.get(int(params.get("chat_id", 0)))
        user = self.users.get(int(params.get("user_id", 0)))
        if chat is None:
            raise bad_request("chat not found")
        if user is None:
            raise bad_request("PARTICIPANT_ID_INVALID")
        if chat.user is not None:
            return self._member_json(user, "member")
        return self._member_json(user, chat.members.get(user.id, "left"))

    async def _api_getchat(self, params: dict) -> dict:
        chat_id = int(params.get("chat_id", 0))
        user = self.users.get(chat_id)
        if user is not None:  # a person: known to the bot only once they opened a private chat
            if not user.started:
                raise bad_request("chat not found")
            chat = self.private_chat(user)
        elif (found := self.chats.get(chat_id)) is not None and found.user is None:
            chat = found
        else:
            raise bad_request("chat not found")
        return {**chat.json(), "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                                        "premium_subscription": False, "gifts_from_channels": False}}

    async def _api_setmycommands(self, params: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("commands must be a list")
        for command in commands:
            if not re.match(r"^[a-z0-9_]{1,32}$", command.get("command", "")):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = (params.get("scope") or {}).get("type", "default")
        language = params.get("language_code")
        self.commands[f"{scope}/{language}" if language else scope] = [(c["command"], c["description"]) for c in commands]
        return True

    async def _api_getmycommands(self, params: dict) -> list[dict]:
        scope = (params.get("scope") or {}).get("type", "default")
        language = params.get("language_code")
        key = f"{scope}/{language}" if language else scope
        return [{"command": c, "description": d} for c, d in self.commands.get(key, [])]

    async def _api_deletemycommands(self, params: dict) -> bool:
        self.commands.pop((params.get("scope") or {}).get("type", "default"), None)
        return True

    # The bot's description (shown in an empty chat, up to 512 characters) and short description (its
    # profile, up to 120), per language; "" when none is set, as Telegram answers.
    async def _api_setmydescription(self, params: dict) -> bool:
        return self._set_description(self.descriptions, params, "description", 512)

    async def _api_getmydescription(self, params: dict) -> dict:
        return {"description": self.descriptions.get(params.get("language_code") or "", "")}

    async def _api_setmyshortdescription(self, params: dict) -> bool:
        return self._set_description(self.short_descriptions, params, "short_description", 120)

    async def _api_getmyshortdescription(self, params: dict) -> dict:
        return {"short_description": self.short_descriptions.get(params.get("language_code") or "", "")}

    @staticmethod
    def _set_description(where: dict[str, str], params: dict, field: str, longest: int) -> bool:
        text = params.get(field) or ""
        if len(text) > longest:
            raise bad_request(f"{field.upper()}_TOO_LONG")
        language = params.get("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad_request("language code is invalid")
        if text:
            where[language] = text
        else:
            where.pop(language, None)
        return True

    # Forum topics, managed by the bot as an admin allowed to manage them.

    def _forum_for_topics(self, params: dict, action: str) -> FakeChat:
        chat = self.chats.get(int(params.get("chat_id", 0)))
        if chat is None:
            raise bad_request("chat not found")
        if not chat.is_forum:
            raise bad_request("the chat is not a forum")
        if not chat.bot_can_manage_topics:
            raise bad_request(f"not enough rights to {action} a topic")
        return chat

    def _topic_named(self, chat: FakeChat, params: dict) -> FakeTopic:
        topic = chat.topics.get(params.get("message_thread_id") or 0)
        if topic is None or topic.deleted:
            raise bad_request("TOPIC_ID_INVALID")
        return topic

    async def _api_createforumtopic(self, params: dict) -> dict:
        chat = self._forum_for_topics(params, "create")
        name = params.get("name") or ""
        if not 1 <= len(name) <= 128:
            raise bad_request("TOPIC_TITLE_EMPTY" if not name else "TOPIC_TITLE_TOO_LONG")
        colour = params.get("icon_color") or TOPIC_COLOURS[0]
        if colour not in TOPIC_COLOURS:
            raise bad_request("invalid icon_color specified")
        return self._create_topic(chat, name, self.bot, colour).json()

    async def _api_closeforumtopic(self, params: dict) -> bool:
        topic = self._topic_named(self._forum_for_topics(params, "close"), params)
        if topic.closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.closed = True
        return True

    async def _api_reopenforumtopic(self, params: dict) -> bool:
        topic = self._topic_named(self._forum_for_topics(params, "reopen"), params)
        if not topic.closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.closed = False
        return True

    async def _api_deleteforumtopic(self, params: dict) -> bool:
        chat = self._forum_for_topics(params, "delete")
        self.delete_topic(chat, self._topic_named(chat, params))
        return True

    async def _api_close(self, params: dict) -> bool:
        return True

    async def _api_logout(self, params: dict) -> bool:
        return True


def _photo_sizes(photo: FakeFile) -> list[dict]:
    """Telegram answers with the sizes it keeps of a photo: a thumbnail, and the picture itself."""
    scale = 90 / max(photo.width, photo.height, 1)
    thumbnail = {"file_id": f"{photo.file_id}-s", "file_unique_id": f"{photo.file_id}-su",
                 "width": max(1, round(photo.width * scale)), "height": max(1, round(photo.height * scale))}
    return [thumbnail, {"file_id": photo.file_id, "file_unique_id": f"{photo.file_id}-u", "width": photo.width,
                        "height": photo.height, "file_size": len(photo.data)}]


def _document_json(document: FakeFile) -> dict:
    data: dict[str, Any] = {"file_id": document.file_id, "file_unique_id": f"{document.file_id}-u",
                            "file_size": len(document.data)}
    if document.filename:
        data["file_name"] = document.filename
    if document.mime_type:
        data["mime_type"] = document.mime_type
    return data
