"""No answer: a private note to the buddy, then (if nobody says they're checking) to the street's
organisers — never the group. And when the neighbour does reply, whoever was told hears all is well.

Like a check-in itself, a note is marked with the run of the bot sending it until its send receipt
comes back; one left marked by a run that stopped is sent again (see `due`), so a crash can repeat a
note but never lose one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from handlers.checkins import texts, wording
from handlers.checkins.street import Rules, rules_for
from handlers.kernel import texts as common
from handlers.kernel.checkin_records import Checkin, Occurrence, Stage, Tell
from handlers.kernel.domain import Street
from handlers.kernel.messages import Choice, Msg, Outgoing, Person, SendResult, ToPerson, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Effects, Services, Turn
from handlers.street.people import person, street_name

log = logging.getLogger(__name__)

ORGANISERS_TOLD_AT_MOST = 5


class Acknowledgement(StrEnum):
    CHECKING = "go"
    FINE = "fine"


@dataclass(frozen=True)
class Acknowledge(Payload, code="ck"):
    occurrence_id: int
    acknowledgement: Acknowledgement


@dataclass(frozen=True)
class BuddyTold(Payload, code="cb"):  # send receipt of the note to the buddy
    occurrence_id: int


@dataclass(frozen=True)
class OrganisersTold(Payload, code="cg"):  # send receipt of the last note to the organisers
    occurrence_id: int


def its_neighbour(checkin: Checkin) -> tuple[int]:
    """Who owns a check-in: the neighbour it checks in with."""
    return (checkin.neighbour_id,)


def private(to: Person, text: Msg, choices: tuple[Choice, ...] = (), *, receipt: str | None = None) -> Outgoing:
    """A check-in message: private, now or never — it never waits for later or shows in the group.
    It goes out in the recipient's own language (worked out when it is sent)."""
    return Outgoing(ToPerson(to), text, choices, receipt=receipt, hold_if_unreachable=False)


def ack_choices(occurrence_id: int) -> tuple[Choice, ...]:
    return (
        Choice(msg(texts.BUTTON_ILL_CHECK), Acknowledge(occurrence_id, Acknowledgement.CHECKING).pack()),
        Choice(msg(texts.BUTTON_THEYRE_FINE), Acknowledge(occurrence_id, Acknowledgement.FINE).pack()),
    )


async def organisers_of(services: Services, street: Street, leave_out: set[int | None]) -> list[Person]:
    """The street's organisers, asked live of the platform, leaving out the neighbour and their buddy."""
    found = []
    for user_id in await services.organisers.organisers_of(street):
        neighbour = await services.store.neighbours.find(street.platform, user_id)
        if neighbour is not None and neighbour.id in leave_out:
            continue
        found.append(Person(street.platform, user_id))
        if len(found) == ORGANISERS_TOLD_AT_MOST:
            break
    return found


def _due_time(occurrence: Occurrence, rules: Rules) -> str:
    return wording.clock(occurrence.due_at.astimezone(rules.zone).time())


async def escalate(services: Services, effects: Effects, checkin: Checkin, occurrence: Occurrence, now: datetime,
                   rules: Rules) -> None:
    """The wait is over and no answer came: tell whoever they chose."""
    store = services.store
    buddy = await person(store, checkin.buddy_id) if checkin.tell is Tell.BUDDY else None
    owner = await person(store, checkin.neighbour_id)
    if buddy is not None and owner is not None:
        text = msg(texts.BUDDY_NO_ANSWER, person=owner, time=_due_time(occurrence, rules),
                   delay=wording.delay(checkin.escalate_after))
        effects.add(private(buddy, text, ack_choices(occurrence.id),
                            receipt=BuddyTold(occurrence.id).pack()))
        # The organisers' turn counts from when the note really went out (the receipt moves it).
        step = rules.settings.next_allowed(now + checkin.escalate_after)
        await store.checkins.save_occurrence(occurrence.told_buddy(now, step, services.run_id))
        log.info("checkin escalated occurrence=%s to=buddy", occurrence.id)
    elif checkin.tell is Tell.ORGANISERS and owner is not None:
        told = await _tell_organisers(services, effects, checkin, occurrence, owner, rules)
        await store.checkins.save_occurrence(occurrence.told_organisers(now, services.run_id if told else None))
        log.info("checkin escalated occurrence=%s to=organisers count=%s", occurrence.id, told)
    else:
        await store.checkins.save_occurrence(occurrence.nobody_to_tell())


async def to_organisers(services: Services, effects: Effects, checkin: Checkin, occurrence: Occurrence,
                        now: datetime, rules: Rules) -> None:
    """The buddy didn't say they're checking (or couldn't be reached): the organisers are next."""
    owner = await person(services.store, checkin.neighbour_id)
    told = await _tell_organisers(services, effects, checkin, occurrence, owner, rules) if owner else 0
    await services.store.checkins.save_occurrence(occurrence.told_organisers(now, services.run_id if told else None))
    log.info("checkin escalated occurrence=%s to=organisers count=%s", occurrence.id, told)


async def _tell_organisers(services: Services, effects: Effects, checkin: Checkin, occurrence: Occurrence,
                           owner: Person, rules: Rules) -> int:
    street = await services.store.streets.get(checkin.street_id)
    if street is None:
        return 0
    organisers = await organisers_of(services, street, {checkin.neighbour_id, checkin.buddy_id})
    text = msg(texts.ORGANISERS_NO_ANSWER, person=owner, street=street_name(street), time=_due_time(occurrence, rules))
    for index, organiser in enumerate(organisers, start=1):
        receipt = OrganisersTold(occurrence.id).pack() if index == len(organisers) else None
        effects.add(private(organiser, text, ack_choices(occurrence.id), receipt=receipt))
    return len(organisers)


async def buddy_told(services: Services, effects: Effects, receipt: BuddyTold, result: SendResult, now: datetime) -> None:
    """Receipt of the buddy's note: the organisers' wait starts now — or at once, if it didn't arrive."""
    occurrence = await services.store.checkins.occurrence(receipt.occurrence_id)
    if occurrence is None or occurrence.stage is not Stage.BUDDY:
        return
    checkin = await services.store.checkins.get(occurrence.checkin_id)
    if checkin is None:
        return
    rules = await rules_for(services, checkin.street_id)
    if result.sent:
        step = rules.settings.next_allowed(now + checkin.escalate_after)
        await services.store.checkins.save_occurrence(occurrence.buddy_note_sent(now, step))
        effects.wake(step)
    else:
        await to_organisers(services, effects, checkin, occurrence, now, rules)


async def organisers_told(services: Services, effects: Effects, receipt: OrganisersTold, result: SendResult,
                          now: datetime) -> None:
    """Receipt of the last note to the organisers: all of them went out (or were tried)."""
    occurrence = await services.store.checkins.occurrence(receipt.occurrence_id)
    if occurrence is not None and occurrence.sender is not None:
        await services.store.checkins.save_occurrence(occurrence.organisers_notes_sent())


async def note_answer(services: Services, effects: Effects, checkin: Checkin, occurrence: Occurrence,
                      now: datetime) -> None:
    """They replied (or changed, paused or stopped their check-ins): no more waiting, and anyone
    already told about this one hears that all is well."""
    store = services.store
    await store.checkins.save_occurrence(occurrence.answered())
    owner = await person(store, checkin.neighbour_id)
    if owner is None or occurrence.escalated_at is None:
        return
    told: list[Person] = []
    if checkin.tell is Tell.BUDDY and (buddy := await person(store, checkin.buddy_id)) is not None:
        told.append(buddy)
    if occurrence.organisers_at is not None and (street := await store.streets.get(checkin.street_id)) is not None:
        told += await organisers_of(services, street, {checkin.neighbour_id, checkin.buddy_id})
    for someone in told:
        effects.add(private(someone, msg(texts.ALL_CLEAR, person=owner)))


async def occurrence_of_press(turn: Turn, occurrence_id: int, gone: str) -> tuple[Occurrence, Checkin] | None:
    """The check-in occurrence a button is about, and its check-in; a kind word (`gone`) if either has gone."""
    occurrence = await turn.store.checkins.occurrence(occurrence_id)
    checkin = await turn.store.checkins.get(occurrence.checkin_id) if occurrence else None
    if occurrence is None or checkin is None:
        turn.answer(gone)
        return None
    return occurrence, checkin


async def acknowledge(turn: Turn, pressed: Acknowledge) -> None:
    """"I'll check on them" / "They're fine, I know": nobody else is bothered about this one."""
    found = await occurrence_of_press(turn, pressed.occurrence_id, common.BUTTON_EXPIRED)
    if found is None:
        return
    occurrence, checkin = found
    store = turn.store
    if not await _may_acknowledge(turn, checkin, occurrence):
        turn.answer(common.NOT_FOR_YOU)
        return
    if occurrence.stage is Stage.ACKNOWLEDGED:
        turn.answer(texts.ACK_ALREADY)
        return
    if occurrence.stage is Stage.ANSWERED:
        turn.answer(texts.ACK_ANSWERED)
        return
    if occurrence.stage not in (Stage.BUDDY, Stage.ORGANISERS):
        turn.answer(common.BUTTON_EXPIRED)
        return
    await store.checkins.save_occurrence(occurrence.acknowledged())
    log.info("checkin acknowledged occurrence=%s", occurrence.id)
    turn.reply(texts.ACK_CHECKING if pressed.acknowledgement is Acknowledgement.CHECKING else texts.ACK_FINE)


async def _may_acknowledge(turn: Turn, checkin: Checkin, occurrence: Occurrence) -> bool:
    """The buddy, or — once they were told — one of the street's organisers (asked live)."""
    if turn.neighbour.id == checkin.neighbour_id:
        return False
    if checkin.buddy_id == turn.neighbour.id:
        return True
    if occurrence.organisers_at is None:
        return False
    street = await turn.store.streets.get(checkin.street_id)
    return street is not None and street.platform == turn.neighbour.platform and \
        await turn.services.organisers.is_organiser(street, turn.neighbour.user_id)
