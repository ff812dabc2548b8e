"""A whole street on Telegram, logged at DEBUG: the log holds none of the words neighbours typed, no
names, no coordinates, neither the token nor any part of it, and user ids only as short hashes."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import TelegramStreet

TYPED = ("SECRET-ladder", "SECRET-shed", "blue door at SECRET-nine", "SECRET-thanks")


async def test_a_street_at_debug_logs_nothing_personal(api: FakeBotApi, tmp_path: Path, debug_log: io.StringIO) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3")
    try:
        rosa, sam = api.user("Rosa", started=True), api.user("Sam", last_name="Okafor", started=True)
        elm = api.group("Elm Street", [rosa, sam])
        api.say(rosa, elm, "/ask could someone lend me a SECRET-ladder on Saturday?")
        card = await api.next_in(elm, 0)
        api.say(sam, elm, "/offer I can lend tools from my SECRET-shed")
        await api.next_in(elm, 1)
        api.press(sam, card, "I can help")
        question = await api.next_in(rosa, 0)
        api.faults.append(Fault({"sendMessage"}, status=502, description="Bad Gateway", times=1))
        api.press(rosa, question, "talk through Doorstep")
        await api.next_in(sam, 0, timeout=8)
        api.dm(sam, "I'll bring it round, blue door at SECRET-nine?")
        await api.until(lambda: len(api.messages_in(rosa)) >= 3, what="the words passed on")
        api.dm(rosa, "SECRET-thanks, see you then")
        await api.until(lambda: len(api.messages_in(sam)) >= 3, what="the words passed back")
        private = api.private_chat(rosa)
        api.push_raw("message", {
            "message_id": 900, "date": int(time.time()), "chat": private.json(), "from": rosa.json(),
            "location": {"latitude": 51.500729, "longitude": -0.124625},
        })
        api.dm(rosa, "/mydata")
        await api.until(lambda: any("everything I keep" in m.text for m in api.messages_in(rosa)), what="/mydata")
        api.dm(sam, "/forgetme")
        forget = await api.until(lambda: next((m for m in api.messages_in(sam) if "forget you" in m.text), None),
                                 what="the question")
        api.press(sam, forget, "Yes, forget me")
        await api.until(lambda: any("forgotten you" in m.text for m in api.messages_in(sam)), what="forgotten")
    finally:
        await street.close()

    written = debug_log.getvalue()
    assert "level=debug" in written or "level=info" in written
    assert "telegram refused" in written or "will retry" in written  # the 502 was logged, without details of the message
    for secret in TYPED + ("could someone lend", "Rosa", "Okafor", "51.50", "-0.124", "51,50"):
        assert secret not in written, secret
    token_id, token_secret = api.token.split(":", 1)
    assert token_secret not in written and api.token not in written
    for user in (rosa, sam):
        assert not re.search(rf"\b{user.id}\b", written), f"a raw user id ({user.id}) is in the log"
    for line in written.splitlines():
        assert re.match(r'^time=\S+ level=[a-z]+ logger=\S+ msg="', line), line
