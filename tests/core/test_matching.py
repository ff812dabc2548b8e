from datetime import timedelta

from handlers.nearby import texts as nearby_texts
from tests.kit import StreetKit, card_of


async def test_an_ask_is_told_to_the_matching_offerers_only(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do a supermarket shop any morning")
    await street.say("ann", "/offer happy to walk a dog")  # another category
    await street.say("joe", "/offer I can pick up groceries in the evenings")  # another time of day
    await street.say("rosa", "/ask could someone pick up milk tomorrow morning?")
    told = [s for s in street.notifier.sent if s.key == "{lines}" and nearby_texts.ASK_FITS_YOUR_OFFER in str(s.outgoing.text)]
    assert [s.outgoing.to.person.user_id for s in told] == ["sam"]
    assert told[0].payload("I can help").startswith("h:")


async def test_at_most_a_few_offerers_least_recently_told_first(street: StreetKit) -> None:
    for name in ("amy", "ben", "cat", "dan", "eve"):
        await street.say(name, "/offer I can do shopping")
        street.clock.advance(timedelta(minutes=1))
    await street.say("rosa", "/ask shopping please")
    first = {s.outgoing.to.person.user_id for s in street.notifier.sent if s.outgoing.card_of is None}
    assert first == {"amy", "ben", "cat"}
    street.clock.advance(timedelta(minutes=1))
    await street.say("tom", "/ask shopping for me too")
    second = [s.outgoing.to.person.user_id for s in street.notifier.sent if s.outgoing.card_of is None]
    # Dan and Eve haven't been asked yet, so they come first; then the one asked longest ago.
    assert second == ["dan", "eve", "amy"]


async def test_an_offer_hears_of_the_asks_it_fits(street: StreetKit) -> None:
    await street.say("rosa", "/ask could someone walk my dog on Saturday?")
    await street.say("tom", "/ask could someone help with shopping?")
    sent = await street.say("sam", "/offer I can walk a dog at the weekend")
    told = [s for s in sent if s.outgoing.card_of is None]
    assert len(told) == 1 and told[0].outgoing.to.person.user_id == "sam"
    assert "walk my dog" in told[0].text
    # Nobody is told twice about the same ask.
    again = await street.say("sam", "/offer also happy to walk dogs on Saturdays")
    assert [s for s in again if s.outgoing.card_of is None] == []


async def test_own_posts_and_something_else_are_not_suggested(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do shopping")
    sent = await street.say("sam", "/ask could someone do my shopping?")
    assert [s for s in sent if s.outgoing.card_of is None] == []
    await street.say("ann", "/offer knitting lessons")
    sent = await street.say("rosa", "/ask anyone into knitting?")
    assert card_of(sent) and [s for s in sent if s.outgoing.card_of is None] == []


async def test_other_streets_offers_are_not_suggested(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do shopping", chat="group-2")
    sent = await street.say("rosa", "/ask shopping please")
    assert [s for s in sent if s.outgoing.card_of is None] == []
