"""Sentences about the street around a turn: times, days, who's who.

Each is a gettext message id (see handlers/kernel/texts.py).
"""

from handlers.kernel.texts import N_

# Board and my posts
A_STREET = N_("your street")

# Days, months and lists, as said in sentences
MONDAY = N_("Monday")
TUESDAY = N_("Tuesday")
WEDNESDAY = N_("Wednesday")
THURSDAY = N_("Thursday")
FRIDAY = N_("Friday")
SATURDAY = N_("Saturday")
SUNDAY = N_("Sunday")
JANUARY = N_("January")
FEBRUARY = N_("February")
MARCH = N_("March")
APRIL = N_("April")
MAY = N_("May")
JUNE = N_("June")
JULY = N_("July")
AUGUST = N_("August")
SEPTEMBER = N_("September")
OCTOBER = N_("October")
NOVEMBER = N_("November")
DECEMBER = N_("December")
DAY_OF_MONTH = N_("{day} {month}")
TWO_THINGS = N_("{first} and {second}")
LIST_OF_THINGS = N_("{first}, {rest}")
