"""What /metrics shows, with prometheus_client: enough to see trouble coming, and nothing about a person.

Counts that only grow as things happen (updates handled, messages sent) are prometheus_client counters,
moved where they happen: `CountedCore` around the core's `handle`, `CountedNotifier` around the
platforms' notifiers. Figures the parts keep themselves as plain numbers (429s met by the Telegram
sender, how busy the database was, how the due work keeps up) are read when /metrics is asked, by
`Readings`; so are the database's counts, by `refresh`. Every label is a platform, a kind or an
outcome — never a street, a chat or a user. The metrics live on a registry of this process's own.
docs/operations.md lists them with suggested alerts."""

from __future__ import annotations

import asyncio
import shutil
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, Sequence

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from handlers.kernel.inbox import Arrival
from handlers.kernel.incoming import Incoming
from handlers.kernel.messages import Choice, MessageRef, Msg, Outgoing, SendResult, SendStatus, ToPresser, ToStreet
from handlers.kernel.ports import Notifier

if TYPE_CHECKING:
    from datetime import datetime

    from bot.scheduler import DueScheduler
    from storage.database import Database
    from storage.repositories.small import HeldMessageRepository

# Seconds a turn takes, from an update arriving to its answer sent: most take milliseconds; a turn
# that waits for Telegram's flood limits can take seconds.
TURN_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


def version() -> str:
    """Doorstep's version, as installed."""
    try:
        return metadata.version("doorstep")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


@dataclass(frozen=True)
class PlatformFigures:
    """What a platform's sender keeps count of."""

    rate_limited: int = 0  # "too many requests" (429) answers met, each waited out
    retry_after_seconds: float = 0.0  # what those answers asked to wait, in all
    sends_waiting: int = 0  # messages in line for the platform's flood limits, or being sent


class Platform(Protocol):
    platform: str

    @property
    def connected(self) -> bool: ...


class CountSource(Protocol):
    async def counts(self) -> dict[str, int]: ...

    async def due_backlog(self, now: datetime) -> dict[str, int]: ...


def _figures(platform: Platform) -> PlatformFigures | None:
    figures: Callable[[], PlatformFigures] | None = getattr(platform, "figures", None)
    return figures() if figures is not None else None


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        ProcessCollector(registry=self.registry)  # memory, CPU, open files, start time
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        Info("doorstep_build", "The running Doorstep's version", registry=self.registry).info({"version": version()})
        self.updates = Counter(
            "doorstep_updates", "Updates handled: messages, button presses, locations, joins and leaves",
            ["platform", "kind"], registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "doorstep_update_duration_seconds", "How long handling an update took, its answers sent",
            ["platform"], buckets=TURN_BUCKETS, registry=self.registry,
        )
        self.messages = Counter(
            "doorstep_messages", "Messages the bot sent or tried to send, by kind (group, private, answer, edit) "
            "and outcome (sent; unreachable: the person has no private chat with the bot; failed: after retries)",
            ["platform", "kind", "outcome"], registry=self.registry,
        )
        self._backlog = Gauge(
            "doorstep_due_backlog", "Due work whose time has come and is not done yet, by kind",
            ["work"], registry=self.registry,
        )
        self._stored: dict[str, int] = {}
        self.registry.register(_Stored(self._stored))

    def attach(self, readings: Readings) -> None:
        self.registry.register(readings)

    async def refresh(self, counts: CountSource, now: datetime) -> None:
        """Read what the database holds (just before a scrape)."""
        self._stored.clear()
        self._stored.update(await counts.counts())
        for work, value in (await counts.due_backlog(now)).items():
            self._backlog.labels(work).set(value)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class _Stored:
    """How many of each thing the database holds, as read by the last refresh: doorstep_streets,
    doorstep_open_asks, doorstep_waiting_messages, ..."""

    def __init__(self, latest: dict[str, int]) -> None:
        self._latest = latest

    def collect(self) -> Iterator[Metric]:
        for name, value in sorted(self._latest.items()):
            gauge = GaugeMetricFamily(f"doorstep_{name}", f"How many {name.replace('_', ' ')} the database holds")
            gauge.add_metric([], value)
            yield gauge


class Readings:
    """Figures read from the running parts at each scrape (a prometheus_client custom collector)."""

    def __init__(self, platforms: Sequence[Platform], database: Database | None = None,
                 held: HeldMessageRepository | None = None, due: DueScheduler | None = None,
                 scheduler_running: Callable[[], bool] | None = None,
                 down_for: Callable[[str, bool], float] | None = None) -> None:
        self._platforms = platforms
        self._database = database
        self._held = held
        self._due = due
        self._scheduler_running = scheduler_running
        self._down_for = down_for

    def collect(self) -> Iterator[Metric]:
        yield from self._platform_figures()
        yield from self._storage_figures()
        yield from self._due_figures()

    def _platform_figures(self) -> Iterable[Metric]:
        connected = GaugeMetricFamily("doorstep_platform_connected", "Whether the platform answers now (1) or not (0)",
                                      labels=["platform"])
        down = GaugeMetricFamily("doorstep_platform_down_seconds",
                                 "How long the platform has been unreachable without a break (0 when connected)",
                                 labels=["platform"])
        limited = CounterMetricFamily("doorstep_rate_limited", "429 answers met (asked to slow down), each waited out",
                                      labels=["platform"])
        waited = CounterMetricFamily("doorstep_rate_limited_wait_seconds",
                                     "Seconds the 429 answers asked the bot to wait, in all", labels=["platform"])
        waiting = GaugeMetricFamily("doorstep_sends_waiting",
                                    "Messages in line for the platform's flood limits (a fan-out's backlog)",
                                    labels=["platform"])
        for platform in self._platforms:
            name = platform.platform
            is_connected = platform.connected
            connected.add_metric([name], 1 if is_connected else 0)
            down.add_metric([name], self._down_for(name, is_connected) if self._down_for else 0.0)
            figures = _figures(platform)
            if figures is not None:
                limited.add_metric([name], figures.rate_limited)
                waited.add_metric([name], figures.retry_after_seconds)
                waiting.add_metric([name], figures.sends_waiting)
        return [connected, down, limited, waited, waiting]

    def _storage_figures(self) -> Iterable[Metric]:
        found: list[Metric] = []
        if self._held is not None:
            held = CounterMetricFamily("doorstep_messages_held",
                                       "Private messages kept to wait until their person opens a chat with the bot")
            held.add_metric([], self._held.held)
            found.append(held)
        if self._database is not None:
            busy = CounterMetricFamily("doorstep_database_busy_seconds",
                                       "Seconds the database connection was in use (by a transaction or a read)")
            busy.add_metric([], self._database.held_seconds)
            uses = CounterMetricFamily("doorstep_database_uses", "Transactions and reads on their own")
            uses.add_metric([], self._database.uses)
            found += [busy, uses]
            free = free_disk_bytes(self._database.path)
            if free is not None:
                disk = GaugeMetricFamily("doorstep_database_disk_free_bytes", "Free space where the database lives")
                disk.add_metric([], free)
                found.append(disk)
        return found

    def _due_figures(self) -> Iterable[Metric]:
        found: list[Metric] = []
        if self._scheduler_running is not None:
            running = GaugeMetricFamily("doorstep_scheduler_running", "Whether the scheduler runs (1) or not (0)")
            running.add_metric([], 1 if self._scheduler_running() else 0)
            found.append(running)
        due = self._due
        if due is None:
            return found
        runs = CounterMetricFamily("doorstep_due_runs", "Rounds of due work (check-ins, expiries, reminders, ...)")
        runs.add_metric([], due.runs)
        failures = CounterMetricFamily("doorstep_due_failures", "Rounds of due work that failed (logged)")
        failures.add_metric([], due.failures)
        lag = GaugeMetricFamily("doorstep_due_lag_seconds",
                                "How late the last round of due work started after its work fell due")
        lag.add_metric([], due.lag_seconds)
        found += [runs, failures, lag]
        if due.last_finished_at is not None:
            last = GaugeMetricFamily("doorstep_due_last_run_timestamp_seconds", "When a round of due work last finished")
            last.add_metric([], due.last_finished_at.timestamp())
            found.append(last)
        return found


def free_disk_bytes(database: Path) -> int | None:
    try:
        return shutil.disk_usage(database.parent if str(database) != ":memory:" else ".").free
    except OSError:
        return None


def _message_kind(outgoing: Outgoing) -> str:
    if isinstance(outgoing.to, ToPresser):
        return "answer"
    return "group" if isinstance(outgoing.to, ToStreet) else "private"


def _platform_of(outgoing: Outgoing) -> str:
    to = outgoing.to
    return to.street.platform if isinstance(to, ToStreet) else to.person.platform


class CountedNotifier:
    """A notifier that counts what it sends, by platform, kind and outcome."""

    def __init__(self, inner: Notifier, metrics: Metrics) -> None:
        self._inner = inner
        self._messages = metrics.messages

    async def send(self, outgoing: Outgoing) -> SendResult:
        outcome = SendStatus.FAILED.value
        try:
            result = await self._inner.send(outgoing)
            outcome = result.status.value
            return result
        finally:
            self._messages.labels(_platform_of(outgoing), _message_kind(outgoing), outcome).inc()

    async def edit(self, ref: MessageRef, text: Msg, choices: tuple[Choice, ...], locale: str) -> bool:
        done = False
        try:
            done = await self._inner.edit(ref, text, choices, locale)
            return done
        finally:
            self._messages.labels(ref.platform, "edit", "sent" if done else "failed").inc()


class CountedCore:
    """The core as the adapters see it, counting the updates handed to it and how long each took.
    Everything else is the core's own."""

    def __init__(self, core: object, metrics: Metrics, monotonic: Callable[[], float] = time.perf_counter) -> None:
        self._core = core
        self._updates = metrics.updates
        self._seconds = metrics.turn_seconds
        self._monotonic = monotonic

    async def handle(self, incoming: Incoming) -> None:
        started = self._monotonic()
        try:
            await self._core.handle(incoming)  # type: ignore[attr-defined]
        finally:
            self._updates.labels(incoming.platform, incoming.kind.value).inc()
            self._seconds.labels(incoming.platform).observe(self._monotonic() - started)

    async def receive(self, platform: str, arrivals: Sequence[Arrival], position: str | None = None
                      ) -> list[asyncio.Future[None] | None]:
        """What a platform delivered, each counted once it has been handled (from when it arrived)."""
        started = self._monotonic()
        handled = await self._core.receive(platform, arrivals, position)  # type: ignore[attr-defined]
        for arrival, done in zip(arrivals, handled):
            if done is not None:
                done.add_done_callback(lambda future, kind=arrival.incoming.kind.value: self._handled(
                    future, platform, kind, started))
        return handled

    def _handled(self, future: asyncio.Future[None], platform: str, kind: str, started: float) -> None:
        if not future.cancelled():  # (cancelled: the bot stopped first; it is handled at the next start)
            self._updates.labels(platform, kind).inc()
            self._seconds.labels(platform).observe(self._monotonic() - started)

    def __getattr__(self, name: str) -> object:
        return getattr(self._core, name)
