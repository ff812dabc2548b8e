"""Fakes of the core's ports for unit tests: a notifier that records, organisers by hand."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from handlers.kernel.domain import Street
from handlers.kernel.messages import (
    Choice,
    MessageRef,
    Msg,
    Outgoing,
    PluralText,
    SendResult,
    SendStatus,
    ToPerson,
    ToPresser,
    ToStreet,
)
from handlers.kernel.render import render


def plain(message: Msg) -> str:
    """Render as a platform would; a name not at hand is "looked up" (test user ids are names)."""
    return render(message, "en", person=lambda who: who.name or who.user_id.capitalize())


@dataclass
class Sent:
    outgoing: Outgoing
    ref: MessageRef | None

    @property
    def text(self) -> str:
        return plain(self.outgoing.text)

    @property
    def key(self) -> str | PluralText:
        return self.outgoing.text.source

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self.outgoing.choices

    def payload(self, label_part: str) -> str:
        for choice in self.choices:
            if label_part in plain(choice.label):
                return choice.payload
        raise AssertionError(f"no button like {label_part!r} in {[plain(c.label) for c in self.choices]}")


@dataclass
class Edit:
    ref: MessageRef
    text: str
    choices: tuple[Choice, ...]
    locale: str


@dataclass
class RecordingNotifier:
    sent: list[Sent] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    unreachable: set[str] = field(default_factory=set)
    failing: bool = False
    closed_threads: set[str] = field(default_factory=set)  # topics or threads said in the main place instead
    _counter: int = 0

    async def send(self, outgoing: Outgoing) -> SendResult:
        if self.failing:
            return SendResult(SendStatus.FAILED)
        to = outgoing.to
        if isinstance(to, ToPerson) and to.person.user_id in self.unreachable:
            return SendResult(SendStatus.UNREACHABLE)
        fell_back_from = None
        if isinstance(to, ToStreet) and to.thread in self.closed_threads:
            fell_back_from, outgoing = to.thread, replace(outgoing, to=replace(to, thread=None))
            to = outgoing.to
        self._counter += 1
        chat = to.street.chat_id if isinstance(to, ToStreet) else to.person.user_id
        thread = to.thread if isinstance(to, ToStreet) else None
        ref = None if isinstance(to, ToPresser) else MessageRef(to_platform(outgoing), chat, str(self._counter), thread)
        self.sent.append(Sent(outgoing, ref))
        return SendResult(SendStatus.SENT, ref, fell_back_from)

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        self.edits.append(Edit(ref, plain(text), choices, locale))
        return True

    def take(self) -> list[Sent]:
        taken, self.sent = self.sent, []
        return taken

    def to_person(self, user_id: str) -> list[Sent]:
        return [s for s in self.sent if isinstance(s.outgoing.to, ToPerson) and s.outgoing.to.person.user_id == user_id]

    def to_presser(self, user_id: str) -> list[Sent]:
        return [s for s in self.sent if isinstance(s.outgoing.to, ToPresser) and s.outgoing.to.person.user_id == user_id]

    def to_street(self, chat_id: str) -> list[Sent]:
        return [s for s in self.sent if isinstance(s.outgoing.to, ToStreet) and s.outgoing.to.street.chat_id == chat_id]


def to_platform(outgoing: Outgoing) -> str:
    to = outgoing.to
    return to.street.platform if isinstance(to, ToStreet) else to.person.platform


class HandPickedOrganisers:
    """The same organisers for every street, unless `by_street` (chat id -> user ids) says otherwise."""

    def __init__(self, *user_ids: str, by_street: dict[str, set[str]] | None = None) -> None:
        self.user_ids = set(user_ids)
        self.by_street = by_street or {}
        self.failing = False  # the platform can't say who organises (e.g. it is down)
        self.outsiders: set[str] = set()  # user ids the platform says aren't in any of the groups

    def _of(self, street: Street) -> set[str]:
        if self.failing:
            raise ConnectionError("the platform didn't answer")
        return self.by_street.get(street.chat_id, self.user_ids)

    async def is_organiser(self, street: Street, user_id: str) -> bool:
        return user_id in self._of(street)

    async def organisers_of(self, street: Street) -> list[str]:
        return sorted(self._of(street))

    async def is_in_group(self, street: Street, user_id: str) -> bool:
        return user_id not in self.outsiders
