"""The weekly summary: counts only, for organisers who asked for it, on their day and time (local to
the street, across daylight saving), with a PNG chart of eight weeks that carries its numbers."""

from datetime import date, datetime, timedelta, timezone

from bot.charts import counts_in, render_weekly_chart
from handlers.kernel import texts
from handlers.organisers import texts as organisers_texts
from handlers.street import weekly
from tests.fakes import HandPickedOrganisers, plain
from tests.kit import StreetKit, card_of, only
from tests.organisers.helpers import answers, private_to, street_id


async def _subscribe_usual(street: StreetKit) -> None:
    offer = only(await street.say("olga", "/digest"))
    assert offer.key == organisers_texts.DIGEST_OFFER
    started = only(await street.press("olga", offer.payload("every Monday at 09:00")))
    assert started.key == organisers_texts.DIGEST_STARTED and "every Monday at 09:00" in started.text


async def _a_week_on_elm_street(street: StreetKit) -> None:
    """Monday 2 March: four neighbours turn up, two asks, one offer; one ask is met, one isn't."""
    await street.join("sam")
    await street.say("sam", "/offer I can do shopping any day")
    post_id = card_of(await street.say("rosa", "/ask could someone pick up shopping tomorrow?")).outgoing.card_of
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    await street.say("joe", "/ask could someone help move a wardrobe on Saturday?")
    await street.wait(timedelta(hours=25))  # Joe's ask is flagged as unmet
    await weekly.count_checkin_answered(street.core.services, await street_id(street), street.clock.now())


async def test_last_weeks_counts_on_the_organisers_day(street: StreetKit) -> None:
    await _subscribe_usual(street)
    await _a_week_on_elm_street(street)
    assert await street.core.next_due() <= datetime(2026, 3, 9, 9, 0, tzinfo=timezone.utc)  # type: ignore[operator]
    street.clock.move_to(datetime(2026, 3, 9, 8, 59, tzinfo=timezone.utc))
    assert private_to(await street.wait(timedelta(0)), "olga") == []
    summary = only(private_to(await street.wait(timedelta(minutes=1)), "olga"))
    assert summary.text == (
        "📊 Elm Street — the week of 2 March:\n"
        "🆕 New neighbours: 4\n"
        "🙋 Asks: 2\n"
        "🤝 Asks met: 1\n"
        "⏳ Asks nobody took within 24 hours: 1\n"
        "🎁 Offers: 1\n"
        "☕ Check-ins answered: 1"
    )
    assert summary.payload("Stop").startswith("odx:")
    assert summary.outgoing.hold_if_unreachable is False

    chart = summary.outgoing.chart
    assert chart is not None and len(chart.weeks) == 8 and chart.weeks[-1] == date(2026, 3, 2)
    png = render_weekly_chart(chart, plain)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    shown = counts_in(png)
    assert shown["title"] == "Elm Street: the last 8 weeks"
    assert shown["weeks"][0] == "2026-01-12" and shown["weeks"][-1] == "2026-03-02"
    assert shown["series"] == {
        "Asks": [0] * 7 + [2], "Asks met": [0] * 7 + [1], "Asks unmet": [0] * 7 + [1], "Offers": [0] * 7 + [1],
        "New neighbours": [0] * 7 + [4], "Check-ins answered": [0] * 7 + [1],
    }
    # Nothing more until next Monday; then a week when nothing happened is let be (tests/organisers/test_quiet_weeks.py).
    assert private_to(await street.wait(timedelta(days=6, hours=23)), "olga") == []
    assert private_to(await street.wait(timedelta(hours=1)), "olga") == []
    assert await street.store.digests.next_at() == datetime(2026, 3, 23, 9, 0, tzinfo=timezone.utc)


async def test_the_summary_keeps_its_local_time_across_daylight_saving(street: StreetKit) -> None:
    await _subscribe_usual(street)
    street.clock.move_to(datetime(2026, 3, 17, 12, 0, tzinfo=timezone.utc))
    await street.say("rosa", "/offer I can lend a ladder")  # so the week has something to count
    street.clock.move_to(datetime(2026, 3, 23, 9, 0, tzinfo=timezone.utc))  # Monday, still GMT
    assert only(private_to(await street.wait(timedelta(0)), "olga")).text.startswith("📊")
    # From 29 March the clocks say BST: 09:00 in London is 08:00 UTC.
    assert await street.store.digests.next_at() == datetime(2026, 3, 30, 8, 0, tzinfo=timezone.utc)
    street.clock.move_to(datetime(2026, 10, 19, 8, 0, tzinfo=timezone.utc))
    await street.wait(timedelta(0))
    assert await street.store.digests.next_at() == datetime(2026, 10, 26, 9, 0, tzinfo=timezone.utc)


async def test_one_tap_stops_it(street: StreetKit) -> None:
    await _subscribe_usual(street)
    summary = only(await street.press("olga", only(await street.say("olga", "/digest")).payload("Show last week now")))
    stop = summary.payload("Stop")
    assert only(await street.press("olga", stop)).key == organisers_texts.DIGEST_STOPPED
    assert answers(await street.press("olga", stop)) == [texts.ALREADY_DONE]
    assert await street.count("digest_subscriptions") == 0
    assert private_to(await street.wait(timedelta(days=8)), "olga") == []


async def test_another_day_and_time(street: StreetKit) -> None:
    offer = only(await street.say("olga", "/digest"))
    days = only(await street.press("olga", offer.payload("Another day or time")))
    assert [plain(c.label) for c in days.choices][:2] == ["Monday", "Tuesday"]
    times = only(await street.press("olga", days.payload("Friday")))
    started = only(await street.press("olga", times.payload("17:00")))
    assert "every Friday at 17:00" in started.text
    assert await street.store.digests.next_at() == datetime(2026, 3, 6, 17, 0, tzinfo=timezone.utc)
    again = only(await street.say("olga", "/digest"))
    assert again.key == organisers_texts.DIGEST_IS_ON and "every Friday at 17:00" in again.text


async def test_someone_no_longer_organising_stops_getting_it(street: StreetKit, organisers: HandPickedOrganisers) -> None:
    await _subscribe_usual(street)
    organisers.user_ids.discard("olga")
    ended = only(await street.wait(timedelta(days=7)))
    assert ended.key == organisers_texts.DIGEST_ENDED_NOT_ORGANISER
    assert await street.count("digest_subscriptions") == 0


async def test_a_summary_that_cant_be_delivered_is_not_kept(street: StreetKit) -> None:
    await _subscribe_usual(street)
    street.notifier.unreachable.add("olga")
    assert await street.wait(timedelta(days=7)) == []
    assert await street.count("held_messages") == 0
    assert await street.count("digest_subscriptions") == 1  # next week, perhaps


async def test_counts_are_per_week_in_the_streets_time(street: StreetKit) -> None:
    sid = await street_id(street)
    services = street.core.services
    # Sunday 23:30 in London during BST is Sunday 22:30 UTC: it belongs to the week starting Monday 30 March.
    await weekly.count(services, sid, weekly.OFFERS_POSTED, datetime(2026, 4, 5, 22, 30, tzinfo=timezone.utc))
    # 23:30 UTC that Sunday is already Monday 00:30 in London: the next week.
    await weekly.count(services, sid, weekly.OFFERS_POSTED, datetime(2026, 4, 5, 23, 30, tzinfo=timezone.utc))
    weeks, counts = await weekly.recent_weeks(services, sid, date(2026, 4, 6), 2)
    assert weeks == (date(2026, 3, 30), date(2026, 4, 6))
    assert counts[weekly.OFFERS_POSTED] == (1, 1)
    stored = await street.store.db.fetch_all("SELECT * FROM weekly_counts")
    assert all(set(row.keys()) == {"street_id", "week_start", "what", "count"} for row in stored)


async def test_counts_are_kept_a_year(street: StreetKit) -> None:
    await street.say("rosa", "/ask could someone lend a ladder?")
    await street.wait(timedelta(days=10))  # flagged as unmet, then closed
    assert await street.count("weekly_counts") == 3  # a new neighbour and an ask; a week later, unmet
    await street.wait(timedelta(days=350))
    assert await street.count("weekly_counts") == 3
    await street.wait(timedelta(days=20))
    assert await street.count("weekly_counts") == 0
