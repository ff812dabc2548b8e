"""Sending what a turn decided, after its changes are stored.

A private message to someone the bot can't reach is said in the street instead when that's fine
(`Outgoing.fallback`), or kept until they open a private chat, with one short note in their street
so they know. Cards remember where they were shown so they can be updated."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Awaitable, Callable

from handlers import texts
from handlers.domain import Neighbour
from handlers.messages import CardUpdate, Choice, Outgoing, SendResult, SendStatus, ToPerson, ToStreet, msg
from handlers.ports import Clock, Notifier, Store
from handlers.serialize import decode_private, encode_private
from handlers.turn import Effect

log = logging.getLogger(__name__)

INBOX = "inbox"  # the private-chat payload that collects waiting messages


OnReceipt = Callable[[str, SendResult], Awaitable[None]]


class Courier:
    def __init__(self, store: Store, notifier: Notifier, clock: Clock, on_receipt: OnReceipt | None = None) -> None:
        self._store = store
        self._notifier = notifier
        self._clock = clock
        self._on_receipt = on_receipt

    async def deliver(self, effects: list[Effect]) -> None:
        for effect in effects:
            try:
                if isinstance(effect, CardUpdate):
                    await self._update_card(effect)
                    continue
                result = await self._send(effect)
                if effect.receipt is not None and self._on_receipt is not None:
                    await self._on_receipt(effect.receipt, result)
            except Exception:
                # One failed message must not stop the others; the notifier has retried already.
                log.exception("delivery failed kind=%s", type(effect).__name__)

    async def take_held(self, neighbour: Neighbour) -> list[Outgoing]:
        """Messages that waited for this neighbour to open a private chat (call inside a transaction)."""
        return [decode_private(raw) for raw in await self._store.outbox.take_all(neighbour.id)]

    async def _send(self, outgoing: Outgoing) -> SendResult:
        """Send one message; a private one to someone unreachable falls back (see the module)."""
        if not isinstance(outgoing.to, ToPerson):
            result = await self._notifier.send(outgoing)
            if result.sent and result.ref is not None and outgoing.card_of is not None:
                async with self._store.transaction():
                    await self._store.cards.remember(outgoing.card_of, result.ref)
            return result
        person = outgoing.to.person
        async with self._store.transaction():
            neighbour = await self._store.neighbours.find(person.platform, person.user_id)
        if neighbour is not None and neighbour.reachable is False:
            result = SendResult(SendStatus.UNREACHABLE)
        else:
            result = await self._notifier.send(outgoing)
        if neighbour is None:
            return result
        if result.status is SendStatus.UNREACHABLE:
            await self._when_unreachable(outgoing, neighbour)
        elif result.sent and neighbour.reachable is not True:
            async with self._store.transaction():
                await self._store.neighbours.set_reachable(neighbour.id, True)
        return result

    async def _when_unreachable(self, outgoing: Outgoing, neighbour: Neighbour) -> None:
        person = outgoing.to.person  # type: ignore[union-attr]
        async with self._store.transaction():
            await self._store.neighbours.set_reachable(neighbour.id, False)
        if outgoing.fallback is not None:
            text = msg(texts.ADDRESSED, who=person, text=outgoing.text)
            await self._notifier.send(Outgoing(ToStreet(outgoing.fallback), text, outgoing.choices, locale=outgoing.locale))
            return
        now: datetime = self._clock.now()
        async with self._store.transaction():
            first = await self._store.outbox.hold(neighbour.id, encode_private(outgoing), now)
            streets = await self._store.streets.of_neighbour(neighbour.id) if first else []
        if streets:
            nudge = msg(texts.OPEN_PRIVATE_CHAT, who=person)
            link = Choice(msg(texts.BUTTON_OPEN_PRIVATE), INBOX, opens_private=True)
            await self._notifier.send(Outgoing(ToStreet(streets[0]), nudge, (link,), locale=outgoing.locale))

    async def _update_card(self, update: CardUpdate) -> None:
        async with self._store.transaction():
            refs = await self._store.cards.of_post(update.post_id)
            nearby = await self._store.cards.nearby_of_post(update.post_id) if update.nearby_text is not None else []
        for ref in refs:
            await self._notifier.edit(ref, update.text, update.choices, update.locale)
        for ref in nearby:
            await self._notifier.edit(ref, update.nearby_text, update.choices, update.locale)  # type: ignore[arg-type]
