"""Neighbours in a Telegram group, through the real adapter and core against the fake Bot API."""

from __future__ import annotations

from tests.telegram.fake_bot_api import FakeBotApi
from tests.telegram.street import TelegramStreet, eventually


async def test_an_offer_in_the_group_becomes_a_card_with_a_button(tg: TelegramStreet, api: FakeBotApi) -> None:
    sam = api.user("Sam")
    elm = api.group("Elm Street", [sam])
    api.say(sam, elm, "/offer@DoorstepTestBot I can pick up shopping on weekday mornings")
    card = await api.next_in(elm, 0)
    assert card.text.splitlines()[0] == "🎁 Sam is offering"
    assert "“I can pick up shopping on weekday mornings”" in card.text
    assert card.mentions == [sam.id]
    assert card.button("Yes please").callback_data


async def test_from_ask_to_sorted_in_two_taps(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa", started=True), api.user("Sam", started=True)
    elm = api.group("Elm Street", [rosa, sam])
    api.say(rosa, elm, "/ask Could someone pick up milk, bread and eggs tomorrow morning?")
    card = await api.next_in(elm, 0)
    assert card.text.splitlines()[0] == "🙋 Rosa could use a hand"
    taps_before = len(api.queries)

    query = api.press(sam, card, "I can help")
    assert (await api.answered(query))["text"].startswith("Thank you! 💛 I've let them know")
    question = await api.next_in(rosa, 0)
    assert question.text.startswith("🙋 Sam can help with your ask: “Could someone pick up milk")
    assert question.mentions == [sam.id]
    assert await api.until(lambda: "💛 Someone has offered" in card.text, what="the card to say someone offered")

    yes = api.press(rosa, question, "Yes please")
    await api.until(lambda: card.text.startswith("✅ Sorted"), what="the card to show it's sorted")
    assert card.buttons == []
    assert await api.answered(yes) == {"text": None, "show_alert": False}  # nothing to say: the spinner just stops
    to_rosa = await api.next_in(rosa, 1)
    to_sam = await api.next_in(sam, 0)
    assert to_rosa.text.startswith("🤝 You and Sam are in touch") and to_rosa.mentions == [sam.id]
    assert to_sam.text.startswith("🤝 Rosa said yes!") and to_sam.mentions == [rosa.id]
    assert len(api.queries) - taps_before <= 3
    await api.until(lambda: all(q.answers for q in api.queries.values()), what="every press answered")
    assert [len(q.answers) for q in api.queries.values()] == [1, 1]


async def test_ask_without_words_is_a_few_taps_and_only_for_the_asker(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa"), api.user("Sam")
    elm = api.group("Elm Street", [rosa, sam])
    api.say(rosa, elm, "/ask")
    what = await api.next_in(elm, 0)
    assert what.text.startswith("What could you use a hand with?")
    assert [len(row) for row in what.buttons][:2] == [1, 1]  # long labels get a row each

    intruder = api.press(sam, what, "Shopping")
    assert (await api.answered(intruder))["text"] == "That button is for someone else — nothing changed."
    assert await tg.count("posts") == 0

    api.press(rosa, what, "Shopping")
    when = await api.next_in(elm, 1)
    assert when.text == "And when?"
    assert len(when.buttons[0]) > 1  # short labels share a row
    api.press(rosa, when, "tomorrow")
    card = await api.next_in(elm, 2)
    assert card.text.splitlines()[:2] == ["🙋 Rosa could use a hand", "🛒 Shopping · Tuesday 3 March"]
    assert card.button("I can help")


async def test_someone_who_never_opened_a_chat_hears_in_the_group(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa"), api.user("Sam")  # neither has opened a private chat with the bot
    elm = api.group("Elm Street", [rosa, sam])
    api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
    card = await api.next_in(elm, 0)
    taps_before = len(api.queries)
    api.press(sam, card, "I can help")
    question = await api.next_in(elm, 1)
    assert question.text.startswith("Rosa: 🙋 Sam can help with your ask")
    assert sorted(question.mentions) == sorted([rosa.id, sam.id])

    stranger = api.user("Joe")
    refused = api.press(stranger, question, "Yes please")
    assert (await api.answered(refused))["text"] == "That button is for someone else — nothing changed."

    api.press(rosa, question, "Yes please")
    await api.until(lambda: card.text.startswith("✅ Sorted"), what="the card to show it's sorted")
    assert len(api.queries) - taps_before - 1 <= 3  # the stranger's tap doesn't count
    in_touch = await api.until(lambda: [m for m in api.messages_in(elm) if "in touch" in m.text or "said yes" in m.text])
    assert {m.text.split(":")[0] for m in in_touch} == {"Rosa", "Sam"}  # said in the group, to each by name
    neighbour = await tg.store.neighbours.find("telegram", str(rosa.id))
    assert neighbour is not None and neighbour.reachable is False


async def test_a_message_that_must_stay_private_waits_for_the_deep_link(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa, sam = api.user("Rosa"), api.user("Sam")
    elm = api.group("Elm Street", [rosa, sam])
    api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
    card = await api.next_in(elm, 0)
    api.press(sam, card, "I can help")
    question = await api.next_in(elm, 1)
    api.press(rosa, question, "Not this time")
    nudge = await api.until(lambda: [m for m in api.messages_in(elm) if "I've a message for you" in m.text])
    assert nudge[0].text.startswith("Sam, I've a message for you")
    assert "ladder" not in nudge[0].text
    link = nudge[0].button("Open a private chat")
    assert link.url == f"https://t.me/{api.username}?start=inbox"
    assert await tg.count("held_messages") == 1

    api.follow_link(sam, nudge[0], "Open a private chat")
    waited = await api.next_in(sam, 0)
    assert waited.text.startswith("Thank you for answering “could someone lend me a ladder")
    assert await tg.count("held_messages") == 0


async def test_joins_and_leaves_are_tracked(tg: TelegramStreet, api: FakeBotApi) -> None:
    owner, carol = api.user("Olive"), api.user("Carol")
    elm = api.group("Elm Street", [], owner=owner, bot_is_admin=True)
    api.join(carol, elm)
    members = "street_members JOIN neighbours ON neighbours.id = street_members.neighbour_id"

    async def carol_is_member() -> bool:
        return await tg.count(members, f"user_id = '{carol.id}'") == 1

    await eventually(carol_is_member, "Carol to be a member")
    api.leave(carol, elm)
    await eventually(lambda: _not(carol_is_member), "Carol to have left")


async def _not(check) -> bool:  # type: ignore[no-untyped-def]
    return not await check()

