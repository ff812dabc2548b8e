"""/quiet and a hello from the street: who's gone quiet, a hello in two taps, at most one a
fortnight, never to someone who said no, and never kept waiting if it can't be delivered."""

from datetime import timedelta

from handlers.kernel import texts
from handlers.kernel.messages import ToStreet
from handlers.organisers import texts as organisers_texts
from tests.kit import StreetKit, card_of, only
from tests.organisers.helpers import answers, in_group, neighbour_id, private_to, street_id


async def _quiet_list(street: StreetKit) -> list:
    sent = await street.say("olga", "/quiet")
    assert in_group(sent) == []
    return private_to(sent, "olga")


async def test_who_has_gone_quiet_and_a_hello_in_two_taps(street: StreetKit) -> None:
    await street.join("sam")
    await street.say("rosa", "/board")
    street.clock.advance(timedelta(days=22))
    await street.say("rosa", "/board")  # Rosa is still around; Sam hasn't been seen for 22 days
    header, sam = await _quiet_list(street)
    assert header.key == organisers_texts.QUIET_HEADER and "21 days" in header.text
    assert sam.text == "Sam — last active here 22 days ago"
    assert "Sam" not in sam.choices[0].label.key and "Sam" not in str(sam.choices[0].label.params)
    hello = sam.payload("Say hello")
    sent = await street.press("olga", hello)  # tap two
    assert answers(sent) == [organisers_texts.HELLO_ON_ITS_WAY]
    to_sam = only(private_to(sent, "sam"))
    assert to_sam.key == organisers_texts.HELLO and "Elm Street" in to_sam.text
    assert to_sam.payload("No more hellos").startswith("ohn:")
    assert only(private_to(sent, "olga")).text == "👋 I've said hello to Sam for the street."
    assert in_group(sent) == []


async def test_the_list_is_private_short_and_leaves_out_the_asker(street: StreetKit) -> None:
    for number in range(13):
        await street.join(f"n{number}")
    await street.say("olga", "/board")
    street.clock.advance(timedelta(days=30))
    listed = await _quiet_list(street)
    assert len(listed) == 1 + 10 + 1
    assert listed[-1].text == "…and 3 more."
    assert not any("Olga" in s.text for s in listed)


async def test_nobody_quiet(street: StreetKit) -> None:
    await street.say("sam", "/board")
    assert only(await street.say("olga", "/quiet")).key == organisers_texts.QUIET_NOBODY


async def test_pressing_in_private_on_a_streets_post_counts_as_being_around(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do shopping any day")
    street.clock.advance(timedelta(days=20))
    await street.say("rosa", "/ask could someone pick up shopping tomorrow?")
    suggestion = only(street.notifier.to_person("sam"))
    street.clock.advance(timedelta(days=5))
    await street.press("sam", suggestion.payload("I can help"))  # privately, 25 days after Sam last spoke
    listed = await _quiet_list(street)
    assert listed[0].key == organisers_texts.QUIET_NOBODY


async def test_a_stale_button_about_another_street_makes_nobody_a_member(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone pick up shopping tomorrow?")).outgoing.card_of
    await street.press("zed", f"h:{post_id}")  # Zed was never seen in the street
    zed = await neighbour_id(street, "zed")
    assert await street.store.streets.of_neighbour(zed) == []


async def test_at_most_one_hello_a_fortnight(street: StreetKit) -> None:
    await street.join("sam")
    street.clock.advance(timedelta(days=25))
    hello = (await _quiet_list(street))[1].payload("Say hello")
    await street.press("olga", hello)
    street.clock.advance(timedelta(days=3))
    again = (await _quiet_list(street))[1]
    assert again.choices == () and "Had a hello from the street recently" in again.text
    assert answers(await street.press("olga", hello)) == [organisers_texts.HELLO_TOO_SOON]
    assert await street.count("hellos") == 1
    street.clock.advance(timedelta(days=11))
    later = (await _quiet_list(street))[1]
    assert only(private_to(await street.press("olga", later.payload("Say hello")), "sam")).key == organisers_texts.HELLO


async def test_no_more_hellos_is_one_tap_and_can_be_undone(street: StreetKit) -> None:
    await street.join("sam")
    street.clock.advance(timedelta(days=25))
    hello = (await _quiet_list(street))[1].payload("Say hello")
    to_sam = only(private_to(await street.press("olga", hello), "sam"))
    stop = to_sam.payload("No more hellos")
    assert answers(await street.press("rosa", stop)) == [texts.NOT_FOR_YOU]
    done = only(await street.press("sam", stop))
    assert done.key == organisers_texts.NO_MORE_HELLOS
    street.clock.advance(timedelta(days=30))
    listed = (await _quiet_list(street))[1]
    assert listed.choices == () and "rather not get hellos" in listed.text
    assert answers(await street.press("olga", hello)) == [organisers_texts.HELLO_NOT_WANTED]
    assert answers(await street.press("sam", stop)) == [texts.ALREADY_DONE]
    assert only(await street.press("sam", done.payload("Hellos are welcome"))).key == organisers_texts.HELLOS_WELCOME
    assert (await _quiet_list(street))[1].payload("Say hello")


async def test_an_undeliverable_hello_is_not_kept_and_the_organiser_may_mention_them(street: StreetKit) -> None:
    await street.join("sam")
    street.clock.advance(timedelta(days=25))
    hello = (await _quiet_list(street))[1].payload("Say hello")
    street.notifier.unreachable.add("sam")  # Sam never opened a private chat with the bot
    sent = await street.press("olga", hello)
    assert private_to(sent, "sam") == []
    assert in_group(sent) == []  # no "I've a message for you" nudge in the group
    assert await street.count("held_messages") == 0
    assert await street.count("hellos") == 0  # it didn't arrive, so it doesn't count
    told = only(private_to(sent, "olga"))
    assert told.key == organisers_texts.HELLO_UNREACHABLE and "Sam" in told.text
    sent = await street.press("olga", told.payload("Say hello in the group"))
    mention = only(in_group(sent))
    assert mention.key == organisers_texts.HELLO_IN_GROUP and mention.text.startswith("👋 Sam, hello from everyone on Elm Street")
    assert isinstance(mention.outgoing.to, ToStreet) and mention.outgoing.to.street.chat_id == "group-1"
    assert only(private_to(sent, "olga")).key == organisers_texts.HELLO_MENTIONED
    assert await street.count("hellos") == 1
    # Only Sam can turn hellos off from the group's message.
    assert answers(await street.press("rosa", mention.payload("No more hellos"), private=False)) == [texts.NOT_FOR_YOU]
    assert answers(await street.press("sam", mention.payload("No more hellos"), private=False)) == [organisers_texts.NO_MORE_HELLOS]


async def test_a_failed_hello_can_be_tried_again(street: StreetKit) -> None:
    await street.join("sam")
    street.clock.advance(timedelta(days=25))
    hello = (await _quiet_list(street))[1].payload("Say hello")
    street.notifier.failing = True
    await street.press("olga", hello)
    street.notifier.failing = False
    assert await street.count("hellos") == 0
    assert only(private_to(await street.press("olga", hello), "sam")).key == organisers_texts.HELLO


async def test_the_streets_own_hello(street: StreetKit) -> None:
    await street.join("sam")
    await street.store.street_settings.put(await street_id(street), "hello_text", "We miss you at the Sunday coffee! Pop by any time.")
    street.clock.advance(timedelta(days=25))
    hello = (await _quiet_list(street))[1].payload("Say hello")
    to_sam = only(private_to(await street.press("olga", hello), "sam"))
    assert to_sam.text == "👋 A hello from Elm Street:\nWe miss you at the Sunday coffee! Pop by any time."


async def test_someone_who_left_gets_no_hello(street: StreetKit) -> None:
    await street.join("sam")
    street.clock.advance(timedelta(days=25))
    hello = (await _quiet_list(street))[1].payload("Say hello")
    await street.leave("sam")
    assert answers(await street.press("olga", hello)) == [organisers_texts.HELLO_NOT_IN_STREET]


async def test_hellos_are_forgotten_after_60_days(street: StreetKit) -> None:
    await street.join("sam")
    street.clock.advance(timedelta(days=25))
    await street.press("olga", (await _quiet_list(street))[1].payload("Say hello"))
    await street.wait(timedelta(days=59))
    assert await street.count("hellos") == 1
    await street.wait(timedelta(days=2))
    assert await street.count("hellos") == 0
