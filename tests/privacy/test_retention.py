"""Retention: each period is a setting, applied with the bot's daily work and by `doorstep purge`;
and neighbours nothing refers to any more are deleted — decided from the schema's references."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.composition import core_settings as from_operator
from bot.i18n import Catalogues
from config import ConfigurationError, load_settings
from config.settings import RetentionSettings, Settings
from handlers.kernel.settings import CoreSettings
from handlers.privacy import retention
from storage import SqliteStore
from storage.schema import read_schema
from storage.times import to_db
from tests.checkins.helpers import run_for, set_up
from tests.kit import StreetKit, card_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def core_settings() -> CoreSettings:
    return CoreSettings(
        keep_closed_posts=timedelta(days=10), keep_checkin_occurrences=timedelta(days=3),
        keep_hellos=timedelta(days=20), keep_last_seen=timedelta(days=30),
    )


def test_the_periods_come_from_the_operators_settings() -> None:
    settings = Settings(retention=RetentionSettings(
        closed_post_days=10, checkin_occurrence_days=3, hello_days=20, last_seen_days=30,
    ))
    core = from_operator(settings, Catalogues.load())
    assert (core.keep_closed_posts, core.keep_checkin_occurrences, core.keep_hellos, core.keep_last_seen) == (
        timedelta(days=10), timedelta(days=3), timedelta(days=20), timedelta(days=30),
    )


@pytest.mark.usefixtures("clean_environment")
def test_quiet_neighbours_need_last_seen_times_kept_longer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOORSTEP_RETENTION__LAST_SEEN_DAYS", "20")
    with pytest.raises(ConfigurationError, match="DOORSTEP_ORGANISERS__QUIET_AFTER_DAYS"):
        load_settings()
    monkeypatch.setenv("DOORSTEP_RETENTION__HELLO_DAYS", "7")
    monkeypatch.setenv("DOORSTEP_RETENTION__LAST_SEEN_DAYS", "90")
    with pytest.raises(ConfigurationError, match="DOORSTEP_RETENTION__HELLO_DAYS"):
        load_settings()


async def test_closed_posts_go_after_the_set_days(street: StreetKit) -> None:
    post_id = card_of(await street.say("rosa", "/ask could someone lend me a ladder?")).outgoing.card_of
    await street.press("rosa", f"wd:{post_id}")
    await street.wait(timedelta(days=9, hours=23))
    assert await street.count("posts") == 1
    await street.wait(timedelta(hours=2))
    assert await street.count("posts") == 0


async def test_checkin_times_go_after_the_set_days(street: StreetKit) -> None:
    await set_up(street, "rosa", wait="1 hour")
    await run_for(street, timedelta(days=1, hours=2))
    assert await street.count("checkin_occurrences") >= 1
    await run_for(street, timedelta(days=3))
    oldest = await street.store.db.fetch_value("SELECT MIN(due_at) FROM checkin_occurrences")
    assert oldest >= to_db(street.clock.now() - timedelta(days=3))
    assert await street.count("checkins") == 1  # the check-in itself stays until it is stopped


async def test_hellos_and_last_seen_go_after_the_set_days(street: StreetKit) -> None:
    await street.say("rosa", "/board")
    rosa = await street.store.neighbours.find("test", "rosa")
    assert rosa is not None
    await street.store.hellos.record(1, rosa.id, street.clock.now())
    await street.wait(timedelta(days=21))
    assert await street.count("hellos") == 0 and await street.count("street_members") == 1
    await street.wait(timedelta(days=10))
    assert await street.count("street_members") == 0
    assert await street.count("neighbours") == 0  # with nothing left, Rosa's own row goes too


# How to give a neighbour (:who) one reference of each kind the schema has. :other is a second
# neighbour whose post (:post, sorted) and check-in hang around; :street is the street.
ONE_REFERENCE = {
    "street_members.neighbour_id":
        "INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (:street, :who, :now)",
    "posts.author_id":
        "INSERT INTO posts (street_id, author_id, kind, category, when_day, when_part, body, status, created_at, "
        "expires_at) VALUES (:street, :who, 'ask', 'other', 'any', 'any', 'a ladder', 'open', :now, :later)",
    "responses.neighbour_id":
        "INSERT INTO responses (post_id, neighbour_id, status, created_at, updated_at) "
        "VALUES (:post, :who, 'declined', :now, :now)",
    "suggestions.neighbour_id": "INSERT INTO suggestions (post_id, neighbour_id, suggested_at) VALUES (:post, :who, :now)",
    "conversations.neighbour_id":
        "INSERT INTO conversations (neighbour_id, scope, state, updated_at) VALUES (:who, 'private', '{}', :now)",
    "questions.neighbour_id":
        "INSERT INTO questions (neighbour_id, chat, question, valid_until) VALUES (:who, 'private', '{}', :later)",
    "held_messages.neighbour_id": "INSERT INTO held_messages (neighbour_id, payload, created_at) VALUES (:who, '{}', :now)",
    "checkins.neighbour_id":
        "INSERT INTO checkins (neighbour_id, street_id, days, at_minute, tell, escalate_after_minutes, updated_at) "
        "VALUES (:who, :street, 127, 600, 'nobody', 180, :now)",
    "checkins.buddy_id":
        "UPDATE checkins SET tell = 'buddy', buddy_id = :who WHERE neighbour_id = :other",
    "hellos.neighbour_id": "INSERT INTO hellos (street_id, neighbour_id, said_at) VALUES (:street, :who, :now)",
    "digest_subscriptions.neighbour_id":
        "INSERT INTO digest_subscriptions (street_id, neighbour_id, weekday, at_minute, next_at) "
        "VALUES (:street, :who, 0, 540, :later)",
    "neighbour_cells.neighbour_id":
        "INSERT INTO neighbour_cells (neighbour_id, cell, set_at) VALUES (:who, '89195da49b7ffff', :now)",
    "relays.author_id":
        "INSERT INTO relays (post_id, author_id, responder_id, started_at, last_used_at) "
        "VALUES (:post, :who, :other, :now, :now)",
    "relays.responder_id":
        "INSERT INTO relays (post_id, author_id, responder_id, started_at, last_used_at) "
        "VALUES (:post, :other, :who, :now, :now)",
    "recurrences.keeper_id":
        "INSERT INTO recurrences (post_id, every_days, occurs_on, next_at, keeper_id) "
        "VALUES (:post, 7, '2026-03-10', :later, :who)",
}


async def test_every_kind_of_reference_is_in_the_list_above(store: SqliteStore) -> None:
    """A new table that refers to neighbours fails here until it has a line above — and then the test
    below checks that it keeps its neighbours."""
    schema = await read_schema(store.db)
    assert {f"{key.table}.{key.column}" for key in schema.referring_to("neighbours")} == set(ONE_REFERENCE)


@pytest.mark.parametrize("reference", sorted(ONE_REFERENCE))
async def test_a_neighbour_with_anything_at_all_is_kept(street: StreetKit, reference: str) -> None:
    db, now = street.store.db, street.clock.now()
    long_ago = to_db(now - timedelta(days=30))
    street_id = await db.insert("INSERT INTO streets (platform, chat_id, created_at) VALUES ('test', 'g', ?)", (long_ago,))
    other = await db.insert("INSERT INTO neighbours (platform, user_id, created_at) VALUES ('test', 'sam', ?)", (long_ago,))
    who = await db.insert("INSERT INTO neighbours (platform, user_id, created_at) VALUES ('test', 'rosa', ?)", (long_ago,))
    post = await db.insert(
        "INSERT INTO posts (street_id, author_id, kind, category, when_day, when_part, body, status, created_at, "
        "expires_at) VALUES (?, ?, 'ask', 'other', 'any', 'any', 'bins', 'matched', ?, ?)",
        (street_id, other, to_db(now), to_db(now + timedelta(days=7))),
    )
    await db.insert(
        "INSERT INTO checkins (neighbour_id, street_id, days, at_minute, tell, escalate_after_minutes, updated_at) "
        "VALUES (?, ?, 127, 600, 'nobody', 180, ?)", (other, street_id, to_db(now)),
    )
    values = {"who": who, "other": other, "post": post, "street": street_id, "now": to_db(now),
              "later": to_db(now + timedelta(days=7))}
    names = re.findall(r":(\w+)", ONE_REFERENCE[reference])
    await db.execute(re.sub(r":\w+", "?", ONE_REFERENCE[reference]), [values[name] for name in names])

    async def purge() -> None:
        async with street.store.transaction():
            await retention.purge(street.core.services, street.clock.now())

    await purge()
    assert await street.count("neighbours", f"id = {who}") == 1, f"{reference} should keep them"
    table, column = reference.split(".")
    await db.execute(f"DELETE FROM {table} WHERE {column} = ?", (who,))
    await purge()
    assert await street.count("neighbours", f"id = {who}") == 0, "with nothing left, they go"
    assert await street.count("neighbours", f"id = {other}") == 1


async def test_someone_who_just_arrived_is_kept_for_a_day(street: StreetKit) -> None:
    await street.tell("newcomer", "/help")
    await street.wait(timedelta(hours=20))
    assert await street.count("neighbours") == 1
    await street.wait(timedelta(hours=5))
    assert await street.count("neighbours") == 0


def test_doorstep_purge_prints_counts_only(tmp_path: Path) -> None:
    database = tmp_path / "doorstep.sqlite3"
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    env = {**clean, "PYTHONPATH": str(ROOT), "DOORSTEP_DATABASE__PATH": str(database)}
    import sqlite3

    first = subprocess.run([sys.executable, "-m", "bot.cli", "purge"], capture_output=True, text=True, env=env,
                           cwd=tmp_path, timeout=60)
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(database) as raw:
        raw.execute("INSERT INTO streets (platform, chat_id, created_at) VALUES ('test', 'g', 0)")
        raw.execute("INSERT INTO neighbours (platform, user_id, created_at) VALUES ('test', 'rosa', 0)")
        raw.execute("INSERT INTO posts (street_id, author_id, kind, category, when_day, when_part, body, status, "
                    "created_at, expires_at, closed_at) VALUES (1, 1, 'ask', 'other', 'any', 'any', 'a secret ladder', "
                    "'done', 0, 0, 0)")
    result = subprocess.run([sys.executable, "-m", "bot.cli", "purge"], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("Deleted ") and "closed_posts=1" in line and "neighbours=1" in line
    assert "ladder" not in result.stdout + result.stderr and "rosa" not in result.stdout + result.stderr
    with sqlite3.connect(database) as raw:
        assert raw.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 0
