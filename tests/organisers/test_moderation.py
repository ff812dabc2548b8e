"""Taking a post down and pausing someone's posting: by replying to the card in the group, or from a
private list; the author hears kindly; non-organisers change nothing."""

from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.domain import PostStatus
from handlers.organisers import texts as organisers_texts
from handlers.posts import texts as posts_texts
from tests.kit import GROUP, StreetKit, card_of, only
from tests.organisers.helpers import answers, in_group, neighbour_id, private_to, street_id


async def _card(street: StreetKit, who: str = "rosa", text: str = "/offer selling raffle tickets, DM me"):
    await street.say("olga", "/board")  # the organiser has been seen in the group
    return card_of(await street.say(who, text))


async def test_remove_as_a_reply_to_the_card(street: StreetKit) -> None:
    card = await _card(street)
    await street.press("sam", card.payload("Yes please"), private=False)
    sent = await street.say("olga", "/remove", reply_to=card.ref.message_id)  # type: ignore[union-attr]
    post = await street.store.posts.get(card.outgoing.card_of)  # type: ignore[arg-type]
    assert post is not None and post.status is PostStatus.WITHDRAWN
    assert street.notifier.edits[-1].text.startswith("This one has closed") and street.notifier.edits[-1].choices == ()
    to_rosa = only(private_to(sent, "rosa"))
    assert to_rosa.text.startswith("The organisers of Elm Street have taken down your post “selling raffle tickets")
    assert only(private_to(sent, "sam")).key == posts_texts.WITHDRAWN_FOR_RESPONDER
    assert only(private_to(sent, "olga")).key == organisers_texts.TAKEN_DOWN_BY_ORGANISER
    assert in_group(sent) == []
    again = await street.say("olga", "/remove", reply_to=card.ref.message_id)  # type: ignore[union-attr]
    assert only(again).key == texts.ALREADY_DONE


async def test_a_neighbour_replying_remove_changes_nothing(street: StreetKit) -> None:
    card = await _card(street)
    before = await street.snapshot()
    assert only(await street.say("sam", "/remove", reply_to=card.ref.message_id)).key == organisers_texts.FOR_ORGANISERS  # type: ignore[union-attr]
    assert only(await street.say("sam", "/pause", reply_to=card.ref.message_id)).key == organisers_texts.FOR_ORGANISERS  # type: ignore[union-attr]
    assert await street.snapshot() == before


async def test_a_reply_to_something_that_isnt_a_card(street: StreetKit) -> None:
    await _card(street)
    board = only(await street.say("sam", "/board"))
    for replied in (board.ref.message_id, "99999", "not-a-number"):  # type: ignore[union-attr]
        assert only(await street.say("olga", "/remove", reply_to=replied)).key == organisers_texts.NOT_A_CARD
    assert await street.count("posts", "status = 'open'") == 1


async def test_a_card_from_another_street_cant_be_removed_here(street: StreetKit) -> None:
    other = card_of(await street.say("rosa", "/offer lending a drill", chat="group-2"))
    assert only(await street.say("olga", "/remove", reply_to=other.ref.message_id)).key == organisers_texts.NOT_A_CARD  # type: ignore[union-attr]


async def test_remove_from_a_private_list(street: StreetKit) -> None:
    await _card(street)
    await street.tell("rosa", "/ask could someone water my plants this weekend?")  # anonymous
    header, newest, older = await street.tell("olga", "/remove")
    assert header.key == organisers_texts.MODERATE_HEADER
    assert newest.text.startswith("🙋 A neighbour could use a hand")  # the list names nobody the card doesn't
    assert older.text.startswith("🎁 Rosa is offering")
    sent = await street.press("olga", older.payload("Take it down"))
    assert only(private_to(sent, "rosa")).key == organisers_texts.TAKEN_DOWN_FOR_AUTHOR
    assert answers(await street.press("olga", older.payload("Take it down"))) == [texts.ALREADY_DONE]
    assert await street.count("posts", "status = 'withdrawn'") == 1


async def test_pause_as_a_reply_then_posting_waits(street: StreetKit) -> None:
    card = await _card(street)
    how_long = only(await street.say("olga", "/pause", reply_to=card.ref.message_id))  # type: ignore[union-attr]
    assert [c.payload.split(":")[-1] for c in how_long.choices] == ["1", "7", "30"]
    sent = await street.press("olga", how_long.payload("A week"))
    assert only(private_to(sent, "rosa")).text.startswith("The organisers of Elm Street have paused your posting there")
    done = only(private_to(sent, "olga"))
    assert done.text == "⏸ The author of “selling raffle tickets, DM me” can't post on Elm Street through me until 9 March."
    before = await street.count("posts")
    reply = only(await street.say("rosa", "/offer more raffle tickets"))
    assert reply.key == posts_texts.POSTING_PAUSED and "until 9 March" in reply.text
    assert only(await street.say("rosa", "/ask")).key == posts_texts.POSTING_PAUSED  # the guided way too
    assert only(await street.tell("rosa", "/offer raffle tickets again")).key == posts_texts.POSTING_PAUSED
    assert await street.count("posts") == before
    # They can still answer others.
    other = card_of(await street.say("sam", "/ask could someone lend a ladder?"))
    assert answers(await street.press("rosa", other.payload("I can help"), private=False)) == [posts_texts.THANKS_FOR_OFFERING]
    street.clock.advance(timedelta(days=7))
    assert card_of(await street.say("rosa", "/offer raffle tickets for the street party"))


async def test_lifting_a_pause(street: StreetKit) -> None:
    card = await _card(street)
    header, listed = await street.tell("olga", "/pause")
    how_long = only(await street.press("olga", listed.payload("Pause its author")))
    done = only(private_to(await street.press("olga", how_long.payload("A month")), "olga"))
    lifted = await street.press("olga", done.payload("Lift the pause"))
    assert only(private_to(lifted, "rosa")).key == organisers_texts.PAUSE_LIFTED_FOR_AUTHOR
    assert answers(await street.press("olga", done.payload("Lift the pause"))) == [texts.ALREADY_DONE]
    assert card_of(await street.say("rosa", "/offer raffle tickets for the street party"))
    assert card.outgoing.card_of


async def test_an_organiser_cant_pause_themselves_and_the_pause_is_per_street(street: StreetKit) -> None:
    own = await _card(street, who="olga", text="/offer spare seedlings")
    assert only(await street.say("olga", "/pause", reply_to=own.ref.message_id)).key == organisers_texts.PAUSE_NOT_YOURSELF  # type: ignore[union-attr]
    card = await _card(street)
    await street.say("rosa", "/board", chat="group-2")
    how_long = only(await street.say("olga", "/pause", reply_to=card.ref.message_id))  # type: ignore[union-attr]
    await street.press("olga", how_long.payload("A day"))
    rosa = await neighbour_id(street, "rosa")
    assert await street.store.neighbours.paused_until(await street_id(street), rosa) is not None
    assert card_of(await street.say("rosa", "/offer lending a drill", chat="group-2"))  # another street: fine
    assert only(await street.say("rosa", "/offer lending a drill", chat=GROUP)).key == posts_texts.POSTING_PAUSED
