"""The notifier on its own: edits, answers under buttons, long messages, and what it returns."""

from __future__ import annotations

from handlers.help import texts as help_texts
from handlers.kernel import texts
from handlers.kernel.domain import Street
from handlers.kernel.messages import (
    Choice,
    MessageRef,
    Outgoing,
    Person,
    Quote,
    SendStatus,
    ToPerson,
    ToPresser,
    ToStreet,
    lines,
    msg,
)
from handlers.posts import texts as posts_texts
from tests.telegram.fake_bot_api import FakeBotApi, Query
from tests.telegram.street import TelegramStreet


async def test_sending_returns_where_the_message_lives(tg: TelegramStreet, api: FakeBotApi) -> None:
    elm = api.group("Elm Street")
    result = await tg.adapter.notifier.send(Outgoing(ToStreet(tg.street(elm)), msg(posts_texts.BOARD_EMPTY)))
    assert result.status is SendStatus.SENT and result.ref == MessageRef("telegram", str(elm.id), "1")


async def test_edits_and_edits_that_change_nothing(tg: TelegramStreet, api: FakeBotApi) -> None:
    elm = api.group("Elm Street")
    notifier = tg.adapter.notifier
    sent = await notifier.send(Outgoing(ToStreet(tg.street(elm)), msg(posts_texts.BOARD_EMPTY),
                                        (Choice(msg(posts_texts.BUTTON_DONE), "dn:1"),)))
    assert sent.ref is not None
    assert await notifier.edit(sent.ref, msg(posts_texts.CARD_SORTED_HEAD), (), "en")
    assert api.messages_in(elm)[0].text == "✅ Sorted" and api.messages_in(elm)[0].buttons == []
    assert await notifier.edit(sent.ref, msg(posts_texts.CARD_SORTED_HEAD), (), "en")  # "message is not modified"
    assert not await notifier.edit(MessageRef("telegram", str(elm.id), "999"), msg(posts_texts.CARD_SORTED_HEAD), (), "en")
    assert not await notifier.edit(MessageRef("matrix", "!room", "$event"), msg(posts_texts.CARD_SORTED_HEAD), (), "en")


async def test_private_messages_to_people_who_never_started_the_bot(tg: TelegramStreet, api: FakeBotApi) -> None:
    sam, ann = api.user("Sam"), api.user("Ann", started=True)
    ann.blocked = True
    notifier = tg.adapter.notifier
    for who in (sam, ann):
        result = await notifier.send(Outgoing(ToPerson(Person("telegram", str(who.id))), msg(help_texts.WELCOME_PRIVATE)))
        assert result.status is SendStatus.UNREACHABLE


async def test_answers_that_cannot_be_answers_go_privately(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    elm = api.group("Elm Street", [rosa])
    await tg.adapter.notifier.send(Outgoing(ToStreet(tg.street(elm)), msg(posts_texts.BOARD_EMPTY), (Choice(msg("x"), "zz:1"),)))
    query = api.press(rosa, api.messages_in(elm)[0], "x")
    assert (await api.answered(query))["text"] == "That button has expired — nothing changed."

    person = Person("telegram", str(rosa.id), "Rosa")
    notifier = tg.adapter.notifier
    late = await notifier.send(Outgoing(ToPresser(person, query), msg(texts.ALREADY_DONE)))
    assert late.sent and api.messages_in(rosa)[-1].text == "Already done 🙂"  # already answered: privately
    no_press = await notifier.send(Outgoing(ToPresser(person, None), msg(texts.NOT_FOR_YOU)))
    assert no_press.sent and api.messages_in(rosa)[-1].text.startswith("That button is for someone else")
    assert len(api.answers(query)) == 1


async def test_a_long_answer_stops_the_spinner_and_goes_privately(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    elm = api.group("Elm Street", [rosa])
    await tg.adapter.notifier.send(Outgoing(ToStreet(tg.street(elm)), msg(posts_texts.BOARD_EMPTY), (Choice(msg("x"), "zz:1"),)))
    tg.adapter.presses.open("manual")  # a press the adapter is still answering
    api.queries["manual"] = Query("manual", rosa, api.messages_in(elm)[0], "zz:1")
    words = msg(texts.ADDRESSED, who=Person("telegram", str(rosa.id), "Rosa"), text=msg("{q}", q=Quote("long " * 60)))
    result = await tg.adapter.notifier.send(Outgoing(ToPresser(Person("telegram", str(rosa.id), "Rosa"), "manual"), words))
    assert result.sent
    assert api.answers("manual") == [{"text": None, "show_alert": False}]
    assert api.messages_in(rosa)[-1].text.startswith("Rosa: long long")


async def test_very_long_messages_are_split_with_buttons_under_the_last(tg: TelegramStreet, api: FakeBotApi) -> None:
    elm = api.group("Elm Street")
    text = lines(*[msg("{q}", q=Quote("a neighbour's words " * 20)) for _ in range(15)])  # about 6,000 characters
    result = await tg.adapter.notifier.send(Outgoing(ToStreet(tg.street(elm)), text, (Choice(msg("Go"), "zz:1"),)))
    shown = api.messages_in(elm)
    assert len(shown) == 2 and shown[0].buttons == [] and shown[1].button("Go")
    assert result.ref == MessageRef("telegram", str(elm.id), str(shown[1].message_id))


async def test_someone_unknown_is_a_neighbour_capitalised_where_a_sentence_starts(
    tg: TelegramStreet, api: FakeBotApi,
) -> None:
    elm = api.group("Elm Street")
    street = ToStreet(Street(1, "telegram", str(elm.id)))
    unknown = Person("telegram", "424242")
    await tg.adapter.notifier.send(Outgoing(street, msg(posts_texts.CARD_ASK_HEAD, who=unknown)))
    shown = api.messages_in(elm)[0]
    assert shown.text == "🙋 A neighbour could use a hand" and shown.mentions == [424242]
    in_touch = msg(texts.ADDRESSED, who=Person("telegram", "77"), text=msg(posts_texts.CONFIRM_HELPER, helper=unknown,
                                                                             subject=Quote("milk")))
    await tg.adapter.notifier.send(Outgoing(street, in_touch))
    assert api.messages_in(elm)[1].text.startswith("A neighbour: 🙋 A neighbour can help with your ask: milk\n")
