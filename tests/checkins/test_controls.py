"""Change, pause (a day, a week, until I say) and stop: one tap each, any time."""

from datetime import timedelta

from handlers.checkins import texts as checkins_texts
from handlers.kernel import texts
from tests.checkins.helpers import last, local, run_until, set_up, snapshot, to, with_buddy
from tests.kit import StreetKit, only


async def _summary(street: StreetKit, who: str = "rosa"):  # type: ignore[no-untyped-def]
    return only(await street.tell(who, "/checkin"))


async def test_checkin_shows_what_is_set_up_with_one_tap_controls(street: StreetKit) -> None:
    await with_buddy(street)
    summary = await _summary(street)
    assert summary.text.splitlines() == [
        "💛 Your check-in: every day at 10:00.",
        "If you don't answer, I'll let Sam know after 3 hours — never the group.",
        "Next one: today at 10:00.",
    ]
    labels = [c.label.key for c in summary.choices]
    assert labels == [checkins_texts.BUTTON_CHANGE, checkins_texts.BUTTON_PAUSE_DAY, checkins_texts.BUTTON_PAUSE_WEEK,
                      checkins_texts.BUTTON_PAUSE_UNTIL_SAY, checkins_texts.BUTTON_STOP_CHECKINS]


async def test_stop_is_one_tap_forgets_everything_and_thanks_the_buddy(street: StreetKit) -> None:
    await with_buddy(street)
    await run_until(street, local("2026-03-02 10:00"))
    assert await street.count("checkin_occurrences") == 1
    stop = (await _summary(street)).payload("Stop")
    sent = await street.press("rosa", stop)
    assert last(sent, "rosa", checkins_texts.CHECKIN_STOPPED)
    assert last(sent, "sam", texts.BUDDY_CHECKINS_STOPPED).text.startswith("Rosa has stopped their check-ins")
    assert await street.count("checkins") == 0 and await street.count("checkin_occurrences") == 0
    assert only(await street.press("rosa", stop)).key == texts.ALREADY_DONE
    assert await run_until(street, local("2026-03-05 12:00")) == []


async def test_pause_a_day_skips_the_next_one(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    sent = await street.press("rosa", (await _summary(street)).payload("Pause a day"))
    paused = only(sent)
    assert paused.text == "⏸ Paused — the next one is tomorrow at 10:00."
    assert paused.payload("Start again").startswith("cr:")
    sent = await run_until(street, local("2026-03-03 09:59"))
    assert to(sent, "rosa", checkins_texts.CHECKIN_HELLO) == []
    sent = await run_until(street, local("2026-03-03 10:00"))
    assert len(to(sent, "rosa", checkins_texts.CHECKIN_HELLO)) == 1
    assert "Next one: tomorrow at 10:00." in (await _summary(street)).text  # the pause is over by itself


async def test_pause_a_week_then_start_again(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    sent = await street.press("rosa", (await _summary(street)).payload("Pause a week"))
    assert only(sent).text == "⏸ Paused — the next one is on Monday 9 March at 10:00."
    summary = await _summary(street)
    assert "⏸ Paused — the next one is on Monday 9 March at 10:00." in summary.text
    assert [c.label.key for c in summary.choices][0] == checkins_texts.BUTTON_RESUME
    sent = await run_until(street, local("2026-03-04 09:00"))
    assert to(sent, "rosa", checkins_texts.CHECKIN_HELLO) == []
    sent = await street.press("rosa", summary.payload("Start again"))
    assert only(sent).text == "▶️ Back on — the next one is today at 10:00."
    assert only(await street.press("rosa", summary.payload("Start again"))).key == texts.ALREADY_DONE
    sent = await run_until(street, local("2026-03-04 10:00"))
    assert len(to(sent, "rosa", checkins_texts.CHECKIN_HELLO)) == 1


async def test_pause_until_i_say(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    summary = await _summary(street)
    sent = await street.press("rosa", summary.payload("until I say"))
    assert only(sent).key == checkins_texts.CHECKIN_PAUSED_UNTIL_SAY
    assert only(await street.press("rosa", summary.payload("until I say"))).key == texts.ALREADY_DONE
    assert await street.core.next_due() is None or await street.core.next_due() > local("2026-04-01 00:00")
    sent = await run_until(street, local("2026-03-20 12:00"))
    assert to(sent, "rosa", checkins_texts.CHECKIN_HELLO) == []
    assert "Paused until you say." in (await _summary(street)).text
    await street.press("rosa", (await _summary(street)).payload("Start again"))
    sent = await run_until(street, local("2026-03-21 10:00"))
    assert len(to(sent, "rosa", checkins_texts.CHECKIN_HELLO)) == 1


async def test_change_goes_through_the_set_up_again_and_can_keep_the_buddy(street: StreetKit) -> None:
    await with_buddy(street)
    sent = await street.press("rosa", (await _summary(street)).payload("Change"))
    assert only(sent).key == checkins_texts.CHECKIN_HOW_OFTEN
    sent = await street.press("rosa", only(sent).payload("Weekdays"))
    sent = await street.tell("rosa", "11:15")
    who = only(sent)
    sent = await street.press("rosa", who.payload("🤝 Sam, as now"))
    sent = await street.press("rosa", only(sent).payload("6 hours"))
    summary = only(sent)
    assert "on weekdays at 11:15" in summary.text and "let Sam know after 6 hours" in summary.text
    assert to(sent, "sam") == []  # still the buddy, nothing to say


async def test_changing_to_the_organisers_lets_the_buddy_go(street: StreetKit) -> None:
    await with_buddy(street)
    sent = await street.press("rosa", (await _summary(street)).payload("Change"))
    sent = await street.press("rosa", only(sent).payload("Every day"))
    sent = await street.press("rosa", only(sent).payload("10:00"))
    sent = await street.press("rosa", only(to(sent, "rosa")).payload("organisers"))
    sent = await street.press("rosa", only(sent).payload("1 hour"))
    assert last(sent, "sam", checkins_texts.BUDDY_NOT_NEEDED)
    checkin = await street.store.checkins.of_neighbour((await street.store.neighbours.find("test", "rosa")).id)
    assert checkin is not None and checkin.buddy_id is None


async def test_only_the_owner_can_use_the_controls(street: StreetKit) -> None:
    await set_up(street, tell="Nobody", wait=None)
    summary = await _summary(street)
    before = await snapshot(street)
    for label in ("Change", "Pause a day", "Pause a week", "until I say", "Stop"):
        assert only(await street.press("sam", summary.payload(label))).key == texts.NOT_FOR_YOU
    assert await street.count("checkins") == 1
    assert await snapshot(street) == before


async def test_pausing_answers_a_waiting_check_in(street: StreetKit) -> None:
    await with_buddy(street)
    await run_until(street, local("2026-03-02 10:00"))
    await street.press("rosa", (await _summary(street)).payload("Pause a day"))
    sent = await run_until(street, local("2026-03-02 20:00"))
    assert to(sent, "rosa", checkins_texts.CHECKIN_REMINDER) == [] and to(sent, "sam") == []
    assert street.clock.now() - local("2026-03-02 10:00") == timedelta(hours=10)
