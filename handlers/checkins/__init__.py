"""Gentle check-ins: a short hello at a time a neighbour chose, and, if they don't answer, a quiet
word to someone they chose — never the group.

    setup       /checkin: the guided set-up (how often, what time, who hears, after how long)
    controls    once set up: the summary, and change / pause / start again / stop
    buddy       inviting a neighbour to be told, and their yes, no, or stepping down
    answers     the four answers to a hello
    due         what falls due: sending hellos (in batches), reminders, and send receipts
    escalation  telling the buddy, then the organisers; "I'll check on them"; all is well
    timing      when a check-in next falls, in the street's local time, outside quiet hours
    street      the street's rules a check-in follows (time zone, quiet hours, language)
    wording     how schedules, times and days are said

What is stored about a check-in (and how an occurrence moves on) is the model in
`handlers/kernel/checkin_records.py`, beside the storage ports that need it."""

from handlers.checkins import texts
from handlers.kernel.router import Router, Where


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.checkins import answers, buddy, controls, due, escalation, setup

    router.command("checkin", setup.checkin, Where.PRIVATE, about=texts.ABOUT_CHECKIN)
    router.command("buddy", buddy.buddy_command, Where.PRIVATE)
    router.action(setup.PickStreet, setup.picked_street)
    router.action(setup.HowOften, setup.how_often)
    router.action(setup.PickDay, setup.picked_day)
    router.action(setup.PickTime, setup.picked_time)
    router.action(setup.PickWho, setup.picked_who)
    router.action(setup.PickWait, setup.picked_wait)
    router.action(setup.Cancel, setup.cancelled)
    router.action(controls.Change, setup.change)
    router.action(controls.Pause, controls.pause)
    router.action(controls.Resume, controls.resume)
    router.action(controls.Stop, controls.stop)
    router.action(controls.InviteAgain, controls.invite_again)
    router.action(buddy.AnswerInvitation, buddy.answer_invitation)
    router.action(buddy.StepDown, buddy.step_down)
    router.action(answers.Answer, answers.answer)
    router.action(answers.ChatAsk, answers.chat_ask)
    router.action(escalation.Acknowledge, escalation.acknowledge)
    router.flow(setup.FLOW, setup.on_text)
    router.due("checkins", due.run_due, due.next_due)
    router.receipt(due.CheckinSent, due.checkin_sent)
    router.receipt(escalation.BuddyTold, escalation.buddy_told)
    router.receipt(escalation.OrganisersTold, escalation.organisers_told)
