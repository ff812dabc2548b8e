from datetime import timedelta

from tests.kit import StreetKit, card_of


async def test_closed_posts_go_thirty_days_after_closing(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone help with shopping?")).outgoing.card_of
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", f"wd:{post_id}")
    await street.wait(timedelta(days=29, hours=23))
    assert await street.count("posts") == 1
    await street.wait(timedelta(hours=2))
    assert await street.count("posts") == 0
    assert await street.count("responses") == 0 and await street.count("cards") == 0


async def test_open_posts_are_never_purged(street: StreetKit) -> None:
    await street.say("rosa", "/offer I can lend a ladder")
    for _ in range(3):
        question = [s for s in await street.wait(timedelta(days=29)) if s.choices]
        for sent in question:
            await street.press("rosa", sent.payload("Keep it open"))
    assert await street.count("posts", "status = 'open'") == 1


async def test_last_seen_goes_after_ninety_quiet_days(street: StreetKit) -> None:
    await street.say("rosa", "/board")
    await street.wait(timedelta(days=89))
    assert await street.count("street_members") == 1
    await street.wait(timedelta(days=2))
    assert await street.count("street_members") == 0


async def test_unfinished_flows_and_waiting_messages_do_not_linger(street: StreetKit) -> None:
    await street.say("rosa", "/ask")
    assert await street.count("conversations") == 1
    await street.wait(timedelta(days=3))
    assert await street.count("conversations") == 0
