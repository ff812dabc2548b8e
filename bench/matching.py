"""Matching latency: finding the candidates for an ask among 100,000 open posts across 10,000 streets.

    python -m bench.matching              # 10,000 streets, 100,000 open posts, 1,000 asks, 3 passes
    python -m bench.matching --quick      # 1,000 streets, 10,000 open posts, 200 asks: a few seconds
    python -m bench.matching --json out.json

What is timed is the core's own `handlers.candidates.helpers_for` — every query and the ranking, inside
an open transaction as a neighbour's turn runs it (the turn's own BEGIN and COMMIT are not matching's) —
against real SQLite (WAL, the real migrations, no ANALYZE), through aiosqlite as the bot uses it.
The baseline is the same call with the cell lookup replaced by a naive full scan of the category's open
offers, on the first 200 of the asks (100 quick). Both must find the same candidates. Streets are
spread evenly (same density in both modes) over a square around central London; 30% of neighbours
have shared a rough location of their own.

The same asks are timed in three passes; each gives a p50 and a p99, summarised as their median and
range. Bounded: the population is fixed by the mode, and the timing loops stop at --budget seconds."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from math import cos, radians, sqrt
from pathlib import Path

from bench.common import machine, spread
from bot.clock import ManualClock
from bot.location import cell_of
from handlers.app import NobodyOrganises
from handlers.kernel.domain import Post, When
from handlers.kernel.settings import CoreSettings
from handlers.kernel.turn import Services
from handlers.nearby.candidates import helpers_for
from handlers.posts.categories import CATEGORIES, OTHER
from storage import SqliteStore
from storage.repositories.posts import PostRepository

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
CENTRE = (51.5074, -0.1278)
METRES_PER_DEGREE = 111_320
STREETS_PER_KM2 = 10_000 / 1_600  # 10,000 streets on a 40 km square: a big city's density
NEIGHBOURS_PER_STREET = 5
OWN_LOCATION_SHARE = 0.3
CATEGORY_CODES = [c.code for c in CATEGORIES if c.code != OTHER]
WHENS = [When(), When("tomorrow", "morning"), When("weekend"), When("any", "evening"), When("tue", "any", True),
         When("sat", "morning", True), When("today"), When("this_week")]
BODIES = ["I can help with this", "could someone give me a hand?", "happy to help, up to twice a week",
          "any time really", "once a week is fine"]


@dataclass(frozen=True)
class Mode:
    streets: int
    posts: int
    asks_timed: int
    passes: int = 1  # timing passes over the same asks: each gives a p50 and a p99
    naive_asks: int | None = None  # the slow baseline is timed on the first this many (None: all)


MODES = {"full": Mode(10_000, 100_000, 1_000, passes=3, naive_asks=200),
         "quick": Mode(1_000, 10_000, 200, passes=3, naive_asks=100)}
GOAL_P99_MS = 5.0


def _point(rng: random.Random, side_m: float) -> tuple[float, float]:
    north = (rng.random() - 0.5) * side_m
    east = (rng.random() - 0.5) * side_m
    return CENTRE[0] + north / METRES_PER_DEGREE, CENTRE[1] + east / (METRES_PER_DEGREE * cos(radians(CENTRE[0])))


def _near(rng: random.Random, point: tuple[float, float], within_m: float) -> tuple[float, float]:
    north, east = (rng.random() - 0.5) * 2 * within_m, (rng.random() - 0.5) * 2 * within_m
    return point[0] + north / METRES_PER_DEGREE, point[1] + east / (METRES_PER_DEGREE * cos(radians(point[0])))


def populate(path: Path, mode: Mode, seed: int) -> None:
    """Streets with areas, neighbours (some with their own cell), open posts, a week of suggestions."""
    rng = random.Random(seed)
    side_m = sqrt(mode.streets / STREETS_PER_KM2) * 1000
    now = int(NOW.timestamp())
    db = sqlite3.connect(path)
    with db:
        points = [_point(rng, side_m) for _ in range(mode.streets)]
        db.executemany("INSERT INTO streets (id, platform, chat_id, title, created_at) VALUES (?, 'bench', ?, ?, ?)",
                       [(i + 1, f"chat-{i + 1}", f"Street {i + 1}", now) for i in range(mode.streets)])
        db.executemany("INSERT INTO street_areas (street_id, cell, set_at) VALUES (?, ?, ?)",
                       [(i + 1, cell_of(*p), now) for i, p in enumerate(points)])
        neighbours = []
        for street in range(mode.streets):
            for n in range(NEIGHBOURS_PER_STREET):
                neighbours.append((street * NEIGHBOURS_PER_STREET + n + 1, street + 1))
        db.executemany("INSERT INTO neighbours (id, platform, user_id, created_at) VALUES (?, 'bench', ?, ?)",
                       [(nid, f"user-{nid}", now) for nid, _ in neighbours])
        db.executemany("INSERT INTO street_members (street_id, neighbour_id, last_seen_at) VALUES (?, ?, ?)",
                       [(street, nid, now) for nid, street in neighbours])
        db.executemany("INSERT INTO neighbour_cells (neighbour_id, cell, set_at) VALUES (?, ?, ?)",
                       [(nid, cell_of(*_near(rng, points[street - 1], 400)), now)
                        for nid, street in neighbours if rng.random() < OWN_LOCATION_SHARE])
        posts = []
        for post_id in range(1, mode.posts + 1):
            street = rng.randrange(mode.streets) + 1
            author = (street - 1) * NEIGHBOURS_PER_STREET + rng.randrange(NEIGHBOURS_PER_STREET) + 1
            when = rng.choice(WHENS)
            kind = "offer" if rng.random() < 0.55 else "ask"
            created = now - rng.randrange(6 * 24 * 3600)
            posts.append((post_id, street, author, kind, rng.choice(CATEGORY_CODES), when.day, when.part,
                          int(when.recurring), rng.choice(BODIES), created, created + 7 * 24 * 3600))
        db.executemany(
            "INSERT INTO posts (id, street_id, author_id, kind, category, when_day, when_part, when_recurring, body, "
            "anonymous, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'open', ?, ?)", posts)
        asks = [p[0] for p in posts if p[3] == "ask"]
        db.executemany(
            "INSERT OR IGNORE INTO suggestions (post_id, neighbour_id, suggested_at) VALUES (?, ?, ?)",
            [(rng.choice(asks), rng.randrange(len(neighbours)) + 1, now - rng.randrange(7 * 24 * 3600))
             for _ in range(mode.posts)])
    db.close()


class FullScanPosts(PostRepository):
    """The naive baseline: every open post of the kind and category is read, then filtered in Python."""

    async def open_near(self, *, kind, category, street_id, cells):  # type: ignore[no-untyped-def, override]
        wanted = set(cells)
        platform = (await self._db.fetch_one("SELECT platform FROM streets WHERE id = ?", (street_id,)))["platform"]
        rows = await self._db.fetch_all(
            "SELECT p.id, s.platform, p.street_id, COALESCE(n.cell, a.cell) AS place FROM posts p "
            "JOIN streets s ON s.id = p.street_id LEFT JOIN neighbour_cells n ON n.neighbour_id = p.author_id "
            "LEFT JOIN street_areas a ON a.street_id = p.street_id "
            "WHERE p.status = 'open' AND p.kind = ? AND p.category = ?",
            (kind.value, category),
        )
        keep = {row["id"]: row["place"] for row in rows
                if row["platform"] == platform and (row["street_id"] == street_id or row["place"] in wanted)}
        found = [post for post_id in keep if (post := await self.get(post_id)) is not None]
        return [(post, keep[post.id]) for post in found]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


@dataclass
class Timings:
    wall_ms: list[float]
    cpu_ms: list[float]  # this process's CPU (both threads): the search's own cost, without waiting for a core
    found: list[list[int]]


async def _time_candidates(services: Services, asks: list[Post], deadline: float) -> Timings:
    timings = Timings([], [], [])
    for ask in asks:
        if time.monotonic() > deadline:
            break
        async with services.store.transaction():
            started, cpu_started = time.perf_counter(), time.process_time()
            shortlist = await helpers_for(services, ask, NOW, 3)
            timings.cpu_ms.append((time.process_time() - cpu_started) * 1000)
            timings.wall_ms.append((time.perf_counter() - started) * 1000)
        timings.found.append([c.post.id for c in shortlist.chosen])
    return timings


def _summary(samples: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(samples, 0.5), 3), "p99": round(percentile(samples, 0.99), 3),
            "max": round(max(samples), 3)}


async def run(mode_name: str, seed: int, budget_s: float, mode: Mode | None = None) -> dict:
    mode = mode or MODES[mode_name]
    deadline = time.monotonic() + budget_s
    with tempfile.TemporaryDirectory(prefix="doorstep-bench-") as scratch:
        path = Path(scratch) / "bench.sqlite3"
        await (await SqliteStore.open(path)).close()  # the schema, from the real migrations
        started = time.perf_counter()
        populate(path, mode, seed)
        load_s = time.perf_counter() - started
        store = await SqliteStore.open(path)
        try:
            services = Services(store, ManualClock(NOW), CoreSettings(), NobodyOrganises())
            rng = random.Random(seed + 1)
            ask_ids = [row[0] for row in await store.db.fetch_all("SELECT id FROM posts WHERE kind = 'ask'")]
            asks = [post for post_id in rng.sample(ask_ids, min(mode.asks_timed, len(ask_ids)))
                    if (post := await store.posts.get(post_id)) is not None]
            await _time_candidates(services, asks[:20], deadline)  # warm the page cache and the cell cache
            passes = [await _time_candidates(services, asks, deadline)]
            while len(passes) < mode.passes and time.monotonic() < deadline - 2 * sum(passes[0].wall_ms) / 1000:
                passes.append(await _time_candidates(services, asks, deadline))
            indexed = passes[0]
            store.posts = FullScanPosts(store.db)  # type: ignore[assignment]
            naive = await _time_candidates(services, asks[: min(len(indexed.found), mode.naive_asks or len(asks))],
                                           deadline)
        finally:
            await store.close()
    compared = len(naive.found)
    assert compared and indexed.found[:compared] == naive.found, "the indexed and the naive search disagree"
    assert all(p.found == indexed.found[: len(p.found)] for p in passes), "the passes found different candidates"
    complete = [p for p in passes if len(p.found) == len(indexed.found)]
    return {
        "passes": len(complete),
        "p50_ms": spread([percentile(p.wall_ms, 0.5) for p in complete], 3),
        "p99_ms": spread([percentile(p.wall_ms, 0.99) for p in complete], 3),
        "cpu_p99_ms": spread([percentile(p.cpu_ms, 0.99) for p in complete], 3),
        "goal_p99_ms": GOAL_P99_MS,
        "met": statistics.median(percentile(p.wall_ms, 0.99) for p in complete) < GOAL_P99_MS,
        "mode": mode_name, "streets": mode.streets, "open_posts": mode.posts, "asks_timed": len(indexed.found),
        "naive_asks_timed": compared, "load_seconds": round(load_s, 2), "cpus": os.cpu_count(),
        "load_average_1min": round(os.getloadavg()[0], 2), "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "candidates_per_ask_mean": round(statistics.mean(len(found) for found in indexed.found), 2),
        "indexed_ms": _summary(indexed.wall_ms), "indexed_cpu_ms": _summary(indexed.cpu_ms),
        "naive_ms": _summary(naive.wall_ms),
        "naive_over_indexed_p50": round(percentile(naive.wall_ms, 0.5) / percentile(indexed.wall_ms, 0.5), 1),
        "naive_over_indexed_p99": round(percentile(naive.wall_ms, 0.99) / percentile(indexed.wall_ms, 0.99), 1),
        "machine": machine(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 streets and 10,000 posts: a few seconds")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--budget", type=float, help="stop timing after this many seconds (default 40 quick, 120 full)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    mode = "quick" if args.quick else "full"
    figures = asyncio.run(run(mode, args.seed, args.budget or (40 if args.quick else 120)))
    print(f"matching: {figures['streets']:,} streets, {figures['open_posts']:,} open posts, "
          f"{figures['asks_timed']} asks timed (loaded in {figures['load_seconds']} s; {figures['cpus']} CPUs, "
          f"load average {figures['load_average_1min']})")
    print(f"  indexed cells : p50 {figures['indexed_ms']['p50']:.2f} ms   p99 {figures['indexed_ms']['p99']:.2f} ms   "
          f"(CPU p50 {figures['indexed_cpu_ms']['p50']:.2f} ms, p99 {figures['indexed_cpu_ms']['p99']:.2f} ms)")
    print(f"  naive scan    : p50 {figures['naive_ms']['p50']:.2f} ms   p99 {figures['naive_ms']['p99']:.2f} ms   "
          f"({figures['naive_over_indexed_p50']}x / {figures['naive_over_indexed_p99']}x slower)")
    p99 = figures["p99_ms"]
    print(f"  {figures['passes']} passes   : p99 median {p99['median']:.2f} ms ({p99['min']:.2f}–{p99['max']:.2f}); "
          f"goal under {GOAL_P99_MS:.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
