"""What the core says, said on Matrix: `m.notice` messages, choices as seeded reactions (remembered
in SQLite so a reaction still works after a restart), cards updated with `m.replace` edits,
private messages in a direct room the neighbour has joined, and a message's chart, file or page to
print as its own pictures and files straight after the words.

A press has no private, fleeting answer on Matrix (Telegram shows one only to the presser). The
answer goes where the press happened, as a reply to the message pressed on: straight after the
reaction, next to it, and — in a street room — addressed to the presser by name. Sending it privately
instead would mean an invite to accept before a two-word "thank you" could arrive.

In a thread (`ToStreet.thread`, its root's event id) a message joins it (see `bot.matrix.threads`),
and so does an answer to a press on a message in one; the bot never starts a thread. A thread whose
root is gone is no place for new messages: they go to the main timeline, and the core hears which
thread they were meant for (`SendResult.fell_back_from`)."""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING

from nio import AsyncClient
from nio.api import RelationshipType

from bot.charts import worth_drawing
from bot.matrix.direct import DirectRooms
from bot.matrix.markup import Composed, Markup
from bot.matrix.media import MediaFile, attachment_file, chart_file, printed_files
from bot.matrix.names import Names
from bot.matrix.sender import Sender
from bot.matrix.session import TRANSIENT
from bot.matrix.tasks import InFlight
from bot.matrix.threads import RootCheck, ThreadTips, in_thread
from handlers.kernel import texts
from handlers.kernel.messages import (
    Choice,
    MessageRef,
    Msg,
    Outgoing,
    SendResult,
    SendStatus,
    ToPerson,
    ToPresser,
    ToStreet,
    msg,
)
from handlers.kernel.ports import Clock
from storage.repositories.matrix_prompts import Prompt

if TYPE_CHECKING:
    from storage import SqliteStore

log = logging.getLogger(__name__)

PLATFORM = "matrix"
_REF_SEPARATOR = " "  # room and event ids never contain a space


def press_ref(room_id: str, event_id: str, thread: str | None = None) -> str:
    """The handle the core passes back with an answer to a press: where it happened (and in which thread)."""
    return _REF_SEPARATOR.join((room_id, event_id) if thread is None else (room_id, event_id, thread))


def read_press_ref(ref: str | None) -> tuple[str, str, str | None] | None:
    if not ref or _REF_SEPARATOR not in ref:
        return None
    room_id, event_id, *thread = ref.split(_REF_SEPARATOR, 2)
    return room_id, event_id, thread[0] if thread else None


class MatrixNotifier:
    def __init__(
        self, client: AsyncClient, sender: Sender, markup: Markup, names: Names, direct: DirectRooms,
        store: SqliteStore, clock: Clock, *, invite_wait_s: float,
    ) -> None:
        self._client = client
        self._sender = sender
        self._markup = markup
        self._names = names
        self._direct = direct
        self._store = store
        self._clock = clock
        self._invite_wait_s = invite_wait_s
        self.in_flight = InFlight()
        self.threads = ThreadTips()  # the latest message seen in each thread (inbound notes others')
        self.roots = RootCheck(client)  # inbound tells it of redactions

    async def send(self, outgoing: Outgoing) -> SendResult:
        to = outgoing.to
        text, reply_to, thread, fell_back_from = outgoing.text, None, None, None
        if isinstance(to, ToStreet):
            room_id: str | None = to.street.chat_id
            reply_to, thread = to.reply_to, to.thread
            if thread is not None and not await self.roots.usable(to.street.chat_id, thread):
                log.info("a thread's first message is gone; saying it in the main timeline")
                fell_back_from, thread, reply_to = thread, None, None
        elif isinstance(to, ToPerson):
            room_id = await self._direct.reach(to.person.user_id, self._invite_wait_s)
            if room_id is None:
                return SendResult(SendStatus.UNREACHABLE)
        else:
            room_id, reply_to, text, thread = self._presser_answer(to, text)
            if room_id is None:
                return SendResult(SendStatus.FAILED)
        result = await self.say(
            room_id, text, outgoing.choices, outgoing.locale, reply_to=reply_to, post_id=outgoing.card_of,
            thread=thread, transaction=f"doorstep.outbox.{outgoing.resend_key}" if outgoing.resend_key else None,
        )
        if result.sent:
            for file in await self._files(outgoing):
                await self._send_file(room_id, file, thread)
        return SendResult(result.status, result.ref, fell_back_from) if fell_back_from else result

    async def say(
        self, room_id: str, text: Msg, choices: tuple[Choice, ...] = (), locale: str = "en", *,
        reply_to: str | None = None, post_id: int | None = None, thread: str | None = None,
        transaction: str | None = None,
    ) -> SendResult:
        """One notice in one room (in a thread, if given), with its choices remembered and seeded as reactions."""
        composed = await self._compose(room_id, text, choices, locale, reply_to, thread)
        with self.in_flight:
            event_id = await self._sender.send(room_id, "m.room.message", composed.content, transaction=transaction)
            if event_id is None:
                return SendResult(SendStatus.FAILED)
            if thread is not None:
                self.threads.note(thread, event_id)
            if composed.choices:
                prompt = Prompt(event_id, room_id, composed.choices, thread)
                await self._store.matrix_prompts.remember(prompt, post_id, self._clock.now())
        for key in composed.keys:
            await self._sender.react(room_id, event_id, key)
        return SendResult(SendStatus.SENT, MessageRef(PLATFORM, room_id, event_id, thread))

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        room_id, event_id = ref.chat_id, ref.message_id
        composed = await self._compose(room_id, text, choices, locale, None)
        if await self._sender.send(room_id, "m.room.message", Markup.edit(event_id, composed)) is None:
            return False
        await self._update_prompt(room_id, event_id, composed, ref.thread)
        return True

    async def _files(self, outgoing: Outgoing) -> list[MediaFile]:
        """What goes with the words: the chart (drawn in the message's language), then any file, then
        a page to print (its preview and its PDF, in the page's own languages)."""
        files = []
        if outgoing.chart is not None and worth_drawing(outgoing.chart):
            locale = outgoing.locale or "en"
            say = partial(self._markup.plain, locale=locale, names={})
            files.append(await asyncio.to_thread(chart_file, outgoing.chart, say))
        if outgoing.attachment is not None:
            files.append(attachment_file(outgoing.attachment))
        if outgoing.printable is not None:
            def say_in(text: Msg, language: str) -> str:
                return self._markup.plain(text, locale=language, names={})

            try:
                files += await asyncio.to_thread(printed_files, outgoing.printable, self._client.user_id, say_in)
            except Exception:
                log.exception("could not print a page; the words went without it")
        return files

    async def _send_file(self, room_id: str, file: MediaFile, thread: str | None) -> None:
        """Uploaded (encrypted, for an encrypted room), then shown as its own message after the words."""
        room = self._client.rooms.get(room_id)
        uploaded = await self._sender.upload(file.data, file.mime, file.filename, encrypt=bool(room and room.encrypted))
        event_id = None
        if uploaded is not None:
            content = file.content(uploaded)
            if thread is not None:
                content["m.relates_to"] = in_thread(thread, self.threads.latest(thread))
            event_id = await self._sender.send(room_id, "m.room.message", content)
        if event_id is None:
            log.warning("could not send a file with a message; the words went without it type=%s", file.msgtype)
        elif thread is not None:
            self.threads.note(thread, event_id)

    async def _compose(self, room_id: str, text: Msg, choices: tuple[Choice, ...], locale: str, reply_to: str | None,
                       thread: str | None = None) -> Composed:
        if self._direct.is_private(room_id):
            # In a private chat, a choice that opens one is a link to forward (a buddy invitation):
            # a forwarded message carries no reactions, so its words say what to do, and its
            # payload — a one-time code — is not remembered here.
            choices = tuple(choice for choice in choices if not choice.opens_private)
        names = await self._names.of(self._markup.people(text, choices), room_id)
        latest = self.threads.latest(thread) if thread is not None else None
        return self._markup.compose(text, choices, locale, names, reply_to=reply_to, thread=thread, latest=latest)

    def _presser_answer(self, to: ToPresser, text: Msg) -> tuple[str | None, str | None, Msg, str | None]:
        """Where an answer to a press goes (see the module's note; and in which thread), and how it reads there."""
        where = read_press_ref(to.ref)
        if where is None:
            return self._direct.joined_room(to.person.user_id), None, text, None
        room_id, pressed_event, thread = where
        if not self._direct.is_private(room_id):
            text = msg(texts.ADDRESSED, who=to.person, text=text)
        return room_id, pressed_event, text, thread

    async def _update_prompt(self, room_id: str, event_id: str, composed: Composed, thread: str | None) -> None:
        """After an edit: the new choices answer reactions from now on, and the reactions shown
        match them. With no choices left (a sorted card) the old meaning is kept, so a late
        reaction hears "already sorted" instead of nothing."""
        prompts = self._store.matrix_prompts
        if composed.choices:
            if await prompts.get(event_id) is None:
                await prompts.remember(Prompt(event_id, room_id, composed.choices, thread), None, self._clock.now())
            else:
                await prompts.replace_choices(event_id, composed.choices)
        wanted = set(composed.keys)
        seeded = await self._seeded_reactions(room_id, event_id)
        for key, reaction_id in seeded.items():
            if key not in wanted:
                await self._sender.redact(room_id, reaction_id)
        for key in composed.keys:
            if key not in seeded:
                await self._sender.react(room_id, event_id, key)

    async def _seeded_reactions(self, room_id: str, event_id: str) -> dict[str, str]:
        """The bot's own reactions on one of its messages: key -> reaction event id."""
        mine: dict[str, str] = {}
        try:
            async for event in self._client.room_get_event_relations(room_id, event_id, RelationshipType.annotation):
                relation = event.source.get("content", {}).get("m.relates_to", {})
                if event.sender == self._client.user_id and isinstance(relation.get("key"), str):
                    mine[relation["key"]] = event.event_id
        except TRANSIENT:
            log.warning("could not list the bot's reactions on a card; leaving them")
        return mine
