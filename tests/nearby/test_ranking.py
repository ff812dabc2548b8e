"""Who hears of an ask, and in what order: nearest first (in five-minute bands), then whoever was told
least recently, never anyone already at the limit their offer states, or told enough for one day."""

from datetime import timedelta

from handlers.nearby import texts as nearby_texts
from tests.fakes import plain
from tests.kit import StreetKit, card_of, only
from tests.nearby.conftest import ELM, ELM_CHAT, FAR, FAR_CHAT, MILL, MILL_CHAT, give_area, moved, suggestions, told

MINUTE = timedelta(minutes=1)


async def test_nearest_first_then_least_recently_told(town: StreetKit) -> None:
    await give_area(town, ELM_CHAT, ELM)
    await give_area(town, MILL_CHAT, MILL)
    await town.share("kim", *moved(ELM, north_m=500))  # Kim lives about 10 minutes' walk away
    await town.say("kim", "/offer I can do a supermarket shop", chat=MILL_CHAT)
    await town.say("sam", "/offer I can do a supermarket shop", chat=MILL_CHAT)
    town.clock.advance(MINUTE)
    await town.say("ann", "/offer happy to get groceries")  # Elm Street, the asker's own street
    sent = await town.say("rosa", "/ask could someone pick up some shopping?")
    assert told(sent) == ["ann", "sam", "kim"]
    where = [s.text.splitlines()[1] for s in suggestions(sent)]
    assert where == ["📍 On your street", "📍 Elm Street, about 5 minutes' walk", "📍 Elm Street, about 10 minutes' walk"]

    # Bea's new offer hears of Rosa's ask, so she was told after Ann, Sam and Kim. On the street, Ann
    # (told longest ago) comes first; nearness still beats fairness: Sam, on Mill Road, comes after Bea.
    town.clock.advance(MINUTE)
    assert told(await town.say("bea", "/offer I can pick up shopping")) == ["bea"]
    town.clock.advance(MINUTE)
    sent = await town.say("tom", "/ask shopping for me too please")
    assert told(sent) == ["ann", "bea", "sam"]


async def test_ties_go_to_who_was_never_told_then_to_the_older_offer(street: StreetKit) -> None:
    for name in ("amy", "ben", "cat", "dan"):
        await street.say(name, "/offer I can do shopping")
        street.clock.advance(MINUTE)
    assert told(await street.say("rosa", "/ask shopping please")) == ["amy", "ben", "cat"]
    street.clock.advance(MINUTE)
    assert told(await street.say("tom", "/ask shopping too")) == ["dan", "amy", "ben"]
    street.clock.advance(MINUTE)
    # Cat was told longest ago; the others were all last told of Tom's ask, so the older offers win.
    assert told(await street.say("una", "/ask and me, shopping")) == ["cat", "amy", "ben"]


async def test_one_neighbour_with_two_offers_is_told_once(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do shopping in the mornings")
    await street.say("sam", "/offer groceries any time")
    sent = await street.say("rosa", "/ask could someone do my shopping tomorrow morning?")
    assert told(sent) == ["sam"]


async def test_outside_the_radius_nobody_hears_and_the_street_group_still_counts(town: StreetKit) -> None:
    await give_area(town, ELM_CHAT, ELM)
    await give_area(town, FAR_CHAT, FAR)
    await town.say("fay", "/offer I can do shopping", chat=FAR_CHAT)
    await town.say("ned", "/offer I can do shopping")  # Elm Street, no location of his own
    await town.share("ida", *FAR)  # Ida is in Elm Street's group but lives 5 km away: the group still counts
    await town.say("ida", "/offer I can do shopping")
    sent = await town.say("rosa", "/ask shopping please")
    assert sorted(told(sent)) == ["ida", "ned"]
    assert {s.text.splitlines()[1] for s in suggestions(sent)} == {"📍 On your street"}


async def test_without_areas_the_group_is_the_radius(town: StreetKit) -> None:
    await town.say("sam", "/offer I can do shopping", chat=MILL_CHAT)
    assert told(await town.say("rosa", "/ask shopping please")) == []
    await town.say("ann", "/offer I can do shopping")
    assert told(await town.say("tom", "/ask shopping please")) == ["ann"]


async def test_a_street_can_choose_a_smaller_radius(town: StreetKit) -> None:
    await give_area(town, ELM_CHAT, ELM)
    await town.share("kim", *moved(ELM, north_m=600))
    await town.say("kim", "/offer I can do shopping", chat=MILL_CHAT)
    assert told(await town.say("rosa", "/ask shopping please")) == ["kim"]
    choices = only(await town.say("olive", "/radius")).choices
    assert [plain(c.label) for c in choices] == [
        "🚶 about 3 minutes' walk", "🚶 about 5 minutes' walk", "🚶 about 10 minutes' walk",
        "🚶 about 15 minutes' walk", "🚶 about 25 minutes' walk",
    ]
    assert only(await town.press("olive", choices[0].payload, private=False)).key == nearby_texts.RADIUS_SET
    assert told(await town.say("tom", "/ask shopping please")) == []  # 600 m is beyond a three-minute walk


async def test_an_offers_stated_capacity_is_respected(street: StreetKit) -> None:
    await street.say("sam", "/offer I can do shopping, up to once a week")
    await street.say("ann", "/offer I can do shopping")
    post_id = card_of(await street.say("rosa", "/ask shopping please")).outgoing.card_of
    await street.press("sam", f"h:{post_id}")
    await street.press("rosa", only(street.notifier.to_person("rosa")).payload("Yes please"))
    street.clock.advance(timedelta(days=2))
    assert told(await street.say("tom", "/ask shopping for me please")) == ["ann"]  # Sam has done his one
    street.clock.advance(timedelta(days=6))
    assert told(await street.say("una", "/ask shopping please?")) == ["sam", "ann"]


async def test_capacity_holds_back_an_offer_hearing_of_asks(street: StreetKit) -> None:
    for asker in ("rosa", "tom"):
        post_id = card_of(await street.say(asker, "/ask could someone walk my dog?")).outgoing.card_of
        await street.press("sam", f"h:{post_id}", private=False)  # Sam says he can help with both
    street.clock.advance(timedelta(hours=1))
    assert told(await street.say("sam", "/offer dog walking, twice a week at most")) == []
    assert told(await street.say("una", "/ask could anyone walk my dog at the weekend?")) == []
    # Ann's new offer hears only of Una's: Rosa's and Tom's are waiting for their yes to Sam.
    sent = await street.say("ann", "/offer I'm happy to walk dogs")
    assert told(sent) == ["ann"] and "at the weekend" in suggestions(sent)[0].text
