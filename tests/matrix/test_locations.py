"""Locations on Matrix: a pin shared in a private chat (encrypted, as Element sends it, or in MSC3488's
form alone) becomes one coarse cell at the adapter's edge. The coordinates are nowhere afterwards —
not in the database, not in the bot's Matrix store, not in the logs. A pin in the street room is the
neighbours' business unless it answers the bot; and where Telegram would show a "share my location"
button, Matrix says how to share one instead."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.location import cell_of
from bot.logs import QUIET_LIBRARIES
from tests.matrix.conftest import StreetOnMatrix, StreetRoom

HOME = (51.4812345, -0.1987654)
SHOP = (51.4898761, -0.2123457)
# How the coordinates could show up anywhere, rounded or not.
TRACES = ("51.4812345", "0.1987654", "51.48123", "0.19876", "51.4898761", "0.2123457", "51.48987", "0.21234")


def _as_element_sends_it(latitude: float, longitude: float) -> dict:
    uri = f"geo:{latitude},{longitude};u=12.5"
    return {
        "msgtype": "m.location", "body": f"Location {uri}", "geo_uri": uri,
        "org.matrix.msc3488.location": {"uri": uri, "description": "My location"},
        "org.matrix.msc3488.asset": {"type": "m.self"}, "org.matrix.msc3488.ts": 1_772_441_000_000,
    }


def _msc3488_only(latitude: float, longitude: float) -> dict:
    return {"msgtype": "m.location", "body": "A pin", "m.location": {"uri": f"geo:{latitude},{longitude}"}}


def _files_mentioning(folder: Path, traces: tuple[str, ...]) -> list[str]:
    """Every file under `folder` (the database, its journal, the Matrix store) holding any of `traces`."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found.extend(f"{path.name}: {trace}" for trace in traces if trace.encode() in data)
    return found


async def test_a_pin_shared_privately_leaves_only_a_rough_area(
    street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    for library in QUIET_LIBRARIES:  # as `doorstep run` sets up its logging
        caplog.set_level(logging.WARNING, logger=library)
    bot = await street.bot()
    rosa, sam = await street.neighbour("Rosa"), await street.neighbour("Sam")
    room = await street_room(rosa, bot, sam)
    mark = sam.mark()
    private = await sam.open_private_chat(bot.user_id)
    await sam.notice(private, contains="I'm Doorstep", after=mark, sender=bot.user_id)

    # No "share my location" button on Matrix: the words say how, and nothing waits for a reaction.
    await sam.say(private, "!location")
    none = await sam.notice(private, contains="I don't have a location for you", after=mark, sender=bot.user_id)
    assert "attachment menu" in none.body and "Location" in none.body and "React with" not in none.body
    assert await bot.store.db.fetch_all("SELECT * FROM matrix_prompts WHERE event_id = ?", (none.event_id,)) == []

    mark = sam.mark()
    await sam.share_location(private, _as_element_sends_it(*HOME))
    saved = await sam.notice(private, contains="I'll use a rough area around there", after=mark, sender=bot.user_id)
    assert all(trace not in saved.body for trace in TRACES)
    assert await _cells(bot) == [cell_of(*HOME)]
    mark = sam.mark()
    await sam.share_location(private, _msc3488_only(*SHOP))
    await sam.notice(private, contains="I'll use a rough area around there", after=mark, sender=bot.user_id)
    assert await _cells(bot) == [cell_of(*SHOP)]

    # In the street room a pin is left alone, unless it answers the bot — then, kindly, "privately please".
    mark = rosa.mark()
    await rosa.share_location(room, _as_element_sends_it(*HOME))
    await rosa.say(room, "!board")
    board = await rosa.notice(room, contains="Nothing open on the board", after=mark, sender=bot.user_id)
    assert rosa.found(mark, room, lambda seen: "best shared with me privately" in seen.body) is None
    mark = rosa.mark()
    await rosa.share_location(room, {**_as_element_sends_it(*SHOP), "m.relates_to": {"m.in_reply_to": {"event_id": board.event_id}}})
    await rosa.notice(room, contains="best shared with me privately", after=mark, sender=bot.user_id)
    assert await _cells(bot) == [cell_of(*SHOP)]

    await bot.stop()  # everything written down, then look everywhere the bot keeps anything
    assert _files_mentioning(bot.settings.store_path.parent, TRACES) == []
    assert [record.getMessage() for record in caplog.records if any(t in record.getMessage() for t in TRACES)] == []


async def _cells(bot) -> list[str]:  # type: ignore[no-untyped-def]
    return [row["cell"] for row in await bot.store.db.fetch_all("SELECT cell FROM neighbour_cells")]
