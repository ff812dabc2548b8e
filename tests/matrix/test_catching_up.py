"""Reading back what a sync left out, and handing a room's events over in order, against a stand-in for
the homeserver's `/messages` (the real thing is in `test_gaps.py`): where paging stops, and what a
slow event or a second gap does to the order."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import ClientConnectionError
from nio import Event, MatrixRoom, MessageDirection, RoomMessagesError, RoomMessagesResponse

from bot.matrix.backlog import Backlogs
from bot.matrix.history import Gap, History
from bot.matrix.tasks import Spawner

BOT = "@doorstep:example.org"
ROOM = "!street:example.org"


def said(number: int, sender: str = "@rosa:example.org") -> Event:
    return Event.parse_event({
        "type": "m.room.message", "event_id": f"$said{number}", "sender": sender, "origin_server_ts": number,
        "room_id": ROOM, "content": {"msgtype": "m.text", "body": f"!said{number}"},
    })


def membership(number: int, user_id: str, *, was: str | None) -> Event:
    return Event.parse_event({
        "type": "m.room.member", "event_id": f"$member{number}", "sender": user_id, "state_key": user_id,
        "origin_server_ts": number, "room_id": ROOM, "content": {"membership": "join"},
        "unsigned": {"prev_content": {"membership": was}} if was else {},
    })


class Homeserver:
    """`/messages` backwards, `limit` events at a time, over what each gap (by its `prev_batch`) left
    out (oldest first); `failures` come first."""

    def __init__(self, timeline: list[Event], *, failures: list[Any] | None = None, **other_gaps: list[Event]) -> None:
        self.user_id = BOT
        self.rooms = {ROOM: MatrixRoom(ROOM, BOT)}
        self._gaps = {"prev": timeline, **other_gaps}
        self._failures = failures or []
        self.asked: list[dict[str, Any]] = []

    async def room_messages(self, room_id: str, start: str, end: str, direction: MessageDirection, limit: int) -> Any:
        self.asked.append({"start": start, "end": end, "direction": direction, "limit": limit})
        if self._failures:
            failure = self._failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return failure
        gap, _, position = start.partition(":")
        timeline = self._gaps[gap]
        before = int(position) if position else len(timeline)
        first = max(0, before - limit)
        chunk = list(reversed(timeline[first:before]))
        return RoomMessagesResponse(room_id, chunk, start, f"{gap}:{first}" if first > 0 else None)  # type: ignore[arg-type]


async def test_paging_back_to_the_last_sync_oldest_first() -> None:
    timeline = [said(number) for number in range(250)]
    server = Homeserver(timeline)
    missed = await History(server, patience_s=5).missed(ROOM, Gap("since", "prev"), lambda _: False)  # type: ignore[arg-type]
    assert [event.event_id for event in missed] == [event.event_id for event in timeline]
    assert [asked["start"] for asked in server.asked] == ["prev", "prev:150", "prev:50"]
    assert {asked["end"] for asked in server.asked} == {"since"}  # never past the last sync's position
    assert {asked["direction"] for asked in server.asked} == {MessageDirection.back}


async def test_paging_stops_at_what_was_handled_and_at_the_bots_own_joining() -> None:
    timeline = [said(number) for number in range(10)]
    history = History(Homeserver(timeline), patience_s=5)  # type: ignore[arg-type]
    missed = await history.missed(ROOM, Gap("since", "prev"), lambda event_id: event_id == "$said6")
    assert [event.event_id for event in missed] == ["$said7", "$said8", "$said9"]

    timeline = [said(0), membership(1, BOT, was=None), said(2), membership(3, BOT, was="join"), said(4)]
    missed = await History(Homeserver(timeline), patience_s=5).missed(ROOM, Gap("since", "prev"), lambda _: False)  # type: ignore[arg-type]
    # A change of the bot's display name is a "join" too; its joining is where the room starts for it.
    assert [event.event_id for event in missed] == ["$said2", "$member3", "$said4"]


async def test_paging_stops_at_its_bound_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    timeline = [said(number) for number in range(40)]
    missed = await History(Homeserver(timeline), patience_s=5, most=25).missed(ROOM, Gap("since", "prev"), lambda _: False)  # type: ignore[arg-type]
    assert [event.event_id for event in missed] == [f"$said{number}" for number in range(15, 40)]
    assert any("more was missed in a room than is read back" in record.getMessage() for record in caplog.records)


async def test_paging_waits_out_a_homeserver_that_is_away_and_gives_up_on_a_refusal() -> None:
    timeline = [said(number) for number in range(3)]
    server = Homeserver(timeline, failures=[ClientConnectionError(), RoomMessagesError("busy", "M_UNKNOWN")])
    missed = await History(server, patience_s=10).missed(ROOM, Gap("since", "prev"), lambda _: False)  # type: ignore[arg-type]
    assert len(missed) == 3 and len(server.asked) == 3

    server = Homeserver(timeline, failures=[RoomMessagesError("not in the room", "M_FORBIDDEN")])
    assert await History(server, patience_s=10).missed(ROOM, Gap("since", "prev"), lambda _: False) == []  # type: ignore[arg-type]
    assert len(server.asked) == 1


async def test_a_room_catching_up_hands_its_events_over_in_order() -> None:
    """Read back first, then what the sync brought, then later syncs' — a second gap in its place; an
    event whose work is slow holds the next one up only for its head start."""
    server = Homeserver([said(number) for number in range(3)], again=[said(number) for number in range(2, 5)])
    spawner = Spawner()
    order: list[str] = []
    slow_one_finished = asyncio.Event()

    async def work(event_id: str) -> None:
        if event_id == "$said11":
            await asyncio.sleep(0.3)
            slow_one_finished.set()
        order.append(event_id)

    def route(room: MatrixRoom, event: Event) -> asyncio.Task:
        return spawner.spawn(work(event.event_id), "work")

    backlogs = Backlogs(server, History(server, patience_s=5), spawner, route=route,  # type: ignore[arg-type]
                        handled=lambda event_id: event_id in order, head_start_s=0.05)
    room = server.rooms[ROOM]
    backlogs.gap(ROOM, Gap("since", "prev"))
    assert backlogs.holds(ROOM)
    for number in (10, 11, 12):
        backlogs.add(room, said(number))
    backlogs.gap(ROOM, Gap("later", "again"))  # away again meanwhile: read back from where it was
    backlogs.add(room, said(20))

    await spawner.drain(5)
    assert slow_one_finished.is_set()
    assert order == ["$said0", "$said1", "$said2", "$said10", "$said12", "$said3", "$said4", "$said20", "$said11"]
    assert not backlogs.holds(ROOM)
