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
    router.action(setup.PICK_STREET, setup.picked_street)
    router.action(setup.HOW_OFTEN, setup.how_often)
    router.action(setup.PICK_DAY, setup.picked_day)
    router.action(setup.PICK_TIME, setup.picked_time)
    router.action(setup.PICK_WHO, setup.picked_who)
    router.action(setup.PICK_WAIT, setup.picked_wait)
    router.action(setup.CANCEL, setup.cancelled)
    router.action(controls.CHANGE, setup.change)
    router.action(controls.PAUSE, controls.pause)
    router.action(controls.RESUME, controls.resume)
    router.action(controls.STOP, controls.stop)
    router.action(controls.INVITE, controls.invite_again)
    router.action(buddy.ANSWER, buddy.answer_invitation)
    router.action(buddy.STEP_DOWN, buddy.step_down)
    router.action(answers.ANSWER, answers.answer)
    router.action(answers.CHAT_ASK, answers.chat_ask)
    router.action(escalation.ACKNOWLEDGE, escalation.acknowledge)
    router.flow(setup.FLOW, setup.on_text)
    router.due("checkins", due.run_due, due.next_due)
    router.receipt(due.SENT, due.checkin_sent)
    router.receipt(escalation.BUDDY_TOLD, escalation.buddy_told)
    router.receipt(escalation.ORGANISERS_TOLD, escalation.organisers_told)
