"""Plain words in a private chat, read as a neighbour would: small talk gets a short warm answer; an
ask or an offer is restated as the card it would make, with one tap to post it (in which street, if
there are several); anything else gets one gentle question back."""

from __future__ import annotations

from dataclasses import dataclass
from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.domain import Post, PostKind, PostStatus, Street
from handlers.kernel.flows import Flow
from handlers.kernel.messages import Choice, lines, msg
from handlers.kernel.ownership import pressed_by_owner
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Turn
from handlers.kernel.wording import check_post_text, tidy, tokens
from handlers.posts import posting
from handlers.posts.cards import card
from handlers.posts.categories import classify
from handlers.posts.when import decode, encode, parse_when
from handlers.privacy import forgetting
from handlers.street.local_time import local_date
from handlers.street.people import street_name
from handlers.words import texts
from handlers.words.intent import kind_of
from handlers.words.small_talk import Talk, small_talk, without_greeting

SMALL_TALK_ANSWERS = {
    Talk.STOP: texts.STOPPING,
    Talk.WHAT_YOU_DO: texts.WHAT_I_DO,
    Talk.HELP: texts.WHAT_I_DO,
    Talk.THANKS: texts.YOU_ARE_WELCOME,
    Talk.HELLO: texts.HELLO,
    Talk.BYE: texts.GOODBYE,
}
MOST_STREETS_SHOWN = 6


@dataclass
class Reading:
    """An ask or offer read from plain words, waiting for a yes."""

    kind: str
    text: str
    category: str
    when: str  # a When, encoded


FLOW = Flow("words", Reading, steps=("confirm",))


@dataclass(frozen=True)
class PostIt(Payload, code="wp"):
    owner_id: int
    street_id: int


@dataclass(frozen=True)
class LeaveIt(Payload, code="wl"):
    owner_id: int


async def read_words(turn: Turn, text: str) -> bool:
    """Whatever plain words reach here are answered: they are the last reader in a private chat."""
    talk = small_talk(text)
    if talk is Talk.FORGET_ME:
        await forgetting.forget_me(turn, "")
        return True
    if talk is not None:
        turn.reply(SMALL_TALK_ANSWERS[talk])
        return True
    words = without_greeting(text)
    kind = kind_of(words) if tokens(words) else None
    if kind is None:
        turn.reply(texts.NOT_SURE)
        return True
    problem = check_post_text(words, turn.settings.max_post_length)
    if problem is not None:
        turn.reply(posting.PROBLEM_TEXTS[problem], limit=turn.settings.max_post_length)
        return True
    await _restate(turn, Reading(kind.value, tidy(words), classify(words), encode(parse_when(words))))
    return True


async def _restate(turn: Turn, reading: Reading) -> None:
    streets = await turn.store.streets.of_neighbour(turn.neighbour.id)
    if not streets:
        turn.reply(common.NO_STREET_YET)
        return
    await flows.save(turn, FLOW, "confirm", reading)
    owner = turn.neighbour.id
    if len(streets) == 1:
        posts = (Choice(msg(texts.BUTTON_POST_IT), PostIt(owner, streets[0].id).pack()),)
    else:
        posts = tuple(
            Choice(msg(texts.BUTTON_POST_IN, street=street_name(street)), PostIt(owner, street.id).pack())
            for street in streets[:MOST_STREETS_SHOWN]
        )
    leave = Choice(msg(texts.BUTTON_NO_THANKS), LeaveIt(owner).pack())
    head = texts.SHALL_I_POST_ASK if reading.kind == PostKind.ASK.value else texts.SHALL_I_POST_OFFER
    preview = await _preview(turn, reading, streets[0])
    turn.reply_msg(lines(msg(head), card(preview, None)), posts + (leave,))


async def _preview(turn: Turn, reading: Reading, street: Street) -> Post:
    """The post as it would be if posted now, its day as a date (never stored)."""
    zone = (await for_street(turn.services, street)).timezone
    when = (decode(reading.when) or parse_when(reading.text)).dated(local_date(turn.now, zone))
    return Post(
        id=0, street_id=street.id, author_id=None, kind=PostKind(reading.kind), category=reading.category,
        when=when, body=reading.text, anonymous=True, status=PostStatus.OPEN, created_at=turn.now, expires_at=turn.now,
    )


async def post_it(turn: Turn, pressed: PostIt) -> None:
    if (reading := await flows.waiting_at(turn, FLOW, "confirm", owner=pressed.owner_id)) is None:
        return
    streets = {street.id: street for street in await turn.store.streets.of_neighbour(turn.neighbour.id)}
    street = streets.get(pressed.street_id)
    if street is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    await flows.end(turn, FLOW)
    when = decode(reading.when) or parse_when(reading.text)
    await posting.publish(turn, street, PostKind(reading.kind), reading.text, reading.category, when)


async def leave_it(turn: Turn, pressed: LeaveIt) -> None:
    if not pressed_by_owner(turn, pressed.owner_id):
        return
    if await flows.current(turn, FLOW) is None:
        turn.answer(common.ALREADY_DONE)
        return
    await flows.end(turn, FLOW)
    turn.reply(texts.LEFT_IT)
