"""Nothing lost between deciding and saying, or between arriving and answering: a process that dies
after a turn is stored but before its messages go, or after something arrived but before it was
handled, carries on at the next start (`resume`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.kernel import texts
from handlers.kernel.inbox import Arrival
from handlers.kernel.incoming import Incoming, IncomingKind
from handlers.kernel.messages import Outgoing, SendResult, ToStreet
from storage import SqliteStore
from tests.fakes import RecordingNotifier
from tests.kit import GROUP, PLATFORM

ASK = "/ask could someone walk my dog on Saturday?"


class Crash(BaseException):
    """The process dies: nothing after it runs."""


class DiesOnFirstSend(RecordingNotifier):
    resend_keys: list[str | None] = []

    async def send(self, outgoing: Outgoing) -> SendResult:
        self.resend_keys.append(outgoing.resend_key)
        raise Crash()


def _said(who: str, text: str, chat: str = GROUP) -> Incoming:
    return Incoming(PLATFORM, chat, who, False, text=text, user_name=who.capitalize(), chat_title="Elm Street")


async def _count(store: SqliteStore, table: str) -> int:
    return int(await store.db.fetch_value(f"SELECT COUNT(*) FROM {table}"))


async def test_a_card_decided_but_not_sent_goes_at_the_next_start(tmp_path: Path, clock: ManualClock) -> None:
    path = tmp_path / "street.sqlite3"
    store = await SqliteStore.open(path)
    dying = DiesOnFirstSend()
    dying.resend_keys = []
    try:
        try:
            await Doorstep(store, dying, clock).handle(_said("rosa", ASK))
        except Crash:
            pass
        assert await _count(store, "posts") == 1 and await _count(store, "outbox") == 1
        # Names are never written down: the platform names her when the card is sent.
        assert "Rosa" not in await store.db.fetch_value("SELECT message FROM outbox")
    finally:
        await store.close()

    store = await SqliteStore.open(path)
    notifier = RecordingNotifier()
    core = Doorstep(store, notifier, clock)
    try:
        await core.resume()
        await _until(lambda: len(notifier.sent) == 1)
        card = notifier.sent[0]
        assert card.outgoing.card_of is not None and "walk my dog" in card.text
        # The same key both times: a platform that knows resends by such a key (Matrix) shows it once.
        assert card.outgoing.resend_key is not None and dying.resend_keys == [card.outgoing.resend_key]
        await _until_empty(store, "outbox")
        assert await _count(store, "cards") == 1  # and its place is remembered, so it can be updated
    finally:
        core.stop()
        await core.stopped()
        await store.close()


async def test_what_arrived_but_was_not_handled_is_handled_at_the_next_start_once(
    tmp_path: Path, clock: ManualClock,
) -> None:
    path = tmp_path / "street.sqlite3"
    store = await SqliteStore.open(path)
    try:
        core = Doorstep(store, RecordingNotifier(), clock)
        arrivals = [Arrival("u1", _said("rosa", ASK)), Arrival("u2", _said("sam", "/board"))]
        await core.receive(PLATFORM, arrivals, position="3")
        again = await core.receive(PLATFORM, arrivals[:1], position="3")  # delivered twice before it was handled
        assert again == [None]
        assert await _count(store, "inbox") == 2 and await _count(store, "posts") == 0
        assert await core.inbox.position(PLATFORM) == "3"
        stored = await store.db.fetch_value("SELECT incoming FROM inbox WHERE key = 'u1'")
        assert "Rosa" not in stored  # no name is written
    finally:
        await store.close()  # the process died before taking a turn

    store = await SqliteStore.open(path)
    notifier = RecordingNotifier()
    core = Doorstep(store, notifier, clock)
    try:
        await core.resume()
        await _until(lambda: len(notifier.sent) == 2)
        card, board = notifier.sent
        assert card.outgoing.card_of is not None and "walk my dog" in board.text  # in the order they came
        await _until_empty(store, "inbox")
        assert await _count(store, "posts") == 1
    finally:
        core.stop()
        await core.stopped()
        await store.close()


async def test_a_turn_that_fails_still_leaves_the_inbox_and_says_sorry(
    store: SqliteStore, clock: ManualClock, monkeypatch: object,
) -> None:
    notifier = RecordingNotifier()
    core = Doorstep(store, notifier, clock)

    async def broken(*_: object) -> None:
        raise RuntimeError("a bug")

    core._take_turn = broken  # type: ignore[method-assign]
    await core.resume()
    try:
        [handled] = await core.receive(PLATFORM, [Arrival("u1", _said("rosa", ASK))])
        assert handled is not None
        await asyncio.wait_for(handled, 5)
        assert [sent.key for sent in notifier.sent] == [texts.SOMETHING_WENT_WRONG]
        assert await _count(store, "inbox") == 0 and await _count(store, "outbox") == 0
    finally:
        core.stop()
        await core.stopped()


async def _until(condition: object, timeout: float = 5.0) -> None:
    async def wait() -> None:
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.01)
    await asyncio.wait_for(wait(), timeout)


async def _until_empty(store: SqliteStore, table: str) -> None:
    for _ in range(500):
        if not await _count(store, table):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{table} still holds rows")


def test_presses_and_locations_survive_the_inbox() -> None:
    from handlers.kernel.serialize import decode_incoming, encode_incoming

    press = Incoming(PLATFORM, "rosa", "rosa", True, IncomingKind.PRESS, payload="h:4", ref="q-1", language="pl")
    assert decode_incoming(encode_incoming(press)) == press
    shared = Incoming(PLATFORM, GROUP, "sam", False, IncomingKind.LOCATION, cell="871f1d489ffffff", reply_to="12")
    assert decode_incoming(encode_incoming(shared)) == shared


class Slow(RecordingNotifier):
    async def send(self, outgoing: Outgoing) -> SendResult:
        await asyncio.sleep(0.005)  # a platform's round trip
        return await super().send(outgoing)


async def test_an_answer_goes_ahead_of_bulk_work_already_waiting(store: SqliteStore, clock: ManualClock) -> None:
    from handlers.kernel.delivery import BULK
    from handlers.kernel.messages import Person, ToPerson, msg

    notifier = Slow()
    core = Doorstep(store, notifier, clock, sends_at_once=2)
    hellos = [Outgoing(ToPerson(Person(PLATFORM, f"n{number}")), msg("hello {n}", n=number)) for number in range(40)]
    fan_out = asyncio.create_task(core.courier.deliver(list(hellos), BULK))  # forty chats, two at a time
    await _until(lambda: len(notifier.sent) >= 4)
    await core.handle(_said("rosa", "/board"))
    board = next(index for index, sent in enumerate(notifier.sent) if isinstance(sent.outgoing.to, ToStreet))
    assert board < 20, "the answer waited behind the fan-out"  # (behind all forty without answers first)
    await fan_out
    assert len(notifier.sent) == 41
