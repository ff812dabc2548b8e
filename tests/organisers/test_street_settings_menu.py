"""/settings: organisers change their street's settings privately, with buttons where they can and
typed words where they must; bad words get a kind example and another go."""

from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from handlers.kernel import texts
from handlers.kernel.settings import CoreSettings
from handlers.kernel.street_settings import for_street
from handlers.organisers import texts as organisers_texts
from handlers.words import texts as words_texts
from tests.fakes import plain
from tests.kit import StreetKit, only
from tests.organisers.helpers import answers, in_group, street_id


@pytest.fixture
def core_settings() -> CoreSettings:
    return CoreSettings(locales=("en", "pl"))


async def _menu(street: StreetKit):  # type: ignore[no-untyped-def]
    sent = await street.say("olga", "/settings")
    assert in_group(sent) == []
    return only(sent)


async def _current(street: StreetKit):  # type: ignore[no-untyped-def]
    row = await street.store.streets.get(await street_id(street))
    return await for_street(street.core.services, row)  # type: ignore[arg-type]


async def test_the_menu_shows_what_is_set(street: StreetKit) -> None:
    menu = await _menu(street)
    assert menu.text == (
        "⚙️ Settings for Elm Street:\n"
        "Asks stay up: 7 days\n"
        "Offers stay up: 30 days\n"
        "Quiet hours: 21:00–08:00\n"
        "Time zone: Europe/London\n"
        "Language: English\n"
        "Hello to quiet neighbours: the usual one\n"
        "Weekly summary, usually: every Monday at 09:00\n"
        "The group's link for newcomers: none yet"
    )
    assert [plain(c.label) for c in menu.choices] == [
        "Asks", "Offers", "Quiet hours", "Time zone", "Language", "Hello text", "Weekly summary", "Group link",
    ]


async def test_choices_by_buttons(street: StreetKit) -> None:
    menu = await _menu(street)
    asks = only(await street.press("olga", menu.payload("Asks")))
    assert asks.key == organisers_texts.ASK_DAYS_QUESTION
    saved = only(await street.press("olga", asks.payload("14 days")))
    assert saved.text.startswith("✅ Saved.\n⚙️ Settings for Elm Street:\nAsks stay up: 14 days")
    language = only(await street.press("olga", menu.payload("Language")))
    await street.press("olga", language.payload("Polski"))
    digest = only(await street.press("olga", menu.payload("Weekly summary")))
    times = only(await street.press("olga", digest.payload("Sunday")))
    await street.press("olga", times.payload("19:00"))
    current = await _current(street)
    assert (current.ask_expiry_days, current.language, current.digest_day, current.digest_time) == (14, "pl", 6, time(19))
    # The usual digest time is what /digest offers first.
    assert "every Sunday at 19:00" in plain(only(await street.say("olga", "/digest")).choices[0].label)
    back = await street.press("olga", asks.payload("Back to the usual"))
    assert (await _current(street)).ask_expiry_days == 7 and back


async def test_quiet_hours_are_typed(street: StreetKit) -> None:
    menu = await _menu(street)
    question = only(await street.press("olga", menu.payload("Quiet hours")))
    assert question.key == organisers_texts.QUIET_HOURS_QUESTION
    assert only(await street.tell("olga", "whenever")).key == organisers_texts.QUIET_HOURS_NOT_READ
    saved = only(await street.tell("olga", "10pm - 7:30am"))
    assert "Quiet hours: 22:00–07:30" in saved.text
    assert ((await _current(street)).quiet_from, (await _current(street)).quiet_until) == (time(22), time(7, 30))
    assert only(await street.tell("olga", "10pm - 7am")).key == words_texts.NOT_SURE  # the question was answered


async def test_a_new_time_zone_moves_reminders_to_keep_their_local_time(street: StreetKit) -> None:
    await street.say("olga", "/remind every thursday 19:00 Blue bin out tonight")
    menu = await _menu(street)
    await street.press("olga", menu.payload("Time zone"))
    assert only(await street.tell("olga", "Middle Earth")).key == organisers_texts.TIME_ZONE_NOT_READ
    saved = only(await street.tell("olga", "warsaw"))
    assert "Time zone: Europe/Warsaw" in saved.text
    assert (await _current(street)).timezone == ZoneInfo("Europe/Warsaw")
    assert await street.store.reminders.next_at() == datetime(2026, 3, 5, 18, 0, tzinfo=timezone.utc)


async def test_the_streets_own_hello(street: StreetKit) -> None:
    menu = await _menu(street)
    question = only(await street.press("olga", menu.payload("Hello text")))
    assert only(await street.tell("olga", "🙂🙂")).key == organisers_texts.HELLO_NOT_READ
    saved = only(await street.tell("olga", "Hi from Elm Street!   Come to the Sunday coffee morning."))
    assert "“Hi from Elm Street! Come to the Sunday coffee morning.”" in saved.text
    assert (await _current(street)).hello_text == "Hi from Elm Street! Come to the Sunday coffee morning."
    await street.press("olga", question.payload("Back to the usual"))
    assert (await _current(street)).hello_text == ""


async def test_the_groups_link_for_newcomers(street: StreetKit) -> None:
    menu = await _menu(street)
    question = only(await street.press("olga", menu.payload("Group link")))
    assert question.key == organisers_texts.JOIN_LINK_QUESTION
    assert only(await street.tell("olga", "ask Olga at number 12")).key == organisers_texts.JOIN_LINK_NOT_READ
    saved = only(await street.tell("olga", " https://t.me/+ElmStreetAbc123 "))
    assert "The group's link for newcomers: https://t.me/+ElmStreetAbc123" in saved.text
    assert (await _current(street)).join_link == "https://t.me/+ElmStreetAbc123"
    await street.press("olga", question.payload("Back to the usual"))
    assert (await _current(street)).join_link == ""


async def test_never_mind_leaves_everything_as_it_was(street: StreetKit) -> None:
    menu = await _menu(street)
    question = only(await street.press("olga", menu.payload("Time zone")))
    before = await street.snapshot()
    assert only(await street.press("olga", question.payload("Never mind"))).key == organisers_texts.SETTING_UNCHANGED
    assert answers(await street.press("olga", question.payload("Never mind"))) == [texts.ALREADY_DONE]
    assert (await _current(street)).timezone == ZoneInfo("Europe/London")
    assert (await street.snapshot())["street_settings"] == before["street_settings"]


async def test_typed_answers_are_checked_against_the_organiser_again(street: StreetKit, organisers) -> None:  # type: ignore[no-untyped-def]
    menu = await _menu(street)
    await street.press("olga", menu.payload("Time zone"))
    organisers.user_ids.discard("olga")
    assert only(await street.tell("olga", "Europe/Warsaw")).key == organisers_texts.FOR_ORGANISERS
    assert (await _current(street)).timezone == ZoneInfo("Europe/London")


async def test_odd_values_in_buttons_change_nothing(street: StreetKit) -> None:
    sid = await street_id(street)
    await street.say("olga", "/board")
    before = await street.snapshot()
    for payload in (f"osv:{sid}:ask:999", f"osv:{sid}:lang:de", f"osv:{sid}:dday:9", f"osv:{sid}:dtime:2599",
                    f"osv:{sid}:tz:UTC", f"ose:{sid}:nope", f"osv:{sid}:ask", f"osr:{sid}:dday", "osv:999999:ask:7"):
        assert answers(await street.press("olga", payload)) == [texts.BUTTON_EXPIRED], payload
    assert await street.snapshot() == before
