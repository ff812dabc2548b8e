"""A message the outbox sends again after a crash goes with the same Matrix transaction id, so the
homeserver recognises it and the room shows it once (no homeserver needed: the client is a stand-in)."""

from __future__ import annotations

from typing import Any

from nio import RoomSendResponse

from bot.matrix.sender import Sender


class _Room:
    encrypted = False


class _Client:
    def __init__(self) -> None:
        self.rooms = {"!elm:test": _Room()}
        self.transactions: list[str] = []

    async def room_send(self, room_id: str, event_type: str, content: dict[str, Any], *, tx_id: str,
                        ignore_unverified_devices: bool) -> RoomSendResponse:
        self.transactions.append(tx_id)
        return RoomSendResponse(f"$event-{tx_id}", room_id)


async def test_a_resend_from_the_outbox_is_the_same_transaction() -> None:
    client = _Client()
    sender = Sender(client, keys=None, patience_s=1.0)  # type: ignore[arg-type]
    first = await sender.send("!elm:test", "m.room.message", {"body": "hi"}, transaction="doorstep.outbox.7")
    again = await sender.send("!elm:test", "m.room.message", {"body": "hi"}, transaction="doorstep.outbox.7")
    fresh = await sender.send("!elm:test", "m.room.message", {"body": "hi"})
    assert first == again and client.transactions[:2] == ["doorstep.outbox.7", "doorstep.outbox.7"]
    assert fresh != first  # a message not from the outbox gets a transaction of its own
