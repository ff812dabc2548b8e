import asyncio
from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.domain import PostStatus, ResponseStatus
from handlers.posts import texts as posts_texts
from tests.kit import GROUP, StreetKit, card_of, only


async def _ask(street: StreetKit, who: str = "rosa", text: str = "/ask could someone pick up milk tomorrow?") -> int:
    card = card_of(await street.say(who, text))
    return card.outgoing.card_of  # type: ignore[return-value]


async def test_i_can_help_asks_the_author_and_marks_the_card(street: StreetKit) -> None:
    post_id = await _ask(street)
    sent = await street.press("sam", f"h:{post_id}", private=False)
    assert [s.key for s in street.notifier.to_presser("sam")] == [posts_texts.THANKS_FOR_OFFERING]
    prompt = only(street.notifier.to_person("rosa"))
    assert prompt.text.startswith("🙋 Sam can help with your ask: “could someone pick up milk tomorrow?”")
    assert prompt.payload("Yes please").startswith("ok:")
    assert street.notifier.edits[-1].text.endswith("💛 Someone has offered — waiting for a yes.")
    assert sent


async def test_yes_puts_both_in_touch_and_the_card_shows_sorted(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    yes = only(street.notifier.to_person("rosa")).payload("Yes please")
    await street.press("rosa", yes)
    to_rosa = only(street.notifier.to_person("rosa"))
    to_sam = only(street.notifier.to_person("sam"))
    assert to_rosa.key == posts_texts.IN_TOUCH_AUTHOR and "You and Sam" in to_rosa.text
    assert to_sam.key == posts_texts.IN_TOUCH_RESPONDER and "Rosa" in to_sam.text
    assert {c.payload[:3] for c in to_sam.choices} == {"dn:", "cm:"}
    edit = street.notifier.edits[-1]
    assert edit.text.startswith("✅ Sorted") and edit.choices == ()
    assert edit.ref.chat_id == GROUP
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.MATCHED


async def test_yes_pressed_twice_changes_nothing(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    yes = only(street.notifier.to_person("rosa")).payload("Yes please")
    await street.press("rosa", yes)
    before = await street.snapshot()
    assert only(await street.press("rosa", yes)).key == texts.ALREADY_DONE
    assert await street.snapshot() == before


async def test_only_the_author_can_say_yes(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    yes = only(street.notifier.to_person("rosa")).payload("Yes please")
    before = await street.snapshot()
    assert only(await street.press("sam", yes)).key == texts.NOT_FOR_YOU
    assert only(await street.press("joe", yes)).key == texts.NOT_FOR_YOU
    assert await street.snapshot() == before


async def test_own_post_and_answering_twice(street: StreetKit) -> None:
    post_id = await _ask(street)
    assert only(await street.press("rosa", f"h:{post_id}", private=False)).key == posts_texts.OWN_POST
    await street.press("sam", f"h:{post_id}", private=False)
    before = await street.snapshot()
    assert only(await street.press("sam", f"h:{post_id}", private=False)).key == posts_texts.ALREADY_RESPONDED
    assert await street.snapshot() == before


async def test_a_post_that_does_not_exist(street: StreetKit) -> None:
    assert only(await street.press("sam", "h:9999", private=False)).key == texts.POST_NOT_FOUND
    assert only(await street.press("sam", "ok:9999")).key == texts.POST_NOT_FOUND
    assert only(await street.press("sam", "zz:1")).key == texts.BUTTON_EXPIRED
    assert only(await street.press("sam", "h:abc", private=False)).key == texts.BUTTON_EXPIRED
    assert await street.count("responses") == 0


async def test_choosing_one_helper_thanks_the_others(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    first = only(street.notifier.to_person("rosa")).payload("Yes please")
    await street.press("joe", f"h:{post_id}", private=False)
    second_prompt = only(street.notifier.to_person("rosa"))
    await street.press("rosa", first)
    assert only(street.notifier.to_person("joe")).key == posts_texts.SOMEONE_ELSE_CHOSEN
    # Joe's "yes" button is now stale.
    assert only(await street.press("rosa", second_prompt.payload("Yes please"))).key == texts.POST_NOT_OPEN


async def test_not_this_time_thanks_the_helper_and_keeps_the_post_open(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    no = only(street.notifier.to_person("rosa")).payload("Not this time")
    sent = await street.press("rosa", no)
    assert only(street.notifier.to_person("sam")).key == posts_texts.DECLINED_FOR_RESPONDER
    assert any(s.key == posts_texts.NOTED_NOT_THIS_TIME for s in sent)
    assert not street.notifier.edits[-1].text.endswith("waiting for a yes.")
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.OPEN


async def test_a_card_is_edited_only_when_what_it_shows_changes(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    assert len(street.notifier.edits) == 1  # "someone has offered" appears
    no_to_sam = only(street.notifier.to_person("rosa")).payload("Not this time")
    await street.press("joe", f"h:{post_id}", private=False)
    assert len(street.notifier.edits) == 1  # a second offer shows nothing new
    no_to_joe = only(street.notifier.to_person("rosa")).payload("Not this time")
    await street.press("rosa", no_to_sam)
    assert len(street.notifier.edits) == 1  # Joe's offer still waits for a yes
    await street.press("rosa", no_to_joe)
    assert len(street.notifier.edits) == 2 and not street.notifier.edits[-1].text.endswith("waiting for a yes.")

    offer = card_of(await street.say("joe", "/offer I can lend a ladder")).outgoing.card_of
    await street.press("sam", f"t:{offer}", private=False)
    assert len(street.notifier.edits) == 2  # an offer's card never says who asked for it
    assert "would like your offer" in only(street.notifier.to_person("joe")).text


async def test_cant_make_it_reopens_and_asks_others(street: StreetKit) -> None:
    await street.say("joe", "/offer I can do shopping any day")
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    street.notifier.take()
    await street.press("sam", f"cm:{post_id}")
    assert only(street.notifier.to_person("rosa")).key == posts_texts.HANDED_BACK_FOR_AUTHOR
    assert street.notifier.edits[-1].text.startswith("🙋 Rosa could use a hand")
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.OPEN
    # Joe was told when the ask was posted, so he isn't told again; Sam is never re-asked for it.
    assert street.notifier.to_person("joe") == []
    assert await street.store.suggestions.told(post_id) >= {(await street.store.neighbours.find("test", "sam")).id}


async def test_only_the_helper_can_hand_back(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    before = await street.snapshot()
    assert only(await street.press("joe", f"cm:{post_id}")).key == texts.NOT_FOR_YOU
    assert only(await street.press("rosa", f"cm:{post_id}")).key == texts.NOT_FOR_YOU
    assert await street.snapshot() == before


async def test_done_by_either_side_closes_and_tells_the_other(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    sent = await street.press("sam", f"dn:{post_id}")
    assert any(s.key == posts_texts.MARKED_DONE for s in sent)
    assert only(street.notifier.to_person("rosa")).key == posts_texts.DONE_FOR_OTHER
    assert only(await street.press("rosa", f"dn:{post_id}")).key == texts.ALREADY_DONE
    post = await street.store.posts.get(post_id)
    assert post is not None and post.status is PostStatus.DONE and post.closed_at is not None


async def test_withdraw_tells_those_who_answered(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    assert only(await street.press("sam", f"wd:{post_id}")).key == texts.NOT_FOR_YOU
    await street.press("rosa", f"wd:{post_id}")
    assert only(street.notifier.to_person("sam")).key == posts_texts.WITHDRAWN_FOR_RESPONDER
    assert street.notifier.edits[-1].text.startswith("This one has closed")
    responses = await street.store.responses.of_post(post_id, ResponseStatus.WITHDRAWN)
    assert len(responses) == 1


async def test_yes_please_on_an_offer_asks_the_offerer(street: StreetKit) -> None:
    offer = card_of(await street.say("sam", "/offer I can lend a ladder"))
    await street.press("rosa", offer.payload("Yes please"), private=False)
    prompt = only(street.notifier.to_person("sam"))
    assert prompt.text.startswith("🙏 Rosa would like your offer: “I can lend a ladder”")
    await street.press("sam", prompt.payload("Yes please"))
    to_rosa = only(street.notifier.to_person("rosa"))
    # On an offer, the offerer is the one who helps, so only they get "I can't make it".
    assert [c.payload[:3] for c in to_rosa.choices] == ["dn:"]


async def test_give_back_invitation_comes_rarely(street: StreetKit) -> None:
    async def helped_once() -> list[str]:
        post_id = await _ask(street, text="/ask could someone fetch my prescription?")
        await street.press("sam", f"h:{post_id}", private=False)
        await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
        await street.press("sam", f"dn:{post_id}")
        return [s.key for s in street.notifier.to_person("rosa")]

    assert posts_texts.GIVE_BACK_INVITATION not in await helped_once()  # never after the first help
    assert posts_texts.GIVE_BACK_INVITATION in await helped_once()
    street.clock.advance(timedelta(days=3))
    assert posts_texts.GIVE_BACK_INVITATION not in await helped_once()
    assert posts_texts.GIVE_BACK_INVITATION not in await helped_once()  # not again within a month
    street.clock.advance(timedelta(days=31))
    assert posts_texts.GIVE_BACK_INVITATION in await helped_once()


async def test_no_invitation_for_someone_already_offering(street: StreetKit) -> None:
    await street.say("rosa", "/offer I can bake a cake")
    for _ in range(3):
        post_id = await _ask(street, text="/ask could someone fetch my prescription?")
        await street.press("sam", f"h:{post_id}", private=False)
        await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
        await street.press("sam", f"dn:{post_id}")
        assert posts_texts.GIVE_BACK_INVITATION not in [s.key for s in street.notifier.to_person("rosa")]


async def test_two_confirmations_at_once_give_one_helper(street: StreetKit) -> None:
    post_id = await _ask(street)
    await street.press("sam", f"h:{post_id}", private=False)
    yes_sam = only(street.notifier.to_person("rosa")).payload("Yes please")
    await street.press("joe", f"h:{post_id}", private=False)
    yes_joe = only(street.notifier.to_person("rosa")).payload("Yes please")
    from handlers.kernel.incoming import Incoming, IncomingKind

    def press(payload: str) -> Incoming:
        return Incoming("test", "rosa", "rosa", True, IncomingKind.PRESS, payload=payload, user_name="Rosa")

    await asyncio.gather(street.core.handle(press(yes_sam)), street.core.handle(press(yes_joe)))
    assert len(await street.store.responses.of_post(post_id, ResponseStatus.CONFIRMED)) == 1
