"""A street that doesn't nag when it's quiet: a week when nothing happened sends no summary, or one
line to an organiser who chose "tell me anyway"; a chart with nothing in it is never drawn."""

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.charts import NothingToDraw, render_weekly_chart, worth_drawing
from handlers.kernel import texts
from handlers.kernel.messages import WeeklyChart, msg
from handlers.organisers import texts as organisers_texts
from tests.fakes import plain
from tests.kit import StreetKit, only
from tests.organisers.helpers import answers, private_to

# Olga subscribes on 2 March, in the group (so that week has a new neighbour); the week of 9 March is quiet.
MONDAY = datetime(2026, 3, 16, 9, 0, tzinfo=timezone.utc)


async def _subscribe(street: StreetKit):  # type: ignore[no-untyped-def]
    offer = only(await street.say("olga", "/digest"))
    return only(await street.press("olga", offer.payload("every Monday at 09:00")))


async def test_a_quiet_week_sends_nothing_and_the_next_one_is_still_due(street: StreetKit) -> None:
    await _subscribe(street)
    street.clock.move_to(MONDAY)
    assert private_to(await street.wait(timedelta(0)), "olga") == []
    assert await street.store.digests.next_at() == MONDAY + timedelta(weeks=1)
    street.clock.move_to(MONDAY + timedelta(days=2))
    # A week with something in it is summed up as ever.
    await street.say("rosa", "/offer I can lend a ladder")
    summary = only(private_to(await street.wait(timedelta(days=5)), "olga"))
    assert summary.text.startswith("📊 Elm Street — the week of 16 March:") and "🎁 Offers: 1" in summary.text


async def test_tell_me_anyway_is_one_line_without_a_chart(street: StreetKit) -> None:
    started = await _subscribe(street)
    assert [plain(choice.label) for choice in started.choices] == ["Stop the weekly summary", "🌙 Tell me on quiet weeks too"]
    told = only(await street.press("olga", started.payload("Tell me on quiet weeks too")))
    assert told.key == organisers_texts.QUIET_WEEKS_TELL
    street.clock.move_to(MONDAY)
    line = only(private_to(await street.wait(timedelta(0)), "olga"))
    assert line.text == "🌙 A quiet week on Elm Street (the week of 9 March): nothing new to count."
    assert line.outgoing.chart is None and line.payload("Stop").startswith("odx:")
    # And back to saying nothing, from /digest.
    again = only(await street.say("olga", "/digest"))
    silent = only(await street.press("olga", again.payload("Skip quiet weeks")))
    assert silent.key == organisers_texts.QUIET_WEEKS_SILENT
    assert private_to(await street.wait(timedelta(weeks=1)), "olga") == []


async def test_only_an_organiser_with_a_summary_chooses(street: StreetKit) -> None:
    started = await _subscribe(street)
    tell = started.payload("Tell me on quiet weeks too")
    assert answers(await street.press("rosa", tell)) == [organisers_texts.FOR_ORGANISERS]
    await street.press("olga", started.payload("Stop"))
    assert answers(await street.press("olga", tell)) == [texts.ALREADY_DONE]


async def test_asking_for_last_week_always_gets_a_word(street: StreetKit) -> None:
    offer = only(await street.say("olga", "/digest"))
    street.clock.move_to(MONDAY)
    line = only(await street.press("olga", offer.payload("Show last week now")))
    assert line.key == organisers_texts.DIGEST_QUIET_WEEK and line.outgoing.chart is None


def test_a_chart_of_nothing_is_not_drawn() -> None:
    empty = WeeklyChart(msg("Elm Street"), (date(2026, 3, 2),), ((msg("Asks"), (0,)),))
    assert not worth_drawing(empty) and not worth_drawing(None)
    with pytest.raises(NothingToDraw):
        render_weekly_chart(empty, plain)
    assert worth_drawing(WeeklyChart(msg("Elm Street"), (date(2026, 3, 2),), ((msg("Asks"), (1,)),)))
