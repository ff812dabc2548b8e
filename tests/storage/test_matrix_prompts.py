"""The Matrix prompts table against a real SQLite file: remembered, found again, and deleted on time."""

from __future__ import annotations

from datetime import timedelta

from bot.matrix import retention
from handlers.app import Doorstep
from storage import SqliteStore
from storage.repositories.matrix_prompts import Prompt, PromptChoice
from tests.kit import StreetKit, card_of

YES = PromptChoice("✅", "ok:1", False, "yes please")
OPEN = PromptChoice("💬", "inbox", True, "open a private chat")


async def test_prompts_round_trip_and_the_latest_in_a_room(store: SqliteStore, street: StreetKit) -> None:
    now = street.clock.now()
    await store.matrix_prompts.remember(Prompt("$a", "!room", (YES,)), None, now)
    await store.matrix_prompts.remember(Prompt("$b", "!room", (OPEN, YES)), None, now + timedelta(seconds=1))
    await store.matrix_prompts.remember(Prompt("$c", "!other", (YES,)), None, now + timedelta(seconds=2))
    assert await store.matrix_prompts.get("$b") == Prompt("$b", "!room", (OPEN, YES))
    assert (await store.matrix_prompts.latest_in_room("!room")).event_id == "$b"  # type: ignore[union-attr]
    await store.matrix_prompts.replace_choices("$b", (YES,))
    assert (await store.matrix_prompts.get("$b")).choices == (YES,)  # type: ignore[union-attr]
    assert await store.matrix_prompts.get("$nope") is None and await store.matrix_prompts.latest_in_room("!none") is None


async def test_prompts_go_after_thirty_days_or_with_their_post(store: SqliteStore, street: StreetKit) -> None:
    core = Doorstep(store, street.notifier, street.clock, adapters_own=retention.own_work(store))
    assert [w.name for w in core.router.due_work].count(retention.WORK_NAME) == 1
    street = StreetKit(core, store, street.notifier, street.clock)
    post_id = card_of(await street.say("rosa", "/ask could someone lend a ladder?")).outgoing.card_of
    now = street.clock.now()
    await store.matrix_prompts.remember(Prompt("$question", "!dm", (YES,)), None, now)
    await store.matrix_prompts.remember(Prompt("$card", "!street", (YES,)), post_id, now)

    await street.wait(timedelta(days=29))
    assert await street.count("matrix_prompts") == 2
    await street.wait(timedelta(days=2))
    assert await street.count("matrix_prompts") == 1  # the card stays while its post does
    await street.press("rosa", f"wd:{post_id}")
    await street.wait(timedelta(days=31))
    assert await street.count("matrix_prompts") == 0
