"""/checkin: a few taps to set one up — how often, what time (the street's local time), who hears
privately if there's no answer, and after how long. With one set up, /checkin shows it (see controls).

The half-finished set-up is a typed guided flow kept in storage, so a restart loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from handlers.checkins import buddy as buddies
from handlers.checkins import controls, texts, timing, wording
from handlers.checkins.street import Rules, rules_for
from handlers.kernel import flows
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import EVERY_DAY, WEEKDAYS, Checkin, Schedule, Tell
from handlers.kernel.flows import Flow, Waiting
from handlers.kernel.messages import Choice, as_is, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Turn
from handlers.street.people import person, street_name


@dataclass
class Setup:
    """A check-in being set up, tap by tap."""

    street_id: int | None = None
    days: int = 0  # a mask of weekdays; 0 with `at` set means just once
    at: int | None = None  # minutes after midnight, the street's local time
    who: str | None = None  # BUDDY, KEEP_BUDDY, ORGANISERS or NOBODY
    wait: int | None = None  # minutes before whoever hears is told


# In the private chat's slot, shared with posting: starting one ends the other.
FLOW = Flow("checkin", Setup, steps=("street", "often", "days", "time", "who", "wait"))

DAILY, ON_WEEKDAYS, SOME_DAYS, ONCE = "daily", "weekdays", "days", "once"
DONE = "done"
BUDDY, KEEP_BUDDY, ORGANISERS, NOBODY = "buddy", "keep", "org", "none"
TIMES_OFFERED = tuple(time(hour) for hour in (8, 9, 10, 11, 12, 14, 16, 18, 20))
WAITS_OFFERED = (timedelta(hours=1), timedelta(hours=3), timedelta(hours=6))


# Set-up buttons carry the owner's neighbour id first, like posting's.
@dataclass(frozen=True)
class PickStreet(Payload, code="cs"):
    owner_id: int
    street_id: int


@dataclass(frozen=True)
class HowOften(Payload, code="co"):
    owner_id: int
    often: str  # DAILY, ON_WEEKDAYS, SOME_DAYS or ONCE


@dataclass(frozen=True)
class PickDay(Payload, code="cd"):
    owner_id: int
    day: str  # 0 (Monday) to 6, or DONE


@dataclass(frozen=True)
class PickTime(Payload, code="ct"):
    owner_id: int
    minute: int  # of the day


@dataclass(frozen=True)
class PickWho(Payload, code="cw"):
    owner_id: int
    who: str  # BUDDY, KEEP_BUDDY, ORGANISERS or NOBODY


@dataclass(frozen=True)
class PickWait(Payload, code="cy"):
    owner_id: int
    minutes: int


@dataclass(frozen=True)
class Cancel(Payload, code="cx"):
    owner_id: int


async def checkin(turn: Turn, text: str) -> None:
    """/checkin: what's set up, with its buttons; or, with nothing yet, the set-up."""
    existing = await turn.store.checkins.of_neighbour(turn.neighbour.id)
    if existing is None:
        await begin(turn, None)
        return
    turn.reply_msg(*await controls.summary(turn, existing))


async def begin(turn: Turn, existing: Checkin | None) -> None:
    streets = await turn.store.streets.of_neighbour(turn.neighbour.id)
    if not streets:
        turn.reply(texts.CHECKIN_NO_STREET)
        return
    state = Setup()
    known = {street.id for street in streets}
    if existing is not None and existing.street_id in known:
        state.street_id = existing.street_id
    elif len(streets) == 1:
        state.street_id = streets[0].id
    else:
        await _save(turn, state, "street")
        owner = turn.neighbour.id
        choices = tuple(Choice(as_is(street_name(s)), PickStreet(owner, s.id).pack()) for s in streets[:8])
        turn.reply(texts.CHECKIN_WHICH_STREET, choices + (_cancel(turn),))
        return
    await _ask_how_often(turn, state)


async def _save(turn: Turn, state: Setup, step: str) -> None:
    await flows.save(turn, FLOW, step, state)


def _cancel(turn: Turn) -> Choice:
    return Choice(msg(common.BUTTON_CANCEL), Cancel(turn.neighbour.id).pack())


async def _state(turn: Turn, owner_id: int, step: str) -> Setup | None:
    """The presser's set-up waiting at `step`, after checking the button is theirs."""
    return await flows.waiting_at(turn, FLOW, step, owner=owner_id)


async def _rules(turn: Turn, state: Setup) -> Rules:
    return await rules_for(turn.services, state.street_id)


async def picked_street(turn: Turn, pressed: PickStreet) -> None:
    if (state := await _state(turn, pressed.owner_id, "street")) is None:
        return
    known = {street.id for street in await turn.store.streets.of_neighbour(turn.neighbour.id)}
    if pressed.street_id not in known:
        turn.answer(common.BUTTON_EXPIRED)
        return
    state.street_id = pressed.street_id
    await _ask_how_often(turn, state)


async def _ask_how_often(turn: Turn, state: Setup) -> None:
    await _save(turn, state, "often")
    owner = turn.neighbour.id
    choices = tuple(
        Choice(msg(label), HowOften(owner, code).pack())
        for label, code in ((texts.BUTTON_EVERY_DAY, DAILY), (texts.BUTTON_WEEKDAYS, ON_WEEKDAYS),
                            (texts.BUTTON_CHOOSE_DAYS, SOME_DAYS), (texts.BUTTON_JUST_ONCE, ONCE))
    )
    turn.reply(texts.CHECKIN_HOW_OFTEN, choices + (_cancel(turn),))


async def how_often(turn: Turn, pressed: HowOften) -> None:
    if (state := await _state(turn, pressed.owner_id, "often")) is None:
        return
    masks = {DAILY: EVERY_DAY, ON_WEEKDAYS: WEEKDAYS, ONCE: 0}
    if pressed.often == SOME_DAYS:
        state.days = 0
        await _save(turn, state, "days")
        turn.reply(texts.CHECKIN_WHICH_DAYS, _day_choices(turn, 0))
    elif pressed.often in masks:
        state.days = masks[pressed.often]
        await _ask_time(turn, state)
    else:
        turn.answer(common.BUTTON_EXPIRED)


def _day_choices(turn: Turn, mask: int) -> tuple[Choice, ...]:
    owner = turn.neighbour.id
    days = []
    for index, name in enumerate(wording.DAY_SHORT):
        label = msg(texts.BUTTON_DAY_CHOSEN, day=msg(name)) if mask >> index & 1 else msg(name)
        days.append(Choice(label, PickDay(owner, str(index)).pack()))
    return (*days, Choice(msg(texts.BUTTON_DAYS_DONE), PickDay(owner, DONE).pack()), _cancel(turn))


async def picked_day(turn: Turn, pressed: PickDay) -> None:
    if (state := await _state(turn, pressed.owner_id, "days")) is None:
        return
    mask = state.days
    if pressed.day == DONE:
        if mask == 0:
            turn.answer(texts.CHECKIN_PICK_A_DAY)
            return
        await _ask_time(turn, state)
        return
    if pressed.day not in ("0", "1", "2", "3", "4", "5", "6"):
        turn.answer(common.BUTTON_EXPIRED)
        return
    mask ^= 1 << int(pressed.day)
    state.days = mask
    await _save(turn, state, "days")
    if mask:
        turn.reply(texts.CHECKIN_DAYS_CHOSEN, _day_choices(turn, mask), days=wording.day_list(mask))
    else:
        turn.reply(texts.CHECKIN_WHICH_DAYS, _day_choices(turn, mask))


async def _ask_time(turn: Turn, state: Setup) -> None:
    await _save(turn, state, "time")
    rules = await _rules(turn, state)
    owner = turn.neighbour.id
    choices = tuple(
        Choice(as_is(wording.clock(at)), PickTime(owner, at.hour * 60 + at.minute).pack())
        for at in TIMES_OFFERED if not rules.settings.is_quiet_time(at)
    )
    turn.reply(texts.CHECKIN_WHAT_TIME, choices + (_cancel(turn),))


async def picked_time(turn: Turn, pressed: PickTime) -> None:
    if (state := await _state(turn, pressed.owner_id, "time")) is None:
        return
    if pressed.minute >= 24 * 60:
        turn.answer(common.BUTTON_EXPIRED)
        return
    minute = pressed.minute
    await _chose_time(turn, state, time(minute // 60, minute % 60))


async def _chose_time(turn: Turn, state: Setup, at: time) -> None:
    quiet = (await _rules(turn, state)).settings
    if quiet.is_quiet_time(at):
        turn.reply(texts.CHECKIN_TIME_QUIET, quiet_from=wording.clock(quiet.quiet_from),
                   quiet_until=wording.clock(quiet.quiet_until))
        return
    state.at = at.hour * 60 + at.minute
    await _save(turn, state, "who")
    existing = await turn.store.checkins.of_neighbour(turn.neighbour.id)
    current = await person(turn.store, existing.buddy_id) if existing and existing.tell is Tell.BUDDY else None
    owner = turn.neighbour.id
    choices = [Choice(msg(texts.BUTTON_KEEP_BUDDY, buddy=current), PickWho(owner, KEEP_BUDDY).pack())] if current else []
    choices += [
        Choice(msg(texts.BUTTON_A_BUDDY), PickWho(owner, BUDDY).pack()),
        Choice(msg(texts.BUTTON_ORGANISERS), PickWho(owner, ORGANISERS).pack()),
        Choice(msg(texts.BUTTON_NOBODY), PickWho(owner, NOBODY).pack()),
        _cancel(turn),
    ]
    turn.reply(texts.CHECKIN_WHO, tuple(choices))


async def on_text(turn: Turn, text: str, waiting: Waiting[Setup]) -> None:
    """Typed words while the set-up waits: the days or the time, if that's what it asked for."""
    step, state = waiting.step, waiting.state
    if step == "time":
        at = timing.parse_clock(text)
        if at is None:
            turn.reply(texts.CHECKIN_TIME_UNREAD)
        else:
            await _chose_time(turn, state, at)
    elif step == "days":
        mask = timing.parse_days(text)
        if mask is None:
            turn.reply(texts.CHECKIN_DAYS_UNREAD)
        else:
            state.days = mask
            await _ask_time(turn, state)
    else:
        turn.reply(texts.CHECKIN_TAP_PLEASE)


async def picked_who(turn: Turn, pressed: PickWho) -> None:
    if (state := await _state(turn, pressed.owner_id, "who")) is None:
        return
    if pressed.who not in (BUDDY, KEEP_BUDDY, ORGANISERS, NOBODY):
        turn.answer(common.BUTTON_EXPIRED)
        return
    state.who = pressed.who
    if pressed.who == NOBODY:
        await _finish(turn, state)
        return
    await _save(turn, state, "wait")
    owner = turn.neighbour.id
    usual = turn.settings.checkin_escalate_after
    waits = sorted({*WAITS_OFFERED, usual})
    choices = tuple(Choice(wording.delay(wait), PickWait(owner, int(wait.total_seconds() // 60)).pack()) for wait in waits)
    turn.reply(texts.CHECKIN_HOW_LONG, choices + (_cancel(turn),))


async def picked_wait(turn: Turn, pressed: PickWait) -> None:
    if (state := await _state(turn, pressed.owner_id, "wait")) is None:
        return
    allowed = {int(wait.total_seconds() // 60) for wait in (*WAITS_OFFERED, turn.settings.checkin_escalate_after)}
    if pressed.minutes not in allowed:
        turn.answer(common.BUTTON_EXPIRED)
        return
    state.wait = pressed.minutes
    await _finish(turn, state)


async def cancelled(turn: Turn, pressed: Cancel) -> None:
    await flows.cancel_pressed(turn, FLOW, pressed.owner_id, texts.CHECKIN_CANCELLED)


async def _finish(turn: Turn, state: Setup) -> None:
    """Save the check-in, say what was set up, and send the buddy invitation if one is needed."""
    store = turn.store
    rules = await _rules(turn, state)
    at = time(state.at // 60, state.at % 60)
    days = int(state.days)
    schedule = Schedule(days, at, timing.once_day(at, rules.zone, turn.now) if days == 0 else None)
    who = state.who
    tell = {BUDDY: Tell.BUDDY, KEEP_BUDDY: Tell.BUDDY, ORGANISERS: Tell.ORGANISERS}.get(who, Tell.NOBODY)
    wait = timedelta(minutes=int(state.wait or turn.settings.checkin_escalate_after.total_seconds() // 60))
    before = await store.checkins.of_neighbour(turn.neighbour.id)
    buddy_id = before.buddy_id if before is not None and who == KEEP_BUDDY else None
    draft = Checkin(0, turn.neighbour.id, state.street_id, schedule, tell, wait, buddy_id)
    next_due = rules.next_time(draft, turn.now)
    saved = await store.checkins.put(
        neighbour_id=turn.neighbour.id, street_id=state.street_id, schedule=schedule, tell=tell,
        escalate_after=wait, buddy_id=buddy_id, next_due_at=next_due, now=turn.now,
    )
    await flows.end(turn, FLOW)
    await controls.answered_by_this(turn, saved)
    if before is not None and before.buddy_id is not None and before.buddy_id != buddy_id:
        await controls.tell_old_buddy(turn, before, texts.BUDDY_NOT_NEEDED)
    text, choices = await controls.summary(turn, saved, head=msg(texts.CHECKIN_SET_UP))
    turn.reply_msg(text, choices)
    if who == BUDDY:
        await buddies.send_invitation(turn, saved)
    if next_due is not None:
        turn.effects.wake(next_due)


async def change(turn: Turn, pressed: controls.Change) -> None:
    if (checkin := await controls.own_checkin(turn, pressed.checkin_id)) is not None:
        await begin(turn, checkin)
