"""What an adapter hands the core: one thing a neighbour did, already stripped of platform detail."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers.kernel.messages import Person


class IncomingKind(StrEnum):
    MESSAGE = "message"  # typed text (a command, or an answer to a question the bot asked)
    PRESS = "press"  # a button pressed, a reaction, or an option number replied
    JOINED = "joined"  # someone joined the street's group
    LEFT = "left"
    LOCATION = "location"  # a location shared; the adapter sends only its coarse cell (`cell`)


@dataclass(frozen=True)
class Incoming:
    platform: str
    chat_id: str  # the group's chat, or the private chat with the bot
    user_id: str
    is_private: bool
    kind: IncomingKind = IncomingKind.MESSAGE
    text: str | None = None
    payload: str | None = None  # the pressed choice's payload
    user_name: str | None = None  # for this reply only; never stored
    chat_title: str | None = None  # the group's name
    addressed_to_bot: bool = True  # in groups: a command, a reply to the bot or a mention
    ref: str | None = None  # the adapter's handle for answering a press
    language: str | None = None  # the language the platform says the person uses (e.g. "pl"), if any
    reply_to: str | None = None  # the platform's id of the message this one replies to, if any
    cell: str | None = None  # LOCATION: the coarse cell (bot/location.py); never coordinates. None: unreadable
    # Where in the group it happened: a forum topic (Telegram) or a thread (Matrix), as the adapter names
    # it; None for the group's main place (Telegram's General topic, Matrix's main timeline).
    thread: str | None = None

    @property
    def person(self) -> Person:
        return Person(self.platform, self.user_id, self.user_name)
