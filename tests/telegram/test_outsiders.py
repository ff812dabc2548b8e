"""Someone outside a chat pressing its buttons — a forged callback, or a client showing a message it
shouldn't — is answered and changes nothing: no neighbour, no street membership, no "reachable
privately" (that is only learnt from a private chat the person opened themselves)."""

from __future__ import annotations

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet


async def test_a_press_from_outside_the_group_changes_nothing(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, eve = api.user("Rosa", started=True), api.user("Eve")
    elm = api.group("Elm Street", [rosa])
    api.say(rosa, elm, "/ask could someone lend me a ladder?")
    card = await api.next_in(elm, 0)
    await tg.handled_all()
    before = await tg.snapshot()
    neighbours = await tg.count("neighbours")

    query = api.press(eve, card, "I can help")
    assert (await api.answered(query))["text"] == "That button is for someone else — nothing changed."
    await tg.handled_all()
    assert await tg.snapshot() == before
    assert await tg.count("neighbours") == neighbours and await tg.store.neighbours.find("telegram", str(eve.id)) is None
    assert await tg.count("street_members") == 1  # Rosa's only


async def test_a_press_in_someone_elses_private_chat_changes_nothing(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, eve = api.user("Rosa", started=True), api.user("Eve")
    api.dm(rosa, "/language")
    question = await api.next_in(rosa, 0)
    assert question.buttons
    await tg.handled_all()
    neighbours = await tg.count("neighbours")

    query = api.press_data(eve, question, question.buttons[0][0].callback_data or "")
    assert (await api.answered(query))["text"] is None  # answered with nothing: it was never hers
    await tg.handled_all()
    assert await tg.count("neighbours") == neighbours and await tg.store.neighbours.find("telegram", str(eve.id)) is None
    assert len(api.messages_in(eve)) == 0
