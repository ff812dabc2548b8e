"""Recurring asks and offers: each occurrence is a fresh post, put up the morning after the last; the
last helper hears first if they asked to; a series ends when taken down, and pauses when unmet."""

from datetime import date, datetime, timedelta, timezone

from handlers.kernel import texts
from handlers.kernel.domain import PostStatus
from handlers.kernel.messages import ToStreet
from handlers.posts import texts as posts_texts
from handlers.posts.recurring import every_days
from tests.kit import StreetKit, card_of, only
from tests.nearby.conftest import told

ASK = "/ask could someone walk my dog every Tuesday morning?"
WEDNESDAY_8AM = datetime(2026, 3, 4, 8, 0, tzinfo=timezone.utc)  # the morning after the first Tuesday


def test_weekly_or_fortnightly() -> None:
    assert every_days("every Tuesday morning") == 7
    assert every_days("Tuesdays") == 7
    assert every_days("fortnightly on Fridays") == 14
    assert every_days("every other Thursday") == 14
    assert every_days("every two weeks, Mondays") == 14
    assert every_days("w każdy wtorek rano") == 7
    assert every_days("co drugi czwartek") == 14
    assert every_days("co dwa tygodnie w poniedziałek") == 14
    assert every_days("în fiecare marți") == 7
    assert every_days("o dată la două săptămâni, vineri") == 14


async def _helped(street: StreetKit, post_id: int, helper: str = "sam", keep: bool = True) -> None:
    await street.press(helper, f"h:{post_id}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    question = [s for s in street.notifier.to_person(helper) if s.key == posts_texts.RECURRING_KEEP_QUESTION]
    assert only(question).text == (
        "🔁 “could someone walk my dog every Tuesday morning?” comes round every Tuesday in the morning. "
        "Shall I ask you first next time?"
    )
    await street.press(helper, question[0].payload("ask me first" if keep else "Just this once"))


async def test_each_occurrence_is_a_fresh_ask_and_the_keeper_hears_first(street: StreetKit) -> None:
    await street.say("sam", "/offer I can walk dogs on Tuesdays")
    await street.say("ann", "/offer happy to walk a dog every Tuesday morning")
    first = card_of(await street.say("rosa", ASK)).outgoing.card_of
    assert first is not None
    await _helped(street, first)
    assert [s.key for s in street.notifier.sent] == [posts_texts.KEEPING_YOU_FIRST]

    sent = await street.wait(WEDNESDAY_8AM - street.clock.now())
    card = card_of(sent)
    assert isinstance(card.outgoing.to, ToStreet) and card.text.startswith("🙋 Rosa could use a hand")
    assert "every Tuesday in the morning" in card.text
    fresh = card.outgoing.card_of
    assert fresh != first
    old = await street.store.posts.get(first)
    assert old is not None and old.status is PostStatus.DONE
    # Sam, who kept it, hears first; Ann hears only a round later, if Sam hasn't said yes.
    assert [s.key for s in street.notifier.to_person("sam")] == [posts_texts.RECURRING_AGAIN_HELPER]
    assert street.notifier.to_person("ann") == []
    assert told(await street.wait(timedelta(hours=3))) == ["ann"]


async def test_the_keeper_says_yes_again(street: StreetKit) -> None:
    await street.say("sam", "/offer I can walk dogs on Tuesdays")
    first = card_of(await street.say("rosa", ASK)).outgoing.card_of
    await _helped(street, first)  # type: ignore[arg-type]
    await street.wait(WEDNESDAY_8AM - street.clock.now())
    again = only(street.notifier.to_person("sam"))
    await street.press("sam", again.payload("I can help"))
    prompt = only(street.notifier.to_person("rosa"))
    assert "Sam can help" in prompt.text
    await street.press("rosa", prompt.payload("Yes please"))
    # Already the keeper: not asked again.
    assert posts_texts.RECURRING_KEEP_QUESTION not in [s.key for s in street.notifier.to_person("sam")]


async def test_just_this_once_means_no_first_dibs(street: StreetKit) -> None:
    await street.say("sam", "/offer I can walk dogs on Tuesdays")
    first = card_of(await street.say("rosa", ASK)).outgoing.card_of
    await _helped(street, first, keep=False)  # type: ignore[arg-type]
    assert [s.key for s in street.notifier.sent] == [posts_texts.NOT_KEEPING]
    sent = await street.wait(WEDNESDAY_8AM - street.clock.now())
    assert told(sent) == ["sam"]  # an ordinary suggestion, with everyone else


async def test_taking_an_occurrence_down_ends_the_series(street: StreetKit) -> None:
    first = card_of(await street.say("rosa", ASK)).outgoing.card_of
    await street.press("rosa", f"wd:{first}")
    assert await street.wait(timedelta(days=14)) == []
    assert await street.count("recurrences") == 0


async def test_two_unmet_occurrences_pause_the_series_kindly(street: StreetKit) -> None:
    card_of(await street.say("rosa", ASK))
    assert card_of(await street.wait(WEDNESDAY_8AM - street.clock.now()))  # the second occurrence
    sent = await street.wait(timedelta(days=7))
    assert [s.key for s in sent] == [posts_texts.RECURRING_PAUSED]
    assert await street.count("recurrences") == 0
    assert await street.count("posts", "status = 'open'") == 0
    assert await street.wait(timedelta(days=7)) == []


async def test_the_keep_buttons_are_only_for_the_helper(street: StreetKit) -> None:
    await street.say("sam", "/offer I can walk dogs on Tuesdays")
    first = card_of(await street.say("rosa", ASK)).outgoing.card_of
    await street.press("sam", f"h:{first}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    question = only([s for s in street.notifier.to_person("sam") if s.key == posts_texts.RECURRING_KEEP_QUESTION])
    assert only(await street.press("joe", question.payload("ask me first"))).key == texts.NOT_FOR_YOU
    assert only(await street.press("rosa", question.payload("ask me first"))).key == texts.NOT_FOR_YOU
    series = await street.store.recurrences.of_post(first)  # type: ignore[arg-type]
    assert series is not None and series.keeper_id is None and series.occurs_on == date(2026, 3, 3)


async def test_a_recurring_offer_comes_round_too(street: StreetKit) -> None:
    offer = card_of(await street.say("sam", "/offer I can give a lift to the market every Friday morning"))
    await street.press("rosa", offer.payload("Yes please"), private=False)
    await street.press("sam", only(street.notifier.to_person("sam")).payload("Yes please"))
    keep = only([s for s in street.notifier.to_person("rosa") if s.key == posts_texts.RECURRING_KEEP_QUESTION])
    await street.press("rosa", keep.payload("ask me first"))
    sent = await street.wait(datetime(2026, 3, 7, 8, 0, tzinfo=timezone.utc) - street.clock.now())
    assert card_of(sent).text.startswith("🎁 Sam is offering")
    assert [s.key for s in street.notifier.to_person("rosa")] == [posts_texts.RECURRING_AGAIN_TAKER]
