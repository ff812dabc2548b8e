"""Matrix: how many messages a second the Matrix adapter handles from a real local Synapse, in encrypted
rooms, against a bare matrix-nio client that only reads (and decrypts) them — the same messages, in
the same run.

    python -m bench.matrix [--quick] [--json FILE] [--profile]

Synapse is the one the tests use (`make synapse` installs it into .test-servers/; started here on
127.0.0.1 with the tests' helper, `tests/matrix/synapse.py`). A few street rooms, encrypted as Element
makes them, each with the bot, the bare reader and a neighbour who talks. For each run, while both
readers are away, the neighbours send a backlog of commands (`!board`, `!help`), fewer per room than
the sync filter's timeline limit; then each reader comes back and is timed until it has dealt with
all of them: the bare client until every message is synced and decrypted; Doorstep (a fresh
`MatrixAdapter` on the same device and stores, as after a restart) until every command's turn has
run and its answer — an encrypted message — has been sent. Both timings include coming back (loading
the encryption store, the first sync); Doorstep's also its log-in check."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nio import AsyncClient, AsyncClientConfig, JoinResponse, MegolmEvent, RoomMessageNotice, RoomMessageText
from pydantic import SecretStr

from bench.common import Deadline, Profiled, cpu_by_thread, cpu_seconds, hand_back, machine, part_arguments, spread
from bot.clock import SystemClock
from bot.composition import SENDS_AT_ONCE
from bot.matrix.adapter import MatrixAdapter, Patience
from bot.matrix.sync import SYNC_FILTER, KeyKeeper
from config.settings import MatrixSettings
from handlers.app import Doorstep
from handlers.kernel.incoming import Incoming
from handlers.kernel.settings import CoreSettings
from storage import SqliteStore
from tests.matrix.neighbour import Neighbour
from tests.matrix.synapse import RegisteredUser, Synapse

PATIENCE = Patience(first_sync_s=30, login_s=20, send_s=60, sync_backoff_s=(0.1, 1.0), stop_s=10)
COMMANDS = ("!board", "!help")


@dataclass(frozen=True)
class Mode:
    rooms: int
    per_room: int  # under the sync filter's timeline limit, so a reader coming back sees them all
    runs: int
    budget_s: float


MODES = {"full": Mode(rooms=5, per_room=40, runs=3, budget_s=150), "quick": Mode(rooms=3, per_room=25, runs=2, budget_s=70)}


async def _keys(client: AsyncClient) -> None:
    """What any e2e client does between syncs: keep its keys and sessions in order."""
    await KeyKeeper(client).refresh()


@dataclass
class BareReader:
    """A plain nio client with its own device and encryption store, reading and doing nothing else."""

    server: Synapse
    account: RegisteredUser
    folder: Path
    undecrypted: int = 0
    answers_read: int = 0
    answers_unreadable: int = 0

    def _client(self) -> AsyncClient:
        self.folder.mkdir(parents=True, exist_ok=True)
        config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True, max_timeouts=0)
        client = AsyncClient(self.server.url, self.account.user_id, device_id=self.account.device_id,
                             store_path=str(self.folder), config=config)
        client.restore_login(self.account.user_id, self.account.device_id, self.account.access_token)
        return client

    async def join(self, rooms: list[str], deadline: Deadline) -> None:
        client = self._client()
        try:
            await _keys(client)
            while not all(room in client.rooms for room in rooms):
                if deadline.passed:
                    raise RuntimeError("the bare reader was never invited to every room")
                await client.sync(timeout=500, sync_filter=SYNC_FILTER, full_state=True)
                for room in rooms:
                    if room in client.invited_rooms:
                        answer = await client.join(room)
                        assert isinstance(answer, JoinResponse), answer
                await _keys(client)
        finally:
            await client.close()

    async def catch_up(self, bot: str) -> None:
        """Read whatever came since last time, untimed: the bot's answers from the last run, each of
        which must be readable by everyone in the room, this reader too."""
        client = self._client()

        def answer(room: Any, event: RoomMessageNotice) -> None:
            if event.sender == bot:
                self.answers_read += 1

        def unreadable(room: Any, event: MegolmEvent) -> None:
            if event.sender == bot:
                self.answers_unreadable += 1

        client.add_event_callback(answer, RoomMessageNotice)
        client.add_event_callback(unreadable, MegolmEvent)
        try:
            await client.sync(timeout=0, sync_filter=SYNC_FILTER, full_state=True)
            await _keys(client)
        finally:
            await client.close()

    async def read(self, expected: int, senders: set[str], deadline: Deadline) -> float:
        """Seconds from coming back until `expected` messages from `senders` are decrypted."""
        started = time.perf_counter()
        seen = 0

        def message(room: Any, event: RoomMessageText) -> None:
            nonlocal seen
            if event.sender in senders:
                seen += 1

        def undecryptable(room: Any, event: MegolmEvent) -> None:
            self.undecrypted += 1

        client = self._client()
        client.add_event_callback(message, RoomMessageText)
        client.add_event_callback(undecryptable, MegolmEvent)
        try:
            first = True
            while seen < expected:
                if deadline.passed:
                    raise RuntimeError(f"the bare reader read only {seen} of {expected}")
                await client.sync(timeout=0 if first else 500, sync_filter=SYNC_FILTER, full_state=first or None)
                first = False
                await _keys(client)
            return time.perf_counter() - started
        finally:
            await client.close()


@dataclass
class DoorstepReader:
    """The bot as `doorstep run` builds it on Matrix: its store, the core and a Matrix adapter."""

    server: Synapse
    account: RegisteredUser
    folder: Path
    store: SqliteStore | None = None
    adapter: MatrixAdapter | None = None
    handled: int = 0
    _target: int = 0
    _done: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def settings(self) -> MatrixSettings:
        return MatrixSettings(homeserver=self.server.url, user_id=self.account.user_id,  # type: ignore[arg-type]
                              password=SecretStr(self.account.password), store_path=self.folder / "matrix")

    async def start(self) -> None:
        if self.store is None:
            self.store = await SqliteStore.open(self.folder / "doorstep.sqlite3")
        self.adapter = MatrixAdapter(self.settings, self.store, SystemClock(), PATIENCE)
        core = Doorstep(self.store, self.adapter.notifier, SystemClock(), CoreSettings(), self.adapter.organisers,
                        adapters_own=self.adapter.own_work,
                        sends_at_once=SENDS_AT_ONCE)
        handle = core.handle

        async def counted(incoming: Incoming) -> None:
            await handle(incoming)
            if (incoming.text or "").startswith("!"):
                self.handled += 1
                if self.handled >= self._target:
                    self._done.set()

        core.handle = counted  # type: ignore[method-assign]
        await self.adapter.start(core)

    async def stop(self) -> None:
        if self.adapter is not None:
            await self.adapter.stop()
            self.adapter = None

    async def close(self) -> None:
        await self.stop()
        if self.store is not None:
            await self.store.close()

    async def read(self, expected: int, deadline: Deadline) -> float:
        """Seconds from a restart until `expected` commands are handled and answered."""
        self.handled, self._target = 0, expected
        self._done.clear()
        started = time.perf_counter()
        await self.start()
        try:
            await asyncio.wait_for(self._done.wait(), max(deadline.left, 1.0))
        except asyncio.TimeoutError:
            raise RuntimeError(f"Doorstep handled only {self.handled} of {expected}") from None
        finally:
            elapsed = time.perf_counter() - started
            await self.stop()
        return elapsed


async def _rooms(organiser: Neighbour, bot: DoorstepReader, reader: BareReader, talkers: list[Neighbour]) -> list[str]:
    rooms = []
    for number, talker in enumerate(talkers):
        mark = organiser.mark()
        room = await organiser.create_room(f"Street {number + 1}", encrypted=True,
                                           invite=[bot.account.user_id, reader.account.user_id, talker.user_id])
        await organiser.notice(room, contains="I help neighbours", after=mark, sender=bot.account.user_id, timeout=60)
        rooms.append(room)
    return rooms


async def _send_backlog(talkers: list[Neighbour], rooms: list[str], per_room: int) -> None:
    async def talk(talker: Neighbour, room: str) -> None:
        for n in range(per_room):
            await talker.say(room, COMMANDS[n % len(COMMANDS)])

    await asyncio.gather(*(talk(t, r) for t, r in zip(talkers, rooms)))


async def run(mode: Mode, *, profile: bool = False) -> dict[str, Any]:
    deadline = Deadline(mode.budget_s)
    with tempfile.TemporaryDirectory(prefix="doorstep-bench-matrix-") as scratch:
        folder = Path(scratch)
        server = await asyncio.to_thread(Synapse.start, folder / "synapse")
        people: list[Neighbour] = []
        bot = DoorstepReader(server, server.register("doorstep"), folder / "bot")
        try:
            reader = BareReader(server, server.register("reader"), folder / "reader")
            organiser = Neighbour(server, server.register("organiser"), "Olga")
            talkers = [Neighbour(server, server.register(f"talker{n}"), f"Talker {n}") for n in range(mode.rooms)]
            people = [organiser, *talkers]
            for person in people:
                await person.start()
            await bot.start()
            rooms = await _rooms(organiser, bot, reader, talkers)
            await reader.join(rooms, deadline)
            members = [bot.account.user_id, reader.account.user_id]
            for talker, room in zip(talkers, rooms):
                await talker.until(lambda t=talker, r=room: r in t.client.rooms
                                   and all(m in t.client.rooms[r].users for m in members),
                                   timeout=30, what="the bot and the reader in the room")
            await bot.stop()
            for person in people:
                await person.pause()

            expected = mode.rooms * mode.per_room
            senders = {t.user_id for t in talkers}
            doorstep: list[float] = []
            bare: list[float] = []
            doorstep_cpu = 0.0
            for _ in range(mode.runs):
                if doorstep and deadline.left < 2.5 * (doorstep[-1] + bare[-1]) + 10:
                    break
                await reader.catch_up(bot.account.user_id)
                await _send_backlog(talkers, rooms, mode.per_room)
                bare.append(await reader.read(expected, senders, deadline))
                before = cpu_seconds()
                doorstep.append(await bot.read(expected, deadline))
                used = cpu_by_thread(before, cpu_seconds())
                doorstep_cpu += used["main_thread_s"] + used["other_threads_s"]
            figures: dict[str, Any] = {
                "rooms": mode.rooms, "per_room": mode.per_room, "messages": expected,
                "doorstep_per_s": spread([expected / s for s in doorstep], 1),
                "bare_per_s": spread([expected / s for s in bare], 1),
                "ratio": spread([d / b for d, b in zip(doorstep, bare)], 2),
                "undecrypted_by_bare_reader": reader.undecrypted,
                "doorstep_cpu_s": round(doorstep_cpu, 2), "doorstep_wall_s": round(sum(doorstep), 2),
            }
            await reader.catch_up(bot.account.user_id)
            figures["answers_read_by_bare_reader"] = reader.answers_read
            figures["answers_unreadable_by_bare_reader"] = reader.answers_unreadable
            if profile:
                await reader.catch_up(bot.account.user_id)
                await _send_backlog(talkers, rooms, mode.per_room)
                with Profiled() as looked_into:
                    await bot.read(expected, deadline)
                figures["profile"] = looked_into.summary
        finally:
            for person in people:
                await person.stop()
            await bot.close()
            await asyncio.to_thread(server.stop)
    figures["machine"] = machine()
    return figures


def main() -> None:
    args = part_arguments(__doc__.splitlines()[0])
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("nio").setLevel(logging.ERROR)  # key-sharing chatter about the readers coming and going
    hand_back(asyncio.run(run(MODES["quick" if args.quick else "full"], profile=args.profile)), args.json)


if __name__ == "__main__":
    main()
