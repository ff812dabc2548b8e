"""The question the bot last asked someone, per chat: which prompt, which choices, until when.

Whatever the turn said last in a chat decides: a message with buttons to choose from (not a card,
which is for everyone) is the question now waiting there; a message without them means nothing
waits any more. A reader can then take a typed "yes", "2" or "Polski" as the press it stands for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.kernel.flows import chat_slot
from handlers.kernel.messages import Choice, Msg, Outgoing, ToPerson, ToStreet
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


async def note_last_question(turn: Turn) -> None:
    """After a turn: remember or forget the question waiting in each chat the turn spoke in."""
    last_said: dict[str, Outgoing] = {}
    for item in turn.effects.items:
        if isinstance(item, Outgoing) and (chat := _chat_of(turn, item)) is not None:
            last_said[chat] = item
    for chat, outgoing in last_said.items():
        choices = tuple(c for c in outgoing.choices if not c.opens_private and not c.asks_location)
        if choices:
            await turn.store.questions.put(turn.neighbour.id, chat, encode_question(outgoing.text, choices), turn.now + VALID_FOR)
        else:
            await turn.store.questions.clear(turn.neighbour.id, chat)


async def last_question(turn: Turn, now: datetime | None = None) -> Question | None:
    """The question still waiting for this person in this chat, if any."""
    raw = await turn.store.questions.get(turn.neighbour.id, chat_slot(turn), now or turn.now)
    if raw is None:
        return None
    prompt, choices = decode_question(raw)
    return Question(prompt, choices)
