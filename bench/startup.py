"""Start-up and memory: `doorstep run` launched against the fake Bot API with 10,000 check-in plans and
100,000 neighbours in its database, timed from launch until it is ready and until it has answered a
neighbour; then its peak resident memory (VmHWM) once ready, with the scheduler armed.

    python -m bench.startup [--quick] [--json FILE] [--profile]

What is timed is the real thing an operator starts: a fresh `doorstep run` process (the installed
console script), reading its settings from the environment, opening and checking the database, connecting
to Telegram (the tests' fake Bot API, in a process of its own), setting its command menus, starting the
shared scheduler and doing the due work a start does (`DueScheduler.start`: run what's due, arm the
next). "Ready" is its log line `doorstep running`; "answered" is when the fake Bot API received its
answer to a `/help` that was waiting in a street group when it started. Every run starts from a copy
of the same database. The check-ins fall due over the next day (none at start-up), as a restart
usually finds them."""

from __future__ import annotations

import asyncio
import os
import pstats
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.common import Deadline, hand_back, machine, part_arguments, profile_summary, spread
from bench.population import StreetPeople, add_checkins, add_streets, create_schema
from bench.telegram_server import TelegramServer

GOAL_READY_S = 2.0
GOAL_PEAK_MIB = 150.0
NEIGHBOURS = 100_000
CHECKINS = 10_000
PER_STREET = 50
SETTLE_S = 0.5  # after the answer, before memory is read: the first minute's work has run
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mode:
    runs: int
    budget_s: float


MODES = {"full": Mode(runs=5, budget_s=120), "quick": Mode(runs=3, budget_s=60)}


def _command() -> list[str]:
    script = Path(sys.executable).parent / "doorstep"
    return [str(script), "run"] if script.exists() else [sys.executable, "-m", "bot.cli", "run"]


def _environment(database: Path, server: TelegramServer) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    environment.update({
        "DOORSTEP_DATABASE__PATH": str(database),
        "DOORSTEP_TELEGRAM__TOKEN": server.token,
        "DOORSTEP_TELEGRAM__BASE_URL": server.base_url,
        "DOORSTEP_LOG_LEVEL": "INFO",
    })
    return environment


def populate(database: Path, now: datetime) -> float:
    """100,000 neighbours in 2,000 streets; the first 10,000 have a daily check-in. Seconds taken."""
    started = time.perf_counter()
    streets = [StreetPeople(f"-100{n:07d}", [str(10_000_000 + n * PER_STREET + k) for k in range(PER_STREET)])
               for n in range(NEIGHBOURS // PER_STREET)]
    ids = add_streets(database, streets, platform="telegram", now=now)
    add_checkins(database, list(ids.values())[:CHECKINS], first_due=now + timedelta(hours=1), spread=timedelta(days=1),
                 zone=timezone.utc, now=now)
    return time.perf_counter() - started


def _memory(pid: int) -> dict[str, float]:
    found = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":", 1)[0]
            if key in ("VmHWM", "VmRSS"):
                found[key] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return found


async def _read_lines(stream: asyncio.StreamReader, started: float, seen: dict[str, float], lines: list[str]) -> None:
    marks = {"telegram connected": "connected", "telegram ready": "polling", "doorstep running": "ready"}
    while line := await stream.readline():
        text = line.decode(errors="replace").rstrip()
        lines.append(text)
        for phrase, name in marks.items():
            if phrase in text and name not in seen:
                seen[name] = time.perf_counter() - started


async def launch_once(server: TelegramServer, snapshot: Path, folder: Path, probe: dict, deadline: Deadline,
                      *, profile_to: Path | None = None) -> dict[str, Any]:
    database = folder / "run.sqlite3"
    shutil.copyfile(snapshot, database)
    await server.queue([{"say": "/help", "user": probe["members"][0], "chat": probe["id"]}])
    sent_before = (await server.stats())["sent"]
    command = _command()
    if profile_to is not None:
        command = [sys.executable, "-m", "cProfile", "-o", str(profile_to), "-m", "bot.cli", "run"]
    seen: dict[str, float] = {}
    lines: list[str] = []
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command, cwd=folder, env=_environment(database, server),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    reader = asyncio.create_task(_read_lines(process.stderr, started, seen, lines))
    try:
        while (await server.stats())["sent"] <= sent_before:
            if process.returncode is not None or deadline.passed:
                raise RuntimeError("doorstep run did not answer: " + " | ".join(lines[-5:]))
            await asyncio.sleep(0.01)
        answered = time.perf_counter() - started
        await asyncio.sleep(SETTLE_S)
        memory = _memory(process.pid)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except asyncio.TimeoutError:
            process.kill()
            await process.wait()
        await asyncio.wait_for(reader, 10)
        for leftover in folder.glob("run.sqlite3*"):
            leftover.unlink()
    if process.returncode != 0:
        raise RuntimeError(f"doorstep run exited with {process.returncode}: " + " | ".join(lines[-5:]))
    return {"ready_s": seen.get("ready"), "connected_s": seen.get("connected"), "answered_s": answered,
            "peak_rss_mib": memory.get("VmHWM"), "rss_mib": memory.get("VmRSS")}


async def _import_seconds() -> float:
    """How long a bare `import` of what `doorstep run` loads takes in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import bot.cli, bot.composition, bot.telegram.adapter; print(time.perf_counter() - t)"
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", code, cwd=ROOT, stdout=asyncio.subprocess.PIPE)
    out, _ = await process.communicate()
    return float(out.decode().strip())


async def run(mode: Mode, *, profile: bool = False) -> dict[str, Any]:
    deadline = Deadline(mode.budget_s)
    with tempfile.TemporaryDirectory(prefix="doorstep-bench-startup-") as scratch:
        folder = Path(scratch)
        snapshot = folder / "street.sqlite3"
        await create_schema(snapshot)
        seeded_s = populate(snapshot, datetime.now(timezone.utc))
        async with await TelegramServer.start() as server:
            probe = (await server.streets(groups=1, members=1))["groups"][0]
            runs = []
            for _ in range(mode.runs):
                if runs and deadline.left < 3 * runs[-1]["answered_s"] + 5:
                    break
                runs.append(await launch_once(server, snapshot, folder, probe, deadline))
            figures: dict[str, Any] = {
                "neighbours": NEIGHBOURS, "checkins": CHECKINS, "streets": NEIGHBOURS // PER_STREET,
                "database_mib": round(snapshot.stat().st_size / 1024 / 1024, 1), "seeded_s": round(seeded_s, 1),
                "ready": spread([r["ready_s"] for r in runs]),
                "connected": spread([r["connected_s"] for r in runs]),
                "answered": spread([r["answered_s"] for r in runs]),
                "peak_rss": spread([r["peak_rss_mib"] for r in runs], 1),
                "import_s": round(await _import_seconds(), 2),
                "goal_ready_s": GOAL_READY_S, "goal_peak_mib": GOAL_PEAK_MIB,
            }
            figures["met_ready"] = figures["ready"]["median"] < GOAL_READY_S
            figures["met_memory"] = figures["peak_rss"]["median"] < GOAL_PEAK_MIB
            if profile or not figures["met_ready"]:
                profile_file = folder / "startup.prof"
                await launch_once(server, snapshot, folder, probe, Deadline(max(deadline.left, 30)), profile_to=profile_file)
                figures["profile"] = profile_summary(pstats.Stats(str(profile_file)))
    figures["machine"] = machine()
    return figures


def main() -> None:
    args = part_arguments(__doc__.splitlines()[0])
    hand_back(asyncio.run(run(MODES["quick" if args.quick else "full"], profile=args.profile)), args.json)


if __name__ == "__main__":
    main()
