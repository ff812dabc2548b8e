"""The question the bot last asked someone, per chat: which prompt, which choices, until when.

Whatever the turn said last in a chat decides: a message with buttons to choose from (not a card,
which is for everyone) is the question now waiting there; a message without them means nothing
waits any more. A reader can then take a typed "yes", "2" or "Polski" as the press it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from handlers.kernel.flows import chat_slot
from handlers.kernel.messages import Choice, Msg, Outgoing, ToPerson, ToStreet
from handlers.kernel.ports import Store
from handlers.kernel.serialize import decode_question, encode_question
from handlers.kernel.turn import Turn

# Long enough for an evening's question to be answered over breakfast; not so long that an old
# question catches an unrelated "yes".
VALID_FOR = timedelta(hours=24)


@dataclass(frozen=True)
class Question:
    prompt: Msg
    choices: tuple[Choice, ...]


def _chat_of(turn: Turn, outgoing: Outgoing) -> str | None:
    """Which of this person's chats a message goes to, if it is said to them (not a card)."""
    if isinstance(outgoing.to, ToPerson) and outgoing.to.person.user_id == turn.person.user_id \
            and outgoing.to.person.platform == turn.person.platform:
        return "private"
    if isinstance(outgoing.to, ToStreet) and turn.street is not None and outgoing.to.street.id == turn.street.id \
            and outgoing.card_of is None:
        return chat_slot(turn)
    return None


async def _note(store: Store, neighbour_id: int, chat: str, outgoing: Outgoing, now: datetime) -> None:
    choices = tuple(c for c in outgoing.choices if not c.opens_private and not c.asks_location)
    if choices:
        await store.questions.put(neighbour_id, chat, encode_question(outgoing.text, choices), now + VALID_FOR)
    else:
        await store.questions.clear(neighbour_id, chat)


async def note_last_question(turn: Turn) -> None:
    """After a turn: remember or forget the question waiting in each chat the turn spoke in, and in the
    private chat of anyone else it told something (the author asked "Shall I put you in touch?")."""
    last_said: dict[str, Outgoing] = {}
    others: list[Outgoing] = []
    for item in turn.effects.items:
        if not isinstance(item, Outgoing):
            continue
        if (chat := _chat_of(turn, item)) is not None:
            last_said[chat] = item
        elif isinstance(item.to, ToPerson):
            others.append(item)
    for chat, outgoing in last_said.items():
        await _note(turn.store, turn.neighbour.id, chat, outgoing, turn.now)
    await note_told(turn.store, others, turn.now)


async def note_told(store: Store, items: Iterable[object], now: datetime) -> None:
    """After work done on the bot's own initiative (or for others in a turn): what was said last to each
    person privately decides the question waiting in their private chat."""
    last_said: dict[tuple[str, str], Outgoing] = {}
    for item in items:
        if isinstance(item, Outgoing) and isinstance(item.to, ToPerson):
            last_said[(item.to.person.platform, item.to.person.user_id)] = item
    for (platform, user_id), outgoing in last_said.items():
        neighbour = await store.neighbours.find(platform, user_id)
        if neighbour is not None:
            await _note(store, neighbour.id, "private", outgoing, now)


async def last_question(turn: Turn, now: datetime | None = None) -> Question | None:
    """The question still waiting for this person in this chat, if any."""
    raw = await turn.store.questions.get(turn.neighbour.id, chat_slot(turn), now or turn.now)
    if raw is None:
        return None
    prompt, choices = decode_question(raw)
    return Question(prompt, choices)
