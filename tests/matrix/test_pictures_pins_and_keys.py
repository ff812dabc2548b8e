"""The Matrix adapter's newer parts, mostly without a homeserver: pictures and files as messages, pins
read from `m.location` events, the "share my location" choice, replies, who organises, and messages
kept until their keys arrive. One test sends a file into a plain room on the real homeserver."""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from types import SimpleNamespace

import pytest

from bot.charts import counts_in
from bot.location import cell_of
from bot.matrix.inbound import replied_to
from bot.matrix.late_keys import AwaitingKeys
from bot.matrix.locations import cell_of as cell_of_content
from bot.matrix.locations import geo_uri, is_location
from bot.matrix.markup import Markup
from bot.matrix.media import attachment_file, chart_file
from bot.matrix.organisers import RoomPowers
from bot.matrix.sender import Uploaded
from handlers.kernel.domain import Street
from handlers.kernel.messages import Attachment, Choice, Outgoing, ToStreet, WeeklyChart, msg
from handlers.kernel.render import render
from handlers.nearby import texts as nearby_texts
from handlers.organisers import texts as organisers_texts
from tests.matrix.conftest import StreetOnMatrix, StreetRoom

KEYS = {"v": "v2", "key": {"k": "secret"}, "iv": "iv", "hashes": {"sha256": "hash"}}


def test_a_file_is_shown_plain_or_with_its_key() -> None:
    file = attachment_file(Attachment("my-data.json", "application/json", b'{"posts": []}'))
    plain = file.content(Uploaded("mxc://example.org/abc"))
    assert plain == {
        "msgtype": "m.file", "body": "my-data.json", "filename": "my-data.json",
        "info": {"mimetype": "application/json", "size": 13}, "url": "mxc://example.org/abc",
    }
    encrypted = file.content(Uploaded("mxc://example.org/abc", KEYS))
    assert "url" not in encrypted and encrypted["file"] == {**KEYS, "url": "mxc://example.org/abc", "mimetype": "application/json"}


def test_a_chart_is_a_picture_in_the_readers_words() -> None:
    chart = WeeklyChart(msg(organisers_texts.CHART_TITLE, street="Elm Street", weeks=2), (date(2026, 2, 23), date(2026, 3, 2)),
                        ((msg(organisers_texts.CHART_ASKS), (1, 3)),))
    picture = chart_file(chart, lambda message: render(message, "en").upper())
    content = picture.content(Uploaded("mxc://example.org/png"))
    assert content["msgtype"] == "m.image" and content["body"] == "ELM STREET: THE LAST 2 WEEKS"
    assert content["filename"] == "weekly-summary.png" and content["info"]["mimetype"] == "image/png"
    assert content["info"]["w"] > 0 and content["info"]["h"] > 0 and content["info"]["size"] == len(picture.data)
    assert counts_in(picture.data)["series"] == {"ASKS": [1, 3]}


def test_pins_are_read_from_any_of_their_forms() -> None:
    point = "geo:51.4812345,-0.1987654;u=20"
    expected = cell_of(51.4812345, -0.1987654)
    assert cell_of_content({"msgtype": "m.location", "body": "x", "geo_uri": point}) == expected
    assert cell_of_content({"org.matrix.msc3488.location": {"uri": point}}) == expected
    assert cell_of_content({"m.location": {"uri": point}, "geo_uri": "geo:0,0"}) == expected  # MSC3488's block first
    assert geo_uri({"geo_uri": 51.48}) is None and geo_uri({"m.location": "geo:1,2"}) is None
    for unreadable in ({}, {"geo_uri": "geo:91,0"}, {"geo_uri": "geo:0,0"}, {"geo_uri": "somewhere"}, {"geo_uri": "geo:x,y"}):
        assert cell_of_content(unreadable) is None
    assert is_location("m.room.message", {"msgtype": "m.location"})
    assert is_location("org.matrix.msc3488.location", {}) and not is_location("m.room.message", {"msgtype": "m.text"})


def test_a_share_my_location_choice_becomes_words_not_a_reaction() -> None:
    share = Choice(msg(nearby_texts.BUTTON_SHARE_LOCATION), "", asks_location=True)
    alone = Markup().compose(msg("Share a pin here"), (share,), "en", {})
    assert alone.choices == () and alone.keys == []
    assert "attachment menu" in alone.content["body"] and "React with" not in alone.content["body"]
    assert "<i>📍 To share a location pin" in alone.content["formatted_body"]
    forget = Choice(msg(nearby_texts.BUTTON_FORGET_LOCATION), "lf:1")
    both = Markup().compose(msg("Your area"), (share, forget), "en", {})
    assert [choice.payload for choice in both.choices] == ["lf:1"] and both.keys == ["1️⃣"]
    assert "1️⃣ Forget my location" in both.content["body"] and "Share my location" not in both.content["body"]


def test_replies_but_not_a_threads_fallback() -> None:
    assert replied_to({"m.in_reply_to": {"event_id": "$card"}}) == "$card"
    assert replied_to({"rel_type": "m.thread", "event_id": "$root", "is_falling_back": True,
                       "m.in_reply_to": {"event_id": "$latest"}}) is None
    assert replied_to({"m.in_reply_to": "$card"}) is None and replied_to({}) is None


def test_the_organisers_are_those_in_the_room() -> None:
    state = [
        {"type": "m.room.create", "sender": "@rosa:x", "content": {"room_version": "12", "additional_creators": ["@sam:x"]}},
        {"type": "m.room.power_levels", "content": {"users": {"@carol:x": 50, "@dan:x": 10, "@bot:x": 100}}},
        *({"type": "m.room.member", "state_key": user, "content": {"membership": "join"}}
          for user in ("@rosa:x", "@carol:x", "@dan:x", "@bot:x")),
        {"type": "m.room.member", "state_key": "@sam:x", "content": {"membership": "leave"}},
    ]
    powers = RoomPowers.from_state(state)
    assert powers.members == {"@rosa:x", "@carol:x", "@dan:x", "@bot:x"}
    assert [user for user in sorted(powers.members) if powers.reaches(user, 50)] == ["@bot:x", "@carol:x", "@rosa:x"]
    assert powers.reaches("@sam:x", 50)  # a creator still, though not in the room now


def _encrypted(event_id: str, room_id: str, session_id: str) -> SimpleNamespace:
    return SimpleNamespace(event_id=event_id, room_id=room_id, session_id=session_id)


def test_messages_wait_a_while_for_their_keys() -> None:
    now = [0.0]
    waiting = AwaitingKeys(keep_s=60, most=3, clock=lambda: now[0])
    for number, session in enumerate(("a", "b", "a")):
        waiting.keep(_encrypted(f"$e{number}", "!room", session))  # type: ignore[arg-type]
    assert [event.event_id for event in waiting.take("!room", "a")] == ["$e0", "$e2"]
    assert waiting.take("!room", "a") == [] and waiting.take("!other", "b") == []
    waiting.drop("$e1")
    assert not waiting.waiting("$e1")
    for number in range(5):  # only the newest few are kept
        waiting.keep(_encrypted(f"$n{number}", "!room", "c"))  # type: ignore[arg-type]
    assert [event.event_id for event in waiting.take("!room", "c")] == ["$n2", "$n3", "$n4"]
    waiting.keep(_encrypted("$old", "!room", "d"))  # type: ignore[arg-type]
    now[0] = 61
    assert waiting.take("!room", "d") == []  # too old to answer now


async def test_a_file_in_a_plain_room(street: StreetOnMatrix, street_room: StreetRoom, caplog: pytest.LogCaptureFixture) -> None:
    bot = await street.bot()
    rosa = await street.neighbour("Rosa")
    mark = rosa.mark()
    room = await street_room(rosa, bot)
    await rosa.notice(await rosa.private_room_with(bot.user_id), contains="For organisers", after=mark, sender=bot.user_id)
    data = b'{"what": "a file"}'
    mark = rosa.mark()
    result = await bot.adapter.notifier.send(Outgoing(
        ToStreet(Street(1, "matrix", room)), msg("Here it is"), attachment=Attachment("file.json", "application/json", data),
    ))
    assert result.sent
    words = await rosa.notice(room, contains="Here it is", after=mark, sender=bot.user_id)
    sent = await rosa.until(lambda: rosa.found(mark, room, lambda seen: seen.content.get("msgtype") == "m.file"), what="the file")
    assert rosa.seen.index(sent) > rosa.seen.index(words)
    assert sent.content["url"].startswith("mxc://") and "file" not in sent.content
    assert await rosa.download(sent) == data

    # A file the homeserver won't take: the words still go, at once, and nothing is tried again.
    caplog.set_level(logging.INFO, logger="bot.matrix")
    mark = rosa.mark()
    too_large = Attachment("big.bin", "application/octet-stream", bytes(1_200_000))
    result = await asyncio.wait_for(bot.adapter.notifier.send(Outgoing(
        ToStreet(Street(1, "matrix", room)), msg("Here's a big one"), attachment=too_large,
    )), 10)
    assert result.sent
    await rosa.notice(room, contains="Here's a big one", after=mark, sender=bot.user_id)
    refused = [record.getMessage() for record in caplog.records if "refused an upload" in record.getMessage()]
    assert refused == ["homeserver refused an upload size=1200000 error=M_TOO_LARGE"]
    assert not any("trying again" in record.getMessage() for record in caplog.records)
