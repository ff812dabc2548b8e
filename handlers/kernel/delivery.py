"""Sending what a turn decided: written down in the turn's own transaction (the outbox), sent once
that is committed, and crossed off the moment it has gone out.

Each message goes out in its recipient's language, worked out while the turn's transaction is still
open (`prepare`), together with everything else sending needs from the database, so that sending
itself holds the database only to record what happened (a card's place, someone found unreachable).
The prepared message is written to the outbox in that same transaction (`keep`), so a crash between
the commit and the send loses nothing: what is left in the outbox goes out at the next start
(`resume`). A message is crossed off together with what its send records (a card's place, a send
receipt), so only a kill in the instant between a message leaving and that record sends it twice;
card edits are safe to repeat, and Matrix recognises a resend by its key (`Outgoing.resend_key`). A
message that only makes sense now (`Outgoing.hold_if_unreachable` False: check-ins and the notes about
them) is not sent late by the outbox: its own records send it again if it still matters (see
handlers/checkins/due.py).

A private message to someone the bot can't reach is said in the street instead when that's fine
(`Outgoing.fallback`), or kept until they open a private chat, with one short note in their street
so they know (unless it only makes sense now). Cards remember where they were shown so they can be
updated.

Cards and the street's notices (`ToStreet.homed`) go to the home its organisers chose for them, if
they chose one. When a topic or thread turns out closed or gone, the adapter says the message in
the group's main place instead (`SendResult.fell_back_from`) and `on_thread_gone` hears of it.

Messages go out in lanes. With `sends_at_once` of one (the default), each batch — what one turn,
one run of due work or one receipt decided — is a lane of its own, in order, and batches go side by
side. Above one, as `doorstep run` does, there is a lane per chat, in the order decided, and up to
that many lanes side by side, so that hundreds of check-ins due together aren't each kept
waiting for the platform's answer to the one before (the platform's own pacing keeps within its
limits). A private message that may be said in a street instead counts as that street's, and a
card's update waits for the card itself while it is still on its way. Each message carries its kind
(`ANSWER` or `BULK`), for answers to go ahead of bulk work."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import deque
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import AsyncIterator, Awaitable, Callable

from handlers.kernel import languages, texts
from handlers.kernel.domain import Neighbour, Street
from handlers.kernel.messages import (
    CardUpdate,
    Choice,
    Outgoing,
    Person,
    SendResult,
    SendStatus,
    ToPresser,
    ToStreet,
    msg,
)
from handlers.kernel.ports import Notifier, Store
from handlers.kernel.serialize import (
    decode_effect,
    decode_private,
    encode_effect,
    encode_private,
    kept_in_memory_only,
)
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effect, Services

log = logging.getLogger(__name__)

INBOX = "inbox"  # the private-chat payload that collects waiting messages

# Told how a message marked with a receipt code went; `sent` crosses it off the outbox and belongs in the
# transaction that records the news (so both happen, or neither).
OnReceipt = Callable[[str, SendResult, Callable[[], Awaitable[None]]], Awaitable[None]]
OnThreadGone = Callable[[Street, str], Awaitable[None]]  # (the street, the topic or thread found closed or gone)

ANSWER, BULK = "answer", "bulk"  # what a message is: an answer to what someone just did, or work of the bot's own
CROSS_OFF_WITHIN_S = 0.05  # a message that went is crossed off the outbox within this, at most
NO_LIMIT = 1_000_000
STOP_GRACE_S = 5.0  # how long a stop waits for sends under way (a platform's own grace comes first)


@dataclass(frozen=True)
class Ready:
    """An effect with what sending it needs: its language (and a card update's places) filled in,
    and for a private message its recipient as the database knew them."""

    effect: Effect
    neighbour: Neighbour | None = None


@dataclass
class Queued:
    """A prepared message in the outbox (row `id`), with what it waits for (the cards it updates)."""

    id: int | None  # None: never written down (see serialize.kept_in_memory_only)
    ready: Ready
    kind: str = ANSWER
    after: list[asyncio.Event] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)  # set once it has gone out (or is left for later)
    fatal: BaseException | None = None  # what stopped its sending short, beyond a failed message (see `sent`)


class _Slots:
    """Up to `size` sends at once, handed out in order — but a waiting answer goes before waiting bulk
    work, so someone pressing a button during a fan-out of hundreds isn't answered last."""

    def __init__(self, size: int) -> None:
        self._free = size
        self._waiting: dict[str, deque[asyncio.Future[None]]] = {ANSWER: deque(), BULK: deque()}

    @asynccontextmanager
    async def slot(self, kind: str) -> AsyncIterator[None]:
        if self._free > 0 and not any(self._waiting.values()):
            self._free -= 1
        else:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiting[ANSWER if kind == ANSWER else BULK].append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._release()  # it was handed a slot just as it was cancelled
                raise
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        for kind in (ANSWER, BULK):
            queue = self._waiting[kind]
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)  # the slot goes straight to it
                    return
        self._free += 1


class _CrossingOff:
    """Messages that went, crossed off the outbox together rather than a trip to the database each:
    at once when nothing else is being sent and the database is free (so a turn's messages go in one
    statement), and while busy every `wait` seconds at most. Each message's `done` is set once it is crossed off."""

    def __init__(self, store: Store, wait: float = CROSS_OFF_WITHIN_S) -> None:
        self._store = store
        self._wait = wait
        self._waiting: list[tuple[int, asyncio.Event]] = []
        self._hurry = asyncio.Event()  # something went while all was quiet: cross off now
        self._task: asyncio.Task | None = None

    def add(self, outbox_id: int, done: asyncio.Event, *, busy: bool) -> None:
        self._waiting.append((outbox_id, done))
        if not busy:
            self._hurry.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._work(), name="outbox:cross-off")

    async def finished(self) -> None:
        self._hurry.set()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
        await self._now()

    async def _work(self) -> None:
        while self._waiting:
            if not self._hurry.is_set():
                try:
                    await asyncio.wait_for(self._hurry.wait(), self._wait)
                except asyncio.TimeoutError:
                    pass
            self._hurry.clear()
            await self._now()

    async def _now(self) -> None:
        if not self._waiting:
            return
        batch, self._waiting = self._waiting, []
        try:
            await self._store.outbox.discard([outbox_id for outbox_id, _ in batch])
        except Exception:
            log.exception("outbox: could not cross messages off count=%d", len(batch))
        finally:
            for _, done in batch:
                done.set()


def _lane(effect: Effect) -> tuple[str, ...]:
    """Effects in the same lane go out one after another, in order; lanes go side by side."""
    if isinstance(effect, CardUpdate):
        return ("card", str(effect.post_id))
    to = effect.to
    if isinstance(to, ToStreet):
        return ("chat", to.street.platform, to.street.chat_id)
    if effect.fallback is not None:  # it may be said in that street instead
        return ("chat", effect.fallback.platform, effect.fallback.chat_id)
    return ("person", to.person.platform, to.person.user_id)


class Courier:
    def __init__(self, services: Services, notifier: Notifier, on_receipt: OnReceipt | None = None, *,
                 sends_at_once: int = 1, on_thread_gone: OnThreadGone | None = None) -> None:
        self._services = services
        self._store = services.store
        self._notifier = notifier
        self._on_receipt = on_receipt
        self._on_thread_gone = on_thread_gone
        # One at a time means each batch (a turn's messages, say) in a lane of its own, in the order it
        # was decided, and batches side by side with no limit, as when each turn sent its own.
        self._by_batch = sends_at_once <= 1
        self._slots = _Slots(NO_LIMIT if self._by_batch else sends_at_once)
        self._batches = itertools.count()
        self._lanes: dict[tuple[str, ...], deque[Queued]] = {}
        self._cards: dict[int, list[asyncio.Event]] = {}  # posts whose card is still on its way: its done events
        self._stopping = False
        self._running: set[asyncio.Task] = set()
        self._crossing_off = _CrossingOff(self._store)
        self._queued = 0  # messages in lanes, not yet sent

    async def deliver(self, effects: list[Effect], kind: str = ANSWER) -> None:
        """Prepare, keep and send effects made outside a transaction (one short transaction for them all)."""
        if not effects:
            return
        async with self._store.transaction():
            queued = await self.keep(await self.prepare(effects), kind)
        self.dispatch(queued)
        await self.sent(queued)

    async def prepare(self, effects: list[Effect]) -> list[Ready]:
        """Everything sending needs from the database; call inside the transaction that made them."""
        ready = []
        new_cards: set[int] = set()  # posts whose card goes out in this batch
        for effect in effects:
            try:
                ready.append(await self._prepare_one(effect, new_cards))
            except Exception:
                log.exception("could not prepare a message kind=%s", type(effect).__name__)
            if isinstance(effect, Outgoing) and effect.card_of is not None:
                new_cards.add(effect.card_of)
        return ready

    async def _prepare_one(self, effect: Effect, new_cards: set[int]) -> Ready:
        services = self._services
        if isinstance(effect, CardUpdate):
            post = await self._store.posts.get(effect.post_id)
            locale = effect.locale or (
                await languages.of_street(services, post.street_id) if post else services.settings.locale
            )
            if effect.post_id in new_cards or self._card_on_its_way(effect.post_id):
                return Ready(replace(effect, locale=locale))  # its places are known once that card is out
            refs = effect.refs if effect.refs is not None else await self._store.cards.of_post(effect.post_id)
            nearby = () if effect.nearby_text is None else (
                effect.nearby_refs if effect.nearby_refs is not None
                else await self._store.cards.nearby_of_post(effect.post_id)
            )
            return Ready(replace(effect, refs=tuple(refs), nearby_refs=tuple(nearby), locale=locale))
        to = effect.to
        if isinstance(to, ToStreet):
            locale = effect.locale or await languages.of_street(services, to.street.id)
            return Ready(replace(effect, to=await self._placed(to), locale=locale))
        neighbour = await self._store.neighbours.find(to.person.platform, to.person.user_id)
        if effect.locale is None:
            locale = await languages.of_neighbour(services, neighbour) if neighbour else services.settings.locale
            effect = replace(effect, locale=locale)
        return Ready(effect, neighbour)

    async def keep(self, ready: list[Ready], kind: str) -> list[Queued]:
        """Write prepared effects to the outbox; call inside the transaction that made them, then
        `dispatch` what this returns once it is committed."""
        written = [item for item in ready if not kept_in_memory_only(item.effect)]
        ids = iter(await self._store.outbox.add(
            [(kind, encode_effect(item.effect, item.neighbour)) for item in written], self._services.clock.now(),
        ) if written else [])
        return [Queued(None if kept_in_memory_only(item.effect) else next(ids), item, kind) for item in ready]

    def dispatch(self, queued: list[Queued]) -> None:
        """Send what was kept (its transaction committed): each joins its lane."""
        batch = next(self._batches)
        for item in queued:
            effect = item.ready.effect
            if isinstance(effect, CardUpdate):
                item.after = list(self._cards.get(effect.post_id, ()))
            elif effect.card_of is not None:
                self._cards.setdefault(effect.card_of, []).append(item.done)
            if self._stopping:
                item.done.set()  # it stays in the outbox for the next start
                continue
            key = ("batch", str(batch)) if self._by_batch else _lane(effect)
            self._queued += 1
            lane = self._lanes.get(key)
            if lane is not None:
                lane.append(item)
                continue
            self._lanes[key] = deque([item])
            task = asyncio.create_task(self._run_lane(key), name="courier")
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    @staticmethod
    async def sent(queued: list[Queued]) -> None:
        """Until each of these has gone out (or been left for the next start)."""
        for item in queued:
            await item.done.wait()
            if item.fatal is not None:
                raise item.fatal

    async def resume(self) -> None:
        """Send what a run that stopped left in the outbox. What only made sense then is let go: its
        own records send it again if it still matters (check-ins), or it was once-or-never anyway."""
        queued, stale = [], []
        for outbox_id, kind, raw in await self._store.outbox.waiting():
            try:
                effect, neighbour = decode_effect(raw)
            except Exception:
                log.exception("outbox: a message could not be read; it is dropped")
                stale.append(outbox_id)
                continue
            if isinstance(effect, Outgoing) and not effect.hold_if_unreachable:
                stale.append(outbox_id)
                continue
            queued.append(Queued(outbox_id, Ready(effect, neighbour), kind))
        if stale:
            await self._store.outbox.discard(stale)
        if queued:
            log.info("outbox: sending what was left unsent count=%d", len(queued))
        self.dispatch(queued)

    def stop(self) -> None:
        """Start no more sends (those under way finish, or give up when the platform stops waiting);
        what is left stays in the outbox for the next start."""
        self._stopping = True
        for lane in self._lanes.values():
            for item in lane:
                item.done.set()

    async def stopped(self, grace: float = STOP_GRACE_S) -> None:
        """Until the sends under way are over: finished, given up, or after `grace` cut short (what
        they were sending stays in the outbox, for the next start)."""
        if not self._running:
            await self._crossing_off.finished()
            return
        _, late = await asyncio.wait(set(self._running), timeout=grace)
        for task in late:
            task.cancel()
        if late:
            log.warning("outbox: sends cut short by the stop; they go at the next start count=%d", len(late))
            await asyncio.gather(*late, return_exceptions=True)
        await self._crossing_off.finished()

    def _card_on_its_way(self, post_id: int) -> bool:
        return any(not done.is_set() for done in self._cards.get(post_id, ()))

    async def _run_lane(self, key: tuple[str, ...]) -> None:
        lane = self._lanes[key]
        try:
            while lane and not self._stopping:
                item = lane[0]
                for card in item.after:  # only ever earlier effects: nothing waits in a circle
                    await card.wait()
                async with self._slots.slot(item.kind):
                    if self._stopping:
                        break
                    to_cross_off = await self._deliver_one(item)
                lane.popleft()
                self._queued -= 1
                if to_cross_off and item.id is not None:  # done once crossed off; the lane goes on meanwhile
                    self._crossing_off.add(item.id, item.done, busy=self._queued > 0 or self._store.busy())
                else:
                    item.done.set()
                self._forget_card(item)
        except BaseException as fatal:
            # Not a message that failed (those are caught): the process is going down. Whoever waits
            # for these messages hears it; the outbox still has them for the next start.
            for item in lane:
                item.fatal = fatal
            raise
        finally:
            self._queued -= len(lane)
            for item in lane:
                item.done.set()
            del self._lanes[key]

    def _forget_card(self, item: Queued) -> None:
        effect = item.ready.effect
        if isinstance(effect, Outgoing) and effect.card_of is not None:
            events = [done for done in self._cards.get(effect.card_of, ()) if done is not item.done]
            if events:
                self._cards[effect.card_of] = events
            else:
                self._cards.pop(effect.card_of, None)

    async def _deliver_one(self, item: Queued) -> bool:
        """Send one; True if it is still to be crossed off the outbox (with others, see `_CrossingOff`)."""
        effect = item.ready.effect
        crossed_off = left_for_later = False

        async def cross_off() -> None:
            nonlocal crossed_off
            if item.id is not None:
                await self._store.outbox.sent(item.id)
            crossed_off = True

        try:
            if isinstance(effect, CardUpdate):
                left_for_later = not await self._update_card(effect) and self._stopping
            else:
                resend_key = None if item.id is None else str(item.id)
                result = await self._send(replace(effect, resend_key=resend_key), item.ready.neighbour, cross_off)
                # Given up because the bot is stopping: it goes at the next start.
                left_for_later = self._stopping and result.status is SendStatus.FAILED
                if not left_for_later and effect.receipt is not None and self._on_receipt is not None:
                    await self._on_receipt(effect.receipt, result, cross_off)
        except Exception:
            # One failed message must not stop the others; the notifier has retried already.
            log.exception("delivery failed kind=%s", type(effect).__name__)
        # (Anything beyond an Exception — the process going down — leaves it in the outbox.)
        return not crossed_off and not left_for_later

    async def take_held(self, neighbour: Neighbour) -> list[Outgoing]:
        """Messages that waited for this neighbour to open a private chat (call inside a transaction)."""
        return [decode_private(raw) for raw in await self._store.held.take_all(neighbour.id)]

    async def _placed(self, to: ToStreet) -> ToStreet:
        """Where in its group a message goes: a card or notice to the street's chosen home, if any."""
        if not to.homed:
            return to
        home = (await for_street(self._services, to.street.id)).cards_home
        return replace(to, thread=home or to.thread, homed=False)

    async def _in_street(self, street: Street, outgoing: Outgoing, thread: str | None = None) -> SendResult:
        """A private message said openly in a street instead: in `thread`, else the street's home."""
        locale = await languages.of_street(self._services, street.id)
        to = await self._placed(ToStreet(street, thread=thread, homed=thread is None))
        result = await self._notifier.send(replace(outgoing, to=to, locale=locale, fallback=None, fallback_thread=None))
        await self._report_thread_gone(street, result)
        return result

    async def _report_thread_gone(self, street: Street, result: SendResult) -> None:
        if result.fell_back_from is not None and self._on_thread_gone is not None:
            await self._on_thread_gone(street, result.fell_back_from)

    async def _send(self, outgoing: Outgoing, neighbour: Neighbour | None,
                    cross_off: Callable[[], Awaitable[None]]) -> SendResult:
        """Send one prepared message; a private one to someone unreachable falls back (see the module).
        A card is crossed off the outbox in the transaction that remembers where it is."""
        if isinstance(outgoing.to, ToStreet):
            result = await self._notifier.send(outgoing)
            if result.sent and result.ref is not None and outgoing.card_of is not None:
                async with self._store.transaction():
                    await self._store.cards.remember(outgoing.card_of, result.ref)
                    await cross_off()
            await self._report_thread_gone(outgoing.to.street, result)
            return result
        person = outgoing.to.person
        if isinstance(outgoing.to, ToPresser):
            return await self._notifier.send(outgoing)
        if neighbour is not None and neighbour.reachable is False:
            result = SendResult(SendStatus.UNREACHABLE)
        else:
            result = await self._notifier.send(outgoing)
        if neighbour is None:
            return result
        if result.status is SendStatus.UNREACHABLE:
            await self._when_unreachable(outgoing, person, neighbour)
        elif result.sent and neighbour.reachable is not True:
            await self._note_reachable(neighbour.id)
        return result

    async def _note_reachable(self, neighbour_id: int) -> None:
        # Several messages to someone new go out side by side: the first to arrive notes it.
        current = await self._store.neighbours.get(neighbour_id)
        if current is not None and current.reachable is not True:
            async with self._store.transaction():
                await self._store.neighbours.set_reachable(neighbour_id, True)

    async def _when_unreachable(self, outgoing: Outgoing, person: Person, neighbour: Neighbour) -> None:
        async with self._store.transaction():
            await self._store.neighbours.set_reachable(neighbour.id, False)
        if not outgoing.hold_if_unreachable or outgoing.attachment is not None:
            # It only made sense now (its receipt tells whoever needs to know); and a file, such as
            # someone's own data, is never kept waiting in the database.
            return
        if outgoing.fallback is not None and outgoing.attachment is None and outgoing.chart is None:
            # Words about a post they made openly may be said openly; a file or a picture never is.
            said_openly = replace(outgoing, text=msg(texts.ADDRESSED, who=person, text=outgoing.text))
            await self._in_street(outgoing.fallback, said_openly, outgoing.fallback_thread)
            return
        async with self._store.transaction():
            first = await self._store.held.hold(neighbour.id, encode_private(outgoing), self._services.clock.now())
            streets = await self._store.streets.of_neighbour(neighbour.id) if first else []
        if streets:
            link = Choice(msg(texts.BUTTON_OPEN_PRIVATE), INBOX, opens_private=True)
            nudge = Outgoing(ToStreet(streets[0]), msg(texts.OPEN_PRIVATE_CHAT, who=person), (link,))
            await self._in_street(streets[0], nudge)

    async def _update_card(self, update: CardUpdate) -> bool:
        """Edit every copy of a prepared card (True if every edit went). Its places were filled in by
        `prepare`, unless the card was still on its way then: they are read now, after it."""
        refs, nearby = update.refs, update.nearby_refs
        if refs is None:
            async with self._store.transaction():
                refs = tuple(await self._store.cards.of_post(update.post_id))
                nearby = tuple(await self._store.cards.nearby_of_post(update.post_id)) if update.nearby_text else ()
        locale = update.locale or self._services.settings.locale
        edited = True
        for ref in refs:
            edited = await self._notifier.edit(ref, update.text, update.choices, locale) and edited
        if update.nearby_text is not None:
            for ref in nearby or ():
                edited = await self._notifier.edit(ref, update.nearby_text, update.choices, locale) and edited
        return edited
