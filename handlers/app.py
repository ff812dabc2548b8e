"""The core's front door: one call per thing a neighbour did, one call for what's due.

Each feature package registers its own commands, buttons, guided flows and due work
(`register(router)`); `build_router` only lists the features. See docs/architecture.md."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Awaitable, Callable, Sequence

from handlers import checkins, help, leaflets, nearby, organisers, posts, privacy, words
from handlers.help import start
from handlers.kernel import flows, texts, typed_answers
from handlers.kernel.core import AdaptersOwn
from handlers.kernel.delivery import ANSWER, BULK, Courier, Queued
from handlers.kernel.domain import Street
from handlers.kernel.inbox import Arrival, Inbox
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.languages import note_platform_language
from handlers.kernel.limits import PrivateMessageLimit, Verdict
from handlers.kernel.messages import Outgoing, SendResult, ToPerson, ToPresser, ToStreet, msg
from handlers.kernel.ports import Clock, Notifier, OrganiserCheck, Store, Waker
from handlers.kernel.questions import note_last_question, note_told
from handlers.kernel.router import Command, DueRunner, Router, Where, WordsHandler, parse_command
from handlers.kernel.settings import CoreSettings
from handlers.kernel.turn import Effects, Services, Turn
from handlers.posts import board
from handlers.street import activity

log = logging.getLogger(__name__)


def build_router() -> Router:
    """Every feature registers its commands, buttons, flows and due work; the order is the order of
    command menus and of due work (retention, in privacy, comes last), and of who reads plain words
    in a private chat (words, the reader of last resort, comes last)."""
    router = Router()
    for feature in (help, posts, nearby, checkins, organisers, leaflets, privacy, words):
        feature.register(router)
    return router


class NobodyOrganises:
    """For adapters that have no organisers (the console marks them by hand)."""

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        return False

    async def organisers_of(self, street: Street) -> list[str]:
        return []

    async def is_in_group(self, street: Street, user_id: str) -> bool:
        return True


class Doorstep:
    def __init__(
        self,
        store: Store,
        notifier: Notifier,
        clock: Clock,
        settings: CoreSettings | None = None,
        organisers: OrganiserCheck | None = None,
        router: Router | None = None,
        waker: Waker | None = None,
        sends_at_once: int = 1,
        adapters_own: AdaptersOwn | None = None,
    ) -> None:
        self.router = router or build_router()
        if adapters_own is not None:
            for work in adapters_own.due:
                self.router.due(work.name, work.run, work.next_at)
            for hook in adapters_own.forget:
                self.router.forgetting(hook)
        self.services = Services(
            store, clock, settings or CoreSettings(), organisers or NobodyOrganises(),
            forget_hooks=self.router.forget_hooks,
        )
        self.private_messages = PrivateMessageLimit(self.services.settings.private_messages_per_hour)
        self.courier = Courier(self.services, notifier, self._on_receipt, sends_at_once=sends_at_once,
                               on_thread_gone=self._on_thread_gone)
        self.inbox = Inbox(self.services, self._turn_from_inbox)
        self.waker = waker

    @property
    def settings(self) -> CoreSettings:
        return self.services.settings

    def menu(self, private: bool, organisers: bool = False) -> list[Command]:
        return self.router.menu(private, organisers)

    def knows_command(self, name: str) -> bool:
        return self.router.find_command(name) is not None

    async def handle(self, incoming: Incoming) -> None:
        """Do what a neighbour asked, and send what it decided; whatever goes wrong, they get a kind
        word, never a traceback. (Platforms hand things over through `receive` instead.)"""
        await self.courier.sent(await self._turn(incoming))

    async def receive(self, platform: str, arrivals: Sequence[Arrival], position: str | None = None
                      ) -> list[asyncio.Future[None] | None]:
        """What a platform delivered, written to the inbox before the platform is told it arrived;
        handled in turn (see handlers.kernel.inbox)."""
        return await self.inbox.receive(platform, arrivals, position)

    async def inbox_position(self, platform: str) -> str | None:
        return await self.inbox.position(platform)

    async def resume(self) -> None:
        """Once the platforms can send: what a run that stopped left unsent goes out, and what it
        left unhandled is handled, before anything new."""
        await self.courier.resume()
        await self.inbox.resume()

    def stop(self) -> None:
        """Take no new turn and start no new send; what waits stays for the next start."""
        self.inbox.stop()
        self.courier.stop()

    async def stopped(self) -> None:
        await self.inbox.stopped()
        await self.courier.stopped()

    async def _turn_from_inbox(self, incoming: Incoming, inbox_id: int) -> Awaitable[None]:
        return self.courier.sent(await self._turn(incoming, inbox_id))

    async def _turn(self, incoming: Incoming, inbox_id: int | None = None) -> list[Queued]:
        """One turn; its inbox row, if it came through the inbox, is deleted in the turn's transaction.
        Returns what it decided to send, already on its way."""
        handled = None if inbox_id is None else (lambda: self.services.store.inbox.handled(inbox_id))
        effects, queued = Effects(), None
        try:
            if await self._may_read(incoming, effects):
                effects, queued = await self._pressed_from_inside(incoming, effects, handled)
        except Exception:
            log.exception("turn failed kind=%s platform=%s", incoming.kind, incoming.platform)
            effects = Effects()
            effects.add(_sorry(incoming))
        if queued is None:
            effects, queued = await self._work(lambda made: _add_all(made, effects), ANSWER, handled)
        return self._finish(effects, queued)

    async def _work(self, do: Callable[[Effects], Awaitable[None]], kind: str,
                    also: Callable[[], Awaitable[None]] | None = None) -> tuple[Effects, list[Queued]]:
        """Do `do` in one transaction (with `also`, e.g. deleting what it answered from the inbox), and
        in the same one prepare what it decided to send and keep it in the outbox: sending then needs
        the database only to record what happened."""
        effects = Effects()
        async with self.services.store.transaction():
            await do(effects)
            if also is not None:
                await also()
            queued = await self.courier.keep(await self.courier.prepare(effects.items), kind)
        return effects, queued

    async def _may_read(self, incoming: Incoming, effects: Effects) -> bool:
        """Private messages beyond the hourly limit are left unread (buttons always work); the first
        one left unread in a while gets a kind word saying why (added to `effects`)."""
        if not incoming.is_private or incoming.kind not in (IncomingKind.MESSAGE, IncomingKind.LOCATION):
            return True
        verdict = self.private_messages.check(incoming.platform, incoming.user_id, self.services.clock.now())
        if verdict is Verdict.REFUSE_AND_SAY_WHY:
            log.info("private messages over the hourly limit platform=%s", incoming.platform)
            effects.add(Outgoing(ToPerson(incoming.person), msg(texts.TOO_MANY_MESSAGES)))
        return verdict is Verdict.READ

    async def run_due(self) -> None:
        """Everything that has fallen due by now, each kind of work in its own transaction, so one
        failing never holds up the others."""
        now = self.services.clock.now()
        for work in self.router.due_work:
            try:
                effects, queued = await self._work(lambda effects, run=work.run: self._due_work(run, effects, now), BULK)
            except Exception:
                log.exception("scheduled work failed work=%s", work.name)
                continue
            await self.courier.sent(self._finish(effects, queued))

    async def _due_work(self, run: DueRunner, effects: Effects, now: datetime) -> None:
        await run(self.services, effects, now)
        await note_told(self.services.store, effects.items, now)

    async def next_due(self) -> datetime | None:
        """When there is next something to do on the bot's own initiative."""
        times = []
        async with self.services.store.transaction():
            for work in self.router.due_work:
                if work.next_at is not None and (when := await work.next_at(self.services)) is not None:
                    times.append(when)
        return min(times) if times else None

    def _finish(self, effects: Effects, queued: list[Queued]) -> list[Queued]:
        """After a transaction: wake the scheduler if needed, and send what it kept in the outbox."""
        if effects.wake_at is not None and self.waker is not None:
            self.waker.wake_at(effects.wake_at)
        self.courier.dispatch(queued)
        return queued

    async def _on_receipt(self, receipt: str, result: SendResult,
                          sent: Callable[[], Awaitable[None]] | None = None) -> None:
        """What a send receipt's handler records, in one transaction with crossing the message off
        the outbox (`sent`). What it decides to say goes out after (not waited for: this runs in the
        middle of sending)."""
        sent = sent or _nothing
        found = self.router.find_receipt(receipt)
        if found is None:
            log.warning("no handler for receipt code=%s", receipt.split(":")[0])
            await sent()
            return
        marked, handler = found
        try:
            async def do(effects: Effects) -> None:
                now = self.services.clock.now()
                await handler(self.services, effects, marked, result, now)
                await note_told(self.services.store, effects.items, now)

            effects, queued = await self._work(do, BULK, sent)
        except Exception:
            log.exception("receipt failed code=%s", marked.code)
            await sent()
            return
        self._finish(effects, queued)

    async def _on_thread_gone(self, street: Street, thread: str) -> None:
        for handler in self.router.thread_gone_handlers:
            try:
                effects, queued = await self._work(
                    lambda effects, run=handler: run(self.services, effects, street, thread, self.services.clock.now()),
                    BULK,
                )
            except Exception:
                log.exception("could not handle a closed or missing thread")
                continue
            self._finish(effects, queued)  # not waited for: this is heard in the middle of sending

    async def _take_turn(self, incoming: Incoming, effects: Effects, trusted: bool = False) -> None:
        """`trusted`: a press in a group from someone the platform says is in it."""
        store = self.services.store
        now = self.services.clock.now()
        if incoming.kind is IncomingKind.PRESS and not incoming.is_private and not trusted:
            await self._check_known_in_group(incoming)
        neighbour = await store.neighbours.get_or_create(incoming.platform, incoming.user_id, now)
        street = None
        if not incoming.is_private:
            street = await store.streets.get_or_create(incoming.platform, incoming.chat_id, incoming.chat_title, now)
            if incoming.kind is IncomingKind.LEFT:
                await store.neighbours.left_street(street.id, neighbour.id)
                return
            await activity.seen_in_group(self.services, street.id, neighbour.id, now)
        await note_platform_language(self.services, neighbour, incoming.language)
        turn = Turn(incoming, neighbour, street, now, self.services, effects)
        if incoming.is_private:
            if neighbour.reachable is not True:
                await store.neighbours.set_reachable(neighbour.id, True)
            held = await self.courier.take_held(neighbour)
            for outgoing in held:
                effects.add(outgoing)
            turn.held_delivered = len(held)
        if incoming.kind is IncomingKind.PRESS:
            await self._press(turn)
        elif incoming.kind is IncomingKind.MESSAGE:
            await self._message(turn)
        elif incoming.kind is IncomingKind.LOCATION and self.router.location_handler is not None:
            await self.router.location_handler(turn)
        await note_last_question(turn)

    async def _pressed_from_inside(self, incoming: Incoming, effects: Effects,
                                   handled: Callable[[], Awaitable[None]] | None) -> tuple[Effects, list[Queued] | None]:
        """The turn — but a button in a group is pressed by someone in that group: known there (read in
        the turn's own transaction), or so the platform says (asked outside it, so the database isn't
        held while the platform answers; then the turn is taken again). A press from outside is
        answered (added to `effects`) and writes nothing: no neighbour, no street, no membership."""
        try:
            return await self._work(lambda made: self._take_turn(incoming, made), ANSWER, handled)
        except _NotKnownInGroup as unknown:
            if await self.services.organisers.is_in_group(unknown.street, incoming.user_id):
                return await self._work(lambda made: self._take_turn(incoming, made, trusted=True), ANSWER, handled)
        log.info("a press from outside the group platform=%s", incoming.platform)
        effects.add(Outgoing(ToPresser(incoming.person, incoming.ref), msg(texts.NOT_FOR_YOU)))
        return effects, None

    async def _check_known_in_group(self, incoming: Incoming) -> None:
        """Raises `_NotKnownInGroup` (before the turn writes anything) unless they are a member here."""
        store = self.services.store
        street = await store.streets.find(incoming.platform, incoming.chat_id)
        neighbour = await store.neighbours.find(incoming.platform, incoming.user_id)
        if street is None or neighbour is None or not await store.neighbours.is_member(street.id, neighbour.id):
            raise _NotKnownInGroup(street or Street(0, incoming.platform, incoming.chat_id, incoming.chat_title))

    async def _press(self, turn: Turn) -> None:
        found = self.router.find_action(turn.incoming.payload or "")
        if found is None:  # an unknown kind, or malformed: nothing is read from it
            turn.answer(texts.BUTTON_EXPIRED)
            return
        pressed, handler = found
        await handler(turn, pressed)

    async def _message(self, turn: Turn) -> None:
        text = turn.incoming.text or ""
        parsed = parse_command(text)
        if parsed is None:
            await self._typed_text(turn, text)
            return
        command = self.router.find_command(parsed.name)
        if command is None:
            await start.unknown(turn, parsed.name)
        elif command.where is Where.PRIVATE and not turn.is_private:
            turn.reply(texts.PRIVATE_ONLY, (board.private_link(parsed.name),))
        elif command.where is Where.GROUP and turn.is_private:
            turn.reply(texts.GROUP_ONLY)
        else:
            await command.handler(turn, parsed.rest)

    async def _typed_text(self, turn: Turn, text: str) -> None:
        """Plain words: the answer a guided flow waits for (unless they clearly pick one of the choices
        last offered: then they are that press); words passed on through the bot; an answer to the
        bot's last question; then whoever reads plain words. In groups, unless addressed to the bot,
        they are just chat."""
        if not turn.is_private and not turn.incoming.addressed_to_bot:
            return
        find = self.router.find_action
        waiting = await flows.waiting_in_chat(turn, self.router.flows)
        on_text = self.router.find_flow_text(waiting.flow.name) if waiting is not None else None
        if waiting is not None and on_text is not None:
            if not await typed_answers.take(turn, text, find, only_if_clear=True):
                await on_text(turn, text, waiting)
        elif turn.is_private and await self._private_words(turn, text, self.router.private_words_before_answers):
            return
        elif await typed_answers.take(turn, text, find):
            return
        elif turn.is_private and await self._private_words(turn, text, self.router.private_words_handlers):
            return
        elif turn.is_private and not turn.held_delivered:
            turn.reply(texts.NOT_UNDERSTOOD)

    @staticmethod
    async def _private_words(turn: Turn, text: str, handlers: list[WordsHandler]) -> bool:
        for handler in handlers:
            if await handler(turn, text):
                return True
        return False


class _NotKnownInGroup(Exception):
    """A press in a group from someone not known there: the platform is asked, outside the turn."""

    def __init__(self, street: Street) -> None:
        super().__init__(street.chat_id)
        self.street = street


async def _nothing() -> None:
    return None


async def _add_all(effects: Effects, made: Effects) -> None:
    for effect in made.items:
        effects.add(effect)


def _sorry(incoming: Incoming) -> Outgoing:
    text = msg(texts.SOMETHING_WENT_WRONG)
    if incoming.kind is IncomingKind.PRESS:
        return Outgoing(ToPresser(incoming.person, incoming.ref), text)
    if incoming.is_private:
        return Outgoing(ToPerson(incoming.person), text)
    return Outgoing(ToStreet(Street(0, incoming.platform, incoming.chat_id), thread=incoming.thread), text)
