"""Incoming updates: how many Telegram updates a second Doorstep handles, against a bare
python-telegram-bot Application whose only handler echoes, on the same updates in the same run.

    python -m bench.updates [--quick] [--json FILE] [--profile]

The echo bot is a bare PTB Application (64 updates in flight); Doorstep long-polls with its own loop
and writes each batch to its inbox first. Both poll the
tests' fake Bot API, which runs in a process of its own (`bench.telegram_server`) with its flood
limits off: what is measured is the bot, not Telegram's pacing (the fan-out benchmark measures that).
Doorstep is the real Telegram adapter, the real core (sending side by side as under `doorstep run`)
and a real SQLite file (WAL); the echo bot sends each message's text back to its chat and answers
each button press with its data.

The updates: group commands (/board, /help, /ask, /offer) and presses of "I can help" / "Yes please"
on the cards of a street that already has a few posts, spread over many groups and neighbours. Every
run starts from the same database (a copy made after the street was set up), and the updates are made
afresh from the same list (new message and press ids, as Telegram's would be). A run's clock starts
when the updates are queued and stops when the last one has been handled — for Doorstep, when the
turn's messages have been sent and the press answered."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable

from pydantic import SecretStr
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bench.common import Deadline, Profiled, hand_back, machine, part_arguments, spread
from bench.telegram_server import TelegramServer
from bot.clock import SystemClock
from bot.composition import SENDS_AT_ONCE
from bot.telegram.adapter import TelegramAdapter, Tuning
from bot.telegram.pacing import Limits, Rate
from bot.telegram.sending import Patience
from config.settings import TelegramSettings
from handlers.app import Doorstep
from handlers.kernel.settings import CoreSettings
from handlers.posts import cards
from storage import Database, SqliteStore

GOAL_RATIO = 2.0  # Doorstep within 2x of the bare echo
# Where a profiled run's time went: the core's turns (rules and SQL), and sending what they decided
# (each message through the Courier and the adapter, whichever task sends it).
PHASES = {"turns": ("handlers/app.py", "_take_turn"), "sending": ("handlers/kernel/delivery.py", "_deliver_one")}
CONCURRENT_UPDATES = 64  # the echo bot's updates in flight at once (PTB's concurrent_updates)

# The flood limits are the fake server's business here (off); the adapter's own pacing is lifted too.
NO_PACING = Limits(Rate(1_000_000, 1.0), Rate(1_000_000, 1.0), Rate(1_000_000, 1.0), slack=0.0)
TUNING = Tuning(limits=NO_PACING, patience=Patience(for_messages=60.0), poll_timeout=10, request_timeout=30.0,
                start_patience=10.0, stop_grace=5.0)

OFFERS = ["I can pick up shopping on weekday mornings", "I can lend a drill and a ladder",
          "Happy to walk a dog at the weekend", "I can give lifts to the station on Fridays",
          "I'm happy to have a phone chat any evening", "I can cook an extra meal on Sundays"]
ASKS = ["Could someone pick up milk and bread tomorrow morning?", "Could anyone lend me a drill this week?",
        "Could someone walk my dog on Saturday morning?", "Could someone collect a prescription today?",
        "Would anyone like a chat on the phone this evening?", "Could someone give me a lift on Tuesday?"]


@dataclass(frozen=True)
class Mode:
    groups: int
    members: int
    updates: int
    runs: int
    budget_s: float


MODES = {"full": Mode(groups=40, members=12, updates=1000, runs=3, budget_s=150),
         "quick": Mode(groups=15, members=8, updates=300, runs=3, budget_s=75)}


class Counter:
    """Counts updates handled (a handler in a later group runs once the update's own work is done)."""

    def __init__(self) -> None:
        self.done = 0
        self.target = 0
        self.reached = asyncio.Event()

    def expect(self, target: int) -> None:
        self.done, self.target = 0, target
        self.reached.clear()

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.done += 1
        if self.done >= self.target:
            self.reached.set()

    def attach(self, application: Application) -> None:
        application.add_handler(TypeHandler(Update, self), group=1)

    def tick(self) -> None:
        self.done += 1
        if self.done >= self.target:
            self.reached.set()


def _settings(server: TelegramServer) -> TelegramSettings:
    return TelegramSettings(token=SecretStr(server.token), base_url=server.base_url)  # type: ignore[arg-type]


@dataclass
class DoorstepBot:
    adapter: TelegramAdapter
    core: Doorstep
    store: SqliteStore
    counter: Counter

    @classmethod
    async def start(cls, server: TelegramServer, database: Path) -> DoorstepBot:
        store = await SqliteStore.open(database)
        adapter = TelegramAdapter(_settings(server), TUNING)
        core = Doorstep(store, adapter.notifier, SystemClock(), CoreSettings(), adapter.organisers,
                        sends_at_once=SENDS_AT_ONCE)
        counter = Counter()
        adapter.on_update_handled = counter.tick
        try:
            await adapter.start(core)
            await core.resume()
        except BaseException:
            await store.close()
            raise
        return cls(adapter, core, store, counter)

    async def stop(self) -> None:
        try:
            self.core.stop()
            await self.adapter.stop()
            await self.core.stopped()
        finally:
            await self.store.close()


@dataclass
class EchoBot:
    application: Application
    counter: Counter

    @classmethod
    async def start(cls, server: TelegramServer) -> EchoBot:
        timeout = TUNING.request_timeout
        application = (
            ApplicationBuilder().token(server.token).base_url(server.base_url).job_queue(None)
            .concurrent_updates(CONCURRENT_UPDATES).connect_timeout(timeout).read_timeout(timeout)
            .write_timeout(timeout).pool_timeout(timeout).get_updates_read_timeout(timeout).build()
        )

        async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.callback_query is not None:
                await update.callback_query.answer((update.callback_query.data or "")[:200])
            elif update.message is not None and update.message.text:
                await context.bot.send_message(update.message.chat_id, update.message.text)

        application.add_handler(TypeHandler(Update, echo))
        counter = Counter()
        counter.attach(application)
        await application.initialize()
        assert application.updater is not None
        await application.updater.start_polling(timeout=int(TUNING.poll_timeout))
        await application.start()
        return cls(application, counter)

    async def stop(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()


async def _handled(server: TelegramServer, counter: Counter, specs: list[dict], deadline: Deadline,
                   profile: Profiled | None = None) -> float:
    """Queue the updates; seconds until the last one is handled."""
    counter.expect(len(specs))
    started = time.perf_counter()
    with profile or contextlib.nullcontext():
        await server.queue(specs)
        try:
            await asyncio.wait_for(counter.reached.wait(), max(deadline.left, 1.0))
        except asyncio.TimeoutError:
            raise RuntimeError(f"only {counter.done} of {len(specs)} updates handled within the budget") from None
    return time.perf_counter() - started


def _setup_specs(streets: list[dict], rng: random.Random) -> list[dict]:
    """Two offers and two asks in every street, so there are cards to press and boards to show."""
    specs = []
    for street in streets:
        members = street["members"]
        for n in range(2):
            specs.append({"say": f"/offer {rng.choice(OFFERS)}", "user": members[n], "chat": street["id"]})
            specs.append({"say": f"/ask {rng.choice(ASKS)}", "user": members[n + 2], "chat": street["id"]})
    return specs


def _timed_specs(streets: list[dict], cards_of: dict[int, list[dict]], count: int, rng: random.Random) -> list[dict]:
    """The mix: 40% presses on cards, 25% /board, 15% /help, 20% new asks and offers."""
    specs = []
    for _ in range(count):
        street = rng.choice(streets)
        user = rng.choice(street["members"])
        roll = rng.random()
        pressable = cards_of.get(street["id"], [])
        if roll < 0.40 and pressable:
            card = rng.choice(pressable)
            specs.append({"press": card["data"], "user": user, "chat": street["id"], "message_id": card["message_id"]})
        elif roll < 0.65:
            specs.append({"say": "/board", "user": user, "chat": street["id"]})
        elif roll < 0.80:
            specs.append({"say": "/help", "user": user, "chat": street["id"]})
        elif roll < 0.90:
            specs.append({"say": f"/ask {rng.choice(ASKS)}", "user": user, "chat": street["id"]})
        else:
            specs.append({"say": f"/offer {rng.choice(OFFERS)}", "user": user, "chat": street["id"]})
    return specs


async def _card_buttons(server: TelegramServer, streets: list[dict]) -> dict[int, list[dict]]:
    """Each street's cards, with the data of their one button ("I can help" or "Yes please")."""
    found: dict[int, list[dict]] = {}
    for street in streets:
        for message in await server.cards(street["id"]):
            data = [d for d in message["data"] if cards.CanHelp.unpack(d) or cards.YesPlease.unpack(d)]
            if data:
                found.setdefault(street["id"], []).append({"message_id": message["message_id"], "data": data[0]})
    return found


class ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def run(mode: Mode, *, seed: int = 9, profile: bool = False) -> dict[str, Any]:
    deadline = Deadline(mode.budget_s)
    rng = random.Random(seed)
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)
    try:
        with tempfile.TemporaryDirectory(prefix="doorstep-bench-updates-") as scratch:
            folder = Path(scratch)
            async with await TelegramServer.start() as server:
                streets = (await server.streets(groups=mode.groups, members=mode.members))["groups"]
                snapshot = folder / "street.sqlite3"
                bot = await DoorstepBot.start(server, snapshot)
                try:
                    setup = _setup_specs(streets, rng)
                    await _handled(server, bot.counter, setup, deadline)
                finally:
                    await bot.stop()
                specs = _timed_specs(streets, await _card_buttons(server, streets), mode.updates, rng)

                calls: dict[str, dict[str, float]] = {}
                database: list[dict[str, float]] = []  # how busy Doorstep's one connection was, per run

                async def timed(name: str, counter: Counter, profile: Profiled | None, db: Database | None = None) -> float:
                    before = (await server.stats())["calls"]
                    held, uses = (db.held_seconds, db.uses) if db else (0.0, 0)
                    seconds = await _handled(server, counter, specs, deadline, profile)
                    calls[name] = _calls_per_update(before, (await server.stats())["calls"], len(specs))
                    if db is not None and profile is None:
                        database.append({"busy_share": (db.held_seconds - held) / seconds,
                                         "uses_per_update": (db.uses - uses) / len(specs),
                                         "ms_per_use": (db.held_seconds - held) / max(db.uses - uses, 1) * 1000})
                    return seconds

                async def doorstep_once(profile: Profiled | None = None) -> float:
                    database = folder / "run.sqlite3"
                    shutil.copyfile(snapshot, database)
                    bot = await DoorstepBot.start(server, database)
                    try:
                        return await timed("doorstep", bot.counter, profile, bot.store.db)
                    finally:
                        await bot.stop()
                        for leftover in folder.glob("run.sqlite3*"):
                            leftover.unlink()

                async def echo_once() -> float:
                    bot = await EchoBot.start(server)
                    try:
                        return await timed("echo", bot.counter, None)
                    finally:
                        await bot.stop()

                doorstep, echo = await _alternate(doorstep_once, echo_once, mode.runs, deadline)
                figures: dict[str, Any] = {
                    "updates": len(specs), "groups": mode.groups, "members_per_group": mode.members,
                    "mix": _mix(specs),
                    "doorstep_per_s": spread([len(specs) / s for s in doorstep], 1),
                    "echo_per_s": spread([len(specs) / s for s in echo], 1),
                    "ratio": spread([d / e for d, e in zip(doorstep, echo)], 2),
                    "goal_ratio": GOAL_RATIO, "calls_per_update": calls,
                    "database": {key: spread([run[key] for run in database], 2) for key in database[0]},
                }
                figures["met"] = figures["ratio"]["median"] <= GOAL_RATIO
                if profile or not figures["met"]:
                    looked_into = Profiled(PHASES)
                    seconds = await doorstep_once(looked_into)
                    figures["profile"] = looked_into.summary
                    figures["profile"]["updates_per_s"] = round(len(specs) / seconds, 1)
                figures["errors_logged"] = errors.count
    finally:
        logging.getLogger().removeHandler(errors)
    figures["machine"] = machine()
    return figures


async def _alternate(first: Callable[[], Awaitable[float]], second: Callable[[], Awaitable[float]], runs: int,
                     deadline: Deadline) -> tuple[list[float], list[float]]:
    """Run both `runs` times, taking turns which goes first; stop early (with at least one of each)
    when the budget runs low."""
    a: list[float] = []
    b: list[float] = []
    for number in range(runs):
        if a and deadline.left < 2.5 * (a[-1] + b[-1]):
            break
        if number % 2 == 0:
            a.append(await first())
            b.append(await second())
        else:
            b.append(await second())
            a.append(await first())
    return a, b


def _calls_per_update(before: dict[str, int], after: dict[str, int], updates: int) -> dict[str, float]:
    """Bot API calls per update in one run (getUpdates left out: both fetch the same updates)."""
    return {method: round((after.get(method, 0) - before.get(method, 0)) / updates, 2)
            for method in sorted(after) if method != "getupdates" and after.get(method, 0) > before.get(method, 0)}


def _mix(specs: list[dict]) -> dict[str, int]:
    mix: dict[str, int] = {}
    for spec in specs:
        kind = "press" if "press" in spec else spec["say"].split()[0]
        mix[kind] = mix.get(kind, 0) + 1
    return mix


def main() -> None:
    args = part_arguments(__doc__.splitlines()[0])
    mode = MODES["quick" if args.quick else "full"]
    logging.basicConfig(level=logging.WARNING)
    hand_back(asyncio.run(run(mode, profile=args.profile)), args.json)


if __name__ == "__main__":
    main()
