"""How a check-in occurrence moves on, on the model alone (no storage): each move named after what
happened, and the moves its stage doesn't allow refused."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Callable

import pytest

from handlers.kernel.checkin_records import Occurrence, Stage, Tell, WrongStage

DUE = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


def sending() -> Occurrence:
    return Occurrence(7, 3, DUE, Stage.SENDING, sender="run-1")


def waiting() -> Occurrence:
    return sending().sent(DUE + MINUTE, DUE + 2 * HOUR)


def test_a_hello_that_goes_out_waits_for_an_answer_from_then() -> None:
    sent = waiting()
    assert (sent.stage, sent.sender, sent.sent_at, sent.step_at) == (Stage.WAITING, None, DUE + MINUTE, DUE + 2 * HOUR)


def test_a_hello_that_never_arrives_is_never_no_answer() -> None:
    lost = sending().undelivered()
    assert (lost.stage, lost.sender, lost.step_at) == (Stage.UNDELIVERED, None, None)
    assert lost.answerable  # it may have arrived after all


def test_a_hello_left_by_a_stopped_run_is_sent_again_or_missed() -> None:
    assert sending().sent_again_by("run-2") == replace(sending(), sender="run-2")
    missed = sending().missed()
    assert (missed.stage, missed.sender) == (Stage.MISSED, None)


def test_a_receipt_after_the_answer_only_notes_when_it_went_out() -> None:
    answered = sending().answered()
    late = answered.sent_after_moving_on(DUE + HOUR)
    assert (late.stage, late.sent_at) == (Stage.ANSWERED, DUE + HOUR)
    assert late.sent_after_moving_on(DUE + 2 * HOUR) == late  # the first receipt's time stands
    with pytest.raises(WrongStage):
        sending().sent_after_moving_on(DUE)


def test_one_reminder_then_the_buddy_then_the_organisers() -> None:
    reminded = waiting().reminded(DUE + HOUR, DUE + 3 * HOUR)
    assert (reminded.reminded_at, reminded.step_at) == (DUE + HOUR, DUE + 3 * HOUR)
    with pytest.raises(WrongStage):
        reminded.reminded(DUE + 2 * HOUR, DUE + 4 * HOUR)  # one reminder, never two
    buddy = reminded.told_buddy(DUE + 3 * HOUR, DUE + 6 * HOUR, "run-1")
    assert (buddy.stage, buddy.escalated_at, buddy.step_at, buddy.sender) == (Stage.BUDDY, DUE + 3 * HOUR, DUE + 6 * HOUR, "run-1")
    arrived = buddy.buddy_note_sent(DUE + 4 * HOUR, DUE + 7 * HOUR)
    assert (arrived.escalated_at, arrived.step_at, arrived.sender) == (DUE + 4 * HOUR, DUE + 7 * HOUR, None)
    organisers = arrived.told_organisers(DUE + 7 * HOUR, "run-1")
    assert (organisers.stage, organisers.escalated_at, organisers.organisers_at, organisers.step_at) == (
        Stage.ORGANISERS, DUE + 4 * HOUR, DUE + 7 * HOUR, None)  # the buddy was told first, and when stands
    assert organisers.organisers_notes_sent().sender is None


def test_organisers_chosen_are_told_straight_after_the_wait() -> None:
    told = waiting().told_organisers(DUE + 3 * HOUR, None)
    assert (told.stage, told.escalated_at, told.organisers_at, told.sender) == (Stage.ORGANISERS, DUE + 3 * HOUR, DUE + 3 * HOUR, None)


def test_nobody_to_tell_closes_it() -> None:
    closed = waiting().nobody_to_tell()
    assert (closed.stage, closed.step_at) == (Stage.CLOSED, None)


def test_a_note_left_by_a_stopped_run_is_taken_back_a_step() -> None:
    buddy = waiting().told_buddy(DUE + 3 * HOUR, DUE + 6 * HOUR, "run-1")
    organisers = buddy.told_organisers(DUE + 6 * HOUR, "run-1")
    again = DUE + 7 * HOUR
    after_buddy = organisers.taken_back(Tell.BUDDY, again)
    assert (after_buddy.stage, after_buddy.organisers_at, after_buddy.escalated_at, after_buddy.step_at, after_buddy.sender) == (
        Stage.BUDDY, None, DUE + 3 * HOUR, again, None)
    for told, tell in ((organisers, Tell.ORGANISERS), (buddy, Tell.BUDDY)):
        back = told.taken_back(tell, again)
        assert (back.stage, back.escalated_at, back.organisers_at, back.step_at, back.sender) == (
            Stage.WAITING, None, None, again, None)
    for untold in (sending(), waiting()):
        with pytest.raises(WrongStage):
            untold.taken_back(Tell.BUDDY, again)


def test_an_answer_settles_it_once() -> None:
    for open_one in (sending(), waiting(), waiting().told_buddy(DUE, DUE, "run-1"), sending().missed()):
        answered = open_one.answered()
        assert (answered.stage, answered.sender, answered.step_at) == (Stage.ANSWERED, None, None)
        with pytest.raises(WrongStage, match="already answered"):
            answered.answered()


def test_only_someone_told_can_acknowledge() -> None:
    told = waiting().told_buddy(DUE, DUE + HOUR, "run-1")
    acknowledged = told.acknowledged()
    assert (acknowledged.stage, acknowledged.step_at, acknowledged.sender) == (Stage.ACKNOWLEDGED, None, None)
    for untold in (waiting(), acknowledged, told.answered()):
        with pytest.raises(WrongStage):
            untold.acknowledged()


@pytest.mark.parametrize(
    ("move", "stages"),
    [
        (lambda o: o.sent(DUE, DUE), {Stage.SENDING}),
        (lambda o: o.undelivered(), {Stage.SENDING}),
        (lambda o: o.missed(), {Stage.SENDING}),
        (lambda o: o.sent_again_by("run-2"), {Stage.SENDING}),
        (lambda o: o.reminded(DUE, DUE), {Stage.WAITING}),
        (lambda o: o.told_buddy(DUE, DUE, "run-1"), {Stage.WAITING}),
        (lambda o: o.buddy_note_sent(DUE, DUE), {Stage.BUDDY}),
        (lambda o: o.told_organisers(DUE, None), {Stage.WAITING, Stage.BUDDY}),
        (lambda o: o.nobody_to_tell(), {Stage.WAITING}),
    ],
)
def test_each_move_only_from_its_stages(move: Callable[[Occurrence], Occurrence], stages: set[Stage]) -> None:
    for stage in Stage:
        occurrence = replace(sending(), stage=stage)
        if stage in stages:
            move(occurrence)
        else:
            with pytest.raises(WrongStage, match=stage.value):
                move(occurrence)


def test_putting_off_only_moves_the_next_step() -> None:
    reminded = waiting().reminded(DUE + HOUR, DUE + 3 * HOUR)
    assert reminded.put_off(DUE + 4 * HOUR) == replace(reminded, step_at=DUE + 4 * HOUR)
    assert reminded.nothing_next() == replace(reminded, step_at=None)
