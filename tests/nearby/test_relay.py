"""Consent-based contact: the asker chooses to share their username, or to talk through the bot —
words passed both ways, neither handle shown, nothing kept, until either ends it or it's done."""

from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.messages import ToPerson
from handlers.kernel.render import persons_in
from handlers.nearby import texts as nearby_texts
from handlers.posts import texts as posts_texts
from handlers.words import texts as words_texts
from tests.fakes import Sent
from tests.kit import StreetKit, card_of, only


async def _in_touch_through_the_bot(street: StreetKit, asker: str = "rosa", text: str = "/ask could someone pick up milk?") -> int:
    post_id = card_of(await street.say(asker, text)).outgoing.card_of
    assert post_id is not None
    await street.press("sam", f"h:{post_id}", private=False)
    prompt = only(street.notifier.to_person(asker))
    assert "share your username with them, or talk through me" in prompt.text
    await street.press(asker, prompt.payload("talk through Doorstep"))
    return post_id


def _people_named(sent: Sent) -> set[str]:
    return {who.user_id for who in persons_in(sent.outgoing.text)}


async def test_talking_through_the_bot_hides_both_handles(street: StreetKit) -> None:
    await _in_touch_through_the_bot(street)
    to_rosa, to_sam = only(street.notifier.to_person("rosa")), only(street.notifier.to_person("sam"))
    assert to_rosa.key == nearby_texts.RELAY_STARTED_AUTHOR and to_sam.key == nearby_texts.RELAY_STARTED_RESPONDER
    assert "rosa" not in _people_named(to_sam)  # Sam never gets Rosa's name or a link to her
    assert {c.payload[:3] for c in to_sam.choices} == {"dn:", "cm:", "ec:"}

    passed = only(await street.tell("rosa", "Thank you! The blue door, any time after 10"))
    assert isinstance(passed.outgoing.to, ToPerson) and passed.outgoing.to.person.user_id == "sam"
    assert passed.text == "💬 About “could someone pick up milk?”:\n“Thank you! The blue door, any time after 10”"
    assert _people_named(passed) == set()
    back = only(await street.tell("sam", "👍"))
    assert back.outgoing.to.person.user_id == "rosa" and back.text.endswith("“👍”")  # type: ignore[union-attr]
    # The words went through; none of them stayed.
    assert await street.count("held_messages") == 0
    for table in ("posts", "relays", "conversations", "suggestions", "responses"):
        for row in await street.store.db.fetch_all(f"SELECT * FROM {table}"):
            assert not any(isinstance(v, str) and ("blue door" in v or "👍" in v) for v in tuple(row))


async def test_sharing_the_username_puts_them_in_touch_directly(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone pick up milk?")).outgoing.card_of
    await street.press("sam", f"h:{post_id}", private=False)
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("share my username"))
    assert only(street.notifier.to_person("sam")).key == posts_texts.IN_TOUCH_RESPONDER
    assert "rosa" in _people_named(only(street.notifier.to_person("sam")))
    assert only(await street.tell("rosa", "hello?")).key == words_texts.HELLO  # nothing is passed on


async def test_either_can_end_it_and_then_nothing_is_passed_on(street: StreetKit) -> None:
    await _in_touch_through_the_bot(street)
    end = only(street.notifier.to_person("sam")).payload("End chat")
    assert only(await street.press("joe", end)).key == texts.NOT_FOR_YOU
    sent = await street.press("sam", end)
    assert [s.key for s in sent] == [nearby_texts.RELAY_ENDED, nearby_texts.RELAY_ENDED]
    assert {s.outgoing.to.person.user_id for s in sent} == {"sam", "rosa"}  # type: ignore[union-attr]
    assert only(await street.tell("rosa", "are you still there?")).key == words_texts.NOT_SURE  # not passed on
    assert only(await street.press("rosa", end)).key == texts.ALREADY_DONE
    assert await street.count("relays") == 0


async def test_the_chat_ends_when_the_ask_is_done(street: StreetKit) -> None:
    post_id = await _in_touch_through_the_bot(street)
    await street.press("sam", f"dn:{post_id}")
    assert await street.count("relays") == 0
    assert only(await street.tell("sam", "bye")).key == words_texts.GOODBYE  # not passed on


async def test_the_chat_ends_when_the_helper_hands_back(street: StreetKit) -> None:
    post_id = await _in_touch_through_the_bot(street)
    await street.press("sam", f"cm:{post_id}")
    assert await street.count("relays") == 0
    assert only(await street.tell("rosa", "oh no")).key == words_texts.NOT_SURE  # not passed on


async def test_endchat_command(street: StreetKit) -> None:
    assert only(await street.tell("sam", "/endchat")).key == nearby_texts.NO_CHAT_TO_END
    await _in_touch_through_the_bot(street)
    sent = await street.tell("sam", "/endchat")
    assert [s.key for s in sent] == [nearby_texts.RELAY_ENDED, nearby_texts.RELAY_ENDED]


async def test_odd_words_are_not_passed_on(street: StreetKit) -> None:
    await _in_touch_through_the_bot(street)
    assert only(await street.tell("rosa", "x" * 2000)).key == nearby_texts.RELAY_TOO_LONG
    assert only(await street.tell("rosa", "hi\x07there")).key == texts.CONTROL_CHARACTERS
    assert only(await street.tell("rosa", "   ")).key == texts.NO_WORDS
    assert street.notifier.to_person("sam") == []


async def test_commands_are_still_commands_in_a_chat(street: StreetKit) -> None:
    await _in_touch_through_the_bot(street)
    sent = await street.tell("rosa", "/mine")
    assert street.notifier.to_person("sam") == [] and sent


async def test_someone_not_reachable_yet_gets_it_later_and_the_writer_knows(street: StreetKit) -> None:
    await _in_touch_through_the_bot(street)
    street.notifier.unreachable.add("rosa")
    await street.store.neighbours.set_reachable((await street.store.neighbours.find("test", "rosa")).id, False)  # type: ignore[union-attr]
    sent = await street.tell("sam", "see you at ten")
    assert [s.key for s in sent] == [texts.OPEN_PRIVATE_CHAT, nearby_texts.RELAY_WAITING]  # a nudge to Rosa in the group
    assert only(street.notifier.to_person("sam")).key == nearby_texts.RELAY_WAITING
    assert await street.count("held_messages") == 1
    street.notifier.unreachable.clear()
    delivered = await street.tell("rosa", "/start")
    assert any(s.text.endswith("“see you at ten”") for s in delivered)
    assert await street.count("held_messages") == 0


async def test_with_two_chats_reply_picks_which(street: StreetKit) -> None:
    await _in_touch_through_the_bot(street, "rosa", "/ask could someone pick up milk?")
    await _in_touch_through_the_bot(street, "tom", "/ask could someone post a parcel?")
    first = only(await street.tell("rosa", "milk is in the fridge note"))
    assert [c.payload[:3] for c in first.choices] == ["rr:", "ec:"]  # Sam has two chats going
    assert "post a parcel" not in first.text
    # Sam's words go to his latest chat (Tom) unless he picks Rosa's with "Reply".
    street.clock.advance(timedelta(minutes=1))
    assert only(await street.tell("sam", "on my way")).outgoing.to.person.user_id == "tom"  # type: ignore[union-attr]
    street.clock.advance(timedelta(minutes=1))
    assert only(await street.press("sam", first.payload("Reply"))).key == nearby_texts.RELAY_REPLY_HERE
    assert only(await street.tell("sam", "got it")).outgoing.to.person.user_id == "rosa"  # type: ignore[union-attr]
