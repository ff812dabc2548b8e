"""What every benchmark shares: summaries of several runs, the machine's description, per-thread CPU
time, a profile summary, and the JSON a part hands back to the suite."""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def spread(samples: list[float], digits: int = 2) -> dict[str, Any]:
    """Median, min and max of several runs (and how many runs)."""
    if not samples:
        return {"median": None, "min": None, "max": None, "runs": 0}
    return {"median": round(statistics.median(samples), digits), "min": round(min(samples), digits),
            "max": round(max(samples), digits), "runs": len(samples)}


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    memory_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": model or "unknown", "cpus": os.cpu_count(), "memory_gib": memory_gib,
        "system": f"{platform.system()} {platform.release()}", "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version, "load_average_1min": round(os.getloadavg()[0], 2),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def cpu_seconds() -> tuple[float, float]:
    """(this thread's CPU seconds, the whole process's): the difference is every other thread's,
    including threads that have ended since (SQLite's under aiosqlite, for one)."""
    return time.thread_time(), time.process_time()


def cpu_by_thread(before: tuple[float, float], after: tuple[float, float]) -> dict[str, float]:
    main = after[0] - before[0]
    return {"main_thread_s": round(main, 2), "other_threads_s": round(after[1] - before[1] - main, 2)}


# Friendlier names for the packages a profile shows most.
PACKAGES = {
    "telegram": "python-telegram-bot", "httpx": "HTTP client (httpx, httpcore, h11, anyio)",
    "httpcore": "HTTP client (httpx, httpcore, h11, anyio)", "h11": "HTTP client (httpx, httpcore, h11, anyio)",
    "anyio": "HTTP client (httpx, httpcore, h11, anyio)", "nio": "matrix-nio",
    "jsonschema": "matrix-nio's response checks (jsonschema)", "peewee": "matrix-nio's key store (peewee)",
    "aiohttp": "aiohttp", "aiosignal": "aiohttp", "multidict": "aiohttp", "yarl": "aiohttp",
    "aiosqlite": "aiosqlite hand-offs", "handlers": "Doorstep core (handlers)", "storage": "Doorstep storage",
    "bot": "Doorstep adapters (bot)", "asyncio": "asyncio event loop", "selectors": "asyncio event loop",
    "importlib": "loading modules", "pydantic": "pydantic", "pydantic_core": "pydantic",
}
LOADING = ("compile", "marshal", "exec", "__build_class__", "_imp.")


def _area(filename: str, function: str) -> str:
    """Where a function's own time belongs: its package (or, for built-ins, what they do)."""
    if filename == "~":  # built-ins: C functions, e.g. select.epoll.poll or sqlite3's execute
        if "poll" in function or "select" in function:
            return "waiting for I/O (epoll)"
        if "sqlite3" in function:
            return "SQLite (in the main thread)"
        if any(word in function for word in LOADING):
            return "loading modules"
        if "socket" in function or "ssl" in function.lower():
            return "sockets"
        if "SimpleQueue" in function:  # how aiosqlite hands each statement to its thread
            return "aiosqlite hand-offs"
        return "built-ins"
    if filename.startswith("<frozen importlib"):
        return "loading modules"
    path = Path(filename)
    if "site-packages" in path.parts:
        top = path.parts[path.parts.index("site-packages") + 1].split(".")[0]
    elif str(ROOT) in filename:
        top = path.relative_to(ROOT).parts[0]
    else:  # the standard library
        top = path.parent.name if path.parent.name not in ("python3.11", "lib") else path.stem
        top = path.stem if top.startswith("python3") else top
    return PACKAGES.get(top, top)


Phases = dict[str, tuple[str, str]]  # what to call it -> (a file's path ending, a function in it)


def profile_summary(profile: cProfile.Profile | pstats.Stats, top: int = 12, phases: Phases | None = None) -> dict[str, Any]:
    """The main thread's own time by area, the functions with the most own time, and how long was
    spent inside each of `phases` (cumulative: a coroutine's time counts only while it runs)."""
    stats = profile if isinstance(profile, pstats.Stats) else pstats.Stats(profile)
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in entries.values()) or 1.0
    areas: dict[str, float] = {}
    functions = []
    inside = {name: 0.0 for name in phases or {}}
    for (filename, line, function), (_, calls, own, cumulative, _) in entries.items():
        for name, (ending, wanted) in (phases or {}).items():
            if function == wanted and filename.endswith(ending):
                inside[name] += cumulative
        area = _area(filename, function)
        areas[area] = areas.get(area, 0.0) + own
        where = filename if filename == "~" else f"{_short(filename)}:{line}"
        functions.append({"function": f"{function} ({where})", "calls": calls, "own_s": round(own, 3),
                          "cumulative_s": round(cumulative, 3)})
    functions.sort(key=lambda f: f["own_s"], reverse=True)
    ordered = sorted(areas.items(), key=lambda item: item[1], reverse=True)
    return {
        "main_thread_profiled_s": round(total, 2),
        "areas": [{"area": area, "own_s": round(seconds, 2), "share": round(seconds / total, 3)}
                  for area, seconds in ordered[:top]],
        "functions": functions[:top],
        "phases": {name: round(seconds, 2) for name, seconds in inside.items()},
    }


def _short(filename: str) -> str:
    """A file's path from its package (site-packages, the standard library, or this repository)."""
    path = Path(filename)
    if "site-packages" in path.parts:
        return "/".join(path.parts[path.parts.index("site-packages") + 1:])
    if filename.startswith(str(ROOT)):
        return str(path.relative_to(ROOT))
    return "/".join(path.parts[-2:])


class Profiled:
    """`with Profiled() as p:` around the work to look into (awaits included: cProfile follows the
    thread, whichever task runs); afterwards `p.summary` holds the profile summary, every thread's
    CPU time and the wall time."""

    def __init__(self, phases: Phases | None = None) -> None:
        self._profile = cProfile.Profile()
        self._phases = phases
        self.summary: dict[str, Any] = {}

    def __enter__(self) -> Profiled:
        self._cpu = cpu_seconds()
        self._started = time.perf_counter()
        self._profile.enable()
        return self

    def __exit__(self, *exc: object) -> None:
        self._profile.disable()
        wall = time.perf_counter() - self._started
        self.summary = profile_summary(self._profile, phases=self._phases)
        self.summary["wall_s"] = round(wall, 2)
        self.summary.update(cpu_by_thread(self._cpu, cpu_seconds()))


def part_arguments(description: str) -> argparse.Namespace:
    """What every part takes: --quick, --json FILE, --profile (profile even when the goal is met)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="the smaller run, for quick checks")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--profile", action="store_true", help="add a profile summary even if the goal is met")
    return parser.parse_args()


def hand_back(figures: dict[str, Any], path: Path | None) -> None:
    text = json.dumps(figures, indent=2, default=str)
    if path is not None:
        path.write_text(text + "\n")
    else:
        print(text)


@dataclass
class Deadline:
    """A part's time budget: loops check it, so none runs on unbounded."""

    seconds: float

    def __post_init__(self) -> None:
        self._end = time.monotonic() + self.seconds

    @property
    def left(self) -> float:
        return max(self._end - time.monotonic(), 0.0)

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self._end
