"""Street reminders: read kindly from how organisers say them, posted in the group at the street's
local time on both sides of a daylight-saving change, and paused, resumed or deleted in one tap."""

from datetime import datetime, time, timedelta, timezone

import pytest

from handlers.kernel import texts
from handlers.organisers import texts as organisers_texts
from handlers.organisers.reminder_words import Schedule, parse_reminder
from handlers.posts import texts as posts_texts
from tests.kit import StreetKit, only
from tests.organisers.helpers import answers, in_group, private_to

UTC = timezone.utc


@pytest.mark.parametrize(
    ("line", "schedule", "body"),
    [
        ("every thursday 19:00 Blue bin out tonight", Schedule(frozenset({3}), 1, time(19)), "Blue bin out tonight"),
        ("Every Thursday at 7pm: Blue bin", Schedule(frozenset({3}), 1, time(19)), "Blue bin"),
        ("every other tuesday 7:30 pm Green bin", Schedule(frozenset({1}), 2, time(19, 30)), "Green bin"),
        ("fortnightly on fri 18.00 Garden waste", Schedule(frozenset({4}), 2, time(18)), "Garden waste"),
        ("every monday and thursday 08:30 Recycling", Schedule(frozenset({0, 3}), 1, time(8, 30)), "Recycling"),
        ("every mon, wed, fri 10am Coffee at no. 12", Schedule(frozenset({0, 2, 4}), 1, time(10)), "Coffee at no. 12"),
        ("every weekday 8am School crossing", Schedule(frozenset(range(5)), 1, time(8)), "School crossing"),
        ("daily 21:00 Lock the garden gate", Schedule(frozenset(range(7)), 1, time(21)), "Lock the garden gate"),
        ("every day at 12am Midnight", Schedule(frozenset(range(7)), 1, time(0)), "Midnight"),
    ],
)
def test_reading_reminders(line: str, schedule: Schedule, body: str) -> None:
    assert parse_reminder(line) == (schedule, body)


@pytest.mark.parametrize(
    ("line", "schedule", "body"),
    [
        ("co czwartek 19:00 Dziś wystawiamy niebieski kosz", Schedule(frozenset({3}), 1, time(19)),
         "Dziś wystawiamy niebieski kosz"),
        ("co drugi wtorek o 19:30 Zielony kosz", Schedule(frozenset({1}), 2, time(19, 30)), "Zielony kosz"),
        ("co dwa tygodnie w piątek 18.00 Odpady zielone", Schedule(frozenset({4}), 2, time(18)), "Odpady zielone"),
        ("w każdy poniedziałek i czwartek o godz. 8:30 Segregacja", Schedule(frozenset({0, 3}), 1, time(8, 30)),
         "Segregacja"),
        ("w czwartki 19:00 Kosze", Schedule(frozenset({3}), 1, time(19)), "Kosze"),
        ("w dni powszednie 8:00 Przejście dla dzieci", Schedule(frozenset(range(5)), 1, time(8)), "Przejście dla dzieci"),
        ("codziennie o 21:00 Zamknąć furtkę", Schedule(frozenset(range(7)), 1, time(21)), "Zamknąć furtkę"),
        ("în fiecare joi 19:00 Diseară scoatem pubela albastră", Schedule(frozenset({3}), 1, time(19)),
         "Diseară scoatem pubela albastră"),
        ("joia la 19:00 Pubela", Schedule(frozenset({3}), 1, time(19)), "Pubela"),
        ("o dată la două săptămâni, marți, la 18:00 Deșeuri verzi", Schedule(frozenset({1}), 2, time(18)),
         "Deșeuri verzi"),
        ("în fiecare luni și joi la 8:30 Reciclare", Schedule(frozenset({0, 3}), 1, time(8, 30)), "Reciclare"),
        ("în zilele lucrătoare la 8:00 Trecerea", Schedule(frozenset(range(5)), 1, time(8)), "Trecerea"),
        ("zilnic 21:00 Încuiem poarta", Schedule(frozenset(range(7)), 1, time(21)), "Încuiem poarta"),
    ],
)
def test_reading_reminders_in_polish_and_romanian(line: str, schedule: Schedule, body: str) -> None:
    assert parse_reminder(line) == (schedule, body)


@pytest.mark.parametrize(
    "line",
    ["", "blue bin thursday", "every thursday Blue bin", "every thursday 19:00", "every 19:00 bins",
     "every thursday 7 bins", "every thursday 25:00 bins", "every other mon and thu 9:00 bins", "every 🗑 19:00 x",
     "kosz w czwartek", "co czwartek Kosze", "w 19:00 kosze", "co drugi poniedziałek i czwartek 9:00 x",
     "în fiecare joi Pubela", "cândva 19:00 x"],
)
def test_lines_that_dont_say_when_or_what(line: str) -> None:
    assert parse_reminder(line) is None


async def test_a_bad_line_gets_an_example_and_nothing_is_kept(street: StreetKit) -> None:
    for line in ("/remind", "/remind blue bin thursday", "/remind every thursday 19:00 " + "x" * 400,
                 "/remind every thursday 19:00 \x1b[31m"):
        reply = only(await street.say("olga", line))
        assert reply.key in (organisers_texts.REMIND_EXAMPLE, posts_texts.TOO_LONG, texts.CONTROL_CHARACTERS, texts.NO_WORDS), line
        if reply.key == organisers_texts.REMIND_EXAMPLE:
            assert "/remind every thursday 19:00 Blue bin out tonight" in reply.text
    assert await street.count("reminders") == 0


async def _posts_between(street: StreetKit, start: datetime, end: datetime) -> list[tuple[datetime, str]]:
    """Run the street from `start` to `end` the way the scheduler would; what the group got, and when."""
    street.clock.move_to(start)
    posted = []
    for _ in range(1000):
        due = await street.core.next_due()
        if due is None or due > end:
            break
        street.clock.move_to(max(due, street.clock.now()))
        posted += [(street.clock.now(), s.text) for s in in_group(await street.wait(timedelta(0)))]
    street.clock.move_to(end)
    return posted


async def test_thursday_at_seven_across_the_march_change(street: StreetKit) -> None:
    street.clock.move_to(datetime(2026, 3, 23, 12, 0, tzinfo=UTC))
    added = only(await street.say("olga", "/remind every thursday 19:00 Blue bin out tonight"))
    assert added.text == ("🔔 Done — I'll post “Blue bin out tonight” in Elm Street's group every Thursday at 19:00. "
                          "The first one is on 26 March at 19:00. /reminders lists them.")
    posted = await _posts_between(street, street.clock.now(), datetime(2026, 4, 10, tzinfo=UTC))
    assert posted == [
        (datetime(2026, 3, 26, 19, 0, tzinfo=UTC), "🔔 Blue bin out tonight"),  # GMT
        (datetime(2026, 4, 2, 18, 0, tzinfo=UTC), "🔔 Blue bin out tonight"),  # BST: 19:00 local
        (datetime(2026, 4, 9, 18, 0, tzinfo=UTC), "🔔 Blue bin out tonight"),
    ]


async def test_thursday_at_seven_across_the_october_change(street: StreetKit) -> None:
    street.clock.move_to(datetime(2026, 10, 19, 12, 0, tzinfo=UTC))
    await street.say("olga", "/remind every thursday 19:00 Blue bin out tonight")
    posted = await _posts_between(street, street.clock.now(), datetime(2026, 11, 1, tzinfo=UTC))
    assert [moment for moment, _ in posted] == [
        datetime(2026, 10, 22, 18, 0, tzinfo=UTC), datetime(2026, 10, 29, 19, 0, tzinfo=UTC),
    ]


async def test_times_the_clocks_skip_or_repeat_come_once(street: StreetKit) -> None:
    street.clock.move_to(datetime(2026, 3, 23, 12, 0, tzinfo=UTC))
    await street.say("olga", "/remind every sunday 01:30 Night bus timetable changes")
    spring = await _posts_between(street, street.clock.now(), datetime(2026, 4, 1, tzinfo=UTC))
    # 01:30 doesn't exist in London on 29 March: it comes at 02:30 BST, once.
    assert [moment for moment, _ in spring] == [datetime(2026, 3, 29, 1, 30, tzinfo=UTC)]
    autumn = await _posts_between(street, datetime(2026, 10, 20, tzinfo=UTC), datetime(2026, 10, 27, tzinfo=UTC))
    # 01:30 happens twice on 25 October: posted at the first, not again an hour later.
    assert [moment for moment, _ in autumn] == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]


async def test_every_other_week_keeps_its_rhythm_through_a_pause(street: StreetKit) -> None:
    await street.say("olga", "/remind every other tuesday 7pm Green bin")
    posted = await _posts_between(street, street.clock.now(), datetime(2026, 3, 18, tzinfo=UTC))
    assert [moment for moment, _ in posted] == [datetime(2026, 3, 3, 19, 0, tzinfo=UTC), datetime(2026, 3, 17, 19, 0, tzinfo=UTC)]
    listed = (await street.tell("olga", "/reminders"))[-1]
    await street.press("olga", listed.payload("Pause"))
    assert await _posts_between(street, street.clock.now(), datetime(2026, 4, 20, tzinfo=UTC)) == []
    resumed = only(await street.press("olga", listed.payload("Pause").replace("olz:", "olr:")))
    assert resumed.text == "▶️ Back on: “Green bin” — next on 28 April at 19:00."


async def test_list_pause_resume_and_delete(street: StreetKit) -> None:
    await street.say("olga", "/remind every weekday 8am School crossing on duty")
    await street.say("olga", "/remind every day 21:00 Lock the garden gate")
    header, first, second = await street.tell("olga", "/reminders")
    assert header.text == "🔔 Reminders on Elm Street:"
    assert first.text == "every weekday at 08:00: “School crossing on duty”"
    assert second.text == "every day at 21:00: “Lock the garden gate”"
    paused = only(await street.press("olga", first.payload("Pause")))
    assert paused.key == organisers_texts.REMINDER_PAUSED
    assert answers(await street.press("olga", first.payload("Pause"))) == [texts.ALREADY_DONE]
    listed = await street.tell("olga", "/reminders")
    assert listed[1].text.startswith("⏸ Paused") and listed[1].payload("Resume")
    posted = await _posts_between(street, street.clock.now(), datetime(2026, 3, 4, 12, 0, tzinfo=UTC))
    assert [text for _, text in posted] == ["🔔 Lock the garden gate", "🔔 Lock the garden gate"]
    assert only(await street.press("olga", second.payload("Delete"))).key == organisers_texts.REMINDER_DELETED
    assert answers(await street.press("olga", second.payload("Delete"))) == [organisers_texts.REMINDER_GONE]
    assert await street.count("reminders") == 1


async def test_one_missed_by_hours_is_skipped_not_posted_late(street: StreetKit) -> None:
    await street.say("olga", "/remind every monday 19:00 Bins out")
    street.clock.move_to(datetime(2026, 3, 2, 19, 45, tzinfo=UTC))  # 45 minutes late: still useful
    assert [s.text for s in in_group(await street.wait(timedelta(0)))] == ["🔔 Bins out"]
    street.clock.move_to(datetime(2026, 3, 10, 7, 0, tzinfo=UTC))  # the bot was down all Monday evening
    assert in_group(await street.wait(timedelta(0))) == []
    assert await street.store.reminders.next_at() == datetime(2026, 3, 16, 19, 0, tzinfo=UTC)


async def test_a_street_has_a_limited_number(street: StreetKit) -> None:
    for number in range(20):
        await street.say("olga", f"/remind every day 09:{number:02d} Reminder number {number}")
    assert only(await street.say("olga", "/remind every day 10:00 One too many")).key == organisers_texts.REMINDERS_FULL
    assert await street.count("reminders") == 20
    assert private_to(await street.say("olga", "/reminders"), "olga")[0].key == organisers_texts.REMINDERS_HEADER
