"""Talking to the bot privately: the anonymous ask, /mine and deep links from the group."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet, tuned


async def test_a_private_ask_is_posted_as_from_a_neighbour(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa"), api.user("Sam", started=True)
    elm = api.group("Elm Street", [rosa, sam])
    api.say(rosa, elm, "/board")  # Rosa is seen in the street
    await api.next_in(elm, 0)

    api.dm(rosa, "/ask could someone walk my dog tomorrow morning?")
    card = await api.next_in(elm, 1)
    assert card.text.splitlines()[0] == "🙋 A neighbour could use a hand"
    posted = await api.next_in(rosa, 0)
    assert posted.text.startswith("Posted on Elm Street as from “a neighbour”")

    api.press(sam, card, "I can help")
    question = await api.next_in(rosa, 1)
    assert question.text.startswith("🙋 Sam can help with your ask") and question.mentions == [sam.id]
    api.press(rosa, question, "Yes please")
    await api.until(lambda: card.text.startswith("✅ Sorted"), what="the card to show it's sorted")
    told = await api.next_in(sam, 0)
    assert told.text.startswith("🤝 Rosa said yes!") and told.mentions == [rosa.id]  # revealed to the helper only

    in_group = api.messages_in(elm)
    assert all(rosa.id not in m.mentions and "Rosa" not in m.text for m in in_group)
    assert all("Rosa" not in earlier for m in in_group for earlier in m.edits)


async def test_start_help_and_mine(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa")
    elm = api.group("Elm Street", [rosa])
    api.dm(rosa, "/start")
    assert (await api.next_in(rosa, 0)).text.startswith("Hello! 👋 I'm Doorstep")
    api.dm(rosa, "/help")
    assert (await api.next_in(rosa, 1)).text.startswith("👋 Here's what I can do:")

    api.say(rosa, elm, "/offer I can lend a drill at weekends")
    await api.next_in(elm, 0)
    api.say(rosa, elm, "/mine")
    go_private = await api.next_in(elm, 1)
    assert go_private.text == "Let's do that in private — tap below."
    api.follow_link(rosa, go_private, "Open a private chat")
    mine = await api.next_in(rosa, 2)
    assert mine.text.startswith("🎁 Your offer on Elm Street · open")
    assert mine.button("Take it down").callback_data


async def test_names_come_from_live_look_ups_when_not_at_hand(api: FakeBotApi, tmp_path: Path) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(names_fresh_for=0.01))
    try:
        rosa, sam = api.user("Rosa"), api.user("Sam", started=True)
        elm = api.group("Elm Street", [rosa, sam])
        api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
        card = await api.next_in(elm, 0)
        await asyncio.sleep(0.05)  # what the updates said about names is forgotten by now
        api.press(sam, card, "I can help")
        await api.until(lambda: "Someone has offered" in card.text, what="the card to be updated")
        assert card.text.startswith("🙋 Rosa could use a hand") and card.mentions == [rosa.id]
        assert api.calls("getChatMember") >= 1  # Rosa never opened a private chat: asked of the group

        del api.users[rosa.id]  # her account is gone: nobody can tell her name any more
        await asyncio.sleep(0.05)
        joe = api.user("Joe", started=True)
        elm.members[joe.id] = "member"
        api.press(joe, card, "I can help")
        question = await api.until(lambda: [m for m in api.messages_in(elm) if "Joe can help" in m.text])
        assert question[0].text.startswith("A neighbour: 🙋 Joe can help with your ask")
        assert question[0].mentions == [rosa.id, joe.id]  # the link still reaches her
    finally:
        await street.close()


async def test_plain_words_become_an_ask_and_a_typed_yes_forgets(tg: TelegramStreet, api: FakeBotApi) -> None:
    margaret, sam = api.user("Margaret"), api.user("Sam")
    elm = api.group("Elm Street", [margaret, sam])
    api.say(margaret, elm, "/board")
    await api.next_in(elm, 0)
    api.say(sam, elm, "/board")
    await api.next_in(elm, 1)

    api.dm(margaret, "Hello dear, could someone pick up my milk tomorrow please?")
    restated = await api.next_in(margaret, 0)
    assert restated.text.startswith("Shall I ask your street for you?")
    assert "🛒 Shopping · Tuesday 3 March" in restated.text
    assert [b.text for b in restated.flat_buttons] == ["📌 Yes, post it", "No thanks"]
    api.dm(margaret, "yes")
    card = await api.next_in(elm, 2)
    assert card.text.splitlines()[0] == "🙋 A neighbour could use a hand" and "milk" in card.text

    api.dm(sam, "/forgetme")
    assert (await api.next_in(sam, 0)).text.startswith("🗑️ Shall I forget you?")
    api.dm(sam, "yes")
    assert "I've forgotten you" in (await api.next_in(sam, 1)).text
    assert await tg.store.db.fetch_value("SELECT COUNT(*) FROM neighbours WHERE user_id = ?", (str(sam.id),)) == 0
