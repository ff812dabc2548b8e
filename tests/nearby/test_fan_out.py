"""Fan-out on a controlled clock: three first, the next few hours later if nobody has said yes, none in
the street's quiet hours; and handing over, which asks the next ones without anyone posting again."""

from datetime import timedelta

from handlers.kernel.domain import PostStatus
from handlers.kernel.messages import ToStreet
from handlers.posts import texts as posts_texts
from tests.kit import StreetKit, card_of, only
from tests.nearby.conftest import told

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


async def _five_offers(street: StreetKit) -> None:
    for name in ("amy", "ben", "cat", "dan", "eve"):
        await street.say(name, "/offer I can do shopping")
        street.clock.advance(MINUTE)


async def test_nobody_says_yes_so_the_next_ones_hear_a_few_hours_later(street: StreetKit) -> None:
    await _five_offers(street)
    assert told(await street.say("rosa", "/ask could someone do my shopping?")) == ["amy", "ben", "cat"]
    assert told(await street.wait(2 * HOUR)) == []
    assert told(await street.wait(HOUR)) == ["dan", "eve"]
    # Everyone who fits has heard: no more rounds, and nothing more is due for this ask for days.
    assert await street.wait(timedelta(days=3)) == []


async def test_no_more_are_asked_while_someone_waits_for_a_yes(street: StreetKit) -> None:
    await _five_offers(street)
    post_id = card_of(await street.say("rosa", "/ask could someone do my shopping?")).outgoing.card_of
    await street.press("amy", f"h:{post_id}")
    prompt = only(street.notifier.to_person("rosa"))
    assert told(await street.wait(3 * HOUR)) == []
    # Rosa says not this time: the next round goes ahead.
    await street.press("rosa", prompt.payload("Not this time"))
    assert told(await street.wait(3 * HOUR)) == ["dan", "eve"]


async def test_rounds_wait_for_the_end_of_quiet_hours(street: StreetKit) -> None:
    street.clock.advance(timedelta(hours=10))  # 19:00 in London
    await _five_offers(street)
    # A neighbour's own ask goes out at once, even in the evening...
    assert told(await street.say("rosa", "/ask could someone do my shopping?")) == ["amy", "ben", "cat"]
    # ...but the bot's next round (due 22:05) waits until 08:00.
    assert told(await street.wait(3 * HOUR)) == []
    assert told(await street.wait(timedelta(hours=9))) == []
    assert told(await street.wait(HOUR)) == ["dan", "eve"]


async def test_a_sorted_ask_stops_the_rounds(street: StreetKit) -> None:
    await _five_offers(street)
    post_id = card_of(await street.say("rosa", "/ask could someone do my shopping?")).outgoing.card_of
    await street.press("amy", f"h:{post_id}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    assert told(await street.wait(timedelta(days=1))) == []


async def test_handing_over_asks_the_next_ones_and_nobody_posts_again(street: StreetKit) -> None:
    await _five_offers(street)
    post_id = card_of(await street.say("rosa", "/ask could someone do my shopping?")).outgoing.card_of
    await street.press("amy", f"h:{post_id}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    street.clock.advance(HOUR)
    sent = await street.press("amy", f"cm:{post_id}")
    assert told(sent) == ["dan", "eve"]  # the ones not asked yet, straight away
    assert [s.key for s in street.notifier.to_person("rosa")] == [posts_texts.HANDED_BACK_FOR_AUTHOR]
    assert [s for s in sent if isinstance(s.outgoing.to, ToStreet)] == []  # no new card: the old one reopens
    assert street.notifier.edits[-1].text.startswith("🙋 Rosa could use a hand")
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.OPEN
    # Dan says yes; Rosa accepts: it's sorted again, with one card all along.
    await street.press("dan", f"h:{post_id}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    assert street.notifier.edits[-1].text.startswith("✅ Sorted")
    assert await street.count("cards", f"post_id = {post_id}") == 1


async def test_a_helper_handing_back_is_not_asked_again(street: StreetKit) -> None:
    await street.say("amy", "/offer I can do shopping")
    post_id = card_of(await street.say("rosa", "/ask could someone do my shopping?")).outgoing.card_of
    await street.press("amy", f"h:{post_id}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    assert told(await street.press("amy", f"cm:{post_id}")) == []
    assert told(await street.say("amy", "/offer shopping again, any day")) == []
    assert told(await street.say("ben", "/offer I can do shopping too")) == ["ben"]
