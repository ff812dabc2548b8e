"""Platform-neutral replies: what to say (a message key and parameters), the choices offered, and
where it goes. Adapters render these; the core never builds platform markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Mapping, NamedTuple, Union

from handlers.kernel.domain import Street

if TYPE_CHECKING:
    from handlers.kernel.printables import Printable


@dataclass(frozen=True)
class Person:
    """Someone to mention. `name` comes from the update at hand and is never stored."""

    platform: str
    user_id: str
    name: str | None = None


@dataclass(frozen=True)
class Quote:
    """A neighbour's own words, shown as they wrote them (adapters escape them)."""

    text: str


class PluralText(NamedTuple):
    """A sentence whose words depend on a number ("1 day" / "3 days"; Polish has three forms):
    the English singular and plural, and which parameter holds the number."""

    singular: str
    plural: str
    count: str


@dataclass(frozen=True)
class Msg:
    """A message key (the English text, looked up in the catalogue) and its parameters. A sentence
    with plural forms also has its English plural and the name of the parameter holding the number."""

    key: str
    params: Mapping[str, "Param"] = field(default_factory=dict)
    plural: str | None = None
    count: str | None = None

    @property
    def source(self) -> str | PluralText:
        """What it was made from: the sentence in handlers/kernel/texts.py (for comparing)."""
        if self.plural is None or self.count is None:
            return self.key
        return PluralText(self.key, self.plural, self.count)


Param = Union[str, int, "Msg", Person, Quote, "Lines"]


def msg(key: str | PluralText, **params: Param) -> Msg:
    if isinstance(key, PluralText):
        return Msg(key.singular, params, key.plural, key.count)
    return Msg(key, params)


@dataclass(frozen=True)
class Choice:
    """A button. `payload` is short (Telegram allows 64 bytes); `opens_private` makes it a link
    that opens a private chat with the bot and carries the payload there; `asks_location` makes it
    a "share my location" button where the platform has one (Telegram, in private chats) — what
    comes back is a LOCATION, not a press, so its payload is unused."""

    label: Msg
    payload: str
    opens_private: bool = False
    asks_location: bool = False


@dataclass(frozen=True)
class ToStreet:
    street: Street
    reply_to: str | None = None  # the adapter's id of a message to reply to, if any
    # Where in the group: a forum topic or a thread (see `Incoming.thread`); None: its main place.
    thread: str | None = None
    # A card or one of the street's notices: it goes to the home its organisers chose for them, if
    # they chose one (else to `thread`). Worked out when it is sent (handlers/kernel/delivery.py).
    homed: bool = False


@dataclass(frozen=True)
class ToPerson:
    person: Person


@dataclass(frozen=True)
class ToPresser:
    """A short answer to the person who pressed a button, seen only by them where the platform
    allows (a Telegram callback answer); `ref` is the adapter's handle for that press."""

    person: Person
    ref: str | None


Destination = Union[ToStreet, ToPerson, ToPresser]


@dataclass(frozen=True)
class WeeklyChart:
    """Numbers for a small chart, one value per week and series; adapters draw it (bot/charts.py)."""

    title: Msg
    weeks: tuple[date, ...]  # the first day of each week, oldest first
    series: tuple[tuple[Msg, tuple[int, ...]], ...]  # (label, one count per week)

    @property
    def has_numbers(self) -> bool:
        """Whether anything at all was counted: a chart of nothing but zeros is not worth a picture."""
        return any(any(counts) for _, counts in self.series)


@dataclass(frozen=True)
class Attachment:
    """A file sent with the message (e.g. someone's own data as JSON)."""

    filename: str
    mime: str
    data: bytes


@dataclass(frozen=True)
class Outgoing:
    to: Destination
    text: Msg
    choices: tuple[Choice, ...] = ()
    card_of: int | None = None  # a post id: remember where this card is shown, to update it later
    locale: str | None = None  # None: the recipient's language, worked out when it is sent
    # For a private message: a street where it may be said openly, addressed to the person, if
    # they can't be reached privately. None keeps it private: it waits until they open a chat.
    fallback: Street | None = None
    # Where in that street: a topic or thread; None: the street's home for notices, if it has one.
    fallback_thread: str | None = None
    # A payload-like code ("ci:42") whose registered handler hears how the send went.
    receipt: str | None = None
    # For a private message to someone who can't be reached: False sends it now or never (no waiting in
    # the outbox, no note in their street), for messages that are stale later, like a check-in.
    hold_if_unreachable: bool = True
    chart: WeeklyChart | None = None  # a picture to send with the text
    attachment: Attachment | None = None  # a file to send with the text
    # A page to print, made into a PDF and a PNG preview by the adapter. Never kept in the outbox (it
    # may carry words typed for the file alone): send it with hold_if_unreachable=False.
    printable: Printable | None = None
    # The outbox's own id for it, the same each time it is sent: a platform that recognises a resend
    # by such an id (Matrix's transaction ids) shows it once, however often a crash makes it go again.
    resend_key: str | None = None


@dataclass(frozen=True)
class CardUpdate:
    """Update every copy of a post's card to a new text and set of buttons."""

    post_id: int
    text: Msg
    choices: tuple[Choice, ...] = ()
    locale: str | None = None  # None: the street's language
    # The text for the post's anonymous copies in nearby streets; None leaves those copies as they are.
    nearby_text: Msg | None = None
    # Where the cards are, for a post being deleted in the same turn (forgotten); None: looked up when sent.
    refs: tuple[MessageRef, ...] | None = None
    nearby_refs: tuple[MessageRef, ...] | None = None


@dataclass(frozen=True)
class MessageRef:
    """Where the bot's own message lives, so it can be edited later."""

    platform: str
    chat_id: str
    message_id: str
    thread: str | None = None  # the topic or thread it is in, if any


class SendStatus(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"  # the person never opened a private chat with the bot
    FAILED = "failed"  # the platform kept failing; retried already


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    ref: MessageRef | None = None
    # Sent to the group's main place instead, because this topic or thread was closed or gone.
    fell_back_from: str | None = None

    @property
    def sent(self) -> bool:
        return self.status is SendStatus.SENT


@dataclass(frozen=True)
class Lines:
    """Several messages shown one per line (a card is a few short lines)."""

    items: tuple[Msg, ...]


LINES = "{lines}"  # not a sentence: only joins `Lines`, so it is not in the catalogue
AS_IS = "{text}"  # a label shown as it is (a street's name, a language's own name); not in the catalogue
UNTRANSLATED = (LINES, AS_IS)


def lines(*items: Msg | None) -> Msg:
    return Msg(LINES, {"lines": Lines(tuple(item for item in items if item is not None))})


def as_is(text: Param) -> Msg:
    return Msg(AS_IS, {"text": text})
