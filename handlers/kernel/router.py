"""Which use case handles which command, button or guided-flow answer.

Register a command with one line in `handlers.app.build_router`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Awaitable, Callable

from handlers.kernel.domain import Street
from handlers.kernel.flows import Flow, FlowRegistry, Waiting
from handlers.kernel.messages import SendResult
from handlers.kernel.payloads import Kinds, Payload
from handlers.kernel.turn import Effects, ForgetHook, Services, Turn

CommandHandler = Callable[[Turn, str], Awaitable[None]]  # (turn, the text after the command)
ActionHandler = Callable[[Turn, Any], Awaitable[None]]  # (turn, the button's typed payload)
TextHandler = Callable[[Turn, str, Waiting], Awaitable[None]]  # (turn, the text, the flow waiting: step and typed state)
DueRunner = Callable[[Services, Effects, datetime], Awaitable[None]]  # do what is due by `now`
DueTime = Callable[[Services], Awaitable[datetime | None]]  # when it next has something to do
ReceiptHandler = Callable[[Services, Effects, Any, SendResult, datetime], Awaitable[None]]  # Any: the receipt's payload
LocationHandler = Callable[[Turn], Awaitable[None]]  # (turn) with `turn.incoming.cell`, a coarse cell or None
WordsHandler = Callable[[Turn, str], Awaitable[bool]]  # (turn, the text) -> whether it took the words
# (services, effects, the street, the topic or thread found closed or gone, now)
ThreadGoneHandler = Callable[[Services, Effects, Street, str, datetime], Awaitable[None]]

_COMMAND = re.compile(r"^[/!]([A-Za-z][A-Za-z0-9_]{0,31})(?:@[A-Za-z0-9_]+)?(?:\s+|$)(.*)$", re.DOTALL)


class Where(StrEnum):
    ANYWHERE = "anywhere"
    GROUP = "group"
    PRIVATE = "private"


@dataclass(frozen=True)
class Command:
    name: str
    handler: CommandHandler
    where: Where
    about: str | None  # message id for command menus; None keeps it out of menus
    listed: Where  # which menus list it (it may still work elsewhere)
    for_organisers: bool = False  # listed only in organisers' menus (the handler still checks)


@dataclass(frozen=True)
class DueWork:
    name: str
    run: DueRunner
    next_at: DueTime | None  # None: nothing to wait for, it just runs with the rest (e.g. retention)


@dataclass(frozen=True)
class ParsedCommand:
    name: str
    rest: str


def parse_command(text: str) -> ParsedCommand | None:
    """'/offer@DoorstepBot I can help' -> ('offer', 'I can help'); '!ask x' works too."""
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    return ParsedCommand(match.group(1).lower(), match.group(2).strip())


class Router:
    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}
        self._actions = Kinds("button")
        self._flows = FlowRegistry()
        self._flow_texts: dict[str, TextHandler] = {}
        self._due: list[DueWork] = []
        self._receipts = Kinds("receipt")
        self._location: LocationHandler | None = None
        self._private_words: list[WordsHandler] = []
        self._private_words_first: list[WordsHandler] = []
        self._forget_hooks: list[ForgetHook] = []
        self._thread_gone: list[ThreadGoneHandler] = []

    def command(
        self, name: str, handler: CommandHandler, where: Where = Where.ANYWHERE, *, about: str | None = None,
        listed: Where | None = None, for_organisers: bool = False,
    ) -> None:
        self._commands[name] = Command(name, handler, where, about, listed or where, for_organisers)

    def action(self, kind: type[Payload], handler: ActionHandler) -> None:
        """What a press of this kind of button does; a second kind with the same code is refused
        (DuplicateCode), so the mistake shows when the router is built."""
        self._actions.add(kind, handler)

    def flow(self, flow: Flow, on_text: TextHandler | None = None) -> None:
        """A guided flow (its name must be new), and what to do with words typed while it waits in a chat."""
        self._flows.add(flow)
        if on_text is not None:
            self._flow_texts[flow.name] = on_text

    def due(self, name: str, run: DueRunner, next_at: DueTime | None = None) -> None:
        """Work done on the bot's own initiative when its time comes (run in registration order)."""
        self._due.append(DueWork(name, run, next_at))

    def receipt(self, kind: type[Payload], handler: ReceiptHandler) -> None:
        """What to record once a message marked with this kind of receipt was sent (or couldn't be);
        one kind per code, as for buttons."""
        self._receipts.add(kind, handler)

    def location(self, handler: LocationHandler) -> None:
        """What to do when someone shares a location (already reduced to a cell by the adapter)."""
        self._location = handler

    def private_words(self, handler: WordsHandler, *, before_answers: bool = False) -> None:
        """Who may take plain words in a private chat when no guided flow waits for them (tried in
        registration order; a handler returns False to pass them on). Typed answers to the bot's last
        question come first, unless `before_answers` (a chat passed on through the bot: the words
        are for the other person, whatever was asked before)."""
        (self._private_words_first if before_answers else self._private_words).append(handler)

    def thread_gone(self, handler: ThreadGoneHandler) -> None:
        """What to do when a message meant for a topic or thread in a street's group had to be said in
        its main place instead, because that topic or thread was closed or gone."""
        self._thread_gone.append(handler)

    @property
    def thread_gone_handlers(self) -> list[ThreadGoneHandler]:
        return list(self._thread_gone)

    def forgetting(self, hook: ForgetHook) -> None:
        """Something to delete, beyond the database's own references, when someone asks to be forgotten."""
        self._forget_hooks.append(hook)

    @property
    def forget_hooks(self) -> list[ForgetHook]:
        """The registry itself (not a copy): hooks added later, by adapters starting, count too."""
        return self._forget_hooks

    @property
    def commands(self) -> list[Command]:
        return list(self._commands.values())

    @property
    def action_codes(self) -> list[str]:
        return self._actions.codes

    @property
    def action_kinds(self) -> list[type[Payload]]:
        return self._actions.kinds

    @property
    def receipt_kinds(self) -> list[type[Payload]]:
        return self._receipts.kinds

    @property
    def location_handler(self) -> LocationHandler | None:
        return self._location

    @property
    def private_words_handlers(self) -> list[WordsHandler]:
        return list(self._private_words)

    @property
    def private_words_before_answers(self) -> list[WordsHandler]:
        return list(self._private_words_first)

    @property
    def due_work(self) -> list[DueWork]:
        return list(self._due)

    def find_receipt(self, receipt: str) -> tuple[Payload, ReceiptHandler] | None:
        """The receipt's typed payload and its handler, or None if it is unknown or malformed."""
        return self._receipts.read(receipt)

    def find_command(self, name: str) -> Command | None:
        return self._commands.get(name)

    def find_action(self, pressed: str) -> tuple[Payload, ActionHandler] | None:
        """The button's typed payload and its handler, or None if it is unknown or malformed."""
        return self._actions.read(pressed)

    @property
    def flows(self) -> FlowRegistry:
        return self._flows

    def find_flow_text(self, name: str) -> TextHandler | None:
        return self._flow_texts.get(name)

    def menu(self, private: bool, organisers: bool = False) -> list[Command]:
        """Commands worth listing in a platform's menu, for a private chat or a group (and, with
        `organisers`, the organisers' commands too, for platforms with a menu just for them)."""
        hidden = Where.GROUP if private else Where.PRIVATE
        return [
            c for c in self._commands.values()
            if c.about is not None and c.listed is not hidden and (organisers or not c.for_organisers)
        ]
