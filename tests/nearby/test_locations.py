"""Sharing where you are, coarsely: a street's area from its organiser's pin, a neighbour's own rough
area (cleared in one command or one tap), and everything odd answered kindly with nothing changed."""

import logging
from datetime import timedelta

import h3
import pytest

from bot.location import cell_of
from handlers.kernel import texts
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import ToPerson, ToStreet
from handlers.nearby import texts as nearby_texts
from handlers.nearby.geo import RESOLUTION
from tests.kit import GROUP, PLATFORM, StreetKit, only
from tests.nearby.conftest import ELM, ELM_CHAT, MILL, ORGANISER, assert_only_cells, give_area


async def _street_id(kit: StreetKit, chat: str = GROUP) -> int:
    return (await kit.store.streets.get_or_create(PLATFORM, chat, None, kit.clock.now())).id


async def _own_cell(kit: StreetKit, who: str) -> str | None:
    neighbour = await kit.store.neighbours.find(PLATFORM, who)
    return await kit.store.cells.of_neighbour(neighbour.id) if neighbour else None


async def test_an_organiser_sets_the_street_area_with_one_private_pin(town: StreetKit) -> None:
    asked = only(await town.say(ORGANISER, "/area"))
    assert asked.key == nearby_texts.AREA_SHARE_PIN and asked.choices[0].opens_private
    assert only(await town.tell(ORGANISER, f"/start {asked.choices[0].payload}")).key == nearby_texts.AREA_SHARE_PIN_HERE
    sent = await town.share(ORGANISER, *ELM)
    assert [s.key for s in sent] == [nearby_texts.AREA_SET, nearby_texts.AREA_SET_FOR_STREET]
    assert isinstance(sent[1].outgoing.to, ToStreet)
    assert "about 10 minutes' walk" in sent[1].text
    assert await town.store.areas.of_street(await _street_id(town)) == cell_of(*ELM)
    # The organiser's own location is untouched: that pin was the street's.
    assert await _own_cell(town, ORGANISER) is None
    # The next pin is their own again.
    assert only(await town.share(ORGANISER, *MILL)).key == nearby_texts.LOCATION_SAVED
    await assert_only_cells(town.store, ELM, MILL)


async def test_only_organisers_set_an_area_and_it_is_checked_again_at_the_pin(town: StreetKit) -> None:
    assert only(await town.say("sam", "/area")).key == nearby_texts.ORGANISERS_ONLY
    assert only(await town.tell("sam", "/area")).key == texts.GROUP_ONLY
    await town.say(ORGANISER, "/area")
    town.core.services.organisers.user_ids.discard(ORGANISER)  # type: ignore[attr-defined]  # demoted meanwhile
    assert only(await town.share(ORGANISER, *ELM)).key == nearby_texts.ORGANISERS_ONLY
    assert await town.count("street_areas") == 0 and await town.count("neighbour_cells") == 0


async def test_an_area_can_be_cleared(town: StreetKit) -> None:
    await give_area(town, ELM_CHAT, ELM)
    assert only(await town.say(ORGANISER, "/area")).key == nearby_texts.AREA_MOVE_PIN
    assert only(await town.say("sam", "/area clear")).key == nearby_texts.ORGANISERS_ONLY
    assert only(await town.say(ORGANISER, "/area clear")).key == nearby_texts.AREA_CLEARED
    assert only(await town.say(ORGANISER, "/area clear")).key == nearby_texts.AREA_NONE
    assert await town.count("street_areas") == 0
    # The /area before the clear asked for a pin; after the clear, a private pin is the organiser's own.
    assert only(await town.share(ORGANISER, *ELM)).key == nearby_texts.LOCATION_SAVED
    assert await town.count("street_areas") == 0


async def test_a_neighbour_shares_and_forgets_their_location(street: StreetKit) -> None:
    assert only(await street.tell("sam", "/location")).key == nearby_texts.LOCATION_NONE
    saved = only(await street.share("sam", *MILL))
    assert saved.key == nearby_texts.LOCATION_SAVED
    assert await _own_cell(street, "sam") == cell_of(*MILL)
    assert only(await street.tell("sam", "/location")).key == nearby_texts.LOCATION_HAVE
    # One tap (someone else's tap does nothing)...
    assert only(await street.press("rosa", saved.payload("Forget"))).key == texts.NOT_FOR_YOU
    assert only(await street.press("sam", saved.payload("Forget"))).key == nearby_texts.LOCATION_FORGOTTEN
    assert await _own_cell(street, "sam") is None
    # ...or one command.
    await street.share("sam", *MILL)
    assert only(await street.tell("sam", "/forgetlocation")).key == nearby_texts.LOCATION_FORGOTTEN
    assert only(await street.tell("sam", "/forgetlocation")).key == nearby_texts.LOCATION_NOTHING_TO_FORGET
    assert await street.count("neighbour_cells") == 0


async def test_location_commands_from_the_group_carry_on_privately(street: StreetKit) -> None:
    link = only(await street.say("sam", "/location"))
    assert link.key == texts.PRIVATE_ONLY
    assert only(await street.tell("sam", f"/start {link.choices[0].payload}")).key == nearby_texts.LOCATION_NONE


async def test_a_pin_shared_in_the_group_is_never_kept(street: StreetKit) -> None:
    before = await street.snapshot()
    assert await street.share("sam", *MILL, private=False, addressed=False) == []  # just chat: no word
    reply = only(await street.share("sam", *MILL, private=False))
    assert reply.key == nearby_texts.LOCATION_IN_GROUP and reply.choices[0].opens_private
    assert await street.count("neighbour_cells") == 0 and await street.snapshot() == before


async def test_unreadable_locations_get_a_kind_word_and_change_nothing(street: StreetKit) -> None:
    for latitude, longitude in ((91, 0), (0, 0), (float("nan"), 1), ("north", "west"), (None, None), (True, False)):
        assert only(await street.share("sam", latitude, longitude)).key == nearby_texts.LOCATION_UNREADABLE
    # An adapter that sent anything but a cell at Doorstep's resolution is refused the same way.
    coarse = h3.latlng_to_cell(*ELM, RESOLUTION - 2)
    for cell in ("not a cell", coarse, "8" * 300, None, ""):
        street.notifier.take()
        await street.core.handle(Incoming(PLATFORM, "sam", "sam", True, IncomingKind.LOCATION, cell=cell))
        assert only(street.notifier.sent).key == nearby_texts.LOCATION_UNREADABLE
    assert await street.count("neighbour_cells") == 0


async def test_a_forgotten_neighbours_location_goes_with_their_last_street(street: StreetKit) -> None:
    await street.say("sam", "/board")
    await street.share("sam", *MILL)
    street.clock.advance(timedelta(days=91))
    await street.core.run_due()
    assert await street.count("street_members") == 0 and await street.count("neighbour_cells") == 0


async def test_radius_is_for_organisers(town: StreetKit) -> None:
    shown = only(await town.say("sam", "/radius"))
    assert shown.key == nearby_texts.RADIUS_NOW and "about 10 minutes' walk" in shown.text
    assert only(await town.press("sam", shown.choices[3].payload, private=False)).key == nearby_texts.ORGANISERS_ONLY
    street_id = await _street_id(town)
    for forged in (f"ra:{street_id}:999", f"ra:{street_id + 1}:800", "ra:x:800", f"ra:{street_id}"):
        assert only(await town.press(ORGANISER, forged, private=False)).key == texts.BUTTON_EXPIRED
    assert await town.store.street_settings.of_street(street_id) == {}
    done = only(await town.press(ORGANISER, shown.choices[3].payload, private=False))
    assert done.key == nearby_texts.RADIUS_SET and isinstance(done.outgoing.to, ToStreet)
    assert "about 15 minutes' walk" in done.text
    assert await town.store.street_settings.of_street(street_id) == {"radius_m": "1200"}


async def test_a_pin_in_private_from_someone_with_no_street_still_counts_as_theirs(street: StreetKit) -> None:
    sent = await street.share("newcomer", *ELM)
    assert only(sent).key == nearby_texts.LOCATION_SAVED and isinstance(sent[0].outgoing.to, ToPerson)


async def test_nothing_logged_holds_a_coordinate(town: StreetKit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    await give_area(town, ELM_CHAT, ELM)
    await town.share("sam", *MILL)
    await town.share("sam", 91, 0)
    await town.say("sam", "/offer I can pick up shopping")
    await town.say("rosa", "/ask shopping please")
    await town.wait(timedelta(days=1))
    logged = caplog.text + " ".join(str(record.args) for record in caplog.records)
    for point in (ELM, MILL):
        for coordinate in point:
            assert f"{abs(coordinate):.3f}"[:-1] not in logged
