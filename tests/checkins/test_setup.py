"""Setting up a check-in: a few taps, in private, kept across a restart; bad presses change nothing."""

from datetime import time, timedelta

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.checkins import texts as checkins_texts
from handlers.kernel import texts
from handlers.kernel.checkin_records import EVERY_DAY, Tell
from handlers.kernel.messages import LINES, ToPerson
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.checkins.helpers import invite_and_accept, last, local, only_private, set_up, snapshot, to
from tests.fakes import plain
from tests.kit import StreetKit, only


async def test_a_daily_ten_oclock_check_in_with_a_buddy_takes_four_taps(street: StreetKit) -> None:
    await street.join("rosa")
    await street.join("sam")
    taps = 0
    sent = await street.tell("rosa", "/checkin")
    assert only(sent).key == checkins_texts.CHECKIN_HOW_OFTEN
    for label in ("Every day", "10:00", "A neighbour I choose", "3 hours"):
        sent = await street.press("rosa", only_private(sent, "rosa").payload(label))
        taps += 1
    assert taps == 4
    summary = last(sent, "rosa", LINES)
    assert "every day at 10:00" in summary.text and "once they've said yes" in summary.text
    assert "Next one: today at 10:00." in summary.text
    card = last(sent, "rosa", checkins_texts.INVITE_CARD)
    assert "Rosa would like you as their check-in buddy" in card.text
    # The buddy: one tap to open the forwarded invitation, one to say yes.
    sent = await invite_and_accept(street, sent)
    assert last(sent, "rosa", checkins_texts.BUDDY_YES_FOR_OWNER).text == "💛 Sam is your check-in buddy now."
    assert last(sent, "sam", checkins_texts.BUDDY_YES_THANKS).payload("Stop being").startswith("bq:")
    checkin = await street.store.checkins.of_neighbour((await street.store.neighbours.find("test", "rosa")).id)
    sam = await street.store.neighbours.find("test", "sam")
    assert checkin is not None and sam is not None
    assert checkin.schedule.days == EVERY_DAY and checkin.schedule.at == time(10)
    assert checkin.tell is Tell.BUDDY and checkin.buddy_id == sam.id
    assert checkin.escalate_after == timedelta(hours=3)
    assert checkin.next_due_at == local("2026-03-02 10:00")
    assert street.notifier.group_messages() == []


async def test_typed_time_and_chosen_days(street: StreetKit) -> None:
    await street.join("rosa")
    sent = await street.tell("rosa", "/checkin")
    sent = await street.press("rosa", only(sent).payload("Choose days"))
    days = only(sent)
    sent = await street.press("rosa", days.payload("Done"))
    assert only(sent).key == checkins_texts.CHECKIN_PICK_A_DAY  # nothing chosen yet: nothing moves on
    sent = await street.press("rosa", days.payload("Mon"))
    assert "So far: Mon." in only(sent).text and only(sent).payload("✓ Mon")
    sent = await street.tell("rosa", "tuesdays and thursdays")
    assert only(sent).key == checkins_texts.CHECKIN_WHAT_TIME
    assert only(await street.tell("rosa", "half past nine")).key == checkins_texts.CHECKIN_TIME_UNREAD
    sent = await street.tell("rosa", "9.30am")
    sent = await street.press("rosa", only(sent).payload("Nobody"))
    summary = only(sent)
    assert "on Tue and Thu at 09:30" in summary.text
    assert "one gentle reminder and leave it there" in summary.text
    assert "Next one: tomorrow at 09:30." in summary.text


async def test_times_in_the_quiet_hours_are_not_offered_or_taken(street: StreetKit) -> None:
    await street.join("rosa")
    sent = await street.tell("rosa", "/checkin")
    sent = await street.press("rosa", only(sent).payload("Every day"))
    labels = [plain(c.label) for c in only(sent).choices]
    assert "08:00" in labels and "20:00" in labels and "21:00" not in labels
    refused = only(await street.tell("rosa", "22:15"))
    assert refused.key == checkins_texts.CHECKIN_TIME_QUIET and "21:00–08:00" in refused.text
    assert only(await street.tell("rosa", "7am")).key == checkins_texts.CHECKIN_TIME_QUIET
    assert only(await street.tell("rosa", "8pm")).key == checkins_texts.CHECKIN_WHO


async def test_just_once_is_today_while_the_time_is_ahead(street: StreetKit) -> None:
    sent = await set_up(street, often="Just once", at="09:00", tell="Nobody", wait=None)
    assert "just once, tomorrow at 09:00" in only(sent).text  # it's 09:00 already
    sent = await set_up(street, "joe", often="Just once", at="16:00", tell="Nobody", wait=None)
    assert "just once, today at 16:00" in only(sent).text


async def test_a_restart_half_way_through_loses_nothing(tmp_path, clock: ManualClock, notifier) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "street.sqlite3"
    store = await SqliteStore.open(path)
    first = StreetKit(Doorstep(store, notifier, clock), store, notifier, clock)
    await first.join("rosa")
    sent = await first.tell("rosa", "/checkin")
    sent = await first.press("rosa", only(sent).payload("Weekdays"))
    time_buttons = only(sent)
    await store.close()

    store = await SqliteStore.open(path)
    try:
        second = StreetKit(Doorstep(store, notifier, clock), store, notifier, clock)
        sent = await second.press("rosa", time_buttons.payload("11:00"))
        sent = await second.press("rosa", only(sent).payload("organisers"))
        sent = await second.press("rosa", only(sent).payload("1 hour"))
        assert "on weekdays at 11:00" in only(sent).text and "organisers know after 1 hour" in only(sent).text
    finally:
        await store.close()


async def test_check_ins_are_set_up_in_private(street: StreetKit) -> None:
    reply = only(await street.say("rosa", "/checkin"))
    assert reply.key == texts.PRIVATE_ONLY
    link = reply.choices[0]
    assert link.opens_private and link.payload == "checkin"
    sent = await street.tell("rosa", f"/start {link.payload}")
    assert only(sent).key == checkins_texts.CHECKIN_HOW_OFTEN
    assert await street.count("checkins") == 0


async def test_without_a_street_it_says_where_to_start(street: StreetKit) -> None:
    assert only(await street.tell("rosa", "/checkin")).key == checkins_texts.CHECKIN_NO_STREET


async def test_several_streets_ask_which(street: StreetKit) -> None:
    await street.join("rosa")
    await street.join("rosa", chat="group-2")
    sent = await street.tell("rosa", "/checkin")
    assert only(sent).key == checkins_texts.CHECKIN_WHICH_STREET
    sent = await street.press("rosa", only(sent).choices[1].payload)
    assert only(sent).key == checkins_texts.CHECKIN_HOW_OFTEN


async def test_stale_foreign_and_garbled_buttons_change_nothing(street: StreetKit) -> None:
    await street.join("rosa")
    sent = await street.tell("rosa", "/checkin")
    often = only(sent)
    daily = often.payload("Every day")
    before = await snapshot(street)
    assert only(await street.press("sam", daily)).key == texts.NOT_FOR_YOU
    for garbled in (daily + ":x", "cy:1:99999", "ct:1:9999", "cd:1:7", "co:1:fortnightly", "cz:abc", "ca:1", "ck:1:maybe"):
        reply = only(await street.press("rosa", garbled))
        assert reply.key in (texts.BUTTON_EXPIRED, texts.NOT_FOR_YOU, checkins_texts.CHECKIN_NOT_FOUND), garbled
    assert await snapshot(street) == before
    await street.press("rosa", daily)
    assert only(await street.press("rosa", daily)).key == texts.BUTTON_EXPIRED  # pressed twice
    assert only(await street.tell("rosa", "🙂🙂🙂")).key == checkins_texts.CHECKIN_TIME_UNREAD
    assert only(await street.tell("rosa", "x" * 5000)).key == checkins_texts.CHECKIN_TIME_UNREAD
    sent = await street.press("rosa", often.payload("Never mind"))
    assert only(sent).key == checkins_texts.CHECKIN_CANCELLED
    assert only(await street.press("rosa", often.payload("Never mind"))).key == texts.ALREADY_DONE
    assert await street.count("checkins") == 0


async def test_a_new_post_flow_replaces_a_half_finished_set_up(street: StreetKit) -> None:
    await street.join("rosa")
    sent = await street.tell("rosa", "/checkin")
    daily = only(sent).payload("Every day")
    await street.tell("rosa", "/ask")
    assert only(await street.press("rosa", daily)).key == texts.BUTTON_EXPIRED


async def test_the_check_in_is_in_the_private_help_and_menu(street: StreetKit) -> None:
    assert "/checkin" in only(await street.tell("rosa", "/help")).text
    assert "checkin" in [command.name for command in street.core.router.menu(private=True)]
    assert "checkin" not in [command.name for command in street.core.router.menu(private=False)]


async def test_nothing_about_check_ins_goes_to_the_group(street: StreetKit) -> None:
    await set_up(street, tell="organisers", wait="1 hour")
    assert all(isinstance(s.outgoing.to, ToPerson) for _, s in street.notifier.log)
    assert to(street.notifier.sent, "rosa")


async def test_the_operators_usual_wait_is_offered_too(store: SqliteStore, notifier, clock: ManualClock, organisers) -> None:  # type: ignore[no-untyped-def]
    settings = CoreSettings(checkin_escalate_after=timedelta(hours=2))
    kit = StreetKit(Doorstep(store, notifier, clock, settings, organisers), store, notifier, clock)
    sent = await set_up(kit, tell="organisers", wait="2 hours")
    assert "organisers know after 2 hours" in only(sent).text


async def test_matrix_style_commands_work_too(street: StreetKit) -> None:
    await street.join("rosa")
    assert only(await street.tell("rosa", "!checkin")).key == checkins_texts.CHECKIN_HOW_OFTEN
