"""Gentle check-ins: a short hello at a time a neighbour chose, and, if they don't answer, a quiet
word to someone they chose — never the group.

    setup       /checkin: the guided set-up, and change / pause / stop
    buddy       inviting a neighbour to be told, and their yes or no
    due         what falls due: sending check-ins, reminders, telling the buddy or organisers
    answers     the four answers, and acknowledging a note about someone
    timing      when a check-in next falls, in the street's local time, outside quiet hours
    wording     how schedules, times and days are said
    records     what is stored

Kept import-light on purpose: `handlers.ports` imports `records`."""
