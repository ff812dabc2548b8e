"""Saying what the core decided, on Telegram: messages as HTML with inline keyboards, card edits,
and answers to button presses (each press answered exactly once)."""

from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode

from bot.logs import hashed
from bot.telegram import markup
from bot.telegram.names import NameBook
from bot.telegram.presses import PressBook
from bot.telegram.sending import GaveUp, Refused, Sender
from handlers import texts
from handlers.messages import (
    Choice, MessageRef, Msg, Outgoing, Person, SendResult, SendStatus, ToPerson, ToPresser, ToStreet, msg,
)
from handlers.render import Translate, no_translation, persons_in, render

log = logging.getLogger(__name__)

PLATFORM = "telegram"
UNREACHABLE_PRIVATELY = ("chat not found", "user not found")  # 400s that mean the same as a 403 in private
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a link in someone's post shouldn't fill the group


class TelegramNotifier:
    def __init__(self, bot: Bot, sender: Sender, names: NameBook, presses: PressBook,
                 translate: Translate = no_translation) -> None:
        self._bot = bot
        self._sender = sender
        self._names = names
        self._presses = presses
        self._translate = translate
        self.bot_username = ""  # known once the bot has introduced itself (getMe)

    async def send(self, outgoing: Outgoing) -> SendResult:
        to = outgoing.to
        if isinstance(to, ToPresser):
            return await self._answer(outgoing, to)
        if isinstance(to, ToStreet):
            chat_id, where = to.street.chat_id, to.street.chat_id
        else:
            chat_id, where = to.person.user_id, outgoing.fallback.chat_id if outgoing.fallback else None
        names = await self._names_for(outgoing.text, outgoing.locale, where)
        keys = self._keyboard(outgoing.choices, outgoing.locale)
        reply_to = to.reply_to if isinstance(to, ToStreet) else None
        try:
            sent = await self._send_pieces(chat_id, outgoing, names, keys, reply_to)
        except Refused as refusal:
            if isinstance(to, ToPerson) and (refusal.forbidden or refusal.says(*UNREACHABLE_PRIVATELY)):
                log.info("can't message privately user=%s", hashed(chat_id))
                return SendResult(SendStatus.UNREACHABLE)
            return SendResult(SendStatus.FAILED)
        except GaveUp:
            return SendResult(SendStatus.FAILED)
        return SendResult(SendStatus.SENT, MessageRef(PLATFORM, str(sent.chat_id), str(sent.message_id)))

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        if ref.platform != PLATFORM:
            return False
        names = await self._names_for(text, locale, ref.chat_id)
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

    async def _send_pieces(self, chat_id: str, outgoing: Outgoing, names: dict[str, str],
                           keys: InlineKeyboardMarkup | None, reply_to: str | None) -> Message:
        """One message, or a few if it is too long; the buttons go under the last piece."""
        pieces = markup.split_message(self._render(outgoing.text, outgoing.locale, names, html=True))
        sent: Message | None = None
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            replying = reply_to if index == 0 else None
            try:
                sent = await self._send_one(chat_id, piece, keys if last else None, replying, ParseMode.HTML)
            except Refused as refusal:
                if not refusal.says("can't parse entities"):
                    raise
                # Should never happen; if Telegram can't read our markup, the words still matter more.
                log.error("telegram could not read the message markup; sending it as plain text")
                plain = self._render(outgoing.text, outgoing.locale, names, html=False)
                for rest in markup.split_plain(plain):
                    sent = await self._send_one(chat_id, rest, keys, replying, None)
                break
        assert sent is not None
        return sent

    async def _send_one(self, chat_id: str, text: str, keys: InlineKeyboardMarkup | None,
                        reply_to: str | None, parse_mode: str | None) -> Message:
        replying = ReplyParameters(int(reply_to), allow_sending_without_reply=True) if reply_to else None

        async def send_message(target: str) -> Message:
            return await self._bot.send_message(
                int(target), text, parse_mode=parse_mode, reply_markup=keys, reply_parameters=replying,
                link_preview_options=NO_PREVIEW,
            )

        return await self._sender.message("sendMessage", chat_id, send_message)

    async def _answer(self, outgoing: Outgoing, to: ToPresser) -> SendResult:
        """The short answer under a pressed button. When the press was answered already, or the
        words don't fit in an answer, they go to the person privately instead."""
        names = await self._names_for(outgoing.text, outgoing.locale, None)
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

    def _keyboard(self, choices: tuple[Choice, ...], locale: str) -> InlineKeyboardMarkup | None:
        return markup.keyboard(choices, lambda label: render(label, locale, translate=self._translate),
                               self.bot_username)

    async def _names_for(self, message: Msg, locale: str, where: str | None) -> dict[str, str]:
        """Everyone the message mentions, by first name; "a neighbour" when nobody can tell."""
        names: dict[str, str] = {}
        for person in persons_in(message):
            if person.user_id not in names:
                name = await self._names.name_of(person, where)
                names[person.user_id] = name or render(msg(texts.SOMEONE), locale, translate=self._translate)
        return names

    def _render(self, message: Msg, locale: str, names: dict[str, str], *, html: bool) -> str:
        if not html:
            return render(message, locale, translate=self._translate, person=lambda who: names[who.user_id])
        return render(message, locale, translate=self._translate, escape=markup.escape,
                      person=lambda who: _mention(who, names[who.user_id]))


def _mention(who: Person, name: str) -> str:
    return markup.mention(who.user_id, name) if who.user_id.isdigit() else markup.escape(name)
