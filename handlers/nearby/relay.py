"""Talking through the bot: when an author would rather not share their username, whatever either of
the two writes to the bot privately is passed on to the other, with neither handle shown, until one
of them ends it or the post is done. The words are passed on, never kept (only who talks to whom).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostStatus, Relay, Response
from handlers.kernel.messages import Choice, Outgoing, Quote, SendResult, SendStatus, ToPerson, msg
from handlers.kernel.ports import Store
from handlers.kernel.ownership import presser_owns
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Effects, Services, Turn
from handlers.kernel.wording import tidy
from handlers.nearby import texts
from handlers.posts.cards import subject
from handlers.street.people import person

LONGEST_MESSAGE = 1500


@dataclass(frozen=True)
class EndChat(Payload, code="ec"):
    relay_id: int


@dataclass(frozen=True)
class ReplyHere(Payload, code="rr"):
    relay_id: int


@dataclass(frozen=True)
class PassedOn(Payload, code="rl"):  # send receipt of words passed on, so the writer hears if they didn't arrive
    relay_id: int
    writer_id: int


def end_choice(relay: Relay) -> Choice:
    return Choice(msg(texts.BUTTON_END_CHAT), EndChat(relay.id).pack())


async def start(
    turn: Turn, post: Post, response: Response, author_choices: tuple[Choice, ...], responder_choices: tuple[Choice, ...],
) -> None:
    """The author (who is pressing) chose to talk through the bot with the one who answered."""
    assert post.author_id is not None and response.neighbour_id is not None
    responder = await person(turn.store, response.neighbour_id)
    if responder is None:
        return
    relay = await turn.store.relays.start(post.id, post.author_id, response.neighbour_id, turn.now)
    about = subject(post)
    turn.effects.tell(turn.person, msg(texts.RELAY_STARTED_AUTHOR, other=responder, subject=about),
                      author_choices + (end_choice(relay),))
    turn.effects.tell(responder, msg(texts.RELAY_STARTED_RESPONDER, subject=about), responder_choices + (end_choice(relay),))


async def end_for_post(store: Store, post_id: int) -> None:
    """The post is done, taken down or handed back: its chat ends with it (both are told so already)."""
    relay = await store.relays.of_post(post_id)
    if relay is not None:
        await store.relays.end(relay.id)


def _unsendable(text: str) -> str | None:
    """Why these words can't be passed on (a message key), or None if they can."""
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t\r" for ch in text):
        return common.CONTROL_CHARACTERS
    if not tidy(text):
        return common.NO_WORDS
    if len(tidy(text)) > LONGEST_MESSAGE:
        return texts.RELAY_TOO_LONG
    return None


async def pass_on(turn: Turn, text: str) -> bool:
    """Plain words in a private chat: passed on if the writer is talking through the bot; False if not."""
    relays = await turn.store.relays.of_neighbour(turn.neighbour.id)
    if not relays:
        return False
    relay = relays[0]
    post = await turn.store.posts.get(relay.post_id)
    if post is None or post.status is not PostStatus.MATCHED:
        await turn.store.relays.end(relay.id)
        if post is None:
            return False
        turn.reply(texts.RELAY_ENDED, subject=subject(post))
        return True
    problem = _unsendable(text)
    if problem is not None:
        turn.reply(problem, limit=LONGEST_MESSAGE)
        return True
    other_id = relay.other(turn.neighbour.id)
    other = await person(turn.store, other_id)
    if other is None:
        return False
    choices = (end_choice(relay),)
    if len(await turn.store.relays.of_neighbour(other_id)) > 1:
        choices = (Choice(msg(texts.BUTTON_REPLY), ReplyHere(relay.id).pack()),) + choices
    words = msg(texts.RELAYED, subject=subject(post), text=Quote(tidy(text)))
    turn.effects.add(Outgoing(ToPerson(other), words, choices, receipt=PassedOn(relay.id, turn.neighbour.id).pack()))
    await turn.store.relays.touch(relay.id, turn.now)
    return True


async def _own_relay(turn: Turn, relay_id: int) -> Relay | None:
    return await presser_owns(
        turn, relay_id, turn.store.relays.get, lambda relay: (relay.author_id, relay.responder_id),
        gone=common.ALREADY_DONE,
    )


async def reply_here(turn: Turn, pressed: ReplyHere) -> None:
    """With more than one chat going, "Reply" picks which one the next words go to."""
    relay = await _own_relay(turn, pressed.relay_id)
    if relay is not None:
        await turn.store.relays.touch(relay.id, turn.now)
        turn.answer(texts.RELAY_REPLY_HERE)


async def end_pressed(turn: Turn, pressed: EndChat) -> None:
    relay = await _own_relay(turn, pressed.relay_id)
    if relay is not None:
        await _end(turn, relay)


async def end_command(turn: Turn, text: str) -> None:
    relays = await turn.store.relays.of_neighbour(turn.neighbour.id)
    if not relays:
        turn.reply(texts.NO_CHAT_TO_END)
        return
    await _end(turn, relays[0])


async def _end(turn: Turn, relay: Relay) -> None:
    await turn.store.relays.end(relay.id)
    post = await turn.store.posts.get(relay.post_id)
    if post is None:
        return
    ended = msg(texts.RELAY_ENDED, subject=subject(post))
    turn.reply_msg(ended)
    if (other := await person(turn.store, relay.other(turn.neighbour.id))) is not None:
        turn.effects.tell(other, ended)


async def after_send(services: Services, effects: Effects, receipt: PassedOn, result: SendResult, now: datetime) -> None:
    """If passed-on words couldn't reach the other person, the writer hears so."""
    if result.sent:
        return
    writer = await person(services.store, receipt.writer_id)
    if writer is not None:
        key = texts.RELAY_WAITING if result.status is SendStatus.UNREACHABLE else texts.RELAY_FAILED
        effects.tell(writer, msg(key))
