"""A typed answer handled as the press it stands for: same handler, same checks, same payload.

The question is the one the bot last asked this person in this chat (handlers/kernel/questions.py).
Once an answer is read from it, it no longer waits: a second "yes" is not a second press. A
question that lapsed not long ago is shown again instead of being answered."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any, Awaitable, Callable

from handlers.kernel import texts
from handlers.kernel.answers import Answer, ChoiceWords, Reading, label_texts, read_answer
from handlers.kernel.flows import chat_slot
from handlers.kernel.incoming import IncomingKind
from handlers.kernel.languages import of_neighbour
from handlers.kernel.messages import Outgoing, ToPerson, ToPresser, lines, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.questions import Question, last_question
from handlers.kernel.render import render
from handlers.kernel.serialize import decode_question
from handlers.kernel.turn import Turn

FindAction = Callable[[str], "tuple[Payload, Callable[[Turn, Any], Awaitable[None]]] | None"]
# An answer to a question that lapsed this long ago still gets the question again, not a shrug.
SHOWN_AGAIN_WITHIN = timedelta(days=7)


async def _words_of(turn: Turn, question: Question, find_action: FindAction) -> list[ChoiceWords]:
    locale = await of_neighbour(turn.services, turn.neighbour)
    translate = turn.settings.translate
    found = []
    for choice in question.choices:
        english = render(choice.label, "en")
        theirs = render(choice.label, locale, translate=translate) if locale != "en" else None
        action = find_action(choice.payload)
        found.append(ChoiceWords(label_texts(english, theirs), destructive=action is not None and action[0].destructive))
    return found


async def _read(turn: Turn, text: str, question: Question, find_action: FindAction) -> Answer:
    return read_answer(text, await _words_of(turn, question, find_action))


def _ask_again(turn: Turn, head: str, question: Question) -> None:
    turn.reply_msg(lines(msg(head), question.prompt), question.choices)


async def take(turn: Turn, text: str, find_action: FindAction, *, only_if_clear: bool = False) -> bool:
    """If `text` answers the question waiting in this chat, press its choice (or, when it reads as an
    answer but not clearly to one choice, offer the choices again) and return True. With
    `only_if_clear`, only a clear answer is taken (words a guided flow is waiting for go there)."""
    question = await last_question(turn)
    if question is None:
        return False if only_if_clear else await _lapsed(turn, text, find_action)
    answer = await _read(turn, text, question, find_action)
    if answer.reading is Reading.NOT_AN_ANSWER or (only_if_clear and answer.reading is not Reading.CHOSEN):
        return False
    if answer.reading is Reading.UNCLEAR or answer.index is None:
        _ask_again(turn, texts.ANSWER_UNCLEAR, question)
        return True
    found = find_action(question.choices[answer.index].payload)
    if found is None:  # a button from before an upgrade that no longer exists
        await turn.store.questions.clear(turn.neighbour.id, chat_slot(turn))
        turn.reply(texts.BUTTON_EXPIRED)
        return True
    await turn.store.questions.clear(turn.neighbour.id, chat_slot(turn))
    pressed, handler = found
    await press(turn, question.choices[answer.index].payload, pressed, handler)
    return True


async def press(turn: Turn, payload: str, pressed: Payload, handler: Callable[[Turn, Any], Awaitable[None]]) -> None:
    """Run a button's handler for typed words, as if its button had been pressed (there is no press to answer:
    short answers go to the person as messages)."""
    incoming = replace(turn.incoming, kind=IncomingKind.PRESS, payload=payload, ref=None)
    as_pressed = replace(turn, incoming=incoming)
    said_before = len(turn.effects.items)
    await handler(as_pressed, pressed)
    turn.held_delivered = as_pressed.held_delivered
    if turn.is_private:  # in a private chat, the short answer to a press is simply the next message
        items = turn.effects.items
        for position in range(said_before, len(items)):
            item = items[position]
            if isinstance(item, Outgoing) and isinstance(item.to, ToPresser):
                items[position] = replace(item, to=ToPerson(item.to.person))


async def _lapsed(turn: Turn, text: str, find_action: FindAction) -> bool:
    raw = await turn.store.questions.get(turn.neighbour.id, chat_slot(turn), turn.now - SHOWN_AGAIN_WITHIN)
    if raw is None:
        return False
    question = Question(*decode_question(raw))
    if (await _read(turn, text, question, find_action)).reading is Reading.NOT_AN_ANSWER:
        return False
    _ask_again(turn, texts.QUESTION_EXPIRED, question)
    return True
