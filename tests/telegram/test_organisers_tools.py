"""Street organisers' tools on Telegram, end to end: hellos to quiet neighbours (privately, or in the
group for someone the bot can't reach), the weekly summary as a photo, reminders in the group, taking
a card down by replying to it, asks for a neighbour who isn't online — and nobody else can use them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.charts import counts_in
from tests.telegram.fake_bot_api import FakeBotApi, FakeChat, FakeMessage, FakeUser
from tests.telegram.street import START, TelegramStreet

FOR_ORGANISERS = "That one's for the street's organisers. 💛 /help shows what you can do."


def utc(*when: int) -> datetime:
    return datetime(*when, tzinfo=timezone.utc)  # type: ignore[misc]


async def said_to(api: FakeBotApi, where: FakeChat | FakeUser, words: str) -> FakeMessage:
    found = await api.until(lambda: [m for m in api.messages_in(where) if words in m.text], what=f"“{words}”")
    return found[-1]


async def test_quiet_neighbours_get_a_hello_or_a_friendly_word_in_the_group(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, sam, bob = api.user("Olga", started=True), api.user("Sam", started=True), api.user("Bob")
    elm = api.group("Elm Street", [sam, bob], owner=olga)
    api.say(olga, elm, "/board")
    await api.next_in(elm, 0)
    api.join(sam, elm)
    api.join(bob, elm)
    await tg.handled_all()  # the joins
    await tg.run_until(START + timedelta(days=22))

    in_group = len(api.messages_in(elm))
    api.say(olga, elm, "/quiet")
    await said_to(api, olga, "haven't been around for 21 days")
    sam_line = await said_to(api, olga, "Sam — last active here 22 days ago")
    bob_line = await said_to(api, olga, "Bob — last active here 22 days ago")
    assert sam_line.mentions == [sam.id] and bob_line.mentions == [bob.id]

    # Two taps: the hello goes to Sam privately, and Olga hears it went.
    tap = api.press(olga, sam_line, "Say hello")
    assert (await api.answered(tap))["text"] == "👋 Saying hello…"
    hello = await api.next_in(sam, 0)
    assert hello.text.startswith("👋 Hello from everyone on Elm Street!") and hello.button("No more hellos")
    await said_to(api, olga, "I've said hello to Sam for the street.")

    # Bob never opened a chat with the bot: Olga is told, and offered a friendly mention instead.
    api.press(olga, bob_line, "Say hello")
    unreachable = await said_to(api, olga, "I couldn't reach Bob privately")
    assert api.messages_in(bob) == []
    api.press(olga, unreachable, "Say hello in the group")
    in_the_group = await said_to(api, elm, "hello from everyone on Elm Street!")
    assert in_the_group.text.startswith("👋 Bob, hello") and in_the_group.mentions == [bob.id]
    await said_to(api, olga, "I've said hello to Bob in Elm Street's group.")
    assert len(api.messages_in(elm)) == in_group + 1  # /quiet itself was answered privately


async def test_everyone_else_is_kindly_refused(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, sam, bob = api.user("Olga", started=True), api.user("Sam", started=True), api.user("Bob", started=True)
    elm = api.group("Elm Street", [sam, bob], owner=olga)
    for who in (olga, sam):
        api.say(who, elm, "/board")
    await api.until(lambda: len(api.messages_in(elm)) == 2, what="the boards")
    api.say(bob, elm, "/offer I can lend a ladder")
    await said_to(api, elm, "Bob is offering")

    api.say(sam, elm, "/quiet")
    assert (await api.next_in(elm, 3)).text == FOR_ORGANISERS
    api.dm(sam, "/digest")
    assert (await api.next_in(sam, 0)).text == FOR_ORGANISERS
    # Forged buttons — a hello to Bob, last week's summary, taking Bob's offer down — only say so.
    board = api.messages_in(elm)[0]
    for forged in ("ohi:1:3", "odn:1", "omr:1"):
        tap = api.press_data(sam, board, forged)
        assert (await api.answered(tap))["text"] == FOR_ORGANISERS
    assert api.messages_in(bob) == [] and len(api.messages_in(sam)) == 1
    assert await tg.count("hellos") == 0 and api.calls("sendPhoto") == 0
    assert await tg.count("posts", "status = 'open'") == 1


async def test_the_weekly_summary_is_a_photo_with_last_weeks_counts(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, rosa, joe, sam = (api.user(name, started=True) for name in ("Olga", "Rosa", "Joe", "Sam"))
    elm = api.group("Elm Street", [rosa, joe, sam], owner=olga)
    api.say(olga, elm, "/board")
    api.say(sam, elm, "/offer I can do shopping any day")
    api.say(rosa, elm, "/ask could someone pick up shopping tomorrow?")
    ask = await said_to(api, elm, "Rosa could use a hand")
    api.press(sam, ask, "I can help")
    api.press(rosa, await said_to(api, rosa, "Sam can help with your ask"), "Yes please")
    await api.until(lambda: ask.text.startswith("✅ Sorted"), what="Rosa's ask sorted")
    api.say(joe, elm, "/ask could someone help move a wardrobe on Saturday?")
    await said_to(api, elm, "Joe could use a hand")

    # Nobody takes Joe's ask: a day on, the street's organisers (its admins) hear, privately.
    await tg.run_until(START + timedelta(hours=25))
    alert = await said_to(api, olga, "Nobody has taken this ask on Elm Street yet")
    assert alert.button("Re-post it in the group")

    await tg.run_until(utc(2026, 3, 9, 10, 0))
    api.dm(olga, "/digest")
    offer = await said_to(api, olga, "I can send you a weekly summary of Elm Street")
    api.press(olga, offer, "Show last week now")
    summary = await api.until(lambda: [m for m in api.messages_in(olga) if m.photo is not None])
    photo = summary[0]
    assert photo.text == (
        "📊 Elm Street — the week of 2 March:\n"
        "🆕 New neighbours: 4\n"
        "🙋 Asks: 2\n"
        "🤝 Asks met: 1\n"
        "⏳ Asks nobody took within 24 hours: 1\n"
        "🎁 Offers: 1\n"
        "☕ Check-ins answered: 0"
    )
    assert photo.button("Stop the weekly summary")
    shown = counts_in(photo.photo.data)  # type: ignore[union-attr]
    assert shown["title"] == "Elm Street: the last 8 weeks" and shown["weeks"][-1] == "2026-03-02"
    assert shown["series"] == {
        "Asks": [0] * 7 + [2], "Asks met": [0] * 7 + [1], "Asks unmet": [0] * 7 + [1], "Offers": [0] * 7 + [1],
        "New neighbours": [0] * 7 + [4], "Check-ins answered": [0] * 8,
    }


async def test_a_street_reminder_goes_up_in_the_group_at_its_time(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga = api.user("Olga", started=True)
    elm = api.group("Elm Street", [], owner=olga)
    api.say(olga, elm, "/remind every thursday 19:00 Blue bin out tonight")
    await said_to(api, olga, "I'll post “Blue bin out tonight” in Elm Street's group every Thursday at 19:00")
    assert api.messages_in(elm) == []
    await tg.run_until(utc(2026, 3, 5, 18, 59))
    assert api.messages_in(elm) == []
    await tg.run_until(utc(2026, 3, 5, 19, 0))
    assert [m.text for m in api.messages_in(elm)] == ["🔔 Blue bin out tonight"]
    await tg.run_until(utc(2026, 3, 12, 19, 0))
    assert [m.text for m in api.messages_in(elm)] == ["🔔 Blue bin out tonight"] * 2


async def test_an_organiser_takes_a_card_down_by_replying_to_it(tg: TelegramStreet, api: FakeBotApi) -> None:
    olga, rosa, sam = api.user("Olga", started=True), api.user("Rosa", started=True), api.user("Sam", started=True)
    elm = api.group("Elm Street", [rosa, sam], owner=olga)
    api.say(rosa, elm, "/offer raffle tickets for sale, message me")
    card = await said_to(api, elm, "Rosa is offering")

    api.say(sam, elm, "/remove", reply_to=card)
    await said_to(api, elm, FOR_ORGANISERS)
    assert card.button("Yes please") and await tg.count("posts", "status = 'open'") == 1  # still up
    api.say(olga, elm, "/remove", reply_to=api.messages_in(elm)[-1])  # not a card: she is told so, privately
    await said_to(api, olga, "That isn't one of my cards")

    api.say(olga, elm, "/remove", reply_to=card)
    await api.until(lambda: card.text.startswith("This one has closed"), what="the card to close")
    assert card.buttons == [] and "raffle tickets" in card.text
    await said_to(api, olga, "🗑 Taken down: “raffle tickets for sale, message me”")
    await said_to(api, rosa, "The organisers of Elm Street have taken down your post")


async def test_an_ask_for_a_neighbour_who_is_not_online(tg: TelegramStreet, api: FakeBotApi) -> None:
    priya, sam = api.user("Priya", started=True), api.user("Sam", started=True)
    elm = api.group("Elm Street", [priya, sam])
    api.say(priya, elm, "/ask for a neighbour: could someone pick up a few things from the shop on Thursday?")
    card = await said_to(api, elm, "Priya is asking for a neighbour who isn't online")
    assert card.text.splitlines()[1:] == ["🛒 Shopping · Thursday 5 March",
                                          "“could someone pick up a few things from the shop on Thursday?”"]
    hint = await said_to(api, elm, "Thank you for asking on their behalf")
    assert "keep addresses and health details off the card" in hint.text
    api.press(sam, card, "I can help")
    question = await said_to(api, priya, "Sam can help with your ask")  # the helper arranges it with Priya
    assert question.mentions == [sam.id]
    row = await tg.store.db.fetch_one("SELECT for_neighbour, author_id FROM posts")
    priya_row = await tg.store.neighbours.find("telegram", str(priya.id))
    assert row is not None and priya_row is not None and tuple(row) == (1, priya_row.id)
