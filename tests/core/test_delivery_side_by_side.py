"""Delivering side by side (`sends_at_once` above one, as `doorstep run` does): messages to different
chats go out together, never more than the limit at once; each chat keeps its order; a message that
may be said in a street instead waits its turn there; a card's update waits for the card."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.domain import Street
from handlers.kernel.messages import CardUpdate, Outgoing, Person, SendResult, ToPerson, ToStreet, msg
from handlers.kernel.payloads import Payload
from storage import SqliteStore
from tests.fakes import RecordingNotifier
from tests.kit import GROUP, PLATFORM, StreetKit, card_of

STREET = Street(1, PLATFORM, GROUP, "Elm Street")


@dataclass
class SlowNotifier(RecordingNotifier):
    """A send takes as long as `slow` says for its chat or its message key; counts how many are in
    flight at once."""

    slow: dict[str, float] = field(default_factory=dict)
    gate: asyncio.Event | None = None  # when set up, every send waits for it to open
    in_flight: int = 0
    most_in_flight: int = 0

    async def send(self, outgoing: Outgoing) -> SendResult:
        to = outgoing.to
        chat = to.street.chat_id if isinstance(to, ToStreet) else to.person.user_id
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            await asyncio.sleep(self.slow.get(chat, self.slow.get(outgoing.text.key, 0.0)))
            return await super().send(outgoing)
        finally:
            self.in_flight -= 1


def side_by_side(store: SqliteStore, clock: ManualClock, notifier: SlowNotifier, at_once: int = 3) -> StreetKit:
    return StreetKit(Doorstep(store, notifier, clock, sends_at_once=at_once), store, notifier, clock)


@dataclass(frozen=True)
class Whose(Payload, code="zz"):
    who: str


def private(who: str, receipt: str | None = None, *, fallback: Street | None = None) -> Outgoing:
    return Outgoing(ToPerson(Person(PLATFORM, who)), msg(texts.NOT_UNDERSTOOD), receipt=receipt, fallback=fallback)


async def test_different_chats_go_out_together_never_more_than_the_limit(store: SqliteStore, clock: ManualClock) -> None:
    notifier = SlowNotifier(gate=asyncio.Event())
    street = side_by_side(store, clock, notifier, at_once=3)
    heard: list[str] = []

    async def on_receipt(services, effects, receipt, result, now) -> None:  # type: ignore[no-untyped-def]
        heard.append(receipt.who)

    street.core.router.receipt(Whose, on_receipt)
    people = [f"n{n}" for n in range(8)]
    delivery = asyncio.create_task(street.core.courier.deliver([private(p, f"zz:{p}") for p in people]))
    for _ in range(50):
        await asyncio.sleep(0.01)
        if notifier.in_flight == 3:
            break
    assert notifier.in_flight == 3  # three at once, all waiting for the platform's answer
    assert notifier.gate is not None
    notifier.gate.set()
    await asyncio.wait_for(delivery, 5)
    assert notifier.most_in_flight == 3
    assert sorted(heard) == sorted(people)  # every receipt heard
    assert {s.outgoing.to.person.user_id for s in notifier.sent} == set(people)  # type: ignore[union-attr]


async def test_one_chat_keeps_its_order(store: SqliteStore, clock: ManualClock) -> None:
    notifier = SlowNotifier()
    street = side_by_side(store, clock, notifier)
    first = Outgoing(ToStreet(STREET), msg(help_texts.WELCOME_PRIVATE))
    second = Outgoing(ToStreet(STREET), msg(texts.BUTTON_EXPIRED))
    notifier.slow[help_texts.WELCOME_PRIVATE] = 0.05  # the first takes a while; the second must still come after it
    await street.core.courier.deliver([first, private("rosa"), second, private("sam")])
    in_group = [s.key for s in notifier.to_street(GROUP)]
    assert in_group == [help_texts.WELCOME_PRIVATE, texts.BUTTON_EXPIRED]


async def test_a_message_that_may_be_said_in_the_street_waits_its_turn_there(store: SqliteStore, clock: ManualClock) -> None:
    notifier = SlowNotifier(unreachable={"ann"})
    street = side_by_side(store, clock, notifier)
    await street.say("ann", "/board")  # Ann is a neighbour of Elm Street
    notifier.take()
    notifier.slow[help_texts.WELCOME_PRIVATE] = 0.05  # the first is slow; the one said in its place is not
    await street.core.courier.deliver([
        Outgoing(ToStreet(STREET), msg(help_texts.WELCOME_PRIVATE)),
        private("ann", fallback=STREET),  # Ann can't be reached privately: said in the group, after the first
    ])
    in_group = notifier.to_street(GROUP)
    assert [s.key for s in in_group] == [help_texts.WELCOME_PRIVATE, texts.ADDRESSED]


async def test_a_card_update_waits_for_the_card(store: SqliteStore, clock: ManualClock) -> None:
    notifier = SlowNotifier()
    street = side_by_side(store, clock, notifier)
    post_id = card_of(await street.say("rosa", "/ask could someone pick up milk?")).outgoing.card_of
    assert post_id is not None
    notifier.take()
    notifier.slow[GROUP] = 0.05
    again = Outgoing(ToStreet(STREET), msg(help_texts.WELCOME_PRIVATE), card_of=post_id)  # shown once more
    await street.core.courier.deliver([again, CardUpdate(post_id, msg(texts.CARD_CLOSED_HEAD))])
    shown_again = notifier.to_street(GROUP)[0].ref
    assert shown_again in {edit.ref for edit in notifier.edits}  # it was remembered before the update looked

