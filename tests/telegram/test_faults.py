"""When Telegram misbehaves — errors, slow answers, a group that moved, a bot removed from a group —
messages still go out once it recovers, nothing crashes, and no post is lost."""

from __future__ import annotations

import time
from pathlib import Path

from bot.telegram.sending import Patience
from handlers.kernel.messages import Outgoing, ToStreet, msg
from handlers.posts import texts as posts_texts
from tests.telegram.fake_bot_api import FakeBotApi, Fault
from tests.telegram.street import TelegramStreet, eventually, tuned


async def test_an_outage_is_waited_out(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    api.faults.append(Fault({"sendMessage"}, status=502, description="Bad Gateway", times=None,
                            until=time.monotonic() + 0.5))
    api.dm(rosa, "/help")
    reply = await api.next_in(rosa, 0, timeout=8)
    assert reply.text.startswith("👋 Here's what I can do:")
    sends = [status for method, status in api.requests if method == "sendMessage"]
    assert sends[0] == 502 and sends[-1] == 200 and len(api.messages_in(rosa)) == 1


async def test_answers_that_never_come_are_retried(api: FakeBotApi, tmp_path: Path) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(request_timeout=0.3))
    try:
        rosa = api.user("Rosa", started=True)
        api.faults.append(Fault({"sendMessage"}, status=504, description="Gateway Timeout", delay=0.6, times=1))
        api.dm(rosa, "/help")
        reply = await api.next_in(rosa, 0, timeout=8)
        assert reply.text.startswith("👋 Here's what I can do:")
        assert len(api.messages_in(rosa)) == 1
    finally:
        await street.close()


async def test_when_patience_runs_out_the_post_is_kept(api: FakeBotApi, tmp_path: Path) -> None:
    patience = Patience(first_pause=0.05, longest_pause=0.1, for_messages=0.3, for_quick_calls=0.3)
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(patience=patience))
    try:
        rosa, sam = api.user("Rosa"), api.user("Sam")
        elm = api.group("Elm Street", [rosa, sam])
        api.faults.append(Fault({"sendMessage"}, status=500, times=None))
        api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
        await api.until(lambda: api.calls("sendMessage") >= 3, what="a few tries")
        api.faults.clear()
        api.say(sam, elm, "/board")
        board = await api.next_in(elm, 0, timeout=5)
        assert "could someone lend me a ladder on Saturday?" in board.text
        assert await street.count("posts") == 1
    finally:
        await street.close()


async def test_a_group_that_became_a_supergroup_is_followed(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa")
    elm = api.group("Elm Street", [rosa], supergroup=False)
    api.say(rosa, elm, "/board")
    await api.next_in(elm, 0)
    moved = api.migrate(elm)
    api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")  # sent just before the move
    card = await api.next_in(moved, 0)
    assert card.text.startswith("🙋 Rosa could use a hand")

    async def card_remembered_where_it_is() -> bool:
        return [ref.chat_id for ref in await tg.store.cards.of_post(1)] == [str(moved.id)]

    await eventually(card_remembered_where_it_is, "the card's new place")
    # One street, now at the supergroup's id: the ask, and Rosa, belong to it as before.
    streets = [tuple(row) for row in await tg.store.db.fetch_all("SELECT id, chat_id FROM streets")]
    assert streets == [(1, str(moved.id))]
    assert (await tg.store.posts.get(1)).street_id == 1  # type: ignore[union-attr]
    api.say(rosa, moved, "/board")
    board = await api.next_in(moved, 1)
    assert "could someone lend me a ladder on Saturday?" in board.text


async def test_a_move_noticed_only_when_sending_still_moves_the_street(tg: TelegramStreet, api: FakeBotApi) -> None:
    """The service messages were missed (the bot was away): Telegram refusing a send says where it went."""
    rosa = api.user("Rosa")
    elm = api.group("Elm Street", [rosa], supergroup=False)
    api.say(rosa, elm, "/board")
    await api.next_in(elm, 0)
    moved = api.migrate(elm, announce=False)
    result = await tg.adapter.notifier.send(Outgoing(ToStreet(tg.street(elm)), msg(posts_texts.BOARD_EMPTY)))
    assert result.ref is not None and result.ref.chat_id == str(moved.id)

    async def street_moved() -> bool:
        return await tg.count("streets", f"chat_id = '{moved.id}'") == 1

    await eventually(street_moved, "the street to follow its group")
    assert await tg.count("streets") == 1


async def test_a_group_that_removed_the_bot_does_not_stop_it(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    elm, mill = api.group("Elm Street", [rosa]), api.group("Mill Road", [rosa])
    elm.bot_present = False
    api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
    await api.until(lambda: (("sendMessage", 403) in api.requests), what="the refusal")
    api.say(rosa, mill, "/board")
    assert (await api.next_in(mill, 0)).text.startswith("Nothing open on the board")


async def test_polling_carries_on_after_errors(tg: TelegramStreet, api: FakeBotApi) -> None:
    rosa = api.user("Rosa", started=True)
    api.faults.append(Fault({"getUpdates"}, status=502, description="Bad Gateway", times=1))
    api.dm(rosa, "/help")
    assert (await api.next_in(rosa, 0, timeout=8)).text.startswith("👋 Here's what I can do:")


async def test_a_slow_platform_does_not_leave_a_button_spinning(api: FakeBotApi, tmp_path: Path) -> None:
    street = await TelegramStreet.open(api, tmp_path / "db.sqlite3", tuned(press_answered_within=0.2))
    try:
        rosa, sam = api.user("Rosa", started=True), api.user("Sam", started=True)
        elm = api.group("Elm Street", [rosa, sam])
        api.say(rosa, elm, "/ask could someone lend me a ladder on Saturday?")
        card = await api.next_in(elm, 0)
        api.press(sam, card, "I can help")
        question = await api.next_in(rosa, 0)
        api.faults.append(Fault({"sendMessage"}, status=None, delay=0.5, times=2))
        yes = api.press(rosa, question, "Yes please")
        assert await api.answered(yes, timeout=0.45) == {"text": None, "show_alert": False}
        assert len(api.messages_in(sam)) == 0  # the answer came before the slow messages
        await api.next_in(sam, 0, timeout=5)
        assert len(api.answers(yes)) == 1
    finally:
        await street.close()
