"""The four answers to a check-in. "All good" and "Not today" are both fine answers and tell nobody;
"Fancy a chat" lets the buddy know (or, with the neighbour's yes, neighbours who offered chats);
"Could use a hand" starts an ask."""

from __future__ import annotations

from handlers.checkins import texts
from handlers.checkins.escalation import note_answer, occurrence_of_press, private
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Checkin, Tell
from handlers.kernel.domain import PostKind, When
from handlers.kernel.messages import Choice, Person, msg
from handlers.kernel.router import payload, single_id
from handlers.kernel.turn import Turn
from handlers.posts import posting
from handlers.street import weekly
from handlers.street.activity import note_activity
from handlers.street.people import person, street_name

ANSWER = "ca"  # ca:<occurrence>:<answer>
CHAT_ASK = "cq"  # cq:<check-in>:yes|no — put up a chat ask when there's no buddy to tell
ALL_GOOD, CHAT, HAND, NOT_TODAY = "ok", "chat", "hand", "no"
CHAT_CATEGORY = "chat"
YES, NO = "yes", "no"


def answer_choices(occurrence_id: int) -> tuple[Choice, ...]:
    return (
        Choice(msg(texts.BUTTON_ALL_GOOD), payload(ANSWER, occurrence_id, ALL_GOOD)),
        Choice(msg(texts.BUTTON_FANCY_A_CHAT), payload(ANSWER, occurrence_id, CHAT)),
        Choice(msg(texts.BUTTON_COULD_USE_A_HAND), payload(ANSWER, occurrence_id, HAND)),
        Choice(msg(texts.BUTTON_NOT_TODAY), payload(ANSWER, occurrence_id, NOT_TODAY)),
    )


async def answer(turn: Turn, fields: list[str]) -> None:
    found = await occurrence_of_press(turn, fields, (ALL_GOOD, CHAT, HAND, NOT_TODAY), texts.CHECKIN_NOT_FOUND)
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
    choice = fields[1]
    if choice == ALL_GOOD:
        turn.reply(texts.ANSWER_ALL_GOOD)
    elif choice == NOT_TODAY:
        turn.reply(texts.ANSWER_NOT_TODAY)
    elif choice == CHAT:
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
        Choice(msg(texts.BUTTON_YES_PLEASE_CHAT), payload(CHAT_ASK, checkin.id, YES)),
        Choice(msg(texts.BUTTON_NO_THANKS), payload(CHAT_ASK, checkin.id, NO)),
    )
    turn.reply(texts.CHAT_ASK_QUESTION, choices, street=street_name(street))


async def chat_ask(turn: Turn, fields: list[str]) -> None:
    """Yes: an ask for a chat goes up on their street as from "a neighbour", and neighbours who
    offered chats hear of it privately, as with any ask."""
    if len(fields) != 2 or fields[1] not in (YES, NO) or (checkin_id := single_id(fields[:1])) is None:
        turn.answer(common.BUTTON_EXPIRED)
        return
    checkin = await turn.store.checkins.get(checkin_id)
    if checkin is None or checkin.neighbour_id != turn.neighbour.id:
        turn.answer(common.NOT_FOR_YOU if checkin else texts.CHECKIN_NOT_FOUND)
        return
    if fields[1] == NO:
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
