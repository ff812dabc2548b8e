"""Odd input gets a short, kind reply (or a polite answer under the button) and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("/ask " + "could someone help " * 263, "That's a bit long for a card"),  # 5,000 characters
        ("/offer 🙂🙂🙂", "I couldn't quite read that"),
        ("/ask milk\x07 please", "Some invisible characters crept into that"),
        ("/frobnicate", "I don't know “/frobnicate”, sorry"),
        ("/ask <b>bold</b> & <script>x</script> please", "🙋 Rosa could use a hand"),  # shown as typed, safely
    ],
)
async def test_odd_words_in_the_group(tg: TelegramStreet, api: FakeBotApi, typed: str, reply: str) -> None:
    rosa = api.user("Rosa")
    elm = api.group("Elm Street", [rosa])
    before = await tg.snapshot()
    api.say(rosa, elm, typed)
    answer = await api.next_in(elm, 0)
    assert answer.text.startswith(reply)
    if reply.startswith("🙋"):
        assert "“<b>bold</b> & <script>x</script> please”" in answer.text
    else:
        assert await tg.snapshot() == before


async def test_messages_without_words_in_private(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa")
    api.dm(rosa, "")  # a sticker or a photo: no text at all
    assert (await api.next_in(rosa, 0)).text.startswith("I'm not sure I followed")


async def test_stale_and_strange_buttons(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam, joe = api.user("Rosa", started=True), api.user("Sam", started=True), api.user("Joe")
    elm = api.group("Elm Street", [rosa, sam, joe])
    api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
    card = await api.next_in(elm, 0)
    old_button = card.button("I can help").callback_data
    assert old_button is not None

    first = api.press(sam, card, "I can help")
    assert (await api.answered(first))["text"].startswith("Thank you!")
    twice = api.press(sam, card, "I can help")
    assert (await api.answered(twice))["text"] == "You've already said — they'll confirm soon. 💛"
    own = api.press(rosa, card, "I can help")
    assert (await api.answered(own))["text"] == "That's your own post 🙂"

    question = await api.next_in(rosa, 0)
    api.press(rosa, question, "Yes please")
    await api.until(lambda: card.text.startswith("✅ Sorted"), what="sorted")
    before = await tg.snapshot()

    stale = api.press_data(joe, card, old_button)  # from a phone that still shows the old card
    assert (await api.answered(stale))["text"] == "That one's already sorted or closed — thank you all the same. 💛"
    again = api.press(rosa, question, "Yes please")
    assert (await api.answered(again))["text"] == "Already done 🙂"
    for junk in ("zz:1", "h:99999", "h:1:2:3", "ok:../../etc", "💥"):
        query = api.press_data(joe, card, junk)
        assert (await api.answered(query))["text"] in (
            "That button has expired — nothing changed.", "I can't find that one — it may have closed.",
        )
    assert await tg.snapshot() == before
    await api.until(lambda: all(q.answers for q in api.queries.values()), what="every press answered")
    assert all(len(q.answers) == 1 for q in api.queries.values())


async def test_with_privacy_mode_off_chatter_and_other_bots_commands_are_left_alone(tmp_path: Path) -> None:
    async with FakeBotApi(privacy_mode=False) as api:
        street = await TelegramStreet.open(api, tmp_path / "db.sqlite3")
        try:
            rosa = api.user("Rosa")
            elm = api.group("Elm Street", [rosa])
            api.say(rosa, elm, "lovely weather today")
            api.say(rosa, elm, "/ask@SomeOtherBot could someone fix my bike?")
            api.say(rosa, elm, "@DoorstepTestBot /board")
            reply = await api.next_in(elm, 0)
            assert reply.text.startswith("Nothing open on the board right now")
            await api.until(lambda: api.pending_updates == 0, what="every update fetched")
            assert await street.count("posts") == 0
            assert len(api.messages_in(elm)) == 1
        finally:
            await street.close()
