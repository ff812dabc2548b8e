from datetime import datetime, timedelta, timezone

from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.domain import PostStatus
from handlers.posts import texts as posts_texts
from tests.kit import GROUP, StreetKit, card_of, only


async def test_an_ask_in_the_group_becomes_a_tidy_card(street: StreetKit) -> None:
    sent = await street.say("rosa", "/ask   Could someone pick up   milk tomorrow morning?")
    card = card_of(sent)
    assert card.text == (  # posted on Monday 2 March: "tomorrow" is the date it means
        "🙋 Rosa could use a hand\n🛒 Shopping · Tuesday 3 March in the morning\n“Could someone pick up milk tomorrow morning?”"
    )
    assert card.payload("I can help").startswith("h:")
    post = await street.store.posts.get(card.outgoing.card_of)
    assert post is not None and post.status is PostStatus.OPEN and post.category == "shopping"
    assert post.expires_at == datetime(2026, 3, 4, 0, 0, tzinfo=timezone.utc)  # once Tuesday is over, not a week on


async def test_an_ask_for_no_day_in_particular_stays_up_its_lifetime(street: StreetKit) -> None:
    card = card_of(await street.say("rosa", "/ask could someone lend me a ladder?"))
    post = await street.store.posts.get(card.outgoing.card_of)
    assert post is not None and post.expires_at - post.created_at == street.core.services.settings.ask_lifetime


async def test_an_offer_card_has_yes_please(street: StreetKit) -> None:
    card = card_of(await street.say("sam", "/offer@DoorstepBot I can lend a ladder"))
    assert card.text.startswith("🎁 Sam is offering\n🧰 Lending & borrowing · any time")
    assert card.payload("Yes please").startswith("t:")


async def test_a_private_ask_shows_as_from_a_neighbour(street: StreetKit) -> None:
    await street.say("priya", "/board")  # Priya is seen in the street first
    sent = await street.tell("priya", "/ask could anyone walk my dog on Saturday?")
    card = card_of(sent)
    assert card.text.startswith("🙋 A neighbour could use a hand")
    assert "Priya" not in card.text
    confirmation = [s for s in sent if s.key == posts_texts.POSTED_ANONYMOUSLY]
    assert len(confirmation) == 1 and "Elm Street" in confirmation[0].text


async def test_a_private_ask_from_someone_with_no_street_is_kindly_refused(street: StreetKit) -> None:
    before = await street.snapshot()
    reply = only(await street.tell("stranger", "/ask milk please"))
    assert reply.key == texts.NO_STREET_YET
    assert await street.snapshot() == before


async def test_someone_in_two_streets_chooses_one(street: StreetKit) -> None:
    await street.say("joe", "/board", chat="group-1")
    street.clock.advance(timedelta(minutes=5))
    await street.say("joe", "/board", chat="group-2")
    question = only(await street.tell("joe", "/offer I can water plants"))
    assert question.key == texts.CHOOSE_STREET
    first_button = question.choices[0].payload
    sent = await street.press("joe", first_button)
    card = card_of(sent)
    assert card.outgoing.to.street.chat_id == "group-2"  # most recently seen first


async def test_guided_ask_takes_three_taps(street: StreetKit) -> None:
    what = only(await street.say("rosa", "/ask"))
    assert what.key == posts_texts.ASK_WHAT
    when = only(await street.press("rosa", what.payload("Prescriptions"), private=False))
    assert when.key == posts_texts.ASK_WHEN
    card = card_of(await street.press("rosa", when.payload("tomorrow"), private=False))
    assert card.text == "🙋 Rosa could use a hand\n💊 Prescriptions & pharmacy · Tuesday 3 March"
    assert await street.count("conversations") == 0


async def test_guided_flow_buttons_belong_to_the_one_who_started_it(street: StreetKit) -> None:
    what = only(await street.say("rosa", "/ask"))
    before = await street.snapshot()
    answer = only(await street.press("sam", what.payload("Shopping"), private=False))
    assert answer.key == texts.NOT_FOR_YOU
    assert await street.snapshot() == before


async def test_guided_flow_in_private_accepts_typed_words(street: StreetKit) -> None:
    await street.say("rosa", "/board")
    what = only(await street.tell("rosa", "/offer"))
    assert what.key == posts_texts.OFFER_WHAT
    card = card_of(await street.tell("rosa", "I can bake a cake on Sunday"))
    assert card.text.startswith("🎁 A neighbour is offering\n🍲 Meals & cooking · Sunday")


async def test_guided_flow_can_be_cancelled_once(street: StreetKit) -> None:
    what = only(await street.say("rosa", "/ask"))
    cancel = what.payload("Never mind")
    assert only(await street.press("rosa", cancel, private=False)).key == posts_texts.FLOW_CANCELLED
    assert only(await street.press("rosa", cancel, private=False)).key == texts.ALREADY_DONE
    assert await street.count("posts") == 0


async def test_flow_survives_a_restart(street: StreetKit) -> None:
    """Flow state lives in storage: a new core on the same database carries on."""
    from handlers.app import Doorstep

    what = only(await street.say("rosa", "/ask"))
    street.core = Doorstep(street.store, street.notifier, street.clock)
    when = only(await street.press("rosa", what.payload("Shopping"), private=False))
    assert when.key == posts_texts.ASK_WHEN


async def test_plain_chat_in_the_group_is_left_alone(street: StreetKit) -> None:
    assert await street.say("rosa", "lovely weather today", addressed=False) == []


async def test_board_lists_open_posts_newest_first_with_buttons(street: StreetKit) -> None:
    await street.say("sam", "/offer I can lend a ladder")
    await street.say("rosa", "/ask could someone pick up milk?")
    board = only(await street.say("joe", "/board"))
    assert board.text.splitlines() == [
        "📋 Open on Elm Street:",
        "1. 🙋 “could someone pick up milk?” · any time",
        "2. 🎁 “I can lend a ladder” · any time",
    ]
    assert [c.payload[:2] for c in board.choices] == ["h:", "t:"]


async def test_board_when_empty(street: StreetKit) -> None:
    assert only(await street.say("joe", "/board")).key == posts_texts.BOARD_EMPTY


async def test_board_says_how_many_more(street: StreetKit) -> None:
    for number in range(10):
        await street.say("sam", f"/offer spare item number {number}")
    board = only(await street.say("joe", "/board"))
    assert board.text.splitlines()[-1] == "…and 2 more."
    assert len(board.choices) == 8


async def test_mine_lists_my_posts_privately_with_buttons(street: StreetKit) -> None:
    await street.say("rosa", "/ask could someone pick up milk?")
    redirect = only(await street.say("rosa", "/mine"))
    assert redirect.key == texts.PRIVATE_ONLY and redirect.choices[0].opens_private
    mine = only(await street.tell("rosa", "/mine"))
    assert mine.text.startswith("🙋 Your ask on Elm Street · open")
    assert mine.payload("Take it down").startswith("wd:")


async def test_private_start_welcomes_and_deep_links_carry_on(street: StreetKit) -> None:
    assert only(await street.tell("rosa", "/start")).key == help_texts.WELCOME_PRIVATE
    assert only(await street.tell("rosa", "/start mine")).key == posts_texts.MINE_EMPTY


async def test_group_ask_is_posted_in_that_group(street: StreetKit) -> None:
    card = card_of(await street.say("rosa", "/ask milk please", chat="group-2"))
    assert card.outgoing.to.street.chat_id == "group-2" != GROUP
