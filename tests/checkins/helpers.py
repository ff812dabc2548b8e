"""Steps a neighbour takes with check-ins, and moving time on the way the scheduler would."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import ManualClock
from handlers.app import Doorstep
from handlers.checkins import texts as checkins_texts
from handlers.kernel.messages import ToPerson
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.fakes import HandPickedOrganisers, RecordingNotifier, Sent
from tests.kit import StreetKit

LONDON = ZoneInfo("Europe/London")


def local(text: str) -> datetime:
    """'2026-03-02 10:00' in London, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON).astimezone(timezone.utc)


def to(sent: list[Sent], user_id: str, key: str | None = None) -> list[Sent]:
    return [
        s for s in sent
        if isinstance(s.outgoing.to, ToPerson) and s.outgoing.to.person.user_id == user_id and (key is None or s.key == key)
    ]


def last(sent: list[Sent], user_id: str, key: str) -> Sent:
    found = to(sent, user_id, key)
    assert found, [(s.key, s.text) for s in sent]
    return found[-1]


async def run_until(street: StreetKit, moment: datetime) -> list[Sent]:
    """Move the clock to `moment`, doing what falls due on the way at its own time (as the scheduler
    does); returns everything sent meanwhile."""
    street.notifier.take()
    for _ in range(10_000):
        due = await street.core.next_due()
        if due is None or due > moment:
            break
        street.clock.move_to(max(due, street.clock.now()))
        await street.core.run_due()
    street.clock.move_to(max(moment, street.clock.now()))  # a slow platform may have moved it on already
    await street.core.run_due()
    return street.notifier.sent


async def run_for(street: StreetKit, delta: timedelta) -> list[Sent]:
    return await run_until(street, street.clock.now() + delta)


async def set_up(
    street: StreetKit, who: str = "rosa", often: str = "Every day", at: str = "10:00",
    tell: str = "A neighbour I choose", wait: str | None = "3 hours",
) -> list[Sent]:
    """`who` sets up a check-in with taps only; returns what the last tap brought."""
    await street.join(who)
    sent = await street.tell(who, "/checkin")
    for label in (often, at, tell, wait):
        if label is None:
            continue
        sent = await street.press(who, only_private(sent, who).payload(label))
    return sent


def only_private(sent: list[Sent], who: str) -> Sent:
    with_buttons = [s for s in to(sent, who) if s.choices]
    assert with_buttons, [(s.key, s.text) for s in sent]
    return with_buttons[-1]


async def invite_and_accept(street: StreetKit, sent: list[Sent], owner: str = "rosa", buddy: str = "sam") -> list[Sent]:
    """The owner forwards the invitation; the buddy opens it and says yes."""
    card = last(sent, owner, checkins_texts.INVITE_CARD)
    start = card.choices[0]
    assert start.opens_private
    opened = await street.tell(buddy, f"/start {start.payload}")
    return await street.press(buddy, last(opened, buddy, checkins_texts.INVITE_QUESTION).payload("Yes"))


async def with_buddy(street: StreetKit, owner: str = "rosa", buddy: str = "sam", **choices: str) -> None:
    await street.join(buddy)
    sent = await set_up(street, owner, **choices)
    await invite_and_accept(street, sent, owner, buddy)


async def snapshot(street: StreetKit) -> dict[str, list[tuple]]:
    """Everything, check-ins included, to check that nothing changed."""
    tables = await street.snapshot()
    for table in ("checkins", "checkin_occurrences"):
        tables[table] = [tuple(row) for row in await street.store.db.fetch_all(f"SELECT * FROM {table} ORDER BY 1")]
    return tables


async def street_on(path: Path, notifier: RecordingNotifier, clock: ManualClock) -> StreetKit:
    """A fresh Doorstep (a new run of the bot) on the database file at `path`."""
    store = await SqliteStore.open(path)
    core = Doorstep(store, notifier, clock, CoreSettings(), HandPickedOrganisers("alice"))
    return StreetKit(core, store, notifier, clock)
