"""Saying what the core decided, on Telegram: messages as HTML with inline keyboards (or, in private
chats, a one-tap "share my location" keyboard), charts as photos and files as documents, card edits,
and answers to button presses (each press answered exactly once).

In a forum supergroup a message goes to its topic (`ToStreet.thread`; none for the General topic).
A topic closed or deleted since is no reason to lose the message: it is said in the General topic
instead, and the core hears which topic it was meant for (`SendResult.fell_back_from`)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Awaitable, Callable, Union

from telegram import (
    Bot,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)
from telegram.constants import ParseMode

from bot.logs import hashed
from bot.telegram import markup, media
from bot.telegram.keyboards import LocationKeyboards, location_keyboard
from bot.telegram.names import NameBook
from bot.telegram.presses import PressBook
from bot.telegram.sending import GaveUp, Refused, Sender
from bot.telegram.updates import GENERAL_TOPIC, topic_of
from handlers.kernel import texts
from handlers.kernel.messages import (
    Choice,
    MessageRef,
    Msg,
    Outgoing,
    Person,
    SendResult,
    SendStatus,
    ToPerson,
    ToPresser,
    ToStreet,
    msg,
)
from handlers.kernel.render import Translate, no_translation, persons_in, render

log = logging.getLogger(__name__)

PLATFORM = "telegram"
UNREACHABLE_PRIVATELY = ("chat not found", "user not found")  # 400s that mean the same as a 403 in private
TOPIC_GONE = ("message thread not found", "topic_closed", "topic_deleted")  # 400s for a topic closed or deleted
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a link in someone's post shouldn't fill the group
_UNNAMED = "\ue000"  # marks where someone Telegram can't name goes, until it is known whether a sentence starts there

ReplyMarkup = Union[InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove]
Names = dict[str, Union[str, None]]  # user id -> first name, None when nobody can tell


class TelegramNotifier:
    def __init__(self, bot: Bot, sender: Sender, names: NameBook, presses: PressBook,
                 translate: Translate = no_translation, keyboards: LocationKeyboards | None = None) -> None:
        self._bot = bot
        self._sender = sender
        self._names = names
        self._presses = presses
        self._translate = translate
        self.keyboards = keyboards or LocationKeyboards()
        self.bot_username = ""  # known once the bot has introduced itself (getMe)

    async def send(self, outgoing: Outgoing) -> SendResult:
        to = outgoing.to
        if isinstance(to, ToPresser):
            return await self._answer(outgoing, to)
        if isinstance(to, ToStreet):
            chat_id, where, private = to.street.chat_id, to.street.chat_id, False
        else:
            chat_id, private = to.person.user_id, True
            where = outgoing.fallback.chat_id if outgoing.fallback else None
        names = await self._names_for(outgoing.text, where)
        keys = self._reply_markup(outgoing.choices, outgoing.locale, chat_id if private else None)
        place = _Place(chat_id, _topic(to.thread) if isinstance(to, ToStreet) else None,
                       to.reply_to if isinstance(to, ToStreet) else None)
        uploads = await self._uploads(outgoing)
        fell_back_from = None
        try:
            try:
                sent = await self._deliver(place, outgoing, names, keys, uploads)
            except Refused as refusal:
                if place.topic is None or not refusal.says(*TOPIC_GONE):
                    raise
                log.info("a forum topic is closed or gone; saying it in the General topic")
                fell_back_from = str(place.topic)
                sent = await self._deliver(_Place(chat_id), outgoing, names, keys, uploads)
        except Refused as refusal:
            if isinstance(to, ToPerson) and (refusal.forbidden or refusal.says(*UNREACHABLE_PRIVATELY)):
                log.info("can't message privately user=%s", hashed(chat_id))
                return SendResult(SendStatus.UNREACHABLE)
            return SendResult(SendStatus.FAILED)
        except GaveUp:
            return SendResult(SendStatus.FAILED)
        if isinstance(keys, ReplyKeyboardMarkup):
            self.keyboards.shown(chat_id)
        ref = MessageRef(PLATFORM, str(sent.chat_id), str(sent.message_id), topic_of(sent))
        return SendResult(SendStatus.SENT, ref, fell_back_from)

    async def _deliver(self, place: _Place, outgoing: Outgoing, names: Names, keys: ReplyMarkup | None,
                       uploads: list[media.Upload]) -> Message:
        if uploads:
            return await self._send_with_uploads(place, outgoing, names, keys, uploads)
        return await self._send_pieces(place, outgoing, names, keys, place.reply_to)

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        if ref.platform != PLATFORM:
            return False
        names = await self._names_for(text, ref.chat_id)
        body = markup.split_message(self._render(text, locale, names, html=True))[0]
        keys = self._keyboard(choices, locale)

        async def edit_text(chat_id: str) -> object:
            return await self._bot.edit_message_text(
                body, chat_id=int(chat_id), message_id=int(ref.message_id), parse_mode=ParseMode.HTML,
                reply_markup=keys, link_preview_options=NO_PREVIEW,
            )

        try:
            await self._sender.message("editMessageText", ref.chat_id, edit_text)
        except Refused as refusal:
            # Asked to show what it already shows (a card refreshed twice): that is success.
            return refusal.says("message is not modified")
        except GaveUp:
            return False
        return True

    async def answer_empty(self, query_id: str) -> None:
        """Stop the spinner on a pressed button, saying nothing."""
        await self._answer_query(query_id, None)

    def location_arrived(self, chat_id: str) -> None:
        """Someone shared a location in a private chat: the location keyboard has done its job."""
        self.keyboards.location_arrived(chat_id)

    # --- messages ---

    async def _send_pieces(self, place: _Place, outgoing: Outgoing, names: Names,
                           keys: ReplyMarkup | None, reply_to: str | None) -> Message:
        """One message, or a few if it is too long; the buttons go under the last piece."""
        pieces = markup.split_message(self._render(outgoing.text, outgoing.locale, names, html=True))
        sent: Message | None = None
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            replying = reply_to if index == 0 else None
            try:
                sent = await self._send_one(place, piece, keys if last else None, replying, ParseMode.HTML)
            except Refused as refusal:
                if not refusal.says("can't parse entities"):
                    raise
                # Should never happen; if Telegram can't read our markup, the words still matter more.
                log.error("telegram could not read the message markup; sending it as plain text")
                plain = self._render(outgoing.text, outgoing.locale, names, html=False)
                for rest in markup.split_plain(plain):
                    sent = await self._send_one(place, rest, keys, replying, None)
                break
        assert sent is not None
        return sent

    async def _send_one(self, place: _Place, text: str, keys: ReplyMarkup | None,
                        reply_to: str | None, parse_mode: str | None) -> Message:
        replying = _replying(reply_to)

        async def send_message(target: str) -> Message:
            return await self._bot.send_message(
                int(target), text, parse_mode=parse_mode, reply_markup=keys, reply_parameters=replying,
                link_preview_options=NO_PREVIEW, message_thread_id=place.topic,
            )

        return await self._sender.message("sendMessage", place.chat_id, send_message)

    # --- photos and files ---

    async def _uploads(self, outgoing: Outgoing) -> list[media.Upload]:
        """The message's files; a chart is drawn away from the loop (it takes a moment). If it can't
        be drawn, the words still go."""
        if not media.has_uploads(outgoing):
            return []
        try:
            return await asyncio.to_thread(media.uploads_for, outgoing, outgoing.locale, self._translate, self.bot_username)
        except Exception:
            log.exception("could not prepare a message's files; sending the words without them")
            return []

    async def _send_with_uploads(self, place: _Place, outgoing: Outgoing, names: Names, keys: ReplyMarkup | None,
                                 uploads: list[media.Upload]) -> Message:
        """The files first; the words as the last one's caption (with the buttons) when they fit,
        else as a message of their own after them."""
        caption = self._render(outgoing.text, outgoing.locale, names, html=True)
        captioned = markup.visible_length(caption) <= media.MAX_CAPTION
        sent: Message | None = None
        for index, upload in enumerate(uploads):
            with_words = captioned and index == len(uploads) - 1
            try:
                sent = await self._send_upload(
                    place, upload, caption if with_words else None, keys if with_words else None,
                    place.reply_to if sent is None else None,
                )
            except Refused as refusal:
                if refusal.forbidden or refusal.says(*UNREACHABLE_PRIVATELY, *TOPIC_GONE):
                    raise
                # Should never happen (a picture we drew, refused); the words still go.
                log.error("telegram refused a file; sending the words without it method=%s", upload.method)
                captioned = False
        if not captioned:
            sent = await self._send_pieces(place, outgoing, names, keys, place.reply_to if sent is None else None)
        assert sent is not None
        return sent

    async def _send_upload(self, place: _Place, upload: media.Upload, caption: str | None,
                           keys: ReplyMarkup | None, reply_to: str | None) -> Message:
        method: Callable[..., Awaitable[Message]] = (
            self._bot.send_photo if upload.method == "sendPhoto" else self._bot.send_document
        )
        replying = _replying(reply_to)

        async def send_file(target: str) -> Message:
            return await method(
                int(target), upload.input_file(), caption=caption, parse_mode=ParseMode.HTML if caption else None,
                reply_markup=keys, reply_parameters=replying, message_thread_id=place.topic,
            )

        return await self._sender.message(upload.method, place.chat_id, send_file)

    # --- press answers ---

    async def _answer(self, outgoing: Outgoing, to: ToPresser) -> SendResult:
        """The short answer under a pressed button. When the press was answered already, or the
        words don't fit in an answer, they go to the person privately instead."""
        names = await self._names_for(outgoing.text, None)
        text = self._render(outgoing.text, outgoing.locale, names, html=False)
        if self._presses.claim(to.ref):
            assert to.ref is not None
            fits = len(text) <= markup.MAX_ANSWER
            try:
                await self._answer_query(to.ref, text if fits else None)
            except (Refused, GaveUp):
                return SendResult(SendStatus.FAILED)
            if fits:
                return SendResult(SendStatus.SENT)
        privately = Outgoing(ToPerson(to.person), outgoing.text, outgoing.choices, locale=outgoing.locale)
        return await self.send(privately)

    async def _answer_query(self, query_id: str, text: str | None) -> None:
        await self._sender.quick(
            "answerCallbackQuery", lambda: self._bot.answer_callback_query(query_id, text=text or None)
        )

    # --- rendering ---

    def _keyboard(self, choices: tuple[Choice, ...], locale: str) -> InlineKeyboardMarkup | None:
        return markup.keyboard(choices, lambda label: self._say(label, locale), self.bot_username)

    def _reply_markup(self, choices: tuple[Choice, ...], locale: str, private_chat: str | None) -> ReplyMarkup | None:
        """Inline buttons when there are any. A location button is a keyboard of its own, in private
        chats only (in groups the core's words already say what to do); a message that carries
        neither takes a location keyboard away once it has been used."""
        inline = self._keyboard(choices, locale)
        if inline is not None or private_chat is None:
            return inline
        asking = [self._say(choice.label, locale) for choice in choices if choice.asks_location]
        if asking:
            return location_keyboard(asking)
        return self.keyboards.removal_for(private_chat)

    def _say(self, message: Msg, locale: str) -> str:
        return render(message, locale, translate=self._translate)

    async def _names_for(self, message: Msg, where: str | None) -> Names:
        """Everyone the message mentions, by first name where Telegram can tell."""
        names: Names = {}
        for person in persons_in(message):
            if person.user_id not in names:
                names[person.user_id] = await self._names.name_of(person, where)
        return names

    def _render(self, message: Msg, locale: str, names: Names, *, html: bool) -> str:
        """Someone whose name can't be told is "a neighbour" — "A neighbour" where a sentence starts."""
        unnamed: list[str] = []

        def shown(who: Person) -> str:
            name = names.get(who.user_id)
            if name is None:
                name = f"{_UNNAMED}{len(unnamed)}{_UNNAMED}"
                unnamed.append(name)
            return _mention(who, name) if html else name

        escape = markup.escape if html else _as_is
        text = render(message, locale, translate=self._translate, escape=escape, person=shown)
        for mark in unnamed:
            before = text[: text.index(mark)]
            key = texts.A_NEIGHBOUR if markup.starts_sentence(before, tagged=html) else texts.SOMEONE
            text = text.replace(mark, escape(self._say(msg(key), locale)), 1)
        return text


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True)
class _Place:
    """Where a message goes: the chat, its forum topic (None: the General topic, or a chat without
    topics) and the message it answers, if any."""

    chat_id: str
    topic: int | None = None
    reply_to: str | None = None


def _topic(thread: str | None) -> int | None:
    """The core's thread as the topic to send to; the General topic is sent to without one."""
    if thread is None or not thread.isdigit() or int(thread) == GENERAL_TOPIC:
        return None
    return int(thread)


def _replying(reply_to: str | None) -> ReplyParameters | None:
    return ReplyParameters(int(reply_to), allow_sending_without_reply=True) if reply_to else None


def _mention(who: Person, name: str) -> str:
    return markup.mention(who.user_id, name) if who.user_id.isdigit() else markup.escape(name)
