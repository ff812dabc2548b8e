"""Sending what a turn decided, after its changes are stored.

Each message goes out in its recipient's language (worked out here, at sending time). A private
message to someone the bot can't reach is said in the street instead when that's fine
(`Outgoing.fallback`), or kept until they open a private chat, with one short note in their street
so they know (unless it only makes sense now: `Outgoing.hold_if_unreachable`). Cards remember
where they were shown so they can be updated.

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

from handlers import languages, texts
from handlers.domain import Neighbour, Street
from handlers.messages import (
    CardUpdate, Choice, Outgoing, Person, SendResult, SendStatus, ToPresser, ToStreet, msg,
)
from handlers.ports import Notifier
from handlers.serialize import decode_private, encode_private
from handlers.turn import Effect, Services

log = logging.getLogger(__name__)

INBOX = "inbox"  # the private-chat payload that collects waiting messages

OnReceipt = Callable[[str, SendResult], Awaitable[None]]


@dataclass
class _Step:
    """One effect in its lane, with what it waits for (the cards it updates) and says when done."""

    effect: Effect
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
                 sends_at_once: int = 1) -> None:
        self._services = services
        self._store = services.store
        self._notifier = notifier
        self._on_receipt = on_receipt
        self._sends_at_once = max(1, sends_at_once)

    async def deliver(self, effects: list[Effect]) -> None:
        if self._sends_at_once == 1 or len(effects) < 2:
            for effect in effects:
                await self._deliver_one(effect)
            return
        slots = asyncio.Semaphore(self._sends_at_once)
        lanes: dict[tuple[str, ...], list[_Step]] = {}
        cards: dict[int, list[asyncio.Event]] = {}  # cards being posted in this batch, by post
        for effect in effects:
            step = _Step(effect)
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
                    await self._deliver_one(step.effect)
            finally:
                if step.done is not None:
                    step.done.set()

    async def _deliver_one(self, effect: Effect) -> None:
        try:
            if isinstance(effect, CardUpdate):
                await self._update_card(effect)
                return
            result = await self._send(effect)
            if effect.receipt is not None and self._on_receipt is not None:
                await self._on_receipt(effect.receipt, result)
        except Exception:
            # One failed message must not stop the others; the notifier has retried already.
            log.exception("delivery failed kind=%s", type(effect).__name__)

    async def take_held(self, neighbour: Neighbour) -> list[Outgoing]:
        """Messages that waited for this neighbour to open a private chat (call inside a transaction)."""
        return [decode_private(raw) for raw in await self._store.outbox.take_all(neighbour.id)]

    async def _in_street(self, street: Street, outgoing: Outgoing) -> SendResult:
        locale = await languages.of_street(self._services, street.id)
        return await self._notifier.send(replace(outgoing, to=ToStreet(street), locale=locale, fallback=None))

    async def _send(self, outgoing: Outgoing) -> SendResult:
        """Send one message; a private one to someone unreachable falls back (see the module)."""
        if isinstance(outgoing.to, ToStreet):
            result = await (self._in_street(outgoing.to.street, outgoing) if outgoing.locale is None
                            else self._notifier.send(outgoing))
            if result.sent and result.ref is not None and outgoing.card_of is not None:
                async with self._store.transaction():
                    await self._store.cards.remember(outgoing.card_of, result.ref)
            return result
        person = outgoing.to.person
        async with self._store.transaction():
            neighbour = await self._store.neighbours.find(person.platform, person.user_id)
            if outgoing.locale is None:
                locale = (await languages.of_neighbour(self._services, neighbour) if neighbour
                          else self._services.settings.locale)
                outgoing = replace(outgoing, locale=locale)
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
            async with self._store.transaction():
                await self._store.neighbours.set_reachable(neighbour.id, True)
        return result

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
            await self._in_street(outgoing.fallback, said_openly)
            return
        async with self._store.transaction():
            first = await self._store.outbox.hold(neighbour.id, encode_private(outgoing), self._services.clock.now())
            streets = await self._store.streets.of_neighbour(neighbour.id) if first else []
        if streets:
            link = Choice(msg(texts.BUTTON_OPEN_PRIVATE), INBOX, opens_private=True)
            nudge = Outgoing(ToStreet(streets[0]), msg(texts.OPEN_PRIVATE_CHAT, who=person), (link,))
            await self._in_street(streets[0], nudge)

    async def _update_card(self, update: CardUpdate) -> None:
        async with self._store.transaction():
            refs = update.refs if update.refs is not None else await self._store.cards.of_post(update.post_id)
            post = await self._store.posts.get(update.post_id)
            locale = update.locale or (
                await languages.of_street(self._services, post.street_id) if post else self._services.settings.locale
            )
            nearby = [] if update.nearby_text is None else (
                update.nearby_refs if update.nearby_refs is not None
                else await self._store.cards.nearby_of_post(update.post_id)
            )
        for ref in refs:
            await self._notifier.edit(ref, update.text, update.choices, locale)
        for ref in nearby:
            await self._notifier.edit(ref, update.nearby_text, update.choices, locale)  # type: ignore[arg-type]
