"""The four answers to a check-in. "All good" and "Not today" are both fine answers and tell nobody;
"Fancy a chat" lets the buddy know (or, with the neighbour's yes, neighbours who offered chats);
"Could use a hand" starts an ask."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers.checkins import texts
from handlers.checkins.escalation import its_neighbour, note_answer, occurrence_of_press, private
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Checkin, Tell
from handlers.kernel.domain import PostKind, When
from handlers.kernel.messages import Choice, Person, msg
from handlers.kernel.ownership import presser_owns
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Turn
from handlers.posts import posting
from handlers.street import weekly
from handlers.street.activity import note_activity
from handlers.street.people import person, street_name

CHAT_CATEGORY = "chat"


class Reply(StrEnum):
    ALL_GOOD = "ok"
    CHAT = "chat"
    HAND = "hand"
    NOT_TODAY = "no"


@dataclass(frozen=True)
class Answer(Payload, code="ca"):
    occurrence_id: int
    reply: Reply


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class ChatAsk(Payload, code="cq"):  # put up a chat ask when there's no buddy to tell
    checkin_id: int
    answer: YesNo


def answer_choices(occurrence_id: int) -> tuple[Choice, ...]:
    return (
        Choice(msg(texts.BUTTON_ALL_GOOD), Answer(occurrence_id, Reply.ALL_GOOD).pack()),
        Choice(msg(texts.BUTTON_FANCY_A_CHAT), Answer(occurrence_id, Reply.CHAT).pack()),
        Choice(msg(texts.BUTTON_COULD_USE_A_HAND), Answer(occurrence_id, Reply.HAND).pack()),
        Choice(msg(texts.BUTTON_NOT_TODAY), Answer(occurrence_id, Reply.NOT_TODAY).pack()),
    )


async def answer(turn: Turn, pressed: Answer) -> None:
    found = await occurrence_of_press(turn, pressed.occurrence_id, texts.CHECKIN_NOT_FOUND)
    if found is None:
        return
    occurrence, checkin = found
    if checkin.neighbour_id != turn.neighbour.id:
        turn.answer(common.NOT_FOR_YOU)
        return
    if not occurrence.answerable:
        turn.answer(texts.ANSWER_ALREADY)
        return
    await note_answer(turn.services, turn.effects, checkin, occurrence, turn.now)
    await weekly.count_checkin_answered(turn.services, checkin.street_id, turn.now)
    await note_activity(turn.services, checkin.street_id, turn.neighbour.id, turn.now)
    choice = pressed.reply
    if choice is Reply.ALL_GOOD:
        turn.reply(texts.ANSWER_ALL_GOOD)
    elif choice is Reply.NOT_TODAY:
        turn.reply(texts.ANSWER_NOT_TODAY)
    elif choice is Reply.CHAT:
        await _fancy_a_chat(turn, checkin)
    else:
        await _could_use_a_hand(turn, checkin)


async def _buddy(turn: Turn, checkin: Checkin) -> Person | None:
    return await person(turn.store, checkin.buddy_id) if checkin.tell is Tell.BUDDY else None


async def _fancy_a_chat(turn: Turn, checkin: Checkin) -> None:
    buddy = await _buddy(turn, checkin)
    if buddy is not None:
        turn.effects.add(private(buddy, msg(texts.BUDDY_CHAT, person=turn.person)))
        turn.reply(texts.ANSWER_CHAT_TOLD_BUDDY, buddy=buddy)
        return
    street = await turn.store.streets.get(checkin.street_id)
    choices = (
        Choice(msg(texts.BUTTON_YES_PLEASE_CHAT), ChatAsk(checkin.id, YesNo.YES).pack()),
        Choice(msg(texts.BUTTON_NO_THANKS), ChatAsk(checkin.id, YesNo.NO).pack()),
    )
    turn.reply(texts.CHAT_ASK_QUESTION, choices, street=street_name(street))


async def chat_ask(turn: Turn, pressed: ChatAsk) -> None:
    """Yes: an ask for a chat goes up on their street as from "a neighbour", and neighbours who
    offered chats hear of it privately, as with any ask."""
    checkin = await presser_owns(turn, pressed.checkin_id, turn.store.checkins.get, its_neighbour,
                                 gone=texts.CHECKIN_NOT_FOUND)
    if checkin is None:
        return
    if pressed.answer is YesNo.NO:
        turn.reply(texts.CHAT_ASK_NOT_NOW)
        return
    mine = await turn.store.posts.live_by_author(turn.neighbour.id)
    if any(post.is_ask and post.category == CHAT_CATEGORY for post in mine):
        turn.answer(texts.CHAT_ASK_ALREADY_UP)
        return
    street = await turn.store.streets.get(checkin.street_id)
    if street is None:
        turn.answer(texts.CHECKIN_NOT_FOUND)
        return
    await posting.publish(turn, street, PostKind.ASK, common.CHAT_ASK_BODY, CHAT_CATEGORY, When("today"))


async def _could_use_a_hand(turn: Turn, checkin: Checkin) -> None:
    buddy = await _buddy(turn, checkin)
    if buddy is not None:
        turn.effects.add(private(buddy, msg(texts.BUDDY_HAND, person=turn.person)))
    await posting.start(turn, PostKind.ASK, "")
