from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.domain import PostStatus
from handlers.posts import expiry
from handlers.posts import texts as posts_texts
from tests.kit import StreetKit, card_of, only


async def _post(street: StreetKit, text: str) -> int:
    return card_of(await street.say("rosa", text)).outgoing.card_of  # type: ignore[return-value]


async def test_the_author_is_asked_before_an_ask_closes(street: StreetKit) -> None:
    post_id = await _post(street, "/ask could someone help with shopping?")
    assert await street.wait(timedelta(days=6, hours=23)) == []
    question = only(await street.wait(timedelta(hours=1)))
    assert question.key == posts_texts.KEEP_OPEN_QUESTION and "7 days" in question.text
    assert await street.wait(timedelta(hours=1)) == []  # asked once only
    sent = await street.press("rosa", question.payload("Keep it open"))
    assert only(sent).text == "Keeping it open for another 7 days."
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.OPEN


async def test_no_answer_closes_it_quietly_and_updates_the_card(street: StreetKit) -> None:
    post_id = await _post(street, "/ask could someone help with shopping?")
    await street.wait(timedelta(days=7))
    assert await street.wait(timedelta(hours=47)) == []
    await street.wait(timedelta(hours=1))
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.EXPIRED
    assert street.notifier.edits[-1].text.startswith("This one has closed")


async def test_close_it_from_the_question(street: StreetKit) -> None:
    post_id = await _post(street, "/offer I can lend a ladder")
    question = only(await street.wait(timedelta(days=30)))
    await street.press("rosa", question.payload("Close it"))
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.EXPIRED
    assert only(await street.press("rosa", question.payload("Keep it open"))).key == texts.ALREADY_DONE


async def test_offers_last_a_month(street: StreetKit) -> None:
    await _post(street, "/offer I can lend a ladder")
    assert await street.wait(timedelta(days=29)) == []
    assert only(await street.wait(timedelta(days=1))).key == posts_texts.KEEP_OPEN_QUESTION


async def test_a_sorted_post_is_simply_done_when_its_time_comes(street: StreetKit) -> None:
    post_id = await _post(street, "/ask could someone help with shopping?")
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    assert await street.wait(timedelta(days=7)) == []
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.DONE


async def test_next_due_tracks_the_earliest_expiry(street: StreetKit) -> None:
    assert await street.core.next_due() is None
    await _post(street, "/offer I can lend a ladder")
    await _post(street, "/ask could someone help with shopping?")
    assert await expiry.next_due(street.core.services) == street.clock.now() + timedelta(days=7)
    # The core as a whole looks sooner: whether anyone has taken the ask, a day after it went up.
    assert await street.core.next_due() == street.clock.now() + timedelta(days=1)


async def test_a_street_can_keep_asks_up_longer(street: StreetKit) -> None:
    from handlers.kernel.street_settings import set_setting

    await street.say("rosa", "/board")
    row = await street.store.streets.get_or_create("test", "group-1", None, street.clock.now())
    await set_setting(street.core.services, row, "ask_expiry_days", "14")
    await _post(street, "/ask could someone help with shopping?")
    assert await street.wait(timedelta(days=13)) == []
    question = only(await street.wait(timedelta(days=1)))
    assert "14 days" in question.text
    assert only(await street.press("rosa", question.payload("Keep it open"))).text == "Keeping it open for another 14 days."
