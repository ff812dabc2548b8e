"""Once a check-in is set up: what it is, and change, pause (a day, a week, until I say) and stop —
one tap each, any time. Changing, pausing or stopping counts as an answer to a waiting check-in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from handlers.checkins import buddy as buddies
from handlers.checkins import texts, wording
from handlers.checkins.escalation import its_neighbour, note_answer, private
from handlers.checkins.street import Rules, rules_for
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Checkin, Tell
from handlers.kernel.messages import Choice, Msg, lines, msg
from handlers.kernel.ownership import presser_owns
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Turn
from handlers.street.people import person



class PauseLength(StrEnum):
    FOR_A_DAY = "day"
    FOR_A_WEEK = "week"
    UNTIL_I_SAY = "ever"


PAUSES = {PauseLength.FOR_A_DAY: timedelta(days=1), PauseLength.FOR_A_WEEK: timedelta(days=7), PauseLength.UNTIL_I_SAY: None}


# Buttons on the summary carry the check-in's id.
@dataclass(frozen=True)
class Change(Payload, code="cc"):
    checkin_id: int


@dataclass(frozen=True)
class Pause(Payload, code="cp"):
    checkin_id: int
    length: PauseLength


@dataclass(frozen=True)
class Resume(Payload, code="cr"):
    checkin_id: int


@dataclass(frozen=True)
class Stop(Payload, code="cz", destructive=True):
    checkin_id: int


@dataclass(frozen=True)
class InviteAgain(Payload, code="cv"):
    checkin_id: int


async def answered_by_this(turn: Turn, checkin: Checkin) -> None:
    """Changing, pausing or stopping is a sign of life: any check-in waiting for an answer has one."""
    for occurrence in await turn.store.checkins.open_of(checkin.id):
        await note_answer(turn.services, turn.effects, checkin, occurrence, turn.now)


async def tell_old_buddy(turn: Turn, checkin: Checkin, key: str) -> None:
    buddy = await person(turn.store, checkin.buddy_id)
    if buddy is not None:
        turn.effects.add(private(buddy, msg(key, person=turn.person)))


async def summary(turn: Turn, checkin: Checkin, head: Msg | None = None) -> tuple[Msg, tuple[Choice, ...]]:
    """What is set up, in a few lines, with its buttons."""
    rules = await rules_for(turn.services, checkin.street_id)
    now = turn.now
    about = msg(texts.CHECKIN_SUMMARY, schedule=wording.schedule_of(checkin.schedule, rules.zone, now))
    wait = wording.delay(checkin.escalate_after)
    buddy = await person(turn.store, checkin.buddy_id)
    if checkin.tell is Tell.BUDDY and buddy is not None:
        tells = msg(texts.CHECKIN_TELLS_BUDDY, buddy=buddy, delay=wait)
    elif checkin.tell is Tell.BUDDY:
        tells = msg(texts.CHECKIN_TELLS_BUDDY_SOON, delay=wait)
    elif checkin.tell is Tell.ORGANISERS:
        tells = msg(texts.CHECKIN_TELLS_ORGANISERS, delay=wait)
    else:
        tells = msg(texts.CHECKIN_TELLS_NOBODY)
    return lines(head, about, tells, _next_line(checkin, rules, turn)), controls(checkin, turn)


def _next_line(checkin: Checkin, rules: Rules, turn: Turn) -> Msg:
    if checkin.paused_indefinitely:
        return msg(texts.CHECKIN_PAUSED_UNTIL_SAY)
    if checkin.next_due_at is None:
        return msg(texts.CHECKIN_NONE_LEFT)
    when = wording.when_next(checkin.next_due_at, rules.zone, turn.now)
    return msg(texts.CHECKIN_PAUSED if checkin.paused_at(turn.now) else texts.CHECKIN_NEXT, when=when)


def controls(checkin: Checkin, turn: Turn) -> tuple[Choice, ...]:
    change = Choice(msg(texts.BUTTON_CHANGE), Change(checkin.id).pack())
    stop = Choice(msg(texts.BUTTON_STOP_CHECKINS), Stop(checkin.id).pack())
    if checkin.paused_at(turn.now):
        choices = [Choice(msg(texts.BUTTON_RESUME), Resume(checkin.id).pack()), change, stop]
    else:
        pauses = [
            Choice(msg(label), Pause(checkin.id, length).pack())
            for label, length in ((texts.BUTTON_PAUSE_DAY, PauseLength.FOR_A_DAY),
                                  (texts.BUTTON_PAUSE_WEEK, PauseLength.FOR_A_WEEK),
                                  (texts.BUTTON_PAUSE_UNTIL_SAY, PauseLength.UNTIL_I_SAY))
        ]
        choices = [change, *pauses, stop]
    if checkin.tell is Tell.BUDDY and checkin.buddy_id is None:
        choices.insert(1, Choice(msg(texts.BUTTON_INVITE_AGAIN), InviteAgain(checkin.id).pack()))
    return tuple(choices)


async def own_checkin(turn: Turn, checkin_id: int, *, gone: str = texts.CHECKIN_NOT_FOUND) -> Checkin | None:
    return await presser_owns(turn, checkin_id, turn.store.checkins.get, its_neighbour, gone=gone)


async def pause(turn: Turn, pressed: Pause) -> None:
    if (checkin := await own_checkin(turn, pressed.checkin_id)) is None:
        return
    if checkin.paused_indefinitely and pressed.length is PauseLength.UNTIL_I_SAY:
        turn.answer(common.ALREADY_DONE)
        return
    length = PAUSES[pressed.length]
    until = None if length is None else turn.now + length
    paused = replace(checkin, paused=True, paused_until=until)
    rules = await rules_for(turn.services, checkin.street_id)
    next_due = rules.next_time(paused, turn.now)
    await turn.store.checkins.pause(checkin.id, until, next_due, turn.now)
    await answered_by_this(turn, checkin)
    resume = (Choice(msg(texts.BUTTON_RESUME), Resume(checkin.id).pack()),)
    if until is None:
        turn.reply(texts.CHECKIN_PAUSED_UNTIL_SAY, resume)
    elif next_due is None:  # a one-off whose day falls within the pause
        turn.reply(texts.CHECKIN_NONE_LEFT)
    else:
        turn.reply(texts.CHECKIN_PAUSED, resume, when=wording.when_next(next_due, rules.zone, turn.now))


async def resume(turn: Turn, pressed: Resume) -> None:
    if (checkin := await own_checkin(turn, pressed.checkin_id)) is None:
        return
    if not checkin.paused_at(turn.now):
        turn.answer(common.ALREADY_DONE)
        return
    rules = await rules_for(turn.services, checkin.street_id)
    running = replace(checkin, paused=False, paused_until=None)
    next_due = rules.next_time(running, turn.now)
    await turn.store.checkins.resume(checkin.id, next_due, turn.now)
    if next_due is None:  # a one-off whose day passed while it was paused
        turn.reply(texts.CHECKIN_NONE_LEFT, controls(running, turn))
        return
    turn.effects.wake(next_due)
    turn.reply(texts.CHECKIN_BACK_ON, controls(running, turn), when=wording.when_next(next_due, rules.zone, turn.now))


async def stop(turn: Turn, pressed: Stop) -> None:
    """One tap, no "are you sure": their check-in and every record of it are deleted."""
    if (checkin := await own_checkin(turn, pressed.checkin_id, gone=common.ALREADY_DONE)) is None:
        return
    await answered_by_this(turn, checkin)
    if checkin.tell is Tell.BUDDY and checkin.buddy_id is not None:
        await tell_old_buddy(turn, checkin, common.BUDDY_CHECKINS_STOPPED)
    await turn.store.checkins.delete(checkin.id)
    turn.reply(texts.CHECKIN_STOPPED)


async def invite_again(turn: Turn, pressed: InviteAgain) -> None:
    if (checkin := await own_checkin(turn, pressed.checkin_id)) is None:
        return
    if checkin.tell is not Tell.BUDDY or checkin.buddy_id is not None:
        turn.answer(common.ALREADY_DONE)
        return
    await buddies.send_invitation(turn, checkin)
