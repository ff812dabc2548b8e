"""`doorstep run` in a process of its own, as the kill tests start it: the real command against the
fake Bot API, with a real SQLite file. Run as `python -m tests.telegram.child`, it is `doorstep run`
with one change: a group's window is 20 messages in 6 seconds rather than a minute (`GROUP_WINDOW_S`),
so a backlog of cards behind it clears in seconds rather than minutes."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.telegram.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
GROUP_WINDOW_S = 6.0


async def start_doorstep(api: FakeBotApi, database: Path, folder: Path, *, quick_groups: bool = True,
                         **settings: str) -> asyncio.subprocess.Process:
    """`doorstep run` (with `quick_groups`, the shorter group window) against `api`; `settings` are
    more DOORSTEP_ variables."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DOORSTEP_")}
    env = {
        **clean, "PYTHONPATH": str(ROOT), "DOORSTEP_DATABASE__PATH": str(database),
        "DOORSTEP_TELEGRAM__TOKEN": api.token, "DOORSTEP_TELEGRAM__BASE_URL": api.base_url, **settings,
    }
    command = ["-m", "tests.telegram.child"] if quick_groups else ["-m", "bot.cli", "run"]
    return await asyncio.create_subprocess_exec(
        sys.executable, *command, cwd=folder, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )


def main() -> int:
    from bot.cli import main as doorstep
    from bot.telegram import adapter
    from bot.telegram.pacing import Limits, Rate

    tuning = adapter.Tuning
    adapter.Tuning = lambda: tuning(limits=Limits(group=Rate(20, GROUP_WINDOW_S)))  # type: ignore[assignment,misc]
    return doorstep(["run"])


if __name__ == "__main__":
    sys.exit(main())
