"""Check-in work on the bot's own initiative: sending each check-in when it falls due, one gentle
reminder half-way through the wait, then telling the buddy or the organisers.

The database is the source of truth. A check-in falling due becomes an occurrence and the check-in
moves on to its next time, in one transaction; the message goes out after it, and its send receipt
records when it really went out (every wait counts from then, so a long queue never looks like
silence) or that it couldn't be delivered (never counted as no answer). An occurrence still marked
as being sent by a run of the bot that has stopped is sent again: at most one duplicate per crash."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.checkins import texts
from handlers.checkins.answers import answer_choices
from handlers.checkins.escalation import escalate, private, to_organisers
from handlers.checkins.street import Rules, rules_for
from handlers.kernel.checkin_records import Checkin, Occurrence, Stage, Tell
from handlers.kernel.messages import SendResult, msg
from handlers.kernel.payloads import Payload
from handlers.kernel.turn import Effects, Services
from handlers.street.people import person

log = logging.getLogger(__name__)

JUST_AFTER = timedelta(seconds=1)
# A reminder or note found later than this was due while the bot was down (or busy): answers sent
# meanwhile may still be on their way from the platform, so it waits this long again first.
SETTLE = timedelta(minutes=5)
# Check-ins started per run: a big fan-out goes out in batches, each a short transaction, so neighbours
# pressing buttons meanwhile aren't kept waiting; the next batch is due at once (in due order).
BATCH = 500


@dataclass(frozen=True)
class CheckinSent(Payload, code="ci"):  # send receipt of a check-in
    occurrence_id: int


class _StreetRules:
    """Street rules looked up once per street within one run (a fan-out touches few streets)."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._known: dict[int, Rules] = {}

    async def of(self, street_id: int) -> Rules:
        if street_id not in self._known:
            self._known[street_id] = await rules_for(self._services, street_id)
        return self._known[street_id]


async def run_due(services: Services, effects: Effects, now: datetime) -> None:
    rules = _StreetRules(services)
    await _left_by_a_stopped_run(services, effects, now, rules)
    await _steps(services, effects, now, rules)
    await _fall_due(services, effects, now, rules)


async def next_due(services: Services) -> datetime | None:
    store = services.store.checkins
    times = [
        await store.next_due_at(),
        await store.next_step_at(),
        await store.next_left_sending_at(services.run_id),
    ]
    found = [moment for moment in times if moment is not None]
    return min(found) if found else None


async def _hello(services: Services, effects: Effects, checkin: Checkin, occurrence: Occurrence, rules: Rules) -> None:
    owner = await person(services.store, checkin.neighbour_id)
    if owner is None:
        return
    effects.add(private(owner, msg(texts.CHECKIN_HELLO, who=owner), answer_choices(occurrence.id), receipt=CheckinSent(occurrence.id).pack()))


async def _fall_due(services: Services, effects: Effects, now: datetime, rules: _StreetRules) -> None:
    """Every check-in whose time has come, longest due first."""
    store = services.store.checkins
    grace = services.settings.checkin_late_grace
    for checkin in await store.due(now, BATCH):
        street = await rules.of(checkin.street_id)
        due_at = checkin.next_due_at
        assert due_at is not None
        if now - due_at > grace:
            # Fell due while the bot was down, too long ago to be a hello now: skipped, never escalated.
            due_at = street.next_time(checkin, now - grace)
            if due_at is None or due_at > now:
                await store.set_next_due(checkin.id, due_at, now)
                log.info("checkin skipped after downtime checkin=%s", checkin.id)
                continue
        if street.settings.is_quiet(now):
            if street.settings.is_quiet(due_at):  # the quiet hours changed since this time was worked out: the morning, then
                await store.set_next_due(checkin.id, street.settings.next_allowed(now), now)
            else:  # late after downtime, and the quiet hours have begun since: skipped
                await store.set_next_due(checkin.id, street.next_time(checkin, due_at + JUST_AFTER), now)
            continue
        occurrence = await store.add_occurrence(checkin.id, due_at, services.run_id)
        following = street.next_time(checkin, due_at + JUST_AFTER)
        if checkin.paused and not checkin.paused_at(now):
            await store.resume(checkin.id, following, now)
        else:
            await store.set_next_due(checkin.id, following, now)
        await _hello(services, effects, checkin, occurrence, street)


async def _left_by_a_stopped_run(services: Services, effects: Effects, now: datetime, rules: _StreetRules) -> None:
    """Check-ins a run that stopped was sending: sent again if still timely, else let go quietly.
    Notes about no answer it was sending are taken back a step and sent again shortly (answers sent
    while the bot was down may still arrive first)."""
    store = services.store.checkins
    for occurrence in await store.left_sending(services.run_id):
        checkin = await store.get(occurrence.checkin_id)
        if checkin is None:
            continue
        if occurrence.stage is not Stage.SENDING:
            await store.save_occurrence(occurrence.taken_back(checkin.tell, now + SETTLE))
            log.info("checkin note to be sent again after a restart occurrence=%s", occurrence.id)
            continue
        street = await rules.of(checkin.street_id)
        if now - occurrence.due_at > services.settings.checkin_late_grace or street.settings.is_quiet(now):
            await store.save_occurrence(occurrence.missed())
            log.info("checkin let go after downtime occurrence=%s", occurrence.id)
            continue
        await store.save_occurrence(occurrence.sent_again_by(services.run_id))
        log.info("checkin sent again after a restart occurrence=%s", occurrence.id)
        await _hello(services, effects, checkin, occurrence, street)


async def _steps(services: Services, effects: Effects, now: datetime, rules: _StreetRules) -> None:
    """Reminders and notes whose time has come."""
    store = services.store.checkins
    for occurrence in await store.steps_due(now):
        checkin = await store.get(occurrence.checkin_id)
        if checkin is None:
            continue
        street = await rules.of(checkin.street_id)
        assert occurrence.step_at is not None
        if now - occurrence.step_at > SETTLE:
            await store.save_occurrence(occurrence.put_off(now + SETTLE))
        elif street.settings.is_quiet(now):
            await store.save_occurrence(occurrence.put_off(street.settings.next_allowed(now)))
        elif occurrence.stage is Stage.WAITING and occurrence.reminded_at is None:
            await _remind(services, effects, checkin, occurrence, now, street)
        elif occurrence.stage is Stage.WAITING:
            await escalate(services, effects, checkin, occurrence, now, street)
        elif occurrence.stage is Stage.BUDDY:
            await to_organisers(services, effects, checkin, occurrence, now, street)
        else:
            await store.save_occurrence(occurrence.nothing_next())


async def _remind(services: Services, effects: Effects, checkin: Checkin, occurrence: Occurrence, now: datetime,
                  rules: Rules) -> None:
    """Half-way through the wait, one gentle nudge; whoever they chose hears no sooner than the full
    wait after the hello, and at least half of it after this nudge."""
    owner = await person(services.store, checkin.neighbour_id)
    if owner is not None:
        effects.add(private(owner, msg(texts.CHECKIN_REMINDER), answer_choices(occurrence.id)))
    sent_at = occurrence.sent_at or occurrence.due_at
    wait = checkin.escalate_after
    step = rules.settings.next_allowed(max(sent_at + wait, now + wait / 2))
    await services.store.checkins.save_occurrence(occurrence.reminded(now, step))


async def checkin_sent(services: Services, effects: Effects, receipt: CheckinSent, result: SendResult, now: datetime) -> None:
    """Receipt of a check-in: the wait starts now; one that couldn't be delivered is never "no answer"."""
    store = services.store.checkins
    occurrence = await store.occurrence(receipt.occurrence_id)
    if occurrence is None:
        return
    if occurrence.stage is not Stage.SENDING:  # e.g. answered before this receipt was recorded
        if result.sent and occurrence.sent_at is None:
            await store.save_occurrence(occurrence.sent_after_moving_on(now))
        return
    checkin = await store.get(occurrence.checkin_id)
    if checkin is None:
        return
    rules = await rules_for(services, checkin.street_id)
    if result.sent:
        step = rules.settings.next_allowed(now + checkin.escalate_after / 2)
        await store.save_occurrence(occurrence.sent(now, step))
        effects.wake(step)
        return
    await store.save_occurrence(occurrence.undelivered())
    log.info("checkin undelivered occurrence=%s status=%s", occurrence.id, result.status)
    buddy = await person(services.store, checkin.buddy_id) if checkin.tell is Tell.BUDDY else None
    owner = await person(services.store, checkin.neighbour_id)
    if buddy is not None and owner is not None:
        effects.add(private(buddy, msg(texts.UNDELIVERED_TO_BUDDY, person=owner)))
