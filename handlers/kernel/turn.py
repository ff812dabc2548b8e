"""One turn: what happened, who did it, where, and what the bot will say in return."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Awaitable, Callable

from handlers.kernel.domain import Neighbour, Street
from handlers.kernel.incoming import Incoming
from handlers.kernel.messages import CardUpdate, Choice, Msg, Outgoing, Person, ToPerson, ToPresser, ToStreet, msg
from handlers.kernel.ports import Clock, OrganiserCheck, Store
from handlers.kernel.settings import CoreSettings

Effect = Outgoing | CardUpdate
# Something an adapter keeps about a person on its own (e.g. Matrix's prompts in their private room),
# deleted when they ask to be forgotten: (services, the neighbour), inside the forgetting transaction.
ForgetHook = Callable[["Services", Neighbour], Awaitable[None]]


@dataclass(frozen=True)
class Services:
    store: Store
    clock: Clock
    settings: CoreSettings
    organisers: OrganiserCheck
    # This run of the bot (random, per process): work claimed by a run that stopped can be told from
    # work still in flight here, e.g. a check-in sent just before a crash.
    run_id: str = field(default_factory=lambda: secrets.token_hex(6))
    # Registered with `Router.forgetting` (adapters add theirs when they start).
    forget_hooks: list[ForgetHook] = field(default_factory=list)


@dataclass
class Effects:
    """What to send once the turn's changes are safely stored."""

    items: list[Effect] = field(default_factory=list)
    wake_at: datetime | None = None  # the earliest new due time this work created

    def add(self, effect: Effect) -> None:
        self.items.append(effect)

    def wake(self, when: datetime) -> None:
        """Something new falls due at `when`: the scheduler should look again by then."""
        if self.wake_at is None or when < self.wake_at:
            self.wake_at = when

    def tell(
        self, person: Person, text: Msg, choices: tuple[Choice, ...] = (), *, fallback: Street | None = None,
        thread: str | None = None,
    ) -> None:
        """A private message. With `fallback`, it may be said in that street (in `thread`, if given)
        if they can't be reached."""
        self.add(Outgoing(ToPerson(person), text, choices, fallback=fallback, fallback_thread=thread))

    def post(self, street: Street, text: Msg, choices: tuple[Choice, ...] = (), card_of: int | None = None, *,
             thread: str | None = None) -> None:
        """A card or a notice for the whole street: to the home its organisers chose for them, else to
        `thread` (where it was asked), else to the group's main place."""
        self.add(Outgoing(ToStreet(street, thread=thread, homed=True), text, choices, card_of=card_of))


@dataclass
class Turn:
    incoming: Incoming
    neighbour: Neighbour
    street: Street | None  # the group it happened in; None in a private chat
    now: datetime
    services: Services
    effects: Effects
    held_delivered: int = 0  # messages that waited for this neighbour and go out with this turn

    @property
    def store(self) -> Store:
        return self.services.store

    @property
    def settings(self) -> CoreSettings:
        return self.services.settings

    @property
    def person(self) -> Person:
        return self.incoming.person

    @property
    def is_private(self) -> bool:
        return self.incoming.is_private

    @property
    def thread(self) -> str | None:
        """The topic or thread in the group where it happened (None: the main place, or a private chat)."""
        return None if self.incoming.is_private else self.incoming.thread

    def reply(self, key: str, choices: tuple[Choice, ...] = (), **params: object) -> None:
        """Answer in the chat it came from: the group (in the topic or thread it came from), or the private chat."""
        self.reply_msg(msg(key, **params), choices)  # type: ignore[arg-type]

    def reply_msg(self, text: Msg, choices: tuple[Choice, ...] = ()) -> None:
        to = ToStreet(self.street, thread=self.thread) if self.street is not None else ToPerson(self.person)
        self.effects.add(Outgoing(to, text, choices))

    def answer(self, key: str, **params: object) -> None:
        """A short answer to a button press, seen by the presser alone where the platform allows."""
        self.effects.add(Outgoing(ToPresser(self.person, self.incoming.ref), msg(key, **params)))  # type: ignore[arg-type]
