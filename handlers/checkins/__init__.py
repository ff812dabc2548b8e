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
    records     what is stored

Kept import-light on purpose: `handlers.ports` imports `records`."""
