"""Locations on Telegram, end to end: a neighbour's pin shared privately (with the one-tap location
keyboard) becomes a coarse cell at the edge — the coordinates are in neither the database nor the
logs —, an organiser sets the street's area the same way, a live location counts once, and a pin in
the group is never kept."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from bot.location import cell_of
from tests.nearby.conftest import assert_only_cells
from tests.telegram.fake_bot_api import FakeBotApi, FakeChat, FakeMessage, FakeUser
from tests.telegram.street import TelegramStreet

ELM = (51.5007, -0.1246)
FAR = (51.5456, -0.1846)



async def said_to(api: FakeBotApi, where: FakeChat | FakeUser, words: str) -> FakeMessage:
    found = await api.until(lambda: [m for m in api.messages_in(where) if words in m.text], what=f"“{words}”")
    return found[-1]


def assert_no_coordinates_in_files(database: Path, *points: tuple[float, float]) -> None:
    """The database's files, write-ahead log included, byte for byte: no coordinate as text or as a number."""
    for path in database.parent.glob(database.name + "*"):
        raw = path.read_bytes()
        for point in points:
            for value in point:
                assert f"{abs(value):.4f}".encode() not in raw, path
                assert struct.pack(">d", value) not in raw and struct.pack("<d", value) not in raw, path


async def test_a_pin_shared_privately_is_only_a_cell(
    debug_log: io.StringIO, tg: TelegramStreet, api: FakeBotApi, tmp_path: Path,
) -> None:
    sam = api.user("Sam")
    elm = api.group("Elm Street", [sam])
    api.say(sam, elm, "/board")
    api.dm(sam, "/location")
    none_yet = await said_to(api, sam, "I don't have a location for you")
    assert none_yet.buttons == []  # a keyboard of its own, not an inline button
    assert none_yet.keyboard is not None and none_yet.keyboard.one_time
    assert [(b.text, b.request_location) for b in none_yet.keyboard.flat] == [("📍 Share my location", True)]

    api.tap_location_button(sam, "Share my location", *ELM)
    saved = await said_to(api, sam, "I'll use a rough area around there")
    assert saved.button("Forget my location")
    neighbour = await tg.store.neighbours.find("telegram", str(sam.id))
    assert neighbour is not None and await tg.store.cells.of_neighbour(neighbour.id) == cell_of(*ELM)
    # Its answer carries a button, so the keyboard (folded away once used) goes with the next plain message.
    assert api.private_chat(sam).keyboard is not None and api.private_chat(sam).keyboard.folded  # type: ignore[union-attr]
    api.dm(sam, "/help")
    helped = await said_to(api, sam, "Here's what I can do")
    assert helped.removes_keyboard and api.private_chat(sam).keyboard is None

    await assert_only_cells(tg.store, ELM)
    assert_no_coordinates_in_files(tmp_path / "doorstep.sqlite3", ELM)
    logged = debug_log.getvalue()
    assert "telegram connected" in logged  # the log was written to...
    for value in ELM:
        assert f"{abs(value):.4f}" not in logged and f"{abs(value)}" not in logged  # ...without the pin


async def test_an_organiser_sets_the_streets_area_with_the_location_button(
    tg: TelegramStreet, api: FakeBotApi, tmp_path: Path,
) -> None:
    olga = api.user("Olga", started=True)
    elm = api.group("Elm Street", [], owner=olga)
    api.say(olga, elm, "/area")
    asked = await said_to(api, elm, "share a location pin for Elm Street with me privately")
    assert asked.keyboard is None  # location buttons only work in private chats

    api.follow_link(olga, asked, "Open a private chat")
    here = await said_to(api, olga, "Share a location pin here for Elm Street")
    assert here.keyboard is not None and here.keyboard.flat[0].request_location
    api.tap_location_button(olga, "Share my location", *ELM)
    done = await said_to(api, olga, "Elm Street's area is set")
    assert done.removes_keyboard and api.private_chat(olga).keyboard is None  # gone as soon as it did its job
    await said_to(api, elm, "Elm Street now has a rough area")

    street = await tg.store.streets.get_or_create("telegram", str(elm.id), None, tg.clock.now())
    assert await tg.store.areas.of_street(street.id) == cell_of(*ELM)
    assert await tg.count("neighbour_cells") == 0  # the pin was the street's, not Olga's own
    await assert_only_cells(tg.store, ELM)
    assert_no_coordinates_in_files(tmp_path / "doorstep.sqlite3", ELM)


async def test_a_live_location_counts_once(tg: TelegramStreet, api: FakeBotApi) -> None:
    sam = api.user("Sam", started=True)
    shared = api.share_location(sam, None, *ELM, live_period=3600)
    await said_to(api, sam, "I'll use a rough area around there")
    api.move_live_location(shared, *FAR)  # Sam walks on; Telegram sends each new position as an edit
    api.move_live_location(shared, *ELM)
    await api.until(lambda: api.pending_updates == 0, what="the moves to be passed over")
    assert len(api.messages_in(sam)) == 1
    neighbour = await tg.store.neighbours.find("telegram", str(sam.id))
    assert neighbour is not None and await tg.store.cells.of_neighbour(neighbour.id) == cell_of(*ELM)


async def test_a_pin_in_the_group_is_never_kept(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, sam = api.user("Olga", started=True), api.user("Sam", started=True)
    elm = api.group("Elm Street", [sam], owner=olga)
    api.say(olga, elm, "/area")
    asked = await said_to(api, elm, "share a location pin for Elm Street with me privately")
    api.share_location(sam, elm, *FAR)  # not addressed to the bot: with privacy mode on it never sees it
    api.share_location(olga, elm, *ELM, reply_to=asked)  # a reply to the bot: it does
    nudge = await said_to(api, elm, "locations are best shared with me privately")
    assert nudge.button("Open a private chat").url == f"https://t.me/{api.username}?start=area"
    assert nudge.keyboard is None and all(m.keyboard is None for m in api.messages_in(elm))
    assert await tg.count("street_areas") == 0 and await tg.count("neighbour_cells") == 0
    assert len(api.messages_in(elm)) == 2


async def test_a_pin_that_cant_be_read_is_asked_for_again_with_the_button_still_there(
    tg: TelegramStreet, api: FakeBotApi,
) -> None:
    sam = api.user("Sam", started=True)
    api.dm(sam, "/location")
    await said_to(api, sam, "I don't have a location for you")
    api.tap_location_button(sam, "Share my location", 0.0, 0.0)  # a phone without a fix
    again = await said_to(api, sam, "I couldn't read that location")
    assert not again.removes_keyboard and api.private_chat(sam).keyboard is not None
    api.tap_location_button(sam, "Share my location", *ELM)
    await said_to(api, sam, "I'll use a rough area around there")
    assert await tg.count("neighbour_cells") == 1
