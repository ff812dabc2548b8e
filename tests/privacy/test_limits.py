"""Gentle limits, each with a kind explanation and a setting: posts per person per street in an hour,
the same words twice while the first is up, and private messages per person in an hour."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.limits import PrivateMessageLimit, Verdict
from handlers.kernel.settings import CoreSettings
from handlers.posts import texts as posts_texts
from storage import SqliteStore
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit, card_of, only


@pytest.fixture
def core_settings() -> CoreSettings:
    return CoreSettings(posts_per_hour=3, private_messages_per_hour=5)


async def test_a_few_posts_an_hour_then_a_kind_word(street: StreetKit) -> None:
    for number in range(3):
        card_of(await street.say("rosa", f"/offer I can lend tool number {number}"))
    refused = only(await street.say("rosa", "/offer I can lend a wheelbarrow"))
    assert refused.key == posts_texts.TOO_MANY_POSTS and "3 posts on Elm Street in the last hour" in refused.text
    assert await street.count("posts") == 3
    assert only(await street.say("rosa", "/offer")).key == posts_texts.TOO_MANY_POSTS  # no questions asked first
    card_of(await street.say("sam", "/offer I can lend a wheelbarrow"))  # others aren't held up
    await street.wait(timedelta(minutes=61))
    card_of(await street.say("rosa", "/offer I can lend a wheelbarrow"))


async def test_privately_the_limit_is_per_street(street: StreetKit) -> None:
    street.titles["group-2"] = "Mill Road"
    await street.say("rosa", "/board", chat="group-2")
    for number in range(3):
        card_of(await street.say("rosa", f"/ask could someone help with job {number}?"))
    sent = await street.tell("rosa", "/ask could someone help me carry a sofa?")
    picked = await street.press("rosa", only(sent).payload("Mill Road"))
    assert card_of(picked).outgoing.to.street.chat_id == "group-2"  # type: ignore[union-attr]
    sent = await street.tell("rosa", "/ask could someone help me carry a table?")
    refused = await street.press("rosa", only(sent).payload("Elm Street"))
    assert only(refused).key == posts_texts.TOO_MANY_POSTS


async def test_the_same_words_while_the_first_is_up(street: StreetKit) -> None:
    first = card_of(await street.say("rosa", "/ask Could someone walk my dog tomorrow?")).outgoing.card_of
    again = only(await street.say("rosa", "/ask could someone walk my dog   tomorrow"))
    assert again.key == posts_texts.SAME_POST_UP and "Elm Street" in again.text
    card_of(await street.say("rosa", "/offer could someone walk my dog tomorrow?"))  # an offer is another thing
    card_of(await street.say("sam", "/ask could someone walk my dog tomorrow?"))  # and Sam is someone else
    await street.press("rosa", f"wd:{first}")
    card_of(await street.say("rosa", "/ask could someone walk my dog tomorrow?"))  # once it's down, fine


async def test_duplicates_can_be_allowed(store: SqliteStore, notifier: RecordingNotifier, clock: ManualClock) -> None:
    street = StreetKit(Doorstep(store, notifier, clock, CoreSettings(refuse_duplicate_posts=False)), store, notifier, clock)
    card_of(await street.say("rosa", "/ask could someone walk my dog?"))
    card_of(await street.say("rosa", "/ask could someone walk my dog?"))


async def test_private_messages_beyond_the_hourly_limit_are_left_unread(street: StreetKit) -> None:
    for _ in range(5):
        assert only(await street.tell("rosa", "/help")).key == help_texts.HELP_PRIVATE
    told = only(await street.tell("rosa", "/help"))
    assert told.key == texts.TOO_MANY_MESSAGES
    assert await street.tell("rosa", "/help") == []  # said once, then quiet
    assert await street.tell("rosa", "/mine") == []
    assert only(await street.tell("sam", "/help")).key == help_texts.HELP_PRIVATE  # others are read as usual
    post_id = card_of(await street.say("sam", "/ask could someone lend me a ladder?")).outgoing.card_of
    pressed = await street.press("rosa", f"h:{post_id}")
    assert posts_texts.THANKS_FOR_OFFERING in [s.key for s in pressed]  # buttons still work
    assert only(await street.say("rosa", "/board")).key != texts.TOO_MANY_MESSAGES  # and the group
    street.clock.advance(timedelta(minutes=61))
    assert only(await street.tell("rosa", "/help")).key == help_texts.HELP_PRIVATE


def test_the_private_message_count_forgets_people_who_went_quiet() -> None:
    limit = PrivateMessageLimit(per_hour=2)
    start = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
    for number in range(PrivateMessageLimit.SWEEP_AT + 1):
        assert limit.check("test", f"user-{number}", start) is Verdict.READ
    later = start + timedelta(hours=2)
    assert limit.check("test", "someone", later) is Verdict.READ
    assert limit.remembered == 1  # only the one heard from in the last hour is remembered
