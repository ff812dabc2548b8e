"""Moderation for organisers: take a post down, or pause someone's posting through the bot for a
while (a day, a week, a month). Either as a reply to the post's card in the group (`/remove`,
`/pause`), or from a private list of the street's open posts. The author always hears, kindly.

A pause is kept on the neighbour's membership of that one street, and only stops new asks and
offers there; they can still answer others' posts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from handlers.kernel import texts as common
from handlers.kernel.domain import Post, Street
from handlers.kernel.messages import Choice, MessageRef, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.street_settings import for_street
from handlers.kernel.turn import Turn
from handlers.organisers import gate as organisers
from handlers.organisers import texts
from handlers.posts.cards import card, subject
from handlers.posts.responding import take_down
from handlers.street.local_time import date_words, local_date
from handlers.street.people import author, person, street_name

PAUSE_LENGTHS = {  # days
    1: texts.BUTTON_POSTING_PAUSE_DAY, 7: texts.BUTTON_POSTING_PAUSE_WEEK, 30: texts.BUTTON_POSTING_PAUSE_MONTH,
}
LISTED = 10


@dataclass(frozen=True)
class PickStreet(Payload, code="omp"):
    street_id: int


@dataclass(frozen=True)
class Remove(Payload, code="omr", destructive=True):
    post_id: int


@dataclass(frozen=True)
class PauseAuthor(Payload, code="omz"):
    post_id: int


@dataclass(frozen=True)
class PauseFor(Payload, code="omd"):
    post_id: int
    days: int  # one of PAUSE_LENGTHS


@dataclass(frozen=True)
class Lift(Payload, code="oml"):
    street_id: int
    neighbour_id: int


async def remove(turn: Turn, text: str) -> None:
    """/remove as a reply to a card takes it down; on its own, a list to choose from."""
    if turn.incoming.reply_to and turn.street is not None:
        post = await _replied_card(turn)
        if post is not None:
            await _take_down(turn, post)
        return
    await _FOR_A_STREET.command(turn, text)


async def pause(turn: Turn, text: str) -> None:
    """/pause as a reply to someone's card offers how long; on its own, the same list as /remove."""
    if turn.incoming.reply_to and turn.street is not None:
        post = await _replied_card(turn)
        if post is not None:
            _offer_pause(turn, post)
        return
    await _FOR_A_STREET.command(turn, text)


async def _replied_card(turn: Turn) -> Post | None:
    """The post whose card (in this street's group) the organiser replied to."""
    assert turn.street is not None and turn.incoming.reply_to is not None
    if not await organisers.organiser_only(turn, turn.street):
        return None
    street = turn.street
    post_id = await turn.store.cards.post_shown_at(MessageRef(street.platform, street.chat_id, turn.incoming.reply_to))
    post = await turn.store.posts.get(post_id) if post_id is not None else None
    if post is None or post.street_id != street.id:
        organisers.tell(turn, msg(texts.NOT_A_CARD))
        return None
    return post


async def _list(turn: Turn, street: Street, words: str = "") -> None:
    posts = await turn.store.posts.live_in_street(street.id, LISTED)
    if not posts:
        organisers.tell(turn, msg(texts.MODERATE_NOTHING, street=street_name(street)))
        return
    organisers.tell(turn, msg(texts.MODERATE_HEADER, street=street_name(street)))
    for post in posts:
        choices = (
            Choice(msg(texts.BUTTON_TAKE_DOWN), Remove(post.id).pack()),
            Choice(msg(texts.BUTTON_PAUSE_AUTHOR), PauseAuthor(post.id).pack()),
        )
        organisers.tell(turn, card(post, await author(turn.store, post)), choices)


_FOR_A_STREET = organisers.ForAStreet(PickStreet, _list)
picked = _FOR_A_STREET.picked


async def _pressed_post(turn: Turn, post_id: int) -> tuple[Post, Street] | None:
    post = await turn.store.posts.get(post_id)
    street = await turn.store.streets.get(post.street_id) if post is not None else None
    if post is None or street is None:
        turn.answer(common.POST_NOT_FOUND)
        return None
    return (post, street) if await organisers.organiser_only(turn, street) else None


async def remove_pressed(turn: Turn, pressed: Remove) -> None:
    found = await _pressed_post(turn, pressed.post_id)
    if found is not None:
        await _take_down(turn, found[0])


async def _take_down(turn: Turn, post: Post) -> None:
    if not post.status.live:
        organisers.answer(turn, common.ALREADY_DONE)
        return
    await take_down(turn, post)
    street = await turn.store.streets.get(post.street_id)
    poster = await author(turn.store, post)
    if poster is not None and post.author_id != turn.neighbour.id:
        turn.effects.tell(poster, msg(texts.TAKEN_DOWN_FOR_AUTHOR, street=street_name(street), subject=subject(post)))
    organisers.tell(turn, msg(texts.TAKEN_DOWN_BY_ORGANISER, subject=subject(post)))


def _offer_pause(turn: Turn, post: Post) -> None:
    if post.author_id == turn.neighbour.id:
        organisers.tell(turn, msg(texts.PAUSE_NOT_YOURSELF))
        return
    choices = tuple(Choice(msg(label), PauseFor(post.id, days).pack()) for days, label in PAUSE_LENGTHS.items())
    organisers.tell(turn, msg(texts.PAUSE_HOW_LONG, subject=subject(post)), choices)


async def pause_author_pressed(turn: Turn, pressed: PauseAuthor) -> None:
    found = await _pressed_post(turn, pressed.post_id)
    if found is not None:
        _offer_pause(turn, found[0])


async def pause_for(turn: Turn, pressed: PauseFor) -> None:
    if pressed.days not in PAUSE_LENGTHS:
        turn.answer(common.BUTTON_EXPIRED)
        return
    found = await _pressed_post(turn, pressed.post_id)
    if found is None:
        return
    post, street = found
    if post.author_id is None or post.author_id == turn.neighbour.id:
        turn.answer(texts.PAUSE_NOT_YOURSELF if post.author_id else common.POST_NOT_FOUND)
        return
    until = turn.now + timedelta(days=pressed.days)
    if not await turn.store.neighbours.pause_in_street(street.id, post.author_id, until):
        turn.answer(texts.PAUSE_NOT_IN_STREET)
        return
    zone = (await for_street(turn.services, street)).timezone
    when = date_words(local_date(until, zone))
    name = street_name(street)
    if (poster := await person(turn.store, post.author_id)) is not None:
        turn.effects.tell(poster, msg(texts.PAUSED_FOR_AUTHOR, street=name, until=when))
    lift = Choice(msg(texts.BUTTON_LIFT_PAUSE), Lift(street.id, post.author_id).pack())
    organisers.tell(turn, msg(texts.PAUSED_AUTHOR, subject=subject(post), street=name, until=when), (lift,))


async def lift(turn: Turn, pressed: Lift) -> None:
    neighbour_id = pressed.neighbour_id
    street = await organisers.street_of_press(turn, pressed.street_id)
    if street is None:
        return
    paused = await turn.store.neighbours.paused_until(street.id, neighbour_id)
    if paused is None or paused <= turn.now:
        turn.answer(common.ALREADY_DONE)
        return
    await turn.store.neighbours.pause_in_street(street.id, neighbour_id, None)
    name = street_name(street)
    if (poster := await person(turn.store, neighbour_id)) is not None:
        turn.effects.tell(poster, msg(texts.PAUSE_LIFTED_FOR_AUTHOR, street=name))
    organisers.tell(turn, msg(texts.PAUSE_LIFTED, street=name))
