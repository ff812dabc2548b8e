"""Once a check-in is set up: what it is, and change, pause (a day, a week, until I say) and stop —
one tap each, any time. Changing, pausing or stopping counts as an answer to a waiting check-in."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from handlers.checkins import buddy as buddies
from handlers.checkins import texts, wording
from handlers.checkins.escalation import note_answer, private
from handlers.checkins.street import Rules, rules_for
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Checkin, Tell
from handlers.kernel.messages import Choice, Msg, lines, msg
from handlers.kernel.router import payload, single_id
from handlers.kernel.turn import Turn
from handlers.street.people import person

# Buttons on the summary carry the check-in's id.
CHANGE = "cc"
PAUSE = "cp"
RESUME = "cr"
STOP = "cz"
INVITE = "cv"
FOR_A_DAY, FOR_A_WEEK, UNTIL_I_SAY = "day", "week", "ever"
PAUSES = {FOR_A_DAY: timedelta(days=1), FOR_A_WEEK: timedelta(days=7), UNTIL_I_SAY: None}


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
    change = Choice(msg(texts.BUTTON_CHANGE), payload(CHANGE, checkin.id))
    stop = Choice(msg(texts.BUTTON_STOP_CHECKINS), payload(STOP, checkin.id))
    if checkin.paused_at(turn.now):
        choices = [Choice(msg(texts.BUTTON_RESUME), payload(RESUME, checkin.id)), change, stop]
    else:
        pauses = [
            Choice(msg(label), payload(PAUSE, checkin.id, code))
            for label, code in ((texts.BUTTON_PAUSE_DAY, FOR_A_DAY), (texts.BUTTON_PAUSE_WEEK, FOR_A_WEEK),
                                (texts.BUTTON_PAUSE_UNTIL_SAY, UNTIL_I_SAY))
        ]
        choices = [change, *pauses, stop]
    if checkin.tell is Tell.BUDDY and checkin.buddy_id is None:
        choices.insert(1, Choice(msg(texts.BUTTON_INVITE_AGAIN), payload(INVITE, checkin.id)))
    return tuple(choices)


async def own_checkin(turn: Turn, fields: list[str], size: int = 1) -> Checkin | None:
    checkin_id = single_id(fields[:1]) if len(fields) == size else None
    if checkin_id is None:
        turn.answer(common.BUTTON_EXPIRED)
        return None
    checkin = await turn.store.checkins.get(checkin_id)
    if checkin is None:
        turn.answer(texts.CHECKIN_NOT_FOUND)
    elif checkin.neighbour_id != turn.neighbour.id:
        turn.answer(common.NOT_FOR_YOU)
    else:
        return checkin
    return None


async def pause(turn: Turn, fields: list[str]) -> None:
    if (checkin := await own_checkin(turn, fields, size=2)) is None:
        return
    if fields[1] not in PAUSES:
        turn.answer(common.BUTTON_EXPIRED)
        return
    if checkin.paused_indefinitely and fields[1] == UNTIL_I_SAY:
        turn.answer(common.ALREADY_DONE)
        return
    length = PAUSES[fields[1]]
    until = None if length is None else turn.now + length
    paused = replace(checkin, paused=True, paused_until=until)
    rules = await rules_for(turn.services, checkin.street_id)
    next_due = rules.next_time(paused, turn.now)
    await turn.store.checkins.pause(checkin.id, until, next_due, turn.now)
    await answered_by_this(turn, checkin)
    resume = (Choice(msg(texts.BUTTON_RESUME), payload(RESUME, checkin.id)),)
    if until is None:
        turn.reply(texts.CHECKIN_PAUSED_UNTIL_SAY, resume)
    elif next_due is None:  # a one-off whose day falls within the pause
        turn.reply(texts.CHECKIN_NONE_LEFT)
    else:
        turn.reply(texts.CHECKIN_PAUSED, resume, when=wording.when_next(next_due, rules.zone, turn.now))


async def resume(turn: Turn, fields: list[str]) -> None:
    if (checkin := await own_checkin(turn, fields)) is None:
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


async def stop(turn: Turn, fields: list[str]) -> None:
    """One tap, no "are you sure": their check-in and every record of it are deleted."""
    checkin_id = single_id(fields)
    checkin = await turn.store.checkins.get(checkin_id) if checkin_id is not None else None
    if checkin is None:
        turn.answer(common.ALREADY_DONE if checkin_id is not None else common.BUTTON_EXPIRED)
        return
    if checkin.neighbour_id != turn.neighbour.id:
        turn.answer(common.NOT_FOR_YOU)
        return
    await answered_by_this(turn, checkin)
    if checkin.tell is Tell.BUDDY and checkin.buddy_id is not None:
        await tell_old_buddy(turn, checkin, common.BUDDY_CHECKINS_STOPPED)
    await turn.store.checkins.delete(checkin.id)
    turn.reply(texts.CHECKIN_STOPPED)


async def invite_again(turn: Turn, fields: list[str]) -> None:
    if (checkin := await own_checkin(turn, fields)) is None:
        return
    if checkin.tell is not Tell.BUDDY or checkin.buddy_id is not None:
        turn.answer(common.ALREADY_DONE)
        return
    await buddies.send_invitation(turn, checkin)
