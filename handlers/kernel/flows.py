"""Guided flows, typed: what a neighbour is in the middle of, and the question the bot last asked them.

A flow has a name, a typed state (a dataclass the kernel serialises), and declared steps. Its state
waits in storage under a *slot*: by default the chat it happens in (a private chat, or a street's
group), so starting one flow in a chat ends another there; a flow that must not be ended that way
(a pin waiting to be shared, an organiser's words waiting for a street) names its own slot.

`waiting_at` is the one guard for a button inside a flow: it checks the button is the presser's and
that the flow is still at that step, and answers kindly when it isn't."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from handlers.kernel import texts
from handlers.kernel.turn import Turn

S = TypeVar("S")


class FlowError(ValueError):
    """A flow declared wrongly (found at start-up, never while a neighbour waits)."""


@dataclass(frozen=True)
class Flow(Generic[S]):
    name: str
    state_type: type[S]
    steps: tuple[str, ...]
    slot: str | None = None  # None: the chat the flow happens in

    def __post_init__(self) -> None:
        if not dataclasses.is_dataclass(self.state_type):
            raise FlowError(f"flow {self.name!r}: its state must be a dataclass")
        if not self.steps or len(set(self.steps)) != len(self.steps):
            raise FlowError(f"flow {self.name!r}: steps must be named once each")

    def slot_of(self, turn: Turn) -> str:
        return self.slot if self.slot is not None else chat_slot(turn)

    def encode(self, state: S) -> dict[str, Any]:
        return dataclasses.asdict(state)  # type: ignore[call-overload]

    def decode(self, raw: dict[str, Any]) -> S | None:
        """The typed state, or None when what was stored doesn't fit (a flow changed since, a bad row)."""
        hints = typing.get_type_hints(self.state_type)
        values = {}
        for field in dataclasses.fields(self.state_type):  # type: ignore[arg-type]
            if field.name in raw:
                if not _fits(raw[field.name], hints[field.name]):
                    return None
                values[field.name] = raw[field.name]
            elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                return None
        return self.state_type(**values)


def _fits(value: object, hint: object) -> bool:
    if hint is typing.Any:
        return True
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union else (hint,)
    for option in options:
        if option is type(None) and value is None:
            return True
        if option is bool and isinstance(value, bool):
            return True
        if option in (int, float) and isinstance(value, int) and not isinstance(value, bool):
            return True
        if option is str and isinstance(value, str):
            return True
        if typing.get_origin(option) is list and isinstance(value, list):
            return True
    return False


@dataclass(frozen=True)
class Waiting(Generic[S]):
    """A flow waiting for the neighbour: at which step, with what state."""

    flow: Flow[S]
    step: str
    state: S


def chat_slot(turn: Turn) -> str:
    return "private" if turn.street is None else f"street:{turn.street.id}"


class FlowRegistry:
    """Every flow by name; a name registered twice is an error at start-up."""

    def __init__(self) -> None:
        self._flows: dict[str, Flow] = {}

    def add(self, flow: Flow) -> None:
        if flow.name in self._flows:
            raise FlowError(f"two flows are named {flow.name!r}")
        self._flows[flow.name] = flow

    def get(self, name: str) -> Flow | None:
        return self._flows.get(name)


async def save(turn: Turn, flow: Flow[S], step: str, state: S) -> None:
    """The flow now waits at `step` with `state` (replacing whatever waited in its slot)."""
    if step not in flow.steps:
        raise FlowError(f"flow {flow.name!r} has no step {step!r}")
    await turn.store.conversations.put(turn.neighbour.id, flow.slot_of(turn), flow.name, step, flow.encode(state), turn.now)


async def end(turn: Turn, flow: Flow) -> None:
    await turn.store.conversations.clear(turn.neighbour.id, flow.slot_of(turn))


async def current(turn: Turn, flow: Flow[S]) -> Waiting[S] | None:
    """This flow, if it is what waits in its slot (and its state still reads)."""
    stored = await turn.store.conversations.get(turn.neighbour.id, flow.slot_of(turn))
    if stored is None or stored.flow != flow.name or stored.step not in flow.steps:
        return None
    state = flow.decode(stored.state)
    return None if state is None else Waiting(flow, stored.step, state)


async def waiting_in_chat(turn: Turn, flows: FlowRegistry) -> Waiting | None:
    """Whichever flow waits in this chat for typed words."""
    stored = await turn.store.conversations.get(turn.neighbour.id, chat_slot(turn))
    flow = flows.get(stored.flow) if stored is not None else None
    if stored is None or flow is None or flow.slot is not None or stored.step not in flow.steps:
        return None
    state = flow.decode(stored.state)
    return None if state is None else Waiting(flow, stored.step, state)


async def waiting_at(turn: Turn, flow: Flow[S], *steps: str, owner: int | None) -> S | None:
    """The guard for a button inside a flow: the presser's own flow, waiting at one of `steps` (any
    step when none is named). Otherwise they get a kind answer and None: "not for you" when the button
    was someone else's, "that button has expired" when the flow moved on or ended."""
    if owner is not None and owner != turn.neighbour.id:
        turn.answer(texts.NOT_FOR_YOU)
        return None
    waiting = await current(turn, flow)
    if waiting is None or (steps and waiting.step not in steps):
        turn.answer(texts.BUTTON_EXPIRED)
        return None
    return waiting.state


async def end_if_waiting(turn: Turn, flow: Flow) -> bool:
    """End the flow if it is what waits in its slot; False (nothing changed) when it isn't."""
    if await current(turn, flow) is None:
        return False
    await end(turn, flow)
    return True


async def cancel_pressed(turn: Turn, flow: Flow, owner: int, said: str) -> None:
    """A flow's Cancel button: the presser's own flow ends and they hear `said`; a second press, or
    one after the flow finished, hears that it's already done."""
    if owner != turn.neighbour.id:
        turn.answer(texts.NOT_FOR_YOU)
    elif await end_if_waiting(turn, flow):
        turn.reply(said)
    else:
        turn.answer(texts.ALREADY_DONE)
