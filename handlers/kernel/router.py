"""Which use case handles which command, button or guided-flow answer.

Register a command with one line in `handlers.app.build_router`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Awaitable, Callable

from handlers.kernel.flows import Flow, FlowRegistry, Waiting
from handlers.kernel.messages import SendResult
from handlers.kernel.turn import Effects, ForgetHook, Services, Turn

CommandHandler = Callable[[Turn, str], Awaitable[None]]  # (turn, the text after the command)
ActionHandler = Callable[[Turn, list[str]], Awaitable[None]]  # (turn, the payload's fields)
TextHandler = Callable[[Turn, str, Waiting], Awaitable[None]]  # (turn, the text, the flow waiting: step and typed state)
DueRunner = Callable[[Services, Effects, datetime], Awaitable[None]]  # do what is due by `now`
DueTime = Callable[[Services], Awaitable[datetime | None]]  # when it next has something to do
ReceiptHandler = Callable[[Services, Effects, list[str], SendResult, datetime], Awaitable[None]]
LocationHandler = Callable[[Turn], Awaitable[None]]  # (turn) with `turn.incoming.cell`, a coarse cell or None
WordsHandler = Callable[[Turn, str], Awaitable[bool]]  # (turn, the text) -> whether it took the words

_COMMAND = re.compile(r"^[/!]([A-Za-z][A-Za-z0-9_]{0,31})(?:@[A-Za-z0-9_]+)?(?:\s+|$)(.*)$", re.DOTALL)
PAYLOAD_SEPARATOR = ":"
_PAYLOAD = re.compile(r"^[a-z]{1,3}(?::[A-Za-z0-9_.\-]{1,40}){0,3}$")


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


def payload(code: str, *fields: object) -> str:
    return PAYLOAD_SEPARATOR.join([code, *(str(field) for field in fields)])


def single_id(fields: list[str]) -> int | None:
    """The one record id a payload carries, or None if it carries anything else."""
    if len(fields) != 1 or not fields[0].isdigit() or len(fields[0]) > 18:
        return None
    return int(fields[0])


def parse_payload(raw: str) -> tuple[str, list[str]] | None:
    if len(raw.encode()) > 64 or not _PAYLOAD.match(raw):
        return None
    code, *fields = raw.split(PAYLOAD_SEPARATOR)
    return code, fields


class Router:
    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}
        self._actions: dict[str, ActionHandler] = {}
        self._flows = FlowRegistry()
        self._flow_texts: dict[str, TextHandler] = {}
        self._due: list[DueWork] = []
        self._receipts: dict[str, ReceiptHandler] = {}
        self._location: LocationHandler | None = None
        self._private_words: list[WordsHandler] = []
        self._forget_hooks: list[ForgetHook] = []

    def command(
        self, name: str, handler: CommandHandler, where: Where = Where.ANYWHERE, *, about: str | None = None,
        listed: Where | None = None, for_organisers: bool = False,
    ) -> None:
        self._commands[name] = Command(name, handler, where, about, listed or where, for_organisers)

    def action(self, code: str, handler: ActionHandler) -> None:
        self._actions[code] = handler

    def flow(self, flow: Flow, on_text: TextHandler | None = None) -> None:
        """A guided flow (its name must be new), and what to do with words typed while it waits in a chat."""
        self._flows.add(flow)
        if on_text is not None:
            self._flow_texts[flow.name] = on_text

    def due(self, name: str, run: DueRunner, next_at: DueTime | None = None) -> None:
        """Work done on the bot's own initiative when its time comes (run in registration order)."""
        self._due.append(DueWork(name, run, next_at))

    def receipt(self, code: str, handler: ReceiptHandler) -> None:
        """What to record once a message marked with this receipt code was sent (or couldn't be)."""
        self._receipts[code] = handler

    def location(self, handler: LocationHandler) -> None:
        """What to do when someone shares a location (already reduced to a cell by the adapter)."""
        self._location = handler

    def private_words(self, handler: WordsHandler) -> None:
        """Who may take plain words in a private chat when no guided flow waits for them (tried in
        registration order; a handler returns False to pass them on)."""
        self._private_words.append(handler)

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
        return sorted(self._actions)

    @property
    def location_handler(self) -> LocationHandler | None:
        return self._location

    @property
    def private_words_handlers(self) -> list[WordsHandler]:
        return list(self._private_words)

    @property
    def due_work(self) -> list[DueWork]:
        return list(self._due)

    def find_receipt(self, code: str) -> ReceiptHandler | None:
        return self._receipts.get(code)

    def find_command(self, name: str) -> Command | None:
        return self._commands.get(name)

    def find_action(self, code: str) -> ActionHandler | None:
        return self._actions.get(code)

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
