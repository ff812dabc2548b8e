"""Sending what a turn decided, after its changes are stored.

Each message goes out in its recipient's language, worked out while the turn's transaction is still
open (`prepare`), together with everything else sending needs from the database, so that sending
itself holds the database only to record what happened (a card's place, someone found unreachable).
A private
message to someone the bot can't reach is said in the street instead when that's fine
(`Outgoing.fallback`), or kept until they open a private chat, with one short note in their street
so they know (unless it only makes sense now: `Outgoing.hold_if_unreachable`). Cards remember
where they were shown so they can be updated.

Cards and the street's notices (`ToStreet.homed`) go to the home its organisers chose for them, if
they chose one. When a topic or thread turns out closed or gone, the adapter says the message in
the group's main place instead (`SendResult.fell_back_from`) and `on_thread_gone` hears of it.

With `sends_at_once` above one, messages to different chats go out side by side (up to that many
at a time), so that hundreds of check-ins due together aren't each kept waiting for the platform's
answer to the one before; the platform's own pacing keeps within its limits. Messages to the same
chat keep their order — a private message that may be said in a street instead counts as that
street's — and a card's update waits for the card itself when both are in the same batch."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field, replace
from typing import Awaitable, Callable

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
from handlers.kernel.ports import Notifier
from handlers.kernel.serialize import decode_private, encode_private
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Effect, Services

log = logging.getLogger(__name__)

INBOX = "inbox"  # the private-chat payload that collects waiting messages

OnReceipt = Callable[[str, SendResult], Awaitable[None]]
OnThreadGone = Callable[[Street, str], Awaitable[None]]  # (the street, the topic or thread found closed or gone)


@dataclass(frozen=True)
class Ready:
    """An effect with what sending it needs: its language (and a card update's places) filled in,
    and for a private message its recipient as the database knew them."""

    effect: Effect
    neighbour: Neighbour | None = None


@dataclass
class _Step:
    """One effect in its lane, with what it waits for (the cards it updates) and says when done."""

    ready: Ready
    after: list[asyncio.Event] = field(default_factory=list)
    done: asyncio.Event | None = None


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
        self._sends_at_once = max(1, sends_at_once)

    async def deliver(self, effects: list[Effect]) -> None:
        """Prepare and send effects made outside a transaction (one short transaction for them all)."""
        if not effects:
            return
        async with self._store.transaction():
            ready = await self.prepare(effects)
        await self.send(ready)

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
            if effect.post_id in new_cards:
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

    async def send(self, ready: list[Ready]) -> None:
        """Send prepared effects: one by one, or with `sends_at_once`, different chats side by side."""
        if self._sends_at_once == 1 or len(ready) < 2:
            for item in ready:
                await self._deliver_one(item)
            return
        slots = asyncio.Semaphore(self._sends_at_once)
        lanes: dict[tuple[str, ...], list[_Step]] = {}
        cards: dict[int, list[asyncio.Event]] = {}  # cards being posted in this batch, by post
        for item in ready:
            step = _Step(item)
            effect = item.effect
            if isinstance(effect, CardUpdate):
                step.after = list(cards.get(effect.post_id, ()))
            elif effect.card_of is not None:
                step.done = asyncio.Event()
                cards.setdefault(effect.card_of, []).append(step.done)
            lanes.setdefault(_lane(effect), []).append(step)
        await asyncio.gather(*(self._deliver_lane(lane, slots) for lane in lanes.values()))

    async def _deliver_lane(self, lane: list[_Step], slots: asyncio.Semaphore) -> None:
        for step in lane:
            try:
                for card in step.after:  # only ever earlier effects: nothing waits in a circle
                    await card.wait()
                async with slots:
                    await self._deliver_one(step.ready)
            finally:
                if step.done is not None:
                    step.done.set()

    async def _deliver_one(self, ready: Ready) -> None:
        effect = ready.effect
        try:
            if isinstance(effect, CardUpdate):
                await self._update_card(effect)
                return
            result = await self._send(effect, ready.neighbour)
            if effect.receipt is not None and self._on_receipt is not None:
                await self._on_receipt(effect.receipt, result)
        except Exception:
            # One failed message must not stop the others; the notifier has retried already.
            log.exception("delivery failed kind=%s", type(effect).__name__)

    async def take_held(self, neighbour: Neighbour) -> list[Outgoing]:
        """Messages that waited for this neighbour to open a private chat (call inside a transaction)."""
        return [decode_private(raw) for raw in await self._store.outbox.take_all(neighbour.id)]

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

    async def _send(self, outgoing: Outgoing, neighbour: Neighbour | None) -> SendResult:
        """Send one prepared message; a private one to someone unreachable falls back (see the module)."""
        if isinstance(outgoing.to, ToStreet):
            result = await self._notifier.send(outgoing)
            if result.sent and result.ref is not None and outgoing.card_of is not None:
                async with self._store.transaction():
                    await self._store.cards.remember(outgoing.card_of, result.ref)
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
            first = await self._store.outbox.hold(neighbour.id, encode_private(outgoing), self._services.clock.now())
            streets = await self._store.streets.of_neighbour(neighbour.id) if first else []
        if streets:
            link = Choice(msg(texts.BUTTON_OPEN_PRIVATE), INBOX, opens_private=True)
            nudge = Outgoing(ToStreet(streets[0]), msg(texts.OPEN_PRIVATE_CHAT, who=person), (link,))
            await self._in_street(streets[0], nudge)

    async def _update_card(self, update: CardUpdate) -> None:
        """Edit every copy of a prepared card. Its places were filled in by `prepare`, unless a copy
        went out in the same batch: then they are read now, after it."""
        refs, nearby = update.refs, update.nearby_refs
        if refs is None:
            async with self._store.transaction():
                refs = tuple(await self._store.cards.of_post(update.post_id))
                nearby = tuple(await self._store.cards.nearby_of_post(update.post_id)) if update.nearby_text else ()
        locale = update.locale or self._services.settings.locale
        for ref in refs:
            await self._notifier.edit(ref, update.text, update.choices, locale)
        if update.nearby_text is not None:
            for ref in nearby or ():
                await self._notifier.edit(ref, update.nearby_text, update.choices, locale)
