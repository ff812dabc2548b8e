"""Greetings, help, and what to say to a command nobody knows."""

from __future__ import annotations

from handlers import areas, board, posting, texts, whereabouts
from handlers.domain import PostKind
from handlers.turn import Turn

# Deep-link payloads a private chat can start with, to carry on from the group.
CONTINUE_WITH = {
    "mine": board.mine, "board": board.board, areas.PIN_SCOPE: areas.ask_for_pin, whereabouts.SHOW: whereabouts.show,
}


async def start(turn: Turn, text: str) -> None:
    if not turn.is_private:
        turn.reply(texts.HELP_GROUP)
        return
    carry_on = text.strip().lower()
    if carry_on in CONTINUE_WITH:
        await CONTINUE_WITH[carry_on](turn, "")
    elif carry_on in (PostKind.ASK.value, PostKind.OFFER.value):
        await posting.start(turn, PostKind(carry_on), "")
    elif not turn.held_delivered:
        turn.reply(texts.WELCOME_PRIVATE)


async def help_(turn: Turn, text: str) -> None:
    turn.reply(texts.HELP_PRIVATE if turn.is_private else texts.HELP_GROUP)


async def unknown(turn: Turn, name: str) -> None:
    turn.reply(texts.UNKNOWN_COMMAND, command=f"/{name}")
