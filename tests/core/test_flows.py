"""Typed guided flows: declared once, state that reads back or not at all, a half-finished flow that
survives an upgrade from the untyped rows, and the question the bot last asked."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.clock import ManualClock
from handlers.app import Doorstep, build_router
from handlers.checkins import texts as checkin_texts
from handlers.kernel import texts
from handlers.kernel.flows import Flow, FlowError
from handlers.kernel.questions import VALID_FOR
from handlers.kernel.router import Router
from handlers.kernel.settings import CoreSettings
from handlers.posts import texts as posts_texts
from handlers.privacy import texts as privacy_texts
from storage import SqliteStore
from storage.database import migrations
from tests.fakes import RecordingNotifier
from tests.kit import StreetKit, card_of, only


@dataclass
class Sample:
    street_id: int
    words: str = ""
    chosen: int | None = None


SAMPLE = Flow("sample", Sample, steps=("first", "second"))


def test_two_flows_with_one_name_fail_at_start_up() -> None:
    router = build_router()
    with pytest.raises(FlowError, match="post"):
        router.flow(Flow("post", Sample, steps=("x",)))


def test_every_flow_of_the_bot_is_registered_once() -> None:
    router = Router()
    router.flow(SAMPLE)
    with pytest.raises(FlowError):
        router.flow(SAMPLE)


def test_a_flow_declares_its_steps_once_and_its_state_is_a_dataclass() -> None:
    with pytest.raises(FlowError):
        Flow("twice", Sample, steps=("a", "a"))
    with pytest.raises(FlowError):
        Flow("untyped", dict, steps=("a",))  # type: ignore[type-var]


def test_a_stored_state_reads_back_typed_or_not_at_all() -> None:
    assert SAMPLE.decode(SAMPLE.encode(Sample(3, "hi", 2))) == Sample(3, "hi", 2)
    assert SAMPLE.decode({"street_id": 3}) == Sample(3)
    assert SAMPLE.decode({}) is None  # a field with no default is missing
    assert SAMPLE.decode({"street_id": "3"}) is None  # wrong type
    assert SAMPLE.decode({"street_id": True}) is None  # a bool is not an id
    assert SAMPLE.decode({"street_id": 3, "chosen": "x"}) is None
    assert SAMPLE.decode({"street_id": 3, "unknown": 1}) == Sample(3)  # a field dropped since is ignored


async def test_a_flow_of_another_kind_in_the_chat_is_not_taken_for_this_one(street: StreetKit) -> None:
    """/ask then /checkin in the private chat: the check-in set-up replaces the guided ask, so the
    ask's buttons have expired (kindly) and change nothing."""
    await street.say("rosa", "/board")
    what = only(await street.tell("rosa", "/ask"))
    assert what.key == posts_texts.ASK_WHAT
    await street.tell("rosa", "/checkin")
    before = await street.snapshot()
    answer = only(await street.press("rosa", what.payload("Prescriptions")))
    assert answer.key == texts.BUTTON_EXPIRED
    assert await street.snapshot() == before


def _old_database(path: Path) -> None:
    """A database as the release before typed flows left it, with flows half-finished in every form."""
    raw = sqlite3.connect(path)
    for number, _, sql in migrations()[:7]:
        raw.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    now = int(datetime(2026, 3, 2, 9, tzinfo=timezone.utc).timestamp())
    raw.execute("INSERT INTO streets (id, platform, chat_id, title, created_at) VALUES (1, 'test', 'g', 'Elm Street', ?)", (now,))
    raw.execute("INSERT INTO neighbours (id, platform, user_id, created_at) VALUES (1, 'test', 'rosa', ?)", (now,))
    raw.execute("INSERT INTO neighbours (id, platform, user_id, created_at) VALUES (2, 'test', 'sam', ?)", (now,))
    raw.execute("INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (1, 1, ?)", (now,))
    raw.execute("INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (1, 2, ?)", (now,))
    rows = [
        (1, "private", {"flow": "post", "kind": "ask", "street_id": 1, "step": "what"}),
        (2, "private", {"flow": "checkin", "street_id": 1, "days": 127, "step": "time"}),
        (1, "area", {"street_id": 1}),
        (2, "organise:qp", {"text": "hello all"}),
    ]
    for who, scope, state in rows:
        raw.execute("INSERT INTO conversations (neighbour_id, scope, state, updated_at) VALUES (?, ?, ?, ?)",
                    (who, scope, json.dumps(state), now))
    raw.commit()
    raw.close()


def _columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as raw:
        return {row[1] for row in raw.execute(f"PRAGMA table_info({table})")}


async def test_half_finished_flows_carry_on_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "doorstep.sqlite3"
    try:
        _old_database(path)
    except sqlite3.Error as error:  # the fixture must match the old schema; say so loudly
        pytest.fail(f"the old database could not be built: {error}")
    clock = ManualClock(datetime(2026, 3, 2, 10, tzinfo=timezone.utc))
    store = await SqliteStore.open(path)
    try:
        notifier = RecordingNotifier()
        street = StreetKit(Doorstep(store, notifier, clock, CoreSettings()), store, notifier, clock)
        rows = await street.store.db.fetch_all("SELECT neighbour_id, scope, flow, step, state FROM conversations ORDER BY neighbour_id, scope")
        found = {(row["neighbour_id"], row["scope"]): (row["flow"], row["step"], json.loads(row["state"])) for row in rows}
        assert found == {
            (1, "area"): ("area_pin", "share", {"street_id": 1}),
            (1, "private"): ("post", "what", {"kind": "ask", "street_id": 1}),
            (2, "organise:qp"): ("organiser_street", "pick", {"text": "hello all", "code": "qp"}),
            (2, "private"): ("checkin", "time", {"street_id": 1, "days": 127}),
        }
        # Rosa's guided ask waits at "what": her words now become the ask
        sent = await street.tell("rosa", "could someone collect my prescription on Friday?")
        assert card_of(sent).text.startswith("🙋 A neighbour could use a hand")
        # Sam's check-in set-up waits at "time": a typed time is read
        reply = only(await street.tell("sam", "10:30"))
        assert reply.key == checkin_texts.CHECKIN_WHO
    finally:
        await store.close()
    assert {"flow", "step"} <= _columns(path, "conversations")


async def test_the_last_question_asked_is_remembered_until_something_else_is_said(street: StreetKit) -> None:
    await street.say("sam", "/board")
    question = only(await street.tell("sam", "/forgetme"))
    rows = await street.store.db.fetch_all("SELECT chat, question, valid_until FROM questions")
    assert len(rows) == 1 and rows[0]["chat"] == "private"
    stored = json.loads(rows[0]["question"])
    assert stored["prompt"]["key"] == question.key
    assert [payload for _, payload in stored["choices"]] == [choice.payload for choice in question.choices]

    await street.tell("sam", "/privacy")  # said without buttons: no question waits any more
    assert await street.count("questions") == 0


async def test_a_question_stops_counting_after_a_while(street: StreetKit) -> None:
    await street.say("sam", "/board")
    await street.tell("sam", "/forgetme")
    sam = await street.store.neighbours.get_or_create("test", "sam", street.clock.now())
    assert await street.store.questions.get(sam.id, "private", street.clock.now()) is not None
    later = street.clock.now() + VALID_FOR
    assert await street.store.questions.get(sam.id, "private", later) is None
    street.clock.advance(VALID_FOR + timedelta(minutes=1))
    await street.core.run_due()
    assert await street.count("questions") == 0


async def test_my_data_counts_a_waiting_question(street: StreetKit) -> None:
    await street.say("sam", "/board")
    await street.tell("sam", "/forgetme")
    summary = [s for s in await street.tell("sam", "/mydata") if s.key != privacy_texts.MY_DATA_HEAD]
    assert any("Questions I asked you that are still waiting for your answer: 1" in s.text for s in summary)
